/** Extra commands for the component-test backend: guided reflection,
 * single prompts, intentions and the check-in status. Returns NOT_HANDLED
 * for anything it does not know so the main fake can report it.
 *
 * State lives in this module; call resetReflectFake() before each test. The
 * rules mirror the Rust ones closely enough for the UI (same fields, same
 * kind of message); the real rules are tested in Rust. */
import type {
  ApiError,
  CheckInStatus,
  Guide,
  Intention,
  IntentionDraft,
  JournalEntry,
  Mood,
  Personalised,
  SessionEnd,
  SessionStep,
  SessionView,
  ShownPrompt,
  Theme,
} from '../lib/api';
import { NOT_HANDLED } from './notHandled';

const NOW = '2026-11-25T10:00:00.000Z';
const ANSWER_MAX = 20_000;
const INTENTION_MAX = 500;

export const FEELING_WORDS = ['calm', 'content', 'hopeful', 'tired', 'lonely', 'worried', 'sad'];

const THEMES: Theme[] = ['emotional', 'practical', 'resilience', 'body', 'openness', 'quality', 'digital'];

/** Two prompts per theme, written for the tests. */
const PROMPTS: ShownPrompt[] = THEMES.flatMap((theme) => [
  {
    promptId: `${theme}-01`,
    theme,
    text: `First ${theme} question: who came to mind this week?`,
    lowEnergy: `One word for ${theme} this week?`,
    tieId: null,
    tieName: null,
  },
  {
    promptId: `${theme}-02`,
    theme,
    text: `Second ${theme} question: what helped a little?`,
    lowEnergy: null,
    tieId: null,
    tieName: null,
  },
]);

export const GUIDES: Guide[] = [
  {
    id: 'weekly-check-in',
    title: 'Weekly check-in',
    intro: 'A look back at the week, gently.',
    theme: null,
    promptIds: ['emotional-01', 'body-01', 'quality-01', 'practical-02'],
  },
  {
    id: 'emotional',
    title: 'Lighten the load',
    intro: 'A few quiet questions about what you carry.',
    theme: 'emotional',
    promptIds: ['emotional-01', 'emotional-02', 'resilience-01'],
  },
];

interface State {
  sessions: SessionView[];
  entries: JournalEntry[];
  intentions: Intention[];
  nextSession: number;
  nextEntry: number;
  nextIntention: number;
  /** The check-in status to answer with, for a test that wants a fixed
   * one. When null (the default) the journal fake answers instead, from the
   * check-ins recorded there, so the two fakes never disagree. */
  checkIn: CheckInStatus | null;
  /** Names for tie ids, as the map would give them. */
  tieNames: Map<number, string>;
}

function fresh(): State {
  return {
    sessions: [],
    entries: [],
    intentions: [],
    nextSession: 1,
    nextEntry: 1,
    nextIntention: 1,
    checkIn: null,
    tieNames: new Map(),
  };
}

/** The fake's state, for tests to arrange and inspect. */
export let reflectFake: State = fresh();

export function resetReflectFake() {
  reflectFake = fresh();
}

function fail(error: ApiError): never {
  throw error;
}

function prompt(id: string): ShownPrompt {
  return PROMPTS.find((p) => p.promptId === id) ?? fail({ code: 'validation', message: "That prompt isn't available.", field: 'promptId' });
}

function cleanMood(raw: unknown, field: string): Mood {
  const m = (raw ?? {}) as Partial<Mood>;
  const mood = Number(m.mood);
  if (!Number.isInteger(mood) || mood < 1 || mood > 5)
    fail({ code: 'validation', message: 'Choose how you feel on the scale from 1 to 5.', field });
  const feelings: string[] = [];
  for (const w of m.feelings ?? []) {
    const word = String(w).trim().toLowerCase();
    if (!FEELING_WORDS.includes(word)) fail({ code: 'validation', message: 'Choose feeling words from the list.', field });
    if (!feelings.includes(word)) feelings.push(word);
  }
  if (feelings.length > 3) fail({ code: 'validation', message: 'Choose up to 3 words.', field });
  return { mood, feelings };
}

function cleanAnswer(raw: unknown): string {
  const text = String(raw ?? '').trim();
  const count = Array.from(text).length;
  if (count > ANSWER_MAX)
    fail({
      code: 'validation',
      message: `This is ${count} characters long; it can hold up to ${ANSWER_MAX}. Could you shorten it a little?`,
      field: 'answer',
    });
  return text;
}

function checkTie(tieId: number | null | undefined) {
  if (tieId != null && !reflectFake.tieNames.has(tieId))
    fail({ code: 'validation', message: "That person or group isn't on your map any more.", field: 'tieId' });
}

function cleanIntention(raw: IntentionDraft): IntentionDraft {
  const text = String(raw.text ?? '').trim();
  if (!text) fail({ code: 'validation', message: "Write a few words about what you'd like to do.", field: 'text' });
  const count = Array.from(text).length;
  if (count > INTENTION_MAX)
    fail({
      code: 'validation',
      message: `This is ${count} characters long; an intention can hold up to ${INTENTION_MAX}.`,
      field: 'text',
    });
  const time = raw.dueTime?.trim() || null;
  if (time && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time))
    fail({ code: 'validation', message: 'Please give the time as hours and minutes, like 18:30.', field: 'dueTime' });
  if (time && !raw.dueOn) fail({ code: 'validation', message: 'Choose a day to go with the time.', field: 'dueOn' });
  checkTie(raw.tieId);
  return { text, tieId: raw.tieId ?? null, dueOn: raw.dueOn || null, dueTime: time };
}

