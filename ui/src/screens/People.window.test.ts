/* People at 10 to 10,000: only the rows on screen are drawn, and search, sort, filters and the
   keyboard still reach everyone. jsdom has no layout, so where scrolling matters the test gives
   the scrolling box and the list a geometry of their own. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { installFakeBackend } from '../test/fakeBackend';
import { people } from '../lib/people.svelte';
import { router } from '../lib/router.svelte';
import People from './People.svelte';

/** The tenth-from-last person, far down the list by name. */
const FAR = 'Zoë Farrow';

/** `n` people; one of them, far down by name, is the only one in the inner circle and never contacted. */
async function seed(n: number) {
  const names = Array.from({ length: n }, (_, i) => `Person ${String(i + 1).padStart(5, '0')}`);
  if (n >= 10) names[n - 10] = FAR;
  const backend = installFakeBackend(names);
  for (const tie of backend.ties) {
    tie.lastContactOn = tie.name === FAR ? null : '2026-11-01';
    tie.circle = tie.name === FAR ? 'inner' : 'outer';
  }
  people.reset();
  await people.load();
  router.peopleDue = null;
  router.tieId = null;
  return backend;
}

const elements = () => document.body.querySelectorAll('*').length;
const list = () => screen.getByRole('list', { name: /Your people/ });
const rows = () => within(list()).getAllByRole('listitem');
const places = () => rows().map((li) => Number(li.getAttribute('aria-posinset')));

/** A scrolling box `height` px tall with People in it, the list starting `listAt` px down the
 * content, and rows of 65px: scrolling it moves the list's box as a browser would. */
function inScroller(height = 650, listAt = 300) {
  const scroller = document.createElement('div');
  scroller.style.overflowY = 'auto';
  document.body.append(scroller);
  let y = 0;
  Object.defineProperty(scroller, 'clientHeight', { value: height });
  Object.defineProperty(scroller, 'scrollTop', {
    get: () => y,
    set: (v: number) => (y = Math.max(0, v)),
  });
  scroller.getBoundingClientRect = () => new DOMRect(0, 0, 800, height);
  render(People, { target: scroller });
  const section = scroller.querySelector('section')!;
  section.getBoundingClientRect = () => new DOMRect(0, listAt - 150 - y, 760, 150);
  const ul = list();
  ul.getBoundingClientRect = () => new DOMRect(0, listAt - y, 760, 65 * people.active.length);
  return {
    scrollTo(to: number) {
      scroller.scrollTop = to;
      scroller.dispatchEvent(new Event('scroll'));
    },
    get scrollTop() {
      return y;
    },
  };
}

beforeEach(() => {
  document.body.innerHTML = '';
});
afterEach(() => cleanup());

