/** Whether Kindred's data has a passphrase, and whether it is unlocked: the
 * one place the window keeps that, so the unlock screen, Settings and the
 * export messages all agree. */
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

  constructor() {
    // Any command that finds the data locked (the key was dropped elsewhere)
    // brings the unlock screen back.
    onLocked(() => {
      this.status = { encrypted: true, locked: true, remembered: this.status?.remembered ?? false };
    });
  }

  /** Asks the backend. A backend that can't say is taken as having no passphrase. */
  async refresh(): Promise<LockStatus> {
    try {
      this.status = await api.lockStatus();
    } catch {
      this.status ??= { encrypted: false, locked: false, remembered: false };
    }
    return this.status;
  }

  /** Throws a KindredError (field 'passphrase') when it doesn't open. */
  async unlock(passphrase: string) {
    this.status = await api.unlock(passphrase);
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

  /** Forget what was known (for tests). */
  reset() {
    this.status = null;
  }
}

export const lock = new Lock();