function addIntention(draft: IntentionDraft, sessionId: number | null): Intention {
  const intention: Intention = {
    id: reflectFake.nextIntention++,
    text: draft.text,
    tieId: draft.tieId,
    tieName: draft.tieId != null ? (reflectFake.tieNames.get(draft.tieId) ?? null) : null,
    sessionId,
    dueOn: draft.dueOn,
    dueTime: draft.dueTime,
    status: 'open',
    createdAt: NOW,
  };
  reflectFake.intentions.push(intention);
  return intention;
}

function session(id: unknown): SessionView {
  return reflectFake.sessions.find((s) => s.id === id) ?? fail({ code: 'not_found', message: 'That reflection could not be found.' });
}

const copy = <T>(value: T): T => structuredClone(value);

/** Today's offer: the same every time, like the real one on a given day. */
function today(): Personalised {
  const guide = GUIDES[1];
  return {
    prompt: { ...prompt('emotional-01') },
    suggestion: {
      guideId: guide.id,
      title: guide.title,
      intro: guide.intro,
      reason: 'theme_of_the_day',
      because: 'Today is a good day to think about who you can talk to.',
    },
  };
}

export function handle(cmd: string, args: Record<string, unknown>): unknown {
  const state = reflectFake;
  switch (cmd) {
    case 'reflect_library':
      return { guides: copy(GUIDES), feelingWords: [...FEELING_WORDS] };
    case 'reflect_today':
      return today();
    case 'reflect_prompts':
      return PROMPTS.filter((p) => p.theme === args.theme).map((p) => ({ ...p }));
    case 'reflect_answer_prompt': {
      const shown = prompt(String(args.promptId));
      const answer = cleanAnswer(args.answer);
      if (!answer)
        fail({ code: 'validation', message: 'Write a word or two first, or leave it for another day.', field: 'answer' });
      const tieId = (args.tieId as number | null) ?? null;
      checkTie(tieId);
      const entry: JournalEntry = {
        id: state.nextEntry++,
        sessionId: null,
        sessionTitle: null,
        promptId: shown.promptId,
        theme: shown.theme,
        promptText: shown.text,
        answer,
        tieId,
        tieName: tieId != null ? (state.tieNames.get(tieId) ?? null) : null,
        createdAt: NOW,
        updatedAt: NOW,
        answerParts: null,
      };
      state.entries.push(entry);
      return { ...entry };
    }
    case 'reflect_start': {
      const guide =
        GUIDES.find((g) => g.id === args.guideId) ??
        fail({ code: 'validation', message: "That session isn't available.", field: 'guideId' });
      const moodBefore = cleanMood(args.moodBefore, 'moodBefore');
      for (const s of state.sessions) if (s.status === 'in_progress') s.status = 'set_aside';
      const steps: SessionStep[] = guide.promptIds.map((id, position) => {
        const p = prompt(id);
        return {
          entryId: state.nextEntry++,
          position,
          promptId: p.promptId,
          theme: p.theme,
          text: p.text,
          lowEnergy: p.lowEnergy,
          tieId: p.tieId,
          answer: '',
          skipped: false,
        };
      });
      const view: SessionView = {
        id: state.nextSession++,
        guideId: guide.id,
        title: guide.title,
        intro: guide.intro,
        status: 'in_progress',
        moodBefore,
        moodAfter: null,
        steps,
        intention: null,
        startedAt: NOW,
        completedAt: null,
      };
      state.sessions.push(view);
      return copy(view);
    }
    case 'reflect_current': {
      const current = [...state.sessions].reverse().find((s) => s.status === 'in_progress');
      return current ? copy(current) : null;
    }
    case 'reflect_get':
      return copy(session(args.id));
    case 'reflect_answer_step': {
      const owner = state.sessions.find((s) => s.steps.some((st) => st.entryId === args.entryId));
      const step = owner?.steps.find((st) => st.entryId === args.entryId) ?? fail({ code: 'not_found', message: 'That step could not be found.' });
      const skipped = Boolean(args.skipped);
      step.answer = skipped ? '' : cleanAnswer(args.answer);
      step.skipped = skipped;
      return { ...step };
    }
    case 'reflect_finish': {
      const end = (args.end ?? {}) as SessionEnd;
      const moodAfter = cleanMood(end.moodAfter, 'moodAfter');
      const draft = end.intention ? cleanIntention(end.intention) : null;
      const view = session(args.id);
      if (view.status !== 'in_progress') fail({ code: 'conflict', message: 'This reflection has already ended.' });
      if (draft) view.intention = addIntention(draft, view.id);
      view.moodAfter = moodAfter;
      view.status = 'completed';
      view.completedAt = NOW;
      return copy(view);
    }
    case 'reflect_set_aside': {
      const view = session(args.id);
      if (view.status === 'in_progress') view.status = 'set_aside';
      return null;
    }
    case 'intentions_list':
      return state.intentions
        .filter((i) => !args.openOnly || i.status === 'open')
        .sort((a, b) => {
          if (!a.dueOn !== !b.dueOn) return a.dueOn ? -1 : 1;
          return `${a.dueOn ?? ''} ${a.dueTime ?? ''}`.localeCompare(`${b.dueOn ?? ''} ${b.dueTime ?? ''}`) || b.id - a.id;
        })
        .map((i) => ({ ...i }));
    case 'intentions_create':
      return { ...addIntention(cleanIntention((args.draft ?? {}) as IntentionDraft), null) };
    case 'intentions_set_status': {
      const found =
        state.intentions.find((i) => i.id === args.id) ?? fail({ code: 'not_found', message: 'That intention could not be found.' });
      found.status = args.status as Intention['status'];
      return { ...found };
    }
    case 'checkins_status':
      return state.checkIn ? copy(state.checkIn) : NOT_HANDLED;
    default:
      return NOT_HANDLED;
  }
}
