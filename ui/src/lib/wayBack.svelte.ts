/** One way back being taken where the data won't open (a backup brought back, a fresh start, another
 * try): what it says while it runs and after, and what went wrong. The button pressed is disabled
 * meanwhile, so keyboard focus moves to whichever of those is shown. */
import { tick } from 'svelte';
import type { KindredError, LockStatus } from './api';
import { lock } from './lock.svelte';

export class WayBack {
  /** What it's doing, then what came of it (for a role="status" line). */
  note = $state('');
  /** What went wrong, in the backend's plain words (for a role="alert" line). */
  error = $state<string | null>(null);
  noteEl = $state<HTMLElement>();
  errorEl = $state<HTMLElement>();

  /** Runs `run` unless another way back is under way. `outcome` says what came of it ('' for nothing to
   * say: the screen moves on), and the screen is told the status. Resolves to the status; to null when it
   * failed (the error is shown) or didn't run. */
  async take(
    doing: string,
    run: () => Promise<LockStatus>,
    outcome: (status: LockStatus) => string,
    onStatus: (status: LockStatus) => void,
  ): Promise<LockStatus | null> {
    if (lock.recovering) return null;
    this.error = null;
    this.note = doing;
    try {
      const status = await run();
      this.note = outcome(status);
      onStatus(status);
      if (this.note) await this.focus(() => this.noteEl);
      return status;
    } catch (e) {
      this.note = '';
      this.error = (e as KindredError).message;
      await this.focus(() => this.errorEl);
      return null;
    }
  }

  private async focus(target: () => HTMLElement | undefined) {
    await tick();
    target()?.focus();
  }
}
