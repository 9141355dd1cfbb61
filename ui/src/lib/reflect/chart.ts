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
