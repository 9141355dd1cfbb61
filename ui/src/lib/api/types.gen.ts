// Generated from the Rust DTOs by src-tauri/src/bindings.rs. Do not edit by hand:
// run `KINDRED_WRITE_BINDINGS=1 cargo test bindings` after changing a DTO.

export type ErrorCode = "validation" | "not_found" | "conflict" | "internal" | "locked";

export type ApiError = { code: ErrorCode, message: string, 
/**
 * The input the message is about, for validation errors.
 */
field?: string, };

export type AppInfo = { version: string, 
/**
 * The folder that holds the database, shown in Settings so people know
 * where their data lives.
 */
dataDir: string | null, schemaVersion: number, };

export type LockStatus = { encrypted: boolean, locked: boolean, remembered: boolean, 
/**
 * Set when the data could not be opened at all.
 */
problem: DataProblem | null, };

export type DataProblem = { kind: OpenProblem, 
/**
 * The data folder, when known, so the person can find it.
 */
folder: string | null, 
/**
 * What went wrong, in technical terms, for anyone helping them.
 */
details: string, };

export type OpenProblem = "damaged" | "newer" | "unreadable";

export type Appearance = "system" | "light" | "dark";

export type TieKind = "person" | "group";

export type GroupKind = "peer_support" | "club_or_class" | "faith" | "online" | "other";

export type Circle = "inner" | "middle" | "outer";

export type Sector = "family" | "friends" | "work_study" | "community_online" | "care";

export type SupportType = "emotional" | "practical" | "encouragement" | "inspiration" | "belonging" | "professional";

export type Feel = "energising" | "mixed" | "draining";

export type Cadence = { "mode": "circle" } | { "mode": "custom", days: number, } | { "mode": "off" };

export type Birthday = { day: number, month: number, year: number | null, };

export type TieScope = "active" | "archived" | "all";

export type Tie = { id: number, kind: TieKind, groupKind: GroupKind | null, name: string, circle: Circle | null, sector: Sector | null, supportTypes: Array<SupportType>, cadence: Cadence, birthday: Birthday | null, notes: string, 
/**
 * Something to bring up next time.
 */
nextTimeNote: string, 
/**
 * How the tie usually feels, from the latest quality check.
 */
feel: Feel | null, 
/**
 * The day of the latest contact (when it happened, not when it was
 * logged), if any.
 */
lastContactOn: string | null, createdAt: string, updatedAt: string, 
/**
 * Set when the tie was moved to the archive; archived ties leave the
 * map and every reminder but keep their history.
 */
archivedAt: string | null, };

export type TieDraft = { kind: TieKind, groupKind: GroupKind | null, name: string, circle: Circle | null, sector: Sector | null, supportTypes: Array<SupportType>, cadence: Cadence, birthday: Birthday | null, notes: string, nextTimeNote: string, };

export type Channel = "in_person" | "call" | "video" | "message" | "online_group";

export type Initiator = "me" | "them" | "both";

export type Felt = "better" | "same" | "worse";

export type Contact = { id: number, occurredOn: string, 
/**
 * "HH:MM" local time, when the person gave one.
 */
occurredTime: string | null, channel: Channel, initiatedBy: Initiator | null, felt: Felt | null, note: string, tieIds: Array<number>, createdAt: string, updatedAt: string, };

export type ContactDraft = { occurredOn: string, occurredTime: string | null, channel: Channel, initiatedBy: Initiator | null, felt: Felt | null, note: string, tieIds: Array<number>, };

export type Ratings = { empathy: number | null, respect: number | null, reciprocity: number | null, boundaries: number | null, };

export type QualityDraft = { feel: Feel | null, empathy: number | null, respect: number | null, reciprocity: number | null, boundaries: number | null, note: string, };

export type QualityRating = { id: number, tieId: number, ratedAt: string, feel: Feel | null, empathy: number | null, respect: number | null, reciprocity: number | null, boundaries: number | null, note: string, };

export type CadenceDefaults = { inner: number, middle: number, outer: number, };

export type Theme = "emotional" | "practical" | "resilience" | "body" | "openness" | "quality" | "digital";

export type InsightKind = "missing_support" | "fragile_support" | "over_reliance" | "draining_but_frequent" | "mostly_you_reach_out" | "mostly_they_reach_out" | "past_cadence" | "feel_better_after";

export type Insight = { kind: InsightKind, title: string, body: string, theme: Theme, 
/**
 * The ties the insight is about, most relevant first; empty for a
 * missing support type.
 */
tieIds: Array<number>, 
/**
 * Set for missing and fragile support.
 */
supportType: SupportType | null, };

