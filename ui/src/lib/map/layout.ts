/** Where everything sits on the convoy map. Pure and deterministic: the same
 * ties (in any order) and the same size always give the same picture.
 *
 * Geometry, in SVG user units (y grows downwards):
 * - "You" is a disc at the centre.
 * - Three bands around it, inner → middle → outer. A band is at least as
 *   wide as the base size asks for, and grows when a sector needs more room.
 * - Six sectors as wedges, clockwise from 12 o'clock: family, friends,
 *   work/study, community/online, care, and "other" for ties with no sector.
 *   Every wedge keeps a minimum angle; the rest is shared out by how many
 *   ties each holds, so a busy sector gets room without hiding empty ones.
 * - Inside a band and wedge, nodes sit on one or more concentric tracks,
 *   spread evenly by angle and ordered by name (then id) clockwise.
 * - Ties with no circle sit in a tray below the rings, in rows.
 * - Level of detail: on a big map the outer circle is gathered by sector
 *   into one counted node per wedge (a "gathering"), any wedge that would
 *   crowd its band is gathered too, and so is a long tray. One gathering can
 *   be opened at a time; it is then laid out in full like any wedge.
 *
 * Why nodes never overlap: on a track, neighbours are at least one node
 * diameter (plus a gap) apart as a chord, and the first and last node of a
 * wedge are half that from its edge, so nodes either side of a wedge edge
 * are a full spacing apart too. Tracks in one wedge are a spacing apart in
 * radius, bands keep a margin from their edges, and the tray lies below the
 * rings and their labels.
 */
import type { Circle, Sector, Tie } from '../api';
import { sectorLabels } from '../labels';
import { nameCollator } from '../nameSearch';

export type SectorKey = Sector | 'other';

/** What the layout needs to know about a tie. */
export type MapTie = Pick<Tie, 'id' | 'name' | 'circle' | 'sector'>;

export interface Point {
  x: number;
  y: number;
}

export interface RingBand {
  circle: Circle;
  /** Radius where the band starts and ends. */
  inner: number;
  outer: number;
}

export interface SectorRange {
  sector: SectorKey;
  label: string;
  /** Radians clockwise from 12 o'clock; start < end, within [0, 2π]. */
  start: number;
  end: number;
}

