import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { installFakeBackend } from '../../test/fakeBackend';
import { resetReflectFake } from '../../test/fakeReflect';
import { EXPORT_PATH, resetJournalFake, seedJournal } from '../../test/fakeJournal';
import { lock } from '../lock.svelte';
import { people } from '../people.svelte';
import { router } from '../router.svelte';
import Journal from './Journal.svelte';

const HOSTILE = '<img src=x onerror=alert(1)>';

async function setUp(names: string[] = []) {
  const backend = installFakeBackend(names);
  people.reset();
  await people.load();
  return backend;
}

function seedTwo() {
  return seedJournal([
    {
      id: 1,
      promptText: 'Who made you feel heard this week?',
      answer: 'Coffee with Sam by the river.\nIt helped more than I expected.',
      theme: 'emotional',
      tieId: 1,
      tieName: 'Sam',
      sessionTitle: 'Feeling heard',
      createdAt: '2026-11-24T12:00:00.000Z',
    },
    {
      id: 2,
      promptText: 'What would you like more of?',
      answer: `I pasted ${HOSTILE} here to see what happens.`,
      theme: 'practical',
      createdAt: '2026-11-20T12:00:00.000Z',
    },
  ]);
}

const search = () => screen.getByRole('searchbox', { name: 'Search your journal' });

