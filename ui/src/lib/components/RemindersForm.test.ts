import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { installFakeBackend } from '../../test/fakeBackend';
import type { Recurrence, Reminder, ReminderDraft } from '../api';
import RemindersForm from './RemindersForm.svelte';

type Backend = ReturnType<typeof installFakeBackend>;

/** Every draft the form asked the backend to create, in order. */
const drafts = (backend: Backend) =>
  backend.calls.filter((c) => c.cmd === 'reminders_create').map((c) => c.args.draft as ReminderDraft);

function lastRule(backend: Backend): Recurrence {
  const sent = drafts(backend);
  expect(sent.length).toBeGreaterThan(0);
  return sent[sent.length - 1].rule;
}

const thisYear = new Date().getFullYear();

function seeded(id: number, title: string, rule: Recurrence): Reminder {
  return { id, title, note: '', rule, enabled: true, createdAt: '2026-11-25T10:00:00Z', lastFiredDue: null };
}

async function setUp(seed: Reminder[] = []) {
  const user = userEvent.setup();
  const backend = installFakeBackend();
  backend.reminders.push(...seed);
  render(RemindersForm);
  await waitFor(() => expect(backend.calls.some((c) => c.cmd === 'reminders_list')).toBe(true));
  return { user, backend };
}

async function named(user: ReturnType<typeof userEvent.setup>, title: string) {
  await user.type(screen.getByLabelText('Remind me to'), title);
}

const add = (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: 'Add reminder' }));

