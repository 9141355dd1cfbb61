// The People slice on the real app: add through the UI, survive a restart,
// show hostile names as text, and explain invalid input in plain words.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Harness, byText } from '../lib/harness.mjs';

describe('People on the real app', () => {
  const h = new Harness();

  before(async () => {
    await h.startDriver();
    await h.launch();
    await h.goTo('People');
  });

  after(async () => {
    await h.stop();
  });

  async function addPerson(name) {
    const input = await h.browser.$('#new-person-name');
    await input.setValue(name);
    await h.browser.$('button=Add person').click();
  }

  it('adds a person through the form', async () => {
    await addPerson('Sam Okafor');
    const row = byText(h.browser, 'main ul', 'Sam Okafor');
    await row.waitForDisplayed({ timeout: 10_000 });
    assert.equal(await h.browser.$('#new-person-name').getValue(), '');
    await h.screenshot('people-after-add');
  });

  it('finds the person still there after the app restarts', async () => {
    await h.quit();
    await h.launch();
    await h.goTo('People');
    await byText(h.browser, 'main ul', 'Sam Okafor').waitForDisplayed({ timeout: 10_000 });
    const stored = await h.invoke('ties_list', {});
    assert.deepEqual(
      stored.ok.map((t) => t.name),
      ['Sam Okafor'],
    );
  });

  it('shows a name made of HTML literally and runs no script', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    await addPerson(hostile);
    await byText(h.browser, 'main ul', hostile).waitForDisplayed({ timeout: 10_000 });
    await h.browser.pause(300);
    assert.equal(await h.browser.$$('main img').length, 0, 'no <img> element was created');
    // An alert() would leave a dialog open; WebDriver reports "no such alert".
    await assert.rejects(() => h.browser.getAlertText());
    await h.screenshot('people-hostile-name');
  });

  it('explains an empty name beside the field', async () => {
    await h.browser.$('#new-person-name').setValue('   ');
    await h.browser.$('button=Add person').click();
    const alert = await h.browser.$('#new-person-error');
    await alert.waitForDisplayed({ timeout: 10_000 });
    assert.match(await alert.getText(), /Please give a name/);
    assert.equal(await h.browser.$('#new-person-name').getAttribute('aria-invalid'), 'true');
  });

  it('explains a 10,000-character name, and stores nothing', async () => {
    await h.browser.execute(() => {
      const input = document.getElementById('new-person-name');
      input.value = 'a'.repeat(10_000);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await h.browser.$('button=Add person').click();
    const alert = await h.browser.$('#new-person-error');
    await alert.waitUntil(async () => /100 characters/.test(await alert.getText()), { timeout: 10_000 });
    const stored = await h.invoke('ties_list', {});
    assert.equal(stored.ok.length, 2);
  });

  it('answers a control character in a name with a validation error over IPC', async () => {
    const result = await h.invoke('ties_create', { draft: { kind: 'person', name: 'Sam\u0007' } });
    assert.equal(result.err.code, 'validation');
    assert.equal(result.err.field, 'name');
  });

  it('refuses anything the window was not granted', async () => {
    // Only Kindred's own commands are granted: core plugins are not.
    const version = await h.invoke('plugin:app|version', {});
    assert.ok(version.err, 'plugin:app|version should be refused');
    const path = await h.invoke('plugin:path|resolve_directory', { directory: 1 });
    assert.ok(path.err, 'plugin:path should be refused');
    const unknown = await h.invoke('ties_delete_everything', {});
    assert.ok(unknown.err, 'an unknown command is refused');
  });

  it('opens "Need help now?" with crisis lines', async () => {
    await h.browser.$('button=Need help now?').click();
    const heading = await h.browser.$('h1=Need help now?');
    await heading.waitForDisplayed({ timeout: 10_000 });
    const text = await h.browser.$('main').getText();
    assert.match(text, /116 123/);
    assert.match(text, /988/);
    assert.match(text, /14416/);
    assert.match(text, /not a treatment/);
    await h.screenshot('help');
  });
});
