import { describe, expect, it } from 'vitest';
import type { MoodPoint } from '../api';
import {
  byMonth,
  circlesPath,
  countTicks,
  gappedPath,
  labelled,
  monthAxis,
  monthLayout,
  monthOf,
  monthTicks,
  monthYear,
  oneDecimal,
  spread,
  squaresPath,
  shortRuns,
  yScale,
} from './chart';
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

describe('a month at a time', () => {
  const mood = (on: string, before: number, after: number) => ({ sessionId: 0, on, before, after });

  it('keeps a calendar date in its own month, whatever the time zone', () => {
    // new Date('2026-02-01') would be 31 January west of Greenwich.
    expect(monthOf('2026-02-01')).toBe('2026-02');
    expect(monthOf('2026-01-31')).toBe('2026-01');
    expect(monthOf('2025-12-31')).toBe('2025-12');
  });

  it('places a timestamp in the local month', () => {
    const at = '2026-01-31T23:30:00.000Z';
    const local = new Date(at);
    expect(monthOf(at)).toBe(`${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}`);
  });

  it('splits at month and year boundaries', () => {
    const months = byMonth(
      [mood('2025-12-31', 1, 2), mood('2026-01-01', 3, 4), mood('2026-01-31', 5, 5), mood('2026-02-01', 2, 2)],
      ['before', 'after'],
    );
    expect(months).toEqual([
      { month: '2025-12', count: 1, before: 1, after: 2 },
      { month: '2026-01', count: 2, before: 4, after: 4.5 },
      { month: '2026-02', count: 1, before: 2, after: 2 },
    ]);
  });

  it('gives a single session a month of its own', () => {
    expect(byMonth([mood('2026-11-20', 2, 4)], ['before', 'after'])).toEqual([
      { month: '2026-11', count: 1, before: 2, after: 4 },
    ]);
    expect(byMonth([] as MoodPoint[], ['before', 'after'])).toEqual([]);
  });

  it('averages each month on its own', () => {
    const months = byMonth(
      [mood('2026-03-02', 1, 2), mood('2026-03-09', 2, 4), mood('2026-03-30', 3, 3), mood('2026-04-01', 5, 5)],
      ['before', 'after'],
    );
    expect(months[0]).toEqual({ month: '2026-03', count: 3, before: 2, after: 3 });
    expect(months[1]).toEqual({ month: '2026-04', count: 1, before: 5, after: 5 });
    expect(byMonth([{ on: '2026-05-04', score: 4 }, { on: '2026-05-11', score: 7 }], ['score'])).toEqual([
      { month: '2026-05', count: 2, score: 5.5 },
    ]);
  });

  it('leaves months without sessions out, and sorts what it is given', () => {
    const months = byMonth([mood('2026-06-10', 3, 4), mood('2026-01-15', 2, 3), mood('2026-03-01', 4, 4)], ['after']);
    expect(months.map((m) => m.month)).toEqual(['2026-01', '2026-03', '2026-06']);
  });

  it('lays out a monthly chart: markers for every month while they are 9px apart, else only short runs', () => {
    const roomy = monthLayout(['2026-01', '2026-02', '2026-03', '2026-06'], 0, 300);
    expect(roomy.step).toBeGreaterThanOrEqual(9);
    expect(roomy.marked).toEqual([true, true, true, true]);
    expect(roomy.ticks[0]).toEqual({ index: 0, label: expect.any(String) });
    expect(roomy.xs).toHaveLength(4);

    // Ten years a month at a time in 300px: a long run rides on its line, a lone month keeps its marker.
    const years = Array.from({ length: 119 }, (_, i) => `${2016 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const dense = monthLayout([...years, '2026-12'].filter((m) => m !== '2026-10'), 0, 300);
    expect(dense.step).toBeLessThan(9);
    expect(dense.marked.slice(0, 10).every((m) => !m)).toBe(true);
    expect(dense.marked.at(-1)).toBe(true);
    expect(monthLayout([], 0, 300)).toMatchObject({ xs: [], marked: [], ticks: [] });
  });

  it('keeps empty months in their place on the axis and lifts the pen over them', () => {
    const months = ['2026-01', '2026-02', '2026-04'];
    const { slots, xs } = monthAxis(months, 0, 300, 0);
    expect(slots).toEqual([0, 100, 200, 300]);
    expect(xs).toEqual([0, 100, 300]);
    expect(gappedPath(months, xs, [10, 20, 30])).toBe('M0.0,10.0 L100.0,20.0 M300.0,30.0');
    expect(monthAxis([], 0, 300)).toEqual({ slots: [], xs: [] });
  });

  it('finds the months with little line to sit on, which need markers of their own', () => {
    const months = ['2025-11', '2025-12', '2026-01', '2026-03', '2026-05', '2026-06', '2026-08'];
    expect(shortRuns(months)).toEqual([false, false, false, true, true, true, true]);
    expect(shortRuns(months, 2)).toEqual([false, false, false, true, false, false, true]);
    expect(shortRuns(['2026-01'])).toEqual([true]);
    expect(shortRuns([])).toEqual([]);
  });

  it('draws every marker of a series in one path', () => {
    expect(circlesPath([10, 20], [5, 5], 2)).toBe('M8.0,5.0 a2,2 0 1,0 4,0 a2,2 0 1,0 -4,0 M18.0,5.0 a2,2 0 1,0 4,0 a2,2 0 1,0 -4,0');
    expect(squaresPath([10], [10], 4)).toBe('M8.0,8.0 h4 v4 h-4 z');
  });

  it('labels years on a long axis and months on a short one', () => {
    const years = monthTicks('2016-12', '2026-11', 560);
    expect(years[0]).toEqual({ index: 1, label: '2017' });
    expect(years.map((t) => t.label)).toEqual(['2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026']);
    // Narrower, every other year; narrower still, every fifth.
    expect(monthTicks('2016-12', '2026-11', 300).map((t) => t.label)).toEqual(['2018', '2020', '2022', '2024', '2026']);
    expect(monthTicks('2016-12', '2026-11', 200).map((t) => t.label)).toEqual(['2020', '2025']);
    const short = monthTicks('2026-08', '2026-11', 500);
    expect(short.map((t) => t.label)).toEqual(['Aug 2026', 'Sep 2026', 'Oct 2026', 'Nov 2026']);
  });

  it('names months and averages plainly', () => {
    expect(monthYear('2026-11')).toBe('November 2026');
    expect(oneDecimal(3)).toBe('3.0');
    expect(oneDecimal(10 / 3)).toBe('3.3');
    expect(oneDecimal(3.96)).toBe('4.0');
    expect(oneDecimal(2.25)).toBe('2.3');
  });
});
