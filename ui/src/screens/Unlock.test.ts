import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { Backup } from '../lib/api';
import { installFakeBackend } from '../test/fakeBackend';
import { openHelpAndComeBack } from '../test/helpWhileClosed';
import { lock } from '../lib/lock.svelte';
import Unlock from './Unlock.svelte';

const PASSPHRASE = 'quiet harbour lights';

/** A locked Kindred, as the app finds it at start. */
async function lockedBackend() {
  const backend = installFakeBackend(['Sam']);
  Object.assign(backend.lock, { encrypted: true, locked: true, passphrase: PASSPHRASE });
  await lock.refresh();
  return backend;
}

beforeEach(() => {
  lock.reset();
});

describe('Unlock screen', () => {
  it('greets calmly and puts the cursor in the passphrase field', async () => {
    await lockedBackend();
    render(Unlock, { onUnlocked: vi.fn() });
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome back' })).toBeInTheDocument();
    expect(screen.getByText(/locked with a passphrase/)).toBeInTheDocument();
    const field = screen.getByLabelText('Passphrase');
    expect(field).toHaveAttribute('type', 'password');
    expect(field).toHaveFocus();
    expect(screen.getByRole('button', { name: /need help now\?/i })).toBeInTheDocument();
  });

  it('shows and hides what was typed', async () => {
    const user = userEvent.setup();
    await lockedBackend();
    render(Unlock, { onUnlocked: vi.fn() });
    const toggle = screen.getByRole('button', { name: 'Show passphrase' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByLabelText('Passphrase')).toHaveAttribute('type', 'text');
    await user.click(toggle);
    expect(screen.getByLabelText('Passphrase')).toHaveAttribute('type', 'password');
  });

  it('says when Caps Lock is on while the passphrase is typed, and not otherwise', async () => {
    const user = userEvent.setup();
    await lockedBackend();
    render(Unlock, { onUnlocked: vi.fn() });
    const field = screen.getByLabelText('Passphrase');
    await user.click(field);
    await user.keyboard('river');
    expect(screen.queryByText('Caps Lock is on.')).not.toBeInTheDocument();
    await user.keyboard('{CapsLock}STONES');
    expect(screen.getByText('Caps Lock is on.')).toBeInTheDocument();
    expect(field).toHaveAccessibleDescription(/Caps Lock is on/);
    await user.keyboard('{CapsLock}x');
    expect(screen.queryByText('Caps Lock is on.')).not.toBeInTheDocument();
  });

  it("says plainly when a passphrase doesn't open the data, and keeps the cursor in the field", async () => {
    const user = userEvent.setup();
    await lockedBackend();
    const onUnlocked = vi.fn();
    render(Unlock, { onUnlocked });
    const field = screen.getByLabelText('Passphrase');
    await user.type(field, 'not quite it{Enter}');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("That passphrase doesn't open your data. Nothing has changed; try again.");
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/doesn't open your data/);
    await waitFor(() => expect(field).toHaveFocus());
    expect(onUnlocked).not.toHaveBeenCalled();
    expect(lock.locked).toBe(true);

    // What was typed is selected, so typing again replaces it.
    await user.keyboard(PASSPHRASE);
    expect(field).toHaveValue(PASSPHRASE);
  });

  it('unlocks with the right passphrase from the Unlock button', async () => {
    const user = userEvent.setup();
    const backend = await lockedBackend();
    const onUnlocked = vi.fn();
    render(Unlock, { onUnlocked });
    await user.type(screen.getByLabelText('Passphrase'), PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(onUnlocked).toHaveBeenCalledOnce());
    expect(backend.callsTo('lock_unlock')[0].args).toEqual({ passphrase: PASSPHRASE });
    expect(lock.locked).toBe(false);
  });

  it('opens the help page while locked, and comes back', async () => {
    const user = userEvent.setup();
    const backend = await lockedBackend();
    render(Unlock, { onUnlocked: vi.fn() });
    // The help page asks nothing of the (locked) backend.
    await openHelpAndComeBack(user, backend);
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome back' })).toBeInTheDocument();
    expect(screen.getByLabelText('Passphrase')).toHaveFocus();
  });

  it('explains a forgotten passphrase, and starts over only once the phrase is typed', async () => {
    const user = userEvent.setup();
    const backend = await lockedBackend();
    render(Unlock, { onUnlocked: vi.fn() });
    const disclose = screen.getByRole('button', { name: 'Forgot your passphrase?' });
    expect(disclose).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText(/no way back in/)).not.toBeInTheDocument();

    await user.click(disclose);
    expect(disclose).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText(/There's no way back in without it/)).toBeInTheDocument();
    expect(screen.getByText(/deletes everything Kindred kept on this computer/)).toBeInTheDocument();

    const go = screen.getByRole('button', { name: 'Delete everything and start over' });
    expect(go).toBeDisabled();
    const phrase = screen.getByLabelText('Type “delete everything” to start over');
    await user.type(phrase, 'delete');
    expect(go).toBeDisabled();
    expect(backend.callsTo('data_delete_everything')).toHaveLength(0);

    await user.type(phrase, ' everything');
    expect(go).toBeEnabled();
    await user.click(go);
    const done = await screen.findByRole('status');
    expect(done).toHaveTextContent(/Kindred will close in a moment/);
    expect(done).toHaveTextContent(/start fresh/);
    await waitFor(() => expect(done).toHaveFocus());
    expect(backend.callsTo('data_delete_everything')[0].args).toEqual({ confirmation: 'delete everything' });
    expect(screen.queryByLabelText('Passphrase')).not.toBeInTheDocument();
  });

  describe('when the file may be damaged rather than locked', () => {
    const plain: Backup = {
      name: 'kindred-daily-2026-11-24.sqlite3',
      kind: 'daily',
      takenAt: '2026-11-24T09:00:00Z',
      bytes: 245_760,
      encrypted: false,
    };
    const withPassphrase: Backup = { ...plain, name: 'kindred-manual-2026-11-20.sqlite3', kind: 'manual', encrypted: true };

    /** The unlock screen with "Sure of your passphrase, or never set one?" open, and its backups listed. */
    async function openNeverSet() {
      const user = userEvent.setup();
      const backend = await lockedBackend();
      backend.backups.push({ ...plain }, { ...withPassphrase });
      const onUnlocked = vi.fn();
      render(Unlock, { onUnlocked });
      const disclose = screen.getByRole('button', { name: 'Sure of your passphrase, or never set one?' });
      expect(disclose).toHaveAttribute('aria-expanded', 'false');
      await user.click(disclose);
      expect(disclose).toHaveAttribute('aria-expanded', 'true');
      const list = await screen.findByRole('list', { name: 'Backups, newest first' });
      return { user, backend, onUnlocked, list };
    }

    it('explains that the file may be damaged, and offers a backup or a fresh start', async () => {
      const { list } = await openNeverSet();
      expect(screen.getByText(/may be damaged rather than locked/)).toBeInTheDocument();
      expect(screen.getByText(/a damaged file looks just like a locked one/)).toBeInTheDocument();
      expect(
        screen.getByText(
          /The file Kindred has now is kept with the backups, not deleted\. You'll find it listed among them, to bring back later if you need it\./,
        ),
      ).toBeInTheDocument();
      expect(within(list).getAllByRole('listitem')).toHaveLength(2);
      expect(within(list).getByText('Locked with your passphrase')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Start fresh…' })).toBeInTheDocument();
    });

    it('opens with a plain backup brought back', async () => {
      const { user, backend, onUnlocked, list } = await openNeverSet();
      await user.click(within(list).getAllByRole('button', { name: /^Bring back/ })[0]);
      await waitFor(() => expect(onUnlocked).toHaveBeenCalledOnce());
      expect(backend.callsTo('recovery_restore')[0].args).toEqual({ name: plain.name });
      expect(lock.locked).toBe(false);
    });

    it('asks for the passphrase of a backup that has one, in the field above', async () => {
      const { user, onUnlocked, list } = await openNeverSet();
      await user.click(within(list).getAllByRole('button', { name: /^Bring back/ })[1]);
      await screen.findByText('That backup is locked with a passphrase. Type it above to open it.');
      expect(screen.getByText(/The backup you brought back is locked with a passphrase/)).toBeInTheDocument();
      await waitFor(() => expect(screen.getByLabelText('Passphrase')).toHaveFocus());
      expect(onUnlocked).not.toHaveBeenCalled();
      expect(lock.locked).toBe(true);
      // The file that was here is now first among the backups, locked as it was.
      await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
      const aside = within(list).getAllByRole('listitem')[0];
      expect(aside).toHaveTextContent("Set aside when it wouldn't open");
      expect(aside).toHaveTextContent('Locked with your passphrase');
      await waitFor(() => expect(screen.getByLabelText('Passphrase')).toHaveFocus());

      await user.keyboard(`${PASSPHRASE}{Enter}`);
      await waitFor(() => expect(onUnlocked).toHaveBeenCalledOnce());
      expect(lock.backupLocked).toBe(false);
    });

    it('starts fresh after the second yes', async () => {
      const { user, backend, onUnlocked } = await openNeverSet();
      await user.click(screen.getByRole('button', { name: 'Start fresh…' }));
      await user.click(screen.getByRole('button', { name: 'Start fresh now' }));
      await waitFor(() => expect(onUnlocked).toHaveBeenCalledOnce());
      expect(backend.ties).toEqual([]);
      expect(lock.encrypted).toBe(false);
    });
  });
});
