import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { installFakeBackend } from '../../test/fakeBackend';
import { lock } from '../lock.svelte';
import PassphraseSettings from './PassphraseSettings.svelte';

type Backend = ReturnType<typeof installFakeBackend>;

const PASSPHRASE = 'quiet harbour lights';
const calls = (backend: Backend, cmd: string) => backend.calls.filter((c) => c.cmd === cmd);

/** A Kindred whose data already has a passphrase, unlocked. */
function encryptedBackend() {
  const backend = installFakeBackend();
  Object.assign(backend.lock, { encrypted: true, locked: false, passphrase: PASSPHRASE });
  return backend;
}

/** The open form, by its heading. */
const form = (name: string) => within(screen.getByRole('form', { name }));

beforeEach(() => {
  lock.reset();
});

describe('Passphrase settings, without a passphrase', () => {
  it('explains what a passphrase protects and what it does not', async () => {
    installFakeBackend();
    render(PassphraseSettings);
    expect(screen.getByRole('heading', { name: 'Passphrase' })).toBeInTheDocument();
    expect(screen.getByText(/its backups on this computer/)).toBeInTheDocument();
    expect(screen.getByText(/Files you export.*stay readable/)).toBeInTheDocument();
    expect(screen.getByText(/reminders wait until you unlock it/)).toBeInTheDocument();
    expect(screen.getByText(/no way to get your data back/)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Set a passphrase' })).toBeInTheDocument();
  });

  it('catches two passphrases that differ before asking the backend', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    render(PassphraseSettings);
    await user.click(screen.getByRole('button', { name: 'Set a passphrase' }));
    const first = screen.getByLabelText('Passphrase', { selector: 'input' });
    expect(first).toHaveFocus();
    await user.type(first, PASSPHRASE);
    await user.type(screen.getByLabelText('Type it again'), 'quiet harbour light');
    await user.click(screen.getByRole('button', { name: 'Set passphrase' }));

    const repeat = screen.getByLabelText('Type it again');
    expect(await screen.findByRole('alert')).toHaveTextContent(/don't match yet/);
    expect(repeat).toHaveAttribute('aria-invalid', 'true');
    expect(repeat).toHaveAccessibleDescription(/don't match yet/);
    await waitFor(() => expect(repeat).toHaveFocus());
    expect(calls(backend, 'lock_set_passphrase')).toHaveLength(0);
  });

  it("shows the backend's rule for a passphrase that is too short, on its field", async () => {
    const user = userEvent.setup();
    installFakeBackend();
    render(PassphraseSettings);
    await user.click(screen.getByRole('button', { name: 'Set a passphrase' }));
    await user.type(screen.getByLabelText('Passphrase', { selector: 'input' }), 'short');
    await user.type(screen.getByLabelText('Type it again'), 'short');
    await user.click(screen.getByRole('button', { name: 'Set passphrase' }));
    const field = screen.getByLabelText('Passphrase', { selector: 'input' });
    await waitFor(() => expect(field).toHaveAccessibleDescription(/at least 8 characters/));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(field).toHaveFocus());
    expect(lock.encrypted).toBe(false);
  });

  it('sets a passphrase, says so, and then offers to lock, change or remove it', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    render(PassphraseSettings);
    await user.click(screen.getByRole('button', { name: 'Set a passphrase' }));
    await user.type(screen.getByLabelText('Passphrase', { selector: 'input' }), PASSPHRASE);
    await user.type(screen.getByLabelText('Type it again'), `${PASSPHRASE}{Enter}`);

    expect(await screen.findByText('Your data is protected with a passphrase.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/Your data is now protected/);
    expect(calls(backend, 'lock_set_passphrase')[0].args).toEqual({ current: null, passphrase: PASSPHRASE });
    expect(lock.encrypted).toBe(true);
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Passphrase' })).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Lock now' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Change passphrase' })).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByRole('button', { name: 'Remove passphrase' })).toHaveAttribute('aria-expanded', 'false');
    // The fields are gone, and with them what was typed.
    expect(document.querySelectorAll('input')).toHaveLength(0);
  });
});

describe('Passphrase settings, with a passphrase', () => {
  it('says the data is protected, and opens one form at a time', async () => {
    const user = userEvent.setup();
    encryptedBackend();
    render(PassphraseSettings);
    expect(await screen.findByText('Your data is protected with a passphrase.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect(screen.getByRole('button', { name: 'Change passphrase', expanded: true })).toBeInTheDocument();
    expect(form('Change passphrase').getByLabelText('Current passphrase')).toHaveFocus();
    expect(screen.getByLabelText('New passphrase')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Remove passphrase', expanded: false }));
    expect(screen.queryByRole('form', { name: 'Change passphrase' })).not.toBeInTheDocument();
    expect(form('Remove passphrase').getByLabelText('Current passphrase')).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByLabelText('Current passphrase')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove passphrase' })).toHaveFocus();
  });

  it('puts a wrong current passphrase on its field, clears it, and changes nothing', async () => {
    const user = userEvent.setup();
    const backend = encryptedBackend();
    render(PassphraseSettings);
    await user.click(await screen.findByRole('button', { name: 'Change passphrase' }));
    const change = form('Change passphrase');
    await user.type(change.getByLabelText('Current passphrase'), 'not the one');
    await user.type(change.getByLabelText('New passphrase'), 'a brand new one');
    await user.type(change.getByLabelText('Type the new one again'), 'a brand new one');
    await user.click(change.getByRole('button', { name: 'Change passphrase' }));

    const current = change.getByLabelText('Current passphrase');
    await waitFor(() => expect(current).toHaveAccessibleDescription(/isn't the passphrase Kindred has now/));
    expect(current).toHaveAttribute('aria-invalid', 'true');
    expect(current).toHaveValue('');
    await waitFor(() => expect(current).toHaveFocus());
    expect(change.getByLabelText('New passphrase')).not.toHaveAttribute('aria-invalid');
    expect(backend.lock.passphrase).toBe(PASSPHRASE);
  });

  it('changes the passphrase with the right current one', async () => {
    const user = userEvent.setup();
    const backend = encryptedBackend();
    render(PassphraseSettings);
    await user.click(await screen.findByRole('button', { name: 'Change passphrase' }));
    const change = form('Change passphrase');
    await user.type(change.getByLabelText('Current passphrase'), PASSPHRASE);
    await user.type(change.getByLabelText('New passphrase'), 'a brand new one');
    await user.type(change.getByLabelText('Type the new one again'), 'a brand new one');
    await user.click(change.getByRole('button', { name: 'Change passphrase' }));

    expect(await screen.findByText(/Your passphrase is changed/)).toHaveAttribute('role', 'status');
    expect(calls(backend, 'lock_set_passphrase')[0].args).toEqual({
      current: PASSPHRASE,
      passphrase: 'a brand new one',
    });
    expect(backend.lock.passphrase).toBe('a brand new one');
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });

  it('removes the passphrase with the right current one', async () => {
    const user = userEvent.setup();
    const backend = encryptedBackend();
    render(PassphraseSettings);
    await user.click(await screen.findByRole('button', { name: 'Remove passphrase' }));
    const remove = form('Remove passphrase');
    expect(remove.getByText(/anyone who copies the files could read them/)).toBeInTheDocument();

    // Nothing typed: asked for in words, without a trip to the backend.
    await user.click(remove.getByRole('button', { name: 'Remove passphrase' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please type the passphrase you use now.');
    expect(calls(backend, 'lock_remove_passphrase')).toHaveLength(0);

    await user.type(remove.getByLabelText('Current passphrase'), `${PASSPHRASE}{Enter}`);
    expect(await screen.findByText(/The passphrase is removed/)).toHaveAttribute('role', 'status');
    expect(calls(backend, 'lock_remove_passphrase')[0].args).toEqual({ current: PASSPHRASE });
    expect(lock.encrypted).toBe(false);
    expect(screen.getByRole('button', { name: 'Set a passphrase' })).toBeInTheDocument();
  });

  it('locks now', async () => {
    const user = userEvent.setup();
    const backend = encryptedBackend();
    render(PassphraseSettings);
    await user.click(await screen.findByRole('button', { name: 'Lock now' }));
    await waitFor(() => expect(lock.locked).toBe(true));
    expect(calls(backend, 'lock_now')).toHaveLength(1);
    expect(backend.lock.locked).toBe(true);
  });
});
