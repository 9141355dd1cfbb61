import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { installFakeBackend } from '../test/fakeBackend';
import { people } from '../lib/people.svelte';
import { router } from '../lib/router.svelte';
import People from './People.svelte';

async function showPeople(initial: string[] = []) {
  const backend = installFakeBackend(initial);
  people.reset();
  await people.load();
  render(People);
  return backend;
}

describe('People screen', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('shows only those Today suggested when opened from there, with a way to everyone', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend(['Ana', 'Ben', 'Cai', 'Dee']);
    people.reset();
    await people.load();
    router.peopleDue = backend.ties.filter((t) => t.name !== 'Ben').map((t) => t.id);
    render(People);
    expect(screen.getByText('Showing only those it might be nice to reach out to (3).')).toBeInTheDocument();
    const names = () => screen.getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(names().some((n) => n.includes('Ben'))).toBe(false);
    expect(names().filter((n) => /Ana|Cai|Dee/.test(n))).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Show everyone' }));
    expect(router.peopleDue).toBeNull();
    expect(names().some((n) => n.includes('Ben'))).toBe(true);
  });

  it('forgets Today’s hand-off once People closes', async () => {
    installFakeBackend(['Ana', 'Ben']);
    people.reset();
    await people.load();
    router.peopleDue = [1];
    const { unmount } = render(People);
    expect(screen.getByText(/Showing only those/)).toBeInTheDocument();
    unmount();
    expect(router.peopleDue).toBeNull();
  });

  it('draws only the first rows of a long list, and a search reaches everyone', async () => {
    // (Was drawn 100 at a time with "Show more"; now only the rows on screen are drawn, each
    // saying its place in the whole list.)
    const user = userEvent.setup();
    const names = Array.from({ length: 250 }, (_, i) => `Person ${String(i + 1).padStart(3, '0')}`);
    installFakeBackend(names);
    people.reset();
    await people.load();
    router.peopleDue = null;
    render(People);
    const items = () => within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items().length).toBeLessThan(30);
    expect(items()[0]).toHaveAttribute('aria-posinset', '1');
    expect(items()[0]).toHaveAttribute('aria-setsize', '250');
    expect(screen.queryByText(/Showing \d+ of/)).not.toBeInTheDocument();
    // Someone far down the list (Person 240 to 249) is found by searching; a new search starts from the top.
    await user.type(screen.getByLabelText('Search people'), 'Person 24');
    expect(items().map((li) => li.textContent)).toHaveLength(10);
    expect(items()[9]).toHaveTextContent('Person 249');
    expect(items()[9]).toHaveAttribute('aria-setsize', '10');
    expect(screen.getByText('Showing 10 of 250.')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Search people'));
    expect(items()[0]).toHaveTextContent('Person 001');
    expect(items().length).toBeLessThan(30);
  });

  it('invites the first person when the list is empty', async () => {
    await showPeople();
    expect(screen.getByRole('heading', { name: /add the first person who matters to you/i })).toBeInTheDocument();
  });

  it('adds a person and shows them in the list', async () => {
    const user = userEvent.setup();
    const backend = await showPeople();
    await user.type(screen.getByLabelText('Add someone'), '  Sam Okafor  ');
    await user.click(screen.getByRole('button', { name: /add person/i }));
    const list = await screen.findByRole('list');
    expect(within(list).getByText('Sam Okafor')).toBeInTheDocument();
    expect(backend.calls.find((c) => c.cmd === 'ties_create')?.args).toMatchObject({
      draft: { kind: 'person', name: '  Sam Okafor  ' },
    });
    expect(screen.getByLabelText('Add someone')).toHaveValue('');
  });

  it('shows a validation message beside the field and keeps what was typed', async () => {
    const user = userEvent.setup();
    await showPeople();
    const input = screen.getByLabelText('Add someone');
    await user.type(input, '   ');
    await user.click(screen.getByRole('button', { name: /add person/i }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Please give a name');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAttribute('aria-describedby', alert.id);
  });

  it('renders a name that looks like HTML as plain text', async () => {
    await showPeople(['<img src=x onerror=alert(1)>']);
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(document.querySelector('main img, ul img')).toBeNull();
  });

  it('renames inline, and Escape cancels', async () => {
    const user = userEvent.setup();
    await showPeople(['Sam']);
    await user.click(screen.getByRole('button', { name: 'Rename Sam' }));
    const field = screen.getByLabelText('New name for Sam');
    await user.clear(field);
    await user.type(field, 'Samuel{Enter}');
    expect(await screen.findByText('Samuel')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Rename Samuel' }));
    await user.type(screen.getByLabelText('New name for Samuel'), 'xyz{Escape}');
    expect(screen.getByText('Samuel')).toBeInTheDocument();
    expect(screen.queryByLabelText('New name for Samuel')).toBeNull();
  });

  it('archives with an undo, and the archive can bring someone back', async () => {
    const user = userEvent.setup();
    await showPeople(['Ana', 'Sam']);
    await user.click(screen.getByRole('button', { name: 'Archive Sam' }));
    expect(await screen.findByText('Sam has moved to the archive.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Bring back Sam' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Archive Sam' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Sam is back on your list.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Archive Sam' })).toBeInTheDocument();
  });

  it('filters the list as you type in search', async () => {
    const user = userEvent.setup();
    await showPeople(['Ana', 'Sam', 'Samira']);
    await user.type(screen.getByLabelText('Search people'), 'sam');
    const list = screen.getByRole('list');
    expect(within(list).queryByText('Ana')).toBeNull();
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    await user.clear(screen.getByLabelText('Search people'));
    await user.type(screen.getByLabelText('Search people'), 'zed');
    expect(screen.getByText(/no one here matches/i)).toBeInTheDocument();
  });
});
