-- Kindred schema, version 1: the whole product's data, so later features
-- extend it rather than rewrite it. Forward-only: never edit a migration that
-- has shipped; add a new file instead.
--
-- Conventions: instants are UTC RFC 3339 text ("2026-11-25T22:45:00Z");
-- calendar dates are "YYYY-MM-DD" and wall-clock times "HH:MM" in the user's
-- zone, because "call Sam on Friday" means Friday wherever the person is.
-- Enumerations are lower snake_case text guarded by CHECK constraints.

-- People and groups: everyone and everything on the map is a "tie".
CREATE TABLE ties (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL DEFAULT 'person'
                     CHECK (kind IN ('person', 'group')),
    group_kind       TEXT CHECK (group_kind IN
                     ('peer_support', 'club_or_class', 'faith', 'online', 'other')),
    name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    sector           TEXT CHECK (sector IN
                     ('family', 'friends', 'work_study', 'community_online', 'care')),
    circle           TEXT CHECK (circle IN ('inner', 'middle', 'outer')),
    -- 'circle' follows the circle's default cadence (a setting); 'custom'
    -- uses cadence_days; 'off' means no reach-out reminders.
    cadence_mode     TEXT NOT NULL DEFAULT 'circle'
                     CHECK (cadence_mode IN ('circle', 'custom', 'off')),
    cadence_days     INTEGER CHECK (cadence_days BETWEEN 1 AND 3650),
    birthday_month   INTEGER CHECK (birthday_month BETWEEN 1 AND 12),
    birthday_day     INTEGER CHECK (birthday_day BETWEEN 1 AND 31),
    birthday_year    INTEGER CHECK (birthday_year BETWEEN 1900 AND 2200),
    notes            TEXT NOT NULL DEFAULT '',
    next_time_note   TEXT NOT NULL DEFAULT '',
    -- Optional manual placement on the map, as an angle in degrees.
    map_angle        REAL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    archived_at      TEXT,
    CHECK (kind = 'group' OR group_kind IS NULL),
    CHECK ((birthday_month IS NULL) = (birthday_day IS NULL))
);
CREATE INDEX ties_active_name ON ties (archived_at, name COLLATE NOCASE);

-- What each tie gives: any number of the six support types.
CREATE TABLE tie_support (
    tie_id        INTEGER NOT NULL REFERENCES ties (id) ON DELETE CASCADE,
    support_type  TEXT NOT NULL CHECK (support_type IN
                  ('emotional', 'practical', 'encouragement',
                   'inspiration', 'belonging', 'professional')),
    PRIMARY KEY (tie_id, support_type)
) WITHOUT ROWID;

