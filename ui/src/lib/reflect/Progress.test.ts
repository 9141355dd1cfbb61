import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { installFakeBackend } from '../../test/fakeBackend';
import { resetReflectFake } from '../../test/fakeReflect';
import { emptyWeeks, resetJournalFake, seedCharts, seedCheckIns, setCheckInStatus } from '../../test/fakeJournal';
import type { MoodPoint, ScorePoint } from '../api';
import { router } from '../router.svelte';
import Progress from './Progress.svelte';

function seedData() {
  seedCharts({
    moods: [
      { sessionId: 1, on: '2026-11-02', before: 2, after: 4 },
      { sessionId: 2, on: '2026-11-09', before: 3, after: 3 },
      { sessionId: 3, on: '2026-11-20', before: 1, after: 3 },
    ],
    checkIns: [
      { on: '2026-10-01', score: 7 },
      { on: '2026-11-01', score: 5 },
    ],
    contactsPerWeek: emptyWeeks().map((w, i) => ({ ...w, contacts: i % 3 })),
  });
  seedCheckIns([
    { takenAt: '2026-10-01T09:00:00.000Z', items: [3, 2, 2] },
    { takenAt: '2026-11-01T09:00:00.000Z', items: [2, 2, 1] },
  ]);
}

/** `n` finished reflections spread evenly from 1 December `since` (ten
 * years back unless told) to 25 November 2026, mostly feeling a little
 * better after. */
function sessionsSince(n: number, since = 2016): MoodPoint[] {
  const start = Date.UTC(since, 11, 1);
  const end = Date.UTC(2026, 10, 25);
  return Array.from({ length: n }, (_, i) => ({
    sessionId: i + 1,
    on: new Date(start + ((end - start) * i) / (n - 1)).toISOString().slice(0, 10),
    before: 1 + ((i * 3) % 5),
    after: Math.max(1, Math.min(5, 1 + ((i * 3) % 5) + (i % 4) - 1)),
  }));
}

/** A check-in every week for ten years. */
function tenYearsOfCheckIns(): ScorePoint[] {
  const start = Date.UTC(2016, 11, 5);
  return Array.from({ length: 520 }, (_, i) => ({
    on: new Date(start + i * 7 * 86_400_000).toISOString().slice(0, 10),
    score: 3 + (i % 7),
  }));
}

function chart(title: string) {
  return screen.getByRole('region', { name: title });
}

