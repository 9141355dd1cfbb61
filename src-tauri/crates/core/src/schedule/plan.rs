//! The planner: given every reminder, what was last delivered for each, and
//! the time now, which reminders to deliver on this tick and when to look
//! again. Pure, so the scheduler in the shell only persists and delivers.
//!
//! How it keeps its promises:
//!
//! - **At most once.** The caller persists each delivered [`Due::due_at`] as
//!   that reminder's `last_fired_due`, in the same transaction that records
//!   the notice, and the planner only ever delivers occurrences strictly
//!   after it. A tick that runs twice, a restart, or a wall clock that jumps
//!   *backwards* (NTP, a manual change, a dead CMOS battery) therefore cannot
//!   deliver anything a second time: after a backwards jump the occurrences
//!   between the new "now" and `last_fired_due` are already behind the mark,
//!   and nothing new is due until the clock passes it again.
//! - **Nothing lost, nothing replayed.** Occurrences missed while the app
//!   was closed or the machine asleep are not replayed one by one: the
//!   latest is delivered once, and [`Due::missed`] counts the earlier ones
//!   folded into it ("you had 3 of these while away"), up to
//!   [`PlanSettings::catch_up_limit`].
//! - **Quiet hours hold, never drop.** Nothing is delivered while `now` is
//!   inside quiet hours; whatever came round then is delivered at the first
//!   tick after they end. `due_at` stays the occurrence's own instant, so
//!   holding it cannot make it fire twice.

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::quiet_hours::QuietHours;
use super::recurrence::Recurrence;

/// A sensible cap on how many missed occurrences of one reminder are
/// counted: a daily reminder left for more than two years is "many".
pub const CATCH_UP_LIMIT: usize = 1_000;

/// One reminder as the planner needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Planned {
    /// Stable id of the reminder, such as `"custom:12"` or `"reach_out:7"`.
    pub key: String,
    pub rule: Recurrence,
    /// The due instant of the last occurrence already delivered (persisted
    /// by the caller). Only occurrences strictly after it can be due.
    pub last_fired_due: Option<DateTime<Utc>>,
    /// When the reminder was set up. With nothing delivered yet, only
    /// occurrences strictly after this can be due, so a new reminder never
    /// fires for times before it existed (a one-off set for a time already
    /// past never fires).
    pub created_at: DateTime<Utc>,
}

/// One reminder to deliver now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Due {
    pub key: String,
    /// The occurrence's own due instant (not the moment of delivery). The
    /// caller persists it as the reminder's `last_fired_due`.
    pub due_at: DateTime<Utc>,
    /// How many earlier occurrences of this reminder went by undelivered
    /// (app closed, machine asleep) and are folded into this one.
    pub missed: u32,
}

/// What one tick decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Tick {
    /// Everything to deliver now, earliest due first (then by key), so the
    /// order never depends on the order of the input.
    pub due: Vec<Due>,
    /// The earliest instant after now at which some reminder will become
    /// deliverable (quiet hours taken into account), for the caller's timer.
    /// Always later than `now`; `None` when nothing will ever come round.
    pub next_wake: Option<DateTime<Utc>>,
}

/// The person's settings that shape every tick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanSettings {
    /// The person's time zone; rules are wall-clock times in it.
    pub tz: Tz,
    /// The time of day for date-only reminders.
    pub preferred: NaiveTime,
    pub quiet: QuietHours,
    /// The most missed occurrences counted for one reminder in one tick;
    /// beyond it [`Due::missed`] stays at this number, read as "at least".
    /// Also bounds the work after a very long absence.
    pub catch_up_limit: usize,
}

/// Decides one tick. See the module for the guarantees.
pub fn plan(reminders: &[Planned], now: DateTime<Utc>, settings: &PlanSettings) -> Tick {
    let PlanSettings { tz, preferred, quiet, .. } = *settings;
    let released = quiet.release_time(now, tz);
    let quiet_now = released > now;
    let mut due = Vec::new();
    let mut next_wake: Option<DateTime<Utc>> = None;

    for reminder in reminders {
        let rule = &reminder.rule;
        let mut since = reminder.last_fired_due.unwrap_or(reminder.created_at);
        if !quiet_now {
            if let Some(latest) = rule.last_at_or_before(now, tz, preferred).filter(|latest| *latest > since) {
                let missed = count_between(rule, since, latest, settings);
                due.push(Due { key: reminder.key.clone(), due_at: latest, missed });
                since = latest;
            }
        }
        let wake = match rule.next_after(since, tz, preferred) {
            // Already came round but held by the quiet hours we are in.
            // (Outside quiet hours, everything up to now was just delivered.)
            Some(pending) if pending <= now => quiet_now.then_some(released),
            Some(pending) => Some(quiet.release_time(pending, tz)),
            None => None,
        };
        next_wake = match (next_wake, wake) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }

    due.sort_by(|a, b| a.due_at.cmp(&b.due_at).then_with(|| a.key.cmp(&b.key)));
    Tick { due, next_wake }
}

