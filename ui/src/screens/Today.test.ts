import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { installFakeBackend } from '../test/fakeBackend';
import { reflectFake, resetReflectFake } from '../test/fakeReflect';
import { people } from '../lib/people.svelte';
import { router } from '../lib/router.svelte';
import Today from './Today.svelte';

describe('Today', () => {
  beforeEach(() => {
    resetReflectFake();
    // The check-in is offered only in the tests about it.
    reflectFake.checkIn = { due: false, latest: null, showSupport: false };
    router.current = 'today';
    router.reflectView = 'sessions';
    router.guideId = null;
  });

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

  it('names a few people at most, and leads to the rest on People', async () => {
    const user = userEvent.setup();
    const names = Array.from({ length: 12 }, (_, i) => `Person ${String(i + 1).padStart(2, '0')}`);
    installFakeBackend(names);
    people.reset();
    await people.load();
    router.peopleDue = null;
    render(Today, { onNavigate: () => {} });
    const section = screen.getByRole('region', { name: /it might be nice to reach out to/i });
    const list = await within(section).findByRole('list');
    expect(within(list).getAllByRole('listitem')).toHaveLength(5);
    expect(within(section).getByText(/7 more people’s rhythms have come round too\./)).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'See them all on People' }));
    expect(router.current).toBe('people');
    expect(router.peopleDue).toHaveLength(12);
    router.peopleDue = null;
  });

  it('says it is looking while the cards load, never that there is nothing', async () => {
    installFakeBackend(['Sam Okafor']);
    people.reset();
    await people.load();
    render(Today, { onNavigate: () => {} });
    const birthdays = screen.getByRole('region', { name: 'Birthdays in the next two weeks' });
    expect(birthdays).toHaveTextContent('Looking…');
    expect(birthdays).not.toHaveTextContent(/No birthdays/);
    expect(await within(birthdays).findByText(/No birthdays coming up/)).toBeInTheDocument();
  });

  it('invites the first person when there is no one yet', async () => {
    installFakeBackend([]);
    people.reset();
    await people.load();
    render(Today, { onNavigate: () => {} });
    expect(screen.getByRole('heading', { name: /add the first person/i })).toBeInTheDocument();
  });

  it("saves an answer to today's question, warmly, with a way to the journal", async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend(['Sam Okafor']);
    people.reset();
    await people.load();
    render(Today, { onNavigate: () => {} });
    const card = await screen.findByRole('region', { name: 'Today’s question' });
    const box = await within(card).findByRole('textbox', { name: 'First emotional question: who came to mind this week?' });

    await user.click(within(card).getByRole('button', { name: 'Save' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent('Write a word or two first, or leave it for another day.');
    expect(box).toHaveAttribute('aria-invalid', 'true');

    await user.click(within(card).getByRole('button', { name: 'Just a word or an emoji?' }));
    expect(within(card).getByRole('textbox', { name: 'One word for emotional this week?' })).toBe(box);
    await user.type(box, 'Sam');
    await user.click(within(card).getByRole('button', { name: 'Save' }));

    expect(await within(card).findByRole('status')).toHaveTextContent('Saved in your journal.');
    expect(backend.calls.filter((c) => c.cmd === 'reflect_answer_prompt').at(-1)?.args).toEqual({
      promptId: 'emotional-01',
      tieId: null,
      answer: 'Sam',
    });
    expect(reflectFake.entries).toHaveLength(1);

    await user.click(within(card).getByRole('button', { name: 'Open your journal' }));
    expect(router.current).toBe('reflect');
    expect(router.reflectView).toBe('journal');
  });

  it("offers today's suggested session, which starts on Reflect", async () => {
    const user = userEvent.setup();
    installFakeBackend(['Sam Okafor']);
    people.reset();
    await people.load();
    render(Today, { onNavigate: () => {} });
    const card = await screen.findByRole('region', { name: 'Today’s question' });
    expect(await within(card).findByText('Today is a good day to think about who you can talk to.')).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Start Lighten the load' }));
    expect(router.current).toBe('reflect');
    expect(router.guideId).toBe('emotional');
  });

  it('offers the check-in when it is due, and help gently when it may be needed', async () => {
    const user = userEvent.setup();
    installFakeBackend(['Sam Okafor']);
    reflectFake.checkIn = { due: true, latest: null, showSupport: true };
    people.reset();
    await people.load();
    const onNavigate = vi.fn();
    render(Today, { onNavigate });
    const support = await screen.findByRole('region', { name: 'You don’t have to carry things alone' });
    expect(support).toHaveTextContent(/someone you trust/);
    await user.click(within(support).getByRole('button', { name: 'See who you can talk to' }));
    expect(onNavigate).toHaveBeenCalledWith('help');
    // The check-in card itself belongs to the check-in work; here it only has to appear.
    expect(screen.getByRole('heading', { name: 'A quick check-in' })).toBeInTheDocument();
  });

  it('shows neither when the check-in is not due', async () => {
    installFakeBackend(['Sam Okafor']);
    reflectFake.checkIn = { due: false, latest: null, showSupport: false };
    people.reset();
    await people.load();
    render(Today, { onNavigate: () => {} });
    await screen.findByRole('region', { name: 'Today’s question' });
    await Promise.resolve();
    expect(screen.queryByRole('region', { name: 'You don’t have to carry things alone' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'A quick check-in' })).not.toBeInTheDocument();
  });
});
