// When Kindred's data won't open, in Chromium, light and dark: the recovery screen for a damaged
// file (axe, a refused backup, starting fresh in two steps, the details, a small window), bringing
// back a backup locked with a passphrase (the damaged file then listed among the backups), the
// folder that can't be reached and "Try again", no folder at all, data from a newer Kindred (kept
// among the backups, in Settings), and "Sure of your passphrase, or never set one?" on the unlock
// screen. Screenshots go to artifacts/ for a look by eye.
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
const backups = [
  { name: 'kindred-daily-2026-11-24.sqlite3', kind: 'daily', takenAt: '2026-11-24T09:00:00Z', bytes: 245760, encrypted: false },
  { name: 'kindred-before_import-2026-11-22.sqlite3', kind: 'before_import', takenAt: '2026-11-22T20:15:00Z', bytes: 238592, encrypted: false },
  { name: 'kindred-manual-2026-11-20.sqlite3', kind: 'manual', takenAt: '2026-11-20T18:30:00Z', bytes: 241000, encrypted: true },
];
const damaged = {
  kind: 'damaged',
  folder: '/home/you/.local/share/kindred',
  details: 'Opening /home/you/.local/share/kindred/kindred.sqlite3: file is not a database (code 26)',
};

const fake = (page, read) => page.evaluate(read);
/** The backups the ways back have set aside, as the fake holds them. */
const setAside = (page) => fake(page, () => window.__KINDRED_FAKE__.backups.filter((b) => b.kind === 'set_aside'));
const SET_ASIDE_LABEL = "Set aside when it wouldn't open";

/** Kindred opened in Chromium with `options` for the tests of one describe, closed after them; the page
 * and its errors are on the returned object once they start. */
function kindredOpenedWith(options) {
  const ctx = {};
  before(async () => {
    mkdirSync(artifacts, { recursive: true });
    ctx.browser = await launch();
    Object.assign(ctx, await openKindred(ctx.browser, { seed, backups, ...options }));
  });
  after(async () => {
    await ctx.browser?.close();
  });
  return ctx;
}

/** The last test of each describe. */
function ranWithoutPageErrors(ctx) {
  it('ran without page errors', () => {
    assert.deepEqual(ctx.errors.map(String), []);
  });
}

