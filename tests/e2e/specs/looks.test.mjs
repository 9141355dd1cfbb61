// The app follows the system's light or dark preference, and every screen
// renders. Screenshots of each screen in both themes land in artifacts/ for
// a person to look at.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Harness } from '../lib/harness.mjs';

const people = [
  { name: 'Ana Lima', circle: 'inner', sector: 'friends', supportTypes: ['emotional', 'encouragement'] },
  { name: 'Ben Carter', circle: 'middle', sector: 'work_study', supportTypes: ['practical'] },
  { name: 'Grandma Rose', circle: 'inner', sector: 'family', supportTypes: ['emotional', 'inspiration'] },
  { name: 'Priya Natarajan', circle: 'outer', sector: 'care', supportTypes: ['professional'] },
  { name: 'Sam Okafor', circle: 'middle', sector: 'friends', supportTypes: ['belonging', 'practical'] },
  { name: 'Zoë Müller', circle: null, sector: null, supportTypes: [] },
  { kind: 'group', groupKind: 'peer_support', name: 'Tuesday walking group', circle: 'outer', sector: 'community_online', supportTypes: ['belonging'] },
];
const screens = ['Today', 'Map', 'People', 'Reflect', 'Settings'];

/** Relative luminance of a CSS rgb() colour, 0 (black) to 1 (white). */
function luminance(css) {
  const [r, g, b] = css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

for (const theme of ['light', 'dark']) {
  describe(`the ${theme} theme`, () => {
    const h = new Harness({ env: theme === 'dark' ? { GTK_THEME: 'Adwaita:dark' } : { GTK_THEME: 'Adwaita' } });

    before(async () => {
      await h.startDriver();
      await h.launch();
      for (const p of people) await h.invoke('ties_create', { draft: { kind: 'person', ...p } });
      await h.quit();
      await h.launch();
    });

    after(async () => {
      await h.stop();
    });

    it(`follows the system preference (${theme})`, async () => {
      const prefersDark = await h.browser.execute(() => matchMedia('(prefers-color-scheme: dark)').matches);
      assert.equal(prefersDark, theme === 'dark');
      const bg = await h.browser.execute(() => getComputedStyle(document.body).backgroundColor);
      const text = await h.browser.execute(() => getComputedStyle(document.body).color);
      if (theme === 'dark') assert.ok(luminance(bg) < 0.05 && luminance(text) > 0.7, `${bg} / ${text}`);
      else assert.ok(luminance(bg) > 0.8 && luminance(text) < 0.05, `${bg} / ${text}`);
    });

    it('renders every screen, with help on each', async () => {
      for (const label of screens) {
        await h.browser.$('nav').$(`button=${label}`).click();
        await h.browser.$('main h1').waitForDisplayed({ timeout: 10_000 });
        assert.ok(await h.browser.$('button=Need help now?').isDisplayed());
        await h.screenshot(`${theme}-${label.toLowerCase()}`);
      }
      await h.browser.$('button=Need help now?').click();
      await h.browser.$('h1=Need help now?').waitForDisplayed({ timeout: 10_000 });
      await h.screenshot(`${theme}-help`);
    });
  });
}
