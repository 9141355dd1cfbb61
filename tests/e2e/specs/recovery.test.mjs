// When the data won't open, on the real app: a damaged database (as a disk
// failure leaves it) brings the recovery screen at start, with the reason in
// plain words and the backups listed; bringing one back opens the map as it
// was, and the damaged file is kept among the backups, set aside. Whole
// pages of noise look locked: "Sure of your passphrase, or never set one?"
// on the unlock screen starts fresh.
// Run in both themes, for the screenshots.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Harness } from '../lib/harness.mjs';

const DATABASE = 'kindred.sqlite3';
const PASSPHRASE = 'river stones forty two';

/** Leaves SQLite's header and overwrites the rest, log included, as a failing disk might. */
function damage(dir) {
  for (const log of ['-wal', '-shm']) rmSync(join(dir, DATABASE + log), { force: true });
  const bytes = readFileSync(join(dir, DATABASE));
  bytes.fill(0x5a, 100);
  writeFileSync(join(dir, DATABASE), bytes);
  return bytes;
}

/** The database files set aside among the backups (not their logs). */
function setAside(dir) {
  const folder = join(dir, 'backups');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.startsWith('kindred-set-aside-') && name.endsWith('.sqlite3'))
    .map((name) => readFileSync(join(folder, name)));
}

/** Waits for a smooth scroll to end, so a screenshot shows where it came to rest. */
async function scrolled(b) {
  const top = () => b.execute(() => document.querySelector('main')?.scrollTop ?? 0);
  let last = -1;
  await b.waitUntil(
    async () => {
      const now = await top();
      const still = now === last;
      last = now;
      return still;
    },
    { timeout: 5_000, interval: 150, timeoutMsg: 'the screen kept scrolling' },
  );
}

