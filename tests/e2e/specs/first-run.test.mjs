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
    await h.browser.$('button=Start').click();
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

  it('keeps the map after a restart, and does not ask again', async () => {
    await h.quit();
    await h.launch();
    await h.browser.$('main h1').waitForDisplayed({ timeout: 10_000 });
    assert.equal(await h.browser.$('h1=Let’s build your map').isExisting(), false);
    await h.goTo('People');
    await byText(h.browser, 'main ul', 'Sam Okafor').waitForDisplayed({ timeout: 10_000 });
  });
});