-- Relationship quality, kept as a dated history so change can be seen; the
-- latest row is the current picture.
CREATE TABLE quality_ratings (
    id           INTEGER PRIMARY KEY,
    tie_id       INTEGER NOT NULL REFERENCES ties (id) ON DELETE CASCADE,
    rated_at     TEXT NOT NULL,
    feel         TEXT CHECK (feel IN ('energising', 'mixed', 'draining')),
    empathy      INTEGER CHECK (empathy BETWEEN 1 AND 5),
    respect      INTEGER CHECK (respect BETWEEN 1 AND 5),
    reciprocity  INTEGER CHECK (reciprocity BETWEEN 1 AND 5),
    boundaries   INTEGER CHECK (boundaries BETWEEN 1 AND 5),
    note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX quality_ratings_tie ON quality_ratings (tie_id, rated_at);

-- A contact happened on a date (and maybe at a time) and may involve several
-- ties. "Last contact" is the event date, never the day it was logged.
CREATE TABLE contacts (
    id             INTEGER PRIMARY KEY,
    occurred_on    TEXT NOT NULL,
    occurred_time  TEXT,
    channel        TEXT NOT NULL CHECK (channel IN
                   ('in_person', 'call', 'video', 'message', 'online_group')),
    initiated_by   TEXT CHECK (initiated_by IN ('me', 'them', 'both')),
    felt           TEXT CHECK (felt IN ('better', 'same', 'worse')),
    note           TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX contacts_when ON contacts (occurred_on);

CREATE TABLE contact_ties (
    contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    tie_id      INTEGER NOT NULL REFERENCES ties (id) ON DELETE CASCADE,
    PRIMARY KEY (contact_id, tie_id)
) WITHOUT ROWID;
CREATE INDEX contact_ties_tie ON contact_ties (tie_id);

-- Guided reflection. A session in progress is saved as it goes, so closing
-- the app mid-way keeps it as a draft.
CREATE TABLE reflection_sessions (
    id               INTEGER PRIMARY KEY,
    guide_id         TEXT NOT NULL,          -- which guided session, or 'single'
    status           TEXT NOT NULL DEFAULT 'in_progress'
                     CHECK (status IN ('in_progress', 'completed', 'abandoned')),
    mood_before      INTEGER CHECK (mood_before BETWEEN 1 AND 5),
    feelings_before  TEXT NOT NULL DEFAULT '[]',   -- JSON array of words
    mood_after       INTEGER CHECK (mood_after BETWEEN 1 AND 5),
    feelings_after   TEXT NOT NULL DEFAULT '[]',
    started_at       TEXT NOT NULL,
    completed_at     TEXT,
    updated_at       TEXT NOT NULL
);
CREATE INDEX reflection_sessions_started ON reflection_sessions (started_at);

-- One answered (or skipped) prompt. prompt_text keeps the words as shown,
-- names filled in, so the journal reads the same after the library changes.
CREATE TABLE reflection_entries (
    id           INTEGER PRIMARY KEY,
    session_id   INTEGER REFERENCES reflection_sessions (id) ON DELETE CASCADE,
    prompt_id    TEXT NOT NULL,
    theme        TEXT NOT NULL CHECK (theme IN
                 ('emotional', 'practical', 'resilience', 'body',
                  'openness', 'quality', 'digital')),
    prompt_text  TEXT NOT NULL,
    answer       TEXT NOT NULL DEFAULT '' CHECK (length(answer) <= 20000),
    skipped      INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
    tie_id       INTEGER REFERENCES ties (id) ON DELETE SET NULL,
    position     INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX reflection_entries_session ON reflection_entries (session_id, position);
CREATE INDEX reflection_entries_created ON reflection_entries (created_at);
CREATE INDEX reflection_entries_tie ON reflection_entries (tie_id);

-- Full-text search over the journal, kept in step by triggers. Diacritics
-- are folded so "cafe" finds "café".
CREATE VIRTUAL TABLE reflection_entries_fts USING fts5 (
    prompt_text, answer,
    content = 'reflection_entries', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER reflection_entries_ai AFTER INSERT ON reflection_entries BEGIN
    INSERT INTO reflection_entries_fts (rowid, prompt_text, answer)
    VALUES (new.id, new.prompt_text, new.answer);
END;
CREATE TRIGGER reflection_entries_ad AFTER DELETE ON reflection_entries BEGIN
    INSERT INTO reflection_entries_fts (reflection_entries_fts, rowid, prompt_text, answer)
    VALUES ('delete', old.id, old.prompt_text, old.answer);
END;
CREATE TRIGGER reflection_entries_au AFTER UPDATE ON reflection_entries BEGIN
    INSERT INTO reflection_entries_fts (reflection_entries_fts, rowid, prompt_text, answer)
    VALUES ('delete', old.id, old.prompt_text, old.answer);
    INSERT INTO reflection_entries_fts (rowid, prompt_text, answer)
    VALUES (new.id, new.prompt_text, new.answer);
END;

-- Something the person means to do, often born in a reflection.
CREATE TABLE intentions (
    id            INTEGER PRIMARY KEY,
    text          TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
    tie_id        INTEGER REFERENCES ties (id) ON DELETE SET NULL,
    session_id    INTEGER REFERENCES reflection_sessions (id) ON DELETE SET NULL,
    due_on        TEXT,
    due_time      TEXT,
    status        TEXT NOT NULL DEFAULT 'open'
                  CHECK (status IN ('open', 'done', 'let_go')),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    closed_at     TEXT
);
CREATE INDEX intentions_open ON intentions (status, due_on);

-- Reminders. `rule` is JSON describing the recurrence in the user's zone
-- (`time_zone`, an IANA name); `next_due_at` is the next occurrence in UTC,
-- persisted so the scheduler survives restarts, sleep and clock changes.
CREATE TABLE reminders (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN
                   ('reach_out', 'reflection', 'birthday', 'intention', 'custom')),
    title          TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    tie_id         INTEGER REFERENCES ties (id) ON DELETE CASCADE,
    intention_id   INTEGER REFERENCES intentions (id) ON DELETE CASCADE,
    rule           TEXT NOT NULL DEFAULT '{}',
    time_zone      TEXT NOT NULL DEFAULT 'UTC',
    next_due_at    TEXT,
    snoozed_until  TEXT,
    enabled        INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX reminders_due ON reminders (enabled, next_due_at);

-- What was shown to the person: one row per (possibly gathered) notice, so
-- the window can list it even when the desktop toast failed.
CREATE TABLE notices (
    id                 INTEGER PRIMARY KEY,
    created_at         TEXT NOT NULL,
    kind               TEXT NOT NULL,
    title              TEXT NOT NULL,
    body               TEXT NOT NULL DEFAULT '',
    delivered_desktop  INTEGER NOT NULL DEFAULT 0 CHECK (delivered_desktop IN (0, 1)),
    delivery_error     TEXT,
    read_at            TEXT,
    acted_at           TEXT
);

-- The at-most-once ledger: an occurrence is written here in the same
-- transaction that advances its reminder, before anything is shown.
CREATE TABLE reminder_occurrences (
    reminder_id  INTEGER NOT NULL REFERENCES reminders (id) ON DELETE CASCADE,
    due_at       TEXT NOT NULL,
    fired_at     TEXT NOT NULL,
    notice_id    INTEGER REFERENCES notices (id) ON DELETE SET NULL,
    PRIMARY KEY (reminder_id, due_at)
) WITHOUT ROWID;

-- The three-item loneliness scale (Hughes et al., 2004): each item 1-3.
CREATE TABLE checkins (
    id        INTEGER PRIMARY KEY,
    taken_at  TEXT NOT NULL,
    item1     INTEGER NOT NULL CHECK (item1 BETWEEN 1 AND 3),
    item2     INTEGER NOT NULL CHECK (item2 BETWEEN 1 AND 3),
    item3     INTEGER NOT NULL CHECK (item3 BETWEEN 1 AND 3),
    score     INTEGER GENERATED ALWAYS AS (item1 + item2 + item3) STORED
);
CREATE INDEX checkins_taken ON checkins (taken_at);

-- Settings as JSON values under stable keys; the core owns the defaults.
CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) WITHOUT ROWID;
