/** Scales and ticks for the hand-drawn Progress charts. */

export interface Box {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The chart area inside its margins. */
export function plotArea(box: Box) {
  return {
    x0: box.left,
    x1: box.width - box.right,
    y0: box.top,
    y1: box.height - box.bottom,
  };
}

/** x positions for `n` evenly spaced points between `x0` and `x1`, kept
 * `inset` away from each edge; a single point sits in the middle. */
export function spread(n: number, x0: number, x1: number, inset = 16): number[] {
  if (n <= 0) return [];
  if (n === 1) return [(x0 + x1) / 2];
  const a = x0 + inset;
  const b = x1 - inset;
  return Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
}

/** Maps a value in [min, max] onto [bottom, top] (SVG y grows downwards). */
export function yScale(min: number, max: number, bottom: number, top: number) {
  return (value: number) => bottom - ((value - min) / (max - min || 1)) * (bottom - top);
}

/** Which of `n` points get an axis label so that no two labels are closer
 * than `minGap` pixels: always the first and the last. */
export function labelled(n: number, span: number, minGap: number): Set<number> {
  const shown = new Set<number>();
  if (n <= 0) return shown;
  const gap = n > 1 ? span / (n - 1) : span;
  const every = Math.max(1, Math.ceil(minGap / Math.max(gap, 1)));
  for (let i = 0; i < n; i += every) shown.add(i);
  // The newest point always gets its label; drop the one before it if the
  // two would touch.
  const last = n - 1;
  if (!shown.has(last)) {
    const previous = last - (last % every);
    if ((last - previous) * gap < minGap) shown.delete(previous);
    shown.add(last);
  }
  return shown;
}

/** A round top for a count axis and the ticks up to it (at most ~5). */
export function countTicks(max: number): { top: number; ticks: number[] } {
  if (max <= 0) return { top: 1, ticks: [0, 1] };
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];
  const step = steps.find((s) => Math.ceil(max / s) <= 5) ?? Math.ceil(max / 5);
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let t = 0; t <= top; t += step) ticks.push(t);
  return { top, ticks };
}

/* Long histories: a month at a time. */

/** Beyond this many points a chart draws one point a month instead of one
 * per item: about the most that still sit apart at the usual drawn width,
 * and a table short enough to read. */
export const MONTHLY_OVER = 60;

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The person's calendar month of `on`, as "YYYY-MM". A calendar date
 * ("YYYY-MM-DD", as the charts send) is already the person's own day and is
 * taken as it is; a full timestamp is placed in local time first. */
export function monthOf(on: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(on)) return on.slice(0, 7);
  const d = new Date(on);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** Months counted from year 0, so that neighbours differ by one. */
export function monthNumber(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return y * 12 + m - 1;
}

