import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { Backup, DataProblem } from '../lib/api';
import { momentText } from '../lib/dates';
import { damagedProblem, installFakeBackend, REFUSED_BACKUP } from '../test/fakeBackend';
import { openHelpAndComeBack } from '../test/helpWhileClosed';
import { lock } from '../lib/lock.svelte';
import YourData from '../lib/components/YourData.svelte';
import Recovery from './Recovery.svelte';

const daily: Backup = {
  name: 'kindred-daily-2026-11-24.sqlite3',
  kind: 'daily',
  takenAt: '2026-11-24T09:00:00Z',
  bytes: 245_760,
  encrypted: false,
};
const locked: Backup = {
  name: 'kindred-manual-2026-11-20.sqlite3',
  kind: 'manual',
  takenAt: '2026-11-20T18:30:00Z',
  bytes: 241_000,
  encrypted: true,
};

/** Kindred whose data won't open, for `problem`, with a plain and an encrypted backup in its folder. */
async function brokenBackend(problem: Partial<DataProblem> = {}, backups: Backup[] = [daily, locked]) {
  const backend = installFakeBackend(['Sam']);
  backend.recovery.problem = { ...damagedProblem(), ...problem };
  backend.backups.push(...backups.map((b) => ({ ...b })));
  await lock.refresh();
  return backend;
}

/** The recovery screen for `problem`, and what it was given. */
async function showRecovery(problem: Partial<DataProblem> = {}, backups?: Backup[]) {
  const backend = await brokenBackend(problem, backups);
  const onOpened = vi.fn();
  const view = render(Recovery, { onOpened });
  return { user: userEvent.setup(), backend, onOpened, view };
}

/** Presses "Bring back" on the `n`th backup listed (newest first); resolves to the list. */
async function bringBack(user: ReturnType<typeof userEvent.setup>, n: number) {
  const list = await screen.findByRole('list', { name: 'Backups, newest first' });
  await user.click(within(list).getAllByRole('button', { name: /^Bring back/ })[n]);
  return list;
}

/** What the ways back have set aside, now among the backups. */
const setAsideIn = (backend: ReturnType<typeof installFakeBackend>) => backend.backups.filter((b) => b.kind === 'set_aside');

const SET_ASIDE_LABEL = "Set aside when it wouldn't open";

/** The words a worried person should never meet. */
function expectNoAlarmingWords() {
  expect(document.body.textContent).not.toMatch(/error|corrupt|fatal|fail/i);
}

beforeEach(() => {
  lock.reset();
});

