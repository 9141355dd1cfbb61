//! Birthday, intention and reflection reminders on real SQLite, ticking
//! like the scheduler does and counting exactly what is delivered.

use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};

use crate::clock::FixedClock;
use crate::reflection::intention::{IntentionDraft, IntentionStatus};
use crate::reminder::DueItem;
use crate::reminder_settings::{ReflectionSchedule, ReminderSettings};
use crate::schedule::test_support::london_settings;
use crate::schedule::Weekday;
use crate::store::Store;
use crate::tie::{Birthday, TieDraft};

fn at(d: u32, h: u32, m: u32) -> DateTime<Utc> {
    // November in London is UTC.
    Utc.with_ymd_and_hms(2026, 11, d, h, m, 0).unwrap()
}

fn store(now: DateTime<Utc>) -> (Store, Arc<FixedClock>) {
    let clock = Arc::new(FixedClock::new(now));
    (Store::open_in_memory(clock.clone()).unwrap(), clock)
}

/// Ticks every 30 seconds from `from` to `to`, returning every item with
/// the instant it was delivered.
fn run(
    store: &mut Store,
    settings: &ReminderSettings,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<(DateTime<Utc>, DueItem)> {
    let plan = london_settings();
    let mut out = Vec::new();
    let mut now = from;
    while now <= to {
        let (due, _) = store.take_due_derived(now, settings, &plan).unwrap();
        out.extend(due.into_iter().map(|d| (now, d)));
        now += Duration::seconds(30);
    }
    out
}

fn with_birthday(store: &mut Store, name: &str, day: u8, month: u8) -> i64 {
    let mut d = TieDraft::person(name);
    d.birthday = Some(Birthday { day, month, year: None });
    store.create_tie(d).unwrap().id
}

#[test]
fn a_birthday_comes_the_day_before_and_on_the_day_once_each_at_the_preferred_time() {
    let (mut s, _) = store(at(20, 8, 0));
    let mina = with_birthday(&mut s, "Mina", 24, 11);
    let got = run(&mut s, &ReminderSettings::default(), at(22, 8, 0), at(25, 12, 0));
    assert_eq!(
        got,
        [
            (at(23, 9, 0), DueItem::Birthday { tie_id: mina, name: "Mina".into(), in_days: 1 }),
            (at(24, 9, 0), DueItem::Birthday { tie_id: mina, name: "Mina".into(), in_days: 0 }),
        ]
    );
}

#[test]
fn lead_time_is_configurable_and_a_missed_day_ahead_comes_late_once() {
    let (mut s, _) = store(at(1, 8, 0));
    with_birthday(&mut s, "Jo", 20, 11);
    let three_ahead = ReminderSettings { birthday_days_before: 3, ..Default::default() };
    // Kindred closed from the 10th until the 18th at noon: the reminder due
    // on the 17th arrives once, on opening, saying two days.
    let got = run(&mut s, &three_ahead, at(18, 12, 0), at(21, 0, 0));
    let days: Vec<i64> = got
        .iter()
        .map(|(_, d)| match d {
            DueItem::Birthday { in_days, .. } => *in_days,
            _ => -1,
        })
        .collect();
    assert_eq!(days, [2, 0]);
    assert_eq!(got[0].0, at(18, 12, 0));

    let (mut s, _) = store(at(1, 8, 0));
    with_birthday(&mut s, "Jo", 20, 11);
    let on_the_day = ReminderSettings { birthday_days_before: 0, ..Default::default() };
    assert_eq!(run(&mut s, &on_the_day, at(15, 0, 0), at(21, 0, 0)).len(), 1);
}

#[test]
fn a_birthday_that_went_by_while_closed_is_not_announced_late() {
    let (mut s, _) = store(at(1, 8, 0));
    with_birthday(&mut s, "Ria", 10, 11);
    assert!(run(&mut s, &ReminderSettings::default(), at(11, 8, 0), at(12, 0, 0)).is_empty());
}

#[test]
fn a_missed_day_ahead_is_not_repeated_on_the_day_itself() {
    let (mut s, _) = store(at(1, 8, 0));
    with_birthday(&mut s, "Ria", 10, 11);
    // Closed on the 9th; opened on the 10th at 07:00 (quiet hours).
    let got = run(&mut s, &ReminderSettings::default(), at(10, 7, 0), at(11, 0, 0));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, at(10, 9, 0));
}

