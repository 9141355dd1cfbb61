// Two Settings choices that only the real app can prove: the appearance
// switches the real WebKit page between palettes and is kept across a
// restart; and with "keep in the tray" off, closing the window (as a window
// manager does) quits Kindred instead of hiding it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { Harness } from '../lib/harness.mjs';

const closeWindowScript = new URL('../lib/close-window.py', import.meta.url).pathname;
const LIGHT_BG = '#f7f3ee';

const background = (h) =>
  h.browser.execute(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim());

function running() {
  try {
    return execFileSync('pgrep', ['-f', process.env.KINDRED_BIN ?? 'target/debug/kindred'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

describe('Appearance and closing the window, on the real app (system in light)', () => {
  const h = new Harness({ env: { GTK_THEME: 'Adwaita' } });

  before(async () => {
    await h.startDriver();
    await h.launch();
  });

  after(() => h.stop());

  it('follows the light system, switches to dark when chosen, and keeps it after a restart', async () => {
    assert.equal(await background(h), LIGHT_BG);
    assert.equal(await h.browser.execute(() => window.__KINDRED_APPEARANCE__), 'system');
    await h.goTo('Settings');
    await h.browser.$('label=Dark').click();
    await h.browser.waitUntil(async () => (await background(h)) !== LIGHT_BG, {
      timeout: 5_000,
      timeoutMsg: 'the palette did not change',
    });
    await h.screenshot('appearance-dark-chosen');
    assert.equal((await h.invoke('settings_appearance')).ok, 'dark');
    await h.quit();
    await h.launch();
    // The app hands the page the choice before any of it loads, so the
    // first paint is already dark (not the computer's light for a moment).
    assert.equal(await h.browser.execute(() => window.__KINDRED_APPEARANCE__), 'dark');
    assert.equal(
      await h.browser.execute(() => document.documentElement.dataset.appearanceAtStart),
      'dark',
      'the page applied it before its first paint',
    );
    await h.browser.waitUntil(async () => (await background(h)) !== LIGHT_BG, {
      timeout: 10_000,
      timeoutMsg: 'the chosen dark palette did not come back after a restart',
    });
    await h.browser.$('nav').$('button=Settings').click();
    await h.browser.$('label=Follow this computer').click();
    await h.browser.waitUntil(async () => (await background(h)) === LIGHT_BG, { timeout: 5_000 });
  });

  it('quits when the window is closed, if the person chose not to keep it in the tray', async () => {
    const settings = (await h.invoke('settings_reminders')).ok;
    assert.equal(settings.keepInTray, true, 'kept in the tray by default');
    assert.ok((await h.invoke('settings_set_reminders', { value: { ...settings, keepInTray: false } })).ok);
    assert.ok(running());
    const ids = execFileSync('xdotool', ['search', '--onlyvisible', '--name', '^Kindred$'], { encoding: 'utf8' })
      .trim()
      .split('\n');
    execFileSync('python3', [closeWindowScript, ...ids]);
    const deadline = Date.now() + 10_000;
    while (running() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.equal(running(), false, 'Kindred quit when its window closed');
  });
});
