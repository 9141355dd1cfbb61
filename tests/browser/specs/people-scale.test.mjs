// People with a thousand people in Chromium: only the rows on screen are drawn.
// The real wheel scrolls to the end and the keyboard back; what is on screen
// holds still once drawn; Tab walks on past the rows first drawn; a search
// finds someone far down; the page stays light throughout. Long, right-to-left
// and HTML-looking names are among them. Pictures of the list scrolled to the
// middle, light and dark, land in artifacts/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { violations } from '../lib/axe.mjs';
import { artifacts, launch, openKindred } from '../lib/page.mjs';

const support = ['emotional', 'practical', 'encouragement', 'inspiration', 'belonging', 'professional'];
const sectors = ['family', 'friends', 'work_study', 'community_online', 'care', null];
const first = ['Sam', 'Ana', 'Zoë', 'Mohammed', 'Aiko', 'Bartholomew', 'Li', 'Nnamdi', 'Olu', 'Priya', 'Jean-Baptiste'];
const last = ['Okafor', 'Lima', 'Núñez', 'Al-Rashid', 'Tanaka', 'Featherstonehaugh-Whittington', 'Wei', 'Eze', 'Kim'];
/** Names that test the row: long (80 characters), right-to-left, HTML-looking, unbroken. The
 * first ones sort to the middle of the list, where the pictures are taken. */
const hostile = [
  'Mohammed Lima Featherstonehaugh-Whittington de la Cruz y Montenegro-Villalobos 1',
  'Mohammed Lima <script>alert(3)</script>',
  'Mohammed Lima محمد عبد الله الرشيد',
  'Mohammed LimaLlanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogochLlanfairp',
  'Maximiliana Featherstonehaugh-Whittington de la Cruz y Montenegro-Villalobos III',
  'Bartholomew Alexander Montgomery-Fitzwilliam, Godparent and Neighbour Upstairs',
  'محمد عبد الله الرشيد',
  'שרה כהן-לוי',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  'LlanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogochLlanfairpwllgwyngyll',
  'Ana 🌻 Lima',
];
/** Far down the list by name, found by searching. */
const FAR = 'Yusuf Farrow';

