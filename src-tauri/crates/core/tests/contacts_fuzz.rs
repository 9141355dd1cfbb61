//! The contacts reader (vCard and CSV) fed real address books that have
//! been damaged: bytes flipped, cut, doubled, spliced from another file or
//! salted with the tokens these formats turn on (`=` soft breaks, CHARSET,
//! BEGIN/END, BOMs, quotes, separators). Real files are the seeds because
//! random bytes almost never get past the first line, while a damaged real
//! file reaches deep into the reader.
//!
//! cargo-fuzz needs a nightly compiler, which this project doesn't use, so
//! this is proptest driving the mutations (and shrinking a failure to a
//! small one). `KINDRED_FUZZ_CASES` sets how many inputs; the test command
//! runs a short round, and a long one is run by hand:
//!
//! ```text
//! KINDRED_FUZZ_CASES=1000000 cargo test --release -p kindred-core --test contacts_fuzz
//! ```
//!
//! For every input: no panic; either a plain refusal or a file in which
//! every card is either a person or named as unreadable (never both, never
//! twice); names are non-empty and trimmed; birthdays are real days; and
//! everyone the preview lists can be brought in, into a real SQLite file,
//! as listed (a person the preview offers but the store would refuse is a
//! bug: such a card belongs among the unreadable ones).

use std::cell::{Cell, RefCell};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use kindred_core::store::Store;
use kindred_core::tie::TieScope;
use kindred_core::vcard::{read_contacts, VcardFile, VcardPick};
use kindred_core::{CoreError, FixedClock};


/// The files the mutations start from: the project's own test files, and
/// the real address books in ../shared/fixtures when they are here.
fn seeds() -> Vec<Vec<u8>> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![manifest.join("tests/data"), manifest.join("../../../tests/e2e/fixtures")];
    let shared = manifest.join("../../../../shared/fixtures");
    if shared.is_dir() {
        dirs.push(shared.join("vcard"));
        dirs.push(shared.join("csv"));
    } else {
        eprintln!("../shared/fixtures is not here: seeding from the project's own files only");
    }
    let mut files: Vec<PathBuf> = dirs.iter().flat_map(|d| listing(d)).collect();
    files.sort();
    let seeds: Vec<Vec<u8>> = files.iter().filter_map(|f| std::fs::read(f).ok()).collect();
    assert!(seeds.len() >= 5, "too few seed files: {files:?}");
    seeds
}

fn listing(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("vcf" | "csv")))
        .collect()
}

/// What vCard and CSV readers turn on; inserted whole, they reach code a
/// flipped bit rarely does.
const TOKENS: &[&[u8]] = &[
    b"BEGIN:VCARD\r\n",
    b"END:VCARD\r\n",
    b"VERSION:2.1\r\n",
    b"VERSION:4.0\r\n",
    b";CHARSET=SHIFT_JIS",
    b";CHARSET=ISO-8859-1",
    b";CHARSET=x-unknown",
    b";ENCODING=QUOTED-PRINTABLE",
    b";ENCODING=BASE64",
    b"=\r\n",
    b"=C3",
    b"=E3=81",
    b"\r\n ",
    b"\r\n\t",
    b"\r\n",
    b"\n",
    b"\r",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xFE\xFF",
    b"\x00",
    b"\"",
    b"\"\"",
    b",",
    b";",
    b"\t",
    b":",
    b"BDAY:--0229\r\n",
    b"BDAY:0000-02-30\r\n",
    b"BDAY;VALUE=text:circa 1800\r\n",
    b"FN:",
    b"N:;;;;",
    b"Birthday",
    b"First Name,Last Name\r\n",
    b"0/0/00",
    b"29.02.1900",
    b"\xE2\x80\xAE",
    b"<script>",
];

