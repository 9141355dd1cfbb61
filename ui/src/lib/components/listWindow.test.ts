import { describe, expect, it } from 'vitest';
import { planWindow, rowAt, rowOffsets, rowsAbove } from './listWindow';

const options = { overscan: 0, fallbackHeight: 800, keep: null, keepAround: 2 };
/** `count` rows of 50px. */
const even = (count: number) => rowOffsets(count, () => 50);

describe('The window of a long list', () => {
  it('adds up where each row starts, whatever their heights', () => {
    expect(Array.from(rowOffsets(4, (i) => [50, 80, 50, 120][i]))).toEqual([0, 50, 130, 180, 300]);
    expect(Array.from(rowOffsets(0, () => 50))).toEqual([0]);
  });

  it('finds the row at a height, within the list', () => {
    const offsets = rowOffsets(4, (i) => [50, 80, 50, 120][i]);
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 49.9)).toBe(0);
    expect(rowAt(offsets, 50)).toBe(1);
    expect(rowAt(offsets, 129)).toBe(1);
    expect(rowAt(offsets, 299)).toBe(3);
    expect(rowAt(offsets, -500)).toBe(0);
    expect(rowAt(offsets, 10_000)).toBe(3);
    expect(rowAt(rowOffsets(0, () => 50), 10)).toBe(0);
  });

  it('counts the rows starting above a height, a row starting exactly there not among them', () => {
    const offsets = rowOffsets(4, (i) => [50, 80, 50, 120][i]);
    expect(rowsAbove(offsets, 0)).toBe(0);
    expect(rowsAbove(offsets, 1)).toBe(1);
    expect(rowsAbove(offsets, 130)).toBe(2);
    expect(rowsAbove(offsets, 131)).toBe(3);
    expect(rowsAbove(offsets, 10_000)).toBe(4);
  });

  it('draws the rows in view and the overscan, with space for the rest', () => {
    const plan = planWindow(even(10_000), 5_000, 500, { ...options, overscan: 100 });
    // 4,900 to 5,600 px: rows 98 to 111 (row 112 starts at 5,600, just out of reach).
    expect(plan.runs).toEqual([{ start: 98, end: 112 }]);
    expect(plan.before).toBe(98 * 50);
    expect(plan.after).toBe((10_000 - 112) * 50);
    expect(plan.before + 14 * 50 + plan.after).toBe(500_000);
    expect(plan.keptRun).toBeNull();
  });

  it('draws about the same number of rows at 10 rows as at 10,000 when the view is full', () => {
    const sizes = [10, 1_000, 10_000].map((n) => {
      const { runs } = planWindow(even(n), 0, 600, { ...options, overscan: 200 });
      return runs[0].end - runs[0].start;
    });
    expect(sizes).toEqual([10, 16, 16]);
  });

  it('assumes a view of the fallback height while there is none (before layout, or in jsdom)', () => {
    expect(planWindow(even(1_000), 0, 0, options).runs).toEqual([{ start: 0, end: 16 }]);
  });

  it('always draws one row, so Tab can reach the list when it is off screen above or below', () => {
    // The list starts far below the view.
    expect(planWindow(even(1_000), -5_000, 600, options).runs).toEqual([{ start: 0, end: 1 }]);
    // The view is far past the list's end.
    expect(planWindow(even(1_000), 90_000, 600, options).runs).toEqual([{ start: 999, end: 1_000 }]);
  });

  it('keeps the focused row and its neighbours drawn when the view goes elsewhere', () => {
    const offsets = even(1_000);
    const above = planWindow(offsets, 25_000, 500, { ...options, keep: 3 });
    expect(above.runs).toEqual([
      { start: 1, end: 6 },
      { start: 500, end: 510 },
    ]);
    expect(above.keptRun).toBe(0);
    expect(above.before).toBe(50);
    expect(above.between).toBe((500 - 6) * 50);
    expect(above.after).toBe((1_000 - 510) * 50);

    const below = planWindow(offsets, 0, 500, { ...options, keep: 998 });
    expect(below.runs).toEqual([
      { start: 0, end: 10 },
      { start: 996, end: 1_000 },
    ]);
    expect(below.keptRun).toBe(1);
    expect(below.after).toBe(0);
  });

  it('joins the focused row to the view when they meet, so Tab walks on past the last row drawn', () => {
    const plan = planWindow(even(1_000), 0, 500, { ...options, keep: 10 });
    expect(plan.runs).toEqual([{ start: 0, end: 13 }]);
    expect(plan.keptRun).toBeNull();
    // A focused row that is no longer in the list (archived, filtered out) is let go.
    expect(planWindow(even(5), 0, 500, { ...options, keep: 7 }).runs).toEqual([{ start: 0, end: 5 }]);
  });

  it('uses measured heights: a tall row takes the space it needs', () => {
    const offsets = rowOffsets(100, (i) => (i === 0 ? 500 : 50));
    expect(planWindow(offsets, 0, 400, options).runs).toEqual([{ start: 0, end: 1 }]);
    expect(planWindow(offsets, 500, 400, options).runs).toEqual([{ start: 1, end: 9 }]);
  });

  it('draws nothing for an empty list', () => {
    expect(planWindow(rowOffsets(0, () => 50), 0, 500, options)).toEqual({
      runs: [],
      keptRun: null,
      before: 0,
      between: 0,
      after: 0,
    });
  });
});
