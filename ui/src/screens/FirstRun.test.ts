import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
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
    await user.click(screen.getByRole('button', { name: 'Start with the questions' }));

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

/** A contacts file of these names, as the file chooser would hand it over. */
function addressBook(names: string[]) {
  const cards = names.map((n) => ['BEGIN:VCARD', 'VERSION:3.0', `FN:${n}`, 'END:VCARD'].join('\r\n'));
  return new File([cards.join('\r\n')], 'contacts.vcf', { type: 'text/vcard' });
}

describe('First run: people from an address book', () => {
  it('brings people in, places them on the rings, then the questions add what each gives', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend([]);
    people.reset();
    const onDone = vi.fn();
    render(FirstRun, { onDone });

    await user.click(screen.getByRole('button', { name: 'Bring people in from an address book' }));
    expect(screen.getByRole('heading', { name: 'Bring people in from an address book' })).toBeInTheDocument();
    await user.upload(
      screen.getByLabelText('Choose a contacts file (.vcf or .csv)'),
      addressBook(['Ana Lima', 'Ben Carter', 'Chloé Martin']),
    );
    await screen.findByRole('list', { name: 'People in the file' });
    // Circles come on the next step, one way for everyone.
    expect(screen.getByText(/tick the people you'd like in Kindred\.$/)).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: /Circle for/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Ben Carter' }));
    await user.click(screen.getByRole('button', { name: 'Bring in 2 people' }));

    expect(await screen.findByRole('heading', { name: 'How close is each one?' })).toBeInTheDocument();
    expect(screen.getAllByRole('group')).toHaveLength(2);
    await user.click(within(screen.getByRole('group', { name: 'Circle for Chloé Martin' })).getByRole('radio', { name: 'Inner' }));
    await user.click(screen.getByRole('button', { name: 'Answer the support questions' }));

    expect(await screen.findByRole('heading', { name: 'Who could you talk to when you feel low?' })).toBeInTheDocument();
    expect(backend.ties.find((t) => t.name === 'Chloé Martin')?.circle).toBe('inner');
    expect(backend.ties.map((t) => t.name).sort()).toEqual(['Ana Lima', 'Chloé Martin']);
    await user.type(screen.getByRole('textbox'), 'chloé martin, Dana');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    // Skipping the last question ends the questions too.
    for (let i = 0; i < 5; i++) await user.click(screen.getByRole('button', { name: 'Skip this one' }));

    // The same name meets the same person: Chloé keeps her circle and gains what she gives.
    expect(await screen.findByRole('heading', { name: 'How close is each one?' })).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Circle for Chloé Martin' })).getByRole('radio', { name: 'Inner' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(onDone).toHaveBeenCalled();
    const chloe = backend.ties.filter((t) => t.name === 'Chloé Martin');
    expect(chloe).toHaveLength(1);
    expect(chloe[0].supportTypes).toEqual(['emotional']);
    expect(backend.ties.map((t) => t.name).sort()).toEqual(['Ana Lima', 'Chloé Martin', 'Dana']);
  });

  it('places a whole address book a page at a time, keeping choices across pages', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend([]);
    people.reset();
    const onDone = vi.fn();
    render(FirstRun, { onDone });
    await user.click(screen.getByRole('button', { name: 'Bring people in from an address book' }));
    const names = Array.from({ length: 45 }, (_, i) => `Person ${String(i + 1).padStart(2, '0')}`);
    await user.upload(screen.getByLabelText('Choose a contacts file (.vcf or .csv)'), addressBook(names));
    await user.click(await screen.findByRole('button', { name: 'Bring in 45 people' }));

    await screen.findByRole('heading', { name: 'How close is each one?' });
    expect(screen.getAllByRole('group')).toHaveLength(20);
    expect(screen.getByText(/1–20\s+of 45/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await user.click(within(screen.getByRole('group', { name: 'Circle for Person 01' })).getByRole('radio', { name: 'Middle' }));
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(screen.getAllByRole('group')).toHaveLength(5);
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await user.click(within(screen.getByRole('group', { name: 'Circle for Person 45' })).getByRole('radio', { name: 'Outer' }));
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(within(screen.getByRole('group', { name: 'Circle for Person 01' })).getByRole('radio', { name: 'Middle' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Finish' }));

    expect(onDone).toHaveBeenCalled();
    const circle = (n: string) => backend.ties.find((t) => t.name === n)?.circle;
    expect([circle('Person 01'), circle('Person 02'), circle('Person 45')]).toEqual(['middle', null, 'outer']);
    expect(backend.ties).toHaveLength(45);
  });
});