/** "November 2026" for "2026-11". */
export function monthYear(month: string): string {
  return `${monthNames[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** "Nov 2026" for "2026-11". */
export function shortMonthYear(month: string): string {
  return `${monthNames[Number(month.slice(5, 7)) - 1].slice(0, 3)} ${month.slice(0, 4)}`;
}

type NumberKey<T> = { [K in keyof T]: T[K] extends number ? K : never }[keyof T] & string;

/** One month of points: how many there were and the average of each of
 * `keys` over them. */
export type MonthSummary<K extends string> = { month: string; count: number } & Record<K, number>;

/** Points gathered by calendar month, oldest month first, each with the
 * average of `keys`. Months with no points are left out, not filled in. */
export function byMonth<T extends { on: string }, K extends NumberKey<T>>(
  points: readonly T[],
  keys: readonly K[],
): MonthSummary<K>[] {
  const months = new Map<string, { count: number; sums: number[] }>();
  for (const p of points) {
    const month = monthOf(p.on);
    let m = months.get(month);
    if (!m) months.set(month, (m = { count: 0, sums: keys.map(() => 0) }));
    m.count += 1;
    keys.forEach((k, i) => (m.sums[i] += p[k] as number));
  }
  return [...months.entries()]
    .sort(([a], [b]) => monthNumber(a) - monthNumber(b))
    .map(([month, { count, sums }]) => {
      const summary = { month, count } as MonthSummary<K>;
      keys.forEach((k, i) => ((summary as Record<string, number>)[k] = sums[i] / count));
      return summary;
    });
}

/** An average to one decimal, "3.0" included, so a column of them lines up. */
export function oneDecimal(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1);
}

/** A time axis from the first of `months` to the last, empty months keeping
 * their place: `slots` is the x of every month in that run, `xs` the x of
 * each of `months`, in order. */
export function monthAxis(months: readonly string[], x0: number, x1: number, inset = 16) {
  if (months.length === 0) return { slots: [] as number[], xs: [] as number[] };
  const first = monthNumber(months[0]);
  const slots = spread(monthNumber(months[months.length - 1]) - first + 1, x0, x1, inset);
  return { slots, xs: months.map((m) => slots[monthNumber(m) - first]) };
}

/** An SVG path through the points that lifts the pen wherever a month is
 * missing, so the line never crosses a gap as if there had been data. */
export function gappedPath(months: readonly string[], xs: readonly number[], ys: readonly number[]): string {
  return months
    .map((m, i) => {
      const joined = i > 0 && monthNumber(m) - monthNumber(months[i - 1]) === 1;
      return `${joined ? 'L' : 'M'}${xs[i].toFixed(1)},${ys[i].toFixed(1)}`;
    })
    .join(' ');
}

/** Circles of radius `r` at each point, as one SVG path. */
export function circlesPath(xs: readonly number[], ys: readonly number[], r: number): string {
  return xs
    .map((x, i) => `M${(x - r).toFixed(1)},${ys[i].toFixed(1)} a${r},${r} 0 1,0 ${2 * r},0 a${r},${r} 0 1,0 ${-2 * r},0`)
    .join(' ');
}

/** Squares of side `side` centred on each point, as one SVG path. */
export function squaresPath(xs: readonly number[], ys: readonly number[], side: number): string {
  return xs
    .map((x, i) => `M${(x - side / 2).toFixed(1)},${(ys[i] - side / 2).toFixed(1)} h${side} v${side} h${-side} z`)
    .join(' ');
}

/** Axis labels for the months from `first` to `last`, drawn `span` pixels
 * from first to last: each year at its January when there are more than two
 * years, otherwise months spaced so they don't touch. `index` counts months
 * from `first`. */
export function monthTicks(first: string, last: string, span: number): { index: number; label: string }[] {
  const start = monthNumber(first);
  const n = monthNumber(last) - start + 1;
  const perMonth = n > 1 ? span / (n - 1) : span;
  if (n > 24) {
    const everyYears = [1, 2, 5, 10, 20].find((y) => y * 12 * perMonth >= 48) ?? 50;
    const ticks: { index: number; label: string }[] = [];
    for (let m = Math.ceil(start / 12) * 12; m < start + n; m += 12) {
      const year = m / 12;
      if (year % everyYears === 0) ticks.push({ index: m - start, label: String(year) });
    }
    return ticks;
  }
  return [...labelled(n, span, 72)].map((index) => {
    const m = start + index;
    return { index, label: shortMonthYear(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`) };
  });
}

/** Which of `months` sit in a run of fewer than `shortest` months in a row:
 * with little or no line to sit on, these need markers even where the others
 * are too close together to be drawn one by one. */
export function shortRuns(months: readonly string[], shortest = 3): boolean[] {
  const marked: boolean[] = [];
  let start = 0;
  for (let i = 1; i <= months.length; i++) {
    if (i < months.length && monthNumber(months[i]) === monthNumber(months[i - 1]) + 1) continue;
    for (let j = start; j < i; j++) marked.push(i - start < shortest);
    start = i;
  }
  return marked;
}

/** How a monthly chart lays out its `months` (in order, "YYYY-MM") between
 * x0 and x1: each month's slot and x, the distance between neighbouring
 * months, which months keep a marker and which get a label. Markers less
 * than 9px apart would run together into a beaded line, so at that density
 * the line carries the months and only months in a short run, with little
 * line to sit on, keep theirs. */
export function monthLayout(months: readonly string[], x0: number, x1: number) {
  const axis = monthAxis(months, x0, x1, 20);
  const step = axis.slots.length > 1 ? axis.slots[1] - axis.slots[0] : x1 - x0;
  const marked = step >= 9 ? months.map(() => true) : shortRuns(months);
  const ticks = months.length
    ? monthTicks(months[0], months[months.length - 1], (axis.slots.at(-1) ?? 0) - axis.slots[0])
    : [];
  return { ...axis, step, marked, ticks };
}
