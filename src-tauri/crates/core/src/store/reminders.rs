//! Reminder rules and the at-most-once occurrence ledger.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};

use super::time::{from_optional_text, from_text, to_text};
use super::Store;
use crate::error::{CoreError, CoreResult};
use crate::reminder::{Reminder, ReminderDraft};
use crate::schedule::{plan, PlanSettings, Planned};

const SELECT: &str = "
    SELECT r.id, r.title, r.note, r.rule, r.enabled, r.created_at,
           (SELECT max(o.due_at) FROM reminder_occurrences o WHERE o.reminder_id = r.id)
    FROM reminders r";

/// What one scheduler tick takes: the reminders to show now (already
/// marked as delivered in the ledger) and when to look again.
#[derive(Debug, Clone, PartialEq)]
pub struct TakenReminders {
    pub due: Vec<Reminder>,
    pub next_wake: Option<DateTime<Utc>>,
}

impl Store {
    pub fn create_reminder(&mut self, draft: ReminderDraft) -> CoreResult<Reminder> {
        let d = draft.cleaned()?;
        let rule = serde_json::to_string(&d.rule).map_err(std::io::Error::other)?;
        let now = to_text(self.now());
        self.conn.execute(
            "INSERT INTO reminders (kind, title, note, rule, created_at, updated_at) VALUES ('custom', ?1, ?2, ?3, ?4, ?4)",
            params![d.title, d.note, rule, now],
        )?;
        self.get_reminder(self.conn.last_insert_rowid())
    }

    pub fn get_reminder(&self, id: i64) -> CoreResult<Reminder> {
        self.conn
            .query_row(&format!("{SELECT} WHERE r.id = ?1 AND r.kind = 'custom'"), [id], read_reminder)
            .optional()?
            .ok_or(CoreError::not_found("That reminder"))
    }

    pub fn list_reminders(&self) -> CoreResult<Vec<Reminder>> {
        let mut stmt = self.conn.prepare_cached(&format!("{SELECT} WHERE r.kind = 'custom' ORDER BY r.id"))?;
        let list = stmt.query_map([], read_reminder)?.collect::<Result<Vec<_>, _>>()?;
        Ok(list)
    }

    pub fn delete_reminder(&mut self, id: i64) -> CoreResult<()> {
        if self.conn.execute("DELETE FROM reminders WHERE id = ?1 AND kind = 'custom'", [id])? == 0 {
            return Err(CoreError::not_found("That reminder"));
        }
        Ok(())
    }

    /// Works out what is due at `now` and records each occurrence in the
    /// ledger in the same transaction, before anything is shown: a crash
    /// after this can lose a notification's display, never repeat one.
    pub fn take_due_reminders(&mut self, now: DateTime<Utc>, settings: &PlanSettings) -> CoreResult<TakenReminders> {
        let tx = self.conn.transaction()?;
        let reminders: Vec<Reminder> = {
            let mut stmt =
                tx.prepare_cached(&format!("{SELECT} WHERE r.kind = 'custom' AND r.enabled = 1 ORDER BY r.id"))?;
            let rows = stmt.query_map([], read_reminder)?.collect::<Result<Vec<_>, _>>()?;
            rows
        };
        let planned: Vec<Planned> = reminders
            .iter()
            .map(|r| Planned {
                key: r.id.to_string(),
                rule: r.rule.clone(),
                last_fired_due: r.last_fired_due,
                created_at: r.created_at,
            })
            .collect();
        let tick = plan(&planned, now, settings);
        let fired_at = to_text(now);
        let mut due = Vec::new();
        for d in &tick.due {
            let Some(reminder) = reminders.iter().find(|r| r.id.to_string() == d.key) else { continue };
            // The primary key (reminder, due instant) refuses a second row:
            // an occurrence already in the ledger is never delivered again.
            let inserted = tx.execute(
                "INSERT OR IGNORE INTO reminder_occurrences (reminder_id, due_at, fired_at) VALUES (?1, ?2, ?3)",
                params![reminder.id, to_text(d.due_at), fired_at],
            )?;
            if inserted == 1 {
                due.push(Reminder { last_fired_due: Some(d.due_at), ..reminder.clone() });
            }
        }
        tx.commit()?;
        Ok(TakenReminders { due, next_wake: tick.next_wake })
    }
}

