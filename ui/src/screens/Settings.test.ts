import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { installFakeBackend } from '../test/fakeBackend';
import Settings from './Settings.svelte';

describe('Settings', () => {
  it('explains in plain words when the desktop does not take a test notification', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    render(Settings, { onBuildMap: () => {} });
    await user.click(screen.getByRole('button', { name: 'Send a test notification' }));
    expect(await screen.findByText(/show reminders here in its window instead/)).toBeInTheDocument();
    expect(screen.getByText(/ServiceUnknown/)).toBeInTheDocument();
    expect(backend.calls.some((c) => c.cmd === 'notices_send_test')).toBe(true);
  });

  it('refuses a rhythm that is not a whole number of days, beside the field', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    render(Settings, { onBuildMap: () => {} });
    const inner = await screen.findByLabelText(/Inner circle/);
    await user.clear(inner);
    await user.type(inner, '2.5');
    await user.click(screen.getByRole('button', { name: 'Save rhythm' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('whole number of days');
    expect(backend.calls.some((c) => c.cmd === 'settings_set_cadence_defaults')).toBe(false);
  });
});
