use std::sync::Arc;

use chrono::{Duration, TimeZone, Utc};
use proptest::prelude::*;

use super::*;
use crate::clock::FixedClock;
use crate::store::{BackupKind, DATABASE_FILE};
use crate::tie::{TieDraft, TieScope};

const NAME: &str = "Zanzibarina Okonkwo";
const JOURNAL: &str = "Walked along the Quillmere canal";

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap()))
}

fn pass(text: &str) -> Passphrase {
    Passphrase::new(text.to_owned()).unwrap()
}

fn names(store: &Store) -> Vec<String> {
    store.list_ties(TieScope::All).unwrap().into_iter().map(|t| t.name).collect()
}

/// Every file Kindred keeps in `dir`, with its bytes.
fn files_in(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                found.push((path.clone(), std::fs::read(&path).unwrap()));
            }
        }
    }
    found
}

fn readable_copies_of(dir: &Path, needle: &str) -> Vec<PathBuf> {
    files_in(dir)
        .into_iter()
        .filter(|(_, bytes)| bytes.windows(needle.len()).any(|w| w == needle.as_bytes()))
        .map(|(path, _)| path)
        .collect()
}

fn is_validation_on(error: &CoreError, expected: &str) -> bool {
    matches!(error, CoreError::Validation { field, .. } if *field == expected)
}

/// A plain store with a person, a journal entry and a backup, as someone
/// who has used Kindred for a while would have.
fn lived_in_store(dir: &Path, clock: Arc<FixedClock>) -> Store {
    let mut store = Store::open_in_dir(dir, clock.clone()).unwrap();
    let tie = store.create_tie(TieDraft::person(NAME)).unwrap();
    store.answer_prompt("quality-02", Some(tie.id), JOURNAL).unwrap();
    store.back_up(BackupKind::Manual).unwrap();
    clock.advance(Duration::minutes(1));
    store
}

#[test]
fn turning_encryption_on_leaves_nothing_readable_in_any_file() {
    let dir = tempfile::tempdir().unwrap();
    let clock = clock();
    let mut store = lived_in_store(dir.path(), clock.clone());
    assert!(!readable_copies_of(dir.path(), NAME).is_empty(), "the name is readable before");

    let copies = store.set_passphrase(None, Some(pass("river stones 42"))).unwrap();
    assert_eq!(copies, RekeyedCopies { rekeyed: 1, skipped: 0 });
    assert!(store.is_encrypted());
    assert!(store.passphrase_is(&pass("river stones 42")));
    assert!(!store.passphrase_is(&pass("river stones 4")));
    assert_eq!(names(&store), [NAME], "the open store carries on with the same data");
    let search = crate::reflection::journal::JournalFilter { query: Some("quillmere".into()), ..Default::default() };
    assert_eq!(store.journal(&search).unwrap().entries.len(), 1, "the search index came along");

    // Written after the change, so it passes through the encrypted log too.
    store.create_tie(TieDraft::person("Quentavius Marlowe")).unwrap();
    store.back_up(BackupKind::Manual).unwrap();
    for needle in [NAME, JOURNAL, "Quentavius", "Marlowe", "Quillmere"] {
        assert_eq!(readable_copies_of(dir.path(), needle), Vec::<PathBuf>::new(), "{needle} is readable");
    }
    assert!(file_is_encrypted(&dir.path().join(DATABASE_FILE)));
    assert!(store.backups().unwrap().iter().all(|b| b.encrypted), "every backup says it is encrypted");
    assert!(!dir.path().join(format!("{DATABASE_FILE}{REKEY_SUFFIX}")).exists());
}

#[test]
fn an_encrypted_store_opens_only_with_its_passphrase_and_a_wrong_one_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let clock = clock();
    let mut store = lived_in_store(dir.path(), clock.clone());
    store.set_passphrase(None, Some(pass("river stones 42"))).unwrap();
    drop(store);
    let before = files_in(dir.path());

    let locked = Store::open_in_dir(dir.path(), clock.clone()).map(|_| ()).unwrap_err();
    assert!(matches!(locked, CoreError::Locked), "{locked:?}");
    let wrong = Store::open_in_dir_with(dir.path(), clock.clone(), Some(pass("river stones 43"))).map(|_| ());
    assert!(is_validation_on(&wrong.unwrap_err(), "passphrase"));
    assert_eq!(files_in(dir.path()), before, "failed opens touch no file");

    let store = Store::open_in_dir_with(dir.path(), clock, Some(pass("river stones 42"))).unwrap();
    assert_eq!(names(&store), [NAME]);
}

