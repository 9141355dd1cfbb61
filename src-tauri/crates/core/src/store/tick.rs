//! One look at the clock for every kind of reminder: what the scheduler
//! calls every 30 seconds. Everything due is taken (written to the ledgers)
//! in one go and returned for gathering into one notification.
//!
//! Most ticks find nothing: nothing was written since the last full look,
//! the clock has not reached the next wake-up, and the day has not turned.
//! Those ticks are answered from a small cache instead of planning 10,000
//! ties again (see BENCHMARKS.md). Any write through the store, a new zone,
//! the clock going backwards or midnight makes the next tick a full one.

use chrono::{DateTime, Days, NaiveTime, Utc};

use super::Store;
use crate::error::CoreResult;
use crate::reminder::DueItem;
use crate::schedule::local::resolve_local;
use crate::schedule::Tz;

/// What one tick took and when to look again.
#[derive(Debug, Clone, PartialEq)]
pub struct TickOutcome {
    pub items: Vec<DueItem>,
    pub next_wake: Option<DateTime<Utc>>,
    /// Whether to show desktop notifications (a setting).
    pub desktop: bool,
}

/// The last full tick's answer, valid while nothing changed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TickCache {
    changes: u64,
    tz: Tz,
    computed_at: DateTime<Utc>,
    valid_until: DateTime<Utc>,
    next_wake: Option<DateTime<Utc>>,
    desktop: bool,
}

impl Store {
    pub fn tick_reminders(&mut self, now: DateTime<Utc>, tz: Tz) -> CoreResult<TickOutcome> {
        if let Some(cache) = self.tick_cache {
            let unchanged = cache.changes == self.conn.total_changes() && cache.tz == tz;
            if unchanged && cache.computed_at <= now && now < cache.valid_until {
                return Ok(TickOutcome { items: Vec::new(), next_wake: cache.next_wake, desktop: cache.desktop });
            }
        }
        let outcome = self.full_tick(now, tz)?;
        let today = now.with_timezone(&tz).date_naive();
        let midnight = today.checked_add_days(Days::new(1)).map(|d| resolve_local(d, NaiveTime::MIN, tz));
        let valid_until = [outcome.next_wake, midnight].into_iter().flatten().min().unwrap_or(now);
        self.tick_cache = Some(TickCache {
            changes: self.conn.total_changes(),
            tz,
            computed_at: now,
            valid_until,
            next_wake: outcome.next_wake,
            desktop: outcome.desktop,
        });
        Ok(outcome)
    }

    fn full_tick(&mut self, now: DateTime<Utc>, tz: Tz) -> CoreResult<TickOutcome> {
        let reminders = self.reminder_settings()?;
        if let Some(until) = reminders.paused_until.filter(|until| *until > now) {
            return Ok(TickOutcome { items: Vec::new(), next_wake: Some(until), desktop: reminders.desktop });
        }
        let settings = reminders.plan_settings(tz);
        let custom = self.take_due_reminders(now, &settings)?;
        let mut items: Vec<DueItem> =
            custom.due.iter().map(|r| DueItem::Custom { title: r.title.clone(), note: r.note.clone() }).collect();
        let mut wakes = vec![custom.next_wake];
        let ties = if reminders.reach_outs || reminders.birthdays { self.ties_for_reminders()? } else { Vec::new() };
        if reminders.reach_outs {
            let (reach_outs, next) = self.take_due_reach_outs_of(&ties, now, &settings)?;
            items.extend(reach_outs.into_iter().map(|r| DueItem::ReachOut { tie_id: r.tie_id, name: r.name }));
            wakes.push(next);
        }
        let (derived, next) = self.take_due_derived_of(&ties, now, &reminders, &settings)?;
        items.extend(derived);
        wakes.push(next);
        Ok(TickOutcome { items, next_wake: wakes.into_iter().flatten().min(), desktop: reminders.desktop })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{Duration, NaiveDate, TimeZone};

    use super::*;
    use crate::clock::FixedClock;
    use crate::contact::{Channel, ContactDraft};
    use crate::reminder::ReminderDraft;
    use crate::schedule::Recurrence;
    use crate::tie::{Birthday, Circle, TieDraft};

    fn at(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, d, h, m, 0).unwrap()
    }