export interface SectorLabel {
  sector: SectorKey;
  text: string;
  /** The text broken into at most two short lines; `y` is their middle. */
  lines: string[];
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

export interface PlacedNode {
  /** The tie's id; negative for a gathering, which stands for many. */
  id: number;
  x: number;
  y: number;
  circle: Circle | null;
  sector: SectorKey;
  /** Set when this node gathers a whole wedge (or the tray): its key and
   * how many ties it stands for. */
  gathering?: { key: string; count: number };
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapLayout {
  width: number;
  height: number;
  centre: Point;
  youRadius: number;
  /** Every node fits inside a circle of this radius around its position. */
  nodeRadius: number;
  rings: RingBand[];
  sectors: SectorRange[];
  sectorLabels: SectorLabel[];
  /** The "not placed yet" area below the rings. */
  tray: Box;
  /** Reading order: inner ring clockwise, then middle, outer, then the tray. */
  nodes: PlacedNode[];
}

export interface LayoutOptions {
  /** The smallest width of the picture; rings scale to it. Default 760. */
  size?: number;
  /** The key of the one gathering shown in full, if any (see wedgeKey). */
  open?: string | null;
  /** Gather crowded wedges (default); false draws every tie. */
  gather?: boolean;
}

/** Above this many ties on the rings, the outer circle is gathered by sector. */
export const CALM_LIMIT = 60;
/** A wedge holding more than this is gathered whatever its circle. */
export const WEDGE_LIMIT = 36;
/** A tray holding more than this is gathered into one node. */
export const TRAY_LIMIT = 24;

/** The key of a wedge (a circle and a sector), or "tray" for the unplaced. */
export function wedgeKey(circle: Circle | null, sector: SectorKey): string {
  return circle ? `${circle}:${sector}` : 'tray';
}

/** Which wedges are gathered into one counted node, before any is opened. */
export function gatheredWedges(ties: readonly MapTie[]): Map<string, number> {
  const counts = new Map<string, number>();
  let onRings = 0;
  for (const tie of ties) {
    const key = wedgeKey(tie.circle, sectorOf(tie));
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (tie.circle) onRings++;
  }
  const gathered = new Map<string, number>();
  for (const [key, count] of counts) {
    const crowded =
      key === 'tray' ? count > TRAY_LIMIT : count > WEDGE_LIMIT || (key.startsWith('outer:') && onRings > CALM_LIMIT);
    // A lone tie is never gathered: its node says more than a "1".
    if (crowded && count > 1) gathered.set(key, count);
  }
  return gathered;
}

export const ringOrder: Circle[] = ['inner', 'middle', 'outer'];
export const sectorOrder: SectorKey[] = ['family', 'friends', 'work_study', 'community_online', 'care', 'other'];
export const sectorNames: Record<SectorKey, string> = { ...sectorLabels, other: 'Other' };

/** Footprint of a node: its body plus the support marks around it. */
export const NODE_RADIUS = 23;
const GAP = 3;
/** Centre-to-centre spacing of neighbours. */
const SPACING = 2 * NODE_RADIUS + GAP;
/** Clear space kept inside each band edge (room for the ring labels). */
const BAND_PAD = 8;
const YOU_RADIUS = 34;
const FIRST_BAND_START = YOU_RADIUS + 12;
/** Share of the minimum ring area per band: the inner band is widest, as its
 * short circumference holds the fewest nodes per track. */
const BAND_SHARE: Record<Circle, number> = { inner: 0.4, middle: 0.31, outer: 0.29 };
const MIN_SECTOR_ANGLE = (22 * Math.PI) / 180;
/** Smoothing when sharing angles: with few ties, wedges stay near equal. */
const SECTOR_WEIGHT_BASE = 3;
const LABEL_GAP = 16;
const LABEL_CHAR_WIDTH = 7.5;
const LABEL_LINE = 16;
/** Labels longer than this break onto two lines. */
const LABEL_WRAP = 14;
const EDGE = 16;
const TRAY_HEADER = 36;
const TRAY_SIDE = 24;
const TWO_PI = Math.PI * 2;

/** Name as people read it, then exact spelling, then id: a total order, so
 * the input order never matters. */
function byName(a: MapTie, b: MapTie): number {
  const loose = nameCollator.compare(a.name, b.name);
  const exact = a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  return loose || exact || a.id - b.id;
}

export function sectorOf(tie: Pick<Tie, 'sector'>): SectorKey {
  return tie.sector ?? 'other';
}

/** Wedges for the sectors, given the ties on the rings. They follow each
 * other clockwise from 12 o'clock and together cover the full turn. */
export function sectorRanges(ties: readonly MapTie[]): SectorRange[] {
  const counts = new Map<SectorKey, number>(sectorOrder.map((s) => [s, 0]));
  for (const tie of ties) if (tie.circle) counts.set(sectorOf(tie), (counts.get(sectorOf(tie)) ?? 0) + 1);
  const weights = sectorOrder.map((s) => SECTOR_WEIGHT_BASE + (counts.get(s) ?? 0));
  const total = weights.reduce((a, b) => a + b, 0);
  const shared = TWO_PI - MIN_SECTOR_ANGLE * sectorOrder.length;
  let start = 0;
  return sectorOrder.map((sector, i) => {
    const end = i === sectorOrder.length - 1 ? TWO_PI : start + MIN_SECTOR_ANGLE + (shared * weights[i]) / total;
    const range = { sector, label: sectorNames[sector], start, end };
    start = end;
    return range;
  });
}

/** How many nodes fit on a track of radius r across a wedge of the angle. */
function trackCapacity(r: number, angle: number): number {
  const ratio = SPACING / (2 * r);
  if (ratio >= 1) return 0;
  return Math.floor(angle / (2 * Math.asin(ratio)) + 1e-9);
}

/** `count` track radii a spacing apart, centred in the band. */
function centredTracks(inner: number, outer: number, count: number): number[] {
  const mid = (inner + outer) / 2;
  const first = mid - ((count - 1) * SPACING) / 2;
  return Array.from({ length: count }, (_, k) => first + k * SPACING);
}

function tracksThatFit(width: number): number {
  return Math.max(0, Math.floor((width - 2 * BAND_PAD - 2 * NODE_RADIUS) / SPACING + 1e-9) + 1);
}

interface Demand {
  range: SectorRange;
  ties: MapTie[];
}

interface FittedRing {
  band: RingBand;
  /** Per demand, the track radii it uses. */
  tracks: number[][];
}

/** The fewest centred tracks (up to maxTracks) that hold the wedge's ties. */
function tracksFor(demand: Demand, start: number, outer: number, maxTracks: number): number[] | null {
  const angle = demand.range.end - demand.range.start;
  for (let n = 1; n <= maxTracks; n++) {
    const radii = centredTracks(start, outer, n);
    if (radii.reduce((sum, r) => sum + trackCapacity(r, angle), 0) >= demand.ties.length) return radii;
  }
  return null;
}

/** Finds the narrowest band (at least minWidth) whose wedges hold every tie. */
function fitRing(circle: Circle, start: number, minWidth: number, demands: Demand[]): FittedRing {
  let width = minWidth;
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const maxTracks = tracksThatFit(width);
    const outer = start + width;
    const chosen = demands.map((d) => (d.ties.length === 0 ? [] : tracksFor(d, start, outer, maxTracks)));
    if (chosen.every((c) => c !== null)) return { band: { circle, inner: start, outer }, tracks: chosen as number[][] };
    // Make room for one more track.
    width = Math.max(width, 2 * BAND_PAD + 2 * NODE_RADIUS + maxTracks * SPACING);
  }
  throw new Error('map layout: could not fit the ring');
}

/** Shares n nodes across tracks in proportion to what each holds. */
function shareAcross(n: number, capacities: number[]): number[] {
  const total = capacities.reduce((a, b) => a + b, 0);
  const exact = capacities.map((c) => (n * c) / total);
  const counts = exact.map(Math.floor);
  let left = n - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, k) => ({ k, frac: e - Math.floor(e) }))
    .filter((o) => o.frac > 1e-9)
    .sort((a, b) => b.frac - a.frac || b.k - a.k);
  for (const { k } of order) {
    if (left === 0) break;
    counts[k]++;
    left--;
  }
  return counts;
}

