//! The delivered-notice log.

use chrono::{DateTime, Timelike, Utc};
use rusqlite::{params, OptionalExtension, Row};

use super::time::{from_optional_text, from_text, to_text};
use super::Store;
use crate::error::{CoreError, CoreResult};
use crate::notice::{Notice, NoticeKind};
use crate::reminder::{ReminderDraft, REMINDER_NOTE_MAX_CHARS, REMINDER_TITLE_MAX_CHARS};
use crate::schedule::{Recurrence, Tz};

/// Delivery errors are kept short: they are shown to the person.
const ERROR_MAX_CHARS: usize = 300;

const SELECT: &str =
    "SELECT id, created_at, kind, title, body, delivered_desktop, delivery_error, read_at, acted_at, tie_ids FROM notices";

impl Store {
    /// Records a notice before it is shown anywhere.
    pub fn record_notice(&mut self, kind: NoticeKind, title: &str, body: &str) -> CoreResult<Notice> {
        self.record_notice_about(kind, title, body, &[])
    }

    /// Records a notice about some ties (a reach-out, a birthday).
    pub fn record_notice_about(
        &mut self,
        kind: NoticeKind,
        title: &str,
        body: &str,
        tie_ids: &[i64],
    ) -> CoreResult<Notice> {
        let now = to_text(self.now());
        let ties = serde_json::to_string(tie_ids).map_err(std::io::Error::other)?;
        self.conn.execute(
            "INSERT INTO notices (created_at, kind, title, body, tie_ids) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![now, kind.as_str(), title, body, ties],
        )?;
        self.get_notice(self.conn.last_insert_rowid())
    }

    /// Notes how desktop delivery went: `Ok` when the desktop took it, or
    /// the reason it did not.
    pub fn mark_notice_delivery(&mut self, id: i64, outcome: Result<(), String>) -> CoreResult<Notice> {
        let (delivered, error) = match outcome {
            Ok(()) => (true, None),
            Err(reason) => (false, Some(reason.chars().take(ERROR_MAX_CHARS).collect::<String>())),
        };
        let changed = self.conn.execute(
            "UPDATE notices SET delivered_desktop = ?2, delivery_error = ?3 WHERE id = ?1",
            params![id, delivered, error],
        )?;
        if changed == 0 {
            return Err(CoreError::not_found("That notice"));
        }
        self.get_notice(id)
    }

    pub fn get_notice(&self, id: i64) -> CoreResult<Notice> {
        Ok(self.conn.query_row(&format!("{SELECT} WHERE id = ?1"), [id], read_notice)?)
    }

    /// The most recent notices first.
    pub fn list_notices(&self, limit: u32) -> CoreResult<Vec<Notice>> {
        let mut stmt = self.conn.prepare_cached(&format!("{SELECT} ORDER BY created_at DESC, id DESC LIMIT ?1"))?;
        let notices = stmt.query_map([limit.min(500)], read_notice)?.collect::<Result<Vec<_>, _>>()?;
        Ok(notices)
    }

    /// "Remind me again": the notice comes back as a one-off reminder at
    /// `until` (in the person's zone `tz`), and is marked as acted on — in
    /// one transaction.
    pub fn snooze_notice(&mut self, id: i64, until: DateTime<Utc>, tz: Tz) -> CoreResult<Notice> {
        let notice = self.find_notice(id)?;
        let local = until.with_timezone(&tz).naive_local();
        let rule =
            Recurrence::Once { on: local.date(), at: Some(local.time().with_nanosecond(0).unwrap_or(local.time())) };
        let title: String = notice.title.chars().take(REMINDER_TITLE_MAX_CHARS).collect();
        let note: String = notice.body.chars().take(REMINDER_NOTE_MAX_CHARS).collect();
        let draft = ReminderDraft { title, note, rule }.cleaned()?;
        let rule = serde_json::to_string(&draft.rule).map_err(std::io::Error::other)?;
        let now = to_text(self.now());
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO reminders (kind, title, note, rule, created_at, updated_at) VALUES ('custom', ?1, ?2, ?3, ?4, ?4)",
            params![draft.title, draft.note, rule, now],
        )?;
        tx.execute(
            "UPDATE notices SET acted_at = ?2, read_at = coalesce(read_at, ?2) WHERE id = ?1",
            params![id, now],
        )?;
        tx.commit()?;
        self.get_notice(id)
    }

    /// "Done": the notice is settled.
    pub fn done_notice(&mut self, id: i64) -> CoreResult<Notice> {
        self.find_notice(id)?;
        let now = to_text(self.now());
        self.conn.execute(
            "UPDATE notices SET acted_at = coalesce(acted_at, ?2), read_at = coalesce(read_at, ?2) WHERE id = ?1",
            params![id, now],
        )?;
        self.get_notice(id)
    }

    fn find_notice(&self, id: i64) -> CoreResult<Notice> {
        self.conn
            .query_row(&format!("{SELECT} WHERE id = ?1"), [id], read_notice)
            .optional()?
            .ok_or(CoreError::not_found("That notification"))
    }

    /// Marks every unread notice as read; returns how many were.
    pub fn mark_notices_read(&mut self) -> CoreResult<usize> {
        let now = to_text(self.now());
        Ok(self.conn.execute("UPDATE notices SET read_at = ?1 WHERE read_at IS NULL", [now])?)
    }
}

