/** The arithmetic of a windowed list: which rows to draw for the part of a long list
 * that is on screen, and how much space stands in for the rows not drawn. Pure, so it
 * is tested without a browser (jsdom has no layout); WindowedList.svelte uses it. */

/** Where each row starts: `offsets[i]` is the top of row `i`, `offsets[count]` the list's whole height. */
export function rowOffsets(count: number, heightOf: (index: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i] + heightOf(i);
  return offsets;
}

/** The row at height `y` (the last row starting at or above it), within the list's rows. */
export function rowAt(offsets: ArrayLike<number>, y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (offsets[mid] <= y) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** How many rows start above height `y`: the end of a run reaching down to `y`. */
export function rowsAbove(offsets: ArrayLike<number>, y: number): number {
  let low = 0;
  let high = Math.max(0, offsets.length - 1);
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid] < y) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Rows `start` to `end - 1`. */
export interface Run {
  start: number;
  end: number;
}

export interface Plan {
  /** The rows drawn, in order: one run, or two when a focused row far from the view is kept. */
  runs: Run[];
  /** Which run is the kept row and its neighbours, when it stands apart from the view's run. */
  keptRun: number | null;
  /** Space standing in for the rows above the first run, between the runs, and after the last. */
  before: number;
  between: number;
  after: number;
}

export interface PlanOptions {
  /** Rows this far (px) above and below the view are drawn too, so scrolling shows no gaps. */
  overscan: number;
  /** The view's height to assume while it has none (before layout, or in jsdom). */
  fallbackHeight: number;
  /** A row that stays drawn wherever the view is (the one holding keyboard focus), or null. */
  keep: number | null;
  /** How many rows either side of the kept row are drawn with it, so Tab and Shift+Tab reach them. */
  keepAround: number;
}

/**
 * The rows to draw for a view `viewHeight` tall whose top is `viewTop` px below the list's top
 * (negative while the list starts lower down the screen). At least one row is always drawn, so
 * Tab can enter the list from either side even when it is off screen.
 */
export function planWindow(
  offsets: ArrayLike<number>,
  viewTop: number,
  viewHeight: number,
  { overscan, fallbackHeight, keep, keepAround }: PlanOptions,
): Plan {
  const count = offsets.length - 1;
  if (count <= 0) return { runs: [], keptRun: null, before: 0, between: 0, after: 0 };
  const total = offsets[count];
  const height = viewHeight > 0 ? viewHeight : fallbackHeight;
  const top = viewTop - overscan;
  const bottom = viewTop + height + overscan;
  const start = rowAt(offsets, top);
  const end = Math.max(start + 1, rowsAbove(offsets, bottom));
  let runs: Run[] = [{ start, end }];
  let keptRun: number | null = null;
  if (keep !== null && keep >= 0 && keep < count) {
    const kept = { start: Math.max(0, keep - keepAround), end: Math.min(count, keep + keepAround + 1) };
    if (kept.start <= end && kept.end >= start) {
      runs = [{ start: Math.min(start, kept.start), end: Math.max(end, kept.end) }];
    } else if (kept.end < start) {
      runs = [kept, { start, end }];
      keptRun = 0;
    } else {
      runs = [{ start, end }, kept];
      keptRun = 1;
    }
  }
  const first = runs[0];
  const last = runs[runs.length - 1];
  return {
    runs,
    keptRun,
    before: offsets[first.start],
    between: runs.length > 1 ? offsets[last.start] - offsets[first.end] : 0,
    after: total - offsets[last.end],
  };
}
