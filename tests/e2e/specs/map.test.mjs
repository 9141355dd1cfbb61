// The map on the real app: the first-run names appear with what they give,
// one moves to the inner circle by the keyboard path, and it stays there
// after a restart.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Harness } from '../lib/harness.mjs';

describe('The map on the real app', () => {
  const exportDir = mkdtempSync(join(tmpdir(), 'kindred-exports-'));
  const h = new Harness({ env: { KINDRED_EXPORT_DIR: exportDir } });

  before(async () => {
    await h.startDriver();
    await h.launch();
    const built = await h.invoke('ties_build_map', {
      answers: [
        { supportType: 'emotional', names: 'Sam Okafor, Ana Lima' },
        { supportType: 'practical', names: 'Ben Carter' },
        { supportType: 'belonging', names: 'Choir' },
      ],
    });
    assert.ok(built.ok, JSON.stringify(built.err));
    for (const tie of built.ok) {
      await h.invoke('ties_move', { id: tie.id, circle: tie.name === 'Ben Carter' ? 'outer' : 'middle' });
    }
    await h.quit();
    await h.launch();
    await h.goTo('Map');
  });

  after(async () => {
    await h.stop();
    rmSync(exportDir, { recursive: true, force: true });
  });

  it('shows each named tie with its circle and what it gives', async () => {
    const sam = await h.browser.$('[aria-label^="Sam Okafor"]');
    await sam.waitForDisplayed({ timeout: 10_000 });
    assert.match(await sam.getAttribute('aria-label'), /middle circle.*confide/i);
    assert.match(await h.browser.$('[aria-label^="Ben Carter"]').getAttribute('aria-label'), /outer circle.*hands-on help/i);
    await h.screenshot('map');
  });

  it('moves Sam to the inner circle with the keyboard', async () => {
    // Keyboard only: focus the node, press M, choose from the menu.
    await h.browser.execute(() => {
      const node = document.querySelector('[aria-label^="Sam Okafor"]');
      node?.focus();
    });
    await h.browser.keys(['m']);
    const menu = await h.browser.$('[role="menu"]');
    await menu.waitForDisplayed({ timeout: 10_000 });
    await h.browser.keys(['ArrowDown']);
    // The menu opens on the current circle (middle); Home is Inner.
    await h.browser.keys(['Home']);
    assert.match(await h.browser.execute(() => document.activeElement?.textContent ?? ''), /Inner/);
    await h.browser.keys(['Enter']);
    await h.browser.waitUntil(
      async () => /inner circle/i.test(await h.browser.$('[aria-label^="Sam Okafor"]').getAttribute('aria-label')),
      { timeout: 10_000 },
    );
    const stored = (await h.invoke('ties_list', {})).ok.find((t) => t.name === 'Sam Okafor');
    assert.equal(stored.circle, 'inner');
  });

  it('saves the map as SVG and PNG files and says where', async () => {
    await h.browser.$('button=Save as SVG').click();
    await h.browser.waitUntil(async () => readdirSync(exportDir).length === 1, { timeout: 10_000 });
    await h.browser.$('button=Save as PNG').click();
    await h.browser.waitUntil(async () => readdirSync(exportDir).length === 2, { timeout: 15_000 });
    const files = readdirSync(exportDir).sort();
    assert.match(files[0], /^kindred-map-\d{4}-\d{2}-\d{2}\.png$/);
    assert.match(files[1], /^kindred-map-\d{4}-\d{2}-\d{2}\.svg$/);
    const svg = readFileSync(join(exportDir, files[1]), 'utf8');
    assert.match(svg, /<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, />SO</);
    const png = readFileSync(join(exportDir, files[0]));
    assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a real PNG file');
    assert.ok(png.length > 5_000, `the PNG has a picture in it (${png.length} bytes)`);
    const said = await h.browser.execute(() => document.querySelector('main [role="status"]')?.textContent ?? '');
    assert.match(said, new RegExp(exportDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });

  it('keeps Sam in the inner circle after a restart', async () => {
    await h.quit();
    await h.launch();
    await h.goTo('Map');
    const sam = await h.browser.$('[aria-label^="Sam Okafor"]');
    await sam.waitForDisplayed({ timeout: 10_000 });
    assert.match(await sam.getAttribute('aria-label'), /inner circle/i);
  });
});
