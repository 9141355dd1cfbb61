// Light, dark or following the computer, in Chromium: with the computer set
// to light, choosing Dark brings the dark palette (and back); with it set to
// dark, choosing Light brings the light one; "Follow this computer" follows
// the emulated setting again, even as it changes. axe runs on each, and
// screenshots of the Appearance card go to artifacts/ for a look by eye.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { noViolations } from '../lib/axe.mjs';
import { artifacts, launch, openKindred } from '../lib/page.mjs';

const seed = [{ name: 'Sam Okafor', circle: 'inner', sector: 'friends', supportTypes: ['emotional'] }];

/** Each palette's page background, as theme.css and dark.css give it. */
const palettes = {
  light: { bg: '#f7f3ee', body: 'rgb(247, 243, 238)', scheme: 'light' },
  dark: { bg: '#181614', body: 'rgb(24, 22, 20)', scheme: 'dark' },
};

/** What the page shows now: its --bg, the body's background and the root's color-scheme. */
const shown = (page) =>
  page.evaluate(() => {
    const root = getComputedStyle(document.documentElement);
    return {
      bg: root.getPropertyValue('--bg').trim(),
      body: getComputedStyle(document.body).backgroundColor,
      scheme: root.colorScheme,
    };
  });

/** Waits for the page to show the palette. (The reduced motion these pages ask for makes every
 * property a 0.01 ms transition in base.css, so the body's background lags its --bg by a frame.) */
async function showsPalette(page, name) {
  await page
    .waitForFunction((body) => getComputedStyle(document.body).backgroundColor === body, palettes[name].body, {
      timeout: 2000,
    })
    .catch(() => {});
  assert.deepEqual(await shown(page), palettes[name]);
}

const kept = (page) => page.evaluate(() => window.__KINDRED_FAKE__.look.appearance);

async function openSettings(colorScheme) {
  const browser = await launch();
  const { page, errors } = await openKindred(browser, { seed, colorScheme });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  const card = page.getByRole('region', { name: 'Appearance' });
  const group = card.getByRole('group', { name: 'Light or dark' });
  return { browser, page, errors, card, radio: (name) => group.getByRole('radio', { name, exact: true }) };
}

/** Opens Settings with the computer set to `scheme` before the suite's
 * tests and closes the browser after; the returned object fills in then. */
function settingsOpenedIn(scheme) {
  const ctx = {};
  before(async () => {
    mkdirSync(artifacts, { recursive: true });
    Object.assign(ctx, await openSettings(scheme));
  });
  after(async () => {
    await ctx.browser?.close();
  });
  return ctx;
}

describe('Appearance, with the computer set to light', () => {
  const ctx = settingsOpenedIn('light');
  const radio = (name) => ctx.radio(name);

  it('follows the computer to start with', async () => {
    assert.equal(await radio('Follow this computer').isChecked(), true);
    await showsPalette(ctx.page, 'light');
  });

  it('turns dark at once when Dark is chosen, keeps it, and passes axe', async () => {
    await radio('Dark').check();
    await showsPalette(ctx.page, 'dark');
    assert.equal(await ctx.page.locator('meta[name="color-scheme"]').getAttribute('content'), 'dark');
    await ctx.page.waitForFunction(() => window.__KINDRED_FAKE__.look.appearance === 'dark');
    await noViolations(ctx.page);
    await ctx.card.screenshot({ path: join(artifacts, 'appearance-dark.png') });
  });

  it('stays dark when the computer changes, until told to follow it', async () => {
    await ctx.page.emulateMedia({ colorScheme: 'dark' });
    await ctx.page.emulateMedia({ colorScheme: 'light' });
    await showsPalette(ctx.page, 'dark');
    await radio('Follow this computer').check();
    await showsPalette(ctx.page, 'light');
    assert.equal(await kept(ctx.page), 'system');
    assert.equal(await ctx.page.locator('meta[name="color-scheme"]').getAttribute('content'), 'light dark');
  });

  it('says so plainly, and goes back, when a choice cannot be kept', async () => {
    await ctx.page.evaluate(() => {
      window.__KINDRED_FAKE__.look.saveError = {
        code: 'internal',
        message: "Kindred couldn't finish that just now. Nothing was changed, so it's safe to try again.",
      };
    });
    // A click, not check(): the radio goes straight back, as it should.
    await radio('Dark').click();
    await ctx.card.getByRole('alert').filter({ hasText: "couldn't keep that choice" }).waitFor();
    assert.equal(await radio('Follow this computer').isChecked(), true);
    await showsPalette(ctx.page, 'light');
    await noViolations(ctx.page);
  });

  it('ran without page errors', () => {
    assert.deepEqual(ctx.errors.map(String), []);
  });
});

describe('Appearance, with the computer set to dark', () => {
  const ctx = settingsOpenedIn('dark');
  const radio = (name) => ctx.radio(name);

  it('follows the computer to start with', async () => {
    assert.equal(await radio('Follow this computer').isChecked(), true);
    await showsPalette(ctx.page, 'dark');
  });

  it('turns light at once when Light is chosen, by keyboard, and passes axe', async () => {
    await radio('Follow this computer').focus();
    await ctx.page.keyboard.press('ArrowRight');
    assert.equal(await radio('Light').isChecked(), true);
    await showsPalette(ctx.page, 'light');
    assert.equal(await ctx.page.locator('meta[name="color-scheme"]').getAttribute('content'), 'light');
    await ctx.page.waitForFunction(() => window.__KINDRED_FAKE__.look.appearance === 'light');
    await noViolations(ctx.page);
    await ctx.card.screenshot({ path: join(artifacts, 'appearance-light.png') });
  });

  it('follows the computer again when asked, even as it changes', async () => {
    await radio('Follow this computer').check();
    await showsPalette(ctx.page, 'dark');
    await ctx.page.emulateMedia({ colorScheme: 'light' });
    await showsPalette(ctx.page, 'light');
    await ctx.page.emulateMedia({ colorScheme: 'dark' });
    await showsPalette(ctx.page, 'dark');
    assert.equal(await kept(ctx.page), 'system');
    await noViolations(ctx.page);
  });

  it('ran without page errors', () => {
    assert.deepEqual(ctx.errors.map(String), []);
  });
});
