import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { damagedProblem, installFakeBackend } from './test/fakeBackend';
import { appearance } from './lib/appearance.svelte';
import { lock } from './lib/lock.svelte';
import { people } from './lib/people.svelte';
import { router } from './lib/router.svelte';
import App from './App.svelte';
import { addPageHead, clearPageHead, darkMedia } from './test/pageHead';

beforeEach(() => {
  lock.reset();
});

describe('App frame', () => {
  it('offers "Need help now?" on every screen, and it opens the crisis lines', async () => {
    const user = userEvent.setup();
    installFakeBackend(['Sam']);
    people.reset();
    router.go('people');
    render(App);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    for (const label of ['Today', 'Map', 'People', 'Reflect', 'Settings']) {
      await user.click(screen.getByRole('button', { name: label }));
      expect(screen.getByRole('button', { name: label })).toHaveAttribute('aria-current', 'page');
      expect(nav).toContainElement(screen.getByRole('button', { name: /need help now\?/i }));
    }
    await user.click(screen.getByRole('button', { name: /need help now\?/i }));
    expect(screen.getByRole('heading', { level: 1, name: 'Need help now?' })).toBeInTheDocument();
    expect(screen.getByText('Call 116 123')).toBeInTheDocument();
    expect(screen.getAllByText('Call or text 988').length).toBeGreaterThan(0);
    expect(screen.getByText('Call 14416')).toBeInTheDocument();
    expect(screen.getByText(/isn't a substitute for care/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
  });

  it('tells the backend when the first screen has painted', async () => {
    const backend = installFakeBackend();
    people.reset();
    render(App);
    await new Promise((r) => setTimeout(r, 100));
    expect(backend.calls.some((c) => c.cmd === 'app_ready')).toBe(true);
  });

  it('counts unread notifications on the bell and lists them when opened', async () => {
    const user = userEvent.setup();
    installFakeBackend(['Sam']);
    people.reset();
    router.go('settings');
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Send a test notification' }));
    const bell = await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    await user.click(bell);
    const dialog = screen.getByRole('dialog', { name: 'Notifications' });
    expect(dialog).toHaveTextContent('Kindred can reach you');
    expect(dialog).toHaveTextContent('shown here only');
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument();
  });
});

describe('App frame with a passphrase', () => {
  it('shows only the unlock screen while locked, loads nothing, and still says the window is up', async () => {
    const backend = installFakeBackend(['Sam']);
    Object.assign(backend.lock, { encrypted: true, locked: true, passphrase: 'quiet harbour lights' });
    people.reset();
    router.go('today');
    render(App);
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome back' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 100));
    expect(backend.calls.some((c) => c.cmd === 'app_ready')).toBe(true);
    expect(backend.calls.map((c) => c.cmd)).not.toContain('ties_list');
    expect(backend.calls.map((c) => c.cmd)).not.toContain('notices_list');
  });

  it('opens the app once unlocked, loads it, and comes back to the unlock screen after "Lock now"', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend(['Sam']);
    Object.assign(backend.lock, { encrypted: true, locked: true, passphrase: 'quiet harbour lights' });
    people.reset();
    router.go('settings');
    render(App);
    await user.type(await screen.findByLabelText('Passphrase'), 'quiet harbour lights{Enter}');
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    await waitFor(() => expect(people.active.map((t) => t.name)).toEqual(['Sam']));
    expect(screen.getByRole('main')).toHaveFocus();

    await user.click(await screen.findByRole('button', { name: 'Lock now' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome back' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
    // What had been loaded is let go.
    expect(people.active).toEqual([]);
    expect(screen.getByLabelText('Passphrase')).toHaveFocus();
  });

  it('brings the unlock screen back when a command finds the data locked', async () => {
    const backend = installFakeBackend(['Sam']);
    Object.assign(backend.lock, { encrypted: true, passphrase: 'quiet harbour lights' });
    people.reset();
    router.go('people');
    render(App);
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    backend.lock.locked = true;
    await people.load();
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome back' })).toBeInTheDocument();
  });
});

describe("App frame when the data won't open", () => {
  /** Data that won't open, with one backup locked with a passphrase in its folder. */
  function brokenBackend() {
    const backend = installFakeBackend(['Sam']);
    backend.recovery.problem = damagedProblem();
    backend.backups.push({
      name: 'kindred-manual-2026-11-20.sqlite3',
      kind: 'manual',
      takenAt: '2026-11-20T18:30:00Z',
      bytes: 241_000,
      encrypted: true,
    });
    backend.lock.passphrase = 'quiet harbour lights';
    people.reset();
    router.go('today');
    return backend;
  }

  it('shows only the recovery screen, loads nothing, and still says the window is up', async () => {
    const backend = brokenBackend();
    render(App);
    expect(await screen.findByRole('heading', { level: 1, name: "Kindred couldn't open your data" })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === 'app_ready')).toBe(true));
    const asked = backend.calls.map((c) => c.cmd);
    expect(asked).not.toContain('ties_list');
    expect(asked).not.toContain('notices_list');
  });

  it('starts fresh into the first-run questions', async () => {
    const user = userEvent.setup();
    brokenBackend();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Start fresh…' }));
    await user.click(screen.getByRole('button', { name: 'Start fresh now' }));
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    await waitFor(() => expect(router.current).toBe('welcome'));
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('asks for the passphrase of a backup that has one, then opens what it holds', async () => {
    const user = userEvent.setup();
    brokenBackend();
    render(App);
    await user.click(await screen.findByRole('button', { name: /^Bring back the backup from/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome back' })).toBeInTheDocument();
    expect(screen.getByText(/The backup you brought back is locked with a passphrase/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Passphrase')).toHaveFocus());
    await user.keyboard('quiet harbour lights{Enter}');
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    await waitFor(() => expect(people.active.map((t) => t.name)).toEqual(['Sam']));
  });
});

describe('App frame and the appearance', () => {
  beforeEach(() => {
    addPageHead();
    appearance.reset();
  });

  afterEach(clearPageHead);

  it('follows the computer while locked at start, shows the kept choice once unlocked, and keeps it after "Lock now"', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend(['Sam']);
    Object.assign(backend.lock, { encrypted: true, locked: true, passphrase: 'quiet harbour lights' });
    backend.look.appearance = 'dark';
    people.reset();
    router.go('today');
    render(App);
    await screen.findByRole('heading', { level: 1, name: 'Welcome back' });
    await new Promise((r) => setTimeout(r, 50));
    expect(backend.calls.map((c) => c.cmd)).not.toContain('settings_appearance');
    expect(darkMedia()).toBe('(prefers-color-scheme: dark)');

    await user.type(screen.getByLabelText('Passphrase'), 'quiet harbour lights{Enter}');
    await screen.findByRole('navigation', { name: 'Main' });
    await waitFor(() => expect(darkMedia()).toBe('all'));
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(await screen.findByRole('radio', { name: 'Dark' })).toBeChecked();

    await user.click(await screen.findByRole('button', { name: 'Lock now' }));
    await screen.findByRole('heading', { level: 1, name: 'Welcome back' });
    expect(darkMedia()).toBe('all');
  });
});
