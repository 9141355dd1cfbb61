//! The delivered-notice log.

use rusqlite::{params, Row};

use super::time::{from_optional_text, from_text, to_text};
use super::Store;
use crate::error::{CoreError, CoreResult};
use crate::notice::{Notice, NoticeKind};

/// Delivery errors are kept short: they are shown to the person.
const ERROR_MAX_CHARS: usize = 300;

const SELECT: &str =
    "SELECT id, created_at, kind, title, body, delivered_desktop, delivery_error, read_at FROM notices";

impl Store {
    /// Records a notice before it is shown anywhere.
    pub fn record_notice(&mut self, kind: NoticeKind, title: &str, body: &str) -> CoreResult<Notice> {
        let now = to_text(self.now());
        self.conn.execute(
            "INSERT INTO notices (created_at, kind, title, body) VALUES (?1, ?2, ?3, ?4)",
            params![now, kind.as_str(), title, body],
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
}
