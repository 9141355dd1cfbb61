/** One shared "log a contact" dialog, reachable from every screen: the
 * sidebar, Today, a person's page. Screens ask for it here. */
class LogContact {
  open = $state(false);
  preselected = $state<number[]>([]);
  /** Bumped after each save so screens can refresh what they show. */
  savedCount = $state(0);

  show(tieIds: number[] = []) {
    this.preselected = tieIds;
    this.open = true;
  }

  close() {
    this.open = false;
  }

  saved() {
    this.savedCount++;
  }
}

export const logContact = new LogContact();
