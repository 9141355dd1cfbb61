//! What the passphrase costs, on the Own-your-data size (10,000 ties,
//! 100,000 contacts, 10,000 journal entries). Each encrypted case has its
//! plain twin in the same run, so the figures are ratios: SQLCipher decrypts
//! every page it reads and derives the key (PBKDF2, 256,000 rounds) when the
//! file is opened.

use std::path::Path;
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use kindred_core::passphrase::Passphrase;
use kindred_core::reflection::journal::JournalFilter;
use kindred_core::store::{BackupKind, ImportMode, DATABASE_FILE};
use kindred_core::{FixedClock, Store};

#[path = "common/big_file.rs"]
mod big_file;
use big_file::big_file;

const PASSPHRASE: &str = "river stones forty two";

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap()))
}

fn key() -> Option<Passphrase> {
    Some(Passphrase::new(PASSPHRASE.into()).unwrap())
}

fn open(dir: &Path, key: Option<Passphrase>) -> Store {
    Store::open_in_dir_with(dir, clock(), key).unwrap()
}

fn bench(c: &mut Criterion) {
    let file = big_file();
    let plain_dir = tempfile::tempdir().unwrap();
    let secret_dir = tempfile::tempdir().unwrap();
    {
        let mut plain = open(plain_dir.path(), None);
        plain.import_data(&file, ImportMode::Replace).unwrap();
        let mut secret = open(secret_dir.path(), None);
        secret.import_data(&file, ImportMode::Replace).unwrap();
        secret.set_passphrase(None, key()).unwrap();
    }
    let plain = open(plain_dir.path(), None);
    let secret = open(secret_dir.path(), key());
    let canal = JournalFilter { query: Some("canal".into()), ..Default::default() };

    let mut group = c.benchmark_group("encryption");
    group.sample_size(10);
    group.bench_function("open: plain", |b| b.iter(|| open(plain_dir.path(), None).schema_version().unwrap()));
    group.bench_function("open: encrypted (derives the key)", |b| {
        b.iter(|| open(secret_dir.path(), key()).schema_version().unwrap())
    });
    group.bench_function("read everything (export): plain", |b| b.iter(|| plain.export_data().unwrap().contacts.len()));
    group.bench_function("read everything (export): encrypted", |b| {
        b.iter(|| secret.export_data().unwrap().contacts.len())
    });
    group.bench_function("journal search: plain", |b| b.iter(|| plain.journal(&canal).unwrap().entries.len()));
    group.bench_function("journal search: encrypted", |b| b.iter(|| secret.journal(&canal).unwrap().entries.len()));
    // Turning encryption on writes a whole new file; its baseline is the
    // plain whole-file copy a backup makes.
    let copy_of_plain = || {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(plain_dir.path().join(DATABASE_FILE), dir.path().join(DATABASE_FILE)).unwrap();
        let store = open(dir.path(), None);
        (dir, store)
    };
    group.bench_function("baseline: back up the plain store (VACUUM INTO)", |b| {
        b.iter_batched(
            copy_of_plain,
            |(dir, store)| drop((store.back_up(BackupKind::Manual).unwrap(), dir)),
            BatchSize::PerIteration,
        )
    });
    group.bench_function("turn encryption on (export, check, swap)", |b| {
        b.iter_batched(
            copy_of_plain,
            |(dir, mut store)| drop((store.set_passphrase(None, key()).unwrap(), store, dir)),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
