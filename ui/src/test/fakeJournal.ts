/** Journal, charts and check-in commands for the component-test backend.
 * Returns NOT_HANDLED for anything it does not know so the main fake can
 * report it. The state lives in this module: call `resetJournalFake()` in a
 * test's set-up, then seed what the test needs. */
import type {
  ApiError,
  Charts,
  CheckIn,
  CheckInScale,
  CheckInStatus,
  JournalEntry,
  JournalFilter,
  JournalPage,
  TextPart,
} from '../lib/api';
import { NOT_HANDLED } from './notHandled';

/** The most entries one listing returns, as in the store. */
export const JOURNAL_PAGE = 50;

export const EXPORT_PATH = '/home/me/Downloads/kindred-journal-2026-11-26.md';

const NOW = '2026-11-26T10:00:00.000Z';

export const checkInScale: CheckInScale = {
  items: [
    'How often do you feel that you lack companionship?',
    'How often do you feel left out?',
    'How often do you feel isolated from others?',
  ],
  answers: ['Hardly ever', 'Some of the time', 'Often'],
  source: 'Three-item loneliness scale: Hughes, Waite, Hawkley & Cacioppo (2004), Research on Aging 26(6).',
};

/** The same readings the core gives (see checkin.rs). */
export function readingFor(score: number): string {
  return score < 6
    ? "Feeling left out or alone hasn't been around much lately. That's worth noticing, and worth looking after."
    : 'Feeling alone seems to have been around more often lately. Many people go through stretches like this, ' +
        'and they can change. Reaching out to one person, even briefly, is a good place to start.';
}

/** Twelve Mondays ending with the week of 23 November 2026, all empty. */
export function emptyWeeks(): Charts['contactsPerWeek'] {
  const weeks: Charts['contactsPerWeek'] = [];
  for (let i = 11; i >= 0; i--) {
    const d = new Date(Date.UTC(2026, 10, 23 - 7 * i));
    weeks.push({ weekOf: d.toISOString().slice(0, 10), contacts: 0 });
  }
  return weeks;
}

interface FakeState {
  entries: JournalEntry[];
  nextEntryId: number;
  charts: Charts;
  checkIns: CheckIn[];
  nextCheckInId: number;
  putOff: boolean;
  /** Overrides the computed `showSupport` when set. */
  showSupport: boolean | null;
  /** Overrides the computed `due` when set. */
  due: boolean | null;
  /** Makes the next call of this command fail with this error. */
  failNext: Map<string, ApiError>;
}

function fresh(): FakeState {
  return {
    entries: [],
    nextEntryId: 1,
    charts: { moods: [], checkIns: [], contactsPerWeek: emptyWeeks() },
    checkIns: [],
    nextCheckInId: 1,
    putOff: false,
    showSupport: null,
    due: null,
    failNext: new Map(),
  };
}

let state = fresh();

/** Forgets every entry, check-in and chart point. */
export function resetJournalFake() {
  state = fresh();
}

/** Adds entries (newest or oldest, in any order); missing fields get
 * plain defaults. Returns the stored entries. */
export function seedJournal(entries: Partial<JournalEntry>[]): JournalEntry[] {
  const added = entries.map((e) => {
    const id = e.id ?? state.nextEntryId;
    state.nextEntryId = Math.max(state.nextEntryId, id) + 1;
    const entry: JournalEntry = {
      id,
      sessionId: null,
      sessionTitle: null,
      promptId: 'emotional-1',
      theme: 'emotional',
      promptText: 'Who did you feel close to this week?',
      answer: 'Someone.',
      tieId: null,
      tieName: null,
      createdAt: NOW,
      updatedAt: e.createdAt ?? NOW,
      ...e,
      answerParts: null,
    };
    state.entries.push(entry);
    return entry;
  });
  return added.map((e) => ({ ...e }));
}

export function seedCharts(charts: Partial<Charts>) {
  state.charts = { ...state.charts, ...charts };
}

/** Adds past check-ins, oldest first. */
export function seedCheckIns(list: { takenAt: string; items: [number, number, number] }[]) {
  for (const c of list) {
    const score = c.items[0] + c.items[1] + c.items[2];
    state.checkIns.unshift({ id: state.nextCheckInId++, takenAt: c.takenAt, items: c.items, score, reading: readingFor(score) });
  }
}

export function setCheckInStatus(status: { showSupport?: boolean; due?: boolean }) {
  if (status.showSupport !== undefined) state.showSupport = status.showSupport;
  if (status.due !== undefined) state.due = status.due;
}

/** Makes the next call of `cmd` fail with `error`. */
export function failNext(cmd: string, error: ApiError) {
  state.failNext.set(cmd, error);
}

/** What the fake holds now, for assertions. */
export function journalFakeState() {
  return state;
}

