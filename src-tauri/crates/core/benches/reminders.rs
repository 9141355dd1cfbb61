//! One scheduler tick at the size the Reminders issue sets: 10,000 ties
//! (each with a rhythm, a fifth with a birthday) and 1,000 custom reminders,
//! plus open intentions and a reflection schedule. The tick measured is
//! what the scheduler does every 30 seconds: plan every kind and write what
//! is due to the ledger. Baseline in the same run: reading the same rows
//! (ties with their last contact, reminders with their last delivery) with
//! raw rusqlite and doing nothing with them.

use std::sync::Arc;

use chrono::{Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use kindred_core::contact::{Channel, ContactDraft};
use kindred_core::reflection::intention::IntentionDraft;
use kindred_core::reminder::ReminderDraft;
use kindred_core::reminder_settings::{ReflectionSchedule, ReminderSettings};
use kindred_core::schedule::{Recurrence, Tz, Weekday};
use kindred_core::tie::{Birthday, Circle, TieDraft};
use kindred_core::{FixedClock, Store};

fn bench_tick(c: &mut Criterion) {
    let start = Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_dir(dir.path(), Arc::new(FixedClock::new(start))).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    for i in 0..10_000u32 {
        let mut d = TieDraft::person(format!("Person {i:05}"));
        d.circle = Some([Circle::Inner, Circle::Middle, Circle::Outer][i as usize % 3]);
        if i % 5 == 0 {
            d.birthday = Some(Birthday { day: (i % 28 + 1) as u8, month: (i % 12 + 1) as u8, year: None });
        }
        let id = store.create_tie(d).unwrap().id;
        let on = today - Duration::days(i64::from(i % 90));
        store.create_contact(ContactDraft::on(on, Channel::Call, vec![id])).unwrap();
    }
    for i in 0..1_000u32 {
        let at = NaiveTime::from_hms_opt(8 + i % 12, i % 60, 0);
        let rule = match i % 4 {
            0 => Recurrence::Daily { at },
            1 => Recurrence::Weekly { days: vec![Weekday::Monday, Weekday::Thursday], at },
            2 => Recurrence::EveryNDays { n: (i % 9 + 2) as u16, start: today, at },
            _ => Recurrence::Monthly { day: (i % 31 + 1) as u8, at },
        };
        store.create_reminder(ReminderDraft { title: format!("Reminder {i}"), note: String::new(), rule }).unwrap();
    }
    for i in 0..100 {
        let draft = IntentionDraft {
            text: format!("Intention {i}"),
            tie_id: None,
            due_on: Some(today + Duration::days(i % 30)),
            due_time: None,
        };
        store.create_intention(&draft).unwrap();
    }
    store
        .set_reminder_settings(ReminderSettings {
            reflection: Some(ReflectionSchedule {
                days: vec![Weekday::Sunday],
                at: NaiveTime::from_hms_opt(19, 0, 0).unwrap(),
                since: None,
            }),
            ..Default::default()
        })
        .unwrap();
    let tz: Tz = "Europe/London".parse().unwrap();
    // The first tick catches up with everything already due.
    let caught_up = store.tick_reminders(start, tz).unwrap().items.len();
    println!("catch-up tick delivered {caught_up} items");

    let raw = rusqlite::Connection::open(dir.path().join("kindred.sqlite3")).unwrap();
    let mut group = c.benchmark_group("scheduler");
    group.sample_size(20);
    group.bench_function("baseline: read ties with last contact and reminders with last delivery (raw)", |b| {
        b.iter(|| {
            let mut ties = raw
                .prepare_cached(
                    "SELECT t.id, t.circle, t.created_at, (SELECT max(c.occurred_on) FROM contact_ties ct
                     JOIN contacts c ON c.id = ct.contact_id WHERE ct.tie_id = t.id) FROM ties t",
                )
                .unwrap();
            // Every column is read: SQLite only works out a column (here
            // the last contact) when it is asked for.
            let n = ties
                .query_map([], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<String>>(3)?,
                    ))
                })
                .unwrap()
                .count();
            let mut rems = raw
                .prepare_cached(
                    "SELECT r.id, r.rule, (SELECT max(o.due_at) FROM reminder_occurrences o WHERE o.reminder_id = r.id)
                     FROM reminders r",
                )
                .unwrap();
            n + rems
                .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?)))
                .unwrap()
                .count()
        })
    });
    // A clock that moves backwards by a millisecond each time defeats the
    // tick cache, so every iteration plans everything from the database.
    let mut back = start + Duration::hours(1);
    group.bench_function("full tick: plan 10,000 ties, 1,000 reminders, 100 intentions from the database", |b| {
        b.iter(|| {
            back -= Duration::milliseconds(1);
            store.tick_reminders(back, tz).unwrap().items.len()
        })
    });
    let mut now = start + Duration::hours(2);
    store.tick_reminders(now, tz).unwrap();
    group.bench_function("steady tick (nothing changed since the last look)", |b| {
        b.iter(|| {
            now += Duration::milliseconds(1);
            store.tick_reminders(now, tz).unwrap().next_wake
        })
    });
    group.finish();
}

criterion_group!(benches, bench_tick);
criterion_main!(benches);