/// Occurrences strictly between `since` and `latest`, counted one by one up
/// to the catch-up limit.
fn count_between(rule: &Recurrence, since: DateTime<Utc>, latest: DateTime<Utc>, settings: &PlanSettings) -> u32 {
    let mut missed = 0usize;
    let mut cursor = since;
    while missed < settings.catch_up_limit {
        match rule.next_after(cursor, settings.tz, settings.preferred) {
            Some(occurrence) if occurrence < latest => {
                missed += 1;
                cursor = occurrence;
            }
            _ => break,
        }
    }
    u32::try_from(missed).unwrap_or(u32::MAX)
}

/// The day a reach-out reminder comes due: the last contact (or, with none,
/// the day the tie was added) plus the cadence. Date only, so it fires at
/// the preferred time of day, e.g. as `Recurrence::Once { on, at: None }`.
/// A cadence of 0 gives the same day; callers treat 0 as "no cadence"
/// before getting here (see `reach_out`).
pub fn cadence_due(last_contact_or_added: NaiveDate, cadence_days: u32) -> NaiveDate {
    last_contact_or_added.checked_add_days(Days::new(u64::from(cadence_days))).unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use chrono::Duration;
    use chrono_tz::{Europe, UTC};
    use proptest::prelude::*;

    use super::*;
    use crate::schedule::recurrence::Weekday;
    use crate::schedule::test_support::{arb_rule, arb_zone, brute_occurrences, date, hm, utc};

    const TICK: Duration = Duration::seconds(30);

    fn settings(tz: Tz, quiet: QuietHours) -> PlanSettings {
        PlanSettings { tz, preferred: hm(9, 0), quiet, catch_up_limit: CATCH_UP_LIMIT }
    }

    fn planned(key: &str, rule: Recurrence, created_at: DateTime<Utc>) -> Planned {
        Planned { key: key.to_owned(), rule, last_fired_due: None, created_at }
    }

    /// The caller, in miniature: ticks, and after each tick persists every
    /// delivered `due_at` as that reminder's `last_fired_due`, keeping a log.
    struct Scheduler {
        reminders: Vec<Planned>,
        settings: PlanSettings,
        /// (tick time, what was delivered)
        log: Vec<(DateTime<Utc>, Due)>,
        last_tick: Option<Tick>,
    }

    impl Scheduler {
        fn new(reminders: Vec<Planned>, settings: PlanSettings) -> Self {
            Self { reminders, settings, log: Vec::new(), last_tick: None }
        }

        fn tick(&mut self, now: DateTime<Utc>) -> usize {
            let tick = plan(&self.reminders, now, &self.settings);
            for due in &tick.due {
                let reminder = self.reminders.iter_mut().find(|r| r.key == due.key).expect("a known key");
                assert!(reminder.last_fired_due < Some(due.due_at), "{due:?} would fire again");
                reminder.last_fired_due = Some(due.due_at);
                self.log.push((now, due.clone()));
            }
            let delivered = tick.due.len();
            self.last_tick = Some(tick);
            delivered
        }

        /// Ticks every 30 s over `[from, to)`.
        fn run(&mut self, from: DateTime<Utc>, to: DateTime<Utc>) {
            let mut now = from;
            while now < to {
                self.tick(now);
                now += TICK;
            }
        }

        fn due_ats(&self) -> Vec<DateTime<Utc>> {
            self.log.iter().map(|(_, due)| due.due_at).collect()
        }
    }

    #[test]
    fn an_ordinary_week_of_ticks_delivers_each_day_once() {
        // Monday 5 January 2026, London (GMT, so local = UTC).
        let monday = utc(2026, 1, 5, 0, 0);
        let rule = Recurrence::Daily { at: Some(hm(9, 0)) };
        let mut scheduler =
            Scheduler::new(vec![planned("custom:1", rule, monday)], settings(Europe::London, QuietHours::default()));
        scheduler.run(monday, monday + Duration::days(7));

        let expected: Vec<_> = (5..12).map(|day| utc(2026, 1, day, 9, 0)).collect();
        assert_eq!(scheduler.due_ats(), expected);
        for (delivered_at, due) in &scheduler.log {
            assert_eq!(*delivered_at, due.due_at, "delivered on the first tick at its time");
            assert_eq!(due.missed, 0);
        }
        assert_eq!(scheduler.last_tick.unwrap().next_wake, Some(utc(2026, 1, 12, 9, 0)));
    }

    #[test]
    fn the_next_wake_is_the_next_occurrence() {
        let monday = utc(2026, 1, 5, 0, 0);
        let reminders = vec![
            planned("custom:1", Recurrence::Daily { at: Some(hm(9, 0)) }, monday),
            planned("custom:2", Recurrence::Once { on: date(2026, 1, 5), at: Some(hm(7, 45)) }, monday),
        ];
        let tick = plan(&reminders, utc(2026, 1, 5, 6, 0), &settings(UTC, QuietHours::none()));
        assert_eq!(tick, Tick { due: vec![], next_wake: Some(utc(2026, 1, 5, 7, 45)) });
        assert_eq!(plan(&[], monday, &settings(UTC, QuietHours::none())).next_wake, None);
    }

    #[test]
    fn the_clock_jumping_back_two_hours_delivers_nothing_twice() {
        let monday = utc(2026, 1, 5, 0, 0);
        let rule = Recurrence::Daily { at: Some(hm(9, 0)) };
        let mut scheduler =
            Scheduler::new(vec![planned("custom:1", rule, monday)], settings(UTC, QuietHours::default()));
        scheduler.run(utc(2026, 1, 5, 8, 0), utc(2026, 1, 5, 9, 1));
        assert_eq!(scheduler.due_ats(), vec![utc(2026, 1, 5, 9, 0)]);

        // 09:01 becomes 07:01, and the clock runs on past 09:00 again.
        scheduler.run(utc(2026, 1, 5, 7, 1), utc(2026, 1, 5, 12, 0));
        assert_eq!(scheduler.due_ats(), vec![utc(2026, 1, 5, 9, 0)]);
        // The next day comes round as usual.
        scheduler.run(utc(2026, 1, 6, 8, 0), utc(2026, 1, 6, 10, 0));
        assert_eq!(scheduler.due_ats(), vec![utc(2026, 1, 5, 9, 0), utc(2026, 1, 6, 9, 0)]);
    }

    #[test]
    fn three_days_asleep_then_one_tick_delivers_once_and_counts_the_rest() {
        let monday = utc(2026, 1, 5, 0, 0);
        let rule = Recurrence::Daily { at: Some(hm(9, 0)) };
        let mut scheduler =
            Scheduler::new(vec![planned("custom:1", rule, monday)], settings(UTC, QuietHours::default()));
        scheduler.tick(utc(2026, 1, 5, 9, 0));
        // Asleep from Monday 09:00:30 until Thursday 09:30: Tuesday,
        // Wednesday and Thursday came round meanwhile.
        assert_eq!(scheduler.tick(utc(2026, 1, 8, 9, 30)), 1);
        let (_, due) = scheduler.log.last().unwrap();
        assert_eq!(due, &Due { key: "custom:1".into(), due_at: utc(2026, 1, 8, 9, 0), missed: 2 });
        // And nothing more on the ticks that follow.
        scheduler.run(utc(2026, 1, 8, 9, 30), utc(2026, 1, 8, 12, 0));
        assert_eq!(scheduler.log.len(), 2);
    }

    #[test]
    fn the_count_of_missed_stops_at_the_catch_up_limit() {
        let start = utc(2026, 1, 1, 0, 0);
        let reminders = vec![planned("custom:1", Recurrence::Daily { at: Some(hm(9, 0)) }, start)];
        let now = utc(2026, 1, 31, 12, 0); // 31 occurrences, 30 missed
        let mut limited = settings(UTC, QuietHours::none());
        assert_eq!(plan(&reminders, now, &limited).due[0].missed, 30);
        limited.catch_up_limit = 5;
        assert_eq!(
            plan(&reminders, now, &limited).due[0],
            Due { key: "custom:1".into(), due_at: utc(2026, 1, 31, 9, 0), missed: 5 }
        );
        limited.catch_up_limit = 0;
        assert_eq!(plan(&reminders, now, &limited).due[0].missed, 0);
    }

    #[test]
    fn fifty_reminders_due_at_once_all_come_in_one_tick() {
        let created = utc(2026, 1, 5, 0, 0);
        let reminders: Vec<_> = (0..50u32)
            .map(|i| {
                let rule = match i % 5 {
                    0 => Recurrence::Daily { at: Some(hm(8, i)) },
                    1 => Recurrence::Once { on: date(2026, 1, 5), at: Some(hm(7, i)) },
                    2 => Recurrence::Weekly { days: vec![Weekday::Monday], at: None },
                    3 => Recurrence::EveryNDays { n: 3, start: date(2026, 1, 5), at: Some(hm(6, i)) },
                    _ => Recurrence::Monthly { day: 5, at: Some(hm(8, 59)) },
                };
                planned(&format!("custom:{i}"), rule, created)
            })
            .collect();
        let mut scheduler = Scheduler::new(reminders, settings(UTC, QuietHours::default()));
        assert_eq!(scheduler.tick(utc(2026, 1, 5, 9, 0)), 50);
        let keys: std::collections::BTreeSet<_> = scheduler.log.iter().map(|(_, due)| due.key.clone()).collect();
        assert_eq!(keys.len(), 50);
        assert!(scheduler.log.iter().all(|(_, due)| due.missed == 0));
        assert!(scheduler.log.windows(2).all(|w| w[0].1.due_at <= w[1].1.due_at), "earliest first");
        assert_eq!(scheduler.tick(utc(2026, 1, 5, 9, 0) + TICK), 0);
    }

    fn three_reminders(created: DateTime<Utc>) -> Vec<Planned> {
        vec![
            planned("custom:1", Recurrence::Daily { at: Some(hm(9, 0)) }, created),
            planned("reach_out:7", Recurrence::Once { on: cadence_due(date(2026, 1, 2), 4), at: None }, created),
            planned("reflection:1", Recurrence::Weekly { days: vec![Weekday::Tuesday], at: Some(hm(19, 30)) }, created),
        ]
    }

    #[test]
    fn a_restart_loses_nothing_and_repeats_nothing() {
        let start = utc(2026, 1, 5, 0, 0);
        let end = utc(2026, 1, 8, 0, 0);
        let settings = settings(UTC, QuietHours::default());

        let mut steady = Scheduler::new(three_reminders(start), settings);
        steady.run(start, end);
        let steady_dues: Vec<_> = steady.log.iter().map(|(_, due)| due.clone()).collect();
        assert_eq!(
            steady.due_ats(),
            vec![
                utc(2026, 1, 5, 9, 0),
                utc(2026, 1, 6, 9, 0),
                utc(2026, 1, 6, 9, 0),
                utc(2026, 1, 6, 19, 30),
                utc(2026, 1, 7, 9, 0)
            ]
        );

        // Stop on Tuesday at 09:00:30, just after a delivery; what survives
        // is only what was persisted. Start again at once.
        let stop = utc(2026, 1, 6, 9, 0) + TICK;
        let mut before = Scheduler::new(three_reminders(start), settings);
        before.run(start, stop);
        let persisted: HashMap<String, Option<DateTime<Utc>>> =
            before.reminders.iter().map(|r| (r.key.clone(), r.last_fired_due)).collect();
        let rebuilt =
            three_reminders(start).into_iter().map(|r| Planned { last_fired_due: persisted[&r.key], ..r }).collect();
        let mut after = Scheduler::new(rebuilt, settings);
        after.run(stop, end);
        let mut joined: Vec<_> = before.log.iter().chain(&after.log).map(|(_, due)| due.clone()).collect();
        assert_eq!(joined, steady_dues);

        // Stop instead for three hours across Wednesday 09:00: the start-up
        // tick delivers it, once.
        let mut before = Scheduler::new(three_reminders(start), settings);
        before.run(start, utc(2026, 1, 7, 8, 0));
        let rebuilt =
            before.reminders.iter().map(|r| Planned { last_fired_due: r.last_fired_due, ..r.clone() }).collect();
        let mut after = Scheduler::new(rebuilt, settings);
        after.run(utc(2026, 1, 7, 11, 0), end);
        assert_eq!(
            after.log,
            vec![(utc(2026, 1, 7, 11, 0), Due { key: "custom:1".into(), due_at: utc(2026, 1, 7, 9, 0), missed: 0 })]
        );
        joined = before.log.iter().chain(&after.log).map(|(_, due)| due.clone()).collect();
        assert_eq!(joined, steady_dues);
    }

    #[test]
    fn a_late_evening_reminder_waits_for_the_morning_once() {
        // 23:00 each day with quiet hours 22:00–08:00, London in winter.
        let monday = utc(2026, 1, 5, 0, 0);
        let rule = Recurrence::Daily { at: Some(hm(23, 0)) };
        let mut scheduler =
            Scheduler::new(vec![planned("custom:1", rule, monday)], settings(Europe::London, QuietHours::default()));
        scheduler.run(utc(2026, 1, 5, 20, 0), utc(2026, 1, 5, 23, 5));
        assert!(scheduler.log.is_empty());
        assert_eq!(scheduler.last_tick.as_ref().unwrap().next_wake, Some(utc(2026, 1, 6, 8, 0)));

        scheduler.run(utc(2026, 1, 5, 23, 5), utc(2026, 1, 8, 12, 0));
        let expected = vec![
            (utc(2026, 1, 6, 8, 0), Due { key: "custom:1".into(), due_at: utc(2026, 1, 5, 23, 0), missed: 0 }),
            (utc(2026, 1, 7, 8, 0), Due { key: "custom:1".into(), due_at: utc(2026, 1, 6, 23, 0), missed: 0 }),
            (utc(2026, 1, 8, 8, 0), Due { key: "custom:1".into(), due_at: utc(2026, 1, 7, 23, 0), missed: 0 }),
        ];
        assert_eq!(scheduler.log, expected);
    }

    #[test]
    fn nothing_is_delivered_inside_quiet_hours_even_if_it_came_round_before() {
        // 21:00, before quiet hours; the app was closed from 20:00 to 23:30.
        let monday = utc(2026, 1, 5, 0, 0);
        let rule = Recurrence::Daily { at: Some(hm(21, 0)) };
        let mut scheduler =
            Scheduler::new(vec![planned("custom:1", rule, monday)], settings(UTC, QuietHours::default()));
        assert_eq!(scheduler.tick(utc(2026, 1, 5, 23, 30)), 0);
        assert_eq!(scheduler.last_tick.as_ref().unwrap().next_wake, Some(utc(2026, 1, 6, 8, 0)));
        assert_eq!(scheduler.tick(utc(2026, 1, 6, 8, 0)), 1);
        assert_eq!(scheduler.log[0].1, Due { key: "custom:1".into(), due_at: utc(2026, 1, 5, 21, 0), missed: 0 });
    }

    #[test]
    fn quiet_hours_within_the_day_and_none_at_all() {
        let monday = utc(2026, 1, 5, 0, 0);
        let rule = Recurrence::Daily { at: Some(hm(13, 30)) };
        let nap = QuietHours { start: hm(13, 0), end: hm(15, 0) };
        let mut scheduler = Scheduler::new(vec![planned("custom:1", rule.clone(), monday)], settings(UTC, nap));
        scheduler.run(monday, monday + Duration::days(2));
        assert_eq!(
            scheduler.log.iter().map(|(at, due)| (*at, due.due_at)).collect::<Vec<_>>(),
            vec![(utc(2026, 1, 5, 15, 0), utc(2026, 1, 5, 13, 30)), (utc(2026, 1, 6, 15, 0), utc(2026, 1, 6, 13, 30))]
        );

        // Without quiet hours, a 23:00 reminder comes at 23:00.
        let rule = Recurrence::Daily { at: Some(hm(23, 0)) };
        let mut scheduler = Scheduler::new(vec![planned("custom:1", rule, monday)], settings(UTC, QuietHours::none()));
        scheduler.run(monday, monday + Duration::days(1));
        assert_eq!(
            scheduler.log,
            vec![(utc(2026, 1, 5, 23, 0), Due { key: "custom:1".into(), due_at: utc(2026, 1, 5, 23, 0), missed: 0 })]
        );
    }

    #[test]
    fn ticking_through_both_clock_changes_in_london() {
        let no_quiet = settings(Europe::London, QuietHours::none());
        let nightly = Recurrence::Daily { at: Some(hm(1, 30)) };
        let morning = Recurrence::Daily { at: None }; // preferred 09:00

        let start = utc(2026, 3, 28, 0, 0);
        let mut spring =
            Scheduler::new(vec![planned("a", nightly.clone(), start), planned("b", morning.clone(), start)], no_quiet);
        spring.run(start, utc(2026, 3, 31, 0, 0));
        let delivered: Vec<_> = spring.log.iter().map(|(at, due)| (due.key.as_str(), *at, due.due_at)).collect();
        assert_eq!(
            delivered,
            vec![
                ("a", utc(2026, 3, 28, 1, 30), utc(2026, 3, 28, 1, 30)), // 01:30 GMT
                ("b", utc(2026, 3, 28, 9, 0), utc(2026, 3, 28, 9, 0)),   // 09:00 GMT
                ("a", utc(2026, 3, 29, 1, 0), utc(2026, 3, 29, 1, 0)),   // 01:30 skipped: 02:00 BST
                ("b", utc(2026, 3, 29, 8, 0), utc(2026, 3, 29, 8, 0)),   // 09:00 BST
                ("a", utc(2026, 3, 30, 0, 30), utc(2026, 3, 30, 0, 30)), // 01:30 BST
                ("b", utc(2026, 3, 30, 8, 0), utc(2026, 3, 30, 8, 0)),
            ]
        );

        let start = utc(2026, 10, 24, 0, 0);
        let mut autumn = Scheduler::new(vec![planned("a", nightly, start), planned("b", morning, start)], no_quiet);
        autumn.run(start, utc(2026, 10, 27, 0, 0));
        let delivered: Vec<_> = autumn.log.iter().map(|(at, due)| (due.key.as_str(), *at, due.due_at)).collect();
        assert_eq!(
            delivered,
            vec![
                ("a", utc(2026, 10, 24, 0, 30), utc(2026, 10, 24, 0, 30)), // 01:30 BST
                ("b", utc(2026, 10, 24, 8, 0), utc(2026, 10, 24, 8, 0)),   // 09:00 BST
                ("a", utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 0, 30)), // first 01:30 only
                ("b", utc(2026, 10, 25, 9, 0), utc(2026, 10, 25, 9, 0)),   // 09:00 GMT
                ("a", utc(2026, 10, 26, 1, 30), utc(2026, 10, 26, 1, 30)), // 01:30 GMT
                ("b", utc(2026, 10, 26, 9, 0), utc(2026, 10, 26, 9, 0)),
            ]
        );
    }

    #[test]
    fn a_one_off_set_for_a_time_already_past_does_not_fire() {
        let created = utc(2026, 1, 5, 10, 0);
        let reminders = vec![planned("intention:1", Recurrence::Once { on: date(2026, 1, 5), at: None }, created)];
        let tick = plan(&reminders, utc(2026, 1, 5, 12, 0), &settings(UTC, QuietHours::none()));
        assert_eq!(tick, Tick { due: vec![], next_wake: None });
    }

    #[test]
    fn cadence_due_adds_the_cadence_to_the_last_contact() {
        assert_eq!(cadence_due(date(2026, 1, 30), 14), date(2026, 2, 13));
        assert_eq!(cadence_due(date(2028, 2, 28), 1), date(2028, 2, 29));
        assert_eq!(cadence_due(date(2026, 1, 30), 0), date(2026, 1, 30));
        assert_eq!(cadence_due(NaiveDate::MAX, 30), NaiveDate::MAX);
    }

    #[test]
    fn the_wire_format_is_camel_case() {
        let due = Due { key: "custom:1".into(), due_at: utc(2026, 1, 5, 9, 0), missed: 2 };
        assert_eq!(
            serde_json::to_value(&due).unwrap(),
            serde_json::json!({"key": "custom:1", "dueAt": "2026-01-05T09:00:00Z", "missed": 2})
        );
    }

    fn arb_quiet() -> impl Strategy<Value = QuietHours> {
        let quarter = (0u32..96).prop_map(|q| hm(q / 4, (q % 4) * 15));
        prop_oneof![
            1 => Just(QuietHours::none()),
            1 => Just(QuietHours::default()),
            3 => (quarter.clone(), quarter).prop_map(|(start, end)| QuietHours { start, end }),
        ]
    }

    /// Seconds between ticks: mostly forwards (a tick, an hour, a night's
    /// sleep, days away), sometimes the clock jumping backwards.
    fn arb_step() -> impl Strategy<Value = i64> {
        prop_oneof![
            3 => 30i64..=3_600,
            3 => 3_600i64..=86_400,
            1 => 86_400i64..=4 * 86_400,
            1 => -2 * 86_400i64..=-1,
        ]
    }

    proptest! {
        #[test]
        fn every_occurrence_is_delivered_at_most_once_and_none_is_lost(
            reminders in proptest::collection::vec((arb_rule(), 0i64..20 * 86_400), 1..5),
            start_minutes in 0i64..330 * 24 * 60,
            steps in proptest::collection::vec(arb_step(), 1..300),
            tz in arb_zone(),
            quiet in arb_quiet(),
            preferred_hour in 0u32..24,
        ) {
            let settings = PlanSettings { tz, preferred: hm(preferred_hour, 0), quiet, catch_up_limit: 100_000 };
            let start = utc(2026, 1, 1, 0, 0) + Duration::minutes(start_minutes);
            let planned: Vec<_> = reminders
                .iter()
                .enumerate()
                .map(|(i, (rule, back))| Planned {
                    key: format!("custom:{i}"),
                    rule: rule.clone(),
                    last_fired_due: None,
                    created_at: start - Duration::seconds(*back),
                })
                .collect();
            let mut state = planned.clone();
            let mut delivered: HashMap<String, Vec<Due>> = HashMap::new();
            let mut now = start;
            let mut latest_now = start;

            // Every tick, then one last tick a day after the latest, outside
            // quiet hours, to collect whatever is still owed.
            let mut times: Vec<DateTime<Utc>> = Vec::new();
            for step in &steps {
                times.push(now);
                now += Duration::seconds(*step);
                latest_now = latest_now.max(now);
            }
            let mut end = quiet.release_time(latest_now + Duration::days(1), tz);
            while quiet.is_quiet(end, tz) {
                end = quiet.release_time(end, tz);
            }
            times.push(end);

            for now in times {
                let tick = plan(&state, now, &settings);
                let quiet_now = quiet.is_quiet(now, tz);
                prop_assert!(!quiet_now || tick.due.is_empty(), "delivered inside quiet hours");
                if let Some(wake) = tick.next_wake {
                    prop_assert!(wake > now, "a wake-up at or before now would spin");
                }
                for due in &tick.due {
                    let reminder = state.iter_mut().find(|r| r.key == due.key).unwrap();
                    let since = reminder.last_fired_due.unwrap_or(reminder.created_at);
                    // At most once: strictly after the last one delivered.
                    prop_assert!(due.due_at > since);
                    prop_assert!(due.due_at <= now);
                    // Exactly the occurrences since then, the latest delivered.
                    let owed = brute_occurrences(&reminder.rule, since, due.due_at, tz, settings.preferred);
                    prop_assert_eq!(owed.last(), Some(&due.due_at));
                    prop_assert_eq!(due.missed as usize, owed.len() - 1);
                    reminder.last_fired_due = Some(due.due_at);
                    delivered.entry(due.key.clone()).or_default().push(due.clone());
                }
                // Outside quiet hours nothing that has come round is left over.
                if !quiet_now {
                    for reminder in &state {
                        let since = reminder.last_fired_due.unwrap_or(reminder.created_at);
                        if let Some(next) = reminder.rule.next_after(since, tz, settings.preferred) {
                            prop_assert!(next > now, "{} left {next} behind at {now}", reminder.key);
                        }
                    }
                }
                // The wake-up is neither late nor early.
                if let Some(wake) = tick.next_wake {
                    if wake - now > Duration::seconds(1) {
                        prop_assert!(plan(&state, wake - Duration::seconds(1), &settings).due.is_empty());
                    }
                    prop_assert!(!plan(&state, wake, &settings).due.is_empty() || quiet.is_quiet(wake, tz));
                }
            }

            // None lost: delivered plus missed is every occurrence up to the end.
            for reminder in &planned {
                let all = brute_occurrences(&reminder.rule, reminder.created_at, end, tz, settings.preferred);
                let dues = delivered.get(&reminder.key).cloned().unwrap_or_default();
                let accounted: usize = dues.iter().map(|due| 1 + due.missed as usize).sum();
                prop_assert_eq!(accounted, all.len(), "{}", reminder.key);
                prop_assert!(dues.windows(2).all(|w| w[0].due_at < w[1].due_at));
                prop_assert_eq!(dues.last().map(|due| due.due_at), all.last().copied());
            }
        }
    }
}
