/** Names written beside the nodes on the map, placed so that no two ever
 * overlap each other or any node. A tag that does not fit in full is tried
 * as the first name, then shortened with an ellipsis, and left out when even
 * that would touch something: the node's initials, its tooltip and its
 * accessible name still say who it is, and zooming in makes room.
 *
 * Everything is in map units. `unit` is how many map units one CSS pixel
 * spans at the current zoom, so the text keeps one size on screen while the
 * map grows and shrinks under it. */

import type { MapLayout } from './layout';

export interface TagWanted {
  id: number;
  x: number;
  y: number;
  text: string;
  /** Placed in order of rank (lower first), then in the order given. */
  rank: number;
  /** Shown whole or not at all (a count, say), never shortened. */
  whole?: boolean;
}

export interface NameTag {
  id: number;
  /** The middle of the tag's top edge. */
  x: number;
  y: number;
  text: string;
  width: number;
  height: number;
  /** The text's size in map units. */
  font: number;
}

export interface TagOptions {
  unit: number;
  nodeRadius: number;
  /** The tag's size in CSS pixels. */
  fontPx?: number;
  /** Other things drawn on the map that a tag must keep clear of. */
  blocks?: readonly Box[];
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What the map itself writes, which no name may cover: "You", the ring
 * names on the bands' top edges, the sector names around the rings (13
 * units, lines 16 apart, as drawn) and the tray's heading. */
export function mapBlocks(layout: MapLayout): Box[] {
  const { centre, youRadius } = layout;
  return [
    { left: centre.x - youRadius, top: centre.y - youRadius, right: centre.x + youRadius, bottom: centre.y + youRadius },
    ...layout.rings.map((band) => ({
      left: centre.x - 28,
      top: centre.y - band.outer - 10,
      right: centre.x + 28,
      bottom: centre.y - band.outer + 10,
    })),
    ...layout.sectorLabels.map((label) => {
      const width = Math.max(...label.lines.map((line) => textWidth(line, 13)));
      const height = label.lines.length * 16;
      const left = label.anchor === 'start' ? label.x : label.anchor === 'end' ? label.x - width : label.x - width / 2;
      return { left, top: label.y - height / 2, right: left + width, bottom: label.y + height / 2 };
    }),
    { left: layout.tray.x, top: layout.tray.y, right: layout.tray.x + layout.tray.width, bottom: layout.tray.y + 32 },
  ];
}

/** Shortest text worth showing before the ellipsis. */
const MIN_CHARS = 3;

/** A generous estimate of a text's width: wide scripts (CJK, emoji) take a
 * full em, others about 0.6 of one, so an estimate errs on the side of room. */
export function textWidth(text: string, font: number): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    em += code >= 0x2e80 ? 1 : ch === ' ' ? 0.32 : 0.62;
  }
  return em * font;
}

function candidates(text: string): string[] {
  const full = text.trim();
  const out = [full];
  const first = full.split(/\s+/)[0] ?? full;
  if (first !== full) out.push(first);
  const chars = [...first];
  for (let n = chars.length - 1; n >= MIN_CHARS; n--) out.push(`${chars.slice(0, n).join('')}…`);
  return out;
}

/** A grid of boxes, so each check looks only at its neighbours. */
class Grid {
  private cells = new Map<string, Box[]>();
  constructor(private size: number) {}

  private keys(b: Box): string[] {
    const keys: string[] = [];
    for (let i = Math.floor(b.left / this.size); i <= Math.floor(b.right / this.size); i++)
      for (let j = Math.floor(b.top / this.size); j <= Math.floor(b.bottom / this.size); j++) keys.push(`${i},${j}`);
    return keys;
  }

  add(b: Box) {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }

  remove(b: Box) {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) this.cells.set(k, list.filter((o) => o !== b));
    }
  }

  hits(b: Box, except?: Box): boolean {
    for (const k of this.keys(b))
      for (const o of this.cells.get(k) ?? [])
        if (o !== except && b.left < o.right && o.left < b.right && b.top < o.bottom && o.top < b.bottom) return true;
    return false;
  }
}

/** Just under the node, centred, so it is plain whose name it is (a name
 * beside or above a node reads as its neighbour's). */
function boxUnder(w: TagWanted, width: number, height: number, r: number, hair: number): Box {
  return { left: w.x - width / 2, top: w.y + r + hair, right: w.x + width / 2, bottom: w.y + r + hair + height };
}

/** Two passes, so that a long name cannot crowd out its neighbours: first
 * everyone gets the shortest form worth reading (a first name, or its
 * start), in rank order; then each tag grows to the full name where that
 * still touches nothing. */
export function placeNameTags(wanted: readonly TagWanted[], nodes: readonly { x: number; y: number }[], options: TagOptions): NameTag[] {
  const font = (options.fontPx ?? 12) * options.unit;
  const height = font * 1.3;
  const r = options.nodeRadius;
  const hair = options.unit;
  const grid = new Grid(Math.max(4 * r, 8 * font));
  for (const n of nodes) grid.add({ left: n.x - r, top: n.y - r, right: n.x + r, bottom: n.y + r });
  for (const b of options.blocks ?? []) grid.add(b);
  const order = wanted.map((w, i) => ({ w, i })).sort((a, b) => a.w.rank - b.w.rank || a.i - b.i);

  const placed: { w: TagWanted; box: Box; text: string; width: number }[] = [];
  for (const { w } of order) {
    // The first name in full if it fits, else shorter and shorter.
    const all = w.whole ? [w.text.trim()] : candidates(w.text);
    const forms = all.length > 1 && !all[1].endsWith('…') ? all.slice(1) : all;
    for (const text of forms) {
      if (!text) break;
      const width = textWidth(text, font);
      const box = boxUnder(w, width, height, r, hair);
      if (grid.hits(box)) continue;
      grid.add(box);
      placed.push({ w, box, text, width });
      break;
    }
  }
  for (const p of placed) {
    const full = p.w.text.trim();
    if (p.text === full) continue;
    const width = textWidth(full, font);
    const box = boxUnder(p.w, width, height, r, hair);
    if (grid.hits(box, p.box)) continue;
    grid.remove(p.box);
    grid.add(box);
    Object.assign(p, { box, text: full, width });
  }
  return placed.map((p) => ({
    id: p.w.id,
    x: (p.box.left + p.box.right) / 2,
    y: p.box.top,
    text: p.text,
    width: p.width,
    height,
    font,
  }));
}