describe('Progress', () => {
  beforeEach(() => {
    resetJournalFake();
    resetReflectFake();
    router.current = 'reflect';
  });

  /** A chart's table is built once "Show as a table" is opened, as a person would open it. */
  async function openTable(card: HTMLElement) {
    expect(within(card).queryByRole('table')).not.toBeInTheDocument();
    await userEvent.click(within(card).getByText('Show as a table'));
    return within(card).findByRole('table');
  }

  it('draws each chart with a name and the same data as a table', async () => {
    const user = userEvent.setup();
    installFakeBackend();
    seedData();
    render(Progress);

    const moods = await screen.findByRole('region', { name: 'Mood before and after reflecting' });
    const moodImage = within(moods).getByRole('img');
    expect(moodImage).toHaveAccessibleName(/Mood before and after reflecting.*3 finished reflections/);
    expect(within(moods).getByText(/Before \(dashed line, circles\)/)).toBeInTheDocument();
    expect(within(moods).getByText(/After \(solid line, squares\)/)).toBeInTheDocument();
    const moodRows = within(await openTable(moods)).getAllByRole('row');
    expect(moodRows.map((r) => r.textContent)).toEqual([
      'DayBeforeAfter',
      '2 Nov 20262 of 54 of 5',
      '9 Nov 20263 of 53 of 5',
      '20 Nov 20261 of 53 of 5',
    ]);

    const scores = chart('Check-ins over time');
    expect(within(scores).getByRole('img')).toHaveAccessibleName(/latest, on 1 Nov 2026, came to 5 of 9/);
    const scoreRows = within(await openTable(scores)).getAllByRole('row');
    expect(scoreRows.map((r) => r.textContent)).toEqual(['DayScore', '1 Oct 20267 of 9', '1 Nov 20265 of 9']);

    const weeks = chart('Contacts each week');
    expect(within(weeks).getByRole('img')).toHaveAccessibleName(/Contacts each week/);
    const weekRows = within(await openTable(weeks)).getAllByRole('row');
    expect(weekRows).toHaveLength(13);
    expect(weekRows[1].textContent).toBe('7 Sept 20260'.replace('Sept', 'Sep'));
    expect(weekRows[12].textContent).toBe('23 Nov 20262');
    // Weeks are labelled on the drawing by their Monday.
    expect(within(within(weeks).getByRole('img')).getByText('23 Nov')).toBeInTheDocument();
  });

  it('shows the latest check-in and opens the check-in on request', async () => {
    const user = userEvent.setup();
    installFakeBackend();
    seedData();
    render(Progress);
    const section = await screen.findByRole('region', { name: 'Your check-in' });
    expect(await within(section).findByText('5 of 9')).toBeInTheDocument();
    expect(within(section).getByText(/hasn't been around much lately/)).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Take the check-in' }));
    expect(within(section).getByRole('heading', { level: 3, name: 'A quick check-in' })).toHaveFocus();
    expect(await within(section).findByRole('group', { name: 'How often do you feel left out?' })).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Not now' }));
    expect(within(section).getByRole('button', { name: 'Take the check-in' })).toHaveFocus();
  });

  it('invites a first reflection and check-in when there is nothing to chart yet', async () => {
    installFakeBackend();
    render(Progress);
    expect(await screen.findByText('Your first finished reflection will show up here.')).toBeInTheDocument();
    expect(screen.getByText('Your first check-in will show up here.')).toBeInTheDocument();
    expect(screen.getByText('The contacts you log will show up here, week by week.')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByText(/haven't taken a check-in yet/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /who you can talk to/ })).not.toBeInTheDocument();
  });

  it('gently offers the help page when things have felt heavy', async () => {
    const user = userEvent.setup();
    installFakeBackend();
    seedData();
    setCheckInStatus({ showSupport: true });
    render(Progress);
    const note = await screen.findByRole('region', { name: "You don't have to carry it alone" });
    expect(note.textContent?.toLowerCase()).not.toMatch(/diagnos|disorder|should|symptom/);
    await user.click(within(note).getByRole('button', { name: 'See who you can talk to' }));
    expect(router.current).toBe('help');
  });

  it('stays small with ten years of reflections and check-ins, a month at a time', async () => {
    installFakeBackend();
    // June 2020 has no reflections at all.
    const moods = sessionsSince(2500).filter((p) => !p.on.startsWith('2020-06'));
    seedCharts({ moods, checkIns: tenYearsOfCheckIns(), contactsPerWeek: emptyWeeks() });
    const { container } = render(Progress);

    const moodCard = await screen.findByRole('region', { name: 'Mood before and after reflecting' });
    const moodImage = within(moodCard).getByRole('img');
    const count = moods.length.toLocaleString('en-GB');
    expect(moodImage).toHaveAccessibleName(
      new RegExp(`${count} finished reflections\\..*Each month is the average of its reflections`),
    );
    // Tables closed, the whole tab is a few hundred elements however long the history.
    expect(container.querySelectorAll('*').length).toBeLessThan(400);
    // Before this, a point and a row per session made 20,082 elements here.
    expect(moodImage.querySelectorAll('*').length).toBeLessThan(60);
    expect(moodCard.querySelectorAll('*').length).toBeLessThan(700);
    // June 2020 had no reflections: the line breaks there instead of running across it.
    expect(moodImage.querySelector('path.line.after')?.getAttribute('d')?.match(/M/g)).toHaveLength(2);

    const table = await openTable(moodCard);
    expect(table).toHaveAccessibleName(/one row a month/);
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(1 + 119);
    expect(rows[0].textContent).toBe('MonthReflectionsBefore, on averageAfter, on average');
    const december = moods.filter((p) => p.on.startsWith('2016-12'));
    const mean = (key: 'before' | 'after') =>
      (Math.round((december.reduce((sum, p) => sum + p[key], 0) / december.length) * 10) / 10).toFixed(1);
    expect(rows[1].textContent).toBe(`December 2016${december.length}${mean('before')} of 5${mean('after')} of 5`);
    expect(rows.some((r) => r.textContent?.startsWith('June 2020'))).toBe(false);
    expect(rows.at(-1)?.textContent).toMatch(/^November 2026/);

    const scores = chart('Check-ins over time');
    expect(within(scores).getByRole('img')).toHaveAccessibleName(
      /520 check-ins so far\. The latest.*Each month is the average of its check-ins/,
    );
    expect(scores.querySelectorAll('*').length).toBeLessThan(600);
    const scoreRows = within(await openTable(scores)).getAllByRole('row');
    expect(scoreRows).toHaveLength(1 + 120);
    expect(scoreRows[0].textContent).toBe('MonthCheck-insScore, on average');

    // Before this, the whole tab came to 22,733 elements.
    expect(container.querySelectorAll('*').length).toBeLessThan(1500);
  });

  it('keeps a point per reflection up to sixty, then turns to months', async () => {
    installFakeBackend();
    seedCharts({ moods: sessionsSince(60) });
    const first = render(Progress);
    const moods = await screen.findByRole('region', { name: 'Mood before and after reflecting' });
    expect(within(await openTable(moods)).getAllByRole('row')).toHaveLength(61);
    expect(within(moods).getByRole('img').querySelectorAll('circle')).toHaveLength(60);
    first.unmount();

    // A busy year: December to November.
    seedCharts({ moods: sessionsSince(61, 2025) });
    render(Progress);
    const months = await screen.findByRole('region', { name: 'Mood before and after reflecting' });
    const rows = within(await openTable(months)).getAllByRole('row');
    expect(rows[0].textContent).toMatch(/^MonthReflections/);
    const names = rows.slice(1).map((r) => within(r).getByRole('rowheader').textContent);
    expect(names).toHaveLength(12);
    expect(names[0]).toBe('December 2025');
    // Twelve months sit far enough apart for a marker each.
    const squares = within(months).getByRole('img').querySelector('path.dot.after')?.getAttribute('d');
    expect(squares?.match(/M/g)).toHaveLength(12);
    expect(names.at(-1)).toBe('November 2026');
  });
});

