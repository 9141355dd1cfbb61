/** An in-memory stand-in for the Rust commands, for component tests only.
 * It answers with the same shapes (DTOs and {code, message, field} errors);
 * the real rules are tested in Rust, and end to end on the real app. */
import { mockIPC } from '@tauri-apps/api/mocks';

import { handle as journalFake } from './fakeJournal';
import { NOT_HANDLED } from './notHandled';
import { handle as reflectFake } from './fakeReflect';
import {
  personDraft,
  type ApiError,
  type Appearance,
  type Backup,
  type Contact,
  type Counts,
  type DataProblem,
  type LockStatus,
  type ImportMode,
  type ImportPreview,
  type ContactDraft,
  type Notice,
  type PauseFor,
  type Recurrence,
  type Reminder,
  type ReminderDraft,
  type ReminderSettings,
  type Tie,
  type UnreadableCard,
  type VcardPerson,
  type VcardPick,
} from '../lib/api';

/** The backend's defaults for reminder settings. */
export function defaultReminderSettings(): ReminderSettings {
  return {
    desktop: true,
    preferredTime: '09:00:00',
    quietHours: { start: '22:00:00', end: '08:00:00' },
    reachOuts: true,
    birthdays: true,
    birthdayDaysBefore: 1,
    intentions: true,
    reflection: null,
    pausedUntil: null,
    startAtLogin: false,
    keepInTray: true,
  };
}

/** No records of any kind. */
function noCounts(): Counts {
  return {
    ties: 0,
    contacts: 0,
    qualityRatings: 0,
    sessions: 0,
    journalEntries: 0,
    intentions: 0,
    reminders: 0,
    checkIns: 0,
  };
}

/** How many of each kind of record an export file holds. */
function fileCounts(file: Record<string, unknown>): Counts {
  const n = (key: string) => (Array.isArray(file[key]) ? (file[key] as unknown[]).length : 0);
  return {
    ties: n('ties'),
    contacts: n('contacts'),
    qualityRatings: n('qualityRatings'),
    sessions: n('reflectionSessions'),
    journalEntries: n('journalEntries'),
    intentions: n('intentions'),
    reminders: n('reminders'),
    checkIns: n('checkIns'),
  };
}

/** As the backend's `EVERY_N_DAYS_MAX` (a year is the longest rhythm). */
const EVERY_N_DAYS_MAX = 365;
const REMINDER_TITLE_MAX_CHARS = 120;

/** The backend's checks on a custom reminder, with its words. */
function reminderProblem({ title, rule }: ReminderDraft): ApiError | null {
  const words = String(title ?? '').trim();
  if (!words)
    return { code: 'validation', field: 'title', message: "Please give the reminder a few words, so you know what it's for." };
  if (Array.from(words).length > REMINDER_TITLE_MAX_CHARS)
    return {
      code: 'validation',
      field: 'title',
      message: `Titles can be up to ${REMINDER_TITLE_MAX_CHARS} characters; the note below has room for more.`,
    };
  return ruleProblem(rule);
}

function ruleProblem(rule: Recurrence): ApiError | null {
  switch (rule.kind) {
    case 'every_n_days':
      return rule.n >= 1 && rule.n <= EVERY_N_DAYS_MAX
        ? null
        : {
            code: 'validation',
            field: 'n',
            message: `Choose how many days apart, from every day (1) to once a year (${EVERY_N_DAYS_MAX}).`,
          };
    case 'weekly':
      return rule.days.length > 0
        ? null
        : { code: 'validation', field: 'days', message: 'Choose at least one day of the week.' };
    case 'monthly':
      return rule.day >= 1 && rule.day <= 31
        ? null
        : { code: 'validation', field: 'day', message: 'Choose a day of the month from 1 to 31.' };
    case 'once':
    case 'daily':
      return null;
    default:
      throw new Error(`fake backend: no such reminder rule ${JSON.stringify(rule)}`);
  }
}

/** Whether a "HH:MM:SS" time falls inside quiet hours (start == end: none). */
function inQuietHours({ start, end }: ReminderSettings['quietHours'], time: string) {
  if (start < end) return start <= time && time < end;
  if (start > end) return time >= start || time < end;
  return false;
}

