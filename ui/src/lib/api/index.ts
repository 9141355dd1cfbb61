/**
 * The one place the UI talks to the Rust side. Each command is wrapped once,
 * with its argument names (camelCase on the wire) and its result type taken
 * from the generated DTOs. Everything else imports from here.
 */
import { invoke } from '@tauri-apps/api/core';

import { toKindredError } from './errors';
import type {
  AppInfo,
  Appearance,
  Backup,
  CadenceDefaults,
  Charts,
  CheckIn,
  CheckInScale,
  CheckInStatus,
  Circle,
  Contact,
  ContactDraft,
  ImportMode,
  ImportPreview,
  Insight,
  Intention,
  IntentionDraft,
  IntentionStatus,
  JournalEntry,
  JournalCursor,
  JournalFilter,
  JournalPage,
  LockStatus,
  MapAnswer,
  Mood,
  Notice,
  PauseFor,
  QualityDraft,
  QualityRating,
  Personalised,
  ReachOut,
  ReflectLibrary,
  Reminder,
  Restored,
  ReminderDraft,
  ReminderSettings,
  SessionEnd,
  SessionStep,
  SessionView,
  ShownPrompt,
  Theme,
  Tie,
  TieDraft,
  TieScope,
  UpcomingBirthday,
  VcardFile,
  VcardPick,
} from './types.gen';

export { KindredError, fieldError, wholeNumber } from './errors';
export type * from './types.gen';

/** Told when a command finds the data locked (so the window can ask for the passphrase). */
let lockedListener: (() => void) | null = null;

/** Who to tell when a command fails because the data is locked; one listener at a time. */
export function onLocked(listener: (() => void) | null) {
  lockedListener = listener;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    const error = toKindredError(reason);
    if (error.code === 'locked') lockedListener?.();
    throw error;
  }
}

/** A form for a new person with only a name; the rest can come later. */
export function personDraft(name: string): TieDraft {
  return {
    kind: 'person',
    groupKind: null,
    name,
    circle: null,
    sector: null,
    supportTypes: [],
    cadence: { mode: 'circle' },
    birthday: null,
    notes: '',
    nextTimeNote: '',
  };
}

/** The editable form of an existing tie. */
export function draftOf(tie: Tie): TieDraft {
  return {
    kind: tie.kind,
    groupKind: tie.groupKind,
    name: tie.name,
    circle: tie.circle,
    sector: tie.sector,
    supportTypes: [...tie.supportTypes],
    cadence: tie.cadence,
    birthday: tie.birthday,
    notes: tie.notes,
    nextTimeNote: tie.nextTimeNote,
  };
}