export type ReachOut = { tieId: number, 
/**
 * The day of the latest contact with this tie (the day it happened, not
 * the day it was logged); `None` when no contact has been logged.
 */
lastContactOn: string | null, 
/**
 * Whole days from the last contact (or, with none, from the day the tie
 * was added) to today. Never negative: a date after today counts as 0.
 */
daysSince: number, 
/**
 * The cadence in force for this tie, in days (always at least 1).
 */
cadenceDays: number, 
/**
 * `days_since / cadence_days`: 1.0 means exactly one cadence has passed.
 */
ratio: number, };

export type UpcomingBirthday = { tieId: number, name: string, 
/**
 * The date it falls on this time.
 */
on: string, 
/**
 * Days from today (0 is today).
 */
inDays: number, 
/**
 * The age they turn, when the year of birth is known.
 */
turning: number | null, };

export type MapAnswer = { supportType: SupportType, names: string, };

export type NoticeKind = "test" | "reach_out" | "reflection" | "birthday" | "intention" | "custom";

export type Notice = { id: number, createdAt: string, kind: NoticeKind, title: string, body: string, 
/**
 * Whether the desktop accepted it as a notification.
 */
deliveredDesktop: boolean, 
/**
 * Why the desktop did not take it, in the system's words, when it
 * didn't.
 */
deliveryError: string | null, readAt: string | null, 
/**
 * When the person snoozed it or marked it done.
 */
actedAt: string | null, 
/**
 * The ties it is about (reach-outs, birthdays), for "log a contact".
 */
tieIds: Array<number>, };

export type Weekday = "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday";

export type Recurrence = { "kind": "once", on: string, at: string | null, } | { "kind": "daily", at: string | null, } | { "kind": "weekly", days: Array<Weekday>, at: string | null, } | { "kind": "every_n_days", n: number, start: string, at: string | null, } | { "kind": "monthly", day: number, at: string | null, };

export type ReminderDraft = { title: string, note: string, rule: Recurrence, };

export type Reminder = { id: number, title: string, note: string, rule: Recurrence, enabled: boolean, createdAt: string, 
/**
 * The due instant of the last occurrence already delivered.
 */
lastFiredDue: string | null, };

export type QuietHours = { start: string, end: string, };

export type ReflectionSchedule = { days: Array<Weekday>, at: string, 
/**
 * When the schedule was set; nothing before it comes round. Set by the
 * store.
 */
since: string | null, };

export type ReminderSettings = { 
/**
 * Desktop notifications. When off, reminders still appear in the
 * window's list of notices; nothing pops up.
 */
desktop: boolean, 
/**
 * The time of day for reminders that have a date but no time.
 */
preferredTime: string, quietHours: QuietHours, reachOuts: boolean, birthdays: boolean, 
/**
 * Also remind this many days before a birthday (0: only on the day).
 */
birthdayDaysBefore: number, intentions: boolean, 
/**
 * A gentle nudge to reflect on these days at this time; `None`: off.
 */
reflection: ReflectionSchedule | null, 
/**
 * Nothing is delivered before this instant; what comes round meanwhile
 * is gathered into one notification afterwards.
 */
pausedUntil: string | null, 
/**
 * Start Kindred (hidden, in the tray) when the person logs in.
 */
startAtLogin: boolean, 
/**
 * Closing the window leaves Kindred in the tray, so reminders keep
 * coming; off, closing the window quits.
 */
keepInTray: boolean, };

export type PauseFor = "hour" | "tomorrow" | "week";

export type ImportMode = "replace" | "merge";

export type Counts = { ties: number, contacts: number, qualityRatings: number, sessions: number, journalEntries: number, intentions: number, reminders: number, checkIns: number, };

export type ImportPreview = { mode: ImportMode, 
/**
 * Records removed first (replace only).
 */
removed: Counts, 
/**
 * Records added.
 */
added: Counts, 
/**
 * Records in the file already here, so left as they are (merge only).
 */
alreadyHere: Counts, 
/**
 * Names of people in the file matched with people already here.
 */
matchedNames: Array<string>, };

export type BackupKind = "manual" | "daily" | "before_restore" | "before_import" | "set_aside";

export type Backup = { 
/**
 * The file's name inside the backups folder (what restore asks for).
 */
name: string, kind: BackupKind, takenAt: string, bytes: number, 
/**
 * Whether the file is encrypted (with the store's passphrase).
 */
encrypted: boolean, };

export type Restored = { safety: Backup | null, status: LockStatus, };

export type VcardPerson = { 
/**
 * Position in the file, from 0 (what the import refers to).
 */
index: number, name: string, birthday: Birthday | null, 
/**
 * Someone already on the map (or earlier in the file) with the same
 * name and birthday: probably the same person.
 */
possibleDuplicate: boolean, };

export type UnreadableCard = { 
/**
 * Position in the file, from 0 (the preview shows it from 1).
 */
index: number, reason: string, };

export type VcardFile = { people: Array<VcardPerson>, unreadable: Array<UnreadableCard>, };

export type VcardPick = { index: number, circle: Circle | null, };

