-- Reminders that are not stored as rules but derived from the map (a tie's
-- reach-out rhythm, later birthdays) still need the at-most-once ledger.
-- Their key names what they are about, e.g. 'reach_out:12'.
CREATE TABLE derived_occurrences (
    key       TEXT NOT NULL,
    due_at    TEXT NOT NULL,
    fired_at  TEXT NOT NULL,
    PRIMARY KEY (key, due_at)
) WITHOUT ROWID;
