/** Finding someone by name the way people type it: any case, with or
 * without accents ("zoe" finds "Zoë", "nunez" finds "Núñez"). */

/** Names in the order people read them, case and accents aside. One
 * collator, made once: `localeCompare` with options builds a new one on every
 * call, which dominated sorting a thousand names. */
export const nameCollator = new Intl.Collator(undefined, { sensitivity: 'base' });

/** Lower case without accents or other combining marks. */
export function foldName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** The best few names for a search: those that start with it (or have a
 * word that does) first, then the rest, each in name order. */
export function bestMatches<T extends { name: string }>(items: readonly T[], query: string, limit: number): T[] {
  const q = foldName(query.trim());
  if (!q) return [];
  const scored: { item: T; score: number }[] = [];
  for (const item of items) {
    const name = foldName(item.name);
    const at = name.indexOf(q);
    if (at < 0) continue;
    const score = at === 0 ? 0 : /\s/.test(name[at - 1] ?? '') ? 1 : 2;
    scored.push({ item, score });
  }
  scored.sort((a, b) => a.score - b.score || nameCollator.compare(a.item.name, b.item.name));
  return scored.slice(0, limit).map((s) => s.item);
}
