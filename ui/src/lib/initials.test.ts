import { describe, expect, it } from 'vitest';
import { initials } from './initials';

describe('initials', () => {
  it('takes the first and last word', () => {
    expect(initials('Sam Okafor')).toBe('SO');
    expect(initials('Mary Anne de la Cruz')).toBe('MC');
  });

  it('handles one word, accents and other scripts', () => {
    expect(initials('zoë')).toBe('Z');
    expect(initials('Élodie Ñúñez')).toBe('ÉÑ');
    expect(initials('محمد علي')).toBe('مع');
  });

  it('skips emoji but never comes back empty', () => {
    expect(initials('Ngozi 🌻')).toBe('N');
    expect(initials('🌻')).toBe('🌻');
    expect(initials('<img src=x>')).toBe('IS');
  });
});
