/** Deleting everything once "delete everything" is typed: the one way it's
 * asked for, in Settings → Your data, on the unlock screen when the
 * passphrase is forgotten, and on the recovery screen. */
import { tick } from 'svelte';
import { api, type KindredError } from './api';

/** What has to be typed, in any case, before anything is deleted. */
export const DELETE_PHRASE = 'delete everything';

/** Where keyboard focus goes once the form is gone (`done`, unless what replaces it takes focus itself), or
 * after a failure (`failed`, else it stays). */
type FocusAfter = { done?: () => HTMLElement | undefined; failed?: () => HTMLElement | undefined };

export class DeleteEverything {
  phrase = $state('');
  busy = $state(false);
  error = $state<string | null>(null);
  deleted = $state(false);
  readonly matches = $derived(this.phrase.trim().toLowerCase() === DELETE_PHRASE);

  /** Asks afresh, with nothing typed. */
  reset() {
    this.phrase = '';
    this.error = null;
  }

  async submit(event: SubmitEvent, focus: FocusAfter) {
    event.preventDefault();
    if (!this.matches || this.busy || this.deleted) return;
    this.busy = true;
    this.error = null;
    try {
      await api.deleteEverything(this.phrase);
      this.deleted = true;
      await tick();
      focus.done?.()?.focus();
    } catch (e) {
      this.error = (e as KindredError).message;
      if (focus.failed) {
        await tick();
        focus.failed()?.focus();
      }
    } finally {
      this.busy = false;
    }
  }
}