for (const colorScheme of ['light', 'dark']) {
  const shot = (name) => join(artifacts, `${name}-${colorScheme}.png`);

  describe(`A damaged file, ${colorScheme} theme`, () => {
    const ctx = kindredOpenedWith({ colorScheme, problem: damaged });
    before(async () => {
      // The encrypted backup was locked with this passphrase.
      await ctx.page.evaluate((p) => (window.__KINDRED_FAKE__.lock.passphrase = p), PASSPHRASE);
    });

    it('says what happened in plain words, lists the backups, and passes axe', async () => {
      const heading = ctx.page.getByRole('heading', { level: 1, name: "Kindred couldn't open your data" });
      await heading.waitFor();
      assert.equal(await hasFocus(heading), true);
      assert.equal(await ctx.page.getByRole('navigation', { name: 'Main' }).count(), 0);
      const list = ctx.page.getByRole('list', { name: 'Backups, newest first' });
      await list.getByRole('listitem').nth(2).waitFor();
      await list.getByText('Locked with your passphrase').waitFor();
      const words = await ctx.page.locator('main').textContent();
      assert.doesNotMatch(words, /error|corrupt|fatal/i);
      await noViolations(ctx.page);
      await ctx.page.screenshot({ path: shot('recovery-damaged') });
    });

    it('says so when a backup is refused, and nothing else changes', async () => {
      await ctx.page.evaluate((name) => window.__KINDRED_FAKE__.recovery.refused.push(name), backups[1].name);
      await ctx.page.getByRole('button', { name: /^Bring back the backup from/ }).nth(1).click();
      const alert = ctx.page.getByRole('alert');
      await alert.waitFor();
      assert.equal(await alert.textContent(), "That file isn't a Kindred backup, or it is damaged. Nothing was changed.");
      assert.equal(await hasFocus(alert), true);
      assert.deepEqual(await setAside(ctx.page), []);
      await ctx.page.getByRole('heading', { level: 1, name: "Kindred couldn't open your data" }).waitFor();
      await noViolations(ctx.page);
      await ctx.page.getByRole('list', { name: 'Backups, newest first' }).scrollIntoViewIfNeeded();
      await ctx.page.screenshot({ path: shot('recovery-refused') });
    });

    it('starts fresh only after saying what it does', async () => {
      const first = ctx.page.getByRole('button', { name: 'Start fresh…' });
      await first.click();
      assert.equal(await first.getAttribute('aria-expanded'), 'true');
      await ctx.page.getByText('from Settings → Your data', { exact: false }).waitFor();
      const kept = ctx.page.getByText("The file that won't open is kept with the backups, not deleted.", { exact: false });
      assert.equal(await kept.count(), 2);
      const yes = ctx.page.getByRole('button', { name: 'Start fresh now' });
      await yes.scrollIntoViewIfNeeded();
      await noViolations(ctx.page);
      await ctx.page.screenshot({ path: shot('recovery-start-fresh') });
      await ctx.page.getByRole('button', { name: 'Not now' }).click();
      assert.equal(await first.getAttribute('aria-expanded'), 'false');
      assert.equal(await fake(ctx.page, () => window.__KINDRED_FAKE__.calls.some((c) => c.cmd === 'recovery_start_fresh')), false);
    });

    it('keeps the details for anyone helping behind a disclosure', async () => {
      await ctx.page.getByRole('button', { name: 'Details for anyone helping you' }).click();
      await ctx.page.getByText(damaged.details).waitFor();
      await ctx.page.getByRole('button', { name: 'Rather delete everything?' }).click();
      await ctx.page.getByRole('button', { name: 'Delete everything and start over' }).scrollIntoViewIfNeeded();
      await noViolations(ctx.page);
      await ctx.page.screenshot({ path: shot('recovery-details') });
      await ctx.page.getByRole('button', { name: 'Rather delete everything?' }).click();
    });

    it('fits a small window', async () => {
      await ctx.page.setViewportSize({ width: 760, height: 540 });
      await ctx.page.locator('main').evaluate((main) => main.scrollTo(0, 0));
      await noSidewaysScroll(ctx.page);
      await ctx.page.screenshot({ path: shot('recovery-small') });
      await ctx.page.setViewportSize({ width: 1280, height: 800 });
    });

    it('opens "Need help now?" and comes back', async () => {
      await ctx.page.getByRole('button', { name: 'Need help now?' }).click();
      await ctx.page.getByRole('heading', { level: 1, name: 'Need help now?' }).waitFor();
      await noViolations(ctx.page);
      await ctx.page.getByRole('button', { name: 'Back' }).click();
      const heading = ctx.page.getByRole('heading', { level: 1, name: "Kindred couldn't open your data" });
      await heading.waitFor();
      assert.equal(await hasFocus(heading), true);
    });

    it('brings back a backup locked with a passphrase, asks for it, and opens what it holds', async () => {
      await ctx.page.getByRole('button', { name: /^Bring back the backup from/ }).nth(2).click();
      await ctx.page.getByRole('heading', { level: 1, name: 'Welcome back' }).waitFor();
      await ctx.page.getByText('The backup you brought back is locked with a passphrase', { exact: false }).waitFor();
      const input = field(ctx.page, 'Passphrase');
      assert.equal(await hasFocus(input), true);
      await noViolations(ctx.page);
      await ctx.page.screenshot({ path: shot('recovery-backup-locked') });
      await input.fill(PASSPHRASE);
      await input.press('Enter');
      await ctx.page.getByRole('navigation', { name: 'Main' }).waitFor();
      await ctx.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'People' }).click();
      await ctx.page.getByRole('button', { name: 'Sam Okafor', exact: true }).waitFor();
      assert.equal((await setAside(ctx.page)).length, 1);
    });

    it('lists the file that wouldn\'t open among the backups in Settings, and refuses it, being damaged', async () => {
      await ctx.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
      const yourData = ctx.page.getByRole('region', { name: 'Your data' });
      const first = yourData.getByRole('list', { name: 'Backups, newest first' }).getByRole('listitem').first();
      await first.getByText(SET_ASIDE_LABEL).waitFor();
      await first.scrollIntoViewIfNeeded();
      await noViolations(ctx.page);
      await ctx.page.screenshot({ path: shot('recovery-set-aside-listed') });
      await first.getByRole('button', { name: /^Restore the backup from/ }).click();
      const dialog = ctx.page.getByRole('dialog', { name: 'Restore this backup?' });
      await dialog.getByRole('button', { name: 'Restore' }).click();
      const alert = dialog.getByRole('alert');
      await alert.waitFor();
      assert.equal(await alert.textContent(), "That file isn't a Kindred backup, or it is damaged. Nothing was changed.");
      await dialog.getByRole('button', { name: 'Not now' }).click();
    });

    ranWithoutPageErrors(ctx);
  });

  describe(`A folder that can't be reached, ${colorScheme} theme`, () => {
    const ctx = kindredOpenedWith({
      colorScheme,
      problem: {
        kind: 'unreadable',
        folder: '/media/you/Backup Drive/kindred',
        details: 'Opening /media/you/Backup Drive/kindred/kindred.sqlite3: Permission denied (os error 13)',
      },
    });

    it('shows the folder, what may help, and tries again until it opens', async () => {
      await ctx.page.getByRole('heading', { level: 1, name: "Kindred couldn't reach its folder" }).waitFor();
      await ctx.page.getByText('/media/you/Backup Drive/kindred', { exact: true }).waitFor();
      await ctx.page.getByRole('list', { name: 'Backups, newest first' }).waitFor();
      await noViolations(ctx.page);
      await ctx.page.screenshot({ path: shot('recovery-unreadable') });

      await ctx.page.getByRole('button', { name: 'Try again' }).click();
      const still = ctx.page.getByText("It still didn't open.", { exact: false });
      await still.waitFor();
      assert.equal(await hasFocus(still), true);
      await noViolations(ctx.page);

      await ctx.page.evaluate(() => (window.__KINDRED_FAKE__.recovery.opensOnRetry = true));
      await ctx.page.getByRole('button', { name: 'Try again' }).click();
      await ctx.page.getByRole('navigation', { name: 'Main' }).waitFor();
    });

    ranWithoutPageErrors(ctx);
  });

  describe(`No folder at all, ${colorScheme} theme`, () => {
    const ctx = kindredOpenedWith({
      colorScheme,
      problem: { kind: 'unreadable', folder: null, details: 'No folder for Kindred\'s data: $HOME is not set' },
    });

    it('says so and what may help, offers no way back that would fail, and passes axe', async () => {
      const heading = ctx.page.getByRole('heading', { level: 1, name: "Kindred couldn't find a folder for your data" });
      await heading.waitFor();
      assert.equal(await hasFocus(heading), true);
      await ctx.page.getByText('Nothing has been changed.', { exact: false }).waitFor();
      await ctx.page.getByText('Restart the computer, then open Kindred again.').waitFor();
      for (const name of ['Try again', 'Start fresh…', 'Rather delete everything?'])
        assert.equal(await ctx.page.getByRole('button', { name }).count(), 0, name);
      assert.equal(await ctx.page.getByRole('list', { name: 'Backups, newest first' }).count(), 0);
      assert.doesNotMatch(await ctx.page.locator('main').textContent(), /error|corrupt|fatal/i);
      await ctx.page.getByRole('button', { name: 'Details for anyone helping you' }).click();
      await ctx.page.getByText("No folder for Kindred's data: $HOME is not set").waitFor();
      await noViolations(ctx.page);
      await ctx.page.screenshot({ path: shot('recovery-no-folder') });
      assert.equal(await fake(ctx.page, () => window.__KINDRED_FAKE__.calls.some((c) => c.cmd === 'recovery_backups')), false);
    });

    it('opens "Need help now?" and comes back', async () => {
      await ctx.page.getByRole('button', { name: 'Need help now?' }).click();
      await ctx.page.getByRole('heading', { level: 1, name: 'Need help now?' }).waitFor();
      await ctx.page.getByRole('button', { name: 'Back' }).click();
      await ctx.page.getByRole('heading', { level: 1, name: "Kindred couldn't find a folder for your data" }).waitFor();
    });

    ranWithoutPageErrors(ctx);
  });

  describe(`Data from a newer Kindred, ${colorScheme} theme`, () => {
    const ctx = kindredOpenedWith({
      colorScheme,
      problem: {
        kind: 'newer',
        folder: '/home/you/.local/share/kindred',
        details: 'The data is at version 9; this Kindred knows up to 7.',
      },
    });

    it('says updating will open it, and starts fresh when asked twice, keeping it among the backups', async () => {
      await ctx.page.getByRole('heading', { level: 1, name: 'This data is from a newer Kindred' }).waitFor();
      await ctx.page.getByText('Updating Kindred will open them', { exact: false }).waitFor();
      await ctx.page.getByRole('list', { name: 'Backups, newest first' }).waitFor();
      await noViolations(ctx.page);
      await ctx.page.screenshot({ path: shot('recovery-newer') });

      await ctx.page.getByRole('button', { name: 'Start fresh…' }).click();
      const later = ctx.page.getByText(
        'Your newer data is kept with the backups, not deleted. Once Kindred is updated, you can bring it back from Settings → Your data.',
      );
      assert.equal(await later.count(), 2);
      await ctx.page.getByRole('button', { name: 'Start fresh now' }).scrollIntoViewIfNeeded();
      await noViolations(ctx.page);
      await ctx.page.screenshot({ path: shot('recovery-newer-start-fresh') });
      await ctx.page.getByRole('button', { name: 'Start fresh now' }).click();
      // An empty map starts with the first-run questions.
      await ctx.page.getByRole('navigation', { name: 'Main' }).waitFor();
      assert.equal(await fake(ctx.page, () => window.__KINDRED_FAKE__.ties.length), 0);

      // Settings → Your data lists it first, ready for when Kindred is updated.
      await ctx.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
      const list = ctx.page.getByRole('region', { name: 'Your data' }).getByRole('list', { name: 'Backups, newest first' });
      await list.getByRole('listitem').first().getByText(SET_ASIDE_LABEL).waitFor();
      assert.equal((await setAside(ctx.page)).length, 1);
    });

    ranWithoutPageErrors(ctx);
  });

  describe(`"Sure of your passphrase, or never set one?" on the unlock screen, ${colorScheme} theme`, () => {
    const ctx = kindredOpenedWith({ colorScheme, lockedWith: PASSPHRASE });

    it('explains a file that may be damaged, offers the ways back, and passes axe', async () => {
      const disclose = ctx.page.getByRole('button', { name: 'Sure of your passphrase, or never set one?' });
      await disclose.click();
      assert.equal(await disclose.getAttribute('aria-expanded'), 'true');
      await ctx.page.getByText('may be damaged rather than locked', { exact: false }).waitFor();
      await ctx.page.getByRole('list', { name: 'Backups, newest first' }).waitFor();
      await noViolations(ctx.page);
      await ctx.page.screenshot({ path: shot('unlock-never-set') });
    });

    it('fits a small window', async () => {
      await ctx.page.setViewportSize({ width: 760, height: 540 });
      await ctx.page.getByRole('button', { name: 'Sure of your passphrase, or never set one?' }).scrollIntoViewIfNeeded();
      await ctx.page.getByRole('button', { name: 'Sure of your passphrase, or never set one?' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await noSidewaysScroll(ctx.page);
      await ctx.page.screenshot({ path: shot('unlock-never-set-small') });
      await ctx.page.setViewportSize({ width: 1280, height: 800 });
    });

    it('opens with a plain backup brought back', async () => {
      await ctx.page.getByRole('button', { name: /^Bring back the backup from/ }).first().click();
      await ctx.page.getByRole('navigation', { name: 'Main' }).waitFor();
      assert.equal(await fake(ctx.page, () => window.__KINDRED_FAKE__.lock.locked), false);
    });

    ranWithoutPageErrors(ctx);
  });
}