#[test]
fn changing_the_passphrase_needs_the_current_one_and_moves_backups_along() {
    let dir = tempfile::tempdir().unwrap();
    let clock = clock();
    let mut store = lived_in_store(dir.path(), clock.clone());
    store.set_passphrase(None, Some(pass("first passphrase"))).unwrap();
    let backup = store.back_up(BackupKind::Manual).unwrap();
    let before = files_in(dir.path());

    let wrong = store.set_passphrase(Some(&pass("not the one at all")), Some(pass("second passphrase")));
    assert!(is_validation_on(&wrong.unwrap_err(), "current"));
    assert!(is_validation_on(&store.set_passphrase(None, Some(pass("second passphrase"))).unwrap_err(), "current"));
    assert_eq!(files_in(dir.path()), before, "a wrong current passphrase changes nothing");

    let copies = store.set_passphrase(Some(&pass("first passphrase")), Some(pass("second passphrase"))).unwrap();
    assert_eq!(copies.rekeyed, 2);
    drop(store);
    let old = Store::open_in_dir_with(dir.path(), clock.clone(), Some(pass("first passphrase"))).map(|_| ());
    assert!(is_validation_on(&old.unwrap_err(), "passphrase"));
    let mut store = Store::open_in_dir_with(dir.path(), clock.clone(), Some(pass("second passphrase"))).unwrap();
    // A backup taken under the first passphrase restores under the second.
    store.create_tie(TieDraft::person("Later")).unwrap();
    clock.advance(Duration::minutes(1));
    store.restore_backup(&backup.name).unwrap();
    assert_eq!(names(&store), [NAME]);
}

#[test]
fn removing_the_passphrase_makes_everything_plain_again() {
    let dir = tempfile::tempdir().unwrap();
    let clock = clock();
    let mut store = lived_in_store(dir.path(), clock.clone());
    store.set_passphrase(None, Some(pass("river stones 42"))).unwrap();
    assert!(is_validation_on(&store.set_passphrase(Some(&pass("wrong one here")), None).unwrap_err(), "current"));
    store.set_passphrase(Some(&pass("river stones 42")), None).unwrap();
    assert!(!store.is_encrypted());
    drop(store);
    assert!(!file_is_encrypted(&dir.path().join(DATABASE_FILE)));
    let mut store = Store::open_in_dir(dir.path(), clock.clone()).unwrap();
    assert_eq!(names(&store), [NAME]);
    let backups = store.backups().unwrap();
    assert!(backups.iter().all(|b| !b.encrypted));
    store.restore_backup(&backups[0].name).unwrap();
    assert_eq!(names(&store), [NAME]);
}

#[test]
fn backups_of_an_encrypted_store_restore_and_say_they_are_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let clock = clock();
    let mut store = lived_in_store(dir.path(), clock.clone());
    store.set_passphrase(None, Some(pass("river stones 42"))).unwrap();
    let backup = store.back_up(BackupKind::Manual).unwrap();
    assert!(backup.encrypted);
    clock.advance(Duration::minutes(1));
    store.create_tie(TieDraft::person("Ana")).unwrap();
    let safety = store.restore_backup(&backup.name).unwrap();
    assert!(safety.encrypted);
    assert_eq!(names(&store), [NAME]);
    assert!(store.daily_backup_if_due().unwrap().is_some_and(|b| b.encrypted));
}

#[test]
fn a_damaged_backup_is_left_alone_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let clock = clock();
    let mut store = lived_in_store(dir.path(), clock.clone());
    let broken = dir.path().join("backups").join("kindred-manual-2026-01-01T00-00-00Z.sqlite3");
    std::fs::write(&broken, b"not a database at all, just words").unwrap();
    let copies = store.set_passphrase(None, Some(pass("river stones 42"))).unwrap();
    assert_eq!(copies, RekeyedCopies { rekeyed: 1, skipped: 1 });
    assert_eq!(std::fs::read(&broken).unwrap(), b"not a database at all, just words");
    assert_eq!(names(&store), [NAME]);
}

