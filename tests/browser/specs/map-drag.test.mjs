// The map in Chromium with the real pointer: drag a node from the middle
// ring to the inner ring, and drop one outside every ring (nothing moves).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { artifacts, launch, openKindred } from '../lib/page.mjs';

const seed = [
  { name: 'Sam Okafor', circle: 'middle', sector: 'friends', supportTypes: ['emotional'] },
  { name: 'Ana Lima', circle: 'outer', sector: 'family', supportTypes: ['practical'] },
  { name: 'Ben Carter', circle: 'inner', sector: 'work_study', supportTypes: ['belonging'] },
];

async function centreOf(locator) {
  const box = await locator.boundingBox();
  assert.ok(box, 'the element is on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe('Dragging on the map in a browser', () => {
  let browser;
  let page;
  let errors;

  before(async () => {
    browser = await launch();
    ({ page, errors } = await openKindred(browser, { seed }));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Map' }).click();
    await page.locator('[aria-label^="Sam Okafor"]').waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  it('drags Sam from the middle ring to the inner ring with the pointer', async () => {
    const sam = page.locator('[aria-label^="Sam Okafor"]');
    assert.match(await sam.getAttribute('aria-label'), /middle circle/i);
    const from = await centreOf(sam);
    const to = await centreOf(page.locator('svg circle.you'));
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
    await page.mouse.move(to.x + 4, to.y + 4, { steps: 8 });
    await page.mouse.up();

    await page.waitForFunction(() =>
      window.__KINDRED_FAKE__.calls.some((c) => c.cmd === 'ties_move' && c.args.circle === 'inner'),
    );
    await page.waitForFunction(() =>
      /inner circle/i.test(document.querySelector('[aria-label^="Sam Okafor"]')?.getAttribute('aria-label') ?? ''),
    );
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'map-after-drag.png') });
  });

  it('leaves a node where it was when dropped outside every ring', async () => {
    const ana = page.locator('[aria-label^="Ana Lima"]');
    const before = await page.evaluate(() => window.__KINDRED_FAKE__.calls.filter((c) => c.cmd === 'ties_move').length);
    const from = await centreOf(ana);
    const svg = await page.locator('svg[aria-labelledby="convoy-map-title"]').boundingBox();
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(svg.x + 4, svg.y + 4, { steps: 10 });
    await page.mouse.up();
    await page.waitForTimeout(200);
    const after = await page.evaluate(() => window.__KINDRED_FAKE__.calls.filter((c) => c.cmd === 'ties_move').length);
    assert.equal(after, before, 'no move was sent');
    assert.match(await ana.getAttribute('aria-label'), /outer circle/i);
  });

  it('ran without page errors', () => {
    assert.deepEqual(errors.map(String), []);
  });
});
