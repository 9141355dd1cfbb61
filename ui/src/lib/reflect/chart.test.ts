import { describe, expect, it } from 'vitest';
import { countTicks, labelled, spread, yScale } from './chart';
import { dayMonth, dayHeading } from './format';

describe('chart scales', () => {
  it('spreads points evenly and centres a single one', () => {
    expect(spread(1, 0, 100)).toEqual([50]);
    expect(spread(3, 0, 100, 10)).toEqual([10, 50, 90]);
    expect(spread(0, 0, 100)).toEqual([]);
  });

  it('maps values onto the plot, upwards', () => {
    const y = yScale(1, 5, 200, 0);
    expect(y(1)).toBe(200);
    expect(y(5)).toBe(0);
    expect(y(3)).toBe(100);
  });

  it('rounds a count axis to a calm step', () => {
    expect(countTicks(0)).toEqual({ top: 1, ticks: [0, 1] });
    expect(countTicks(3)).toEqual({ top: 3, ticks: [0, 1, 2, 3] });
    expect(countTicks(7)).toEqual({ top: 8, ticks: [0, 2, 4, 6, 8] });
    expect(countTicks(23)).toEqual({ top: 25, ticks: [0, 5, 10, 15, 20, 25] });
  });

  it('labels the first and last points without crowding', () => {
    expect([...labelled(12, 550, 40)]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const few = labelled(12, 220, 40);
    expect(few.has(0)).toBe(true);
    expect(few.has(11)).toBe(true);
    const sorted = [...few].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect((sorted[i] - sorted[i - 1]) * 20).toBeGreaterThanOrEqual(40);
  });

  it('names weeks by their Monday, the short way', () => {
    expect(dayMonth('2026-11-03')).toBe('3 Nov');
    expect(dayHeading('2026-11-26', '2026-11-26')).toMatch(/^Today, /);
    expect(dayHeading('2026-11-25', '2026-11-26')).toMatch(/^Yesterday, /);
  });
});
