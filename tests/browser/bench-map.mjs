// Map benchmark in Chromium (not a test): layout-and-render time when the
// Map screen opens, and frame times while a node is dragged, for 150 and
// 500 ties, each beside a 10-tie baseline measured in the same run.
// Usage: node tests/browser/bench-map.mjs [runs]
import { launch, openKindred } from './lib/page.mjs';

const runs = Number(process.argv[2] ?? 5);
const circles = ['inner', 'middle', 'outer', null];
const sectors = ['family', 'friends', 'work_study', 'community_online', 'care', null];
const support = ['emotional', 'practical', 'encouragement', 'inspiration', 'belonging', 'professional'];

function seed(n) {
  return Array.from({ length: n }, (_, i) => ({
    name: `Person ${String(i).padStart(3, '0')}`,
    kind: i % 9 === 0 ? 'group' : 'person',
    circle: circles[i % 4],
    sector: sectors[(i * 7) % 6],
    supportTypes: [...new Set([support[i % 6], support[(i * 5 + 1) % 6]])],
  }));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))];
};

async function measure(browser, n) {
  const { page, context, errors } = await openKindred(browser, { seed: seed(n), viewport: { width: 1440, height: 1000 } });
  page.on("crash", () => console.error("page crashed"));
  page.on("pageerror", (e) => console.error("page error", e));
  // Open the map and wait until every placed node is in the DOM, two
  // frames later (laid out and painted).
  const placed = seed(n).length;
  const renderMs = await page.evaluate(async (expected) => {
    const start = performance.now();
    [...document.querySelectorAll('nav button')].find((b) => b.textContent?.includes('Map'))?.click();
    while (document.querySelectorAll('[data-tie-id]').length < expected) {
      await new Promise((r) => setTimeout(r, 1));
    }
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - start;
  }, placed);

  // Drag the first placed node around in 60 steps while recording frame times.
  const node = page.locator('[data-tie-id]').first();
  const box = await node.boundingBox();
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (window.__recording) requestAnimationFrame(tick);
    };
    window.__recording = true;
    requestAnimationFrame(tick);
  });
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 0; i < 60; i++) {
    await page.mouse.move(x + 120 * Math.sin(i / 6), y + 80 * Math.cos(i / 6));
  }
  await page.keyboard.press('Escape');
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    window.__recording = false;
    return window.__frames.slice(2);
  });
  await context.close();
  return { renderMs, frameMedian: median(frames), frameP95: p95(frames) };
}

const browser = await launch();
const results = {};
for (const n of [10, 150, 500]) results[n] = [];
for (let r = 0; r < runs; r++) {
  for (const n of [10, 150, 500]) results[n].push(await measure(browser, n));
}
await browser.close();

const summary = Object.fromEntries(
  Object.entries(results).map(([n, rs]) => [
    n,
    {
      renderMs: +median(rs.map((r) => r.renderMs)).toFixed(1),
      dragFrameMedianMs: +median(rs.map((r) => r.frameMedian)).toFixed(1),
      dragFrameP95Ms: +median(rs.map((r) => r.frameP95)).toFixed(1),
    },
  ]),
);
console.log(JSON.stringify({ runs, summary }, null, 2));
