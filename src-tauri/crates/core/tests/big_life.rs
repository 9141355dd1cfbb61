//! The big-life generator behind the benchmark of a big life: the same seed
//! gives the same bytes, the shape is what the benchmark says it is, and
//! Kindred brings all of it in.

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use kindred_core::data_file::parse;
use kindred_core::store::ImportMode;
use kindred_core::tie::{Circle, TieKind};
use kindred_core::{FixedClock, Store};

#[path = "../benches/common/big_life.rs"]
mod big_life;
use big_life::*;

#[test]
fn the_same_seed_gives_the_same_bytes_and_it_all_comes_in() {
    let file = big_life(7);
    let bytes = serde_json::to_vec(&file).unwrap();
    assert_eq!(bytes, serde_json::to_vec(&big_life(7)).unwrap(), "seed 7 twice should be byte-identical");
    assert_ne!(bytes, serde_json::to_vec(&big_life(8)).unwrap(), "another seed should be another life");

    // The shape the benchmark promises.
    let ties = &file.ties;
    assert_eq!(ties.len(), TIES);
    assert_eq!(ties.iter().filter(|t| t.kind == TieKind::Group).count(), GROUPS);
    let in_circle = |c: Option<Circle>| ties.iter().filter(|t| t.circle == c).count();
    assert_eq!(
        [
            in_circle(Some(Circle::Inner)),
            in_circle(Some(Circle::Middle)),
            in_circle(Some(Circle::Outer)),
            in_circle(None)
        ],
        [INNER, MIDDLE, OUTER, NOT_PLACED]
    );
    assert_eq!(ties.iter().filter(|t| t.archived_at.is_some()).count(), ARCHIVED);
    let birthdays = ties.iter().filter(|t| t.birthday.is_some()).count();
    assert!((400..=600).contains(&birthdays), "about half have a birthday: {birthdays}");
    assert!(ties.iter().any(|t| t.birthday.is_some_and(|b| b.day == 29 && b.month == 2 && b.year.is_none())));
    assert!(ties.iter().any(|t| t.name.chars().count() >= 40));
    assert!(ties.iter().any(|t| t.name.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))));
    let mut names: Vec<&str> = ties.iter().map(|t| t.name.as_str()).collect();
    names.sort_unstable();
    assert!(names.windows(2).any(|w| w[0] == w[1]), "a few names repeat");
    assert_eq!(file.contacts.len(), CONTACTS);
    assert_eq!(file.reflection_sessions.len(), SESSIONS);
    assert_eq!(file.journal_entries.len(), JOURNAL_ENTRIES);
    assert!(file.contacts.iter().all(|c| c.occurred_on <= last_day()));

    // Through the same reader and import as a file chosen in Settings.
    let read = parse(&bytes).unwrap();
    assert_eq!(read, file);
    let dir = tempfile::tempdir().unwrap();
    let clock = FixedClock::new(Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap());
    let mut store = Store::open_in_dir(dir.path(), Arc::new(clock)).unwrap();
    let done = store.import_data(&read, ImportMode::Replace).unwrap();
    assert_eq!(done.added.ties as usize, TIES);
    assert_eq!(done.added.contacts as usize, CONTACTS);
    assert_eq!(done.added.sessions as usize, SESSIONS);
    assert_eq!(done.added.journal_entries as usize, JOURNAL_ENTRIES);
    assert_eq!(done.added.quality_ratings as usize, file.quality_ratings.len());
    assert_eq!(done.added.intentions as usize, file.intentions.len());
    assert_eq!(done.added.check_ins as usize, file.check_ins.len());
    assert_eq!(done.added.reminders as usize, file.reminders.len());
    // What comes back out is what went in.
    let again = store.export_data().unwrap();
    assert_eq!(again.contacts, file.contacts);
    assert_eq!(again.journal_entries, file.journal_entries);
}

#[test]
fn an_empty_life_imports_to_an_empty_kindred() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FixedClock::new(Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap());
    let mut store = Store::open_in_dir(dir.path(), Arc::new(clock)).unwrap();
    let done = store.import_data(&empty_life(), ImportMode::Replace).unwrap();
    assert_eq!(done.added, Default::default());
}
