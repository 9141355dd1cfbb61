//! The store the Own-your-data benchmarks share: 10,000 ties, 100,000
//! contacts and 10,000 journal entries, as an export file.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use kindred_core::contact::Channel;
use kindred_core::data_file::{ContactRecord, DataFile, EntryRecord, TieRecord, FORMAT, VERSION};
use kindred_core::theme::Theme;
use kindred_core::tie::{Cadence, Circle, SupportType, TieKind};

pub fn big_file() -> DataFile {
    let at = Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let ties = (1..=10_000)
        .map(|i| TieRecord {
            id: i,
            kind: TieKind::Person,
            group_kind: None,
            name: format!("Person {i:05}"),
            circle: Some([Circle::Inner, Circle::Middle, Circle::Outer][i as usize % 3]),
            sector: None,
            support_types: vec![SupportType::ALL[i as usize % 6]],
            cadence: Cadence::Circle,
            birthday: None,
            notes: "Likes long walks and strong tea.".into(),
            next_time_note: String::new(),
            map_angle: None,
            created_at: at,
            updated_at: at,
            archived_at: None,
        })
        .collect();
    let contacts = (1..=100_000)
        .map(|i| ContactRecord {
            id: i,
            occurred_on: day - Duration::days(i % 700),
            occurred_time: None,
            channel: Channel::Call,
            initiated_by: None,
            felt: None,
            note: "A good chat.".into(),
            tie_ids: vec![(i * 7919) % 10_000 + 1],
            created_at: at,
            updated_at: at,
        })
        .collect();
    let journal_entries = (1..=10_000)
        .map(|i| EntryRecord {
            id: i,
            session_id: None,
            prompt_id: "body-04".into(),
            theme: Theme::Body,
            prompt_text: "Is there someone you'd enjoy a walk, a meal or a coffee with this week?".into(),
            answer: "Coffee with my sister on Saturday, and a walk by the canal if the weather holds. ".repeat(3),
            skipped: false,
            tie_id: None,
            position: 0,
            created_at: at - Duration::hours(i),
            updated_at: at - Duration::hours(i),
        })
        .collect();
    DataFile {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: at,
        ties,
        quality_ratings: vec![],
        contacts,
        reflection_sessions: vec![],
        journal_entries,
        intentions: vec![],
        reminders: vec![],
        check_ins: vec![],
        settings: Default::default(),
        delivered: vec![],
    }
}
