import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { installFakeBackend, KEYCHAIN_SILENT } from '../../test/fakeBackend';
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
    expect(screen.getByText(/choose to have this computer remember it/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Remember on this computer/ })).not.toBeInTheDocument();
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

describe('Passphrase settings, remembered on this computer', () => {
  it('explains the trade-off, and puts a wrong passphrase on its field', async () => {
    const user = userEvent.setup();
    const backend = encryptedBackend();
    render(PassphraseSettings);
    expect(await screen.findByText(/Kindred asks for it each time it starts/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remember on this computer…', expanded: false }));
    expect(screen.getByRole('button', { name: 'Remember on this computer…', expanded: true })).toBeInTheDocument();
    const remember = form('Remember on this computer');
    expect(remember.getByText(/this computer's own keychain/)).toBeInTheDocument();
    expect(
      remember.getByText(/anyone who can use your account on this computer could open Kindred too/),
    ).toBeInTheDocument();
    expect(remember.getByText(/stop this any time/)).toBeInTheDocument();
    const current = remember.getByLabelText('Current passphrase');
    expect(current).toHaveFocus();

    // Nothing typed: asked for in words, without a trip to the backend.
    await user.click(remember.getByRole('button', { name: 'Remember it' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please type the passphrase you use now.');
    expect(calls(backend, 'lock_remember')).toHaveLength(0);

    await user.type(current, 'not the one{Enter}');
    await waitFor(() => expect(current).toHaveAccessibleDescription(/isn't your passphrase/));
    expect(current).toHaveAttribute('aria-invalid', 'true');
    expect(current).toHaveValue('');
    await waitFor(() => expect(current).toHaveFocus());
    expect(backend.lock.remembered).toBe(false);
    expect(lock.remembered).toBe(false);
  });

  it('opens one form at a time, the remember form among them', async () => {
    const user = userEvent.setup();
    encryptedBackend();
    render(PassphraseSettings);
    await user.click(await screen.findByRole('button', { name: 'Change passphrase' }));
    await user.click(screen.getByRole('button', { name: 'Remember on this computer…' }));
    expect(screen.queryByRole('form', { name: 'Change passphrase' })).not.toBeInTheDocument();
    expect(form('Remember on this computer').getByLabelText('Current passphrase')).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remember on this computer…' })).toHaveFocus();
  });

  it('remembers with the right passphrase, says so, and offers to stop', async () => {
    const user = userEvent.setup();
    const backend = encryptedBackend();
    render(PassphraseSettings);
    await user.click(await screen.findByRole('button', { name: 'Remember on this computer…' }));
    await user.type(form('Remember on this computer').getByLabelText('Current passphrase'), `${PASSPHRASE}{Enter}`);

    expect(await screen.findByText(/Kindred opens by itself on this computer/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/This computer now keeps your passphrase/);
    expect(calls(backend, 'lock_remember')[0].args).toEqual({ passphrase: PASSPHRASE });
    expect(backend.lock.remembered).toBe(true);
    expect(lock.remembered).toBe(true);
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Passphrase' })).toHaveFocus());
    expect(screen.queryByText(/Kindred asks for it each time it starts/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Remember on this computer/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Stop remembering' })).toBeInTheDocument();
    expect(document.querySelectorAll('input')).toHaveLength(0);
  });

  it("says so in the section's own words when the keychain doesn't answer", async () => {
    const user = userEvent.setup();
    const backend = encryptedBackend();
    backend.lock.keychainWorks = false;
    render(PassphraseSettings);
    await user.click(await screen.findByRole('button', { name: 'Remember on this computer…' }));
    const current = form('Remember on this computer').getByLabelText('Current passphrase');
    await user.type(current, `${PASSPHRASE}{Enter}`);

    expect(await screen.findByRole('alert')).toHaveTextContent(KEYCHAIN_SILENT);
    expect(current).not.toHaveAttribute('aria-invalid');
    // Nothing said as done (the field's own Caps Lock line is silent too).
    for (const status of screen.getAllByRole('status')) expect(status).toHaveTextContent('');
    expect(lock.remembered).toBe(false);
    // The form stays, to try again later or close.
    expect(screen.getByRole('form', { name: 'Remember on this computer' })).toBeInTheDocument();
  });

  it('stops remembering', async () => {
    const user = userEvent.setup();
    const backend = encryptedBackend();
    backend.lock.remembered = true;
    render(PassphraseSettings);
    await user.click(await screen.findByRole('button', { name: 'Stop remembering' }));

    expect(await screen.findByText(/Kindred asks for it each time it starts/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/This computer no longer keeps your passphrase/);
    expect(calls(backend, 'lock_forget')).toHaveLength(1);
    expect(backend.lock.remembered).toBe(false);
    expect(lock.remembered).toBe(false);
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Passphrase' })).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Remember on this computer…' })).toBeInTheDocument();
  });

  it('says the keychain keeps a changed passphrase too', async () => {
    const user = userEvent.setup();
    const backend = encryptedBackend();
    backend.lock.remembered = true;
    render(PassphraseSettings);
    await user.click(await screen.findByRole('button', { name: 'Change passphrase' }));
    const change = form('Change passphrase');
    await user.type(change.getByLabelText('Current passphrase'), PASSPHRASE);
    await user.type(change.getByLabelText('New passphrase'), 'a brand new one');
    await user.type(change.getByLabelText('Type the new one again'), 'a brand new one{Enter}');

    expect(await screen.findByText(/keychain now keeps the new one/)).toHaveAttribute('role', 'status');
    expect(screen.getByText(/Kindred opens by itself on this computer/)).toBeInTheDocument();
  });

  it('forgets with the passphrase when it is removed', async () => {
    const user = userEvent.setup();
    const backend = encryptedBackend();
    backend.lock.remembered = true;
    render(PassphraseSettings);
    await user.click(await screen.findByRole('button', { name: 'Remove passphrase' }));
    await user.type(form('Remove passphrase').getByLabelText('Current passphrase'), `${PASSPHRASE}{Enter}`);
    expect(await screen.findByText(/The passphrase is removed/)).toHaveAttribute('role', 'status');
    expect(backend.lock.remembered).toBe(false);
    expect(lock.remembered).toBe(false);
    expect(screen.queryByText(/Kindred opens by itself on this computer/)).not.toBeInTheDocument();
  });
});
