// The first-run "build your map" on the real app: a new person answers the
// support questions, places people on the rings, and finds them again
// after a restart.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Harness, byText } from '../lib/harness.mjs';

describe('First run on the real app', () => {
  const h = new Harness();

  before(async () => {
    await h.startDriver();
    await h.launch();
  });

  after(async () => {
    await h.stop();
  });

  it('greets a new user with the questions, privacy first', async () => {
    await h.browser.$('h1=Let’s build your map').waitForDisplayed({ timeout: 10_000 });
    assert.match(await h.browser.$('main').getText(), /stays on this computer/);
    await h.screenshot('first-run-welcome');
    await h.browser.$('button=Start with the questions').click();
  });

  it('turns answers into people with what they give', async () => {
    const answer = async (names) => {
      await h.browser.$('#first-run-names').setValue(names);
      const last = await h.browser.$('button=Done with questions').isExisting();
      await h.browser.$(last ? 'button=Done with questions' : 'button=Next').click();
    };
    await answer('Sam Okafor, Ana Lima');
    await h.screenshot('first-run-question');
    await answer('Ben Carter, sam okafor');
    for (let i = 0; i < 3; i++) await h.browser.$('button=Skip this one').click();
    await answer('Dr Patel');
    await h.browser.$('h1=How close is each one?').waitForDisplayed({ timeout: 10_000 });
    await h.screenshot('first-run-place');

    const stored = (await h.invoke('ties_list', {})).ok;
    const byName = Object.fromEntries(stored.map((t) => [t.name, t.supportTypes]));
    assert.deepEqual(byName, {
      'Ana Lima': ['emotional'],
      'Ben Carter': ['practical'],
      'Dr Patel': ['professional'],
      'Sam Okafor': ['emotional', 'practical'],
    });
  });

  it('places people on the rings and ends on Today', async () => {
    await h.browser.$('fieldset*=Circle for Sam Okafor').$('label*=Inner').click();
    await h.browser.$('fieldset*=Circle for Dr Patel').$('label*=Outer').click();
    await h.browser.$('button=Finish').click();
    await h.browser.$('h2=It might be nice to reach out to').waitForDisplayed({ timeout: 10_000 });
    const stored = (await h.invoke('ties_list', {})).ok;
    const circles = Object.fromEntries(stored.map((t) => [t.name, t.circle]));
    assert.deepEqual(circles, { 'Ana Lima': null, 'Ben Carter': null, 'Dr Patel': 'outer', 'Sam Okafor': 'inner' });
  });

  it('shows the named people on the map with what they give', async () => {
    await h.goTo('Map');
    const sam = await h.browser.$('[aria-label^="Sam Okafor"]');
    await sam.waitForDisplayed({ timeout: 10_000 });
    assert.match(await sam.getAttribute('aria-label'), /inner circle.*confide.*hands-on help/i);
    assert.match(await h.browser.$('[aria-label^="Dr Patel"]').getAttribute('aria-label'), /outer circle.*professional/i);
    assert.ok(await h.browser.$('[aria-label^="Ana Lima"]').isExisting(), 'unplaced people are shown too');
  });

  it('moves Ana to the inner circle by keyboard alone', async () => {
    await h.browser.execute(() => document.querySelector('[aria-label^="Ana Lima"]')?.focus());
    await h.browser.keys(['m']);
    await h.browser.$('[role="menu"]').waitForDisplayed({ timeout: 10_000 });
    await h.browser.keys(['Home']);
    await h.browser.keys(['Enter']);
    await h.browser.waitUntil(
      async () => /inner circle/i.test(await h.browser.$('[aria-label^="Ana Lima"]').getAttribute('aria-label')),
      { timeout: 10_000 },
    );
  });

  it('keeps the map after a restart, and does not ask again', async () => {
    await h.quit();
    await h.launch();
    await h.browser.$('main h1').waitForDisplayed({ timeout: 10_000 });
    assert.equal(await h.browser.$('h1=Let’s build your map').isExisting(), false);
    await h.goTo('Map');
    const ana = await h.browser.$('[aria-label^="Ana Lima"]');
    await ana.waitForDisplayed({ timeout: 10_000 });
    assert.match(await ana.getAttribute('aria-label'), /inner circle/i);
    await h.goTo('People');
    await byText(h.browser, 'main ul', 'Sam Okafor').waitForDisplayed({ timeout: 10_000 });
  });
});
