import { describe, expect, it } from 'vitest';
import { wholeNumber } from './errors';

describe('wholeNumber', () => {
  it('accepts whole numbers typed or given', () => {
    expect(wholeNumber('14')).toBe(14);
    expect(wholeNumber(' 7 ')).toBe(7);
    expect(wholeNumber(30)).toBe(30);
  });

  it('refuses anything else instead of guessing', () => {
    for (const v of ['', '  ', 'abc', '1.5', '1e400', null, undefined, NaN, '७']) {
      expect(wholeNumber(v)).toBeNull();
    }
  });
});
