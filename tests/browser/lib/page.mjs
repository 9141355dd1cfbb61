// Opens the built UI (ui/dist) in Debian's Chromium with the in-memory
// backend, without a server: requests to http://kindred.test/ are answered
// from the dist folder.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const here = new URL('.', import.meta.url).pathname;
const dist = resolve(here, '../../../ui/dist');
export const artifacts = resolve(here, '../artifacts');
const fakeBackend = await readFile(join(here, 'fake-backend.js'), 'utf8');

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A page showing Kindred with `seed` ties, in the given colour scheme; with
 * `lockedWith`, the data starts locked with that passphrase (the unlock screen);
 * with `problem` ({ kind, folder, details }), it won't open (the recovery screen).
 * `backups` are in the data folder from the start. */
export async function openKindred(
  browser,
  {
    seed = [],
    colorScheme = 'light',
    viewport = { width: 1280, height: 800 },
    lockedWith = null,
    problem = null,
    backups = [],
  } = {},
) {
  const context = await browser.newContext({ colorScheme, viewport, reducedMotion: 'reduce' });
  await context.route('http://kindred.test/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    const file = join(dist, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dist)) return route.fulfill({ status: 403 });
    try {
      const body = await readFile(file);
      await route.fulfill({ body, contentType: types[extname(file)] ?? 'application/octet-stream' });
    } catch {
      await route.fulfill({ status: 404 });
    }
  });
  // Anything else would be a network call: refuse it, as the app does.
  await context.route(/^(?!http:\/\/kindred\.test\/).*/, (route) => route.abort());
  await context.addInitScript(
    ({ ties, passphrase, problem, backups }) => {
      window.__KINDRED_SEED__ = ties;
      if (passphrase !== null) window.__KINDRED_LOCK__ = { passphrase };
      window.__KINDRED_PROBLEM__ = problem;
      window.__KINDRED_BACKUPS__ = backups;
    },
    { ties: seed, passphrase: lockedWith, problem, backups },
  );
  await context.addInitScript(fakeBackend);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto('http://kindred.test/index.html');
  if (problem !== null) await page.getByRole('heading', { level: 1 }).waitFor();
  else if (lockedWith !== null) await page.getByRole('heading', { level: 1, name: 'Welcome back' }).waitFor();
  else await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return { page, context, errors };
}

/** The input labelled exactly `label` (not the section that shares a heading's words). */
export const field = (scope, label) => scope.locator('input').and(scope.getByLabel(label, { exact: true }));

export const hasFocus = (locator) => locator.evaluate((el) => el === document.activeElement);

/** Nothing to scroll to sideways in the window's main area, however small. */
export async function noSidewaysScroll(page) {
  const overflow = await page.evaluate(() => {
    const main = document.querySelector('main');
    return main.scrollWidth - main.clientWidth;
  });
  assert.equal(overflow, 0);
}
