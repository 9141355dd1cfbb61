//! Export and import at the size the Own-your-data issue sets: 10,000
//! ties, 100,000 contacts and 10,000 journal entries. Baseline in the same
//! run: turning the same records into JSON and back with serde_json alone,
//! no database (what any export/import must at least do).

use std::sync::Arc;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use kindred_core::contact::Channel;
use kindred_core::data_file::{parse, ContactRecord, DataFile, EntryRecord, TieRecord, FORMAT, VERSION};
use kindred_core::store::ImportMode;
use kindred_core::theme::Theme;
use kindred_core::tie::{Cadence, Circle, SupportType, TieKind};
use kindred_core::{FixedClock, Store};

fn big_file() -> DataFile {
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

fn fresh(dir: &std::path::Path) -> Store {
    Store::open_in_dir(dir, Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap()))).unwrap()
}

fn bench(c: &mut Criterion) {
    let file = big_file();
    let bytes = serde_json::to_vec(&file).unwrap();
    println!("export file: {:.1} MB", bytes.len() as f64 / 1e6);
    let dir = tempfile::tempdir().unwrap();
    let mut full = fresh(dir.path());
    full.import_data(&file, ImportMode::Replace).unwrap();

    let mut group = c.benchmark_group("data_file");
    group.sample_size(10);
    group.bench_function("baseline: the same records to JSON and back, no database", |b| {
        b.iter(|| {
            let out = serde_json::to_vec(&file).unwrap();
            serde_json::from_slice::<DataFile>(&out).unwrap().contacts.len()
        })
    });
    group.bench_function("export: read everything and write the JSON", |b| {
        b.iter(|| serde_json::to_vec(&full.export_data().unwrap()).unwrap().len())
    });
    group.bench_function("import: parse and replace into an empty store (one transaction)", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let store = fresh(dir.path());
                (dir, store)
            },
            |(dir, mut store)| {
                let parsed = parse(&bytes).unwrap();
                store.import_data(&parsed, ImportMode::Replace).unwrap();
                drop(store);
                drop(dir);
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("preview a merge of the same file into the full store (finds every repeat)", |b| {
        b.iter(|| full.preview_import(&file, ImportMode::Merge).unwrap().already_here.contacts)
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
