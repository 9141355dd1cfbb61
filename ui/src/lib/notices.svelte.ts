/** The in-app record of notifications: what the bell counts and lists. */
import { api, type KindredError, type Notice } from './api';

class Notices {
  list = $state<Notice[]>([]);
  error = $state<string | null>(null);
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
}

export const notices = new Notices();
