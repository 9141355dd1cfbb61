//! Bringing in a whole address book: 10,000 contacts, as Google Contacts
//! writes them (vCard 3.0, and its CSV), read for the preview and brought
//! in. The baseline in the same run is the reader Kindred had before
//! da0aa8a (the `ical` crate), on the same vCard file; it read fewer real
//! files right, so the question is what the lenient reader costs.

use std::sync::Arc;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use kindred_core::tie::{TieDraft, TieScope};
use kindred_core::vcard::{read_contacts, VcardPick};
use kindred_core::{Store, SystemClock};

#[path = "common/old_vcard.rs"]
mod old_vcard;

const PEOPLE: usize = 10_000;

const FIRST: &[&str] = &["Ana", "Ben", "Chloé", "Jürgen", "Priya", "Sam", "Zoë", "Mónica", "Kwame", "ロイド"];
const LAST: &[&str] = &["Lima", "Carter", "Martin", "Müller", "Raman", "Okafor", "Ng", "Núñez", "Mensah", "安藤"];

fn who(i: usize) -> (String, String) {
    (FIRST[i % FIRST.len()].to_owned(), format!("{} {i:05}", LAST[(i / 10) % LAST.len()]))
}

/// Two in three have a birthday, some without a year, as phones keep them.
fn birthday(i: usize) -> Option<String> {
    match i % 3 {
        0 => Some(format!("{}-{:02}-{:02}", 1950 + i % 60, 1 + i % 12, 1 + i % 28)),
        1 => Some(format!("--{:02}-{:02}", 1 + i % 12, 1 + i % 28)),
        _ => None,
    }
}

fn vcards() -> Vec<u8> {
    let mut out = String::new();
    for i in 0..PEOPLE {
        let (first, last) = who(i);
        out.push_str("BEGIN:VCARD\r\nVERSION:3.0\r\n");
        out.push_str(&format!("FN:{first} {last}\r\nN:{last};{first};;;\r\n"));
        out.push_str(&format!("EMAIL;TYPE=INTERNET;TYPE=HOME:person{i}@example.org\r\n"));
        out.push_str(&format!("TEL;TYPE=CELL:+44 7700 9{i:05}\r\n"));
        out.push_str(&format!("ADR;TYPE=HOME:;;{} High Street;Leeds;;LS1 1AA;United Kingdom\r\n", 1 + i % 200));
        if let Some(b) = birthday(i) {
            out.push_str(&format!("BDAY:{b}\r\n"));
        }
        out.push_str("NOTE:Met at the choir\\, a long time ago.\r\nCATEGORIES:myContacts\r\nEND:VCARD\r\n");
    }
    out.into_bytes()
}

fn google_csv() -> Vec<u8> {
    let mut out = String::from(
        "First Name,Middle Name,Last Name,Nickname,Organization Name,Birthday,Notes,Labels,E-mail 1 - Label,\
         E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Address 1 - Formatted\r\n",
    );
    for i in 0..PEOPLE {
        let (first, last) = who(i);
        let b = birthday(i).unwrap_or_default();
        out.push_str(&format!(
            "{first},,{last},,,{b},\"Met at the choir, a long time ago.\",* myContacts,* Home,person{i}@example.org,\
             Mobile,+44 7700 9{i:05},\"{} High Street\nLeeds LS1 1AA\"\r\n",
            1 + i % 200
        ));
    }
    out.into_bytes()
}

/// A store in a real file with 1,000 people on the map already, so the
/// preview's duplicate check has something to compare against.
fn store_with_map(dir: &std::path::Path) -> Store {
    let mut store = Store::open_in_dir(dir, Arc::new(SystemClock)).unwrap();
    let drafts = (0..1_000).map(|i| TieDraft::person(format!("Friend {i:04}"))).collect();
    store.create_ties(drafts).unwrap();
    store
}

fn bench_contacts(c: &mut Criterion) {
    let vcf = vcards();
    let csv = google_csv();
    // Both readers read every card of the bench file, or the ratio means nothing.
    assert_eq!(old_vcard::read_vcards(&vcf).len(), PEOPLE);
    let read = read_contacts(&vcf).unwrap();
    assert_eq!((read.people.len(), read.unreadable.len()), (PEOPLE, 0));
    assert_eq!(read_contacts(&csv).unwrap().people.len(), PEOPLE);
    assert_eq!(
        read.people.iter().filter(|p| p.birthday.is_some()).count(),
        old_vcard::read_vcards(&vcf).iter().filter(|p| p.2.is_some()).count()
    );

    let mut group = c.benchmark_group("contacts");
    group.sample_size(10);

    group.bench_function("baseline: the old reader (ical), 10,000 vCards", |b| {
        b.iter(|| old_vcard::read_vcards(&vcf))
    });
    group.bench_function("read 10,000 vCards", |b| b.iter(|| read_contacts(&vcf).unwrap()));
    group.bench_function("read 10,000 rows of Google CSV", |b| b.iter(|| read_contacts(&csv).unwrap()));

    let dir = tempfile::tempdir().unwrap();
    let store = store_with_map(dir.path());
    group.bench_function("preview 10,000 vCards against a map of 1,000", |b| {
        b.iter(|| store.vcard_preview(&vcf).unwrap())
    });
    drop(store);

    let picks: Vec<VcardPick> = read.people.iter().map(|p| VcardPick { index: p.index, circle: None }).collect();
    group.bench_function("bring in 10,000 from a vCard file, into a file", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let store = store_with_map(dir.path());
                (dir, store)
            },
            |(dir, mut store)| {
                let added = store.vcard_import(&vcf, &picks).unwrap();
                assert_eq!(added.len(), PEOPLE);
                assert_eq!(store.list_ties(TieScope::All).unwrap().len(), PEOPLE + 1_000);
                (dir, store)
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bench_contacts);
criterion_main!(benches);
