//! Export and import at the size the Own-your-data issue sets: 10,000
//! ties, 100,000 contacts and 10,000 journal entries. Baseline in the same
//! run: turning the same records into JSON and back with serde_json alone,
//! no database (what any export/import must at least do).

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use kindred_core::data_file::{parse, DataFile};
use kindred_core::store::ImportMode;
use kindred_core::{FixedClock, Store};

#[path = "common/big_file.rs"]
mod big_file;
use big_file::big_file;

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
