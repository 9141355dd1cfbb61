/** Small helpers for showing journal and chart dates as the person reads
 * them. Timestamps from the backend are UTC; calendar dates ("YYYY-MM-DD")
 * are already local and are never shifted through UTC. */
import { daysBetween, longDate, todayIso } from '../dates';

const shortMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The local calendar day of a UTC timestamp, as "YYYY-MM-DD". */
export function localDay(timestamp: string): string {
  return todayIso(new Date(timestamp));
}

/** "3 Nov" for "2026-11-03". */
export function dayMonth(iso: string): string {
  const [, m, d] = iso.split('-').map(Number);
  return `${d} ${shortMonths[m - 1]}`;
}

/** "3 Nov 2026" for "2026-11-03". */
export function dayMonthYear(iso: string): string {
  return `${dayMonth(iso)} ${iso.slice(0, 4)}`;
}

/** The local time of day of a UTC timestamp, in the person's own clock style. */
export function clockTime(timestamp: string): string {
  return new Date(timestamp).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
}

/** A day heading: "Today", "Yesterday", or the long date. */
export function dayHeading(day: string, today: string = todayIso()): string {
  const ago = daysBetween(day, today);
  if (ago === 0) return `Today, ${longDate(day)}`;
  if (ago === 1) return `Yesterday, ${longDate(day)}`;
  return longDate(day);
}
