//! Reminders derived from what the person already keeps, rather than
//! stored as rules: birthdays (on the day, and a chosen number of days
//! before), intentions with a date, and the reflection schedule from the
//! settings. Each occurrence goes through the `derived_occurrences` ledger
//! in the same transaction that finds it due, so it is shown at most once.
//!
//! A birthday that went by while Kindred was closed is not announced late:
//! "it's Sam's birthday today" the day after would be wrong. The reminder
//! days before it are delivered late (with the right number of days left).

use chrono::{DateTime, Days, NaiveTime, Utc};
use std::collections::HashMap;

use rusqlite::{params, Transaction};

use super::ties::ReminderTie;
use super::time::{from_text, to_text};
use super::Store;
use crate::birthdays::birthdays_within;
use crate::error::CoreResult;
use crate::reflection::intention::IntentionStatus;
use crate::reminder::DueItem;
use crate::reminder_settings::ReminderSettings;
use crate::schedule::local::resolve_local;
use crate::schedule::{plan, Due, PlanSettings, Planned, Recurrence};

const REFLECTION_KEY: &str = "reflection";

impl Store {
    /// Birthdays, intentions and reflection nudges due at `now`, each
    /// recorded in the ledger before it is returned, and when to look again.
    pub fn take_due_derived(
        &mut self,
        now: DateTime<Utc>,
        reminders: &ReminderSettings,
        settings: &PlanSettings,
    ) -> CoreResult<(Vec<DueItem>, Option<DateTime<Utc>>)> {
        let ties = if reminders.birthdays { self.ties_for_reminders()? } else { Vec::new() };
        self.take_due_derived_of(&ties, now, reminders, settings)
    }

    /// [`Store::take_due_derived`] over ties already loaded.
    pub(super) fn take_due_derived_of(
        &mut self,
        ties: &[ReminderTie],
        now: DateTime<Utc>,
        reminders: &ReminderSettings,
        settings: &PlanSettings,
    ) -> CoreResult<(Vec<DueItem>, Option<DateTime<Utc>>)> {
        let today = now.with_timezone(&settings.tz).date_naive();
        let mut planned: Vec<Planned> = Vec::new();
        let mut items: Vec<(String, DueItem)> = Vec::new();
        let day_start = |day: chrono::NaiveDate| resolve_local(day, NaiveTime::MIN, settings.tz);

        if reminders.birthdays {
            let lead = i64::from(reminders.birthday_days_before);
            let birthdays = ties.iter().filter_map(|t| Some((t.id, t.name.as_str(), t.birthday?)));
            for b in birthdays_within(birthdays, today, lead) {
                // (the day it comes, which reminder, days left it announces)
                let mut days = vec![(b.on, "day", 0)];
                // On the day itself the day's own reminder says it all.
                if lead > 0 && b.in_days > 0 {
                    if let Some(ahead) = b.on.checked_sub_days(Days::new(lead.unsigned_abs())) {
                        days.push((ahead, "ahead", b.in_days));
                    }
                }
                for (on, which, in_days) in days {
                    let key = format!("birthday:{}:{}:{which}", b.tie_id, b.on);
                    let previous = on.checked_sub_days(Days::new(1)).unwrap_or(on);
                    planned.push(Planned {
                        key: key.clone(),
                        rule: Recurrence::Once { on, at: None },
                        last_fired_due: None,
                        created_at: day_start(previous),
                    });
                    items.push((key, DueItem::Birthday { tie_id: b.tie_id, name: b.name.clone(), in_days }));
                }
            }
        }
        if reminders.intentions {
            for i in self.list_intentions(true)?.into_iter().filter(|i| i.status == IntentionStatus::Open) {
                let Some(on) = i.due_on else { continue };
                let at = i.due_time.as_deref().and_then(|t| NaiveTime::parse_from_str(t, "%H:%M").ok());
                let key = format!("intention:{}", i.id);
                planned.push(Planned {
                    key: key.clone(),
                    rule: Recurrence::Once { on, at },
                    last_fired_due: None,
                    created_at: i.created_at,
                });
                items.push((key, DueItem::Intention { id: i.id, text: i.text }));
            }
        }
        if let Some(schedule) = &reminders.reflection {
            planned.push(Planned {
                key: REFLECTION_KEY.to_owned(),
                rule: Recurrence::Weekly { days: schedule.days.clone(), at: Some(schedule.at) },
                last_fired_due: None,
                created_at: schedule.since.unwrap_or(now),
            });
            items.push((REFLECTION_KEY.to_owned(), DueItem::Reflection));
        }

        let tx = self.conn.transaction()?;
        let mut fired = HashMap::new();
        for prefix in ["birthday:", "intention:", REFLECTION_KEY] {
            fired.extend(last_fired_by_key(&tx, prefix)?);
        }
        for p in &mut planned {
            p.last_fired_due = fired.get(&p.key).copied();
        }
        let tick = plan(&planned, now, settings);
        let fired = record_fired(&tx, &tick.due, now)?;
        tx.commit()?;
        let due = items.into_iter().filter(|(key, _)| fired.contains(key)).map(|(_, item)| item).collect();
        Ok((due, tick.next_wake))
    }
}

/// The due instant last delivered for each derived reminder whose key
/// starts with `prefix`: one range scan of the ledger's primary key rather
/// than a query per tie.
pub(super) fn last_fired_by_key(tx: &Transaction<'_>, prefix: &str) -> CoreResult<HashMap<String, DateTime<Utc>>> {
    // Keys are ASCII; every key with the prefix sorts between the prefix
    // and the prefix followed by the highest character.
    let mut stmt = tx.prepare_cached(
        "SELECT key, max(due_at) FROM derived_occurrences WHERE key >= ?1 AND key < ?1 || char(1114111) GROUP BY key",
    )?;
    let rows = stmt.query_map([prefix], |r| Ok((r.get::<_, String>(0)?, from_text(1, &r.get::<_, String>(1)?)?)))?;
    Ok(rows.collect::<Result<HashMap<_, _>, _>>()?)
}

/// Writes each due occurrence to the ledger; returns the keys newly
/// written (an occurrence already there is never shown again).
pub(super) fn record_fired(tx: &Transaction<'_>, due: &[Due], now: DateTime<Utc>) -> CoreResult<Vec<String>> {
    let mut fired = Vec::new();
    let mut stmt =
        tx.prepare_cached("INSERT OR IGNORE INTO derived_occurrences (key, due_at, fired_at) VALUES (?1, ?2, ?3)")?;
    for d in due {
        let inserted = stmt.execute(params![d.key, to_text(d.due_at), to_text(now)])?;
        if inserted == 1 {
            fired.push(d.key.clone());
        }
    }
    Ok(fired)
}

#[cfg(test)]
#[path = "derived_reminders_tests.rs"]
mod tests;
