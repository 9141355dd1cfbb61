//! Reflection's heavy paths at the sizes the Reflect issue sets: full-text
//! search over 10,000 journal entries, and choosing today's prompt and
//! session from 1,000 ties and 5,000 entries. Baselines in the same run: the
//! same FTS5 match through raw rusqlite with no filters, highlights or
//! entry building; and the reach-out ranking over the same network (the
//! cheapest pure rule that reads every tie and contact).

use std::sync::Arc;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use kindred_core::contact::{Channel, ContactDraft};
use kindred_core::reach_out::due_to_reach_out;
use kindred_core::reflection::journal::JournalFilter;
use kindred_core::reflection::personalise::{personalise, Answered};
use kindred_core::reflection::PROMPTS;
use kindred_core::tie::{Circle, SupportType, TieDraft};
use kindred_core::{FixedClock, Store};

const WORDS: &[&str] = &[
    "walk", "coffee", "sister", "tired", "work", "garden", "call", "message", "laughed", "quiet", "rain", "music",
    "dinner", "worried", "grateful", "friend", "train", "book", "café", "weekend", "morning", "choir", "dog", "hope",
];

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap()
}

/// `entries` answered prompts, written straight into the file in one
/// transaction (the store's own path renders each prompt from the map,
/// which is what a person does once, not ten thousand times).
fn add_entries(dir: &std::path::Path, entries: usize) {
    let mut conn = rusqlite::Connection::open(dir.join("kindred.sqlite3")).unwrap();
    let tx = conn.transaction().unwrap();
    for i in 0..entries {
        let prompt = &PROMPTS[(i * 31) % PROMPTS.len()];
        let answer: Vec<&str> = (0..24).map(|w| WORDS[(i * 7 + w * 13 + w * w) % WORDS.len()]).collect();
        let at = (now() - Duration::hours(i as i64 * 3)).to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        tx.execute(
            "INSERT INTO reflection_entries (prompt_id, theme, prompt_text, answer, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            rusqlite::params![
                prompt.id,
                prompt.theme.as_str(),
                prompt.fallback.unwrap_or(prompt.text),
                answer.join(" "),
                at
            ],
        )
        .unwrap();
    }
    tx.commit().unwrap();
}

fn open(dir: &std::path::Path) -> Store {
    Store::open_in_dir(dir, Arc::new(FixedClock::new(now()))).unwrap()
}

fn bench_search(c: &mut Criterion) {
    let mut group = c.benchmark_group("journal");
    group.sample_size(30);
    let dir = tempfile::tempdir().unwrap();
    drop(open(dir.path()));
    add_entries(dir.path(), 10_000);
    let store = open(dir.path());
    let raw = rusqlite::Connection::open(dir.path().join("kindred.sqlite3")).unwrap();

    group.bench_function("baseline: raw FTS5 match, rowids only, 10,000 entries", |b| {
        b.iter(|| {
            let mut stmt = raw
                .prepare_cached("SELECT rowid FROM reflection_entries_fts WHERE reflection_entries_fts MATCH '\"choir\"*' LIMIT 201")
                .unwrap();
            stmt.query_map([], |r| r.get::<_, i64>(0)).unwrap().count()
        })
    });
    for query in ["choir", "sister coffee", "\"quoted\" OR -minus*", "🙂"] {
        let filter = JournalFilter { query: Some(query.to_owned()), ..Default::default() };
        group.bench_function(format!("search {query:?} over 10,000 entries (first page, highlighted)"), |b| {
            b.iter(|| store.journal(&filter).unwrap().entries.len())
        });
    }
    group.bench_function("list the newest page, no search", |b| {
        b.iter(|| store.journal(&JournalFilter::default()).unwrap().entries.len())
    });
    group.finish();
}

fn bench_personalise(c: &mut Criterion) {
    let mut group = c.benchmark_group("personalise");
    group.sample_size(30);
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let mut ids = Vec::new();
    for i in 0..1_000 {
        let mut d = TieDraft::person(format!("Person {i:04}"));
        d.circle = Some([Circle::Inner, Circle::Middle, Circle::Outer][i % 3]);
        d.support_types = vec![SupportType::ALL[i % 6]];
        ids.push(store.create_tie(d).unwrap().id);
    }
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    for c in 0..5_000usize {
        let d =
            ContactDraft::on(today - Duration::days((c % 400) as i64), Channel::Call, vec![ids[(c * 7919) % 1_000]]);
        store.create_contact(d).unwrap();
    }
    drop(store);
    add_entries(dir.path(), 5_000);
    let store = open(dir.path());
    let network = store.network().unwrap();
    let answered: Vec<Answered> = (0..5_000)
        .map(|i| Answered {
            prompt_id: PROMPTS[(i * 31) % PROMPTS.len()].id.to_owned(),
            on: today - Duration::days(i as i64 / 8),
        })
        .collect();

    group
        .bench_function("baseline: reach-out ranking over 1,000 ties", |b| b.iter(|| due_to_reach_out(&network).len()));
    group.bench_function("choose prompt and session (pure), 1,000 ties, 5,000 entries", |b| {
        b.iter(|| personalise(&network, &answered, None).prompt.prompt_id.len())
    });
    group.bench_function("choose prompt and session from the store (loads map and history)", |b| {
        b.iter(|| store.personalised().unwrap().prompt.prompt_id.len())
    });
    group.finish();
}

criterion_group!(benches, bench_search, bench_personalise);
criterion_main!(benches);
