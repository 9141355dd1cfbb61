import { describe, expect, it } from 'vitest';
import { layoutMap, type MapTie } from './layout';
import { mapBlocks, placeNameTags, textWidth, type NameTag } from './nameTags';

function overlaps(a: { left: number; top: number; right: number; bottom: number }, b: typeof a): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

const boxOf = (t: NameTag) => ({ left: t.x - t.width / 2, top: t.y, right: t.x + t.width / 2, bottom: t.y + t.height });

function crowd(count: number): MapTie[] {
  const first = ['Sam', 'Ana', 'Zoë', 'Mohammed', 'Aiko', 'Bartholomew', 'Li', 'Nnamdi', '陈', 'Olu'];
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    name: `${first[i % first.length]} ${'Okafor-Whittington'.slice(0, 3 + (i % 15))}`,
    circle: (['inner', 'middle', 'middle'] as const)[i % 3],
    sector: (['family', 'friends', 'work_study', null] as const)[i % 4],
  }));
}

function tagsFor(ties: MapTie[], unit: number) {
  const layout = layoutMap(ties, { gather: false });
  const names = new Map(ties.map((t) => [t.id, t.name]));
  const wanted = layout.nodes.map((n) => ({ id: n.id, x: n.x, y: n.y, text: names.get(n.id) ?? '', rank: 1 }));
  return { layout, tags: placeNameTags(wanted, layout.nodes, { unit, nodeRadius: layout.nodeRadius }) };
}

describe('name tags on the map', () => {
  it('never lets two tags overlap, or a tag cover any node', () => {
    for (const unit of [2, 1, 0.5, 0.25]) {
      const { layout, tags } = tagsFor(crowd(120), unit);
      const r = layout.nodeRadius;
      for (let i = 0; i < tags.length; i++) {
        for (let j = i + 1; j < tags.length; j++) expect(overlaps(boxOf(tags[i]), boxOf(tags[j]))).toBe(false);
        for (const n of layout.nodes)
          expect(overlaps(boxOf(tags[i]), { left: n.x - r, top: n.y - r, right: n.x + r, bottom: n.y + r })).toBe(false);
      }
    }
  });

  it('never covers what the map writes itself: You, ring and sector names, the tray heading', () => {
    // A thousand, gathered as the map shows them: counts beside the outer sectors.
    const sectors = ['family', 'friends', 'work_study', 'community_online', 'care', null] as const;
    const ties: MapTie[] = Array.from({ length: 1000 }, (_, i) => ({
      id: i + 1,
      name: `Person ${i + 1}`,
      circle: i < 12 ? 'inner' : i < 100 ? 'middle' : i < 800 ? 'outer' : null,
      sector: sectors[(i * 7) % 6],
    }));
    const layout = layoutMap(ties);
    const blocks = mapBlocks(layout);
    expect(blocks.length).toBe(1 + layout.rings.length + layout.sectorLabels.length + 1);
    const wanted = layout.nodes.map((n) => ({
      id: n.id,
      x: n.x,
      y: n.y,
      text: n.gathering ? `${n.gathering.count} in Work or study` : `Person ${n.id}`,
      rank: n.gathering ? 0 : 1,
      whole: Boolean(n.gathering),
    }));
    for (const unit of [2, 1, 0.5]) {
      const tags = placeNameTags(wanted, layout.nodes, { unit, nodeRadius: layout.nodeRadius, blocks });
      expect(tags.length).toBeGreaterThan(0);
      for (const t of tags) for (const b of blocks) expect(overlaps(boxOf(t), b)).toBe(false);
    }
    // Without the blocks, some count would sit on a sector's name.
    const covered = [2, 1.5, 1].map((unit) =>
      placeNameTags(wanted, layout.nodes, { unit, nodeRadius: layout.nodeRadius }).filter((t) =>
        blocks.some((b) => overlaps(boxOf(t), b)),
      ).length,
    );
    expect(covered.some((n) => n > 0), `${covered}`).toBe(true);
  });

  it('writes more names, and more of each, as the map is zoomed in', () => {
    const far = tagsFor(crowd(120), 1).tags;
    const near = tagsFor(crowd(120), 0.25).tags;
    expect(near.length).toBeGreaterThan(far.length);
    const full = (tags: NameTag[]) => tags.filter((t) => !t.text.endsWith('…') && t.text.includes(' ')).length;
    expect(full(near)).toBeGreaterThan(full(far));
    // Zoomed right in, three in four or more are named; a node with another
    // right beneath it goes without, as its name would cover that one.
    expect(near.length).toBeGreaterThanOrEqual(90);
  });

  it('falls back to the first name, then a shortened one, and skips what cannot fit', () => {
    const nodes = [
      { x: 0, y: 0 },
      { x: 70, y: 0 },
    ];
    const wanted = [
      { id: 1, x: 0, y: 0, text: 'Bartholomew Okafor-Whittington', rank: 1 },
      { id: 2, x: 70, y: 0, text: 'Sam Li', rank: 2 },
    ];
    const tags = placeNameTags(wanted, nodes, { unit: 1, nodeRadius: 23 });
    // Everyone is named before anyone's name grows: the long name stays a
    // first name, as its full length would run into Sam's node.
    expect(tags.map((t) => t.text)).toEqual(['Bartholomew', 'Sam Li']);
    // With room only for a few letters, a shortened name; with none, none.
    const walls = (room: number) => [
      { left: -100, top: 23 + 1 + 20, right: 100, bottom: 100 },
      { left: -100, top: 23, right: -room / 2, bottom: 100 },
      { left: room / 2, top: 23, right: 100, bottom: 100 },
    ];
    // A count is shown whole or not at all.
    const count = { id: 9, x: 0, y: 0, text: '117 in Friends', rank: 0, whole: true };
    expect(placeNameTags([count], [nodes[0]], { unit: 1, nodeRadius: 23, blocks: walls(50) })).toEqual([]);
    expect(placeNameTags([count], [nodes[0]], { unit: 1, nodeRadius: 23 }).map((t) => t.text)).toEqual(['117 in Friends']);
    const one = [wanted[0]];
    expect(placeNameTags(one, [nodes[0]], { unit: 1, nodeRadius: 23, blocks: walls(50) }).map((t) => t.text)).toEqual([
      'Barth…',
    ]);
    expect(placeNameTags(one, [nodes[0]], { unit: 1, nodeRadius: 23, blocks: walls(20) })).toEqual([]);
  });

  it('places in rank order, so the closest circle is named first', () => {
    // Two nodes close side by side: room under them for one name.
    const nodes = [
      { x: 0, y: 0 },
      { x: 20, y: 0 },
    ];
    const wanted = [
      { id: 2, x: 20, y: 0, text: 'Bob', rank: 4 },
      { id: 1, x: 0, y: 0, text: 'Ann', rank: 1 },
    ];
    expect(placeNameTags(wanted, nodes, { unit: 1, nodeRadius: 23 }).map((t) => t.id)).toEqual([1]);
  });

  it('counts wide scripts as wide', () => {
    expect(textWidth('陈小明', 10)).toBeGreaterThan(textWidth('Sam', 10) * 1.5);
    expect(textWidth('', 10)).toBe(0);
  });
});
