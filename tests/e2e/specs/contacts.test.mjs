// A tie's page and logging a contact on the real app: fill in who someone
// is, log time together from the sidebar, and find it all after a restart.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Harness, byText } from '../lib/harness.mjs';

describe('A person\'s page and logging contacts', () => {
  const h = new Harness();

  before(async () => {
    await h.startDriver();
    await h.launch();
    await h.invoke('ties_create', { draft: { kind: 'person', name: 'Ana Lima' } });
    await h.quit();
    await h.launch();
    await h.goTo('People');
  });

  after(async () => {
    await h.stop();
  });

  it('fills in the circle and what they give, and saves', async () => {
    await h.browser.$('button=Ana Lima').click();
    await h.browser.$('h1=Ana Lima').waitForDisplayed({ timeout: 10_000 });
    await h.browser.$('label*=Inner circle').click();
    await h.browser.$('label*=Someone to confide in').click();
    await h.browser.$('#tie-next-time').setValue('Ask how the allotment is doing');
    await h.browser.$('button=Save changes').click();
    await h.browser.$('span=Saved.').waitForDisplayed({ timeout: 10_000 });
    const stored = (await h.invoke('ties_list', {})).ok[0];
    assert.equal(stored.circle, 'inner');
    assert.deepEqual(stored.supportTypes, ['emotional']);
    assert.equal(stored.nextTimeNote, 'Ask how the allotment is doing');
  });

  it('explains an impossible birthday beside the field', async () => {
    await h.browser.$('#tie-bday-day').setValue('31');
    await h.browser.$('#tie-bday-month').selectByVisibleText('February');
    await h.browser.$('button=Save changes').click();
    const error = await h.browser.$('#tie-birthday-error');
    await error.waitForDisplayed({ timeout: 10_000 });
    assert.match(await error.getText(), /doesn't exist/);
    await h.browser.$('#tie-bday-day').clearValue();
    await h.browser.$('#tie-bday-month').selectByVisibleText('Month');
  });

  it('logs a contact from the sidebar, and the page shows it', async () => {
    await h.browser.$('nav').$('button=Log a contact').click();
    const dialog = await h.browser.$('[role="dialog"]');
    await dialog.waitForDisplayed({ timeout: 10_000 });
    await dialog.$('label*=Ana Lima').click();
    await dialog.$('label*=In person').click();
    await dialog.$('label*=Better').click();
    await dialog.$('#contact-note').setValue('Walked round the park');
    await h.screenshot('log-contact-dialog');
    await dialog.$('button=Save contact').click();
    await dialog.waitForDisplayed({ reverse: true, timeout: 10_000 });
    await byText(h.browser, 'main', 'Walked round the park').waitForDisplayed({ timeout: 10_000 });
    await h.screenshot('person-page');
  });

  it('edits a logged contact from the timeline', async () => {
    await h.browser.$('button*=Edit').click();
    const dialog = await h.browser.$('[role="dialog"]');
    await dialog.waitForDisplayed({ timeout: 10_000 });
    await dialog.$('#contact-note').setValue('Walked round the park, then tea');
    await dialog.$('button=Save changes').click();
    await dialog.waitForDisplayed({ reverse: true, timeout: 10_000 });
    await byText(h.browser, 'main', 'Walked round the park, then tea').waitForDisplayed({ timeout: 10_000 });
  });

  it('keeps everything after a restart', async () => {
    await h.quit();
    await h.launch();
    await h.goTo('People');
    await h.browser.$('button=Ana Lima').click();
    await byText(h.browser, 'main', 'Walked round the park, then tea').waitForDisplayed({ timeout: 10_000 });
    assert.match(await h.browser.$('main header').getText(), /last in touch today/);
  });
});
