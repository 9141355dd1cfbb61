import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import { installFakeBackend } from '../test/fakeBackend';
import { people } from '../lib/people.svelte';
import Today from './Today.svelte';

describe('Today', () => {
  it('suggests who to reach out to, in warm words', async () => {
    installFakeBackend(['Sam Okafor']);
    people.reset();
    await people.load();
    render(Today, { onNavigate: () => {} });
    const section = screen.getByRole('region', { name: /it might be nice to reach out to/i });
    expect(await within(section).findByText('Sam Okafor')).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Log a contact with Sam Okafor' })).toBeInTheDocument();
    expect(document.body.textContent?.toLowerCase()).not.toMatch(/overdue|late|behind|missed/);
  });

  it('invites the first person when there is no one yet', async () => {
    installFakeBackend([]);
    people.reset();
    await people.load();
    render(Today, { onNavigate: () => {} });
    expect(screen.getByRole('heading', { name: /add the first person/i })).toBeInTheDocument();
  });
});
