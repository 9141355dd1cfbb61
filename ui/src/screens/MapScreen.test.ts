import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { installFakeBackend } from '../test/fakeBackend';
import { people } from '../lib/people.svelte';
import MapScreen from './MapScreen.svelte';

async function showScreen(names: string[], props: { onOpenTie?: (id: number) => void } = {}) {
  const backend = installFakeBackend(names);
  people.reset();
  await people.load();
  const onNavigate = vi.fn();
  render(MapScreen, { onNavigate, ...props });
  return { backend, onNavigate };
}

function mapList() {
  return screen.getByRole('list', { name: 'People and groups on your map' });
}

describe('Map screen', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('invites the first person when the map is empty', async () => {
    const user = userEvent.setup();
    const { onNavigate } = await showScreen([]);
    expect(screen.getByRole('heading', { name: 'Add the first person who matters to you' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add someone' }));
    expect(onNavigate).toHaveBeenCalledWith('people');
    expect(screen.getByRole('heading', { name: 'What your network suggests' })).toBeInTheDocument();
  });

  it('draws the map beside the insights, fading from the reach-out list', async () => {
    const { backend } = await showScreen(['Sam Okafor', 'Ana Lima']);
    const sam = within(mapList()).getByRole('button', { name: /^Sam Okafor, not placed yet/ });
    expect(screen.getByRole('complementary', { name: 'What your network suggests' })).toBeInTheDocument();
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === 'insights_reach_out')).toBe(true));
    await waitFor(() => expect(Number(sam.getAttribute('opacity'))).toBeLessThan(1));
    expect(sam.getAttribute('aria-label')).toContain("it's been a while");
  });

  it('opens a tie through onOpenTie, or goes to People without it', async () => {
    const user = userEvent.setup();
    const onOpenTie = vi.fn();
    const { onNavigate } = await showScreen(['Sam Okafor'], { onOpenTie });
    await user.click(within(mapList()).getByRole('button', { name: /^Sam Okafor/ }));
    expect(onOpenTie).toHaveBeenCalledWith(1);
    expect(onNavigate).not.toHaveBeenCalled();

    document.body.innerHTML = '';
    const second = await showScreen(['Ana Lima']);
    await user.click(within(mapList()).getByRole('button', { name: /^Ana Lima/ }));
    expect(second.onNavigate).toHaveBeenCalledWith('people');
  });
});