describe('Your own reminders', () => {
  it('sends a one-off reminder with its date and time, and lists it', async () => {
    const { user, backend } = await setUp();
    await named(user, '  Send Gran a photo ');
    await user.click(screen.getByLabelText('Once'));
    const date = document.getElementById('reminder-on') as HTMLInputElement;
    expect(date).toBe(screen.getByLabelText('On'));
    await fireEvent.input(date, { target: { value: `${thisYear + 1}-01-05` } });
    await fireEvent.input(document.getElementById('reminder-at')!, { target: { value: '14:30' } });
    await add(user);

    expect(await screen.findByText('Send Gran a photo')).toBeInTheDocument();
    expect(lastRule(backend)).toEqual({ kind: 'once', on: `${thisYear + 1}-01-05`, at: '14:30:00' });
    expect(screen.getByText(/^Once, on .+ at 14:30$/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Added “Send Gran a photo”.');
    expect(screen.getByLabelText('Remind me to')).toHaveValue('');
  });

  it('sends every day at your usual time with no time of its own', async () => {
    const { user, backend } = await setUp();
    await named(user, 'Drink some water');
    expect(screen.getByRole('radio', { name: 'Every day' })).toBeChecked();
    await user.click(screen.getByLabelText('At my usual time'));
    expect(document.getElementById('reminder-at')).toBeNull();
    expect(screen.getByText(/your time for reminders without a set time/)).toBeInTheDocument();
    await add(user);

    expect(await screen.findByText('Every day at your usual time')).toBeInTheDocument();
    expect(lastRule(backend)).toEqual({ kind: 'daily', at: null });
  });

  it('sends the chosen days of the week in week order', async () => {
    const { user, backend } = await setUp();
    await named(user, 'Call Dad');
    await user.click(screen.getByLabelText('On the days I choose'));
    expect(screen.getByRole('group', { name: 'On these days' })).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Thu' }));
    await user.click(screen.getByRole('checkbox', { name: 'Mon' }));
    await fireEvent.input(screen.getByLabelText('Time'), { target: { value: '09:30' } });
    await add(user);

    expect(await screen.findByText('Mondays and Thursdays at 09:30')).toBeInTheDocument();
    expect(lastRule(backend)).toEqual({ kind: 'weekly', days: ['monday', 'thursday'], at: '09:30:00' });
  });

  it('sends every few days with the number and the day it starts', async () => {
    const { user, backend } = await setUp();
    await named(user, 'Water the tomatoes');
    await user.click(screen.getByLabelText('Every few days'));
    const n = screen.getByLabelText('Every days');
    await user.clear(n);
    await user.type(n, '3');
    await fireEvent.input(screen.getByLabelText('Starting on'), { target: { value: `${thisYear}-12-01` } });
    await user.click(screen.getByLabelText('At my usual time'));
    await add(user);

    expect(await screen.findByText(/^Every 3 days from (1 December|December 1) at your usual time$/)).toBeInTheDocument();
    expect(lastRule(backend)).toEqual({ kind: 'every_n_days', n: 3, start: `${thisYear}-12-01`, at: null });
  });

  it('sends a day of the month, and says what happens in shorter months', async () => {
    const { user, backend } = await setUp();
    await named(user, 'Pay the rent');
    await user.click(screen.getByLabelText('Each month'));
    const day = screen.getByLabelText('On day of each month');
    expect(day).toHaveAccessibleDescription(/29th, 30th and 31st fall on the last day of any shorter month/);
    await user.clear(day);
    await user.type(day, '31');
    await fireEvent.input(screen.getByLabelText('Time'), { target: { value: '08:15' } });
    await add(user);

    expect(await screen.findByText('Each month on the 31st (or the last day) at 08:15')).toBeInTheDocument();
    expect(lastRule(backend)).toEqual({ kind: 'monthly', day: 31, at: '08:15:00' });
  });

  it('shows what the backend refuses beside the field it is about', async () => {
    const { user, backend } = await setUp();

    // No words at all.
    await add(user);
    const title = screen.getByLabelText('Remind me to');
    expect(await screen.findByText(/Please give the reminder a few words/)).toBeInTheDocument();
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription(/Please give the reminder a few words/);

    // No days chosen.
    await named(user, 'Call Dad');
    await user.click(screen.getByLabelText('On the days I choose'));
    await add(user);
    const days = await screen.findByRole('group', { name: 'On these days' });
    expect(await screen.findByText('Choose at least one day of the week.')).toBeInTheDocument();
    expect(days).toHaveAccessibleDescription('Choose at least one day of the week.');
    expect(title).not.toHaveAttribute('aria-invalid');

    // Every 0 days.
    await user.click(screen.getByLabelText('Every few days'));
    expect(screen.queryByText('Choose at least one day of the week.')).not.toBeInTheDocument();
    const n = screen.getByLabelText('Every days');
    await user.clear(n);
    await user.type(n, '0');
    await add(user);
    await waitFor(() => expect(n).toHaveAttribute('aria-invalid', 'true'));
    expect(n).toHaveAccessibleDescription(/from every day \(1\) to once a year \(365\)/);

    // The 32nd of the month.
    await user.click(screen.getByLabelText('Each month'));
    const day = screen.getByLabelText('On day of each month');
    await user.clear(day);
    await user.type(day, '32');
    await add(user);
    await waitFor(() => expect(day).toHaveAttribute('aria-invalid', 'true'));
    expect(day).toHaveAccessibleDescription(/Choose a day of the month from 1 to 31\./);

    expect(drafts(backend).map((d) => d.rule.kind)).toEqual(['daily', 'weekly', 'every_n_days', 'monthly']);
    expect(backend.reminders).toHaveLength(0);
  });

  it('asks for what the backend could not read without sending it', async () => {
    const { user, backend } = await setUp();
    await named(user, 'Water the tomatoes');
    await user.click(screen.getByLabelText('Every few days'));
    await user.clear(screen.getByLabelText('Every days'));
    await add(user);
    expect(await screen.findByText(/as a whole number, from 1 \(every day\) to 365/)).toBeInTheDocument();

    await user.click(screen.getByLabelText('Once'));
    await fireEvent.input(screen.getByLabelText('On'), { target: { value: '' } });
    await add(user);
    expect(await screen.findByText('Please choose the day for this reminder.')).toBeInTheDocument();
    expect(screen.getByLabelText('On')).toHaveAttribute('aria-invalid', 'true');

    await fireEvent.input(screen.getByLabelText('On'), { target: { value: `${thisYear + 1}-02-01` } });
    await fireEvent.input(screen.getByLabelText('Time'), { target: { value: '' } });
    await add(user);
    expect(await screen.findByText(/Please choose a time, or pick "At my usual time" instead\./)).toBeInTheDocument();
    expect(screen.getByLabelText('Time')).toHaveAttribute('aria-invalid', 'true');

    expect(drafts(backend)).toHaveLength(0);
  });

  it('describes each rule in plain words, and removes one', async () => {
    const { user, backend } = await setUp([
      seeded(1, 'Call Dad', { kind: 'weekly', days: ['thursday', 'monday'], at: '09:30:00' }),
      seeded(2, 'Water the tomatoes', { kind: 'every_n_days', n: 3, start: `${thisYear}-12-01`, at: null }),
      seeded(3, 'Pay the rent', { kind: 'monthly', day: 31, at: null }),
      seeded(4, 'Drink some water', { kind: 'daily', at: null }),
      seeded(5, 'Post a card', { kind: 'monthly', day: 2, at: '18:00:00' }),
      seeded(6, 'Walk with Sam', { kind: 'weekly', days: ['saturday', 'friday', 'wednesday'], at: null }),
      seeded(7, 'Stretch', { kind: 'weekly', days: ['friday', 'monday', 'tuesday', 'wednesday', 'thursday'], at: null }),
      seeded(8, 'Plant bulbs', { kind: 'every_n_days', n: 2, start: `${thisYear + 1}-03-04`, at: '10:00:00' }),
    ]);

    expect(await screen.findByText('Mondays and Thursdays at 09:30')).toBeInTheDocument();
    expect(screen.getByText(/^Every 3 days from (1 December|December 1) at your usual time$/)).toBeInTheDocument();
    expect(screen.getByText('Each month on the 31st (or the last day) at your usual time')).toBeInTheDocument();
    expect(screen.getByText('Every day at your usual time')).toBeInTheDocument();
    expect(screen.getByText('Each month on the 2nd at 18:00')).toBeInTheDocument();
    expect(screen.getByText('Wednesdays, Fridays and Saturdays at your usual time')).toBeInTheDocument();
    expect(screen.getByText('Weekdays, Monday to Friday at your usual time')).toBeInTheDocument();
    expect(
      screen.getByText(new RegExp(`^Every other day from (4 March|March 4),? ${thisYear + 1} at 10:00$`)),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Remove the reminder Drink some water' }));
    await waitFor(() => expect(screen.queryByText('Drink some water')).not.toBeInTheDocument());
    expect(backend.reminders.map((r) => r.id)).toEqual([1, 2, 3, 5, 6, 7, 8]);
  });
});
