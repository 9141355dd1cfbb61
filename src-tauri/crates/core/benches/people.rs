//! Adding and listing people: the first measured path. The baseline in the
//! same run is a bare `SELECT 1` round trip, so results read as ratios.

use std::sync::Arc;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use kindred_core::tie::TieScope;
use kindred_core::{Store, SystemClock};

fn names(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("Person {i:04}")).collect()
}

fn bench_people(c: &mut Criterion) {
    let mut group = c.benchmark_group("people");
    group.sample_size(20);

    // Baseline: the same 1,000 single-row transactions straight through
    // rusqlite with the store's pragmas, no validation or mapping.
    group.bench_function("baseline: 1,000 raw inserts into a file", |b| {
        b.iter_batched(
            || (tempfile::tempdir().unwrap(), names(1_000)),
            |(dir, names)| {
                let mut conn = raw_conn(dir.path());
                for name in &names {
                    let tx = conn.transaction().unwrap();
                    tx.execute("INSERT INTO t (name) VALUES (?1)", [name]).unwrap();
                    tx.commit().unwrap();
                }
            },
            BatchSize::PerIteration,
        )
    });

    group.bench_function("insert 1,000 people into a file", |b| {
        b.iter_batched(
            || (tempfile::tempdir().unwrap(), names(1_000)),
            |(dir, names)| {
                let mut store = Store::open_in_dir(dir.path(), Arc::new(SystemClock)).unwrap();
                for name in &names {
                    store.create_person(name).unwrap();
                }
            },
            BatchSize::PerIteration,
        )
    });

    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_dir(dir.path(), Arc::new(SystemClock)).unwrap();
    for name in names(1_000) {
        store.create_person(&name).unwrap();
    }
    // Baseline for listing: 1,000 rows of (id, name) straight from rusqlite.
    let raw_dir = tempfile::tempdir().unwrap();
    let mut raw = raw_conn(raw_dir.path());
    let tx = raw.transaction().unwrap();
    for name in names(1_000) {
        tx.execute("INSERT INTO t (name) VALUES (?1)", [name]).unwrap();
    }
    tx.commit().unwrap();
    group.bench_function("baseline: list 1,000 raw rows", |b| {
        b.iter(|| {
            let mut stmt = raw.prepare_cached("SELECT id, name FROM t ORDER BY name").unwrap();
            let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))).unwrap();
            rows.count()
        })
    });

    group.bench_function("list 1,000 people", |b| b.iter(|| store.list_ties(TieScope::Active).unwrap().len()));
    group.finish();
}

fn raw_conn(dir: &std::path::Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(dir.join("raw.sqlite3")).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;
         CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL);",
    )
    .unwrap();
    conn
}

criterion_group!(benches, bench_people);
criterion_main!(benches);
