/** The in-app record of notifications: what the bell counts and lists. */
import { api, type KindredError, type Notice, type PauseFor } from './api';

/** What the person chose for a notice while the app was open. */
export type NoticeOutcome = PauseFor | 'done';

class Notices {
  list = $state<Notice[]>([]);
  error = $state<string | null>(null);
  /** Snoozed (and until when) or done, by notice id, for this session's wording. */
  outcomes = $state<Record<number, NoticeOutcome>>({});
  readonly unread = $derived(this.list.filter((n) => n.readAt === null).length);

  async refresh() {
    try {
      this.list = await api.listNotices();
      this.error = null;
    } catch (e) {
      this.error = (e as KindredError).message;
    }
  }

  async markAllRead() {
    if (this.unread === 0) return;
    try {
      await api.markNoticesRead();
      await this.refresh();
    } catch (e) {
      this.error = (e as KindredError).message;
    }
  }

  /** "Remind me later". Throws a KindredError when it could not be done. */
  async snooze(id: number, until: PauseFor) {
    this.replace(await api.snoozeNotice(id, until));
    this.outcomes[id] = until;
  }

  /** "Done". Throws a KindredError when it could not be done. */
  async done(id: number) {
    this.replace(await api.noticeDone(id));
    this.outcomes[id] = 'done';
  }

  private replace(notice: Notice) {
    this.list = this.list.map((n) => (n.id === notice.id ? notice : n));
  }
}

export const notices = new Notices();