export const api = {
  appInfo: () => call<AppInfo>('app_info'),
  appReady: () => call<void>('app_ready'),

  /** Whether the data has a passphrase, and whether it still needs unlocking. */
  lockStatus: () => call<LockStatus>('lock_status'),
  unlock: (passphrase: string) => call<LockStatus>('lock_unlock', { passphrase }),
  /** Turns the passphrase on (`current` null) or changes it; re-encrypts the data and every backup. */
  setPassphrase: (current: string | null, passphrase: string) =>
    call<LockStatus>('lock_set_passphrase', { current, passphrase }),
  removePassphrase: (current: string) => call<LockStatus>('lock_remove_passphrase', { current }),
  /** Forgets the key until the passphrase is given again. */
  lockNow: () => call<LockStatus>('lock_now'),
  /** Keeps the passphrase in this computer's keychain, so Kindred opens by itself at start (the person's choice). */
  rememberPassphrase: (passphrase: string) => call<LockStatus>('lock_remember', { passphrase }),
  /** Takes the passphrase out of the keychain; Kindred asks for it again at start. */
  forgetPassphrase: () => call<LockStatus>('lock_forget'),

  /** The backups in the data folder, newest first; answers while locked, and while the data won't open. */
  recoveryBackups: () => call<Backup[]>('recovery_backups'),
  /** Puts that backup in place of the data file (which is set aside, not deleted), then opens again. */
  recoveryRestore: (name: string) => call<LockStatus>('recovery_restore', { name }),
  /** Sets the data file aside (not deleted) and starts with empty data. */
  recoveryStartFresh: () => call<LockStatus>('recovery_start_fresh'),
  /** Tries opening the data again (after disk space was freed or the folder's permissions fixed). */
  recoveryRetry: () => call<LockStatus>('recovery_retry'),

  listTies: (scope: TieScope = 'active') => call<Tie[]>('ties_list', { scope }),
  getTie: (id: number) => call<Tie>('ties_get', { id }),
  createTie: (draft: TieDraft) => call<Tie>('ties_create', { draft }),
  createPerson: (name: string) => call<Tie>('ties_create', { draft: personDraft(name) }),
  updateTie: (id: number, draft: TieDraft) => call<Tie>('ties_update', { id, draft }),
  renameTie: (id: number, name: string) => call<Tie>('ties_rename', { id, name }),
  moveTie: (id: number, circle: Circle | null) => call<Tie>('ties_move', { id, circle }),
  archiveTie: (id: number) => call<Tie>('ties_archive', { id }),
  restoreTie: (id: number) => call<Tie>('ties_restore', { id }),
  deleteTie: (id: number) => call<void>('ties_delete', { id }),
  buildMap: (answers: MapAnswer[]) => call<Tie[]>('ties_build_map', { answers }),

  listContacts: (tieId: number) => call<Contact[]>('contacts_list', { tieId }),
  createContact: (draft: ContactDraft) => call<Contact>('contacts_create', { draft }),
  updateContact: (id: number, draft: ContactDraft) => call<Contact>('contacts_update', { id, draft }),
  deleteContact: (id: number) => call<void>('contacts_delete', { id }),

  rateTie: (tieId: number, draft: QualityDraft) => call<QualityRating>('quality_rate', { tieId, draft }),
  qualityHistory: (tieId: number) => call<QualityRating[]>('quality_history', { tieId }),

  insights: () => call<Insight[]>('insights_list'),
  reachOut: () => call<ReachOut[]>('insights_reach_out'),
  birthdays: () => call<UpcomingBirthday[]>('insights_birthdays'),

  /** Saves a file into the Downloads folder; resolves to where it went. */
  saveExport: async (fileName: string, contents: Blob) =>
    call<string>('files_save_export', { fileName, contents: Array.from(new Uint8Array(await contents.arrayBuffer())) }),

  listReminders: () => call<Reminder[]>('reminders_list'),
  createReminder: (draft: ReminderDraft) => call<Reminder>('reminders_create', { draft }),
  deleteReminder: (id: number) => call<void>('reminders_delete', { id }),

  sendTestNotice: () => call<Notice>('notices_send_test'),
  listNotices: () => call<Notice[]>('notices_list'),
  markNoticesRead: () => call<number>('notices_mark_read'),
  /** Brings the notice back once, as a reminder, in an hour, tomorrow or next week. */
  snoozeNotice: (id: number, until: PauseFor) => call<Notice>('notices_snooze', { id, until }),
  noticeDone: (id: number) => call<Notice>('notices_done', { id }),

  reflectLibrary: () => call<ReflectLibrary>('reflect_library'),
  reflectToday: () => call<Personalised>('reflect_today'),
  promptsFor: (theme: Theme) => call<ShownPrompt[]>('reflect_prompts', { theme }),
  answerPrompt: (promptId: string, tieId: number | null, answer: string) =>
    call<JournalEntry>('reflect_answer_prompt', { promptId, tieId, answer }),
  startSession: (guideId: string, moodBefore: Mood) => call<SessionView>('reflect_start', { guideId, moodBefore }),
  currentSession: () => call<SessionView | null>('reflect_current'),
  getSession: (id: number) => call<SessionView>('reflect_get', { id }),
  answerStep: (entryId: number, answer: string, skipped: boolean) =>
    call<SessionStep>('reflect_answer_step', { entryId, answer, skipped }),
  finishSession: (id: number, end: SessionEnd) => call<SessionView>('reflect_finish', { id, end }),
  setAsideSession: (id: number) => call<void>('reflect_set_aside', { id }),
  charts: () => call<Charts>('reflect_charts'),

  journal: (filter: JournalFilter) => call<JournalPage>('journal_list', { filter }),
  updateEntry: (id: number, answer: string) => call<JournalEntry>('journal_update', { id, answer }),
  deleteEntry: (id: number) => call<void>('journal_delete', { id }),
  /** Saves entries (all when `ids` is null) as Markdown in Downloads; resolves to where it went. */
  exportJournal: (ids: number[] | null) => call<string>('journal_export', { ids }),

  intentions: (openOnly: boolean) => call<Intention[]>('intentions_list', { openOnly }),
  createIntention: (draft: IntentionDraft) => call<Intention>('intentions_create', { draft }),
  setIntentionStatus: (id: number, status: IntentionStatus) =>
    call<Intention>('intentions_set_status', { id, status }),

  checkInScale: () => call<CheckInScale>('checkins_scale'),
  checkInStatus: () => call<CheckInStatus>('checkins_status'),
  checkIns: () => call<CheckIn[]>('checkins_list'),
  recordCheckIn: (items: [number, number, number]) => call<CheckIn>('checkins_record', { answers: { items } }),
  putOffCheckIn: () => call<void>('checkins_put_off'),

  cadenceDefaults: () => call<CadenceDefaults>('settings_cadence_defaults'),
  setCadenceDefaults: (value: CadenceDefaults) => call<CadenceDefaults>('settings_set_cadence_defaults', { value }),
  reminderSettings: () => call<ReminderSettings>('settings_reminders'),
  setReminderSettings: (value: ReminderSettings) => call<ReminderSettings>('settings_set_reminders', { value }),
  /** Pauses every reminder for a while; `null` turns them back on. */
  pauseReminders: (pause: PauseFor | null) => call<ReminderSettings>('settings_pause_reminders', { pause }),
  /** Light, dark, or following the computer ('system', until chosen). */
  appearance: () => call<Appearance>('settings_appearance'),
  setAppearance: (appearance: Appearance) => call<Appearance>('settings_set_appearance', { appearance }),

  /** Saves everything as one JSON file in Downloads; resolves to where it went. */
  exportCalendar: () => call<string>('data_export_calendar'),
  exportResearch: () => call<string[]>('data_export_research'),
  exportData: () => call<string>('data_export'),
  /** What importing the file would change; writes nothing. */
  importPreview: (contents: string, mode: ImportMode) =>
    call<ImportPreview>('data_import_preview', { contents, mode }),
  /** Imports the file, all or nothing; resolves to what it changed. */
  importData: (contents: string, mode: ImportMode) => call<ImportPreview>('data_import', { contents, mode }),
  /**
   * The people in an address book's file, vCard or CSV (names and birthdays only), duplicates flagged, and the cards that
   * can't come in; writes nothing. The file goes as base64 of its bytes ({@link fileAsBase64}): the core reads its
   * charset, which the browser would only guess.
   */
  vcardPreview: (fileBase64: string) => call<VcardFile>('data_vcard_preview', { fileBase64 }),
  /** Adds the picked people from the vCard file, each on the circle chosen, all or none; resolves to them. */
  vcardImport: (fileBase64: string, picks: VcardPick[]) => call<Tie[]>('data_vcard_import', { fileBase64, picks }),
  /** Backups, newest first. */
  backups: () => call<Backup[]>('data_backups'),
  backUpNow: () => call<Backup>('data_back_up_now'),
  /** Restores a backup. Resolves to the safety copy taken of what was here first (none when the backup had
   * to be put in place as a file of its own: locked with another passphrase, or plain while the data has one)
   * and the status after (locked, when the backup needs its passphrase). */
  restoreBackup: (name: string) => call<Restored>('data_restore', { name }),
  /** Deletes every file of Kindred's (the typed phrase is checked); the app then closes itself. Works while locked,
   * and while the data won't open. */
  deleteEverything: (confirmation: string) => call<void>('data_delete_everything', { confirmation }),
};

/** A file's bytes as base64, read in slices so a large address book never builds one huge argument list. */
export async function fileAsBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const SLICE = 0x8000;
  let binary = '';
  for (let at = 0; at < bytes.length; at += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(at, at + SLICE));
  }
  return btoa(binary);
}
