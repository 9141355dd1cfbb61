import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { installFakeBackend } from '../test/fakeBackend';
import { people } from '../lib/people.svelte';
import FirstRun from './FirstRun.svelte';

describe('First run: build your map', () => {
  it('explains privacy first, asks one question per support type, then places people', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    people.reset();
    const onDone = vi.fn();
    render(FirstRun, { onDone });

    expect(screen.getByText(/stays on this computer/i)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start' }));

    expect(screen.getByRole('heading', { name: 'Who could you talk to when you feel low?' })).toBeInTheDocument();
    await user.type(screen.getByRole('textbox'), 'Sam, Ana, sam');
    expect(screen.getByRole('list', { name: 'Names so far' }).children).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(screen.getByRole('textbox'), 'Ben');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    for (let i = 0; i < 3; i++) await user.click(screen.getByRole('button', { name: 'Skip this one' }));
    expect(screen.getByText('Question 6 of 6')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox'), 'Dr Patel');
    await user.click(screen.getByRole('button', { name: 'Done with questions' }));

    expect(await screen.findByRole('heading', { name: 'How close is each one?' })).toBeInTheDocument();
    const answers = backend.calls.find((c) => c.cmd === 'ties_build_map')?.args.answers as { names: string }[];
    expect(answers.map((a) => a.names)).toEqual(['Sam, Ana, sam', 'Ben', '', '', '', 'Dr Patel']);

    // The first row is Sam (first mentioned).
    await user.click(screen.getAllByRole('radio', { name: 'Inner' })[0]);
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(onDone).toHaveBeenCalled();
    expect(backend.ties.find((t) => t.name === 'Sam')?.circle).toBe('inner');
    expect(backend.ties.find((t) => t.name === 'Ana')?.circle).toBeNull();
  });

  it('can be left at the start', async () => {
    const user = userEvent.setup();
    installFakeBackend();
    const onDone = vi.fn();
    render(FirstRun, { onDone });
    await user.click(screen.getByRole('button', { name: 'Maybe later' }));
    expect(onDone).toHaveBeenCalled();
  });
});
