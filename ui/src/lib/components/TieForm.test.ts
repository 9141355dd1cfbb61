import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { installFakeBackend } from '../../test/fakeBackend';
import { api } from '../api';
import TieForm from './TieForm.svelte';

describe('The tie form', () => {
  it('explains a rhythm that is not a whole number, beside the field, and sends nothing', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend(['Sam']);
    const [sam] = await api.listTies();
    render(TieForm, { tie: sam, onSaved: vi.fn() });
    await user.click(screen.getByRole('radio', { name: 'Every…' }));
    const days = screen.getByLabelText('Days between reminders');
    await fireEvent.input(days, { target: { value: '' } });
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('whole number of days');
    expect(backend.calls.some((c) => c.cmd === 'ties_update')).toBe(false);
  });

  it('explains a half-filled or impossible birthday', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend(['Sam']);
    const [sam] = await api.listTies();
    render(TieForm, { tie: sam, onSaved: vi.fn() });
    await user.type(screen.getByLabelText('Day'), '12');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('both the day and the month');
    await user.selectOptions(screen.getByLabelText('Month'), 'March');
    await user.type(screen.getByLabelText('Year (optional)'), '19');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('a year like 1987');
    expect(backend.calls.some((c) => c.cmd === 'ties_update')).toBe(false);
  });
});