function fail(error: ApiError): never {
  throw error;
}

/** The answer cut around every case-insensitive occurrence of `query`,
 * the way the store marks FTS matches. */
function partsOf(answer: string, query: string): TextPart[] {
  const lower = answer.toLocaleLowerCase();
  const needle = query.toLocaleLowerCase();
  const parts: TextPart[] = [];
  let at = 0;
  for (;;) {
    const found = lower.indexOf(needle, at);
    if (found < 0) break;
    if (found > at) parts.push({ text: answer.slice(at, found), hit: false });
    parts.push({ text: answer.slice(found, found + needle.length), hit: true });
    at = found + needle.length;
  }
  if (at < answer.length) parts.push({ text: answer.slice(at), hit: false });
  return parts;
}

function list(filter: JournalFilter): JournalPage {
  const query = filter.query?.trim() || null;
  const matching = state.entries
    .filter((e) => {
      if (query) {
        const q = query.toLocaleLowerCase();
        if (!e.answer.toLocaleLowerCase().includes(q) && !e.promptText.toLocaleLowerCase().includes(q)) return false;
      }
      if (filter.theme && e.theme !== filter.theme) return false;
      if (filter.tieId !== null && filter.tieId !== undefined && e.tieId !== filter.tieId) return false;
      const day = e.createdAt.slice(0, 10);
      if (filter.from && day < filter.from) return false;
      if (filter.to && day > filter.to) return false;
      // Keyset paging, as the store does it: strictly before the cursor's entry.
      const before = filter.before;
      if (before && !(e.createdAt < before.createdAt || (e.createdAt === before.createdAt && e.id < before.id))) return false;
      return true;
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)
    .map((e) => ({ ...e, answerParts: query ? partsOf(e.answer, query) : null }));
  return { entries: matching.slice(0, JOURNAL_PAGE), more: matching.length > JOURNAL_PAGE };
}

function findEntry(id: unknown): JournalEntry {
  return state.entries.find((e) => e.id === id) ?? fail({ code: 'not_found', message: "That journal entry couldn't be found." });
}

function status(): CheckInStatus {
  const latest = state.checkIns[0] ?? null;
  const scores = state.checkIns.map((c) => c.score);
  const computedSupport = scores.length >= 2 && scores[0] >= 7 && scores[1] >= 7;
  return {
    due: state.due ?? (!state.putOff && latest === null),
    latest: latest ? { ...latest } : null,
    showSupport: state.showSupport ?? computedSupport,
  };
}

export function handle(cmd: string, args: Record<string, unknown>): unknown {
  const failure = state.failNext.get(cmd);
  if (failure) {
    state.failNext.delete(cmd);
    fail(failure);
  }
  switch (cmd) {
    case 'journal_list':
      return list((args.filter ?? {}) as JournalFilter);
    case 'journal_update': {
      const entry = findEntry(args.id);
      const answer = String(args.answer ?? '').trim();
      if (!answer)
        fail({ code: 'validation', message: "An entry can't be empty. To remove it, choose Delete.", field: 'answer' });
      entry.answer = answer;
      entry.updatedAt = NOW;
      return { ...entry, answerParts: null };
    }
    case 'journal_delete': {
      const entry = findEntry(args.id);
      state.entries = state.entries.filter((e) => e !== entry);
      return null;
    }
    case 'journal_export': {
      const ids = args.ids as number[] | null;
      const chosen = ids === null ? state.entries : state.entries.filter((e) => ids.includes(e.id));
      if (chosen.length === 0)
        fail({ code: 'validation', message: 'There are no journal entries to export yet.', field: 'ids' });
      return EXPORT_PATH;
    }
    case 'reflect_charts':
      return structuredClone(state.charts);
    case 'checkins_scale':
      return structuredClone(checkInScale);
    case 'checkins_status':
      return status();
    case 'checkins_list':
      return state.checkIns.map((c) => ({ ...c }));
    case 'checkins_record': {
      const items = ((args.answers as { items?: unknown[] } | undefined)?.items ?? []) as number[];
      if (items.length !== 3 || items.some((i) => !Number.isInteger(i) || i < 1 || i > 3))
        fail({ code: 'validation', message: 'Choose one answer for each of the three questions.', field: 'items' });
      const score = items[0] + items[1] + items[2];
      const checkIn: CheckIn = {
        id: state.nextCheckInId++,
        takenAt: NOW,
        items: [items[0], items[1], items[2]],
        score,
        reading: readingFor(score),
      };
      state.checkIns.unshift(checkIn);
      state.charts.checkIns.push({ on: NOW.slice(0, 10), score });
      return { ...checkIn };
    }
    case 'checkins_put_off':
      state.putOff = true;
      return null;
    default:
      return NOT_HANDLED;
  }
}
