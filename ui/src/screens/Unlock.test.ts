import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { installFakeBackend } from '../test/fakeBackend';
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

const calls = (backend: ReturnType<typeof installFakeBackend>, cmd: string) =>
  backend.calls.filter((c) => c.cmd === cmd);

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
    expect(calls(backend, 'lock_unlock')[0].args).toEqual({ passphrase: PASSPHRASE });
    expect(lock.locked).toBe(false);
  });

  it('opens the help page while locked, and comes back', async () => {
    const user = userEvent.setup();
    const backend = await lockedBackend();
    render(Unlock, { onUnlocked: vi.fn() });
    const before = backend.calls.length;
    await user.click(screen.getByRole('button', { name: /need help now\?/i }));
    expect(screen.getByRole('heading', { level: 1, name: 'Need help now?' })).toBeInTheDocument();
    expect(screen.getByText('Call 116 123')).toBeInTheDocument();
    // The help page asks nothing of the (locked) backend.
    expect(backend.calls.length).toBe(before);

    await user.click(screen.getByRole('button', { name: 'Back' }));
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
    expect(calls(backend, 'data_delete_everything')).toHaveLength(0);

    await user.type(phrase, ' everything');
    expect(go).toBeEnabled();
    await user.click(go);
    const done = await screen.findByRole('status');
    expect(done).toHaveTextContent(/Kindred will close in a moment/);
    expect(done).toHaveTextContent(/start fresh/);
    await waitFor(() => expect(done).toHaveFocus());
    expect(calls(backend, 'data_delete_everything')[0].args).toEqual({ confirmation: 'delete everything' });
    expect(screen.queryByLabelText('Passphrase')).not.toBeInTheDocument();
  });
});
