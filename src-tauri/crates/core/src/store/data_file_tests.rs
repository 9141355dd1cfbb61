//! Export and import on real SQLite: the round trip, merging, and hostile
//! files that must change nothing.

use std::sync::Arc;

use chrono::{Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use proptest::prelude::*;

use super::*;
use crate::checkin::CheckInAnswers;
use crate::clock::FixedClock;
use crate::contact::{Channel, ContactDraft};
use crate::data_file::parse;
use crate::quality::QualityDraft;
use crate::reflection::intention::IntentionDraft;
use crate::reflection::mood::Mood;
use crate::reflection::session::SessionEnd;
use crate::reminder::ReminderDraft;
use crate::schedule::Recurrence;
use crate::tie::{Feel, TieDraft};

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap()))
}

fn empty() -> Store {
    Store::open_in_memory(clock()).unwrap()
}

/// A store with a bit of everything, names included that are hard to
/// carry: emoji, right-to-left text, quotes.
fn populated(names: &[String]) -> Store {
    let c = clock();
    let mut s = Store::open_in_memory(c.clone()).unwrap();
    let mut ids = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let mut d = TieDraft::person(name.clone());
        d.circle = [None, Some(Circle::Inner), Some(Circle::Outer)][i % 3];
        d.support_types = vec![SupportType::ALL[i % 6]];
        if i % 2 == 0 {
            d.birthday = Some(Birthday { day: (i % 28 + 1) as u8, month: (i % 12 + 1) as u8, year: None });
        }
        d.notes = format!("Notes for {name} \"quoted\"");
        ids.push(s.create_tie(d).unwrap().id);
    }
    if let Some(first) = ids.first() {
        s.rate_tie(*first, QualityDraft { feel: Some(Feel::Energising), empathy: Some(4), ..Default::default() })
            .unwrap();
        for (i, id) in ids.iter().enumerate() {
            let on = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap() + Duration::days(i as i64 % 20);
            s.create_contact(ContactDraft::on(on, Channel::Call, vec![*first, *id])).unwrap();
        }
        if let (true, Some(last)) = (ids.len() > 1, ids.last()) {
            s.archive_tie(*last).unwrap();
        }
    }
    let session = s.start_session("weekly-check-in", &Mood { mood: 2, feelings: vec!["tired".into()] }).unwrap();
    s.answer_step(session.steps[0].entry_id, "Soup with Gran 🍲 — שלום", false).unwrap();
    s.answer_step(session.steps[1].entry_id, "", true).unwrap();
    let end = SessionEnd {
        mood_after: Mood { mood: 4, feelings: vec![] },
        intention: Some(IntentionDraft {
            text: "Ring Gran".into(),
            tie_id: ids.first().copied(),
            due_on: NaiveDate::from_ymd_opt(2026, 11, 29),
            due_time: Some("18:00".into()),
        }),
    };
    s.finish_session(session.id, &end).unwrap();
    s.answer_prompt("body-04", None, "A walk").unwrap();
    let rule = Recurrence::Daily { at: NaiveTime::from_hms_opt(9, 30, 0) };
    s.create_reminder(ReminderDraft { title: "Stretch".into(), note: "Gently".into(), rule }).unwrap();
    s.record_check_in(CheckInAnswers { items: [1, 2, 3] }).unwrap();
    s.set_cadence_defaults(crate::store::CadenceDefaults { inner: 5, middle: 20, outer: 50 }).unwrap();
    // Deliver something so the ledgers have rows.
    c.advance(Duration::days(2));
    s.tick_reminders(c.now(), chrono_tz::Europe::London).unwrap();
    s
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

/// The file without the moment it was made, for comparing two exports.
fn content(mut file: DataFile) -> DataFile {
    file.exported_at = Utc.with_ymd_and_hms(2000, 1, 1, 0, 0, 0).unwrap();
    file
}

use crate::clock::Clock;

#[test]
fn export_import_into_an_empty_store_export_again_is_identical() {
    let source = populated(&names(&["Sam", "Zoë 🌻", "مريم", "O'Brien \"Bo\"", "Ana"]));
    let first = source.export_data().unwrap();
    let bytes = serde_json::to_vec_pretty(&first).unwrap();
    let mut target = empty();
    let done = target.import_data(&parse(&bytes).unwrap(), ImportMode::Replace).unwrap();
    assert_eq!(done.added.ties, 5);
    assert_eq!(content(target.export_data().unwrap()), content(first));
    // And the journal search works on what came in.
    let found =
        target.journal(&crate::reflection::journal::JournalFilter { query: Some("gran".into()), ..Default::default() });
    assert_eq!(found.unwrap().entries.len(), 1);
}

#[test]
fn the_preview_counts_exactly_and_writes_nothing() {
    let source = populated(&names(&["Sam", "Ana"]));
    let file = source.export_data().unwrap();
    let mut target = populated(&names(&["Ben"]));
    let before = content(target.export_data().unwrap());
    let preview = target.preview_import(&file, ImportMode::Replace).unwrap();
    assert_eq!(content(target.export_data().unwrap()), before, "nothing written");
    assert_eq!(preview.removed.ties, 1);
    assert_eq!(preview.added.ties, 2);
    assert_eq!(preview.added.contacts, 2);
    let done = target.import_data(&file, ImportMode::Replace).unwrap();
    assert_eq!(done, preview);
}

