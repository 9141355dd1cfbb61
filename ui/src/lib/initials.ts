/** Up to two initials for an avatar, from any script. Emoji and symbols are
 * skipped so "Ngozi 🌻" reads "N", and a name of only symbols falls back to
 * its first character. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words
    .map((w) => Array.from(w).find((ch) => /\p{L}|\p{N}/u.test(ch)))
    .filter((ch): ch is string => Boolean(ch));
  if (letters.length === 0) return Array.from(name.trim())[0] ?? '?';
  const picked = letters.length === 1 ? [letters[0]] : [letters[0], letters[letters.length - 1]];
  return picked.join('').toLocaleUpperCase();
}
