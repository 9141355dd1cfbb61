/** Which screen is showing. A tiny state machine rather than URL routing:
 * the app has one window and no deep links yet. */

export type Screen = 'today' | 'map' | 'people' | 'reflect' | 'settings' | 'help' | 'welcome';

/** The three views of the Reflect screen. */
export type ReflectView = 'sessions' | 'journal' | 'progress';

export const screens: { id: Exclude<Screen, 'help' | 'welcome'>; label: string }[] = [
  { id: 'today', label: 'Today' },
  { id: 'map', label: 'Map' },
  { id: 'people', label: 'People' },
  { id: 'reflect', label: 'Reflect' },
  { id: 'settings', label: 'Settings' },
];

class Router {
  current = $state<Screen>('today');
  /** Where "Back" on the help page returns to. */
  private previous: Screen = 'today';

  /** The tie whose page is open on the People screen, if any. */
  tieId = $state<number | null>(null);

  /** Which view the Reflect screen shows: guided sessions, the journal or progress. */
  reflectView = $state<ReflectView>('sessions');

  /** A guided session to begin as soon as the Reflect screen opens (from Today, say). */
  guideId = $state<string | null>(null);

  /** Opens the Reflect screen on one of its views (the journal, say). */
  openReflect(view: ReflectView) {
    this.reflectView = view;
    this.go('reflect');
  }

  /** Opens Reflect and begins a guided session there. */
  startGuide(id: string) {
    this.guideId = id;
    this.openReflect('sessions');
  }

  /** When set, People lists only these ties (everyone Today would suggest reaching out to). */
  peopleDue = $state<number[] | null>(null);

  /** Opens People on just the ties whose rhythm has come round (from Today's "see them all"). */
  showDue(ids: number[]) {
    this.peopleDue = ids;
    this.tieId = null;
    this.go('people');
  }

  /** Opens a tie's page (from the map, Today, anywhere). */
  openTie(id: number) {
    this.tieId = id;
    this.go('people');
  }

  go(screen: Screen) {
    if (screen === this.current) return;
    if (this.current !== 'help') this.previous = this.current;
    this.current = screen;
  }

  back() {
    this.current = this.previous;
  }
}

export const router = new Router();
