import { describe, expect, it } from 'vitest';
import type { Circle, Sector } from '../api';
import {
  gatheredWedges,
  inTray,
  layoutMap,
  nearestRing,
  pointAt,
  ringRadii,
  sectorRanges,
  wedgeKey,
  type MapLayout,
  type MapTie,
} from './layout';

const circles: (Circle | null)[] = ['inner', 'middle', 'outer', null];
const sectors: (Sector | null)[] = ['family', 'friends', 'work_study', 'community_online', 'care', null];

/** A small deterministic generator, so the "random" networks repeat. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function network(count: number, seed = 7): MapTie[] {
  const rand = seeded(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    name: `Person ${Math.floor(rand() * 1000)}`,
    circle: circles[Math.floor(rand() * circles.length)],
    sector: sectors[Math.floor(rand() * sectors.length)],
  }));
}

function expectNoOverlap(layout: MapLayout) {
  const { nodes, nodeRadius } = layout;
  let closest = Infinity;
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++)
      closest = Math.min(closest, Math.hypot(nodes[i].x - nodes[j].x, nodes[i].y - nodes[j].y));
  if (nodes.length > 1) expect(closest).toBeGreaterThanOrEqual(2 * nodeRadius - 1e-6);
}

function expectInsideTheirPlace(layout: MapLayout) {
  for (const node of layout.nodes) {
    expect(node.x - layout.nodeRadius).toBeGreaterThanOrEqual(0);
    expect(node.x + layout.nodeRadius).toBeLessThanOrEqual(layout.width);
    expect(node.y + layout.nodeRadius).toBeLessThanOrEqual(layout.height);
    if (node.circle) {
      const band = layout.rings.find((b) => b.circle === node.circle)!;
      const r = Math.hypot(node.x - layout.centre.x, node.y - layout.centre.y);
      expect(r - layout.nodeRadius).toBeGreaterThanOrEqual(band.inner);
      expect(r + layout.nodeRadius).toBeLessThanOrEqual(band.outer);
      expect(nearestRing(layout, node)).toBe(node.circle);
    } else {
      expect(inTray(layout, node)).toBe(true);
      expect(nearestRing(layout, node)).toBeNull();
    }
  }
}

describe('map layout', () => {
  it('orders the rings from the centre outwards, around "you"', () => {
    const layout = layoutMap(network(20));
    const rings = ringRadii(layout);
    expect(rings.map((r) => r.circle)).toEqual(['inner', 'middle', 'outer']);
    expect(rings[0].inner).toBeGreaterThan(layout.youRadius);
    for (const band of rings) expect(band.outer).toBeGreaterThan(band.inner);
    expect(rings[1].inner).toBe(rings[0].outer);
    expect(rings[2].inner).toBe(rings[1].outer);
  });

  it('knows which circle a dropped point falls into', () => {
    const layout = layoutMap(network(20));
    const [inner, middle, outer] = ringRadii(layout);
    const at = (r: number, angle = 1) => pointAt(layout, r, angle);
    expect(nearestRing(layout, layout.centre)).toBe('inner');
    expect(nearestRing(layout, at((inner.inner + inner.outer) / 2))).toBe('inner');
    expect(nearestRing(layout, at((middle.inner + middle.outer) / 2, 4))).toBe('middle');
    expect(nearestRing(layout, at((outer.inner + outer.outer) / 2, 2.5))).toBe('outer');
    expect(nearestRing(layout, at(outer.outer + 5))).toBeNull();
    expect(nearestRing(layout, { x: 0, y: 0 })).toBeNull();
    expect(nearestRing(layout, { x: layout.tray.x + 10, y: layout.tray.y + 10 })).toBeNull();
    expect(inTray(layout, { x: layout.tray.x + 10, y: layout.tray.y + 10 })).toBe(true);
    expect(inTray(layout, layout.centre)).toBe(false);
  });

  it('has sector wedges that cover the whole turn without overlapping', () => {
    for (const ties of [[], network(30), network(150, 3), network(40).map((t) => ({ ...t, sector: 'care' as const }))]) {
      const ranges = sectorRanges(ties);
      expect(ranges.map((r) => r.sector)).toEqual(['family', 'friends', 'work_study', 'community_online', 'care', 'other']);
      expect(ranges[0].start).toBe(0);
      expect(ranges[ranges.length - 1].end).toBeCloseTo(2 * Math.PI, 12);
      for (let i = 0; i < ranges.length; i++) {
        expect(ranges[i].end).toBeGreaterThan(ranges[i].start);
        if (i > 0) expect(ranges[i].start).toBe(ranges[i - 1].end);
      }
      const total = ranges.reduce((sum, r) => sum + (r.end - r.start), 0);
      expect(total).toBeCloseTo(2 * Math.PI, 10);
    }
  });

  it('gives equal wedges when there is no one yet, and more room to a busy sector', () => {
    const empty = sectorRanges([]);
    const widths = empty.map((r) => r.end - r.start);
    for (const w of widths) expect(w).toBeCloseTo(widths[0], 10);
    const busy = sectorRanges(network(30).map((t) => ({ ...t, circle: 'inner' as const, sector: 'friends' as const })));
    const friends = busy.find((r) => r.sector === 'friends')!;
    for (const other of busy.filter((r) => r.sector !== 'friends'))
      expect(friends.end - friends.start).toBeGreaterThan(3 * (other.end - other.start));
  });

  it('draws the same picture whatever order the ties come in', () => {
    const ties = network(80);
    const shuffled = [...ties].sort((a, b) => ((a.id * 7919) % 83) - ((b.id * 7919) % 83));
    expect(shuffled).not.toEqual(ties);
    const a = layoutMap(ties);
    const b = layoutMap(shuffled);
    expect(b).toEqual(a);
    expect(layoutMap(ties.slice().reverse())).toEqual(a);
  });

  it('puts people in a ring and sector in name order, clockwise', () => {
    const ties: MapTie[] = ['Cleo', 'Ana', 'Bea'].map((name, i) => ({ id: i + 1, name, circle: 'middle', sector: 'friends' }));
    const layout = layoutMap(ties);
    const angle = (id: number) => {
      const n = layout.nodes.find((node) => node.id === id)!;
      return Math.atan2(n.x - layout.centre.x, layout.centre.y - n.y);
    };
    expect(angle(2)).toBeLessThan(angle(3));
    expect(angle(3)).toBeLessThan(angle(1));
    const friends = layout.sectors.find((s) => s.sector === 'friends')!;
    for (const id of [1, 2, 3]) {
      expect(angle(id)).toBeGreaterThan(friends.start);
      expect(angle(id)).toBeLessThan(friends.end);
    }
  });

  it('keeps ties without a circle in the tray, not on a ring', () => {
    const ties: MapTie[] = [
      { id: 1, name: 'Ana', circle: null, sector: 'family' },
      { id: 2, name: 'Bo', circle: 'inner', sector: null },
    ];
    const layout = layoutMap(ties);
    const ana = layout.nodes.find((n) => n.id === 1)!;
    expect(ana.circle).toBeNull();
    expect(inTray(layout, ana)).toBe(true);
    expect(ana.y).toBeGreaterThan(layout.centre.y + layout.rings[2].outer);
    expect(layout.nodes.map((n) => n.id)).toEqual([2, 1]);
  });

  it('never overlaps nodes in a mixed network of 150', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const layout = layoutMap(network(150, seed), { gather: false });
      expect(layout.nodes).toHaveLength(150);
      expectNoOverlap(layout);
      expectInsideTheirPlace(layout);
    }
  });

  it('never overlaps nodes when 150 share one ring and one sector', () => {
    for (const circle of ['inner', 'middle', 'outer'] as const) {
      for (const sector of ['family', null] as const) {
        const ties = network(150).map((t) => ({ ...t, circle, sector }));
        const layout = layoutMap(ties, { gather: false });
        expectNoOverlap(layout);
        expectInsideTheirPlace(layout);
      }
    }
  });

  it('never overlaps nodes when 150 are all waiting in the tray', () => {
    const layout = layoutMap(network(150).map((t) => ({ ...t, circle: null })), { gather: false });
    expectNoOverlap(layout);
    expectInsideTheirPlace(layout);
  });

  it('lays out 500 ties without trouble', () => {
    const layout = layoutMap(network(500, 11), { gather: false });
    expect(layout.nodes).toHaveLength(500);
    expect(new Set(layout.nodes.map((n) => n.id)).size).toBe(500);
    expectNoOverlap(layout);
  });

  it('handles an empty map', () => {
    const layout = layoutMap([]);
    expect(layout.nodes).toEqual([]);
    expect(layout.width).toBeGreaterThan(0);
    expect(layout.height).toBeGreaterThan(layout.width / 2);
  });

  it('gathers the outer circle by sector on a big map, keeping inner and middle whole', () => {
    const ties = network(1000, 3);
    const layout = layoutMap(ties);
    const gatherings = layout.nodes.filter((n) => n.gathering);
    const drawn = layout.nodes.filter((n) => !n.gathering);
    // Every tie is either drawn or counted in exactly one gathering.
    const counted = gatherings.reduce((sum, n) => sum + (n.gathering?.count ?? 0), 0);
    expect(drawn.length + counted).toBe(1000);
    expect(new Set(drawn.map((n) => n.id)).size).toBe(drawn.length);
    // The outer circle is all gathered: one node per sector that has anyone.
    const outerSectors = new Set(ties.filter((t) => t.circle === 'outer').map((t) => t.sector ?? 'other'));
    expect(gatherings.filter((n) => n.circle === 'outer').map((n) => n.sector).sort()).toEqual([...outerSectors].sort());
    expect(drawn.some((n) => n.circle === 'outer')).toBe(false);
    // Each gathering sits in its own wedge and band, and says how many.
    for (const g of gatherings) {
      const key = g.gathering!.key;
      expect(key).toBe(wedgeKey(g.circle, g.sector));
      expect(g.gathering!.count).toBe(ties.filter((t) => wedgeKey(t.circle, t.sector ?? 'other') === key).length);
      expect(g.id).toBeLessThan(0);
    }
    // Calm at a glance: a few hundred nodes at most, never overlapping.
    expect(layout.nodes.length).toBeLessThan(300);
    expectNoOverlap(layout);
    expectInsideTheirPlace(layout);
  });

  it('opens one gathering in full and keeps the rest gathered', () => {
    const ties = network(1000, 3);
    const key = 'outer:friends';
    const layout = layoutMap(ties, { open: key });
    const members = ties.filter((t) => wedgeKey(t.circle, t.sector ?? 'other') === key).map((t) => t.id);
    const shown = layout.nodes.filter((n) => n.id > 0 && wedgeKey(n.circle, n.sector) === key).map((n) => n.id);
    expect(shown.sort((a, b) => a - b)).toEqual(members.sort((a, b) => a - b));
    expect(layout.nodes.some((n) => n.gathering?.key === key)).toBe(false);
    expect(layout.nodes.some((n) => n.gathering?.key === 'outer:family')).toBe(true);
    expectNoOverlap(layout);
    expectInsideTheirPlace(layout);
  });

  it('never gathers a small map, a lone tie, or a short tray', () => {
    expect(gatheredWedges(network(40, 2)).size).toBe(0);
    const crowd: MapTie[] = Array.from({ length: 80 }, (_, i) => ({ id: i + 1, name: `P${i}`, circle: 'middle', sector: 'family' }));
    const alone: MapTie = { id: 500, name: 'Ola', circle: 'outer', sector: 'care' };
    const gathered = gatheredWedges([...crowd, alone]);
    // 80 in one wedge is a crowd whatever its circle; one in the outer is not.
    expect([...gathered.entries()]).toEqual([['middle:family', 80]]);
    const tray = Array.from({ length: 25 }, (_, i): MapTie => ({ id: i + 1, name: `T${i}`, circle: null, sector: null }));
    expect(gatheredWedges(tray).get('tray')).toBe(25);
    expect(gatheredWedges(tray.slice(0, 24)).size).toBe(0);
  });
});
