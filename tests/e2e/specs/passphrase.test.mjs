// Encryption at rest on the real app: a passphrase set in Settings leaves no
// readable name in any file Kindred keeps; the next start asks for it; a
// wrong one gets plain words and changes nothing; the right one brings the
// map and the journal back. Run in both themes, for the screenshots.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Harness } from '../lib/harness.mjs';

const NAME = 'Zanzibarina Okonkwo';
const ANSWER = 'Tea by the Quillmere canal';
const PASSPHRASE = 'river stones forty two';
const UNLOCK_FORM = 'input[type="password"]';

/** Every file under `dir` with its bytes. */
function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [[path, readFileSync(path)]];
  });
}

function filesHolding(dir, text) {
  return filesUnder(dir)
    .filter(([, bytes]) => bytes.includes(Buffer.from(text, 'utf8')))
    .map(([path]) => path);
}

for (const theme of ['light', 'dark']) describe(`A passphrase on the real app (${theme})`, () => {
  const h = new Harness({ env: { GTK_THEME: theme === 'dark' ? 'Adwaita:dark' : 'Adwaita' } });

  before(async () => {
    await h.startDriver();
    await h.launch();
    assert.ok((await h.invoke('ties_create', { draft: { kind: 'person', name: NAME, circle: 'inner' } })).ok);
    assert.ok((await h.invoke('reflect_answer_prompt', { promptId: 'body-04', tieId: null, answer: ANSWER })).ok);
    assert.ok((await h.invoke('data_back_up_now')).ok, 'a backup from before, which must be re-encrypted too');
    await h.goTo('Settings');
  });

  after(() => h.stop());

  it('sets a passphrase in Settings, and no file holds the names any more', async () => {
    assert.ok(filesHolding(h.dataDir, NAME).length > 0, 'readable before');
    const b = h.browser;
    await b.$('button=Set a passphrase').click();
    const fields = await b.$$('form input[type="password"]');
    await fields[0].setValue(PASSPHRASE);
    await fields[1].setValue(PASSPHRASE);
    await h.screenshot(`passphrase-set-${theme}`);
    await b.$('button=Set passphrase').click();
    await b.waitUntil(async () => /now protected/.test(await b.$('[role="status"]*=protected').getText().catch(() => '')), {
      timeout: 20_000,
      timeoutMsg: 'no word that the data is protected',
    });
    await h.screenshot(`passphrase-protected-${theme}`);
    const status = (await h.invoke('lock_status')).ok;
    assert.deepEqual(status, { encrypted: true, locked: false, remembered: false, problem: null });
    for (const text of [NAME, 'Zanzibarina', 'Quillmere']) {
      assert.deepEqual(filesHolding(h.dataDir, text), [], `${text} is readable`);
    }
  });

  it('asks for the passphrase at the next start; a wrong one says so and changes nothing', async () => {
    await h.quit();
    const before = filesUnder(h.dataDir);
    await h.launch({ waitFor: UNLOCK_FORM });
    const b = h.browser;
    assert.match(await b.$('h1').getText(), /Welcome back/);
    assert.equal((await h.invoke('ties_list')).err?.code, 'locked', 'nothing opens while locked');
    await h.screenshot(`passphrase-unlock-${theme}`);
    await b.$(UNLOCK_FORM).setValue('river stones forty three');
    await b.$('button=Unlock').click();
    await b.waitUntil(async () => /doesn.t open your data/.test(await b.$('body').getText()), {
      timeout: 10_000,
      timeoutMsg: 'no plain message for a wrong passphrase',
    });
    await h.screenshot(`passphrase-wrong-${theme}`);
    assert.deepEqual(filesUnder(h.dataDir), before, 'a wrong passphrase touches no file');
    // Need help now? is one click away even while locked.
    await b.$('button*=Need help now?').click();
    await b.$('h1*=help').waitForDisplayed({ timeout: 5_000 });
    await b.$('button*=Back').click();
    await b.$(UNLOCK_FORM).waitForDisplayed({ timeout: 5_000 });
  });

  it('the right passphrase brings the map and the journal back', async () => {
    const b = h.browser;
    await b.$(UNLOCK_FORM).setValue(PASSPHRASE);
    await b.$('button=Unlock').click();
    await b.$('nav[aria-label="Main"]').waitForDisplayed({ timeout: 15_000 });
    await h.goTo('People');
    await b.waitUntil(async () => (await b.$('main').getText()).includes(NAME), {
      timeout: 10_000,
      timeoutMsg: 'the person is not back on the People screen',
    });
    await h.screenshot(`passphrase-unlocked-${theme}`);
    const journal = (await h.invoke('journal_list', { filter: { query: 'quillmere' } })).ok;
    assert.equal(journal.entries.length, 1);
    const backups = (await h.invoke('data_backups')).ok;
    assert.ok(backups.length >= 1 && backups.every((x) => x.encrypted), 'every backup is encrypted');
  });

  it('Lock now shows the unlock screen; someone who forgot the passphrase can start over', async () => {
    const b = h.browser;
    await h.goTo('Settings');
    await b.$('button*=Lock now').click();
    await b.$(UNLOCK_FORM).waitForDisplayed({ timeout: 10_000 });
    assert.equal((await h.invoke('lock_status')).ok.locked, true);
    await b.$('button*=Forgot your passphrase?').click();
    const startOver = b.$('button*=Delete everything and start over');
    assert.equal(await startOver.isEnabled(), false, 'not before the phrase is typed');
    await b.$('form.start-over input').setValue('delete everything');
    await b.waitUntil(() => startOver.isEnabled(), { timeout: 5_000 });
    await h.screenshot(`passphrase-start-over-${theme}`);
    await startOver.click();
    // The app deletes every file of Kindred's, then closes itself.
    const gone = () =>
      !existsSync(h.dataDir) || filesUnder(h.dataDir).every(([path]) => !/kindred|backups|snapshots/.test(path));
    await b.waitUntil(gone, {
      timeout: 10_000,
      timeoutMsg: 'files of Kindred are left',
    });
  });
});