export type Guide = { id: string, title: string, 
/**
 * One or two sentences shown before the first prompt.
 */
intro: string, 
/**
 * The theme every prompt belongs to; `None` for a session across themes.
 */
theme: Theme | null, 
/**
 * The prompts, in the order they are asked (3 to 5).
 */
promptIds: Array<string>, };

export type ReflectLibrary = { guides: Array<Guide>, feelingWords: Array<string>, };

export type ShownPrompt = { promptId: string, theme: Theme, text: string, 
/**
 * The lighter version, answerable in a word or an emoji.
 */
lowEnergy: string | null, 
/**
 * The tie the text names, if it names one.
 */
tieId: number | null, tieName: string | null, };

export type SuggestionReason = "thin_emotional_support" | "far_past_rhythm" | "draining_tie" | "group_or_community" | "weekly_check_in" | "theme_of_the_day";

export type Suggestion = { guideId: string, title: string, intro: string, reason: SuggestionReason, 
/**
 * One plain sentence on why this one, for the person to read.
 */
because: string, };

export type Personalised = { prompt: ShownPrompt, suggestion: Suggestion, };

export type Mood = { 
/**
 * 1 (very low) to 5 (very good).
 */
mood: number, 
/**
 * Up to three words from [`FEELING_WORDS`].
 */
feelings: Array<string>, };

export type SessionStatus = "in_progress" | "completed" | "set_aside";

export type SessionStep = { 
/**
 * The journal entry this step writes to.
 */
entryId: number, position: number, promptId: string, theme: Theme, text: string, lowEnergy: string | null, tieId: number | null, answer: string, skipped: boolean, };

export type IntentionStatus = "open" | "done" | "let_go";

export type IntentionDraft = { text: string, tieId: number | null, dueOn: string | null, 
/**
 * "HH:MM" local time; only with a date.
 */
dueTime: string | null, };

export type Intention = { id: number, text: string, tieId: number | null, tieName: string | null, sessionId: number | null, dueOn: string | null, dueTime: string | null, status: IntentionStatus, createdAt: string, };

export type SessionView = { id: number, guideId: string, title: string, intro: string, status: SessionStatus, moodBefore: Mood | null, moodAfter: Mood | null, steps: Array<SessionStep>, intention: Intention | null, startedAt: string, completedAt: string | null, };

export type SessionEnd = { moodAfter: Mood, intention: IntentionDraft | null, };

export type TextPart = { text: string, hit: boolean, };

export type JournalEntry = { id: number, 
/**
 * The session it was written in; `None` for a single prompt.
 */
sessionId: number | null, 
/**
 * The guided session's title, when it came from one.
 */
sessionTitle: string | null, promptId: string, theme: Theme, 
/**
 * The prompt as it was shown, names filled in.
 */
promptText: string, answer: string, tieId: number | null, tieName: string | null, createdAt: string, updatedAt: string, 
/**
 * The answer cut into plain and matching parts when listed by a search,
 * so the UI can highlight matches without treating text as markup.
 */
answerParts: Array<TextPart> | null, };

export type JournalCursor = { createdAt: string, id: number, };

export type JournalFilter = { 
/**
 * Anything the person typed into the search box.
 */
query: string | null, theme: Theme | null, tieId: number | null, from: string | null, to: string | null, 
/**
 * Only entries older than this one (the last of the page before, or
 * the end of a month jumped to): keyset paging, so reading back ten
 * years costs the same per page as reading the newest.
 */
before?: JournalCursor, };

export type JournalPage = { entries: Array<JournalEntry>, 
/**
 * More entries match than the page holds.
 */
more: boolean, };

export type MoodPoint = { sessionId: number, on: string, before: number, after: number, };

export type ScorePoint = { on: string, score: number, };

export type WeekCount = { 
/**
 * The Monday the week starts on.
 */
weekOf: string, contacts: number, };

export type Charts = { 
/**
 * Completed sessions, oldest first.
 */
moods: Array<MoodPoint>, 
/**
 * Check-ins, oldest first.
 */
checkIns: Array<ScorePoint>, 
/**
 * The last [`CONTACT_WEEKS`] weeks (Monday to Sunday), oldest first,
 * empty weeks included.
 */
contactsPerWeek: Array<WeekCount>, };

export type CheckInScale = { items: Array<string>, answers: Array<string>, source: string, };

export type CheckInAnswers = { 
/**
 * Each 1 ("Hardly ever") to 3 ("Often"), in the order of [`ITEMS`].
 */
items: [number, number, number], };

export type CheckIn = { id: number, takenAt: string, items: [number, number, number], 
/**
 * 3 to 9.
 */
score: number, 
/**
 * A plain reading of the score; never a diagnosis.
 */
reading: string, };

export type CheckInStatus = { 
/**
 * Whether to offer a check-in now.
 */
due: boolean, latest: CheckIn | null, 
/**
 * Whether to bring the help resources forward, gently.
 */
showSupport: boolean, };