fn read_notice(row: &Row<'_>) -> rusqlite::Result<Notice> {
    Ok(Notice {
        id: row.get(0)?,
        created_at: from_text(1, &row.get::<_, String>(1)?)?,
        kind: NoticeKind::parse(&row.get::<_, String>(2)?).unwrap_or(NoticeKind::Custom),
        title: row.get(3)?,
        body: row.get(4)?,
        delivered_desktop: row.get(5)?,
        delivery_error: row.get(6)?,
        read_at: from_optional_text(7, row.get(7)?)?,
        acted_at: from_optional_text(8, row.get(8)?)?,
        tie_ids: serde_json::from_str(&row.get::<_, String>(9)?).unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{Duration, TimeZone, Utc};

    use super::*;
    use crate::clock::{Clock, FixedClock};

    #[test]
    fn notices_are_recorded_first_then_marked_with_how_delivery_went() {
        let clock = Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap()));
        let mut store = Store::open_in_memory(clock.clone()).unwrap();
        let first = store.record_notice(NoticeKind::Test, "Hello", "From Kindred").unwrap();
        assert!(!first.delivered_desktop);
        assert_eq!(first.delivery_error, None);
        let failed =
            store.mark_notice_delivery(first.id, Err("org.freedesktop.DBus.Error.ServiceUnknown".repeat(20))).unwrap();
        assert!(!failed.delivered_desktop);
        assert_eq!(failed.delivery_error.unwrap().chars().count(), ERROR_MAX_CHARS);

        clock.advance(Duration::minutes(1));
        let second = store.record_notice(NoticeKind::ReachOut, "Sam", "").unwrap();
        let delivered = store.mark_notice_delivery(second.id, Ok(())).unwrap();
        assert!(delivered.delivered_desktop);

        let listed: Vec<_> = store.list_notices(10).unwrap().into_iter().map(|n| n.id).collect();
        assert_eq!(listed, [second.id, first.id]);
        assert_eq!(store.mark_notices_read().unwrap(), 2);
        assert_eq!(store.mark_notices_read().unwrap(), 0);
        assert_eq!(store.get_notice(first.id).unwrap().read_at, Some(clock.now()));
        assert!(matches!(store.mark_notice_delivery(999, Ok(())), Err(CoreError::NotFound { .. })));
    }

    #[test]
    fn a_snoozed_notice_comes_back_once_as_a_reminder_and_done_settles_it() {
        use crate::schedule::test_support::london_settings;
        let clock = Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap()));
        let mut store = Store::open_in_memory(clock.clone()).unwrap();
        let n = store
            .record_notice_about(NoticeKind::ReachOut, "It might be nice to reach out to Sam", "A call?", &[4])
            .unwrap();
        assert_eq!(n.tie_ids, [4]);
        let until = Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap();
        let snoozed = store.snooze_notice(n.id, until, chrono_tz::Europe::London).unwrap();
        assert!(snoozed.acted_at.is_some() && snoozed.read_at.is_some());
        let before = store.take_due_reminders(until - Duration::seconds(1), &london_settings()).unwrap();
        assert!(before.due.is_empty());
        assert_eq!(before.next_wake, Some(until));
        let due = store.take_due_reminders(until, &london_settings()).unwrap().due;
        assert_eq!(due.len(), 1);
        assert_eq!((due[0].title.as_str(), due[0].note.as_str()), ("It might be nice to reach out to Sam", "A call?"));
        assert!(store.take_due_reminders(until + Duration::hours(1), &london_settings()).unwrap().due.is_empty());

        let other = store.record_notice(NoticeKind::Birthday, "It's Mina's birthday today", "").unwrap();
        assert!(store.done_notice(other.id).unwrap().acted_at.is_some());
        assert!(matches!(store.done_notice(999), Err(CoreError::NotFound { .. })));
        assert!(matches!(store.snooze_notice(999, until, chrono_tz::UTC), Err(CoreError::NotFound { .. })));
    }
}
