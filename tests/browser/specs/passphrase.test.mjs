// The passphrase in Chromium, in light and dark: set one in Settings, have
// this computer remember it and stop again, lock now, the unlock screen (axe,
// a wrong passphrase, the way out for a forgotten one), unlock and carry on.
// Screenshots of the unlock screen and the Passphrase section go to
// artifacts/ for a look by eye.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { noViolations } from '../lib/axe.mjs';
import { artifacts, field, hasFocus, launch, noSidewaysScroll, openKindred } from '../lib/page.mjs';

const seed = [
  { name: 'Sam Okafor', circle: 'inner', sector: 'friends', supportTypes: ['emotional'] },
  { name: 'Ana Lima', circle: 'middle', sector: 'family', supportTypes: ['practical'] },
];
const PASSPHRASE = 'quiet harbour lights';

for (const colorScheme of ['light', 'dark']) {
  describe(`Passphrase, ${colorScheme} theme`, () => {
    let browser;
    let page;
    let errors;
    const shot = (name) => join(artifacts, `${name}-${colorScheme}.png`);

    before(async () => {
      mkdirSync(artifacts, { recursive: true });
      browser = await launch();
      ({ page, errors } = await openKindred(browser, { seed, colorScheme }));
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    });

    after(async () => {
      await browser?.close();
    });

    it('explains the passphrase in Settings, and catches two that differ', async () => {
      const section = page.getByRole('region', { name: 'Passphrase' });
      await section.getByRole('button', { name: 'Set a passphrase' }).click();
      const form = section.getByRole('form', { name: 'Set a passphrase' });
      await field(form, 'Passphrase').fill(PASSPHRASE);
      await field(form, 'Type it again').fill('quiet harbour light');
      await form.getByRole('button', { name: 'Set passphrase' }).click();
      await form.getByRole('alert').filter({ hasText: "don't match yet" }).waitFor();
      assert.equal(await hasFocus(field(form, 'Type it again')), true);
      assert.equal(
        await page.evaluate(() => window.__KINDRED_FAKE__.calls.some((c) => c.cmd === 'lock_set_passphrase')),
        false,
      );
      await noViolations(page);
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: shot('passphrase-settings-set') });
    });

    it('sets a passphrase, and offers to lock, change or remove it', async () => {
      const section = page.getByRole('region', { name: 'Passphrase' });
      const form = section.getByRole('form', { name: 'Set a passphrase' });
      await field(form, 'Type it again').fill(PASSPHRASE);
      await field(form, 'Type it again').press('Enter');
      await section.getByText('Your data is protected with a passphrase.').waitFor();
      await section.getByRole('status').filter({ hasText: 'Your data is now protected' }).waitFor();
      await section.screenshot({ path: shot('passphrase-settings-protected') });
      await section.getByRole('button', { name: 'Change passphrase' }).click();
      await field(section, 'Current passphrase').waitFor();
      await noViolations(page);
      await section.screenshot({ path: shot('passphrase-settings-change') });
      await section.getByRole('button', { name: 'Not now' }).click();
    });

    it('remembers the passphrase on this computer, and stops again', async () => {
      const section = page.getByRole('region', { name: 'Passphrase' });
      const open = section.getByRole('button', { name: 'Remember on this computer…' });
      await open.click();
      assert.equal(await open.getAttribute('aria-expanded'), 'true');
      const form = section.getByRole('form', { name: 'Remember on this computer' });
      await form.getByText('anyone who can use your account on this computer', { exact: false }).waitFor();
      const current = field(form, 'Current passphrase');
      assert.equal(await hasFocus(current), true);

      // A wrong one stays on its field, and nothing is kept.
      await current.fill('not quite it');
      await current.press('Enter');
      await form.getByText("That isn't your passphrase.", { exact: false }).waitFor();
      assert.equal(await current.getAttribute('aria-invalid'), 'true');
      assert.equal(await page.evaluate(() => window.__KINDRED_FAKE__.lock.remembered), false);
      await noViolations(page);
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: shot('passphrase-remember') });

      await current.fill(PASSPHRASE);
      await form.getByRole('button', { name: 'Remember it' }).click();
      await section.getByText('Kindred opens by itself on this computer', { exact: false }).waitFor();
      await section.getByRole('status').filter({ hasText: 'This computer now keeps your passphrase' }).waitFor();
      assert.equal(await page.evaluate(() => window.__KINDRED_FAKE__.lock.remembered), true);
      assert.equal(await section.getByText('Kindred asks for it each time it starts', { exact: false }).count(), 0);
      await noViolations(page);
      await section.screenshot({ path: shot('passphrase-remembered') });

      await section.getByRole('button', { name: 'Stop remembering' }).click();
      await section.getByRole('status').filter({ hasText: 'no longer keeps your passphrase' }).waitFor();
      await section.getByRole('button', { name: 'Remember on this computer…' }).waitFor();
      assert.equal(await page.evaluate(() => window.__KINDRED_FAKE__.lock.remembered), false);
      await noViolations(page);
    });

    it('marks backups locked with the passphrase, and says an export is not', async () => {
      const yourData = page.getByRole('region', { name: 'Your data' });
      await yourData.getByRole('button', { name: 'Back up now' }).click();
      const list = yourData.getByRole('list', { name: 'Backups, newest first' });
      await list.getByText('Locked with your passphrase').waitFor();
      await yourData.getByRole('button', { name: 'Export everything' }).click();
      await yourData.getByText("Your passphrase doesn't protect exports", { exact: false }).waitFor();
      await noViolations(page);
      await list.scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot('passphrase-backups') });
      await page.getByRole('region', { name: 'Passphrase' }).scrollIntoViewIfNeeded();
    });

    it('locks now, and the unlock screen takes the whole window and passes axe', async () => {
      await page.getByRole('button', { name: 'Lock now' }).click();
      await page.getByRole('heading', { level: 1, name: 'Welcome back' }).waitFor();
      assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0);
      assert.equal(await hasFocus(field(page, 'Passphrase')), true);
      await noViolations(page);
      await page.screenshot({ path: shot('unlock') });
    });

    it("says when a passphrase doesn't open the data, with the cursor back in the field", async () => {
      const input = field(page, 'Passphrase');
      await input.fill('not quite it');
      await input.press('Enter');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.equal(
        await alert.textContent(),
        "That passphrase doesn't open your data. Nothing has changed; try again.",
      );
      assert.equal(await input.getAttribute('aria-invalid'), 'true');
      assert.equal(await hasFocus(input), true);
      await noViolations(page);
      await page.screenshot({ path: shot('unlock-wrong') });
    });

    it('explains a forgotten passphrase, and fits a small window', async () => {
      await page.setViewportSize({ width: 760, height: 540 });
      await page.getByRole('button', { name: 'Forgot your passphrase?' }).click();
      await page.getByText("There's no way back in without it", { exact: false }).waitFor();
      const go = page.getByRole('button', { name: 'Delete everything and start over' });
      assert.equal(await go.isDisabled(), true);
      await noViolations(page);
      await page.screenshot({ path: shot('unlock-forgot-small') });
      await noSidewaysScroll(page);
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.screenshot({ path: shot('unlock-forgot') });
      await page.getByRole('button', { name: 'Forgot your passphrase?' }).click();
    });

    it('opens "Need help now?" while locked, and comes back', async () => {
      await page.getByRole('button', { name: 'Need help now?' }).click();
      await page.getByRole('heading', { level: 1, name: 'Need help now?' }).waitFor();
      await noViolations(page);
      await page.getByRole('button', { name: 'Back' }).click();
      await page.getByRole('heading', { level: 1, name: 'Welcome back' }).waitFor();
    });

    it('unlocks, and the app is back where it was', async () => {
      const input = field(page, 'Passphrase');
      await input.fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Unlock' }).click();
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'People' }).click();
      await page.getByRole('button', { name: 'Sam Okafor', exact: true }).waitFor();
    });

    it('ran without page errors', () => {
      assert.deepEqual(errors.map(String), []);
    });
  });
}

describe('Starting locked', () => {
  let browser;
  let page;
  let errors;

  before(async () => {
    browser = await launch();
    ({ page, errors } = await openKindred(browser, { seed, lockedWith: PASSPHRASE }));
  });

  after(async () => {
    await browser?.close();
  });

  it('asks for the passphrase first, loads nothing until then, and says the window is up', async () => {
    await page.waitForFunction(() => window.__KINDRED_FAKE__.calls.some((c) => c.cmd === 'app_ready'));
    const asked = await page.evaluate(() => window.__KINDRED_FAKE__.calls.map((c) => c.cmd));
    // Kindred's own commands, not the event system's.
    const kindred = asked.filter((cmd) => !cmd.startsWith('plugin:') && cmd !== 'app_ready');
    assert.deepEqual(kindred, ['lock_status']);
    await field(page, 'Passphrase').fill(PASSPHRASE);
    await field(page, 'Passphrase').press('Enter');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    assert.equal(await page.getByRole('heading', { level: 1, name: 'Welcome back' }).count(), 0);
  });

  it('ran without page errors', () => {
    assert.deepEqual(errors.map(String), []);
  });
});