describe('People with a long list', () => {
  it('keeps the page as light at 10,000 people as at 1,000, and not much heavier than at 10', async () => {
    const counts: number[] = [];
    for (const n of [10, 1_000, 10_000]) {
      await seed(n);
      render(People);
      counts.push(elements());
      expect(rows()[0]).toHaveAttribute('aria-setsize', String(n));
      cleanup();
      document.body.innerHTML = '';
    }
    const [ten, thousand, tenThousand] = counts;
    expect(tenThousand).toBe(thousand);
    expect(thousand).toBeLessThan(ten * 2);
    expect(thousand).toBeLessThan(600);
    // For the record, in the report of this run.
    console.info(`DOM elements with 10, 1,000 and 10,000 people: ${counts.join(', ')}`);
  });

  it('finds someone far down the list by search, sort and filter, over all 10,000', async () => {
    const user = userEvent.setup();
    await seed(10_000);
    render(People);
    expect(within(list()).queryByText(FAR)).toBeNull();

    const search = screen.getByLabelText('Search people');
    await user.type(search, 'zoe far');
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toHaveTextContent(FAR);
    expect(screen.getByText('Showing 1 of 10,000.')).toBeInTheDocument();
    await user.clear(search);
    expect(screen.queryByText(/Showing \d+ of/)).toBeNull();

    // Never in touch comes first when sorting by how long it has been.
    await user.selectOptions(screen.getByLabelText('Sort by'), 'last');
    expect(rows()[0]).toHaveTextContent(FAR);
    expect(rows()[0]).toHaveAttribute('aria-posinset', '1');
    // The inner circle comes first when sorting by circle.
    await user.selectOptions(screen.getByLabelText('Sort by'), 'circle');
    expect(rows()[0]).toHaveTextContent(FAR);
    await user.selectOptions(screen.getByLabelText('Sort by'), 'name');

    await user.selectOptions(screen.getByLabelText('Circle'), 'inner');
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toHaveTextContent(FAR);
    expect(rows()[0]).toHaveAttribute('aria-setsize', '1');
  });

  it('walks through rows past the first ones drawn with Tab, each row’s buttons in turn', async () => {
    const user = userEvent.setup();
    await seed(1_000);
    render(People);
    const firstDrawn = rows().length;
    screen.getByRole('button', { name: 'Person 00001' }).focus();
    // jsdom scrolls nothing into view: the focused row alone keeps the next ones drawn.
    for (let n = 1; n <= firstDrawn + 5; n++) {
      const who = `Person ${String(n).padStart(5, '0')}`;
      expect(document.activeElement).toHaveAccessibleName(who);
      await user.tab();
      expect(document.activeElement).toHaveAccessibleName(`Rename ${who}`);
      await user.tab();
      expect(document.activeElement).toHaveAccessibleName(`Archive ${who}`);
      await user.tab();
    }
    expect(rows().length).toBeLessThan(firstDrawn + 8);
    // And back again.
    await user.tab({ shift: true });
    expect(document.activeElement).toHaveAccessibleName(`Archive Person ${String(firstDrawn + 5).padStart(5, '0')}`);
  });

  it('draws the rows scrolled to, with space for the rest, and keeps the focused row when it scrolls away', async () => {
    const user = userEvent.setup();
    await seed(1_000);
    const view = inScroller();
    // 650px from the top: rows 0 to 5 below the headings, and the overscan.
    expect(places()[0]).toBe(1);
    // Halfway through renaming someone near the top.
    await user.click(screen.getByRole('button', { name: 'Rename Person 00003' }));
    const field = screen.getByLabelText('New name for Person 00003');
    await user.type(field, ' (Sam)');
    const focused = document.activeElement;
    expect(focused).toBe(field);

    // Far down: row 500 or so is drawn, and the focused row stays where it was, with its neighbours.
    view.scrollTo(300 + 65 * 500);
    await Promise.resolve();
    await new Promise((r) => setTimeout(r));
    const drawn = places();
    expect(drawn).toContain(501);
    expect(drawn).not.toContain(400);
    expect(drawn.slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(document.activeElement).toBe(focused);
    expect(focused!.isConnected).toBe(true);
    expect(rows().length).toBeLessThan(30);
    const gap = list().querySelector('li.gap') as HTMLElement;
    expect(gap).toHaveAttribute('aria-hidden', 'true');
    expect(parseFloat(gap.style.height)).toBeGreaterThan(65 * 400);

    // Back to the top: one run again, the same field still focused, with what was typed.
    view.scrollTo(0);
    await new Promise((r) => setTimeout(r));
    expect(places()[0]).toBe(1);
    expect(list().querySelector('li.gap')).toBeNull();
    expect(document.activeElement).toBe(focused);
    expect(field).toHaveValue('Person 00003 (Sam)');
    await user.keyboard('{Escape}');
    expect(document.activeElement).toHaveAccessibleName('Rename Person 00003');

    // Focus elsewhere lets the row go once it is out of view.
    screen.getByLabelText('Search people').focus();
    await new Promise((r) => setTimeout(r));
    view.scrollTo(300 + 65 * 500);
    await new Promise((r) => setTimeout(r));
    expect(places()).not.toContain(3);
  });

  it('goes back to the top with a new search or filter', async () => {
    const user = userEvent.setup();
    await seed(1_000);
    const view = inScroller();
    view.scrollTo(300 + 65 * 700);
    await new Promise((r) => setTimeout(r));
    expect(places()).toContain(701);
    await user.selectOptions(screen.getByLabelText('Circle'), 'outer');
    // The list's heading (and the filter just used) is at the top of the view again.
    expect(view.scrollTop).toBe(150);
    expect(places()[0]).toBe(1);
    expect(rows()[0]).toHaveAttribute('aria-setsize', '999');
  });
});
