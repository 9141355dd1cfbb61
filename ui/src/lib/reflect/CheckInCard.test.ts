import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { installFakeBackend } from '../../test/fakeBackend';
import { resetReflectFake } from '../../test/fakeReflect';
import { checkInScale, failNext, readingFor, resetJournalFake } from '../../test/fakeJournal';
import CheckInCard from './CheckInCard.svelte';

describe('CheckInCard', () => {
  beforeEach(() => {
    resetJournalFake();
    resetReflectFake();
  });

  it('asks the three published questions with their answers, and cites the source', async () => {
    installFakeBackend();
    render(CheckInCard);
    expect(screen.getByRole('heading', { level: 2, name: 'A quick check-in' })).toBeInTheDocument();
    expect(screen.getByText(/about once a month/)).toBeInTheDocument();
    for (const item of checkInScale.items) {
      const group = await screen.findByRole('group', { name: item });
      const radios = within(group).getAllByRole('radio');
      expect(radios.map((r) => r.closest('label')?.textContent?.trim())).toEqual(checkInScale.answers);
    }
    expect(screen.getByText(checkInScale.source)).toBeInTheDocument();
  });

  it('saves once all three are answered and shows the score and a kind reading', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    const onSaved = vi.fn();
    const onDone = vi.fn();
    render(CheckInCard, { onSaved, onDone });

    const save = await screen.findByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();
    const [first, second, third] = checkInScale.items.map((item) => screen.getByRole('group', { name: item }));
    await user.click(within(first).getByRole('radio', { name: 'Hardly ever' }));
    await user.click(within(second).getByRole('radio', { name: 'Some of the time' }));
    expect(save).toBeDisabled();
    await user.click(within(third).getByRole('radio', { name: 'Often' }));
    expect(save).toBeEnabled();
    await user.click(save);

    expect(await screen.findByText('6 of 9')).toBeInTheDocument();
    expect(screen.getByText(readingFor(6))).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Thank you for checking in' })).toHaveFocus();
    expect(backend.calls.find((c) => c.cmd === 'checkins_record')?.args).toEqual({ answers: { items: [1, 2, 3] } });
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ score: 6 }));
    expect(document.body.textContent?.toLowerCase()).not.toMatch(/diagnos|disorder|should|overdue/);

    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onDone).toHaveBeenCalled();
    expect(screen.queryByRole('heading', { name: 'Thank you for checking in' })).not.toBeInTheDocument();
  });

  it('"Not now" puts the check-in off and steps aside', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    const onDone = vi.fn();
    render(CheckInCard, { onDone });
    await user.click(await screen.findByRole('button', { name: 'Not now' }));
    expect(backend.calls.some((c) => c.cmd === 'checkins_put_off')).toBe(true);
    expect(onDone).toHaveBeenCalled();
    expect(screen.queryByRole('heading', { name: 'A quick check-in' })).not.toBeInTheDocument();
    expect(backend.calls.some((c) => c.cmd === 'checkins_record')).toBe(false);
  });

  it('keeps the answers and explains when saving does not work', async () => {
    const user = userEvent.setup();
    installFakeBackend();
    render(CheckInCard);
    for (const item of checkInScale.items) {
      const group = await screen.findByRole('group', { name: item });
      await user.click(within(group).getByRole('radio', { name: 'Hardly ever' }));
    }
    failNext('checkins_record', { code: 'internal', message: "Kindred couldn't save that just now. Your answers are still here." });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("couldn't save that just now");
    expect(screen.getAllByRole('radio', { name: 'Hardly ever' }).every((r) => (r as HTMLInputElement).checked)).toBe(true);
  });
});