/** A birthday as address books write it: `--MMDD`, `--MM-DD`, `YYYYMMDD` or `YYYY-MM-DD`. */
function vcardBirthday(raw: string | undefined): Tie['birthday'] {
  const m = /^(?:--|(\d{4})-?)(\d{2})-?(\d{2})/.exec(raw ?? '');
  if (!m) return null;
  const [month, day] = [Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { day, month, year: m[1] ? Number(m[1]) : null };
}

/** A stand-in for the core's CSV reader: commas, no quoted commas; names from Name, or First and Last Name. */
function readContactsCsv(text: string): { people: VcardPerson[]; unreadable: UnreadableCard[] } | null {
  const [header, ...rows] = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const columns = (header ?? '').split(',').map((h) => h.replace(/"/g, '').trim().toLowerCase());
  const at = (name: string) => columns.indexOf(name);
  if (at('name') < 0 && at('first name') < 0 && at('last name') < 0) return null;
  const people: VcardPerson[] = [];
  const unreadable: UnreadableCard[] = [];
  rows.forEach((row, index) => {
    const cells = row.split(',').map((c) => c.replace(/"/g, '').trim());
    const cell = (name: string) => (at(name) < 0 ? '' : (cells[at(name)] ?? ''));
    const name = cell('name') || [cell('first name'), cell('last name')].filter(Boolean).join(' ');
    if (!name) unreadable.push({ index, reason: 'It has no name (no full, first or last name, nickname or company).' });
    else people.push({ index, name, birthday: vcardBirthday(cell('birthday')), possibleDuplicate: false });
  });
  return { people, unreadable };
}

/** A stand-in for the core's reader: UTF-8 files, FN names (a card without one can't come in), or a simple CSV. */
function readVcards(fileBase64: unknown): { people: VcardPerson[]; unreadable: UnreadableCard[] } {
  let text: string;
  try {
    text = new TextDecoder().decode(Uint8Array.from(atob(String(fileBase64 ?? '')), (c) => c.charCodeAt(0)));
  } catch {
    throw { code: 'validation', field: 'file', message: "Kindred couldn't read that file. Please choose it again." } satisfies ApiError;
  }
  if (!/BEGIN:VCARD/i.test(text)) {
    const csv = readContactsCsv(text);
    if (csv) return csv;
    throw {
      code: 'validation',
      field: 'file',
      message:
        "This doesn't look like a contacts file: it has no vCard in it and no name column. Kindred reads the .vcf and .csv files address books export.",
    } satisfies ApiError;
  }
  const people: VcardPerson[] = [];
  const unreadable: UnreadableCard[] = [];
  text
    .split(/BEGIN:VCARD/i)
    .slice(1)
    .forEach((card, index) => {
      const value = (key: string) =>
        card
          .split(/\r?\n/)
          .find((line) => new RegExp(`^${key}[;:]`, 'i').test(line))
          ?.replace(/^[^:]*:/, '')
          .trim();
      const name = value('FN');
      if (!name) {
        unreadable.push({ index, reason: 'It has no name (no full name, name parts, nickname or organisation).' });
        return;
      }
      people.push({ index, name, birthday: vcardBirthday(value('BDAY')), possibleDuplicate: false });
    });
  return { people, unreadable };
}

/** The backend's rules for a new passphrase, with its words. */
function passphraseProblem(raw: unknown): ApiError | null {
  const passphrase = String(raw ?? '');
  const length = Array.from(passphrase).length;
  if (length < 8)
    return {
      code: 'validation',
      field: 'passphrase',
      message: 'Please use at least 8 characters. A few words you will remember work well.',
    };
  if (length > 1024)
    return { code: 'validation', field: 'passphrase', message: 'Please keep the passphrase to 1,024 characters or fewer.' };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(passphrase))
    return {
      code: 'validation',
      field: 'passphrase',
      message: 'The passphrase has a character that can’t be typed back reliably. Please use letters, numbers, spaces or punctuation.',
    };
  return null;
}

/** What a command says while the data is locked. */
export const LOCKED_ERROR: ApiError = {
  code: 'locked',
  message: 'Kindred is locked. Type your passphrase to open it.',
};

/** What the backend says when the system keychain doesn't answer. */
export const KEYCHAIN_SILENT =
  "This computer's keychain didn't answer, so Kindred can't keep the passphrase there. Your data is still protected; Kindred will ask for the passphrase when it starts.";

/** What a command that needs the data says while it won't open. */
export const NOT_OPEN_ERROR: ApiError = {
  code: 'conflict',
  message: "Kindred's data isn't open, so that can't be done just now.",
};

/** What bringing back a backup says when the file isn't one, or is damaged. */
export const REFUSED_BACKUP = "That file isn't a Kindred backup, or it is damaged. Nothing was changed.";

/** A damaged data file, as the backend reports it at start. */
export function damagedProblem(): DataProblem {
  return {
    kind: 'damaged',
    folder: '/home/you/.local/share/kindred',
    details: 'Opening kindred.sqlite3: file is not a database (code 26)',
  };
}

/** The commands that still answer while the data is locked, or won't open. */
const WORKS_WHILE_LOCKED = new Set([
  'recovery_backups',
  'recovery_restore',
  'recovery_start_fresh',
  'recovery_retry',
  'app_ready',
  'lock_status',
  'lock_unlock',
  'lock_set_passphrase',
  'lock_remove_passphrase',
  'lock_now',
  'lock_forget',
  'data_delete_everything',
]);

export function installFakeBackend(initial: string[] = [], reminderSettings: Partial<ReminderSettings> = {}) {
  let nextId = 1;
  const ties: Tie[] = [];
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  const contacts: Contact[] = [];
  const noticeList: Notice[] = [];
  /** Custom reminders; a test may put some here before rendering. */
  const reminders: Reminder[] = [];
  let nextReminderId = 1;
  let nextContactId = 1;
  const now = '2026-11-25T10:00:00.000Z';
  const settings: ReminderSettings = { ...defaultReminderSettings(), ...reminderSettings };
  /** Backups, newest first; a test may put some here before rendering. */
  const backups: Backup[] = [];
  let backupNo = 0;
  /** The passphrase state; a test may set it before rendering (encrypted, locked, with this passphrase,
   * remembered in the keychain). `keychainWorks: false` makes the keychain silent, as on a computer without one. */
  const lock = { encrypted: false, locked: false, passphrase: '', remembered: false, keychainWorks: true };
  /** Why the data won't open; a test may set it before rendering, and set `opensOnRetry` when trying again
   * should work (the disk was cleared). Bringing back a backup named in `refused` is refused as not a Kindred
   * backup; one named in `wontOpen` comes back but doesn't open either. `listFails` makes the list of backups
   * fail. What a way back sets aside joins the backups (kind `set_aside`); one set aside while damaged is
   * refused if brought back, as the real damaged file would be. */
  const recovery = {
    problem: null as DataProblem | null,
    listFails: false,
    opensOnRetry: false,
    refused: [] as string[],
    wontOpen: [] as string[],
  };
  const lockStatus = (): LockStatus => ({
    encrypted: lock.encrypted,
    locked: lock.locked,
    remembered: lock.remembered,
    problem: recovery.problem,
  });
  /** The ways back are for data that isn't open. */
  const notOpen = () => {
    if (!lock.locked && !recovery.problem)
      fail({ code: 'conflict', message: "Kindred's data is open, so there's nothing to bring back." });
  };
  /** Moves the data Kindred has now in among the backups, named for when, as the backend does. */
  const setAside = () => {
    const stamp = `${now.slice(0, 19).replace(/:/g, '-')}Z`;
    let name = `kindred-set-aside-${stamp}.sqlite3`;
    for (let n = 2; backups.some((b) => b.name === name); n++) name = `kindred-set-aside-${stamp}-${n}.sqlite3`;
    backups.unshift({ name, kind: 'set_aside', takenAt: now, bytes: 233_472, encrypted: lock.encrypted });
    if (recovery.problem?.kind === 'damaged') recovery.refused.push(name);
  };
  /** Light, dark or following the computer, as kept; a test may set it, or set `saveError` so
   * the next save fails with it. */
  const look: { appearance: Appearance; saveError: ApiError | null } = { appearance: 'system', saveError: null };
  const checkCurrent = (current: unknown) => {
    if (current !== lock.passphrase)
      fail({
        code: 'validation',
        field: 'current',
        message: "That isn't the passphrase Kindred has now. Nothing has changed; try again.",
      });
  };

  const fail = (error: ApiError) => {
    throw error;
  };
  const validName = (raw: unknown) => {
    const name = String(raw ?? '').trim();
    if (!name) fail({ code: 'validation', message: 'Please give a name, even a nickname is fine.', field: 'name' });
    if (Array.from(name).length > 100)
      fail({ code: 'validation', message: 'That name is too long.', field: 'name' });
    return name;
  };
  const find = (id: unknown) =>
    ties.find((t) => t.id === id) ?? fail({ code: 'not_found', message: 'That person could not be found.' });
  const create = (name: string) => {
    const tie: Tie = {
      ...personDraft(validName(name)),
      id: nextId++,
      feel: null,
      lastContactOn: null,
      createdAt: now,
      updatedAt: now,
      archivedAt: null,
    };
    ties.push(tie);
    return tie;
  };
  initial.forEach(create);

  const backUp = (kind: Backup['kind']): Backup => {
    backupNo += 1;
    const backup: Backup = {
      name: `kindred-${kind}-${backupNo}.sqlite3`,
      kind,
      takenAt: now,
      bytes: 245_760,
      encrypted: lock.encrypted,
    };
    backups.unshift(backup);
    return { ...backup };
  };
  /** Reads an export file as the backend does, refusing what isn't one in plain words. */
  const readExport = (contents: unknown): Record<string, unknown> => {
    let file: unknown;
    try {
      file = JSON.parse(String(contents ?? ''));
    } catch {
      return fail({
        code: 'validation',
        message: "This isn't a Kindred export: it isn't complete, readable JSON.",
        field: 'file',
      });
    }
    if (typeof file !== 'object' || file === null || (file as { format?: unknown }).format !== 'kindred-export')
      fail({
        code: 'validation',
        message: `This JSON file isn't a Kindred export (it has no "format": "kindred-export").`,
        field: 'file',
      });
    return file as Record<string, unknown>;
  };
  /** What importing would do (people matched by name and birthday when merging); applies it when `apply`. */
  const importFile = (contents: unknown, mode: ImportMode, apply: boolean): ImportPreview => {
    const file = readExport(contents);
    const incoming = (Array.isArray(file.ties) ? file.ties : []) as { name?: string; birthday?: unknown }[];
    const added = fileCounts(file);
    const alreadyHere = noCounts();
    const removed = noCounts();
    const matchedNames: string[] = [];
    const fresh: string[] = [];
    if (mode === 'replace') {
      removed.ties = ties.length;
      removed.contacts = contacts.length;
      fresh.push(...incoming.map((t) => String(t.name ?? '')));
    } else {
      for (const t of incoming) {
        const name = String(t.name ?? '');
        const same = ties.find(
          (here) =>
            here.name.trim().toLowerCase() === name.trim().toLowerCase() &&
            JSON.stringify(here.birthday ?? null) === JSON.stringify(t.birthday ?? null),
        );
        if (same) {
          matchedNames.push(same.name);
          alreadyHere.ties += 1;
          added.ties -= 1;
        } else {
          fresh.push(name);
        }
      }
    }
    if (apply) {
      if (mode === 'replace') {
        ties.length = 0;
        contacts.length = 0;
      }
      fresh.forEach(create);
    }
    return { mode, removed, added, alreadyHere, matchedNames };
  };

  mockIPC((cmd, raw) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    if (!WORKS_WHILE_LOCKED.has(cmd)) {
      if (recovery.problem) fail(NOT_OPEN_ERROR);
      if (lock.locked) fail(LOCKED_ERROR);
    }
    switch (cmd) {
      case 'app_ready':
        return null;
      case 'lock_status':
        return lockStatus();
      case 'lock_unlock':
        if (lock.locked && args.passphrase !== lock.passphrase)
          fail({
            code: 'validation',
            field: 'passphrase',
            message: "That passphrase doesn't open your data. Nothing has changed; try again.",
          });
        lock.locked = false;
        return lockStatus();
      case 'lock_set_passphrase': {
        if (lock.locked) fail(LOCKED_ERROR);
        if (lock.encrypted) checkCurrent(args.current);
        const problem = passphraseProblem(args.passphrase);
        if (problem) fail(problem);
        lock.passphrase = String(args.passphrase);
        lock.encrypted = true;
        backups.forEach((b) => (b.encrypted = true));
        return lockStatus();
      }
      case 'lock_remove_passphrase':
        if (lock.locked) fail(LOCKED_ERROR);
        if (lock.encrypted) checkCurrent(args.current);
        lock.encrypted = false;
        lock.passphrase = '';
        lock.remembered = false;
        backups.forEach((b) => (b.encrypted = false));
        return lockStatus();
      case 'lock_now':
        if (lock.encrypted) lock.locked = true;
        return lockStatus();
      case 'lock_remember':
        if (lock.locked) fail(LOCKED_ERROR);
        if (!lock.encrypted) fail({ code: 'conflict', message: "There's no passphrase to remember yet. Set one first." });
        if (args.passphrase !== lock.passphrase)
          fail({ code: 'validation', field: 'current', message: "That isn't your passphrase. Nothing has changed." });
        if (!lock.keychainWorks) fail({ code: 'conflict', message: KEYCHAIN_SILENT });
        lock.remembered = true;
        return lockStatus();
      case 'lock_forget':
        lock.remembered = false;
        return lockStatus();
      case 'recovery_backups':
        if (recovery.listFails) fail({ code: 'internal', message: "Kindred couldn't finish that just now." });
        return backups.map((b) => ({ ...b }));
      case 'recovery_restore': {
        notOpen();
        const backup =
          backups.find((b) => b.name === args.name) ??
          fail({ code: 'not_found', message: 'That backup could not be found. It may have been deleted.' });
        if (recovery.refused.includes(backup.name)) fail({ code: 'validation', field: 'name', message: REFUSED_BACKUP });
        setAside();
        if (recovery.wontOpen.includes(backup.name)) {
          recovery.problem = damagedProblem();
          return lockStatus();
        }
        // The backup's people are the ones the fake started with; an encrypted backup waits for its passphrase.
        recovery.problem = null;
        Object.assign(lock, { encrypted: backup.encrypted, locked: backup.encrypted, remembered: false });
        return lockStatus();
      }
      case 'recovery_start_fresh':
        notOpen();
        setAside();
        ties.length = 0;
        contacts.length = 0;
        recovery.problem = null;
        Object.assign(lock, { encrypted: false, locked: false, passphrase: '', remembered: false });
        return lockStatus();
      case 'recovery_retry':
        if (recovery.opensOnRetry) recovery.problem = null;
        return lockStatus();
      case 'app_info':
        return { version: '0.1.0', dataDir: '/tmp/kindred', schemaVersion: 1 };
      case 'ties_list': {
        const scope = args.scope ?? 'active';
        return ties.filter((t) =>
          scope === 'all' ? true : scope === 'archived' ? t.archivedAt !== null : t.archivedAt === null,
        );
      }
      case 'ties_create':
        return create(String((args.draft as { name?: string })?.name ?? ''));
      case 'ties_rename': {
        const tie = find(args.id) as Tie;
        tie.name = validName(args.name);
        return { ...tie };
      }
      case 'ties_archive': {
        const tie = find(args.id) as Tie;
        tie.archivedAt ??= now;
        return { ...tie };
      }
      case 'ties_restore': {
        const tie = find(args.id) as Tie;
        tie.archivedAt = null;
        return { ...tie };
      }
      case 'ties_build_map': {
        const named: Tie[] = [];
        for (const answer of args.answers as { supportType: Tie['supportTypes'][number]; names: string }[]) {
          for (const raw of answer.names.split(/[,;\n]/)) {
            const name = raw.trim();
            if (!name) continue;
            const tie = ties.find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? create(name);
            if (!tie.supportTypes.includes(answer.supportType)) tie.supportTypes.push(answer.supportType);
            if (!named.includes(tie)) named.push(tie);
          }
        }
        return named.map((t) => ({ ...t }));
      }
      case 'ties_move': {
        const tie = find(args.id) as Tie;
        tie.circle = (args.circle as Tie['circle']) ?? null;
        return { ...tie };
      }
      case 'notices_send_test': {
        const notice: Notice = {
          id: noticeList.length + 1,
          createdAt: now,
          kind: 'test',
          title: 'Kindred can reach you',
          body: '',
          deliveredDesktop: false,
          deliveryError: 'org.freedesktop.DBus.Error.ServiceUnknown',
          readAt: null,
          actedAt: null,
          tieIds: [],
        };
        noticeList.unshift(notice);
        return notice;
      }
      case 'reminders_list':
        return structuredClone(reminders);
      case 'reminders_create': {
        const draft = args.draft as ReminderDraft;
        const problem = reminderProblem(draft);
        if (problem) fail(problem);
        nextReminderId = Math.max(nextReminderId, ...reminders.map((r) => r.id + 1));
        const reminder: Reminder = {
          id: nextReminderId++,
          title: draft.title.trim(),
          note: draft.note ?? '',
          rule: structuredClone(draft.rule),
          enabled: true,
          createdAt: now,
          lastFiredDue: null,
        };
        reminders.push(reminder);
        return structuredClone(reminder);
      }
      case 'reminders_delete': {
        const i = reminders.findIndex((r) => r.id === args.id);
        if (i < 0) fail({ code: 'not_found', message: 'That reminder could not be found. It may have been deleted.' });
        reminders.splice(i, 1);
        return null;
      }
      case 'notices_list':
        return noticeList.map((n) => ({ ...n }));
      case 'notices_mark_read': {
        const unread = noticeList.filter((n) => n.readAt === null);
        unread.forEach((n) => (n.readAt = now));
        return unread.length;
      }
      case 'notices_snooze':
      case 'notices_done': {
        const notice =
          noticeList.find((n) => n.id === args.id) ??
          fail({ code: 'not_found', message: 'That notification could not be found. It may have been deleted.' });
        if (cmd === 'notices_snooze' && !['hour', 'tomorrow', 'week'].includes(args.until as PauseFor))
          fail({ code: 'validation', message: 'Choose in an hour, tomorrow or next week.', field: 'until' });
        // The first action stands, as in the real store.
        notice.actedAt ??= now;
        notice.readAt ??= now;
        return { ...notice };
      }
      case 'data_export':
        return '/home/you/Downloads/kindred-export-2026-11-25.json';
      case 'data_export_calendar':
        return '/home/you/Downloads/kindred-calendar-2026-11-25.ics';
      case 'data_export_research':
        return ['/home/you/Downloads/kindred-network-2026-11-25.graphml'];
      case 'data_import_preview':
        return importFile(args.contents, args.mode as ImportMode, false);
      case 'data_import':
        return importFile(args.contents, args.mode as ImportMode, true);
      case 'data_vcard_preview': {
        const seen = new Set(ties.map((t) => t.name.trim().toLowerCase()));
        const { people, unreadable } = readVcards(args.fileBase64);
        return {
          people: people.map((person) => {
            const key = person.name.toLowerCase();
            const possibleDuplicate = seen.has(key);
            seen.add(key);
            return { ...person, possibleDuplicate };
          }),
          unreadable,
        };
      }
      case 'data_vcard_import': {
        const inFile = readVcards(args.fileBase64).people;
        const picks = (args.picks ?? []) as VcardPick[];
        const chosen = picks.map(
          (pick) =>
            [
              inFile.find((p) => p.index === pick.index) ??
                fail({
                  code: 'validation',
                  field: 'picks',
                  message: "That contact isn't in the file any more. Please choose the file again.",
                }),
              pick.circle ?? null,
            ] as const,
        );
        if (chosen.length === 0)
          fail({ code: 'validation', field: 'picks', message: 'Tick at least one person to bring in.' });
        return chosen.map(([person, circle]) => {
          const tie = create(person.name);
          tie.birthday = person.birthday;
          tie.circle = circle;
          return { ...tie };
        });
      }
      case 'data_backups':
        return backups.map((b) => ({ ...b }));
      case 'data_back_up_now':
        return backUp('manual');
      case 'data_restore': {
        if (!backups.some((b) => b.name === args.name))
          fail({ code: 'not_found', message: 'That backup could not be found. It may have been deleted.' });
        if (recovery.refused.includes(String(args.name)))
          fail({ code: 'validation', field: 'name', message: REFUSED_BACKUP });
        const backup = backups.find((b) => b.name === args.name)!;
        // Locked with a passphrase the data doesn't have, or plain while it has one: put in place as a
        // file, with what was open set aside, and opened as at start.
        if (backup.encrypted !== lock.encrypted) {
          setAside();
          Object.assign(lock, { encrypted: backup.encrypted, locked: backup.encrypted, remembered: false });
          return { safety: null, status: lockStatus() };
        }
        return { safety: backUp('before_restore'), status: lockStatus() };
      }
      case 'data_delete_everything': {
        if (String(args.confirmation ?? '').trim().toLowerCase() !== 'delete everything')
          fail({
            code: 'validation',
            message: 'To delete everything, type “delete everything” exactly.',
            field: 'confirmation',
          });
        ties.length = 0;
        contacts.length = 0;
        backups.length = 0;
        recovery.problem = null;
        recovery.refused.length = 0;
        Object.assign(lock, { encrypted: false, locked: false, passphrase: '', remembered: false });
        return null;
      }
      case 'files_save_export':
        return `/home/you/Downloads/${args.fileName}`;
      case 'settings_cadence_defaults':
        return { inner: 7, middle: 21, outer: 60 };
      case 'settings_reminders':
        return structuredClone(settings);
      case 'settings_set_reminders': {
        const value = structuredClone(args.value as ReminderSettings);
        if (value.birthdayDaysBefore > 14)
          fail({
            code: 'validation',
            message: 'Choose from 0 (on the day only) to 14 days before.',
            field: 'birthdayDaysBefore',
          });
        if (value.reflection && value.reflection.days.length === 0)
          fail({ code: 'validation', message: 'Choose at least one day for reflecting.', field: 'reflectionDays' });
        if (inQuietHours(value.quietHours, value.preferredTime))
          fail({
            code: 'validation',
            message: 'That time falls in your quiet hours, so reminders would always wait. Choose a time outside them.',
            field: 'preferredTime',
          });
        if (value.reflection) {
          const old = settings.reflection;
          const same = old && old.at === value.reflection.at && old.days.join() === value.reflection.days.join();
          value.reflection.since = same ? old.since : new Date().toISOString();
        }
        Object.assign(settings, value, { pausedUntil: settings.pausedUntil });
        return structuredClone(settings);
      }
      case 'settings_appearance':
        return look.appearance;
      case 'settings_set_appearance': {
        if (look.saveError) {
          const error = look.saveError;
          look.saveError = null;
          fail(error);
        }
        // As Tauri answers an argument that isn't one of the three: a plain string, not an ApiError.
        if (!['system', 'light', 'dark'].includes(args.appearance as string))
          throw 'invalid args `appearance` for command `settings_set_appearance`';
        look.appearance = args.appearance as Appearance;
        return look.appearance;
      }
      case 'settings_pause_reminders': {
        const pause = args.pause as PauseFor | null;
        const until = new Date();
        if (pause === 'hour') until.setHours(until.getHours() + 1);
        if (pause === 'week') until.setDate(until.getDate() + 7);
        if (pause === 'tomorrow') {
          const [h, m] = settings.preferredTime.split(':').map(Number);
          until.setDate(until.getDate() + 1);
          until.setHours(h, m, 0, 0);
        }
        settings.pausedUntil = pause ? until.toISOString() : null;
        return structuredClone(settings);
      }
      case 'ties_get':
        return { ...(find(args.id) as Tie) };
      case 'contacts_create': {
        const draft = args.draft as ContactDraft;
        if (draft.tieIds.length === 0)
          fail({ code: 'validation', message: 'Choose who the contact was with.', field: 'tieIds' });
        const contact: Contact = { ...draft, id: nextContactId++, createdAt: now, updatedAt: now };
        contacts.push(contact);
        for (const id of draft.tieIds) {
          const tie = find(id) as Tie;
          if (!tie.lastContactOn || tie.lastContactOn < draft.occurredOn) tie.lastContactOn = draft.occurredOn;
        }
        return contact;
      }
      case 'contacts_update': {
        const i = contacts.findIndex((c) => c.id === args.id);
        if (i < 0) fail({ code: 'not_found', message: 'That contact could not be found.' });
        contacts[i] = { ...contacts[i], ...(args.draft as ContactDraft) };
        return contacts[i];
      }
      case 'contacts_list':
        return contacts.filter((c) => c.tieIds.includes(args.tieId as number)).reverse();
      case 'quality_history':
        return [];
      case 'insights_list':
      case 'insights_birthdays':
        return [];
      case 'insights_reach_out':
        return ties
          .filter((t) => t.archivedAt === null && t.lastContactOn === null)
          .map((t) => ({ tieId: t.id, lastContactOn: null, daysSince: 30, cadenceDays: 21, ratio: 1.4 }));
      default: {
        // Reflection and journal commands live in their own fakes.
        for (const extra of [reflectFake, journalFake]) {
          const answer = extra(cmd, args);
          if (answer !== NOT_HANDLED) return answer;
        }
        throw new Error(`fake backend: no command ${cmd}`);
      }
    }
  });
  /** The calls to one command, in order. */
  const callsTo = (cmd: string) => calls.filter((c) => c.cmd === cmd);
  return {
    ties,
    calls,
    callsTo,
    contacts,
    notices: noticeList,
    reminderSettings: settings,
    backups,
    reminders,
    lock,
    look,
    recovery,
  };
}
