/** Whether Kindred's data has a passphrase, whether it is unlocked, and whether
 * it opened at all: the one place the window keeps that, so the unlock and
 * recovery screens, Settings and the export messages all agree. */
import { api, onLocked, type LockStatus } from './api';

/** Said after an export while the data has a passphrase. */
export const UNPROTECTED_EXPORT = "Your passphrase doesn't protect exports, so keep what you saved somewhere safe.";

class Lock {
  /** Null until the backend has been asked. */
  status = $state<LockStatus | null>(null);
  readonly encrypted = $derived(this.status?.encrypted ?? false);
  readonly locked = $derived(this.status?.locked ?? false);
  /** Whether this computer's keychain keeps the passphrase, so Kindred opens by itself at start. */
  readonly remembered = $derived(this.status?.remembered ?? false);
  /** Why the data didn't open (damaged, from a newer Kindred, its folder unreadable); null when it did. */
  readonly problem = $derived(this.status?.problem ?? null);
  /** Whether the data can't be used now: it's locked, or it won't open. */
  readonly closed = $derived(this.locked || this.problem !== null);
  /** Set while a way back (a backup, a fresh start, another try) is under way, so every button for one waits. */
  recovering = $state(false);
  /** A backup locked with a passphrase was just brought back: the unlock screen says why it's asking. */
  backupLocked = $state(false);

  constructor() {
    // Any command that finds the data locked (the key was dropped elsewhere)
    // brings the unlock screen back.
    onLocked(() => {
      this.status = { encrypted: true, locked: true, remembered: this.status?.remembered ?? false, problem: null };
    });
  }

  /** Asks the backend. A backend that can't say is taken as having no passphrase. */
  async refresh(): Promise<LockStatus> {
    try {
      this.status = await api.lockStatus();
    } catch {
      this.status ??= { encrypted: false, locked: false, remembered: false, problem: null };
    }
    return this.status;
  }

  /** Throws a KindredError (field 'passphrase') when it doesn't open. */
  async unlock(passphrase: string) {
    this.status = await api.unlock(passphrase);
    this.backupLocked = false;
  }

  async lockNow() {
    this.status = await api.lockNow();
  }

  /** Turns the passphrase on (`current` null) or changes it. Throws a KindredError. */
  async setPassphrase(current: string | null, passphrase: string) {
    this.status = await api.setPassphrase(current, passphrase);
  }

  /** Throws a KindredError (field 'current') when the passphrase is wrong. */
  async removePassphrase(current: string) {
    this.status = await api.removePassphrase(current);
  }

  /** Keeps the passphrase in the keychain. Throws a KindredError: field 'current' when
   * it is wrong, a conflict when the keychain doesn't answer. */
  async remember(passphrase: string) {
    this.status = await api.rememberPassphrase(passphrase);
  }

  /** Takes the passphrase out of the keychain again. */
  async stopRemembering() {
    this.status = await api.forgetPassphrase();
  }

  // Ways back when the data won't open (or may be damaged rather than locked). Each resolves to
  // the new status, for the screen to decide what's next; each throws a KindredError.

  /** Takes the status after a backup was brought back from Settings: locked, when the backup came back as a
   * file of its own with a passphrase (the unlock screen then says so). */
  restored(status: LockStatus) {
    this.status = status;
    this.backupLocked = status.locked && status.problem === null;
  }

  /** Puts the backup called `name` in place of the data (which is set aside, not deleted). */
  async bringBack(name: string): Promise<LockStatus> {
    const status = await this.recover(() => api.recoveryRestore(name));
    this.restored(status);
    return status;
  }

  /** Sets the data aside (not deleted) and starts empty. */
  startFresh(): Promise<LockStatus> {
    return this.recover(api.recoveryStartFresh);
  }

  /** Tries opening the data again. */
  tryAgain(): Promise<LockStatus> {
    return this.recover(api.recoveryRetry);
  }

  private async recover(run: () => Promise<LockStatus>): Promise<LockStatus> {
    this.recovering = true;
    try {
      this.status = await run();
      return this.status;
    } finally {
      this.recovering = false;
    }
  }

  /** Forget what was known (for tests). */
  reset() {
    this.status = null;
    this.recovering = false;
    this.backupLocked = false;
  }
}

export const lock = new Lock();