#[test]
fn a_locked_store_can_still_be_deleted_by_someone_who_forgot_the_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("app.kindred.desktop");
    let mut store = lived_in_store(&data, clock());
    store.set_passphrase(None, Some(pass("river stones 42"))).unwrap();
    drop(store);
    std::fs::write(data.join(crate::store::KEYCHAIN_MARKER), b"").unwrap();
    crate::store::delete_data_files(&data.join(DATABASE_FILE)).unwrap();
    assert!(!data.exists(), "no file of Kindred's is left");
}

#[test]
fn a_plain_store_is_not_encrypted_and_removing_nothing_is_fine() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = lived_in_store(dir.path(), clock());
    assert!(!store.is_encrypted());
    assert_eq!(store.set_passphrase(None, None).unwrap(), RekeyedCopies::default());
    assert!(!file_is_encrypted(&dir.path().join(DATABASE_FILE)));
    assert!(!file_is_encrypted(&dir.path().join("no such file")));
}

proptest! {
    // Each case derives keys several times (SQLCipher's PBKDF2), so few.
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Quotes, backslashes, SQL and any script: whatever the person chooses
    /// is the key, byte for byte, and nothing else opens the file.
    #[test]
    fn any_allowed_passphrase_locks_and_unlocks(text in "[\\PC]{8,40}".prop_filter("no control", |t| !t.chars().any(char::is_control))) {
        let dir = tempfile::tempdir().unwrap();
        let clock = clock();
        let mut store = Store::open_in_dir(dir.path(), clock.clone()).unwrap();
        store.create_tie(TieDraft::person(NAME)).unwrap();
        store.set_passphrase(None, Some(pass(&text))).unwrap();
        drop(store);
        let reopened = Store::open_in_dir_with(dir.path(), clock.clone(), Some(pass(&text))).unwrap();
        prop_assert_eq!(names(&reopened), [NAME]);
        drop(reopened);
        let other = format!("{text}x");
        prop_assert!(Store::open_in_dir_with(dir.path(), clock, Some(pass(&other))).is_err());
    }
}

#[test]
fn a_backup_under_another_passphrase_is_refused_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let clock = clock();
    let mut store = lived_in_store(dir.path(), clock.clone());
    store.set_passphrase(None, Some(pass("river stones 42"))).unwrap();
    // A copy left under the old key, as if re-keying it had failed.
    let stray = dir.path().join("backups").join("kindred-manual-2026-01-01T00-00-00Z.sqlite3");
    {
        let plain = Store::open(&dir.path().join("elsewhere.sqlite3"), clock.clone()).unwrap();
        plain.back_up(BackupKind::Manual).unwrap();
    }
    let mut made = std::fs::read_dir(dir.path().join("backups")).unwrap().flatten().map(|e| e.path());
    let newest = made.find(|p| !file_is_encrypted(p)).expect("the plain copy");
    std::fs::rename(newest, &stray).unwrap();
    let error = store.restore_backup("kindred-manual-2026-01-01T00-00-00Z.sqlite3").unwrap_err();
    assert!(error.to_string().contains("different passphrase"), "{error}");
    assert_eq!(names(&store), [NAME], "nothing changed");
}

#[test]
fn a_passphrase_change_another_program_blocks_on_windows_leaves_the_data_open_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = lived_in_store(dir.path(), clock());
    let db = dir.path().join(DATABASE_FILE);
    // Another program (a second copy of Kindred, an SQLite browser) has the
    // file open, as SQLite opens files.
    let holder = raw_connection(Some(&db)).unwrap();
    holder.query_row("SELECT count(*) FROM ties", [], |r| r.get::<_, i64>(0)).unwrap();
    let changed = store.set_passphrase(None, Some(pass("river stones 42")));
    if cfg!(windows) {
        assert!(matches!(&changed, Err(CoreError::Conflict(m)) if m == crate::store::IN_USE), "{changed:?}");
        assert!(!store.is_encrypted(), "still plain");
        assert_eq!(names(&store), [NAME], "and still open, with everything in it");
        assert!(!with_suffix(&db, REKEY_SUFFIX).exists(), "the new copy was cleared away");
        drop(holder);
        store.set_passphrase(None, Some(pass("river stones 42"))).unwrap();
    } else {
        changed.unwrap();
        drop(holder);
    }
    assert!(store.is_encrypted());
    assert_eq!(names(&store), [NAME]);
}
