import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import { personDraft } from '../api';
import type { ReachOut, Tie } from '../api';
import { people } from '../people.svelte';
import ConvoyMap from './ConvoyMap.svelte';
import { layoutMap } from './layout';

const today = '2026-11-25';

function tie(id: number, name: string, extra: Partial<Tie> = {}): Tie {
  return {
    ...personDraft(name),
    id,
    feel: null,
    lastContactOn: null,
    createdAt: '2026-01-01T10:00:00Z',
    updatedAt: '2026-01-01T10:00:00Z',
    archivedAt: null,
    ...extra,
  };
}

function network(): Tie[] {
  return [
    tie(1, 'Sam Okafor', {
      circle: 'inner',
      sector: 'friends',
      supportTypes: ['emotional', 'practical'],
      lastContactOn: '2026-11-22',
    }),
    tie(2, 'Ana Lima', { circle: 'middle', sector: 'family', supportTypes: ['encouragement'], feel: 'draining' }),
    tie(3, 'Running club', {
      kind: 'group',
      groupKind: 'club_or_class',
      circle: 'outer',
      sector: 'community_online',
      supportTypes: ['belonging', 'practical'],
      lastContactOn: '2026-09-01',
    }),
    tie(4, 'Dr Rivera', { sector: 'care', supportTypes: ['professional'] }),
  ];
}

/** A stand-in backend holding the ties, answering the commands the map uses. */
function backend(ties: Tie[]) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, raw) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    if (cmd === 'ties_list') return args.scope === 'archived' ? [] : ties.map((t) => ({ ...t }));
    if (cmd === 'ties_move') {
      const found = ties.find((t) => t.id === args.id);
      if (!found) throw { code: 'not_found', message: 'That person could not be found.' };
      found.circle = args.circle as Tie['circle'];
      return { ...found };
    }
    if (cmd === 'files_save_export') return `/home/you/Downloads/${args.fileName}`;
    throw new Error(`no command ${cmd}`);
  });
  return calls;
}

async function showMap(ties = network(), reachOut: ReachOut[] = []) {
  const calls = backend(ties);
  people.reset();
  await people.load();
  const onOpen = vi.fn();
  const onMoved = vi.fn();
  render(ConvoyMap, { reachOut, onOpen, onMoved, today });
  return { calls, onOpen, onMoved };
}

function node(name: RegExp | string) {
  const list = screen.getByRole('list', { name: 'People and groups on your map' });
  return within(list).getByRole('button', { name });
}