#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, bit: u8 },
    Set { at: usize, byte: u8 },
    Delete { at: usize, len: usize },
    Insert { at: usize, bytes: Vec<u8> },
    Token { at: usize, which: usize },
    Double { at: usize, len: usize },
    Splice { at: usize, from: usize, start: usize, len: usize },
    Truncate { at: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<usize>();
    prop_oneof![
        4 => (at, 0u8..8).prop_map(|(at, bit)| Mutation::Flip { at, bit }),
        2 => (at, any::<u8>()).prop_map(|(at, byte)| Mutation::Set { at, byte }),
        2 => (at, 1usize..64).prop_map(|(at, len)| Mutation::Delete { at, len }),
        2 => (at, proptest::collection::vec(any::<u8>(), 1..16)).prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        4 => (at, 0..TOKENS.len()).prop_map(|(at, which)| Mutation::Token { at, which }),
        1 => (at, 1usize..256).prop_map(|(at, len)| Mutation::Double { at, len }),
        1 => (at, any::<usize>(), any::<usize>(), 1usize..512)
            .prop_map(|(at, from, start, len)| Mutation::Splice { at, from, start, len }),
        1 => at.prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation, seeds: &[Vec<u8>]) {
    let pos = |at: usize, len: usize| if len == 0 { 0 } else { at % (len + 1) };
    match m {
        Mutation::Flip { at, bit } if !bytes.is_empty() => {
            let i = at % bytes.len();
            bytes[i] ^= 1 << bit;
        }
        Mutation::Set { at, byte } if !bytes.is_empty() => {
            let i = at % bytes.len();
            bytes[i] = *byte;
        }
        Mutation::Delete { at, len } => {
            let i = pos(*at, bytes.len());
            let end = (i + len).min(bytes.len());
            bytes.drain(i..end);
        }
        Mutation::Insert { at, bytes: new } => {
            let i = pos(*at, bytes.len());
            bytes.splice(i..i, new.iter().copied());
        }
        Mutation::Token { at, which } => {
            let i = pos(*at, bytes.len());
            bytes.splice(i..i, TOKENS[*which].iter().copied());
        }
        Mutation::Double { at, len } => {
            let i = pos(*at, bytes.len());
            let end = (i + len).min(bytes.len());
            let chunk = bytes[i..end].to_vec();
            bytes.splice(end..end, chunk);
        }
        Mutation::Splice { at, from, start, len } => {
            let other = &seeds[from % seeds.len()];
            let s = pos(*start, other.len());
            let chunk = other[s..(s + len).min(other.len())].to_vec();
            let i = pos(*at, bytes.len());
            bytes.splice(i..i, chunk);
        }
        Mutation::Truncate { at } => {
            let i = pos(*at, bytes.len());
            bytes.truncate(i);
        }
        _ => {}
    }
}

/// What any file read must hold, whatever its damage.
fn check_file(file: &VcardFile) -> Result<(), TestCaseError> {
    let mut seen = std::collections::HashSet::new();
    for p in &file.people {
        prop_assert!(seen.insert(p.index), "card {} listed twice", p.index);
        prop_assert!(!p.name.is_empty(), "card {} has an empty name", p.index);
        prop_assert_eq!(p.name.trim(), p.name.as_str(), "card {}'s name isn't trimmed", p.index);
        if let Some(b) = p.birthday {
            // A birthday is a real day: in its year when it has one, else in a leap year.
            let year = b.year.map(i32::from).unwrap_or(2000);
            prop_assert!(
                NaiveDate::from_ymd_opt(year, u32::from(b.month), u32::from(b.day)).is_some(),
                "card {} has a birthday that is no day: {:?}",
                p.index,
                b
            );
        }
    }
    for u in &file.unreadable {
        prop_assert!(seen.insert(u.index), "card {} is both read and unreadable, or named twice", u.index);
        prop_assert!(!u.reason.trim().is_empty(), "card {} is unreadable without a reason", u.index);
    }
    Ok(())
}

fn cases() -> u32 {
    std::env::var("KINDRED_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(3_000)
}

#[test]
fn damaged_address_books_are_read_or_refused_plainly() {
    let seeds = seeds();
    let mut runner = TestRunner::new(Config { cases: cases(), failure_persistence: None, ..Config::default() });
    let input = (0..seeds.len(), proptest::collection::vec(mutation(), 1..8));
    // proptest's runner takes an `Fn`: the counts and the store live in cells.
    let (read, refused) = (Cell::new(0u64), Cell::new(0u64));
    let started = std::time::Instant::now();
    let result = runner.run(&input, |(seed, mutations)| {
        let mut bytes = seeds[seed].clone();
        for m in &mutations {
            apply(&mut bytes, m, &seeds);
        }
        match read_contacts(&bytes) {
            Ok(file) => {
                read.set(read.get() + 1);
                check_file(&file)
            }
            Err(CoreError::Validation { message, .. }) => {
                refused.set(refused.get() + 1);
                prop_assert!(!message.trim().is_empty());
                Ok(())
            }
            Err(other) => Err(TestCaseError::fail(format!("refused with a kind of error a file can't cause: {other:?}"))),
        }
    });
    eprintln!(
        "{} damaged files from {} seeds in {:.1} s: {} read, {} refused",
        read.get() + refused.get(),
        seeds.len(),
        started.elapsed().as_secs_f64(),
        read.get(),
        refused.get()
    );
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// Bringing everyone the preview lists in from a damaged file, into a real
/// SQLite file: all of them come in, as listed. Fewer cases: each one
/// writes to disk.
#[test]
fn everyone_in_a_damaged_file_comes_in_or_nothing_changes() {
    let seeds = seeds();
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 12, 5, 10, 0, 0).unwrap()));
    let store = RefCell::new(Store::open_in_dir(dir.path(), clock).unwrap());
    let mut runner =
        TestRunner::new(Config { cases: (cases() / 20).max(50), failure_persistence: None, ..Config::default() });
    let input = (0..seeds.len(), proptest::collection::vec(mutation(), 1..6));
    let result = runner.run(&input, |(seed, mutations)| {
        let mut bytes = seeds[seed].clone();
        for m in &mutations {
            apply(&mut bytes, m, &seeds);
        }
        let mut store = store.borrow_mut();
        let Ok(file) = store.vcard_preview(&bytes) else { return Ok(()) };
        if file.people.is_empty() {
            return Ok(());
        }
        let before = store.list_ties(TieScope::All).unwrap().len();
        let picks: Vec<VcardPick> = file.people.iter().map(|p| VcardPick { index: p.index, circle: None }).collect();
        match store.vcard_import(&bytes, &picks) {
            Ok(added) => {
                prop_assert_eq!(added.len(), picks.len());
                for (tie, person) in added.iter().zip(&file.people) {
                    prop_assert_eq!(&tie.name, &person.name);
                    prop_assert_eq!(tie.birthday, person.birthday);
                }
                prop_assert_eq!(store.list_ties(TieScope::All).unwrap().len(), before + picks.len());
            }
            Err(e) => {
                prop_assert_eq!(store.list_ties(TieScope::All).unwrap().len(), before, "a refused import changed the map");
                return Err(TestCaseError::fail(format!("the preview offered people the import refused: {e:?}")));
            }
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}
