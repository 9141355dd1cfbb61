import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installFakeBackend } from '../test/fakeBackend';
import { addPageHead, clearPageHead, colorScheme, darkMedia } from '../test/pageHead';
import { appearance, applyAppearance } from './appearance.svelte';

beforeEach(() => {
  addPageHead();
  appearance.reset();
});

afterEach(clearPageHead);

describe('applyAppearance', () => {
  it('turns the dark palette on, off, or over to the computer, and tells the browser to match', () => {
    applyAppearance('dark');
    expect(darkMedia()).toBe('all');
    expect(colorScheme()).toBe('dark');

    applyAppearance('light');
    expect(darkMedia()).toBe('not all');
    expect(colorScheme()).toBe('light');

    applyAppearance('system');
    expect(darkMedia()).toBe('(prefers-color-scheme: dark)');
    expect(colorScheme()).toBe('light dark');
  });

  it('does nothing on a page without the palette link', () => {
    clearPageHead();
    expect(() => applyAppearance('dark')).not.toThrow();
  });
});

describe('the appearance setting', () => {
  it('shows what the data keeps once loaded, and stays as it is when it cannot be asked', async () => {
    const backend = installFakeBackend();
    backend.look.appearance = 'dark';
    expect(await appearance.load()).toBe('dark');
    expect(darkMedia()).toBe('all');

    backend.lock.encrypted = true;
    backend.lock.locked = true;
    expect(await appearance.load()).toBe('dark');
    expect(darkMedia()).toBe('all');
  });

  it('goes back to what was kept when a choice cannot be saved', async () => {
    const backend = installFakeBackend();
    backend.look.appearance = 'light';
    await appearance.load();
    backend.look.saveError = { code: 'internal', message: 'The disk is full.' };
    await expect(appearance.choose('dark')).rejects.toThrow('The disk is full.');
    expect(appearance.current).toBe('light');
    expect(darkMedia()).toBe('not all');
    expect(backend.look.appearance).toBe('light');
  });

  it('counts only the latest of two quick choices', async () => {
    const backend = installFakeBackend();
    const first = appearance.choose('dark');
    const second = appearance.choose('light');
    await Promise.all([first, second]);
    expect(appearance.current).toBe('light');
    expect(darkMedia()).toBe('not all');
    expect(backend.look.appearance).toBe('light');
  });
});