function polar(centre: Point, r: number, angle: number): Point {
  return { x: centre.x + r * Math.sin(angle), y: centre.y - r * Math.cos(angle) };
}

/** Places nodes of one wedge of one band, relative to the centre (0,0). */
function placeWedge(range: SectorRange, ties: MapTie[], radii: number[], circle: Circle): PlacedNode[] {
  if (ties.length === 0) return [];
  const angle = range.end - range.start;
  const counts = shareAcross(
    ties.length,
    radii.map((r) => trackCapacity(r, angle)),
  );
  const slots: { r: number; a: number }[] = [];
  radii.forEach((r, k) => {
    for (let i = 0; i < counts[k]; i++) slots.push({ r, a: range.start + ((i + 0.5) * angle) / counts[k] });
  });
  slots.sort((p, q) => p.a - q.a || p.r - q.r);
  const origin = { x: 0, y: 0 };
  return ties.map((tie, i) => ({ id: tie.id, ...polar(origin, slots[i].r, slots[i].a), circle, sector: range.sector }));
}

/** "Community and online" → ["Community", "and online"]: the break nearest the middle. */
export function wrapLabel(text: string): string[] {
  if (text.length <= LABEL_WRAP || !text.includes(' ')) return [text];
  let best = -1;
  for (let i = 0; i < text.length; i++)
    if (text[i] === ' ' && (best < 0 || Math.abs(i - text.length / 2) < Math.abs(best - text.length / 2))) best = i;
  return [text.slice(0, best), text.slice(best + 1)];
}

function labelFor(range: SectorRange, radius: number): SectorLabel {
  const mid = (range.start + range.end) / 2;
  const lines = wrapLabel(range.label);
  const half = (lines.length * LABEL_LINE) / 2;
  const p = polar({ x: 0, y: 0 }, radius + LABEL_GAP, mid);
  const s = Math.sin(mid);
  const c = Math.cos(mid);
  const anchor = s > 0.3 ? 'start' : s < -0.3 ? 'end' : 'middle';
  // Above the top, below the bottom: nudge clear of the ring.
  const y = p.y - (c > 0.7 ? half : c < -0.7 ? -half : 0);
  return { sector: range.sector, text: range.label, lines, x: p.x, y, anchor };
}

function labelExtent(label: SectorLabel): { left: number; right: number; top: number; bottom: number } {
  const w = Math.max(...label.lines.map((l) => l.length)) * LABEL_CHAR_WIDTH;
  const half = (label.lines.length * LABEL_LINE) / 2;
  const left = label.anchor === 'start' ? label.x : label.anchor === 'end' ? label.x - w : label.x - w / 2;
  return { left, right: left + w, top: label.y - half, bottom: label.y + half };
}