describe('ConvoyMap', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('gives every node a full accessible name', async () => {
    await showMap();
    expect(
      node('Sam Okafor, inner circle, gives: someone to confide in, hands-on help; last in touch 3 days ago'),
    ).toBeInTheDocument();
    expect(node(/^Running club \(group\), outer circle, gives: belonging, hands-on help; last in touch/)).toBeInTheDocument();
    expect(node(/^Dr Rivera, not placed yet, gives: professional support; no contact logged yet$/)).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'People and groups on your map' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(4);
  });

  it('shows initials, support marks, groups as rounded squares and a dashed outline when draining', async () => {
    await showMap();
    const sam = node(/^Sam Okafor/);
    expect(sam.querySelector('text')?.textContent).toBe('SO');
    expect(sam.querySelectorAll('path')).toHaveLength(2);
    expect(sam.querySelector('circle.body')).not.toBeNull();
    expect(node(/^Running club/).querySelector('rect.body.group')).not.toBeNull();
    const ana = node('Ana Lima, middle circle, gives: encouragement; no contact logged yet; often feels draining');
    expect(ana.querySelector('.body.draining')).not.toBeNull();
    expect(sam.querySelector('.body.draining')).toBeNull();
  });

  it('fades a tie gently once its rhythm has passed, never below readable, and never says "overdue"', async () => {
    await showMap(network(), [
      { tieId: 1, lastContactOn: '2026-11-22', daysSince: 3, cadenceDays: 7, ratio: 0.4 },
      { tieId: 2, lastContactOn: null, daysSince: 42, cadenceDays: 21, ratio: 2 },
      { tieId: 3, lastContactOn: '2026-09-01', daysSince: 85, cadenceDays: 7, ratio: 12 },
    ]);
    expect(Number(node(/^Sam Okafor/).getAttribute('opacity'))).toBe(1);
    const ana = Number(node(/^Ana Lima/).getAttribute('opacity'));
    expect(ana).toBeLessThan(1);
    expect(ana).toBeGreaterThan(0.45);
    expect(Number(node(/^Running club/).getAttribute('opacity'))).toBe(0.45);
    expect(node(/^Ana Lima/).getAttribute('aria-label')).toContain("it's been a while");
    expect(document.body.textContent?.toLowerCase()).not.toMatch(/overdue/);
    for (const el of document.querySelectorAll('[aria-label]'))
      expect(el.getAttribute('aria-label')?.toLowerCase()).not.toMatch(/overdue/);
  });

  it('dims, but keeps, the ties that do not give the highlighted support', async () => {
    const user = userEvent.setup();
    await showMap();
    const toggle = screen.getByRole('button', { name: 'Hands-on help' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(node(/^Sam Okafor/)).not.toHaveAttribute('data-dimmed');
    expect(node(/^Running club/)).not.toHaveAttribute('data-dimmed');
    const ana = node(/^Ana Lima/);
    expect(ana).toHaveAttribute('data-dimmed', 'true');
    expect(ana.getAttribute('aria-label')).toMatch(/outside the current highlight$/);
    expect(Number(ana.getAttribute('opacity'))).toBeLessThan(0.45);
    expect(node(/^Dr Rivera/)).toHaveAttribute('data-dimmed', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Highlighting 2 of 4');

    await user.click(screen.getByRole('button', { name: 'Show everyone' }));
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(document.querySelectorAll('[data-dimmed]')).toHaveLength(0);
  });

  it('moves a tie to another circle from the keyboard', async () => {
    const user = userEvent.setup();
    const { calls, onMoved } = await showMap();
    node(/^Sam Okafor/).focus();
    await user.keyboard('m');
    const menu = screen.getByRole('menu', { name: 'Move Sam Okafor to' });
    const items = within(menu).getAllByRole('menuitemradio');
    expect(items.map((i) => i.textContent?.replace('✓', '').trim())).toEqual([
      'Inner circle',
      'Middle circle',
      'Outer circle',
      'Not placed',
    ]);
    expect(within(menu).getByRole('menuitemradio', { name: /Inner circle/ })).toHaveAttribute('aria-checked', 'true');
    expect(document.activeElement).toBe(items[0]);
    await user.keyboard('{ArrowDown}{Enter}');

    await waitFor(() => expect(calls.find((c) => c.cmd === 'ties_move')?.args).toEqual({ id: 1, circle: 'middle' }));
    const moved = await screen.findByRole('button', { name: /^Sam Okafor, middle circle/ });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(onMoved).toHaveBeenCalledWith(expect.objectContaining({ id: 1, circle: 'middle' }));
    expect(people.active.find((t) => t.id === 1)?.circle).toBe('middle');
    await waitFor(() => expect(document.activeElement).toBe(moved));
    expect(screen.getByRole('status')).toHaveTextContent('Sam Okafor is now in your middle circle.');
  });

  it('offers "Move to circle…" as a visible button too, and Escape closes the menu', async () => {
    const user = userEvent.setup();
    const { calls } = await showMap();
    node(/^Ana Lima/).focus();
    await tick();
    const button = screen.getByRole('button', { name: 'Move to circle… (Ana Lima)' });
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);

    await user.click(button);
    await user.click(screen.getByRole('menuitemradio', { name: 'Not placed' }));
    await waitFor(() => expect(calls.find((c) => c.cmd === 'ties_move')?.args).toEqual({ id: 2, circle: null }));
    expect(await screen.findByRole('button', { name: /^Ana Lima, not placed yet/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open Ana Lima' })).toBeInTheDocument();
  });

  it('goes from node to node with the arrow keys, with one tab stop, and Enter opens', async () => {
    const user = userEvent.setup();
    const { onOpen } = await showMap();
    const list = screen.getByRole('list', { name: 'People and groups on your map' });
    const focusable = within(list)
      .getAllByRole('button')
      .filter((b) => b.getAttribute('tabindex') === '0');
    expect(focusable).toHaveLength(1);
    // Reading order: inner, middle, outer, then those not placed yet.
    node(/^Sam Okafor/).focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(node(/^Ana Lima/));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(node(/^Running club/));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(node(/^Dr Rivera/));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(node(/^Sam Okafor/));
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(node(/^Dr Rivera/));
    expect(node(/^Dr Rivera/)).toHaveAttribute('tabindex', '0');
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledWith(4);
  });

  it('shows a tooltip with the name and last contact on focus', async () => {
    await showMap();
    node(/^Sam Okafor/).focus();
    const tip = await screen.findByText('Last in touch 3 days ago');
    expect(tip.closest('.tooltip')).toHaveTextContent('Sam Okafor');
  });

  it('moves a tie by dragging it into another ring, and leaves it be when dropped outside', async () => {
    const ties = network();
    const { calls } = await showMap(ties);
    const layout = layoutMap(ties);
    const svg = document.querySelector('svg.map') as SVGSVGElement;
    // One screen pixel per map unit, with the map at the top left.
    svg.getBoundingClientRect = () =>
      ({ left: 0, top: 0, width: layout.width, height: layout.height, right: layout.width, bottom: layout.height, x: 0, y: 0 }) as DOMRect;
    const sam = layout.nodes.find((n) => n.id === 1)!;
    const outer = layout.rings[2];
    const target = { x: layout.centre.x, y: layout.centre.y + (outer.inner + outer.outer) / 2 };

    const pointer = { pointerId: 1, button: 0 };
    await fireEvent.pointerDown(node(/^Sam Okafor/), { ...pointer, clientX: sam.x, clientY: sam.y });
    await fireEvent.pointerMove(window, { ...pointer, clientX: 2, clientY: 2 });
    await fireEvent.pointerUp(window, { ...pointer, clientX: 2, clientY: 2 });
    expect(calls.some((c) => c.cmd === 'ties_move')).toBe(false);

    await fireEvent.pointerDown(node(/^Sam Okafor/), { ...pointer, clientX: sam.x, clientY: sam.y });
    await fireEvent.pointerMove(window, { ...pointer, clientX: target.x, clientY: target.y });
    await fireEvent.pointerUp(window, { ...pointer, clientX: target.x, clientY: target.y });
    await waitFor(() => expect(calls.find((c) => c.cmd === 'ties_move')?.args).toEqual({ id: 1, circle: 'outer' }));
    expect(await screen.findByRole('button', { name: /^Sam Okafor, outer circle/ })).toBeInTheDocument();
  });

  it('says who is where in words, for screen readers', async () => {
    await showMap();
    const summary = screen.getByRole('region', { name: 'Your map in words' });
    expect(within(summary).getByRole('heading', { name: 'Inner circle: 1 person or group' })).toBeInTheDocument();
    expect(within(summary).getByRole('list', { name: 'Inner circle' })).toHaveTextContent(
      'Sam Okafor: Friends; gives: someone to confide in, hands-on help',
    );
    expect(within(summary).getByRole('heading', { name: 'Not placed yet: 1 person or group' })).toBeInTheDocument();
  });

  it('tells a crowded circle in words a sector at a time, with every name', async () => {
    const outer = Array.from({ length: 70 }, (_, i) =>
      tie(100 + i, `Outer Person ${i + 1}`, { circle: 'outer', sector: i % 2 === 0 ? 'family' : null }),
    );
    await showMap([tie(1, 'Sam Okafor', { circle: 'inner', sector: 'friends' }), ...outer]);
    const summary = screen.getByRole('region', { name: 'Your map in words' });
    expect(within(summary).getByRole('heading', { name: 'Outer circle: 70 people and groups' })).toBeInTheDocument();
    const items = within(within(summary).getByRole('list', { name: 'Outer circle' })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(/^Family, 35 people and groups: Outer Person 1;/);
    expect(items[0]).toHaveTextContent(/; Outer Person 69;/);
    expect(items[1]).toHaveTextContent(/^Other, 35 people and groups: Outer Person 10;/);
    expect(items[1]).toHaveTextContent(/; Outer Person 70;/);
    // A circle that fits stays one person a line.
    expect(within(within(summary).getByRole('list', { name: 'Inner circle' })).getAllByRole('listitem')).toHaveLength(1);
  });

  it('saves the map as a standalone SVG file, without screen-only attributes', async () => {
    const user = userEvent.setup();
    const { calls } = await showMap();
    await user.click(screen.getByRole('button', { name: 'Save as SVG' }));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'files_save_export')).toBe(true));
    const call = calls.find((c) => c.cmd === 'files_save_export');
    expect(call?.args.fileName).toBe('kindred-map-2026-11-25.svg');
    const text = new TextDecoder().decode(new Uint8Array(call?.args.contents as number[]));
    expect(text).toMatch(/^<\?xml/);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain('<title>My Kindred map</title>');
    expect(text).toContain('>SO<');
    expect(text).not.toMatch(/tabindex|aria-|role=|class=|var\(--/);
    expect(await screen.findByText('Your map was saved as /home/you/Downloads/kindred-map-2026-11-25.svg')).toBeInTheDocument();
    // The live map keeps its accessible structure.
    expect(node(/^Sam Okafor/)).toHaveAttribute('tabindex');
  });

  it('renders names that look like markup as plain text', async () => {
    await showMap([tie(1, '<img src=x onerror=alert(1)>', { circle: 'inner' })]);
    expect(node(/^<img src=x onerror=alert\(1\)>, inner circle/)).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });

  describe('at the size of a whole life', () => {
    /** 200 ties: a few close, more in the middle, most in the outer circle,
     * and Zoë Núñez somewhere in the outer circle's friends. */
    function big(): Tie[] {
      const sectors = ['family', 'friends', 'work_study', 'community_online', 'care'] as const;
      const ties = Array.from({ length: 199 }, (_, i) =>
        tie(i + 1, `Person ${String(i + 1).padStart(3, '0')}`, {
          circle: i < 6 ? 'inner' : i < 40 ? 'middle' : 'outer',
          sector: sectors[i % sectors.length],
        }),
      );
      ties.push(tie(200, 'Zoë Núñez', { circle: 'outer', sector: 'friends', supportTypes: ['emotional'] }));
      return ties;
    }

    const viewBoxOf = () =>
      screen
        .getByRole('group', { name: /^Your map/ })
        .getAttribute('viewBox')!
        .split(' ')
        .map(Number);

    it('gathers the outer circle by sector, and opens one with Enter', async () => {
      const user = userEvent.setup();
      await showMap(big());
      const list = screen.getByRole('list', { name: 'People and groups on your map' });
      const gatherings = within(list).getAllByRole('button', { name: /gathered together/ });
      expect(gatherings.map((g) => g.getAttribute('aria-label'))).toEqual([
        'Family, outer circle: 32 people and groups, gathered together. Press Enter to show each of them.',
        'Friends, outer circle: 33 people and groups, gathered together. Press Enter to show each of them.',
        'Work or study, outer circle: 32 people and groups, gathered together. Press Enter to show each of them.',
        'Community and online, outer circle: 32 people and groups, gathered together. Press Enter to show each of them.',
        'Care, outer circle: 31 people and groups, gathered together. Press Enter to show each of them.',
      ]);
      // Inner and middle are drawn one by one; the outer 160 are five nodes.
      expect(within(list).getAllByRole('listitem')).toHaveLength(40 + 5);
      expect(within(list).queryByRole('button', { name: /^Zoë Núñez/ })).toBeNull();

      gatherings[1].focus();
      await user.keyboard('{Enter}');
      expect(
        await screen.findByText('Showing each of the 33 in Friends, outer circle.', { selector: '.opened p' }),
      ).toBeInTheDocument();
      const zoe = node(/^Zoë Núñez, outer circle/);
      expect(within(list).getAllByRole('listitem')).toHaveLength(40 + 33 + 4);
      // The view frames them: closer than the whole map.
      expect(viewBoxOf()[2]).toBeLessThan(layoutMap(big()).width);
      await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toMatch(/outer circle/));
      expect(zoe).toBeInTheDocument();

      await user.click(screen.getByRole('button', { name: 'Gather them up again' }));
      await waitFor(() => expect(within(list).queryByRole('button', { name: /^Zoë Núñez/ })).toBeNull());
      expect(within(list).getAllByRole('listitem')).toHaveLength(45);
      expect(screen.getByRole('status')).toHaveTextContent('Gathered together again.');
    });

    it('finds someone by name, accents or not, and moves them to the inner circle by keyboard', async () => {
      const user = userEvent.setup();
      const { calls } = await showMap(big());
      const find = screen.getByRole('combobox', { name: 'Find someone' });
      await user.type(find, 'zoe nu');
      const options = within(screen.getByRole('listbox')).getAllByRole('option');
      expect(options.map((o) => o.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['Zoë Núñez Outer circle']);
      expect(find).toHaveAttribute('aria-activedescendant', options[0].id);
      await user.keyboard('{Enter}');

      // Her gathering opens, the view comes close, and she has the focus.
      const zoe = await screen.findByRole('button', { name: /^Zoë Núñez, outer circle/ });
      await waitFor(() => expect(document.activeElement).toBe(zoe));
      expect(zoe.querySelector('.found-ring')).not.toBeNull();
      // Twice as close as the whole map (her gathering opened), or closer.
      expect(viewBoxOf()[2]).toBeLessThanOrEqual(layoutMap(big(), { open: 'outer:friends' }).width / 2 + 1e-6);
      expect(screen.getByRole('status')).toHaveTextContent('Zoë Núñez is in your outer circle.');

      await user.keyboard('m');
      await user.click(within(screen.getByRole('menu', { name: 'Move Zoë Núñez to' })).getByRole('menuitemradio', { name: /Inner circle/ }));
      await waitFor(() => expect(calls.find((c) => c.cmd === 'ties_move')?.args).toEqual({ id: 200, circle: 'inner' }));
      expect(await screen.findByRole('button', { name: /^Zoë Núñez, inner circle/ })).toBeInTheDocument();
    });

    it('says plainly when no one matches', async () => {
      const user = userEvent.setup();
      await showMap(big());
      await user.type(screen.getByRole('combobox', { name: 'Find someone' }), 'Nobody Here');
      expect(screen.getByRole('option')).toHaveTextContent('No one on your map by that name.');
      await user.keyboard('{Enter}');
      expect(screen.queryByText(/Showing each of/)).toBeNull();
    });
  });

  it('zooms with the buttons, the keys and the wheel, pans with the arrows, and 0 shows the whole map', async () => {
    const user = userEvent.setup();
    await showMap();
    const svg = screen.getByRole('group', { name: /^Your map/ });
    const box = () => svg.getAttribute('viewBox')!.split(' ').map(Number);
    const [, , whole] = box();
    await user.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(box()[2]).toBeCloseTo(whole / 1.5);
    await user.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(box()[2]).toBeCloseTo(whole / 2.25);
    await user.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(box()[2]).toBeCloseTo(whole / 1.5);

    const stage = screen.getByRole('group', { name: 'Map view' });
    stage.focus();
    const [x0, y0] = box();
    await user.keyboard('{ArrowRight}');
    expect(box()[0]).toBeGreaterThan(x0);
    await user.keyboard('{ArrowUp}');
    expect(box()[1]).toBeLessThan(y0 + 1e-9);
    await user.keyboard('+');
    expect(box()[2]).toBeCloseTo(whole / 2.25);
    await user.keyboard('0');
    expect(box()).toEqual([0, 0, whole, box()[3]]);

    // The wheel zooms in and out; at the whole map, out is left to the page.
    await fireEvent.wheel(svg, { deltaY: -200 });
    expect(box()[2]).toBeLessThan(whole);
    await user.click(screen.getByRole('button', { name: 'Whole map' }));
    const out = new WheelEvent('wheel', { deltaY: 200, cancelable: true, bubbles: true });
    svg.dispatchEvent(out);
    expect(out.defaultPrevented).toBe(false);
    expect(box()[2]).toBe(whole);
  });
});
