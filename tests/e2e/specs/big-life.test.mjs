// Ten years of use on the real app: 1,000 people and groups, 20,000
// contacts, 2,500 reflections with 10,120 journal entries, made by the
// seeded generator the benchmark uses (the core's `big_life` example,
// through the same import as Settings → Your data). On it: Today names a
// few people and the way to the rest; the map finds someone by name and the
// keyboard moves them to the inner circle; the journal reads further back
// as it scrolls. Pictures of each screen, light and dark, land in artifacts/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { artifacts, Harness } from '../lib/harness.mjs';

function generator() {
  const made = process.env.KINDRED_BIG_LIFE ?? join(dirname(process.env.KINDRED_BIN ?? ''), 'examples', 'big_life');
  if (!existsSync(made)) throw new Error(`No big_life generator at ${made}: scripts/e2e.sh builds it`);
  return made;
}

/** The text of every element matching `css`, in order. */
async function texts(browser, css) {
  return browser.execute((css) => [...document.querySelectorAll(css)].map((e) => e.textContent.trim()), css);
}

/** The map alone, however far down the page it sits. */
async function stageShot(browser, name) {
  await browser.execute(() => document.querySelector('.stage').scrollIntoView({ block: 'center' }));
  await browser.$('.stage').saveScreenshot(join(artifacts, `${name}.png`));
}

/** The width of the map's view box: smaller is closer in. */
async function viewWidth(browser) {
  return browser.execute(() => Number(document.querySelector('svg.map').getAttribute('viewBox').split(' ')[2]));
}

for (const theme of ['light', 'dark']) {
  describe(`ten years of use (${theme})`, () => {
    const h = new Harness({ env: { GTK_THEME: theme === 'dark' ? 'Adwaita:dark' : 'Adwaita' } });
    let browser;

    before(async () => {
      execFileSync(generator(), ['--seed', '7', '--into', h.dataDir], { stdio: ['ignore', 'ignore', 'inherit'] });
      await h.startDriver();
      browser = await h.launch();
    });

    after(async () => {
      await h.stop();
    });

    it('opens on Today with a few people to reach out to and the way to the rest', async () => {
      const card = browser.$('section[aria-labelledby="reach-heading"]');
      await card.$('ul.list').waitForDisplayed({ timeout: 15_000 });
      const suggested = await texts(browser, 'section[aria-labelledby="reach-heading"] ul.list > li .name');
      assert.ok(suggested.length >= 1 && suggested.length <= 5, `a few people, not a wall: ${suggested.length}`);
      const more = await card.$('p.more').getText();
      const rest = Number(/([\d,]+) more people/.exec(more)?.[1].replace(/,/g, ''));
      assert.ok(rest > 0, more);
      // The birthdays card says what is coming, never "none" while it looks.
      const birthdays = await texts(browser, 'section[aria-labelledby="birthday-heading"] .name');
      assert.ok(birthdays.length > 0, 'birthdays in the next two weeks are listed');
      await h.screenshot(`big-life-${theme}-today`);

      await card.$('button=See them all on People').click();
      await browser.$('main').$('h1=People').waitForDisplayed({ timeout: 10_000 });
      await browser.waitUntil(async () => (await texts(browser, 'main [aria-posinset]')).length > 0, { timeout: 10_000 });
      const setSize = await browser.execute(() => document.querySelector('main [aria-setsize]')?.getAttribute('aria-setsize'));
      assert.equal(Number(setSize), suggested.length + rest, 'People lists everyone whose rhythm has come round');
      const drawn = await browser.execute(() => document.getElementsByTagName('*').length);
      assert.ok(drawn < 1500, `People draws what is on screen, not all ${setSize}: ${drawn} elements`);
      await h.screenshot(`big-life-${theme}-people`);
    });

    it('finds someone on the map by name and moves them to the inner circle by keyboard', async () => {
      const { ok: ties } = await h.invoke('ties_list', { scope: 'active' });
      const names = new Map();
      for (const t of ties) names.set(t.name, (names.get(t.name) ?? 0) + 1);
      const someone = ties.find((t) => t.circle === 'outer' && t.kind === 'person' && names.get(t.name) === 1);
      assert.ok(someone, 'an outer-circle person with a name of their own');

      await h.goTo('Map');
      await browser.$('[data-gathering]').waitForDisplayed({ timeout: 15_000 });
      await h.screenshot(`big-life-${theme}-map-whole`);
      await stageShot(browser, `big-life-${theme}-map-whole-stage`);
      const whole = await viewWidth(browser);
      const find = browser.$('input[role="combobox"]');
      await find.click();
      await find.setValue(someone.name);
      await browser.$(`[role="option"]*=${someone.name}`).waitForDisplayed({ timeout: 10_000 });
      await browser.keys('Enter');
      await browser.waitUntil(
        () =>
          browser.execute(
            (n) => document.activeElement?.getAttribute('aria-label')?.startsWith(`${n}, outer circle`) ?? false,
            someone.name,
          ),
        { timeout: 10_000, timeoutMsg: `${someone.name} was not focused on the map` },
      );
      const closer = await viewWidth(browser);
      assert.ok(closer < whole, `the view came in close to them (${whole} → ${closer})`);
      await h.screenshot(`big-life-${theme}-map-found`);
      await stageShot(browser, `big-life-${theme}-map-found-stage`);

      await browser.keys('m');
      await browser.$(`[role="menu"][aria-label="Move ${someone.name} to"]`).waitForDisplayed({ timeout: 10_000 });
      await browser.keys('Home');
      await browser.keys('Enter');
      await browser.waitUntil(
        async () => {
          const { ok } = await h.invoke('ties_list', { scope: 'active' });
          return ok.find((t) => t.id === someone.id)?.circle === 'inner';
        },
        { timeout: 10_000, timeoutMsg: `${someone.name} did not move to the inner circle` },
      );
      await browser.$(`[aria-label^="${someone.name}, inner circle"]`).waitForExist({ timeout: 10_000 });
    });

    it('reads the journal further back as it scrolls', async () => {
      await h.goTo('Reflect');
      await browser.$('#reflect-tab-journal').click();
      await browser.$('li.entry').waitForDisplayed({ timeout: 15_000 });
      const first = (await browser.$$('li.entry')).length;
      assert.equal(first, 50, 'the first page');
      await h.screenshot(`big-life-${theme}-journal`);
      // Scrolling, not clicking: the end of the list coming near reads on.
      for (let i = 0; i < 40 && (await browser.$$('li.entry')).length <= first; i++) {
        await browser.execute(() => document.querySelector('.older')?.scrollIntoView({ block: 'end' }));
        await browser.pause(250);
      }
      const now = (await browser.$$('li.entry')).length;
      assert.ok(now > first, `older entries came as the list scrolled (${first} → ${now})`);
      const summary = await browser.$('p.summary').getText();
      assert.match(summary, /^\d+\+ entries$/);
    });
  });
}