describe('Recovery screen', () => {
  it('says plainly that a damaged file is left as it is, and offers the ways back', async () => {
    await showRecovery();
    const heading = screen.getByRole('heading', { level: 1, name: "Kindred couldn't open your data" });
    expect(heading).toHaveFocus();
    expect(screen.getByText(/holds your map, journal and reminders looks damaged/)).toBeInTheDocument();
    expect(screen.getByText(/Kindred hasn't changed the file/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Bring back a backup' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Start fresh' })).toBeInTheDocument();
    expect(
      screen.getAllByText(
        /The file that won't open is kept with the backups, not deleted\. You'll find it listed among them, to bring back later if you need it\./,
      ),
    ).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    expectNoAlarmingWords();
  });

  it('says data from a newer Kindred opens after updating, and that it is kept aside', async () => {
    await showRecovery({ kind: 'newer', details: 'The database schema version 9 is newer than this Kindred (7).' });
    expect(screen.getByRole('heading', { level: 1, name: 'This data is from a newer Kindred' })).toBeInTheDocument();
    expect(screen.getByText(/saved by a newer version of Kindred/)).toBeInTheDocument();
    expect(screen.getByText(/Updating Kindred will open them just as they are/)).toBeInTheDocument();
    expect(screen.getByText(/This version has left your data as it was/)).toBeInTheDocument();
    expect(
      screen.getByText(
        /Your newer data is kept with the backups, not deleted\. Once Kindred is updated, you can bring it back from Settings → Your data\./,
      ),
    ).toBeInTheDocument();
    expectNoAlarmingWords();
  });

  it('keeps newer data among the backups on starting fresh, for Settings to bring back once updated', async () => {
    const { user, backend, onOpened, view } = await showRecovery({ kind: 'newer', details: 'Schema 9 is newer than 7.' });
    await user.click(screen.getByRole('button', { name: 'Start fresh…' }));
    await user.click(screen.getByRole('button', { name: 'Start fresh now' }));
    await waitFor(() => expect(onOpened).toHaveBeenCalledOnce());
    const [aside] = setAsideIn(backend);
    expect(aside.name).toMatch(/^kindred-set-aside-[\dT-]+Z\.sqlite3$/);
    view.unmount();

    // Settings → Your data lists it, newest first, by its own name, and it can be restored from there.
    render(YourData);
    const list = await screen.findByRole('list', { name: 'Backups, newest first' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent(SET_ASIDE_LABEL);
    expect(rows[0]).toHaveTextContent(momentText(aside.takenAt));
    await user.click(within(rows[0]).getByRole('button', { name: /^Restore the backup from/ }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Restore' }));
    expect(await screen.findByText(/^Restored\. Kindred is back to how it was/)).toBeInTheDocument();
    expect(backend.callsTo('data_restore')[0].args).toEqual({ name: aside.name });
  });

  it("shows the folder it couldn't reach, and tries again until it opens", async () => {
    const { user, backend, onOpened } = await showRecovery({
      kind: 'unreadable',
      folder: '/media/you/usb/kindred',
      details: 'Permission denied (os error 13)',
    });
    expect(screen.getByRole('heading', { level: 1, name: "Kindred couldn't reach its folder" })).toBeInTheDocument();
    expect(screen.getByText('/media/you/usb/kindred')).toBeInTheDocument();
    expect(screen.getByText(/Make some room on the disk/)).toBeInTheDocument();
    expect(screen.getByText(/folder belongs to you/)).toBeInTheDocument();
    expectNoAlarmingWords();

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    const still = await screen.findByText(/It still didn't open. Nothing has changed/);
    expect(still).toHaveAttribute('role', 'status');
    await waitFor(() => expect(still).toHaveFocus());
    expect(onOpened).not.toHaveBeenCalled();

    backend.recovery.opensOnRetry = true;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(onOpened).toHaveBeenCalledOnce());
    expect(backend.callsTo('recovery_retry')).toHaveLength(2);
    expect(lock.problem).toBeNull();
  });

  it('reads the new words from the top when trying again finds another reason', async () => {
    const { user, backend } = await showRecovery({ kind: 'unreadable', details: 'Permission denied (os error 13)' });
    backend.recovery.problem = damagedProblem();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    const heading = await screen.findByRole('heading', { level: 1, name: "Kindred couldn't open your data" });
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it('lists the backups in the folder, newest first, marking the ones locked with a passphrase', async () => {
    await showRecovery();
    const list = await screen.findByRole('list', { name: 'Backups, newest first' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Daily');
    expect(rows[0]).not.toHaveTextContent('Locked with your passphrase');
    expect(rows[1]).toHaveTextContent('You made this');
    expect(rows[1]).toHaveTextContent('Locked with your passphrase');
    // Each button says which backup, in the person's own time and locale.
    const when = momentText(daily.takenAt);
    expect(rows[0]).toHaveTextContent(when);
    expect(within(rows[0]).getByRole('button', { name: `Bring back the backup from ${when}` })).toBeEnabled();
  });

  it('brings back a plain backup, and opens', async () => {
    const { user, backend, onOpened } = await showRecovery();
    await bringBack(user, 0);
    await waitFor(() => expect(onOpened).toHaveBeenCalledOnce());
    expect(backend.callsTo('recovery_restore')[0].args).toEqual({ name: daily.name });
    expect(setAsideIn(backend)).toHaveLength(1);
    expect(lock.problem).toBeNull();
    expect(lock.locked).toBe(false);
  });

  it('brings back a backup locked with a passphrase, and leaves the asking to the unlock screen', async () => {
    const { user, onOpened } = await showRecovery();
    await bringBack(user, 1);
    await waitFor(() => expect(lock.locked).toBe(true));
    expect(lock.problem).toBeNull();
    expect(lock.backupLocked).toBe(true);
    expect(onOpened).not.toHaveBeenCalled();
  });

  it('says so when a backup is refused, and nothing else changes', async () => {
    const { user, backend, onOpened } = await showRecovery();
    backend.recovery.refused.push(daily.name);
    const list = await bringBack(user, 0);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(REFUSED_BACKUP);
    await waitFor(() => expect(alert).toHaveFocus());
    expect(setAsideIn(backend)).toEqual([]);
    expect(lock.problem?.kind).toBe('damaged');
    expect(onOpened).not.toHaveBeenCalled();
    expect(screen.getByRole('heading', { level: 1, name: "Kindred couldn't open your data" })).toBeInTheDocument();
    // The other backups can still be tried.
    expect(within(list).getAllByRole('button', { name: /^Bring back/ })[1]).toBeEnabled();
  });

  it("says when a backup that came back doesn't open either", async () => {
    const { user, backend, onOpened } = await showRecovery();
    backend.recovery.wontOpen.push(daily.name);
    const list = await bringBack(user, 0);
    const note = await screen.findByText(/That backup didn't open either. Nothing is lost/);
    await waitFor(() => expect(note).toHaveFocus());
    expect(onOpened).not.toHaveBeenCalled();
    expect(lock.problem).not.toBeNull();

    // The file that wouldn't open now stands first among the backups, by its own name.
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
    const first = within(list).getAllByRole('listitem')[0];
    expect(first).toHaveTextContent(SET_ASIDE_LABEL);
    expect(first).not.toHaveTextContent('Locked with your passphrase');
    expect(setAsideIn(backend)).toHaveLength(1);
    expectNoAlarmingWords();

    // Being damaged, it is refused if brought back, and nothing changes.
    await user.click(within(first).getByRole('button', { name: /^Bring back/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(REFUSED_BACKUP);
    expect(setAsideIn(backend)).toHaveLength(1);
    expect(lock.problem?.kind).toBe('damaged');
  });

  it('says warmly when there are no backups, and plainly when they could not be listed', async () => {
    const { user, backend, view } = await showRecovery({}, []);
    expect(await screen.findByText(/There are no backups in Kindred's folder yet/)).toBeInTheDocument();
    view.unmount();

    backend.recovery.listFails = true;
    render(Recovery, { onOpened: vi.fn() });
    expect(await screen.findByRole('alert')).toHaveTextContent("Kindred couldn't look through its backups just now.");
    backend.recovery.listFails = false;
    backend.backups.push({ ...daily });
    await user.click(screen.getByRole('button', { name: 'Look again' }));
    expect(await screen.findByRole('list', { name: 'Backups, newest first' })).toBeInTheDocument();
  });

  it('starts fresh only after saying what it does, and a second yes', async () => {
    const { user, backend, onOpened } = await showRecovery();
    const first = screen.getByRole('button', { name: 'Start fresh…' });
    expect(first).toHaveAttribute('aria-expanded', 'false');
    await user.click(first);
    expect(first).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getAllByText(/The file that won't open is kept with the backups, not deleted/)).toHaveLength(2);
    expect(screen.getByText(/start empty/)).toBeInTheDocument();
    expect(screen.getByText(/from Settings → Your data/)).toBeInTheDocument();
    expect(backend.callsTo('recovery_start_fresh')).toHaveLength(0);

    // "Not now" closes it again, with nothing done.
    await user.click(screen.getByRole('button', { name: 'Not now' }));
    expect(first).toHaveAttribute('aria-expanded', 'false');
    expect(backend.callsTo('recovery_start_fresh')).toHaveLength(0);

    await user.click(first);
    await user.click(screen.getByRole('button', { name: 'Start fresh now' }));
    await waitFor(() => expect(onOpened).toHaveBeenCalledOnce());
    expect(backend.ties).toEqual([]);
    expect(setAsideIn(backend)).toHaveLength(1);
    expect(lock.problem).toBeNull();
  });

  it('with no folder at all, says so and what may help, and offers no way back that would fail', async () => {
    const { user } = await showRecovery({
      kind: 'unreadable',
      folder: null,
      details: 'No home folder: $HOME is not set',
    });
    const heading = screen.getByRole('heading', { level: 1, name: "Kindred couldn't find a folder for your data" });
    expect(heading).toHaveFocus();
    expect(screen.getByText(/keeps your map, journal and reminders in a folder on this computer/)).toBeInTheDocument();
    expect(screen.getByText(/couldn't find or make one\. Nothing has been changed\./)).toBeInTheDocument();
    expect(screen.getByText('Restart the computer, then open Kindred again.')).toBeInTheDocument();
    expect(screen.getByText('Check that your home folder is there, and that you can save files in it.')).toBeInTheDocument();
    for (const name of ['Try again', 'Start fresh…', 'Rather delete everything?'])
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Bring back a backup' })).not.toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Backups, newest first' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Need help now?' })).toBeInTheDocument();
    expectNoAlarmingWords();

    await user.click(screen.getByRole('button', { name: 'Details for anyone helping you' }));
    expect(screen.getByText('No home folder: $HOME is not set')).toBeInTheDocument();
    expect(screen.queryByText(/Kindred's folder:/)).not.toBeInTheDocument();
  });

  it('keeps the technical details behind a disclosure, as plain text', async () => {
    const { user } = await showRecovery({ details: 'file is not a database <b>(code 26)</b>' });
    const disclose = screen.getByRole('button', { name: 'Details for anyone helping you' });
    expect(disclose).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText(/file is not a database/)).not.toBeInTheDocument();
    await user.click(disclose);
    expect(disclose).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('file is not a database <b>(code 26)</b>')).toBeInTheDocument();
    expect(document.querySelector('b')).toBeNull();
    expect(screen.getByText('/home/you/.local/share/kindred')).toBeInTheDocument();
  });

  it('opens "Need help now?" and comes back to the heading', async () => {
    const { user, backend } = await showRecovery();
    await screen.findByRole('list', { name: 'Backups, newest first' });
    await openHelpAndComeBack(user, backend);
    expect(screen.getByRole('heading', { level: 1, name: "Kindred couldn't open your data" })).toHaveFocus();
  });

  it('can delete everything instead, once the phrase is typed', async () => {
    const { user, backend } = await showRecovery();
    await user.click(screen.getByRole('button', { name: 'Rather delete everything?' }));
    const go = screen.getByRole('button', { name: 'Delete everything and start over' });
    expect(go).toBeDisabled();
    await user.type(screen.getByLabelText('Type “delete everything” to start over'), 'delete everything');
    await user.click(go);
    const done = await screen.findByRole('status');
    expect(done).toHaveTextContent(/Kindred will close in a moment/);
    await waitFor(() => expect(done).toHaveFocus());
    expect(backend.callsTo('data_delete_everything')).toHaveLength(1);
    expect(backend.recovery.problem).toBeNull();
  });
});
