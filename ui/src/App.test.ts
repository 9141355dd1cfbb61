import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { installFakeBackend } from './test/fakeBackend';
import { people } from './lib/people.svelte';
import { router } from './lib/router.svelte';
import App from './App.svelte';

describe('App frame', () => {
  it('offers "Need help now?" on every screen, and it opens the crisis lines', async () => {
    const user = userEvent.setup();
    installFakeBackend(['Sam']);
    people.reset();
    router.go('people');
    render(App);
    const nav = screen.getByRole('navigation', { name: 'Main' });
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
