/** The words and the fading for one node on the map: its accessible name,
 * its tooltip lines, and how much it fades once its rhythm has passed.
 * Warm and plain: it has "been a while", never anything sterner. */
import type { Circle, ReachOut, Tie } from '../api';
import { sinceText } from '../dates';
import { circleLabels, supportLabels } from '../labels';

/** The faintest a node gets, so it always stays readable. */
export const FADE_FLOOR = 0.45;
/** How many cadences past the first it takes to fade all the way. */
const FADE_SPAN = 2;

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}

/** 1 within the chosen rhythm, then fading gently to FADE_FLOOR. */
export function fadeOpacity(reach: Pick<ReachOut, 'ratio'> | undefined): number {
  if (!reach || !(reach.ratio > 1)) return 1;
  const faded = 1 - ((1 - FADE_FLOOR) * (reach.ratio - 1)) / FADE_SPAN;
  return Math.max(FADE_FLOOR, Math.round(faded * 100) / 100);
}

export function beenAWhile(reach: Pick<ReachOut, 'ratio'> | undefined): boolean {
  return Boolean(reach && reach.ratio > 1);
}

export function placeText(circle: Circle | null): string {
  return circle ? lowerFirst(circleLabels[circle]) : 'not placed yet';
}

export function lastContactText(tie: Pick<Tie, 'lastContactOn'>, today?: string): string {
  return tie.lastContactOn ? `last in touch ${sinceText(tie.lastContactOn, today)}` : 'no contact logged yet';
}

export function givesText(tie: Pick<Tie, 'supportTypes'>): string | null {
  if (tie.supportTypes.length === 0) return null;
  return `gives: ${tie.supportTypes.map((s) => lowerFirst(supportLabels[s])).join(', ')}`;
}

/** "Sam Okafor, inner circle, gives: someone to confide in, hands-on help;
 * last in touch 3 days ago" — what a screen reader says for the node. */
export function nodeName(tie: Tie, reach: ReachOut | undefined, options: { today?: string; dimmed?: boolean } = {}): string {
  const first = [tie.kind === 'group' ? `${tie.name} (group)` : tie.name, placeText(tie.circle)];
  const gives = givesText(tie);
  if (gives) first.push(gives);
  const rest = [lastContactText(tie, options.today)];
  if (beenAWhile(reach)) rest.push("it's been a while");
  if (tie.feel === 'draining') rest.push('often feels draining');
  if (options.dimmed) rest.push('outside the current highlight');
  return `${first.join(', ')}; ${rest.join('; ')}`;
}

/** The short lines under the name in the tooltip. */
export function tooltipLines(tie: Tie, reach: ReachOut | undefined, today?: string): string[] {
  const last = lastContactText(tie, today);
  const lines = [last.charAt(0).toLocaleUpperCase() + last.slice(1)];
  if (beenAWhile(reach)) lines.push('It might be nice to reach out');
  if (tie.feel === 'draining') lines.push('Often feels draining');
  return lines;
}