describe('Journal', () => {
  beforeEach(() => {
    resetJournalFake();
    resetReflectFake();
  });

  it('lists entries newest first under day headings, keeping line breaks and typed markup as text', async () => {
    await setUp(['Sam']);
    seedTwo();
    const { container } = render(Journal);

    expect(await screen.findByRole('heading', { name: 'Who made you feel heard this week?' })).toBeInTheDocument();
    const headings = screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent);
    expect(headings).toEqual(['Who made you feel heard this week?', 'What would you like more of?']);
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(2);
    expect(screen.getByText('Someone to talk to', { selector: '.theme' })).toBeInTheDocument();
    expect(screen.getByText('From “Feeling heard”')).toBeInTheDocument();
    expect(screen.getByText('About Sam')).toBeInTheDocument();

    const answer = screen.getByText(/Coffee with Sam/);
    expect(answer.textContent).toBe('Coffee with Sam by the river.\nIt helped more than I expected.');
    expect(screen.getByText(`I pasted ${HOSTILE} here to see what happens.`)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('highlights search matches with <mark>, never as markup', async () => {
    const user = userEvent.setup();
    await setUp();
    seedTwo();
    const { container } = render(Journal);
    await screen.findByText(/Coffee with Sam/);

    await user.type(search(), 'river');
    const mark = await screen.findByText('river', { selector: 'mark' });
    expect(mark.closest('p')?.textContent).toBe('Coffee with Sam by the river.\nIt helped more than I expected.');
    await waitFor(() => expect(screen.queryByText(/I pasted/)).not.toBeInTheDocument());
    expect(screen.getByText('1 entry matches')).toBeInTheDocument();

    await user.clear(search());
    await user.type(search(), '<img src=x');
    const hit = await screen.findByText('<img src=x', { selector: 'mark' });
    expect(hit.closest('p')?.textContent).toBe(`I pasted ${HOSTILE} here to see what happens.`);
    expect(container.querySelector('img')).toBeNull();
  });

  it('waits for a pause in typing before searching', async () => {
    const user = userEvent.setup();
    const backend = await setUp();
    seedTwo();
    render(Journal);
    await screen.findByText(/Coffee with Sam/);
    const before = backend.calls.filter((c) => c.cmd === 'journal_list').length;
    await user.type(search(), 'coffee');
    await screen.findByText('Coffee', { selector: 'mark' });
    const searches = backend.calls.filter((c) => c.cmd === 'journal_list').length - before;
    expect(searches).toBeLessThan(3);
  });

  it('takes any text in the search: quotes, operators, accents and emoji', async () => {
    const user = userEvent.setup();
    await setUp();
    seedJournal([
      { id: 1, answer: 'Café with Zoë 🙂 after the walk', createdAt: '2026-11-24T12:00:00.000Z' },
      { id: 2, answer: 'A "quoted" line - with * and OR in it', createdAt: '2026-11-23T12:00:00.000Z' },
    ]);
    render(Journal);
    await screen.findByText(/Café with Zoë/);

    for (const typed of ['"', '"unclosed', '*', '-', 'OR', 'a OR b -c*', 'NEAR(', "'; DROP TABLE x; --", '\\', '%_']) {
      await user.clear(search());
      await user.type(search(), typed);
      await waitFor(() =>
        expect(screen.queryByText(/Nothing matches|entr(y|ies) match/)).toBeInTheDocument(),
      );
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    }

    await user.clear(search());
    await fireEvent.input(search(), { target: { value: '{[(<>)]}' } });
    expect(await screen.findByText('Nothing matches that just now')).toBeInTheDocument();

    await user.clear(search());
    await user.type(search(), 'zoë');
    expect(await screen.findByText('Zoë', { selector: 'mark' })).toBeInTheDocument();

    await user.clear(search());
    await user.type(search(), '🙂');
    expect(await screen.findByText('🙂', { selector: 'mark' })).toBeInTheDocument();

    await user.clear(search());
    await user.type(search(), '"quoted"');
    expect(await screen.findByText('"quoted"', { selector: 'mark' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('narrows by theme, person and dates, and clears them', async () => {
    const user = userEvent.setup();
    const backend = await setUp(['Sam']);
    seedTwo();
    render(Journal);
    await screen.findByText(/Coffee with Sam/);

    await user.selectOptions(screen.getByLabelText('Theme'), 'Everyday help');
    await waitFor(() => expect(screen.queryByText(/Coffee with Sam/)).not.toBeInTheDocument());
    expect(screen.getByText(/I pasted/)).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Theme'), 'All themes');
    await user.type(screen.getByRole('combobox', { name: 'Person' }), 'sa');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByText(/I pasted/)).not.toBeInTheDocument());
    expect(backend.calls.at(-1)?.args.filter).toMatchObject({ tieId: 1, theme: null });
    // Chosen, the person shows with a way back to anyone, and the keyboard is on it.
    const anyone = screen.getByRole('button', { name: 'Show entries about anyone, not just Sam' });
    expect(anyone).toHaveFocus();
    await user.click(anyone);
    expect(await screen.findByText(/I pasted/)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Person' })).toHaveFocus();
    await user.type(screen.getByRole('combobox', { name: 'Person' }), 'Sam{Enter}');
    await waitFor(() => expect(screen.queryByText(/I pasted/)).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText(/I pasted/)).toBeInTheDocument();

    await fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-11-22' } });
    await waitFor(() => expect(screen.queryByText(/I pasted/)).not.toBeInTheDocument());
    expect(backend.calls.at(-1)?.args.filter).toMatchObject({ from: '2026-11-22', to: null });
  });

  it('says warmly when there is nothing yet, and when nothing matches', async () => {
    const user = userEvent.setup();
    await setUp();
    const first = render(Journal);
    expect(await screen.findByRole('heading', { name: /waiting for its first words/ })).toBeInTheDocument();
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
    router.reflectView = 'journal';
    await user.click(screen.getByRole('button', { name: 'Begin a reflection' }));
    expect(router.reflectView).toBe('sessions');
    first.unmount();

    seedTwo();
    render(Journal);
    await screen.findByText(/Coffee with Sam/);
    await user.type(search(), 'zebra');
    expect(await screen.findByRole('heading', { name: 'Nothing matches that just now' })).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]);
    expect(await screen.findByText(/Coffee with Sam/)).toBeInTheDocument();
    expect(search()).toHaveValue('');
  });

  it('edits an entry inline and shows the server’s reason beside it', async () => {
    const user = userEvent.setup();
    const backend = await setUp();
    seedTwo();
    render(Journal);
    await screen.findByText(/Coffee with Sam/);

    await user.click(screen.getByRole('button', { name: /Edit your answer to “Who made you feel heard/ }));
    const box = screen.getByRole('textbox', { name: 'Your answer' });
    expect(box).toHaveFocus();
    expect(box).toHaveValue('Coffee with Sam by the river.\nIt helped more than I expected.');

    await user.clear(box);
    await user.type(box, '   ');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const reason = await screen.findByRole('alert');
    expect(reason).toHaveTextContent("An entry can't be empty. To remove it, choose Delete.");
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveAttribute('aria-describedby', reason.id);

    await user.clear(box);
    await user.type(box, 'Tea with Sam.{Enter}Lovely.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Your changes are saved.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Your answer' })).not.toBeInTheDocument();
    expect(screen.getByText(/Tea with Sam/).textContent).toBe('Tea with Sam.\nLovely.');
    expect(backend.calls.find((c) => c.cmd === 'journal_update')?.args).toMatchObject({ id: 1 });
  });

  it('cancels an edit without saving', async () => {
    const user = userEvent.setup();
    const backend = await setUp();
    seedTwo();
    render(Journal);
    await screen.findByText(/Coffee with Sam/);
    await user.click(screen.getByRole('button', { name: /Edit your answer to “Who made you feel heard/ }));
    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), ' Changed.');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByText(/Coffee with Sam/).textContent).not.toMatch(/Changed/);
    expect(backend.calls.some((c) => c.cmd === 'journal_update')).toBe(false);
    expect(screen.getByRole('button', { name: /Edit your answer to “Who made you feel heard/ })).toHaveFocus();
  });

  it('deletes an entry only after it is confirmed', async () => {
    const user = userEvent.setup();
    const backend = await setUp();
    seedTwo();
    render(Journal);
    await screen.findByText(/Coffee with Sam/);
    const deleteButton = () => screen.getByRole('button', { name: /Delete your answer to “Who made you feel heard/ });

    await user.click(deleteButton());
    let dialog = screen.getByRole('dialog', { name: 'Delete this entry?' });
    expect(within(dialog).getByText(/can't be undone/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByText(/Coffee with Sam/)).toBeInTheDocument();
    expect(backend.calls.some((c) => c.cmd === 'journal_delete')).toBe(false);

    await user.click(deleteButton());
    dialog = screen.getByRole('dialog', { name: 'Delete this entry?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete entry' }));
    expect(await screen.findByText('The entry is deleted.')).toBeInTheDocument();
    expect(screen.queryByText(/Coffee with Sam/)).not.toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(backend.calls.find((c) => c.cmd === 'journal_delete')?.args).toEqual({ id: 1 });
  });

  it('exports the chosen entries, or all, and says where the file went', async () => {
    const user = userEvent.setup();
    const backend = await setUp();
    seedTwo();
    render(Journal);
    await screen.findByText(/Coffee with Sam/);

    expect(screen.getByRole('button', { name: 'Export selected' })).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: /Select “What would you like more of\?”/ }));
    expect(screen.getByText('1 selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Export selected' }));
    expect(await screen.findByText(`Saved to ${EXPORT_PATH}`)).toBeInTheDocument();
    expect(screen.getByText(`Saved to ${EXPORT_PATH}`)).toHaveAttribute('role', 'status');
    expect(backend.calls.find((c) => c.cmd === 'journal_export')?.args).toEqual({ ids: [2] });

    await user.click(screen.getByRole('button', { name: 'Export all' }));
    await waitFor(() => expect(backend.calls.filter((c) => c.cmd === 'journal_export')).toHaveLength(2));
    expect(backend.calls.filter((c) => c.cmd === 'journal_export')[1].args).toEqual({ ids: null });
  });

  it('says an export is not covered by the passphrase when there is one', async () => {
    const user = userEvent.setup();
    const backend = await setUp();
    Object.assign(backend.lock, { encrypted: true, passphrase: 'quiet harbour lights' });
    await lock.refresh();
    seedTwo();
    render(Journal);
    await screen.findByText(/Coffee with Sam/);
    await user.click(screen.getByRole('button', { name: 'Export all' }));
    const saved = await screen.findByText(/^Saved to/);
    expect(saved).toHaveTextContent(`Saved to ${EXPORT_PATH}`);
    expect(saved).toHaveTextContent("Your passphrase doesn't protect exports, so keep what you saved somewhere safe.");
    lock.reset();
  });

  it('explains in plain words when an export does not work', async () => {
    const user = userEvent.setup();
    await setUp();
    const [entry] = seedTwo();
    render(Journal);
    await screen.findByText(/Coffee with Sam/);
    await user.click(screen.getAllByRole('checkbox')[0]);
    // The entry goes away behind the list's back: nothing is left to export.
    const { journalFakeState } = await import('../../test/fakeJournal');
    journalFakeState().entries = journalFakeState().entries.filter((e) => e.id !== entry.id);
    await user.click(screen.getByRole('button', { name: 'Export selected' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('There are no journal entries to export yet.');
  });

  it('reads further back a page at a time, and jumps to a month', async () => {
    const user = userEvent.setup();
    await setUp();
    // 120 entries, one a day at noon UTC, going back from 24 November 2026
    // to 28 July 2026: two full pages of 50 and a last one of 20.
    const day = (i: number) => new Date(Date.UTC(2026, 10, 24 - i, 12)).toISOString();
    seedJournal(
      Array.from({ length: 120 }, (_, i) => ({
        id: i + 1,
        promptText: `Prompt ${i + 1}`,
        answer: `Answer ${i + 1}`,
        theme: 'emotional' as const,
        createdAt: day(i),
      })),
    );
    const { container } = render(Journal);
    await screen.findByRole('heading', { name: 'Prompt 1' });
    // Plain selectors here: role queries over a hundred entries are slow in jsdom.
    const prompts = () => Array.from(container.querySelectorAll('h4'), (h) => h.textContent);
    expect(prompts()).toHaveLength(50);
    await user.click(screen.getByRole('button', { name: 'Show older entries' }));
    await waitFor(() => expect(prompts()).toHaveLength(100));
    // No entry twice, none skipped, still newest first.
    expect(prompts().slice(48, 52)).toEqual(['Prompt 49', 'Prompt 50', 'Prompt 51', 'Prompt 52']);
    await user.click(screen.getByRole('button', { name: 'Show older entries' }));
    await waitFor(() => expect(prompts()).toHaveLength(120));
    expect(new Set(prompts()).size).toBe(120);
    expect(screen.queryByRole('button', { name: 'Show older entries' })).not.toBeInTheDocument();
    expect(screen.getByText("That's everything you have written.")).toBeInTheDocument();

    // Going back to August 2026 starts at its last day (31 August is entry 86)
    // and runs to the oldest (28 July, entry 120).
    await fireEvent.input(screen.getByLabelText('Go back to'), { target: { value: '2026-08' } });
    await waitFor(() => expect(prompts()[0]).toBe('Prompt 86'));
    expect(prompts()).toHaveLength(35);
    expect(screen.getByText(/From the end of August 2026, going back\./)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(prompts()[0]).toBe('Prompt 1'));
  });
});