/** 1,000 people, the hostile names spread through them. */
function thousand() {
  return Array.from({ length: 1000 }, (_, i) => {
    const name =
      i === 990 ? FAR : i % 83 === 7 ? hostile[(i / 83) | 0] : `${first[i % first.length]} ${last[(i * 5) % last.length]} ${i + 1}`;
    return {
      name,
      kind: i % 23 === 0 ? 'group' : 'person',
      circle: i < 12 ? 'inner' : i < 100 ? 'middle' : i < 800 ? 'outer' : null,
      sector: sectors[(i * 7) % 6],
      supportTypes: [...new Set([support[i % 6], support[(i * 5 + 1) % 6]])].slice(0, i % 3),
      lastContactOn: i % 4 === 0 ? null : `2026-${String((i % 11) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
    };
  });
}

const elements = (page) => page.evaluate(() => document.querySelectorAll('*').length);
const scroll = (page) =>
  page.evaluate(() => {
    const main = document.querySelector('main');
    return { top: main.scrollTop, height: main.scrollHeight, view: main.clientHeight };
  });
/** The aria-posinset of the rows drawn. */
const drawn = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('main ul[aria-labelledby="people-list-heading"] > li[aria-posinset]')].map((li) =>
      Number(li.getAttribute('aria-posinset')),
    ),
  );
/** The name of the row at the middle of the main area, and where its top is. */
const rowInMiddle = (page) =>
  page.evaluate(() => {
    const main = document.querySelector('main').getBoundingClientRect();
    const li = document.elementFromPoint(main.left + 200, main.top + main.height / 2)?.closest('li[aria-posinset]');
    return li ? { at: li.getAttribute('aria-posinset'), top: Math.round(li.getBoundingClientRect().top) } : null;
  });
const frames = (page, n = 3) =>
  page.evaluate(
    (count) =>
      new Promise((resolve) => {
        const step = (left) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
        step(count);
      }),
    n,
  );

for (const colorScheme of ['light', 'dark']) {
  describe(`People with a thousand people (${colorScheme})`, () => {
    let browser;
    let page;
    let errors;
    const dialogs = [];
    let atTop;

    before(async () => {
      browser = await launch();
      ({ page, errors } = await openKindred(browser, {
        seed: thousand(),
        colorScheme,
        viewport: { width: 1280, height: 900 },
      }));
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'People' }).click();
      await page.getByRole('list', { name: /Your people/ }).waitFor();
      await frames(page);
      mkdirSync(artifacts, { recursive: true });
    });

    after(async () => {
      await browser?.close();
    });

    it('draws only the first rows, each saying its place among all 1,000', async () => {
      const rows = await drawn(page);
      assert.equal(rows[0], 1);
      assert.ok(rows.length >= 10 && rows.length <= 30, `${rows.length} rows drawn`);
      const setsize = await page.locator('main li[aria-posinset="1"]').getAttribute('aria-setsize');
      assert.equal(setsize, '1000');
      atTop = await elements(page);
      // Before, the first 100 rows were drawn: 2,665 elements.
      assert.ok(atTop < 1000, `${atTop} elements`);
      const { height, view } = await scroll(page);
      assert.ok(height > 1000 * 60, `the scroll height stands for all 1,000 rows (${height}px)`);
      assert.ok(view < height);
    });

    it('scrolls to the end with the wheel, holding still once drawn, and the page stays light', async () => {
      const list = await page.getByRole('list', { name: /Your people/ }).boundingBox();
      await page.mouse.move(list.x + list.width / 2, 450);
      let middle = null;
      for (let i = 0; i < 80; i++) {
        await page.mouse.wheel(0, 1200);
        await frames(page, 2);
        const { top, height, view } = await scroll(page);
        if (middle === null && top > (height - view) / 2) {
          // Halfway: what is on screen stays put as the rows drawn are measured.
          await frames(page, 6);
          const before = await rowInMiddle(page);
          await page.waitForTimeout(300);
          await frames(page, 3);
          assert.deepEqual(await rowInMiddle(page), before);
          middle = top;
          await page.screenshot({ path: join(artifacts, `people-1000-middle-${colorScheme}.png`) });
          const count = await elements(page);
          // A screenful of rows rather than the headings and a few: more than at the top, but bounded.
          assert.ok(count < 800, `${count} elements halfway, ${atTop} at the top`);
          console.info(`Elements with 1,000 people: ${atTop} at the top, ${count} halfway`);
        }
        if (top + view >= height - 1) break;
      }
      assert.notEqual(middle, null, 'went past halfway');
      const { top, height, view } = await scroll(page);
      assert.ok(top + view >= height - 1, `at the end (${top} + ${view} of ${height})`);
      const rows = await drawn(page);
      assert.equal(rows.at(-1), 1000);
      assert.ok(rows.length <= 30, `${rows.length} rows drawn at the end`);
      // The last row is on screen, not just drawn.
      const lastRow = await page.locator('main li[aria-posinset="1000"]').boundingBox();
      assert.ok(lastRow.y + lastRow.height <= 900, `${lastRow.y}`);
      const count = await elements(page);
      assert.ok(count < 800, `${count} elements at the end, ${atTop} at the top`);
    });

    it('goes back to the top with the keyboard, and Tab walks past the rows first drawn', async () => {
      await page.locator('main').focus();
      await page.keyboard.press('Home');
      await page.waitForFunction(() => document.querySelector('main').scrollTop === 0);
      await frames(page);
      assert.equal((await drawn(page))[0], 1);

      const firstDrawn = (await drawn(page)).length;
      const firstRow = page.locator('main li[aria-posinset="1"] button').first();
      await firstRow.focus();
      // Three stops a row (name, Rename, Archive): walk on well past the rows drawn at first.
      for (let i = 0; i < (firstDrawn + 10) * 3; i++) await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        const li = el.closest('li[aria-posinset]');
        const main = document.querySelector('main').getBoundingClientRect();
        const box = el.getBoundingClientRect();
        return {
          at: Number(li?.getAttribute('aria-posinset')),
          onScreen: box.top >= main.top && box.bottom <= main.bottom,
        };
      });
      assert.equal(focused.at, firstDrawn + 11);
      assert.ok(focused.onScreen, 'the focused row was scrolled into view');
      await page.keyboard.press('Shift+Tab');
      const back = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
      assert.match(back, /^Archive /);

      // Wheel far away: the focused row stays drawn, so focus is never lost.
      await page.mouse.wheel(0, 20000);
      await frames(page, 4);
      const kept = await page.evaluate(() => document.activeElement.closest('li[aria-posinset]')?.getAttribute('aria-posinset'));
      assert.equal(Number(kept), firstDrawn + 10);
      const count = await elements(page);
      assert.ok(count < 900, `${count} elements with the focused row kept`);
    });

    it('finds someone far down by searching, from the top of the list', async () => {
      const search = page.getByRole('searchbox', { name: 'Search people' });
      await search.focus();
      await page.keyboard.type('farrow');
      await page.getByText('Showing 1 of 1,000.').waitFor();
      const list = page.getByRole('list', { name: /Your people/ });
      assert.equal(await list.getByRole('listitem').count(), 1);
      await list.getByRole('button', { name: FAR, exact: true }).waitFor();
      await page.screenshot({ path: join(artifacts, `people-1000-found-${colorScheme}.png`) });
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Backspace');
      await page.waitForFunction(() => document.querySelector('main li[aria-posinset="1"]') !== null);
    });

    it('shows HTML-looking names as text, and the list passes axe', async () => {
      await page.getByRole('searchbox', { name: 'Search people' }).fill('<');
      await page.getByRole('button', { name: '<script>alert(1)</script>', exact: true }).waitFor();
      assert.equal(await page.locator('main li img').count(), 0);
      await page.getByRole('searchbox', { name: 'Search people' }).fill('');
      const found = await violations(page);
      assert.deepEqual(found, [], JSON.stringify(found, null, 2));
      assert.deepEqual(dialogs, []);
    });

    it('ran without page errors', () => {
      assert.deepEqual(errors.map(String), []);
    });
  });
}
