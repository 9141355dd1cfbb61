// The opt-in keychain on the real app, against a real Secret Service
// (GNOME Keyring on this test's own D-Bus session): once remembered, an
// encrypted Kindred opens by itself at start; once forgotten, it asks again.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Harness } from '../lib/harness.mjs';

const NAME = 'Zanzibarina Okonkwo';
const PASSPHRASE = 'river stones forty two';

describe('Remembering the passphrase in the system keychain (real app, GNOME Keyring)', () => {
  const h = new Harness();
  const keyrings = mkdtempSync(join(tmpdir(), 'kindred-keyrings-'));

  before(async () => {
    // A login keyring created and unlocked with a password on stdin (no
    // prompt; an empty one creates none), owned by this D-Bus session only.
    execFileSync('gnome-keyring-daemon', ['--replace', '--unlock', '--components=secrets', '--daemonize'], {
      input: 'kindred-test-keyring',
      env: { ...process.env, XDG_DATA_HOME: keyrings },
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    await h.startDriver();
    await h.launch();
    assert.ok((await h.invoke('ties_create', { draft: { kind: 'person', name: NAME } })).ok);
    assert.ok((await h.invoke('lock_set_passphrase', { current: null, passphrase: PASSPHRASE })).ok);
  });

  after(async () => {
    await h.stop();
    try {
      execFileSync('pkill', ['-f', 'gnome-keyring-daemon --replace']);
    } catch {
      // already gone
    }
    rmSync(keyrings, { recursive: true, force: true });
  });

  it('keeps the passphrase in the keychain, and the next start opens by itself', async () => {
    const wrong = await h.invoke('lock_remember', { passphrase: 'not the one' });
    assert.equal(wrong.err?.field, 'current');
    const kept = await h.invoke('lock_remember', { passphrase: PASSPHRASE });
    assert.deepEqual(kept.ok, { encrypted: true, locked: false, remembered: true, problem: null }, JSON.stringify(kept));
    await h.quit();
    await h.launch(); // waits for the main navigation, not the unlock screen
    assert.deepEqual((await h.invoke('lock_status')).ok, { encrypted: true, locked: false, remembered: true, problem: null });
    const ties = (await h.invoke('ties_list')).ok;
    assert.deepEqual(ties.map((t) => t.name), [NAME]);
  });

  it('once forgotten, the next start asks for the passphrase again', async () => {
    assert.equal((await h.invoke('lock_forget')).ok.remembered, false);
    await h.quit();
    await h.launch({ waitFor: 'input[type="password"]' });
    assert.deepEqual((await h.invoke('lock_status')).ok, { encrypted: true, locked: true, remembered: false, problem: null });
  });
});
