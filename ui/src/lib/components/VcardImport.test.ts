import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { installFakeBackend } from '../../test/fakeBackend';
import { people } from '../people.svelte';
import VcardImport from './VcardImport.svelte';

type Backend = ReturnType<typeof installFakeBackend>;

const LABEL = 'Choose a contacts file (.vcf or .csv)';

/** One card, as an address book writes it. */
function card(name: string, bday?: string) {
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${name}`, 'TEL;TYPE=CELL:+44 7700 900123'];
  if (bday) lines.push(`BDAY:${bday}`);
  return [...lines, 'END:VCARD'].join('\r\n');
}

/** A contacts file, as the file chooser would hand it over. */
function vcf(cards: string[]) {
  return new File([cards.join('\r\n')], 'contacts.vcf', { type: 'text/vcard' });
}

const calls = (backend: Backend, cmd: string) => backend.calls.filter((c) => c.cmd === cmd);

beforeEach(() => {
  people.reset();
});

describe('Bringing people in from an address book', () => {
  it('lists the people in the file, with anyone already on the map left unticked', async () => {
    const user = userEvent.setup();
    installFakeBackend(['Sam']);
    render(VcardImport);
    expect(screen.getByText(/Only names and birthdays come in/)).toHaveTextContent(/never keeps phone numbers/);
    expect(screen.getByLabelText(LABEL)).toHaveAttribute('accept', '.vcf,.csv,text/vcard,text/x-vcard,text/csv');

    await user.upload(
      screen.getByLabelText(LABEL),
      vcf([card('Ana Lima', '1990-02-03'), card('Ben', '--0714'), card('Sam')]),
    );

    const list = await screen.findByRole('list', { name: 'People in the file' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getByRole('checkbox', { name: 'Ana Lima' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Ben' })).toBeChecked();
    const sam = screen.getByRole('checkbox', { name: 'Sam' });
    expect(sam).not.toBeChecked();
    expect(sam).toHaveAccessibleDescription('Maybe already on your map');
    expect(screen.getByRole('checkbox', { name: 'Ana Lima' })).toHaveAccessibleDescription('Birthday 3 February 1990');
    expect(screen.getByText('Birthday 14 July')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Circle for Ben' })).toHaveDisplayValue('Not placed yet');
    expect(screen.getByText('2 of 3 chosen')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Bring in 2 people' })).toBeEnabled();
    // A short file needs no search box.
    expect(screen.queryByLabelText('Find someone in the file')).not.toBeInTheDocument();
  });

  it("names each card that can't come in, by its place in the file, and lists everyone else", async () => {
    const user = userEvent.setup();
    installFakeBackend([]);
    render(VcardImport);
    const nameless = ['BEGIN:VCARD', 'VERSION:3.0', 'EMAIL:someone@example.org', 'END:VCARD'].join('\r\n');
    await user.upload(screen.getByLabelText(LABEL), vcf([card('Ana Lima'), nameless, card('Ben')]));

    const list = await screen.findByRole('list', { name: 'People in the file' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText("One contact in the file can't come in:")).toBeInTheDocument();
    const skipped = screen.getByRole('list', { name: "Contacts that can't come in" });
    expect(within(skipped).getByRole('listitem')).toHaveTextContent(
      'Contact 2: It has no name (no full name, name parts, nickname or organisation).',
    );
    expect(screen.getByRole('button', { name: 'Bring in 2 people' })).toBeEnabled();
  });

  it('hands the file over as its bytes, so the core reads its charset', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend([]);
    render(VcardImport);
    // Latin-1, as old address books save: "Jürgen" is one byte 0xFC, not UTF-8.
    const latin1 = new Uint8Array([...new TextEncoder().encode('BEGIN:VCARD\r\nFN:J'), 0xfc, ...new TextEncoder().encode('rgen\r\nEND:VCARD\r\n')]);
    await user.upload(screen.getByLabelText(LABEL), new File([latin1], 'old.vcf', { type: 'text/vcard' }));
    await waitFor(() => expect(calls(backend, 'data_vcard_preview')).toHaveLength(1));
    const sent = String(calls(backend, 'data_vcard_preview')[0].args.fileBase64);
    expect(Uint8Array.from(atob(sent), (c) => c.charCodeAt(0))).toEqual(latin1);
  });

  it('sends the ticked people with the circles chosen, then says how many came in', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend(['Sam']);
    render(VcardImport);
    await user.upload(
      screen.getByLabelText(LABEL),
      vcf([card('Ana Lima', '1990-02-03'), card('Ben'), card('Sam'), card('Cai')]),
    );
    await screen.findByRole('list', { name: 'People in the file' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Circle for Ana Lima' }), 'Inner circle');
    await user.click(screen.getByRole('checkbox', { name: 'Ben' }));
    // Choosing a circle for someone unticked ticks them too.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Circle for Sam' }), 'Outer circle');
    expect(screen.getByRole('checkbox', { name: 'Sam' })).toBeChecked();
    expect(calls(backend, 'data_vcard_import')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Bring in 3 people' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Added 3 people.');
    expect(calls(backend, 'data_vcard_import')[0].args.picks).toEqual([
      { index: 0, circle: 'inner' },
      { index: 2, circle: 'outer' },
      { index: 3, circle: null },
    ]);
    const ana = backend.ties.find((t) => t.name === 'Ana Lima');
    expect(ana?.circle).toBe('inner');
    expect(ana?.birthday).toEqual({ day: 3, month: 2, year: 1990 });
    // Everyone else sees the new people, and the list is put away.
    await waitFor(() => expect(people.active.map((t) => t.name)).toContain('Cai'));
    expect(screen.queryByRole('list', { name: 'People in the file' })).not.toBeInTheDocument();
  });

  it('explains a file that is not a contacts file beside the chooser', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    render(VcardImport);
    const input = screen.getByLabelText(LABEL);
    await user.upload(input, new File(['Phone,Street\n123,High Street'], 'contacts.vcf', { type: 'text/vcard' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/doesn't look like a contacts file.*Nothing has changed\.$/);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/doesn't look like a contacts file/);
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Bring in/ })).not.toBeInTheDocument();
    expect(calls(backend, 'data_vcard_import')).toHaveLength(0);
  });

  it('reads a contacts CSV through the same preview, naming the row without a name', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    render(VcardImport);
    const csv = 'First Name,Last Name,Birthday,Phone 1 - Value\nAna,Lima,1990-02-03,123\n,,,456\nBen,,,';
    await user.upload(screen.getByLabelText(LABEL), new File([csv], 'contacts.csv', { type: 'text/csv' }));

    const list = await screen.findByRole('list', { name: 'People in the file' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByRole('checkbox', { name: 'Ana Lima' })).toHaveAccessibleDescription('Birthday 3 February 1990');
    const missing = screen.getByRole('list', { name: "Contacts that can't come in" });
    expect(within(missing).getByRole('listitem')).toHaveTextContent(/^Contact 2: It has no name/);

    await user.click(screen.getByRole('button', { name: 'Bring in 2 people' }));
    expect(await screen.findByText('Added 2 people.')).toBeInTheDocument();
    expect(calls(backend, 'data_vcard_import')).toHaveLength(1);
  });

  it('turns the button off when no one is ticked, and on again with Select all', async () => {
    const user = userEvent.setup();
    installFakeBackend(['Sam']);
    render(VcardImport);
    await user.upload(screen.getByLabelText(LABEL), vcf([card('Ana'), card('Ben'), card('Sam')]));
    await screen.findByRole('list', { name: 'People in the file' });

    await user.click(screen.getByRole('button', { name: 'Select none' }));
    expect(screen.getByRole('button', { name: 'Bring in people' })).toBeDisabled();
    expect(screen.getByText('0 of 3 chosen')).toBeInTheDocument();
    expect(screen.getAllByRole('checkbox').every((box) => !(box as HTMLInputElement).checked)).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Select all' }));
    expect(screen.getByText('3 of 3 chosen')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Bring in 3 people' })).toBeEnabled();
  });

  it('shows only the first rows of a long file, finds people by name, and keeps every pick', {
    timeout: 20_000,
  }, async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    render(VcardImport);
    const names = Array.from({ length: 250 }, (_, i) => `Person ${String(i + 1).padStart(3, '0')}`);
    names[240] = 'Zoë Quinn';
    await user.upload(screen.getByLabelText(LABEL), vcf(names.map((n) => card(n))));

    const list = await screen.findByRole('list', { name: 'People in the file' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(200);
    expect(screen.getByText(/Showing 200 of 250; type a name to find others/)).toBeInTheDocument();
    expect(screen.getByText('250 of 250 chosen')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Select none' }));
    // (By role: finding a label among hundreds of rows is slow in jsdom.)
    const find = screen.getByRole('searchbox', { name: 'Find someone in the file' });
    await user.type(find, 'zoe{Enter}');
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(calls(backend, 'data_vcard_import')).toHaveLength(0);
    await user.click(screen.getByRole('checkbox', { name: 'Zoë Quinn' }));
    await user.clear(find);
    await user.type(find, 'Person 00');
    await user.click(screen.getByRole('checkbox', { name: 'Person 001' }));
    await user.clear(find);
    expect(screen.getByText('2 of 250 chosen')).toBeInTheDocument();

    await user.type(find, 'nobody');
    expect(screen.getByText('No one in the file matches “nobody”.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Bring in 2 people' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Added 2 people.');
    expect(calls(backend, 'data_vcard_import')[0].args.picks).toEqual([
      { index: 0, circle: null },
      { index: 240, circle: null },
    ]);
  });
});
