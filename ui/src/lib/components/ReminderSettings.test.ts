import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { installFakeBackend } from '../../test/fakeBackend';
import type { PauseFor, ReminderSettings as Settings } from '../api';
import ReminderSettings from './ReminderSettings.svelte';

type Backend = ReturnType<typeof installFakeBackend>;

/** The settings sent by the last save. */
function lastSaved(backend: Backend): Settings {
  const saves = backend.calls.filter((c) => c.cmd === 'settings_set_reminders');
  expect(saves.length).toBeGreaterThan(0);
  return saves[saves.length - 1].args.value as Settings;
}

const pauses = (backend: Backend) =>
  backend.calls.filter((c) => c.cmd === 'settings_pause_reminders').map((c) => c.args.pause as PauseFor | null);

describe('Reminder settings', () => {
  it('shows the settings as they are saved', async () => {
    installFakeBackend([], {
      desktop: false,
      preferredTime: '10:30:00',
      quietHours: { start: '23:00:00', end: '07:00:00' },
      birthdays: true,
      birthdayDaysBefore: 3,
      intentions: false,
      reflection: { days: ['tuesday', 'sunday'], at: '19:30:00', since: '2026-11-01T10:00:00Z' },
      startAtLogin: true,
      keepInTray: false,
    });
    render(ReminderSettings);

    expect(await screen.findByLabelText('Time for reminders without a set time')).toHaveValue('10:30');
    expect(screen.getByText('Reminders are on.')).toBeInTheDocument();
    expect(screen.getByLabelText('Show reminders as desktop notifications')).not.toBeChecked();
    expect(screen.getByLabelText('From')).toHaveValue('23:00');
    expect(screen.getByLabelText('to')).toHaveValue('07:00');
    expect(screen.getByLabelText(/No quiet hours/)).not.toBeChecked();
    expect(screen.getByLabelText('Suggestions to reach out to someone')).toBeChecked();
    expect(screen.getByLabelText('Birthdays')).toBeChecked();
    expect(screen.getByLabelText(/^Also remind me/)).toHaveValue(3);
    expect(screen.getByLabelText("Intentions you've set yourself")).not.toBeChecked();
    expect(screen.getByRole('radio', { name: 'On the days I choose' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Tue' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Sun' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Mon' })).not.toBeChecked();
    expect(screen.getByLabelText('At')).toHaveValue('19:30');
    expect(screen.getByLabelText(/Start Kindred when I log in/)).toBeChecked();
    expect(screen.getByLabelText(/Keep Kindred in the tray/)).not.toBeChecked();
    expect(screen.getByText(/Closing the window quits Kindred/)).toBeInTheDocument();
  });

  it('keeps Kindred in the tray by default, and sends the choice not to', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    render(ReminderSettings);
    const keep = await screen.findByLabelText(/Keep Kindred in the tray/);
    expect(keep).toBeChecked();
    expect(screen.getByText(/Choose Quit from the tray icon/)).toBeInTheDocument();
    await user.click(keep);
    expect(screen.getByText(/Closing the window quits Kindred/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save reminder settings' }));
    await waitFor(() => expect(screen.getByText('Saved.')).toBeInTheDocument());
    expect(lastSaved(backend).keepInTray).toBe(false);
  });

  it('sends a changed time as hours, minutes and seconds, and says it was saved', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    render(ReminderSettings);
    const time = await screen.findByLabelText('Time for reminders without a set time');
    await fireEvent.input(time, { target: { value: '11:15' } });
    await user.click(screen.getByLabelText('Show reminders as desktop notifications'));
    await user.click(screen.getByRole('button', { name: 'Save reminder settings' }));

    await waitFor(() => expect(screen.getByText('Saved.')).toBeInTheDocument());
    const sent = lastSaved(backend);
    expect(sent.preferredTime).toBe('11:15:00');
    expect(sent.desktop).toBe(false);
    expect(sent.quietHours).toEqual({ start: '22:00:00', end: '08:00:00' });
    expect(sent.reflection).toBeNull();
    expect(backend.reminderSettings.preferredTime).toBe('11:15:00');

    // Changing anything again takes the confirmation away until the next save.
    await user.click(screen.getByLabelText('Birthdays'));
    expect(screen.queryByText('Saved.')).not.toBeInTheDocument();
  });

  it('turns quiet hours off by sending the same start and end', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    render(ReminderSettings);
    await user.click(await screen.findByLabelText(/No quiet hours/));
    expect(screen.queryByLabelText('From')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save reminder settings' }));
    await screen.findByText('Saved.');
    expect(lastSaved(backend).quietHours).toEqual({ start: '00:00:00', end: '00:00:00' });
  });

  it('shows what the backend refused beside the field it is about', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    render(ReminderSettings);
    const time = await screen.findByLabelText('Time for reminders without a set time');
    await fireEvent.input(time, { target: { value: '23:30' } });
    await user.click(screen.getByRole('button', { name: 'Save reminder settings' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('falls in your quiet hours');
    expect(alert.id).toBe('rs-preferred-error');
    expect(time).toHaveAttribute('aria-invalid', 'true');
    expect(time.getAttribute('aria-describedby')).toContain('rs-preferred-error');
    expect(screen.queryByText('Saved.')).not.toBeInTheDocument();
    expect(backend.reminderSettings.preferredTime).toBe('09:00:00');

    // Fixing the time and asking for too many days moves the message to that field.
    await fireEvent.input(time, { target: { value: '09:30' } });
    const before = screen.getByLabelText(/^Also remind me/);
    await fireEvent.input(before, { target: { value: '20' } });
    await user.click(screen.getByRole('button', { name: 'Save reminder settings' }));
    await waitFor(() => expect(screen.getByRole('alert').id).toBe('rs-before-error'));
    expect(screen.getByRole('alert')).toHaveTextContent('0 (on the day only) to 14 days before');
    expect(before).toHaveAttribute('aria-invalid', 'true');
    expect(time).not.toHaveAttribute('aria-invalid');
  });

  it('pauses at once, says until when, and turns reminders back on', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    render(ReminderSettings);
    await user.click(await screen.findByRole('button', { name: 'Pause for an hour' }));

    expect(await screen.findByText(/^Reminders are paused until/)).toBeInTheDocument();
    const resume = screen.getByRole('button', { name: 'Turn them back on' });
    expect(resume).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'For a week' })).not.toBeInTheDocument();
    expect(backend.reminderSettings.pausedUntil).not.toBeNull();

    await user.click(resume);
    expect(await screen.findByText('Reminders are on.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pause for an hour' })).toHaveFocus();
    expect(backend.reminderSettings.pausedUntil).toBeNull();
    expect(pauses(backend)).toEqual(['hour', null]);
    // Pausing never goes through the form's save.
    expect(backend.calls.some((c) => c.cmd === 'settings_set_reminders')).toBe(false);
  });

  it('shows a pause that is already running', async () => {
    const until = new Date(Date.now() + 3 * 24 * 3_600_000).toISOString();
    installFakeBackend([], { pausedUntil: until });
    render(ReminderSettings);
    expect(await screen.findByText(/^Reminders are paused until .+ at /)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Turn them back on' })).toBeInTheDocument();
  });

  it('sends the chosen days and time for a regular moment to reflect', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    render(ReminderSettings);
    await user.click(await screen.findByRole('radio', { name: 'On the days I choose' }));

    // No day chosen yet: the backend asks for one, beside the days.
    await user.click(screen.getByRole('button', { name: 'Save reminder settings' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('at least one day');
    expect(screen.getByRole('alert').id).toBe('rs-days-error');

    await user.click(screen.getByRole('checkbox', { name: 'Thu' }));
    await user.click(screen.getByRole('checkbox', { name: 'Mon' }));
    await fireEvent.input(screen.getByLabelText('At'), { target: { value: '20:15' } });
    await user.click(screen.getByRole('button', { name: 'Save reminder settings' }));

    await screen.findByText('Saved.');
    expect(lastSaved(backend).reflection).toEqual({ days: ['monday', 'thursday'], at: '20:15:00', since: null });
    expect(backend.reminderSettings.reflection?.since).not.toBeNull();

    // And off again.
    await user.click(screen.getByRole('radio', { name: 'Off' }));
    expect(screen.queryByRole('checkbox', { name: 'Mon' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save reminder settings' }));
    await screen.findByText('Saved.');
    expect(lastSaved(backend).reflection).toBeNull();
  });
});
