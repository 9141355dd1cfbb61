// Owning your data on the real app: export everything, delete everything
// (no file of Kindred's is left), start again and bring the export back —
// the map and the journal return.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Harness } from '../lib/harness.mjs';

describe('Export, delete everything, import on the real app', () => {
  const downloads = mkdtempSync(join(tmpdir(), 'kindred-downloads-'));
  const h = new Harness({ env: { KINDRED_EXPORT_DIR: downloads } });
  let exported = '';

  before(async () => {
    await h.startDriver();
    await h.launch();
    const sam = (await h.invoke('ties_create', {
      draft: { kind: 'person', name: 'Sam Okafor', circle: 'inner', supportTypes: ['emotional'] },
    })).ok;
    assert.ok(sam, 'seeded');
    await h.invoke('reflect_answer_prompt', { promptId: 'body-04', tieId: null, answer: 'Tea on the balcony with Sam' });
    await h.quit();
    await h.launch();
    await h.goTo('Settings');
  });

  after(async () => {
    await h.stop();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('exports everything into Downloads', async () => {
    await h.browser.$('button=Export everything').click();
    await h.browser.waitUntil(async () => readdirSync(downloads).some((f) => f.endsWith('.json')), { timeout: 10_000 });
    exported = join(downloads, readdirSync(downloads).find((f) => f.endsWith('.json')));
    const file = JSON.parse(readFileSync(exported, 'utf8'));
    assert.equal(file.format, 'kindred-export');
    assert.deepEqual(file.ties.map((t) => t.name), ['Sam Okafor']);
    await h.screenshot('own-data-exported');
  });

  it('deletes everything after the phrase is typed, and leaves no data file', async () => {
    await h.browser.$('button=Delete everything…').click();
    const confirm = await h.browser.$('[role="dialog"]').$('button=Delete everything');
    assert.equal(await confirm.isEnabled(), false, 'not before the phrase');
    await h.browser.$('[role="dialog"] input').setValue('delete everything');
    await h.browser.waitUntil(() => confirm.isEnabled(), { timeout: 5_000 });
    await h.screenshot('own-data-delete-confirm');
    await confirm.click();
    await h.browser.waitUntil(async () => /Everything is deleted/.test(await h.browser.$('[role="dialog"]').getText()), {
      timeout: 10_000,
    });
    // The app closes itself; nothing of Kindred's stays in its data folder.
    await new Promise((r) => setTimeout(r, 3_000));
    const left = existsSync(h.dataDir) ? readdirSync(h.dataDir) : [];
    assert.deepEqual(left.filter((f) => /kindred|snapshots|backups/.test(f)), [], `left: ${left}`);
  });

  it('starts fresh, brings the export back, and the map and journal return', async () => {
    await h.quit();
    await h.launch();
    await h.goTo('Settings');
    await h.browser.$('input[type="file"]').setValue(exported);
    await h.browser.$('label*=Replace what').click();
    const said = () => h.browser.$('main').getText();
    await h.browser.waitUntil(async () => /Will add 1 person/.test(await said()), { timeout: 10_000 });
    await h.browser.$('button=Bring it in').scrollIntoView();
    await h.screenshot('own-data-import-preview');
    await h.browser.$('button=Bring it in').click();
    await h.browser.waitUntil(async () => /Done\./.test(await said()), { timeout: 10_000 });
    await h.screenshot('own-data-imported');

    await h.goTo('Map');
    await h.browser.$('[aria-label^="Sam Okafor"]').waitForDisplayed({ timeout: 10_000 });
    await h.goTo('Reflect');
    await h.browser.$('button=Journal').click();
    await h.browser.waitUntil(async () => /Tea on the balcony with Sam/.test(await said()), { timeout: 10_000 }).catch(async (e) => {
      await h.screenshot('own-data-journal-after-import');
      throw e;
    });
  });

  it('brings people in from an address book file with their birthdays', async () => {
    await h.goTo('Settings');
    const file = new URL('../fixtures/address-book.vcf', import.meta.url).pathname;
    await h.browser.$('input[type="file"][accept*="vcf"]').setValue(file);
    const said = () => h.browser.$('main').getText();
    await h.browser.waitUntil(async () => /3 of 3 chosen/.test(await said()), { timeout: 10_000 });
    await h.browser.$('button=Bring in 3 people').scrollIntoView();
    await h.screenshot('own-data-vcard-preview');
    await h.browser.$('button=Bring in 3 people').click();
    await h.browser.waitUntil(async () => /Added 3 people/.test(await said()), { timeout: 10_000 });
    const ties = (await h.invoke('ties_list', {})).ok;
    const byName = Object.fromEntries(ties.map((t) => [t.name, t.birthday]));
    assert.deepEqual(byName['Chiamaka Okafor'], { day: 17, month: 5, year: null });
    assert.deepEqual(byName['Jürgen Müller'], { day: 12, month: 6, year: 1975 });
    assert.deepEqual(byName['Priya Raman'], { day: 29, month: 2, year: null });
  });

  // Real address books other software wrote (../shared/fixtures, never
  // copied into the project), through the real file picker: the bytes reach
  // the core, which reads their charset.
  const realFiles = new URL('../../../../shared/fixtures/vcard/', import.meta.url).pathname;
  const haveRealFiles = existsSync(join(realFiles, 'EXPECTED.tsv'));

  it('brings in a Shift_JIS Android file and an Outlook 2003 file as their makers meant', { skip: !haveRealFiles && '../shared/fixtures is not here' }, async () => {
    const said = () => h.browser.$('main').getText();
    const picker = () => h.browser.$('input[type="file"][accept*="vcf"]');
    await picker().setValue(join(realFiles, 'aosp-v21_japanese_2.vcf'));
    await h.browser.waitUntil(async () => /1 of 1 chosen/.test(await said()), { timeout: 10_000 });
    assert.match(await said(), /安藤 ロイド 1/);
    await h.browser.$('button=Bring in 1 person').click();
    await h.browser.waitUntil(async () => /Added 1 person/.test(await said()), { timeout: 10_000 });

    await picker().setValue(join(realFiles, 'ezvcard-outlook-2003.vcf'));
    await h.browser.waitUntil(async () => /1 of 1 chosen/.test(await said()), { timeout: 10_000 });
    await h.browser.$('button=Bring in 1 person').click();
    await h.browser.waitUntil(async () => /Added 1 person/.test(await said()), { timeout: 10_000 });
    const ties = (await h.invoke('ties_list', {})).ok;
    const byName = Object.fromEntries(ties.map((t) => [t.name, t.birthday]));
    assert.ok('安藤 ロイド 1' in byName, Object.keys(byName).join(', '));
    assert.deepEqual(byName['John Doe III'], { day: 21, month: 3, year: 1980 });
  });

  it("names the cards that can't come in and brings in the rest", { skip: !haveRealFiles && '../shared/fixtures is not here' }, async () => {
    const said = () => h.browser.$('main').getText();
    // An Android export whose first two cards hold only an email address.
    await h.browser.$('input[type="file"][accept*="vcf"]').setValue(join(realFiles, 'ezvcard-John_Doe_ANDROID.vcf'));
    await h.browser.waitUntil(async () => /2 contacts in the file can't come in/.test(await said()), { timeout: 10_000 });
    const text = await said();
    assert.match(text, /Contact 1: It has no name/);
    assert.match(text, /Contact 2: It has no name/);
    assert.match(text, /4 of 4 chosen/);
    await h.browser.$('aria/Contacts that can\'t come in').scrollIntoView({ block: 'center' });
    await h.screenshot('own-data-vcard-unreadable');
    await h.browser.$('button=Bring in 4 people').click();
    await h.browser.waitUntil(async () => /Added 4 people/.test(await said()), { timeout: 10_000 });
  });
});
