// Accessibility checks with axe-core on every screen, in light and dark:
// names on every control, landmarks, and WCAG AA colour contrast.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { violations } from '../lib/axe.mjs';
import { launch, openKindred } from '../lib/page.mjs';

const seed = [
  { name: 'Sam Okafor', circle: 'inner', sector: 'friends', supportTypes: ['emotional', 'practical'], lastContactOn: '2026-11-01' },
  { name: 'Ana Lima', circle: 'middle', sector: 'family', supportTypes: ['encouragement'], feel: 'draining' },
  { name: 'Running club', kind: 'group', groupKind: 'club_or_class', circle: 'outer', sector: 'community_online', supportTypes: ['belonging'] },
  { name: 'Dr Rivera', sector: 'care', supportTypes: ['professional'] },
];

for (const colorScheme of ['light', 'dark']) {
  describe(`Accessibility, ${colorScheme} theme`, () => {
    let browser;
    let page;

    before(async () => {
      browser = await launch();
      ({ page } = await openKindred(browser, { seed, colorScheme }));
    });

    after(async () => {
      await browser?.close();
    });

    for (const screen of ['Today', 'Map', 'People', 'Reflect', 'Settings', 'Need help now?']) {
      it(`${screen} has no WCAG A/AA violations`, async () => {
        await page.getByRole('button', { name: screen, exact: true }).first().click();
        await page.locator('main h1').first().waitFor();
        await page.waitForTimeout(150);
        const found = await violations(page);
        assert.deepEqual(found, [], JSON.stringify(found, null, 2));
      });
    }

    it("a person's page has no violations", async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'People' }).click();
      await page.getByRole('button', { name: 'Sam Okafor', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Sam Okafor' }).waitFor();
      const found = await violations(page);
      assert.deepEqual(found, [], JSON.stringify(found, null, 2));
    });

    it('the log-a-contact dialog has no violations', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Log a contact' }).click();
      await page.getByRole('dialog').waitFor();
      const found = await violations(page);
      assert.deepEqual(found, [], JSON.stringify(found, null, 2));
      await page.keyboard.press('Escape');
    });
  });
}
