import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { installFakeBackend } from '../../test/fakeBackend';
import { api, type Notice } from '../api';
import { logContact } from '../logContact.svelte';
import { notices } from '../notices.svelte';
import LogContactDialog from './LogContactDialog.svelte';
import NoticesPanel from './NoticesPanel.svelte';

type Backend = ReturnType<typeof installFakeBackend>;

function notice(fields: Partial<Notice> & Pick<Notice, 'id' | 'kind' | 'title'>): Notice {
  return {
    createdAt: '2026-11-25T09:00:00.000Z',
    body: '',
    deliveredDesktop: true,
    deliveryError: null,
    readAt: null,
    actedAt: null,
    tieIds: [],
    ...fields,
  };
}

/** Puts notices in the fake's list and opens the panel on them. */
async function open(backend: Backend, list: Notice[]) {
  backend.notices.push(...list);
  await notices.refresh();
  render(NoticesPanel, { onClose: vi.fn() });
}

const sent = (backend: Backend, cmd: string) => backend.calls.filter((c) => c.cmd === cmd).map((c) => c.args);

describe('Notifications', () => {
  beforeEach(() => {
    notices.outcomes = {};
    logContact.close();
  });

  it('snoozes a reminder until tomorrow and says when it comes back', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    await open(backend, [notice({ id: 7, kind: 'reflection', title: 'A few quiet minutes to reflect?' })]);

    const later = screen.getByRole('group', { name: 'Remind me' });
    expect(within(later).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'In an hour',
      'Tomorrow',
      'Next week',
    ]);
    // Opening the list does not land on an action.
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();

    await user.click(within(later).getByRole('button', { name: 'Tomorrow' }));

    expect(sent(backend, 'notices_snooze')).toEqual([{ id: 7, until: 'tomorrow' }]);
    expect(await screen.findByText('Snoozed — it will come back tomorrow')).toHaveFocus();
    expect(screen.queryByRole('group', { name: 'Remind me' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Done' })).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Snoozed. “A few quiet minutes to reflect?” will come back tomorrow.',
    );
    expect(notices.list[0].actedAt).not.toBeNull();
  });

  it('snoozes for an hour or a week with the matching choice', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    await open(backend, [
      notice({ id: 2, kind: 'custom', title: 'Water the plants' }),
      notice({ id: 1, kind: 'intention', title: 'Send Mina the recipe' }),
    ]);

    const [first, second] = screen.getAllByRole('group', { name: 'Remind me' });
    await user.click(within(first).getByRole('button', { name: 'In an hour' }));
    await user.click(within(second).getByRole('button', { name: 'Next week' }));

    expect(sent(backend, 'notices_snooze')).toEqual([
      { id: 2, until: 'hour' },
      { id: 1, until: 'week' },
    ]);
    expect(await screen.findByText('Snoozed — it will come back in an hour')).toBeInTheDocument();
    expect(screen.getByText('Snoozed — it will come back next week')).toBeInTheDocument();
  });

  it('marks a reminder done', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    await open(backend, [notice({ id: 3, kind: 'intention', title: 'Send Mina the recipe' })]);

    await user.click(screen.getByRole('button', { name: 'Done' }));

    expect(sent(backend, 'notices_done')).toEqual([{ id: 3 }]);
    expect(await screen.findByText('Done')).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Done' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Log a contact' })).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Marked “Send Mina the recipe” as done.');
  });

  it('offers to log the contact after a reach-out is done, with that person chosen', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend(['Ana', 'Sam']);
    const sam = backend.ties[1];
    await open(backend, [
      notice({ id: 4, kind: 'reach_out', title: 'It might be nice to reach out to Sam', tieIds: [sam.id] }),
    ]);

    await user.click(screen.getByRole('button', { name: 'Done' }));
    const log = await screen.findByRole('button', { name: 'Log a contact' });
    expect(log).toHaveFocus();
    expect(log).toHaveAccessibleDescription('It might be nice to reach out to Sam');
    expect(screen.getByRole('status')).toHaveTextContent('you can log the contact now');

    await user.click(log);
    expect(logContact.open).toBe(true);
    expect(logContact.preselected).toEqual([sam.id]);

    // The app shows the shared dialog with what was asked for.
    render(LogContactDialog, {
      ties: await api.listTies(),
      preselected: logContact.preselected,
      onClose: vi.fn(),
      onSaved: vi.fn(),
    });
    const dialog = screen.getByRole('dialog', { name: 'Log a contact' });
    expect(within(dialog).getByRole('checkbox', { name: 'Sam' })).toBeChecked();
    expect(within(dialog).getByRole('checkbox', { name: 'Ana' })).not.toBeChecked();
  });

  it('shows no actions on the test notification', async () => {
    const backend = installFakeBackend();
    await api.sendTestNotice();
    await notices.refresh();
    render(NoticesPanel, { onClose: vi.fn() });

    expect(screen.getByText('Kindred can reach you')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Remind me' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Done' })).not.toBeInTheDocument();
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Close']);
    expect(backend.notices).toHaveLength(1);
  });

  it('shows a reminder acted on earlier as seen to, without actions', async () => {
    const backend = installFakeBackend();
    await open(backend, [
      notice({ id: 5, kind: 'birthday', title: "It's Mina's birthday today", actedAt: '2026-11-25T09:30:00.000Z' }),
    ]);
    expect(screen.getByText('Seen to')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Done' })).not.toBeInTheDocument();
  });

  it('keeps the actions and says why when the notice has gone', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    const read = '2026-11-25T09:10:00.000Z';
    await open(backend, [notice({ id: 6, kind: 'custom', title: 'Water the plants', readAt: read })]);
    // Gone from the backend (deleted elsewhere) while still on screen.
    backend.notices.length = 0;

    await user.click(screen.getByRole('button', { name: 'Done' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('could not be found');
    expect(screen.getByRole('button', { name: 'Done' })).toBeInTheDocument();
  });
});
