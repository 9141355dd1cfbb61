// The first run's other way in, on the real app in the dark theme: a new
// person brings people in from the CSV file Outlook exports (Windows-1252,
// every field quoted, one row with no name), through the real file picker,
// then places them on the rings, as the questions' people are placed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Harness } from '../lib/harness.mjs';

const outlookCsv = new URL('../../../src-tauri/crates/core/tests/data/outlook-contacts.csv', import.meta.url).pathname;

describe('First run from an address book (dark theme)', () => {
  const h = new Harness({ env: { GTK_THEME: 'Adwaita:dark' } });
  const said = () => h.browser.$('main').getText();

  before(async () => {
    await h.startDriver();
    await h.launch();
  });

  after(async () => {
    await h.stop();
  });

  it('offers an address book beside the questions', async () => {
    await h.browser.$('h1=Let’s build your map').waitForDisplayed({ timeout: 10_000 });
    const dark = await h.browser.execute(() => matchMedia('(prefers-color-scheme: dark)').matches);
    assert.equal(dark, true, 'the app should follow the dark theme here');
    await h.browser.$('button=Bring people in from an address book').waitForDisplayed({ timeout: 10_000 });
    await h.screenshot('first-run-welcome-dark');
    await h.browser.$('button=Bring people in from an address book').click();
    await h.browser.$('h1=Bring people in from an address book').waitForDisplayed({ timeout: 10_000 });
  });

  it("reads Outlook's CSV as Outlook meant it, and names the row that can't come in", async () => {
    await h.browser.$('input[type="file"][accept*="csv"]').setValue(outlookCsv);
    await h.browser.waitUntil(async () => /5 of 5 chosen/.test(await said()), { timeout: 10_000 });
    const text = await said();
    assert.match(text, /François Lefèvre/);
    assert.match(text, /Zoë O'Brien/);
    assert.match(text, /Birthday 29 February 1996/);
    assert.match(text, /One contact in the file can't come in:/);
    assert.match(text, /Contact 5: It has no name/);
    // Circles are chosen on the next step here, not in each row.
    assert.match(text, /tick the people you'd like in Kindred\./);
    await h.screenshot('first-run-book-preview-dark');
    await h.browser.$('button=Bring in 5 people').click();
  });

  it('places them on the rings and ends on Today', async () => {
    await h.browser.$('h1=How close is each one?').waitForDisplayed({ timeout: 10_000 });
    await h.screenshot('first-run-book-place-dark');
    await h.browser.$("fieldset*=Circle for Zoë O'Brien").$('label*=Inner').click();
    await h.browser.$('fieldset*=Circle for Acme Community Choir').$('label*=Outer').click();
    await h.browser.$('button=Finish').click();
    await h.browser.$('h2=It might be nice to reach out to').waitForDisplayed({ timeout: 10_000 });

    const stored = (await h.invoke('ties_list', {})).ok;
    const byName = Object.fromEntries(stored.map((t) => [t.name, { circle: t.circle, birthday: t.birthday }]));
    assert.deepEqual(byName, {
      'Acme Community Choir': { circle: 'outer', birthday: null },
      'François Lefèvre': { circle: null, birthday: { day: 22, month: 3, year: 1980 } },
      'Leap Day': { circle: null, birthday: { day: 29, month: 2, year: 1996 } },
      Sam: { circle: null, birthday: null },
      "Zoë O'Brien": { circle: 'inner', birthday: { day: 25, month: 12, year: 1975 } },
    });
  });
});