#[test]
fn merging_matches_people_by_name_and_birthday_and_twice_changes_nothing() {
    let source = populated(&names(&["Sam", "Ana", "Ben"]));
    let file = source.export_data().unwrap();
    let mut target = empty();
    // "sam" with Sam's birthday is the same person; "Ben" without Ben's
    // birthday is someone else... Ben has none in the source (odd index).
    let mut sam = TieDraft::person("sam ");
    sam.birthday = file.ties[0].birthday;
    target.create_tie(sam).unwrap();
    let mut ana = TieDraft::person("Ana");
    ana.birthday = Some(Birthday { day: 1, month: 1, year: None });
    target.create_tie(ana).unwrap();

    let preview = target.preview_import(&file, ImportMode::Merge).unwrap();
    assert_eq!(preview.matched_names, ["Sam"]);
    assert_eq!(preview.added.ties, 2, "Ana (other birthday) and Ben are new");
    target.import_data(&file, ImportMode::Merge).unwrap();
    let again = target.preview_import(&file, ImportMode::Merge).unwrap();
    assert_eq!(again.added, Counts::default(), "{again:?}");
    assert_eq!(again.already_here.contacts, 3);
    assert_eq!(again.already_here.journal_entries, file.journal_entries.len() as u32);
}

#[test]
fn a_failed_import_leaves_the_store_exactly_as_it_was() {
    let mut target = populated(&names(&["Sam", "Ana"]));
    let before = content(target.export_data().unwrap());
    let mut file = populated(&names(&["Zed"])).export_data().unwrap();
    // A contact pointing at someone who isn't in the file, late in the file.
    file.contacts[0].tie_ids.push(999);
    for mode in [ImportMode::Replace, ImportMode::Merge] {
        let err = target.import_data(&file, mode).unwrap_err().to_string();
        assert!(err.contains("contacts[0]") && err.contains("999"), "{err}");
        assert_eq!(content(target.export_data().unwrap()), before);
    }
    // A name that breaks the rules, with its place.
    let mut file = populated(&names(&["Zed"])).export_data().unwrap();
    file.ties[0].name = "   ".into();
    let err = target.import_data(&file, ImportMode::Replace).unwrap_err().to_string();
    assert!(err.contains("ties[0]"), "{err}");
    // A value the database refuses (a rating of 9).
    let mut file = populated(&names(&["Zed"])).export_data().unwrap();
    file.quality_ratings[0].empathy = Some(9);
    let err = target.import_data(&file, ImportMode::Replace).unwrap_err().to_string();
    assert!(err.contains("qualityRatings[0]") && err.contains("outside what Kindred accepts"), "{err}");
    assert_eq!(content(target.export_data().unwrap()), before);
}

#[test]
fn hostile_bytes_are_refused_and_change_nothing() {
    let mut target = populated(&names(&["Sam"]));
    let before = content(target.export_data().unwrap());
    let good = serde_json::to_vec(&target.export_data().unwrap()).unwrap();
    let mut garbage = vec![0u8; 4096];
    for (i, b) in garbage.iter_mut().enumerate() {
        *b = (i * 7919 % 251) as u8;
    }
    let mut big = b"{\"format\": \"kindred-export\", \"version\": 1, \"exportedAt\": \"2026-11-26T10:00:00Z\", \"settings\": {\"pad\": \"".to_vec();
    big.extend(std::iter::repeat_n(b'x', 50 * 1024 * 1024));
    big.extend(b"\"}}");
    for bytes in [good[..good.len() / 2].to_vec(), garbage, big, b"".to_vec(), b"null".to_vec()] {
        if let Ok(file) = parse(&bytes) {
            // The 50 MB file is well formed: it imports (a setting nobody
            // reads) rather than failing; nothing else changes.
            target.preview_import(&file, ImportMode::Merge).unwrap();
        }
    }
    assert_eq!(content(target.export_data().unwrap()), before);
}

#[test]
fn restored_reminders_do_not_repeat_what_was_shown() {
    let source = populated(&names(&["Sam"]));
    let file = source.export_data().unwrap();
    assert!(!file.delivered.is_empty());
    let c = clock();
    c.advance(Duration::days(2));
    let mut target = Store::open_in_memory(c.clone()).unwrap();
    target.import_data(&file, ImportMode::Replace).unwrap();
    let again = target.tick_reminders(c.now(), chrono_tz::Europe::London).unwrap();
    assert!(again.items.is_empty(), "{:?}", again.items);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn any_names_survive_the_round_trip(list in proptest::collection::vec("[\\p{L}\\p{N} '’\"🌻-]{1,30}", 0..6)) {
        let list: Vec<String> = list.into_iter().filter(|n| !n.trim().is_empty()).collect();
        let source = populated(&list);
        let first = source.export_data().unwrap();
        let mut target = empty();
        target.import_data(&parse(&serde_json::to_vec(&first).unwrap()).unwrap(), ImportMode::Replace).unwrap();
        prop_assert_eq!(content(target.export_data().unwrap()), content(first));
    }
}