for (const theme of ['light', 'dark']) describe(`When the data won't open, on the real app (${theme})`, () => {
  const h = new Harness({ env: { GTK_THEME: theme === 'dark' ? 'Adwaita:dark' : 'Adwaita' } });

  before(async () => {
    await h.startDriver();
    await h.launch();
    assert.ok((await h.invoke('ties_create', { draft: { kind: 'person', name: 'Sam Achebe', circle: 'inner' } })).ok);
    assert.ok((await h.invoke('data_back_up_now')).ok);
    assert.ok((await h.invoke('ties_create', { draft: { kind: 'person', name: 'Ari Lindqvist' } })).ok);
    await h.quit();
  });

  after(() => h.stop());

  it('says the file looks damaged and lists the backups, without touching the file', async () => {
    const damaged = damage(h.dataDir);
    const b = await h.launch({ waitFor: 'h1*=couldn' });
    assert.match(await b.$('h1').getText(), /Kindred couldn't open your data/);
    const text = await b.$('main').getText();
    assert.match(text, /looks damaged/);
    assert.doesNotMatch(text, /error|corrupt|fatal/i);
    const status = (await h.invoke('lock_status')).ok;
    assert.equal(status.problem.kind, 'damaged');
    assert.equal((await h.invoke('ties_list')).err?.code, 'internal', 'nothing opens meanwhile');
    await b.$('button*=Bring back').waitForDisplayed({ timeout: 10_000 });
    // The daily one, taken at the first start, and the one made by hand.
    assert.equal((await b.$$('button*=Bring back')).length, 2);
    await h.screenshot(`recovery-damaged-${theme}`);
    assert.ok(readFileSync(join(h.dataDir, DATABASE)).equals(damaged), 'the file is as it was');
    // Need help now? is one click away here too.
    await b.$('button*=Need help now?').click();
    await b.$('h1*=help').waitForDisplayed({ timeout: 5_000 });
    await b.$('button*=Back').click();
    await b.$('h1*=couldn').waitForDisplayed({ timeout: 5_000 });
    h.damaged = damaged;
  });

  it('brings the backup back: the map is as it was then, and the damaged file is kept aside', async () => {
    const b = h.browser;
    await b.$('li*=You made this').$('button*=Bring back').click();
    await b.$('nav[aria-label="Main"]').waitForDisplayed({ timeout: 15_000 });
    await h.goTo('People');
    await b.waitUntil(async () => (await b.$('main').getText()).includes('Sam Achebe'), {
      timeout: 10_000,
      timeoutMsg: 'Sam is not back on the People screen',
    });
    assert.ok(!(await b.$('main').getText()).includes('Ari Lindqvist'), 'added after the backup');
    await h.screenshot(`recovery-restored-${theme}`);
    const kept = setAside(h.dataDir);
    assert.equal(kept.length, 1);
    assert.ok(kept[0].equals(h.damaged), 'the damaged file is kept byte for byte');
  });

  it('noise looks locked; "Sure of your passphrase, or never set one?" starts fresh', async () => {
    await h.quit();
    // Whole pages without SQLite's header: from outside, just what an
    // encrypted file looks like.
    writeFileSync(join(h.dataDir, DATABASE), Buffer.alloc(8192, 'kindred?'));
    for (const log of ['-wal', '-shm']) rmSync(join(h.dataDir, DATABASE + log), { force: true });
    const b = await h.launch({ waitFor: 'input[type="password"]' });
    await b.$('button*=Sure of your passphrase, or never set one?').click();
    await b.$('button*=Start fresh').click();
    await b.$('button=Start fresh now').waitForDisplayed({ timeout: 5_000 });
    await scrolled(b);
    await h.screenshot(`recovery-unlock-fresh-${theme}`);
    await b.$('button=Start fresh now').click();
    await b.$('nav[aria-label="Main"]').waitForDisplayed({ timeout: 15_000 });
    assert.deepEqual((await h.invoke('ties_list')).ok, []);
    assert.equal(setAside(h.dataDir).length, 2, 'the noise is kept aside too');
  });

  it('a locked file set aside by a fresh start comes back from Settings and opens with its passphrase', async () => {
    // Someone with a passphrase who, at the unlock screen, started fresh
    // (a Caps Lock made the right passphrase look wrong, say).
    assert.ok((await h.invoke('ties_create', { draft: { kind: 'person', name: 'Mira Okafor' } })).ok);
    assert.ok((await h.invoke('lock_set_passphrase', { current: null, passphrase: PASSPHRASE })).ok);
    await h.quit();
    let b = await h.launch({ waitFor: 'input[type="password"]' });
    await b.$('button*=Sure of your passphrase, or never set one?').click();
    await b.$('button*=Start fresh').click();
    await b.$('button=Start fresh now').waitForDisplayed({ timeout: 5_000 });
    await b.$('button=Start fresh now').click();
    await b.$('nav[aria-label="Main"]').waitForDisplayed({ timeout: 15_000 });

    await h.goTo('Settings');
    // The newest one set aside is the locked file.
    const row = b.$$('li*=Set aside when it wouldn')[0];
    await row.$('button*=Restore').click();
    const dialog = b.$('[role="dialog"]');
    await dialog.waitForDisplayed({ timeout: 5_000 });
    assert.match(await dialog.getText(), /locked with a passphrase/);
    await h.screenshot(`recovery-settings-locked-backup-${theme}`);
    await dialog.$('button=Restore').click();
    b = h.browser;
    await b.$('input[type="password"]').waitForDisplayed({ timeout: 15_000 });
    await h.screenshot(`recovery-settings-asks-${theme}`);
    await b.$('input[type="password"]').setValue(PASSPHRASE);
    await b.$('button=Unlock').click();
    await b.$('nav[aria-label="Main"]').waitForDisplayed({ timeout: 15_000 });
    await h.goTo('People');
    await b.waitUntil(async () => (await b.$('main').getText()).includes('Mira Okafor'), {
      timeout: 10_000,
      timeoutMsg: 'the locked data is not back',
    });
  });
});
