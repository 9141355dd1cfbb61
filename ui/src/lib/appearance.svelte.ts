/** Light, dark, or following the computer: what the window shows, and the
 * one place it is switched.
 *
 * The light palette is in styles/theme.css; the dark one is public/dark.css,
 * linked from index.html as `#dark-palette` with the media query
 * `(prefers-color-scheme: dark)`, so a fresh window follows the computer from
 * its first paint. A choice changes only that link's media (and the
 * color-scheme meta, so form controls and scrollbars match). */
import { api, type Appearance } from './api';

/** The dark palette's media for each choice: as the computer is, always, never. */
const darkMedia: Record<Appearance, string> = {
  system: '(prefers-color-scheme: dark)',
  dark: 'all',
  light: 'not all',
};

/** What the page tells the browser it can draw in, for each choice. */
const colorSchemes: Record<Appearance, string> = {
  system: 'light dark',
  dark: 'dark',
  light: 'light',
};

/** Shows Kindred in `appearance` at once. */
export function applyAppearance(appearance: Appearance, doc: Document = document) {
  doc.getElementById('dark-palette')?.setAttribute('media', darkMedia[appearance]);
  doc.querySelector('meta[name="color-scheme"]')?.setAttribute('content', colorSchemes[appearance]);
}

class AppearanceSetting {
  /** What the window shows now. */
  current = $state<Appearance>('system');
  /** What the backend last said it keeps. */
  #saved: Appearance = 'system';
  /** Counts choices, so only the latest one's answer counts. */
  #asked = 0;

  #show(appearance: Appearance) {
    this.current = appearance;
    applyAppearance(appearance);
  }

  /** Asks the backend and shows what it keeps. If it can't say, the window stays as it is. */
  async load(): Promise<Appearance> {
    const asked = ++this.#asked;
    try {
      const kept = await api.appearance();
      if (asked !== this.#asked) return this.current;
      this.#saved = kept;
      this.#show(kept);
    } catch {
      // Nothing to tell: the window keeps what it shows (at start, the computer's own setting).
    }
    return this.current;
  }

  /** Shows `appearance` straight away and keeps it. If keeping it fails, the window goes back
   * to what was kept before, and this throws the KindredError. (When another choice has been
   * made meanwhile, only the latest one's answer counts.) */
  async choose(appearance: Appearance) {
    const asked = ++this.#asked;
    this.#show(appearance);
    try {
      const kept = await api.setAppearance(appearance);
      this.#saved = kept;
      if (asked === this.#asked) this.#show(kept);
    } catch (e) {
      if (asked !== this.#asked) return;
      this.#show(this.#saved);
      throw e;
    }
  }

  /** Back to following the computer, knowing nothing (for tests). */
  reset() {
    this.#asked = 0;
    this.#saved = 'system';
    this.#show('system');
  }
}

export const appearance = new AppearanceSetting();
