// The map with a thousand people in Chromium, with the real keyboard,
// wheel and pointer: the outer circle is gathered by sector, "Find someone"
// goes to a person inside a gathering, and the keyboard moves them to the
// inner circle; the wheel zooms and dragging the background pans. Pictures
// of the map zoomed out and in, light and dark, land in artifacts/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { artifacts, launch, openKindred } from '../lib/page.mjs';

const sectors = ['family', 'friends', 'work_study', 'community_online', 'care', null];
const support = ['emotional', 'practical', 'encouragement', 'inspiration', 'belonging', 'professional'];
const first = ['Sam', 'Ana', 'Zoë', 'Mohammed', 'Aiko', 'Bartholomew', 'Li', 'Nnamdi', 'Olu', 'Priya', 'Jean-Baptiste'];
const last = ['Okafor', 'Lima', 'Núñez', 'Al-Rashid', 'Tanaka', 'Featherstonehaugh-Whittington', 'Wei', 'Eze', 'Kim'];

/** 1,000 people: 12 close, 88 in the middle, 700 further out, 200 not placed. */
function thousand() {
  return Array.from({ length: 1000 }, (_, i) => ({
    name: `${first[i % first.length]} ${last[(i * 5) % last.length]} ${i + 1}`,
    kind: i % 23 === 0 ? 'group' : 'person',
    circle: i < 12 ? 'inner' : i < 100 ? 'middle' : i < 800 ? 'outer' : null,
    sector: sectors[(i * 7) % 6],
    supportTypes: [...new Set([support[i % 6], support[(i * 5 + 1) % 6]])].slice(0, i % 3),
  }));
}

const viewBox = (page) =>
  page.evaluate(() => document.querySelector('svg.map').getAttribute('viewBox').split(' ').map(Number));

for (const colorScheme of ['light', 'dark']) {
  describe(`The map of a thousand people (${colorScheme})`, () => {
    let browser;
    let page;
    let errors;

    before(async () => {
      browser = await launch();
      ({ page, errors } = await openKindred(browser, {
        seed: thousand(),
        colorScheme,
        viewport: { width: 1280, height: 900 },
      }));
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Map' }).click();
      await page.locator('[data-gathering]').first().waitFor();
      mkdirSync(artifacts, { recursive: true });
    });

    after(async () => {
      await browser?.close();
    });

    it('draws the close circles one by one and gathers the outer circle and the tray', async () => {
      const list = page.getByRole('list', { name: 'People and groups on your map' });
      const items = await list.getByRole('listitem').count();
      // 12 inner and 88 middle, six outer sectors and the tray as counts.
      assert.equal(items, 100 + 6 + 1);
      const labels = await page.locator('[data-gathering]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
      assert.ok(labels.some((l) => /^Not placed yet: 200 people and groups, gathered together/.test(l)), labels.join('\n'));
      const outer = labels.filter((l) => /outer circle: \d+ people/.test(l)).map((l) => Number(/: (\d+) people/.exec(l)[1]));
      assert.equal(outer.reduce((a, b) => a + b, 0), 700);
      await page.locator('.stage').screenshot({ path: join(artifacts, `map-1000-whole-${colorScheme}.png`) });
    });

    it('finds someone gathered in the outer circle and moves them to the inner circle by keyboard', async () => {
      const name = thousand()[463].name;
      assert.equal(name, 'Ana Núñez 464');
      const [, , before] = await viewBox(page);
      const find = page.getByRole('combobox', { name: 'Find someone' });
      await find.click();
      await page.keyboard.type('ana nunez 464');
      await page.getByRole('option', { name: new RegExp(name) }).waitFor();
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (n) => document.activeElement?.getAttribute('aria-label')?.startsWith(`${n}, outer circle`),
        name,
      );
      const [, , width] = await viewBox(page);
      assert.ok(width < before, `the view came in close (${before} → ${width})`);
      assert.equal(await page.locator('.found-ring').count(), 1);
      await page.locator('.stage').screenshot({ path: join(artifacts, `map-1000-found-${colorScheme}.png`) });

      await page.keyboard.press('m');
      await page.getByRole('menu', { name: `Move ${name} to` }).waitFor();
      await page.keyboard.press('Home');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() =>
        window.__KINDRED_FAKE__.calls.some((c) => c.cmd === 'ties_move' && c.args.circle === 'inner'),
      );
      await page.waitForFunction(
        (n) => document.querySelector(`[aria-label^="${n}, inner circle"]`) !== null,
        name,
      );
    });

    it('zooms with the wheel around the pointer, pans by dragging the background, and 0 shows it all', async () => {
      await page.getByRole('button', { name: 'Gather them up again' }).click();
      await page.keyboard.press('0');
      const svg = await page.locator('svg.map').boundingBox();
      const [, , whole] = await viewBox(page);
      // Over an empty part of the map, near the top left of the rings.
      const at = { x: svg.x + svg.width * 0.2, y: svg.y + svg.height * 0.12 };
      await page.mouse.move(at.x, at.y);
      await page.mouse.wheel(0, -400);
      await page.waitForFunction((w) => Number(document.querySelector('svg.map').getAttribute('viewBox').split(' ')[2]) < w, whole);
      const zoomed = await viewBox(page);
      await page.mouse.down();
      await page.mouse.move(at.x + 150, at.y + 100, { steps: 6 });
      await page.mouse.up();
      const panned = await viewBox(page);
      assert.ok(panned[0] < zoomed[0] && panned[1] < zoomed[1], `${zoomed} → ${panned}`);
      assert.equal(panned[2], zoomed[2]);
      await page.locator('.stage').screenshot({ path: join(artifacts, `map-1000-zoomed-${colorScheme}.png`) });
      await page.locator('.stage').focus();
      await page.keyboard.press('0');
      assert.equal((await viewBox(page))[2], whole);
    });

    it('ran without page errors', () => {
      assert.deepEqual(errors.map(String), []);
    });
  });
}
