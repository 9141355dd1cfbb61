//! The map's heavy paths: listing ties with their derived status, building
//! the network snapshot, and computing insights, at the sizes the Map issue
//! sets (1,000 ties; 10,000 ties with 100,000 contacts). Baselines in the
//! same run: a raw rusqlite scan of the same rows, and a single pass over
//! the in-memory network that touches every contact.

use std::sync::Arc;

use chrono::{Datelike, Duration, NaiveDate, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use kindred_core::contact::{Channel, ContactDraft, Felt, Initiator};
use kindred_core::insights::insights;
use kindred_core::reach_out::due_to_reach_out;
use kindred_core::tie::{Circle, SupportType, TieDraft, TieScope};
use kindred_core::{FixedClock, Store};

const SUPPORT: [SupportType; 6] = SupportType::ALL;

/// A deterministic network: ties spread over circles and support types,
/// contacts spread over the last two years.
fn populated(dir: &std::path::Path, ties: usize, contacts: usize) -> Store {
    let clock = Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap()));
    let mut store = Store::open_in_dir(dir, clock).unwrap();
    let mut ids = Vec::with_capacity(ties);
    for i in 0..ties {
        let mut d = TieDraft::person(format!("Person {i:05}"));
        d.circle = Some([Circle::Inner, Circle::Middle, Circle::Outer][i % 3]);
        d.support_types = vec![SUPPORT[i % 6], SUPPORT[(i / 6) % 6]];
        ids.push(store.create_tie(d).unwrap().id);
    }
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    for c in 0..contacts {
        let mut d =
            ContactDraft::on(today - Duration::days((c % 700) as i64), Channel::Call, vec![ids[(c * 7919) % ties]]);
        d.initiated_by = Some([Initiator::Me, Initiator::Them, Initiator::Both][c % 3]);
        d.felt = Some([Felt::Better, Felt::Same, Felt::Worse][c % 3]);
        store.create_contact(d).unwrap();
    }
    store
}

fn bench_network(c: &mut Criterion) {
    let mut group = c.benchmark_group("network");
    group.sample_size(20);

    let small_dir = tempfile::tempdir().unwrap();
    let small = populated(small_dir.path(), 1_000, 5_000);
    let raw = rusqlite::Connection::open(small_dir.path().join("kindred.sqlite3")).unwrap();
    group.bench_function("baseline: raw scan of 1,000 tie rows", |b| {
        b.iter(|| {
            let mut stmt = raw.prepare_cached("SELECT id, name, circle, created_at FROM ties ORDER BY name").unwrap();
            stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))).unwrap().count()
        })
    });
    group.bench_function("list 1,000 ties with last contact and feel", |b| {
        b.iter(|| small.list_ties(TieScope::Active).unwrap().len())
    });

    let big_dir = tempfile::tempdir().unwrap();
    let big = populated(big_dir.path(), 10_000, 100_000);
    let mut big = big;
    let defaults = big.cadence_defaults().unwrap();
    // Saving the rhythms unchanged is a write: the next load builds the
    // network again, as it does after any change.
    group.bench_function("load the network: 10,000 ties, 100,000 contacts", |b| {
        b.iter_custom(|iters| {
            let mut spent = std::time::Duration::ZERO;
            for _ in 0..iters {
                big.set_cadence_defaults(defaults.clone()).unwrap();
                let started = std::time::Instant::now();
                std::hint::black_box(big.network().unwrap());
                spent += started.elapsed();
            }
            spent
        })
    });
    group.bench_function("the network again, nothing written since", |b| b.iter(|| big.network().unwrap()));

    let network = big.network().unwrap();
    group.bench_function("baseline: one pass over 100,000 contacts in memory", |b| {
        b.iter(|| network.contacts.iter().map(|c| c.tie_ids.len() + c.occurred_on.ordinal() as usize).sum::<usize>())
    });
    group.bench_function("insights over 10,000 ties and 100,000 contacts", |b| b.iter(|| insights(&network).len()));
    group.bench_function("reach-out ranking over 10,000 ties", |b| b.iter(|| due_to_reach_out(&network).len()));
    group.finish();
}

criterion_group!(benches, bench_network);
criterion_main!(benches);
