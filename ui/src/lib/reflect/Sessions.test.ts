import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { installFakeBackend } from '../../test/fakeBackend';
import { reflectFake, resetReflectFake } from '../../test/fakeReflect';
import { api } from '../api';
import { people } from '../people.svelte';
import { router } from '../router.svelte';
import Sessions from './Sessions.svelte';

async function setUp(names: string[] = ['Sam']) {
  resetReflectFake();
  const backend = installFakeBackend(names);
  for (const tie of backend.ties) reflectFake.tieNames.set(tie.id, tie.name);
  people.reset();
  await people.load();
  router.current = 'reflect';
  router.reflectView = 'sessions';
  router.guideId = null;
  return backend;
}

const answers = (backend: Awaited<ReturnType<typeof setUp>>) =>
  backend.calls.filter((c) => c.cmd === 'reflect_answer_step').map((c) => c.args);

describe('Guided sessions', () => {
  beforeEach(() => resetReflectFake());

  it('walks a whole session by keyboard: mood, questions, a skip, back, an intention, mood after, summary', async () => {
    const user = userEvent.setup();
    const backend = await setUp();
    render(Sessions);

    const suggested = await screen.findByRole('region', { name: 'Suggested for you' });
    await user.click(within(suggested).getByRole('button', { name: 'Start Lighten the load' }));

    // (a) Mood before: focus starts at the step's heading.
    const arriving = screen.getByRole('heading', { name: 'How are you arriving?' });
    expect(arriving).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('radio', { name: 'Very low' })).toHaveFocus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByRole('radio', { name: 'Okay' })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'calm' }));
    await user.click(screen.getByRole('checkbox', { name: 'tired' }));
    await user.click(screen.getByRole('checkbox', { name: 'worried' }));
    // Three is the most; the other words rest until one is unticked.
    expect(screen.getByRole('checkbox', { name: 'sad' })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'calm' })).toBeEnabled();
    await user.click(screen.getByRole('checkbox', { name: 'worried' }));
    await user.click(screen.getByRole('button', { name: 'Begin' }));

    const start = backend.calls.find((c) => c.cmd === 'reflect_start');
    expect(start?.args).toEqual({ guideId: 'emotional', moodBefore: { mood: 3, feelings: ['calm', 'tired'] } });

    // (b) One question at a time.
    const q1 = await screen.findByRole('heading', { name: /Question 1 of 3/ });
    expect(q1).toHaveFocus();
    await user.tab();
    await user.tab();
    expect(screen.getByLabelText('Your answer')).toHaveFocus();
    await user.keyboard('Talked with Sam after work');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    expect(await screen.findByRole('heading', { name: /Question 2 of 3/ })).toHaveFocus();
    expect(screen.getByLabelText('Your answer')).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Skip' }));

    expect(await screen.findByRole('heading', { name: /Question 3 of 3/ })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('heading', { name: /Question 2 of 3/ })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('heading', { name: /Question 1 of 3/ })).toBeInTheDocument();
    expect(screen.getByLabelText('Your answer')).toHaveValue('Talked with Sam after work');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Skip' }));

    // The lighter question, for a low day.
    await screen.findByRole('heading', { name: /Question 3 of 3/ });
    const toggle = screen.getByRole('button', { name: 'Just a word or an emoji?' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('heading', { name: /One word for resilience this week\?/ })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Your answer'), 'Steady');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    expect(answers(backend)).toEqual([
      { entryId: 1, answer: 'Talked with Sam after work', skipped: false },
      { entryId: 2, answer: '', skipped: true },
      { entryId: 1, answer: 'Talked with Sam after work', skipped: false },
      { entryId: 2, answer: '', skipped: true },
      { entryId: 3, answer: 'Steady', skipped: false },
    ]);

    // (c) An intention with a person, a day and a time.
    expect(await screen.findByRole('heading', { name: /one small thing/i })).toHaveFocus();
    await user.type(screen.getByLabelText('What would you like to do?'), 'Call Sam on Sunday');
    await user.selectOptions(screen.getByLabelText(/With or for someone/), 'Sam');
    await fireEvent.input(screen.getByLabelText(/On which day/), { target: { value: '2026-11-29' } });
    await fireEvent.input(screen.getByLabelText(/At what time/), { target: { value: '18:30' } });
    await user.click(screen.getByRole('button', { name: 'Next' }));

    // (d) Mood after.
    expect(await screen.findByRole('heading', { name: 'How are you leaving?' })).toHaveFocus();
    await user.click(screen.getByRole('radio', { name: 'Good' }));
    await user.click(screen.getByRole('checkbox', { name: 'hopeful' }));
    await user.click(screen.getByRole('button', { name: 'Finish' }));

    const finish = backend.calls.find((c) => c.cmd === 'reflect_finish');
    expect(finish?.args).toEqual({
      id: 1,
      end: {
        moodAfter: { mood: 4, feelings: ['hopeful'] },
        intention: { text: 'Call Sam on Sunday', tieId: backend.ties[0].id, dueOn: '2026-11-29', dueTime: '18:30' },
      },
    });

    // (e) The summary.
    expect(await screen.findByRole('heading', { name: 'Thank you for taking this time' })).toHaveFocus();
    expect(screen.getByText('You arrived').parentElement).toHaveTextContent('Okay');
    expect(screen.getByText('You’re leaving').parentElement).toHaveTextContent('Good');
    expect(screen.getByText('You answered 2 of the 3 questions.')).toBeInTheDocument();
    expect(screen.getByText('Call Sam on Sunday')).toBeInTheDocument();
    expect(screen.getByText(/With Sam/)).toBeInTheDocument();
    expect(screen.getByText(/saved in your intentions/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Set aside for now' })).not.toBeInTheDocument();
    expect(document.body.textContent?.toLowerCase()).not.toMatch(/\bshould\b|overdue|failed/);

    // Back to the list, where the intention now waits.
    await user.click(screen.getByRole('button', { name: 'Done' }));
    const list = await screen.findByRole('region', { name: 'Your intentions' });
    expect(await within(list).findByText('Call Sam on Sunday')).toBeInTheDocument();
  });

  it('sends "See it in your journal" to the journal view', async () => {
    const user = userEvent.setup();
    await setUp();
    const started = await api.startSession('emotional', { mood: 2, feelings: [] });
    for (const step of started.steps) await api.answerStep(step.entryId, 'A few words', false);
    render(Sessions);
    await user.click(await screen.findByRole('button', { name: 'Resume' }));
    // Every question was answered, so the session picks up at the intention.
    expect(await screen.findByRole('heading', { name: /one small thing/i })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Skip this' }));
    await user.click(screen.getByRole('radio', { name: 'Low' }));
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(await screen.findByText('You answered all 3 questions.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'See it in your journal' }));
    expect(router.reflectView).toBe('journal');
  });

  it('resumes a session in progress at the first question not yet answered', async () => {
    const user = userEvent.setup();
    const backend = await setUp();
    const started = await api.startSession('weekly-check-in', { mood: 3, feelings: ['calm'] });
    await api.answerStep(started.steps[0].entryId, 'My sister called', false);
    await api.answerStep(started.steps[1].entryId, '', true);
    render(Sessions);

    const waiting = await screen.findByRole('region', { name: 'You have a reflection waiting' });
    expect(within(waiting).getByText('Weekly check-in')).toBeInTheDocument();
    expect(within(waiting).getByText(/answered 1 of 4 questions/)).toBeInTheDocument();
    expect(within(waiting).getByText(/keeps everything you wrote in your journal/)).toBeInTheDocument();

    await user.click(within(waiting).getByRole('button', { name: 'Resume' }));
    expect(await screen.findByRole('heading', { name: /Question 3 of 4/ })).toHaveFocus();
    // No mood asked again: it was given when the session began.
    expect(screen.queryByRole('heading', { name: 'How are you arriving?' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await user.click(await screen.findByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('heading', { name: /Question 1 of 4/ })).toBeInTheDocument();
    expect(screen.getByLabelText('Your answer')).toHaveValue('My sister called');
    expect(backend.calls.filter((c) => c.cmd === 'reflect_start')).toHaveLength(1);
  });

  it('shows the server’s words beside the answer box when an answer is too long, and stays put', async () => {
    const user = userEvent.setup();
    await setUp();
    await api.startSession('emotional', { mood: 3, feelings: [] });
    render(Sessions);
    await user.click(await screen.findByRole('button', { name: 'Resume' }));
    const box = await screen.findByLabelText('Your answer');
    await fireEvent.input(box, { target: { value: 'x'.repeat(20_001) } });
    await user.click(screen.getByRole('button', { name: 'Next' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This is 20001 characters long; it can hold up to 20000. Could you shorten it a little?');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box.getAttribute('aria-describedby')).toContain(alert.id);
    expect(screen.getByRole('heading', { name: /Question 1 of 3/ })).toBeInTheDocument();
    // The text is still there to shorten.
    expect((box as HTMLTextAreaElement).value).toHaveLength(20_001);
  });

  it('asks for a mood on the scale before beginning, in the server’s words', async () => {
    const user = userEvent.setup();
    const backend = await setUp();
    render(Sessions);
    await user.click(await screen.findByRole('button', { name: 'Start Weekly check-in' }));
    await user.click(screen.getByRole('button', { name: 'Begin' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose how you feel on the scale from 1 to 5.');
    expect(screen.getByRole('heading', { name: 'How are you arriving?' })).toBeInTheDocument();
    expect(reflectFake.sessions).toHaveLength(0);
    await user.click(screen.getByRole('radio', { name: 'Low' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(backend.calls.filter((c) => c.cmd === 'reflect_start')).toHaveLength(1);
  });

  it('shows a problem with the intention on the intention step', async () => {
    const user = userEvent.setup();
    await setUp();
    const started = await api.startSession('emotional', { mood: 3, feelings: [] });
    for (const step of started.steps) await api.answerStep(step.entryId, '', true);
    render(Sessions);
    await user.click(await screen.findByRole('button', { name: 'Resume' }));
    await fireEvent.input(await screen.findByLabelText(/At what time/), { target: { value: '09:00' } });
    await user.type(screen.getByLabelText('What would you like to do?'), 'Go for a swim');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('radio', { name: 'Very good' }));
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose a day to go with the time.');
    expect(screen.getByRole('heading', { name: /one small thing/i })).toBeInTheDocument();
    expect(screen.getByLabelText(/On which day/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('sets a session aside from any step, keeping what was typed', async () => {
    const user = userEvent.setup();
    const backend = await setUp();
    await api.startSession('emotional', { mood: 3, feelings: [] });
    render(Sessions);
    await user.click(await screen.findByRole('button', { name: 'Resume' }));
    await user.type(await screen.findByLabelText('Your answer'), 'Half a thought');
    await user.click(screen.getByRole('button', { name: 'Set aside for now' }));

    await waitFor(() => expect(screen.getByText(/Set aside for now\. Everything you wrote is kept/)).toBeInTheDocument());
    expect(answers(backend)).toEqual([{ entryId: 1, answer: 'Half a thought', skipped: false }]);
    expect(reflectFake.sessions[0].status).toBe('set_aside');
    expect(screen.queryByRole('region', { name: 'You have a reflection waiting' })).not.toBeInTheDocument();
  });

  it('sets a waiting session aside from its card', async () => {
    const user = userEvent.setup();
    await setUp();
    await api.startSession('emotional', { mood: 3, feelings: [] });
    render(Sessions);
    await user.click(await screen.findByRole('button', { name: 'Set it aside' }));
    expect(await screen.findByText(/Set aside\. Everything you wrote is kept in your journal\./)).toBeInTheDocument();
    expect(reflectFake.sessions[0].status).toBe('set_aside');
    expect(screen.queryByRole('region', { name: 'You have a reflection waiting' })).not.toBeInTheDocument();
  });

  it('offers today’s suggestion with its reason, and every guide with its length', async () => {
    await setUp();
    render(Sessions);
    const suggested = await screen.findByRole('region', { name: 'Suggested for you' });
    expect(within(suggested).getByRole('heading', { name: 'Lighten the load' })).toBeInTheDocument();
    expect(within(suggested).getByText('Today is a good day to think about who you can talk to.')).toBeInTheDocument();
    const guides = screen.getByRole('region', { name: 'All guided reflections' });
    const items = within(guides).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Weekly check-in');
    expect(items[0]).toHaveTextContent('About 5 minutes');
    expect(items[1]).toHaveTextContent('About 4 minutes');
    expect(items[1]).toHaveTextContent('Someone to talk to');
  });

  it('begins the session asked for from elsewhere', async () => {
    await setUp();
    router.startGuide('weekly-check-in');
    render(Sessions);
    expect(await screen.findByRole('heading', { name: 'How are you arriving?' })).toHaveFocus();
    expect(screen.getByText('Weekly check-in')).toBeInTheDocument();
    expect(router.guideId).toBeNull();
  });

  it('answers just one question chosen by theme', async () => {
    const user = userEvent.setup();
    const backend = await setUp();
    render(Sessions);
    const one = await screen.findByRole('region', { name: 'Just one question' });
    await user.click(within(one).getByRole('radio', { name: 'Calm and closeness' }));
    const answer = await within(one).findByRole('button', { name: /Answer this: Second body question/ });
    await user.click(answer);
    const box = within(one).getByRole('textbox', { name: 'Second body question: what helped a little?' });
    expect(box).toHaveFocus();
    await user.type(box, 'A long bath');
    await user.click(within(one).getByRole('button', { name: 'Save' }));
    expect(await within(one).findByText(/Saved in your journal/)).toBeInTheDocument();
    expect(backend.calls.find((c) => c.cmd === 'reflect_answer_prompt')?.args).toEqual({
      promptId: 'body-02',
      tieId: null,
      answer: 'A long bath',
    });
  });

  it('lists open intentions, and marks them done or lets them go', async () => {
    const user = userEvent.setup();
    const backend = await setUp(['Ana']);
    await api.createIntention({ text: 'Send Ana the photos', tieId: backend.ties[0].id, dueOn: '2026-12-02', dueTime: '19:00' });
    await api.createIntention({ text: 'Try the choir', tieId: null, dueOn: null, dueTime: null });
    render(Sessions);
    const list = await screen.findByRole('region', { name: 'Your intentions' });
    const photos = (await within(list).findByText('Send Ana the photos')).closest('li') as HTMLElement;
    expect(photos).toHaveTextContent('With Ana');
    expect(photos).toHaveTextContent('19:00');

    await user.click(within(list).getByRole('button', { name: 'Done: Send Ana the photos' }));
    await waitFor(() => expect(within(list).queryByText('Send Ana the photos')).not.toBeInTheDocument());
    expect(within(list).getByRole('status')).toHaveTextContent('“Send Ana the photos” is done.');
    await user.click(within(list).getByRole('button', { name: 'Let it go: Try the choir' }));
    await waitFor(() => expect(within(list).queryByText('Try the choir')).not.toBeInTheDocument());
    expect(within(list).getByText(/Nothing here right now/)).toBeInTheDocument();
    expect(reflectFake.intentions.map((i) => i.status)).toEqual(['done', 'let_go']);
  });

  it('adds an intention outside a session', async () => {
    const user = userEvent.setup();
    await setUp();
    render(Sessions);
    const list = await screen.findByRole('region', { name: 'Your intentions' });
    await user.click(within(list).getByRole('button', { name: 'Add an intention' }));
    expect(within(list).getByLabelText('What would you like to do?')).toHaveFocus();
    await user.click(within(list).getByRole('button', { name: 'Save intention' }));
    expect(await within(list).findByRole('alert')).toHaveTextContent("Write a few words about what you'd like to do.");
    await user.type(within(list).getByLabelText('What would you like to do?'), 'Walk with Sam');
    await user.click(within(list).getByRole('button', { name: 'Save intention' }));
    expect(await within(list).findByText('Walk with Sam')).toBeInTheDocument();
    expect(within(list).getByRole('button', { name: 'Add an intention' })).toHaveFocus();
  });
});
