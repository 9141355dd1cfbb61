import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { installFakeBackend } from '../../test/fakeBackend';
import { resetReflectFake } from '../../test/fakeReflect';
import { emptyWeeks, resetJournalFake, seedCharts, seedCheckIns, setCheckInStatus } from '../../test/fakeJournal';
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

function chart(title: string) {
  return screen.getByRole('region', { name: title });
}

describe('Progress', () => {
  beforeEach(() => {
    resetJournalFake();
    resetReflectFake();
    router.current = 'reflect';
  });

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
    await user.click(within(moods).getByText('Show as a table'));
    const moodRows = within(within(moods).getByRole('table')).getAllByRole('row');
    expect(moodRows.map((r) => r.textContent)).toEqual([
      'DayBeforeAfter',
      '2 Nov 20262 of 54 of 5',
      '9 Nov 20263 of 53 of 5',
      '20 Nov 20261 of 53 of 5',
    ]);

    const scores = chart('Check-ins over time');
    expect(within(scores).getByRole('img')).toHaveAccessibleName(/latest, on 1 Nov 2026, came to 5 of 9/);
    const scoreRows = within(within(scores).getByRole('table')).getAllByRole('row');
    expect(scoreRows.map((r) => r.textContent)).toEqual(['DayScore', '1 Oct 20267 of 9', '1 Nov 20265 of 9']);

    const weeks = chart('Contacts each week');
    expect(within(weeks).getByRole('img')).toHaveAccessibleName(/Contacts each week/);
    const weekRows = within(within(weeks).getByRole('table')).getAllByRole('row');
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
});
