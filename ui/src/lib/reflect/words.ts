/** Small helpers for how reflections are put into words. */
import type { Intention, SessionStep } from '../api';
import { todayIso } from '../dates';

/** Questions given an answer (not let pass, not left empty). */
export function answeredCount(steps: SessionStep[]): number {
  return steps.filter((s) => !s.skipped && s.answer.trim() !== '').length;
}

/** "About 5 minutes": a minute or so a question, and one to arrive and leave. */
export function minutesText(promptCount: number): string {
  return `About ${promptCount + 1} minutes`;
}

/** "Friday 27 November, 18:30"; "Today, 18:30"; the year only when it isn't this one. */
export function intentionWhen(intention: Pick<Intention, 'dueOn' | 'dueTime'>, today: string = todayIso()): string {
  if (!intention.dueOn) return '';
  const [y, m, d] = intention.dueOn.split('-').map(Number);
  const day =
    intention.dueOn === today
      ? 'Today'
      : new Date(y, m - 1, d).toLocaleDateString(undefined, {
          weekday: 'long',
          day: 'numeric',
          month: 'long',
          ...(String(y) === today.slice(0, 4) ? {} : { year: 'numeric' }),
        });
  return intention.dueTime ? `${day}, ${intention.dueTime}` : day;
}
