// Map benchmark in Chromium (not a test): layout-and-render time when the
// Map screen opens, and frame times while a node is dragged, for 150, 500
// and 1,000 ties, each beside a 10-tie baseline measured in the same run.
// On a big map the outer circle is gathered, so fewer nodes are drawn than
// there are ties: the count drawn is reported too.
// Usage: node tests/browser/bench-map.mjs [runs]
import { launch, openKindred } from './lib/page.mjs';

const runs = Number(process.argv[2] ?? 5);
const circles = ['inner', 'middle', 'outer', null];
const sectors = ['family', 'friends', 'work_study', 'community_online', 'care', null];
const support = ['emotional', 'practical', 'encouragement', 'inspiration', 'belonging', 'professional'];

/** n ties shaped like a real network: a few close (at most 12), a tenth in
 * the middle, most further out, a fifth not placed yet. With `oneWedge`,
 * all of them in the outer circle's friends, opened so each is drawn. */
function seed(n, oneWedge = false) {
  return Array.from({ length: n }, (_, i) => ({
    name: `Person ${String(i).padStart(4, '0')}`,
    kind: i % 9 === 0 ? 'group' : 'person',
    circle: oneWedge
      ? 'outer'
      : i < Math.min(12, n * 0.3)
        ? 'inner'
        : i < n * 0.1 + 12
          ? 'middle'
          : i < n * 0.8
            ? 'outer'
            : circles[3],
    sector: oneWedge ? 'friends' : sectors[(i * 7) % 6],
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

async function measure(browser, n, oneWedge = false) {
  const { page, context, errors } = await openKindred(browser, {
    seed: seed(n, oneWedge),
    viewport: { width: 1440, height: 1000 },
  });
  page.on("crash", () => console.error("page crashed"));
  page.on("pageerror", (e) => console.error("page error", e));
  // Open the map and wait until every placed node is in the DOM, two
  // frames later (laid out and painted).
  const placed = seed(n).length;
  void placed;
  const { renderMs, drawn, svgElements } = await page.evaluate(async () => {
    const start = performance.now();
    [...document.querySelectorAll('nav button')].find((b) => b.textContent?.includes('Map'))?.click();
    // The map is drawn in one go once the first node is in the DOM.
    while (document.querySelectorAll('[data-tie-id]').length === 0) {
      await new Promise((r) => setTimeout(r, 1));
    }
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return {
      renderMs: performance.now() - start,
      drawn: document.querySelectorAll('[data-tie-id]').length,
      svgElements: document.querySelectorAll('svg.map *').length,
    };
  });
  let opened = null;
  if (oneWedge) {
    // Open the one gathering: every tie is then drawn.
    opened = await page.evaluate(async () => {
      const start = performance.now();
      document.querySelector('[data-gathering]').dispatchEvent(new MouseEvent('click', { bubbles: true }));
      while (document.querySelectorAll('[data-tie-id]').length < 2) await new Promise((r) => setTimeout(r, 1));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return {
        renderMs: performance.now() - start,
        drawn: document.querySelectorAll('[data-tie-id]').length,
        svgElements: document.querySelectorAll('svg.map *').length,
      };
    });
    // Back to the whole map, so the drag crosses many nodes.
    await page.keyboard.press('0');
  }

  // Drag the first placed node around in 60 steps while recording frame times.
  const node = page.locator('[data-tie-id]:not([data-gathering])').first();
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
  return {
    renderMs: opened?.renderMs ?? renderMs,
    drawn: opened?.drawn ?? drawn,
    svgElements: opened?.svgElements ?? svgElements,
    frameMedian: median(frames),
    frameP95: p95(frames),
    over17: frames.filter((f) => f > 17).length,
  };
}

const browser = await launch();
const results = {};
const sizes = ['10', '150', '500', '1000', '1000 in one wedge, opened'];
for (const n of sizes) results[n] = [];
for (let r = 0; r < runs; r++) {
  for (const n of sizes) {
    console.error(`run ${r + 1}: ${n} ties`);
    results[n].push(await measure(browser, parseInt(n, 10), n.includes('opened')));
  }
}
await browser.close();

const summary = Object.fromEntries(
  Object.entries(results).map(([n, rs]) => [
    n,
    {
      renderMs: +median(rs.map((r) => r.renderMs)).toFixed(1),
      nodesDrawn: rs[0].drawn,
      svgElements: rs[0].svgElements,
      framesOver17Ms: rs.reduce((sum, r) => sum + r.over17, 0),
      dragFrameMedianMs: +median(rs.map((r) => r.frameMedian)).toFixed(1),
      dragFrameP95Ms: +median(rs.map((r) => r.frameP95)).toFixed(1),
    },
  ]),
);
console.log(JSON.stringify({ runs, summary }, null, 2));