    fn london() -> Tz {
        chrono_tz::Europe::London
    }

    /// Ticks every 30 s over a span, counting deliveries per title.
    fn run(store: &mut Store, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<(DateTime<Utc>, DueItem)> {
        let mut out = Vec::new();
        let mut now = from;
        while now <= to {
            out.extend(store.tick_reminders(now, london()).unwrap().items.into_iter().map(|i| (now, i)));
            now += Duration::seconds(30);
        }
        out
    }

    #[test]
    fn the_cache_never_hides_a_delivery_and_never_repeats_one() {
        let clock = Arc::new(FixedClock::new(at(20, 8, 0)));
        let mut store = Store::open_in_memory(clock.clone()).unwrap();
        let mut sam = TieDraft::person("Sam");
        sam.circle = Some(Circle::Inner);
        let sam = store.create_tie(sam).unwrap().id;
        store
            .create_contact(ContactDraft::on(NaiveDate::from_ymd_opt(2026, 11, 16).unwrap(), Channel::Call, vec![sam]))
            .unwrap();
        let mut mina = TieDraft::person("Mina");
        mina.birthday = Some(Birthday { day: 24, month: 11, year: None });
        store.create_tie(mina).unwrap();
        let daily = Recurrence::Daily { at: NaiveTime::from_hms_opt(18, 0, 0) };
        store.create_reminder(ReminderDraft { title: "Stretch".into(), note: String::new(), rule: daily }).unwrap();

        // Four days of 30-second ticks: Stretch daily at 18:00 (20th–23rd),
        // Sam on the 23rd at 09:00 (weekly from the 16th), Mina the day
        // before her birthday (23rd, 09:00). Each exactly once.
        let got = run(&mut store, at(20, 8, 0), at(23, 23, 59));
        let when: Vec<(DateTime<Utc>, &str)> = got
            .iter()
            .map(|(t, i)| {
                (
                    *t,
                    match i {
                        DueItem::Custom { title, .. } => title.as_str(),
                        DueItem::ReachOut { name, .. } | DueItem::Birthday { name, .. } => name.as_str(),
                        _ => "?",
                    },
                )
            })
            .collect();
        assert_eq!(
            when,
            [
                (at(20, 18, 0), "Stretch"),
                (at(21, 18, 0), "Stretch"),
                (at(22, 18, 0), "Stretch"),
                (at(23, 9, 0), "Sam"),
                (at(23, 9, 0), "Mina"),
                (at(23, 18, 0), "Stretch"),
            ]
        );
    }

    #[test]
    fn a_write_or_a_clock_jump_back_makes_the_next_tick_a_full_one() {
        let clock = Arc::new(FixedClock::new(at(20, 8, 0)));
        let mut store = Store::open_in_memory(clock.clone()).unwrap();
        assert!(run(&mut store, at(20, 10, 0), at(20, 10, 5)).is_empty());
        // A reminder added for 10:10 while the cache says "nothing until
        // midnight" still comes at 10:10.
        let once = Recurrence::Once {
            on: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            at: NaiveTime::from_hms_opt(10, 10, 0),
        };
        clock.set(at(20, 10, 6));
        store.create_reminder(ReminderDraft { title: "Kettle".into(), note: String::new(), rule: once }).unwrap();
        let got = run(&mut store, at(20, 10, 6), at(20, 10, 20));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, at(20, 10, 10));
        // The clock jumps back an hour: nothing again, nothing lost.
        assert!(run(&mut store, at(20, 9, 10), at(20, 10, 30)).is_empty());
    }
}