/** Lays out the map. Ties are not mutated. */
export function layoutMap(ties: readonly MapTie[], options: LayoutOptions = {}): MapLayout {
  const size = options.size ?? 760;
  const sorted = [...ties].sort(byName);
  const gathered = options.gather === false ? new Map<string, number>() : gatheredWedges(sorted);
  if (options.open) gathered.delete(options.open);
  const shown = (t: MapTie) => !gathered.has(wedgeKey(t.circle, sectorOf(t)));
  const placed = sorted.filter((t) => t.circle !== null && shown(t));
  const unplaced = sorted.filter((t) => t.circle === null && shown(t));
  // Each gathering takes the place of one tie, with an id below zero.
  const standIns: MapTie[] = [...gathered.keys()].sort().map((key, k) => {
    const [circle, sector] = key === 'tray' ? [null, 'other'] : key.split(':');
    return {
      id: -(k + 1),
      name: '',
      circle: circle as Circle | null,
      sector: sector === 'other' ? null : (sector as Sector),
    };
  });
  const gatheringOf = (id: number) => {
    const stand = standIns.find((t) => t.id === id);
    if (!stand) return undefined;
    const key = wedgeKey(stand.circle, sectorOf(stand));
    return { key, count: gathered.get(key) ?? 0 };
  };
  const onRings = [...placed, ...standIns.filter((t) => t.circle !== null)];
  const inTrayTies = [...unplaced, ...standIns.filter((t) => t.circle === null)];
  const sectors = sectorRanges(onRings);

  // Rings, innermost first; a band that needs more room pushes the rest out.
  const minOuter = Math.max(size / 2 - 150, FIRST_BAND_START + 3 * (2 * BAND_PAD + 2 * NODE_RADIUS));
  const minArea = minOuter - FIRST_BAND_START;
  const rings: RingBand[] = [];
  const relative: PlacedNode[] = [];
  let start = FIRST_BAND_START;
  for (const circle of ringOrder) {
    const minWidth = Math.max(minArea * BAND_SHARE[circle], 2 * BAND_PAD + 2 * NODE_RADIUS);
    const demands = sectors.map((range) => ({
      range,
      ties: onRings.filter((t) => t.circle === circle && sectorOf(t) === range.sector),
    }));
    const fitted = fitRing(circle, start, minWidth, demands);
    rings.push(fitted.band);
    demands.forEach((d, i) => relative.push(...placeWedge(d.range, d.ties, fitted.tracks[i], circle)));
    start = fitted.band.outer;
  }
  const radius = start;

  // Size the picture so the sector labels fit, keeping the rings centred.
  const labels = sectors.map((r) => labelFor(r, radius));
  const extents = labels.map(labelExtent);
  const halfWidth = Math.max(size / 2, radius + EDGE, ...extents.map((e) => Math.max(-e.left, e.right) + EDGE));
  const top = Math.max(radius + EDGE, ...extents.map((e) => -e.top + EDGE));
  const bottom = Math.max(radius + EDGE, ...extents.map((e) => e.bottom + EDGE));
  const width = Math.ceil(2 * halfWidth);
  const centre = { x: width / 2, y: Math.ceil(top) };

  // The tray: rows of unplaced ties (or their one gathering), each row centred.
  const trayY = centre.y + bottom + 8;
  const columns = Math.max(1, Math.floor((width - 2 * TRAY_SIDE - 2 * NODE_RADIUS) / SPACING) + 1);
  const rows = Math.max(1, Math.ceil(inTrayTies.length / columns));
  const tray: Box = { x: EDGE, y: trayY, width: width - 2 * EDGE, height: TRAY_HEADER + rows * SPACING + 8 };
  const trayNodes = inTrayTies.map((tie, i): PlacedNode => {
    const row = Math.floor(i / columns);
    const inRow = Math.min(columns, inTrayTies.length - row * columns);
    const col = i - row * columns;
    return {
      id: tie.id,
      x: width / 2 + (col - (inRow - 1) / 2) * SPACING,
      y: trayY + TRAY_HEADER + NODE_RADIUS + row * SPACING,
      circle: null,
      sector: sectorOf(tie),
    };
  });

  return {
    width,
    height: Math.ceil(tray.y + tray.height + EDGE),
    centre,
    youRadius: YOU_RADIUS,
    nodeRadius: NODE_RADIUS,
    rings,
    sectors,
    sectorLabels: labels.map((l) => ({ ...l, x: l.x + centre.x, y: l.y + centre.y })),
    tray,
    nodes: [...relative.map((n) => ({ ...n, x: n.x + centre.x, y: n.y + centre.y })), ...trayNodes].map((n) => {
      const gathering = n.id < 0 ? gatheringOf(n.id) : undefined;
      return gathering ? { ...n, gathering } : n;
    }),
  };
}

/** The band radii, innermost first. */
export function ringRadii(layout: MapLayout): RingBand[] {
  return layout.rings;
}

/** Which circle a point falls into: inside a band (the centre counts as
 * inner), or null beyond the outer ring. */
export function nearestRing(layout: MapLayout, point: Point): Circle | null {
  const r = Math.hypot(point.x - layout.centre.x, point.y - layout.centre.y);
  for (const band of layout.rings) if (r <= band.outer) return band.circle;
  return null;
}

/** Whether a point is in the "not placed yet" tray. */
export function inTray(layout: MapLayout, point: Point): boolean {
  const { x, y, width, height } = layout.tray;
  return point.x >= x && point.x <= x + width && point.y >= y && point.y <= y + height;
}

/** A point on the map at a radius and angle (clockwise from 12 o'clock). */
export function pointAt(layout: MapLayout, r: number, angle: number): Point {
  return polar(layout.centre, r, angle);
}
