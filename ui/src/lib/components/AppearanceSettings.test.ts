import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { installFakeBackend } from '../../test/fakeBackend';
import { addPageHead, clearPageHead, colorScheme, darkMedia } from '../../test/pageHead';
import { appearance } from '../appearance.svelte';
import AppearanceSettings from './AppearanceSettings.svelte';

beforeEach(() => {
  addPageHead();
  appearance.reset();
});

afterEach(clearPageHead);

describe('Appearance settings', () => {
  it('offers following the computer, light or dark, as one labelled group', async () => {
    installFakeBackend();
    render(AppearanceSettings);
    const group = screen.getByRole('group', { name: 'Light or dark' });
    expect(group).toHaveAccessibleDescription(/follow your computer's light or dark setting/);
    expect(screen.getByRole('radio', { name: 'Follow this computer' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Light' })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: 'Dark' })).not.toBeChecked();
  });

  it('shows what is kept', async () => {
    const backend = installFakeBackend();
    backend.look.appearance = 'light';
    render(AppearanceSettings);
    expect(await screen.findByRole('radio', { name: 'Light', checked: true })).toBeInTheDocument();
    expect(darkMedia()).toBe('not all');
  });

  it('changes at once when Dark is chosen, and keeps it', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    render(AppearanceSettings);
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(darkMedia()).toBe('all');
    expect(colorScheme()).toBe('dark');
    expect(screen.getByRole('radio', { name: 'Dark' })).toBeChecked();
    await vi.waitFor(() => expect(backend.look.appearance).toBe('dark'));
    expect(backend.calls.filter((c) => c.cmd === 'settings_set_appearance').map((c) => c.args)).toEqual([
      { appearance: 'dark' },
    ]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('moves with the arrow keys, as a radio group does', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    render(AppearanceSettings);
    await user.tab();
    expect(screen.getByRole('radio', { name: 'Follow this computer' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: 'Light' })).toBeChecked();
    await vi.waitFor(() => expect(backend.look.appearance).toBe('light'));
    expect(darkMedia()).toBe('not all');
  });

  it('goes back and says so plainly when the choice cannot be kept', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    backend.look.appearance = 'light';
    render(AppearanceSettings);
    await screen.findByRole('radio', { name: 'Light', checked: true });
    backend.look.saveError = { code: 'internal', message: "Kindred couldn't finish that just now." };
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Kindred couldn't keep that choice, so it's back to light. Please try again in a moment.",
    );
    expect(screen.getByRole('radio', { name: 'Light' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Dark' })).not.toBeChecked();
    expect(darkMedia()).toBe('not all');
    expect(colorScheme()).toBe('light');
    expect(backend.look.appearance).toBe('light');

    // Trying again works, and the words go.
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    await vi.waitFor(() => expect(backend.look.appearance).toBe('dark'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
