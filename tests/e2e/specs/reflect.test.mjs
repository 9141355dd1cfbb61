// Guided reflection on the real app: a whole session by keyboard and
// clicks, with an intention; the journal shows it and search finds it; a
// restart keeps it all; the mood chart shows the session.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Harness } from '../lib/harness.mjs';

// Run in both themes: the steps' screenshots are looked at in light and dark.
for (const theme of ['light', 'dark']) describe(`A guided reflection on the real app (${theme})`, () => {
  const h = new Harness({ env: { GTK_THEME: theme === 'dark' ? 'Adwaita:dark' : 'Adwaita' } });
  const shot = async (name) => {
    await h.browser.pause(300); // let the step paint before the picture
    await h.screenshot(`${theme}-${name}`);
  };

  before(async () => {
    await h.startDriver();
    await h.launch();
    await h.invoke('ties_create', { draft: { kind: 'person', name: 'Ana Lima', supportTypes: ['emotional'] } });
    await h.quit();
    await h.launch();
    await h.goTo('Reflect');
  });

  after(async () => {
    await h.stop();
  });

  it('runs a weekly check-in from mood to summary', async () => {
    await h.browser.$('button[aria-label="Start Weekly check-in"]').click();
    await h.browser.$('h2=How are you arriving?').waitForDisplayed({ timeout: 10_000 });
    await shot('reflect-mood-before');
    await h.browser.$('fieldset*=How are you').$('label*=Low').click();
    await h.browser.$('label=tired').click();
    await h.browser.$('button=Begin').click();

    // First question: typed answer. Second: skipped. Then back and forward.
    await h.browser.$('#session-answer').waitForDisplayed({ timeout: 10_000 });
    await h.browser.$('#session-answer').setValue('A long walk by the canal with my sister, and soup afterwards.');
    await shot('reflect-question');
    await h.browser.$('button=Next').click();
    await h.browser.$('button=Back').waitForDisplayed({ timeout: 10_000 });
    await h.browser.$('button=Skip').click();
    let steps = 2;
    // Answer the rest briefly.
    while (await h.browser.$('#session-answer').isExisting()) {
      await h.browser.$('#session-answer').setValue(`Answer ${++steps}`);
      await h.browser.$('button=Next').click();
      await h.browser.pause(300);
    }
    await h.browser.$('h2*=one small thing').waitForDisplayed({ timeout: 10_000 });
    await h.browser.$('#session-intention-text').setValue('Ring Ana on Sunday evening');
    await h.browser.$('#session-intention-tie').selectByVisibleText('Ana Lima');
    await shot('reflect-intention');
    await h.browser.$('button=Next').click();
    await h.browser.$('h2=How are you leaving?').waitForDisplayed({ timeout: 10_000 });
    await h.browser.$('fieldset*=How are you').$('label*=Good').click();
    await h.browser.$('button=Finish').click();
    await h.browser.$('h2=Thank you for taking this time').waitForDisplayed({ timeout: 10_000 });
    await shot('reflect-summary');
    const text = await h.browser.$('main').getText();
    assert.match(text, /Ring Ana on Sunday evening/);

    const intentions = (await h.invoke('intentions_list', { openOnly: true })).ok;
    assert.equal(intentions.length, 1);
    assert.equal(intentions[0].tieName, 'Ana Lima');
  });

  it('shows the session in the journal, and search finds a word from it', async () => {
    await h.browser.$('button=See it in your journal').click();
    await h.browser.$('label=Search your journal').waitForDisplayed({ timeout: 10_000 });
    assert.match(await h.browser.$('main').getText(), /walk by the canal/);
    const search = await h.browser.$('input[type="search"]');
    await search.setValue('canal');
    await h.browser.waitUntil(async () => (await h.browser.$$('mark')).length > 0, { timeout: 10_000 });
    assert.equal(await h.browser.$('mark').getText(), 'canal');
    // Anything typed is a search, never an error.
    for (const hostile of ['"unclosed', 'OR -', '*', 'NEAR(', '🙂', '<img src=x onerror=alert(1)>']) {
      await search.setValue(hostile);
      await h.browser.pause(400);
      assert.equal(await h.browser.$('[role="alert"]').isExisting(), false, `no error for ${hostile}`);
    }
    await search.setValue('canal');
    await h.browser.waitUntil(async () => (await h.browser.$$('mark')).length > 0, { timeout: 10_000 });
    await shot('reflect-journal-search');
  });

  it('keeps it all after a restart, and the mood chart shows the session', async () => {
    await h.quit();
    await h.launch();
    await h.goTo('Reflect');
    await h.browser.$('button=Journal').click();
    await h.browser.$('label=Search your journal').waitForDisplayed({ timeout: 10_000 });
    assert.match(await h.browser.$('main').getText(), /walk by the canal/);
    await h.browser.$('button=Progress').click();
    const chart = await h.browser.$('svg[role="img"]');
    await chart.waitForDisplayed({ timeout: 10_000 });
    // A chart's table is built once it is opened, as a person would open it.
    await h.browser.$('summary=Show as a table').click();
    await h.browser.$('main table').waitForExist({ timeout: 10_000 });
    const table = await h.browser.execute(() => document.querySelector('main table')?.textContent ?? '');
    assert.match(table, /2/);
    assert.match(table, /4/);
    const charts = (await h.invoke('reflect_charts', {})).ok;
    assert.deepEqual(
      charts.moods.map((m) => [m.before, m.after]),
      [[2, 4]],
    );
    await shot('reflect-progress');
  });
});
