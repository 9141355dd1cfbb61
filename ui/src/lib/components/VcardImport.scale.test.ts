/* The address-book preview with a long file: it draws at most SHOW_AT_MOST rows whatever the file
   holds, so the page is as light with 10,000 cards as with 1,000; search reaches the rest. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { installFakeBackend } from '../../test/fakeBackend';
import { people } from '../people.svelte';
import VcardImport, { SHOW_AT_MOST } from './VcardImport.svelte';

const LABEL = 'Choose a contacts file (.vcf or .csv)';

/** A contacts file of `n` cards, "Person 00001" onwards, with "Zoë Quinn" tenth from the end. */
function file(n: number) {
  const cards = Array.from({ length: n }, (_, i) => {
    const name = i === n - 10 ? 'Zoë Quinn' : `Person ${String(i + 1).padStart(5, '0')}`;
    return `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nEND:VCARD`;
  });
  return new File([cards.join('\r\n')], 'contacts.vcf', { type: 'text/vcard' });
}

beforeEach(() => {
  people.reset();
  document.body.innerHTML = '';
});
afterEach(() => cleanup());

describe('The address-book preview with a long file', () => {
  it('stays as light at 10,000 cards as at 1,000, and search still reaches the end', { timeout: 60_000 }, async () => {
    const counts: number[] = [];
    for (const n of [1_000, 10_000]) {
      const user = userEvent.setup();
      installFakeBackend();
      render(VcardImport);
      await user.upload(screen.getByLabelText(LABEL), file(n));
      const list = await screen.findByRole('list', { name: 'People in the file' }, { timeout: 20_000 });
      expect(list.children).toHaveLength(SHOW_AT_MOST);
      expect(screen.getByText(`${n.toLocaleString()} of ${n.toLocaleString()} chosen`)).toBeInTheDocument();
      expect(
        screen.getByText(`Showing ${SHOW_AT_MOST} of ${n.toLocaleString()}; type a name to find others.`, {
          exact: false,
        }),
      ).toBeInTheDocument();
      counts.push(document.body.querySelectorAll('*').length);

      if (n === 10_000) {
        const find = screen.getByRole('searchbox', { name: 'Find someone in the file' });
        await user.type(find, 'zoe');
        expect(within(list).getAllByRole('listitem')).toHaveLength(1);
        expect(screen.getByRole('checkbox', { name: 'Zoë Quinn' })).toBeChecked();
        await user.clear(find);
        await user.type(find, 'Person 0');
        // 9,998 match (Person 00001 to 09999 but Zoë); still only the first rows are drawn, and the line says how to narrow it.
        expect(list.children).toHaveLength(SHOW_AT_MOST);
        expect(screen.getByText(/Showing 200 of the 9,998 who match; type more of the/)).toBeInTheDocument();
      }
      cleanup();
      document.body.innerHTML = '';
    }
    expect(counts[1]).toBe(counts[0]);
    console.info(`Preview DOM elements with 1,000 and 10,000 cards: ${counts.join(', ')}`);
  });
});
