import { describe, expect, it } from 'vitest';
import { daysBetween, sinceText, todayIso } from './dates';

describe('dates', () => {
  it('counts calendar days without time-zone drift, across DST', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
  });

  it('speaks kindly about time', () => {
    expect(sinceText('2026-11-25', '2026-11-25')).toBe('today');
    expect(sinceText('2026-11-24', '2026-11-25')).toBe('yesterday');
    expect(sinceText('2026-11-20', '2026-11-25')).toBe('5 days ago');
    expect(sinceText('2026-10-28', '2026-11-25')).toBe('4 weeks ago');
    expect(sinceText('2026-05-25', '2026-11-25')).toBe('6 months ago');
  });

  it('gives the local date', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
