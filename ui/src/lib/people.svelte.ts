import { nameCollator } from './nameSearch';
/** The people list as the screens share it: loaded once, updated in place
 * after each command so every screen stays in step without reloading. */
import { api, KindredError, type Tie } from './api';

function byName(a: Tie, b: Tie) {
  return nameCollator.compare(a.name, b.name) || a.id - b.id;
}

export class PeopleState {
  active = $state<Tie[]>([]);
  archived = $state<Tie[]>([]);
  loaded = $state(false);
  loadError = $state<KindredError | null>(null);

  /** Forget everything loaded (used when the data underneath is replaced). */
  reset() {
    this.active = [];
    this.archived = [];
    this.loaded = false;
    this.loadError = null;
  }

  async load() {
    try {
      const [active, archived] = await Promise.all([api.listTies('active'), api.listTies('archived')]);
      this.active = active.sort(byName);
      this.archived = archived.sort(byName);
      this.loadError = null;
    } catch (e) {
      this.loadError = e as KindredError;
    } finally {
      this.loaded = true;
    }
  }

  async add(name: string): Promise<Tie> {
    const tie = await api.createPerson(name);
    this.active = [...this.active, tie].sort(byName);
    return tie;
  }

  async rename(id: number, name: string): Promise<Tie> {
    const tie = await api.renameTie(id, name);
    this.replace(tie);
    return tie;
  }

  async archive(id: number): Promise<Tie> {
    const tie = await api.archiveTie(id);
    this.active = this.active.filter((t) => t.id !== id);
    this.archived = [...this.archived.filter((t) => t.id !== id), tie].sort(byName);
    return tie;
  }

  async restore(id: number): Promise<Tie> {
    const tie = await api.restoreTie(id);
    this.archived = this.archived.filter((t) => t.id !== id);
    this.active = [...this.active.filter((t) => t.id !== id), tie].sort(byName);
    return tie;
  }

  /** Puts a tie changed elsewhere (its page, the map) back into the lists. */
  replace(tie: Tie) {
    const swap = (list: Tie[]) => list.map((t) => (t.id === tie.id ? tie : t)).sort(byName);
    this.active = swap(this.active);
    this.archived = swap(this.archived);
  }
}

export const people = new PeopleState();
