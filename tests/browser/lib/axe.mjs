// axe-core in the page: WCAG A and AA rules (names on every control,
// landmarks, colour contrast), the violations found, in short.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

export async function violations(page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    return r.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} :: ${n.failureSummary?.split('\n')[1] ?? ''}`),
    }));
  });
}

/** Fails with what axe found, after a moment for the page to settle. */
export async function noViolations(page) {
  await page.waitForTimeout(150);
  const found = await violations(page);
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
}