fn read_reminder(row: &Row<'_>) -> rusqlite::Result<Reminder> {
    let rule: String = row.get(3)?;
    Ok(Reminder {
        id: row.get(0)?,
        title: row.get(1)?,
        note: row.get(2)?,
        rule: serde_json::from_str(&rule)
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(3, rusqlite::types::Type::Text, Box::new(e)))?,
        enabled: row.get(4)?,
        created_at: from_text(5, &row.get::<_, String>(5)?)?,
        last_fired_due: from_optional_text(6, row.get(6)?)?,
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{Duration, NaiveTime, TimeZone};

    use super::*;
    use crate::clock::FixedClock;
    use crate::reminder::{gathered_notice, DueItem};
    use crate::schedule::Recurrence;

    use crate::schedule::test_support::london_settings as settings;

    fn daily(title: &str, hour: u32) -> ReminderDraft {
        ReminderDraft {
            title: title.into(),
            note: String::new(),
            rule: Recurrence::Daily { at: Some(NaiveTime::from_hms_opt(hour, 0, 0).unwrap()) },
        }
    }

    fn store_at(clock: &Arc<FixedClock>, dir: &std::path::Path) -> Store {
        Store::open_in_dir(dir, clock.clone()).unwrap()
    }

    #[test]
    fn each_occurrence_is_taken_once_even_across_a_restart_and_a_clock_jump_back() {
        let dir = tempfile::tempdir().unwrap();
        // 20 November 2026, 08:00 in London (GMT).
        let start = Utc.with_ymd_and_hms(2026, 11, 20, 8, 0, 0).unwrap();
        let clock = Arc::new(FixedClock::new(start));
        let mut store = store_at(&clock, dir.path());
        let walk = store.create_reminder(daily("Go for a walk", 10)).unwrap();

        let mut shown = 0;
        let mut now = start;
        // A day of ticks every 30 s, with a restart (reopen) at noon.
        while now < start + Duration::days(1) {
            if now == start + Duration::hours(4) {
                drop(store);
                store = store_at(&clock, dir.path());
            }
            shown += store.take_due_reminders(now, &settings()).unwrap().due.len();
            now += Duration::seconds(30);
        }
        assert_eq!(shown, 1, "10:00 came round once");
        // The clock jumps back two hours past the delivery: nothing again.
        let back = Utc.with_ymd_and_hms(2026, 11, 20, 10, 5, 0).unwrap();
        assert!(store.take_due_reminders(back, &settings()).unwrap().due.is_empty());
        let ledger: i64 =
            store.conn().query_row("SELECT count(*) FROM reminder_occurrences", [], |r| r.get(0)).unwrap();
        assert_eq!(ledger, 1);
        assert_eq!(
            store.get_reminder(walk.id).unwrap().last_fired_due,
            Some(Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap())
        );
    }

    #[test]
    fn several_due_together_are_gathered_into_one_notice_text() {
        let dir = tempfile::tempdir().unwrap();
        let start = Utc.with_ymd_and_hms(2026, 11, 20, 8, 0, 0).unwrap();
        let clock = Arc::new(FixedClock::new(start));
        let mut store = store_at(&clock, dir.path());
        for title in ["Water the plants", "Call Gran", "Stretch"] {
            store.create_reminder(daily(title, 10)).unwrap();
        }
        let taken =
            store.take_due_reminders(Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 30).unwrap(), &settings()).unwrap();
        assert_eq!(taken.due.len(), 3);
        let items: Vec<DueItem> =
            taken.due.iter().map(|r| DueItem::Custom { title: r.title.clone(), note: r.note.clone() }).collect();
        let (_, title, body) = gathered_notice(&items).unwrap();
        assert_eq!(title, "3 gentle reminders");
        assert_eq!(body, "Water the plants, Call Gran and Stretch");
        assert_eq!(taken.next_wake, Some(Utc.with_ymd_and_hms(2026, 11, 21, 10, 0, 0).unwrap()));
    }

    #[test]
    fn bad_reminders_are_refused_by_field_and_nothing_is_stored() {
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 20, 8, 0, 0).unwrap()));
        let mut store = store_at(&clock, dir.path());
        let field = |r: CoreResult<Reminder>| match r {
            Err(CoreError::Validation { field, .. }) => field,
            other => panic!("expected validation, got {other:?}"),
        };
        assert_eq!(field(store.create_reminder(daily("  ", 9))), "title");
        assert_eq!(field(store.create_reminder(daily("Line\nbreak", 9))), "title");
        let zero = ReminderDraft {
            title: "Every 0 days".into(),
            note: String::new(),
            rule: Recurrence::EveryNDays {
                n: 0,
                start: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
                at: None,
            },
        };
        assert_eq!(field(store.create_reminder(zero)), "n");
        assert!(store.list_reminders().unwrap().is_empty());
        assert!(matches!(store.delete_reminder(7), Err(CoreError::NotFound { .. })));
    }
}