#[test]
fn birthdays_off_means_none() {
    let (mut s, _) = store(at(1, 8, 0));
    with_birthday(&mut s, "Ria", 10, 11);
    let off = ReminderSettings { birthdays: false, ..Default::default() };
    assert!(run(&mut s, &off, at(8, 0, 0), at(11, 0, 0)).is_empty());
}

#[test]
fn an_intention_comes_at_its_time_once_and_not_when_done() {
    let (mut s, _) = store(at(20, 8, 0));
    let draft = |text: &str, time: Option<&str>| IntentionDraft {
        text: text.into(),
        tie_id: None,
        due_on: NaiveDate::from_ymd_opt(2026, 11, 22),
        due_time: time.map(str::to_owned),
    };
    let call = s.create_intention(&draft("Call Ana", Some("18:30"))).unwrap();
    let walk = s.create_intention(&draft("Walk with Ben", None)).unwrap();
    let letgo = s.create_intention(&draft("Bake for the choir", None)).unwrap();
    s.set_intention_status(letgo.id, IntentionStatus::LetGo).unwrap();
    let got = run(&mut s, &ReminderSettings::default(), at(22, 0, 0), at(23, 0, 0));
    assert_eq!(
        got,
        [
            (at(22, 9, 0), DueItem::Intention { id: walk.id, text: "Walk with Ben".into() }),
            (at(22, 18, 30), DueItem::Intention { id: call.id, text: "Call Ana".into() }),
        ]
    );
}

#[test]
fn the_reflection_schedule_comes_on_its_days_from_when_it_was_set() {
    let (mut s, _) = store(at(20, 8, 0));
    let set = s
        .set_reminder_settings(ReminderSettings {
            reflection: Some(ReflectionSchedule {
                days: vec![Weekday::Sunday, Weekday::Wednesday],
                at: NaiveTime::from_hms_opt(19, 0, 0).unwrap(),
                since: None,
            }),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(set.reflection.as_ref().unwrap().since, Some(at(20, 8, 0)));
    // A week of ticks: Sunday 22nd and Wednesday 25th, 19:00, once each.
    let got = run(&mut s, &set, at(20, 8, 0), at(27, 8, 0));
    assert_eq!(got, [(at(22, 19, 0), DueItem::Reflection), (at(25, 19, 0), DueItem::Reflection)]);
    // Saving the same schedule again keeps its start.
    let again = s.set_reminder_settings(set.clone()).unwrap();
    assert_eq!(again.reflection.unwrap().since, Some(at(20, 8, 0)));
}

#[test]
fn settings_round_trip_and_pause() {
    let (mut s, clock) = store(at(20, 8, 0));
    assert_eq!(s.reminder_settings().unwrap(), ReminderSettings::default());
    let paused = s.pause_reminders(Some(at(20, 9, 0))).unwrap();
    assert!(paused.paused_at(at(20, 8, 30)) && !paused.paused_at(at(20, 9, 0)));
    // Saving other settings keeps the pause.
    let saved = s.set_reminder_settings(ReminderSettings { birthdays: false, ..Default::default() }).unwrap();
    assert_eq!(saved.paused_until, Some(at(20, 9, 0)));
    // A pause that has already ended is not kept.
    clock.set(at(21, 8, 0));
    assert_eq!(s.pause_reminders(Some(at(20, 9, 0))).unwrap().paused_until, None);
}
