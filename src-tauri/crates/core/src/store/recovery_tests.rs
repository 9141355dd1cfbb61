use std::sync::Arc;

use chrono::TimeZone;

use super::super::encryption::with_suffix;
use super::*;
use crate::clock::FixedClock;
use crate::passphrase::Passphrase;
use crate::store::{BackupKind, Store};
use crate::tie::{TieDraft, TieScope};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap()
}

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::new(now()))
}

fn names(store: &Store) -> Vec<String> {
    store.list_ties(TieScope::All).unwrap().into_iter().map(|t| t.name).collect()
}

/// A store in `dir` holding Sam, with a manual backup of that; then Ari is
/// added after the backup. Returns the backup's name.
fn store_with_a_backup(dir: &Path, key: Option<&str>) -> String {
    let mut store = Store::open_in_dir(dir, clock()).unwrap();
    if let Some(key) = key {
        store.set_passphrase(None, Some(Passphrase::new(key.to_owned()).unwrap())).unwrap();
    }
    store.create_tie(TieDraft::person("Sam")).unwrap();
    let backup = store.back_up(BackupKind::Manual).unwrap();
    store.create_tie(TieDraft::person("Ari")).unwrap();
    backup.name
}

/// Overwrites the middle of the database, as a failing disk might, keeping
/// SQLite's header so the file still looks like a plain database.
fn damage(dir: &Path) -> Vec<u8> {
    let db = dir.join(DATABASE_FILE);
    let mut bytes = std::fs::read(&db).unwrap();
    for byte in bytes.iter_mut().skip(100) {
        *byte = 0xA5;
    }
    std::fs::write(&db, &bytes).unwrap();
    bytes
}

fn open_error(dir: &Path) -> CoreError {
    match Store::open_in_dir(dir, clock()) {
        Ok(_) => panic!("the damaged store opened"),
        Err(error) => error,
    }
}

#[test]
fn each_way_a_store_fails_to_open_is_told_apart() {
    let damaged = tempfile::tempdir().unwrap();
    store_with_a_backup(damaged.path(), None);
    damage(damaged.path());
    assert_eq!(OpenProblem::of(&open_error(damaged.path())), OpenProblem::Damaged);

    let newer = tempfile::tempdir().unwrap();
    drop(Store::open_in_dir(newer.path(), clock()).unwrap());
    let conn = super::super::encryption::raw_connection(Some(&newer.path().join(DATABASE_FILE))).unwrap();
    conn.pragma_update(None, "user_version", 999).unwrap();
    drop(conn);
    assert_eq!(OpenProblem::of(&open_error(newer.path())), OpenProblem::Newer);

    // A folder where the file should be: SQLite can't open it at all.
    let unreadable = tempfile::tempdir().unwrap();
    std::fs::create_dir(unreadable.path().join(DATABASE_FILE)).unwrap();
    assert_eq!(OpenProblem::of(&open_error(unreadable.path())), OpenProblem::Unreadable);
}

#[test]
fn a_backup_comes_back_in_place_of_a_damaged_file_which_is_kept_aside() {
    let dir = tempfile::tempdir().unwrap();
    let name = store_with_a_backup(dir.path(), None);
    let damaged = damage(dir.path());

    let restored = restore_in(dir.path(), &name, now()).unwrap();
    assert_eq!(restored.name, name);
    let store = Store::open_in_dir(dir.path(), clock()).unwrap();
    assert_eq!(names(&store), ["Sam"], "the map as it was at the backup");

    let kept = dir.path().join(BACKUP_DIR).join("kindred-set-aside-2026-11-26T10-00-00Z.sqlite3");
    assert!(std::fs::read(&kept).unwrap() == damaged, "the damaged file is kept byte for byte");
    let listed = backups_in(dir.path()).unwrap();
    assert_eq!(listed.iter().map(|b| b.kind).collect::<Vec<_>>(), [BackupKind::SetAside, BackupKind::Manual]);
    assert!(dir.path().join(BACKUP_DIR).join(&name).exists(), "the backup itself stays");
    assert!(!dir.path().join("kindred.sqlite3.incoming").exists());
}

#[test]
fn a_damaged_or_unknown_backup_is_refused_and_nothing_moves() {
    let dir = tempfile::tempdir().unwrap();
    let name = store_with_a_backup(dir.path(), None);
    let db = dir.path().join(DATABASE_FILE);
    let before = std::fs::read(&db).unwrap();
    let backup = dir.path().join(BACKUP_DIR).join(&name);
    std::fs::write(&backup, b"SQLite format 3\0 and then nothing useful at all").unwrap();

    assert!(matches!(restore_in(dir.path(), &name, now()), Err(CoreError::Validation { .. })));
    for outside in ["../kindred.sqlite3", "kindred.sqlite3", "", ".hidden", "kindred-manual-nonsense.sqlite3"] {
        assert!(matches!(restore_in(dir.path(), outside, now()), Err(CoreError::NotFound { .. })), "{outside}");
    }
    assert!(std::fs::read(&db).unwrap() == before);
    assert_eq!(backups_in(dir.path()).unwrap().len(), 1, "nothing was set aside");
}

#[test]
fn an_encrypted_backup_comes_back_locked_with_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let name = store_with_a_backup(dir.path(), Some("tea with the neighbours"));
    damage(dir.path());

    let restored = restore_in(dir.path(), &name, now()).unwrap();
    assert!(restored.encrypted);
    assert!(matches!(Store::open_in_dir(dir.path(), clock()), Err(CoreError::Locked)));
    let key = Passphrase::new("tea with the neighbours".to_owned()).unwrap();
    let store = Store::open_in_dir_with(dir.path(), clock(), Some(key)).unwrap();
    assert_eq!(names(&store), ["Sam"]);
}

#[test]
fn setting_aside_moves_the_log_along_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(DATABASE_FILE);
    for round in 0..2 {
        std::fs::write(&db, format!("database {round}")).unwrap();
        std::fs::write(dir.path().join("kindred.sqlite3-wal"), format!("log {round}")).unwrap();
        set_aside(dir.path(), now()).unwrap().unwrap();
    }
    assert!(!db.exists() && !dir.path().join("kindred.sqlite3-wal").exists());
    let folder = dir.path().join(BACKUP_DIR);
    let read = |name: &str| std::fs::read_to_string(folder.join(name)).unwrap();
    assert_eq!(read("kindred-set-aside-2026-11-26T10-00-00Z.sqlite3"), "database 0");
    assert_eq!(read("kindred-set-aside-2026-11-26T10-00-00Z.sqlite3-wal"), "log 0");
    assert_eq!(read("kindred-set-aside-2026-11-26T10-00-00Z-2.sqlite3"), "database 1");
    assert_eq!(read("kindred-set-aside-2026-11-26T10-00-00Z-2.sqlite3-wal"), "log 1");
    assert_eq!(set_aside(dir.path(), now()).unwrap(), None, "nothing left to set aside");

    // A log left without its database goes too: it must never be applied
    // to the next database put in place.
    std::fs::write(dir.path().join("kindred.sqlite3-wal"), "stray log").unwrap();
    let aside = set_aside(dir.path(), now()).unwrap().unwrap();
    assert_eq!(std::fs::read_to_string(with_suffix(&aside, "-wal")).unwrap(), "stray log");
    assert!(!dir.path().join("kindred.sqlite3-wal").exists());
}

#[test]
fn a_move_that_fails_half_way_puts_back_what_it_moved() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(DATABASE_FILE);
    std::fs::write(&db, "database").unwrap();
    std::fs::write(dir.path().join("kindred.sqlite3-wal"), "log").unwrap();
    // Something already where the database would go (a folder, which a
    // file can't be renamed over) makes the last move fail.
    let target = dir.path().join(BACKUP_DIR).join("kindred-set-aside-2026-11-26T10-00-00Z.sqlite3");
    std::fs::create_dir_all(dir.path().join(BACKUP_DIR)).unwrap();
    let parts = ["-wal", ""];
    std::fs::create_dir(&target).unwrap();
    assert!(move_parts(&db, &target, &parts).is_err());
    assert_eq!(std::fs::read_to_string(&db).unwrap(), "database");
    assert_eq!(std::fs::read_to_string(dir.path().join("kindred.sqlite3-wal")).unwrap(), "log", "the log is back");
}

#[test]
fn a_restore_that_cant_swap_leaves_the_folder_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let name = store_with_a_backup(dir.path(), None);
    let damaged = damage(dir.path());
    // The name the incoming copy needs is taken by a folder: the copy fails.
    std::fs::create_dir(dir.path().join("kindred.sqlite3.incoming")).unwrap();
    assert!(restore_in(dir.path(), &name, now()).is_err());
    assert!(std::fs::read(dir.path().join(DATABASE_FILE)).unwrap() == damaged);
    assert_eq!(backups_in(dir.path()).unwrap().len(), 1, "nothing was set aside");
}

#[test]
fn backups_are_listed_without_an_open_store_and_deleting_everything_takes_set_aside_ones_too() {
    let dir = tempfile::tempdir().unwrap();
    assert!(backups_in(dir.path()).unwrap().is_empty());
    let name = store_with_a_backup(dir.path(), None);
    damage(dir.path());
    let listed: Vec<_> = backups_in(dir.path()).unwrap().into_iter().map(|b| b.name).collect();
    assert_eq!(listed, [name]);

    set_aside(dir.path(), now()).unwrap();
    assert_eq!(backups_in(dir.path()).unwrap().len(), 2);
    super::super::delete_data_files(&dir.path().join(DATABASE_FILE)).unwrap();
    assert!(!dir.path().exists(), "no file of Kindred's is left");
}

/// Another program with the database open, as SQLite opens files: on
/// Windows it may read and write, but no one may rename or delete it.
fn another_program_holding(db: &Path) -> rusqlite::Connection {
    let conn = crate::store::encryption::raw_connection(Some(db)).unwrap();
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)).unwrap();
    conn
}

#[test]
fn setting_aside_a_file_another_program_holds_is_refused_on_windows_with_nothing_moved() {
    let dir = tempfile::tempdir().unwrap();
    store_with_a_backup(dir.path(), None);
    let db = dir.path().join(DATABASE_FILE);
    let holder = another_program_holding(&db);
    let before = std::fs::read(&db).unwrap();
    std::fs::write(with_suffix(&db, "-wal"), b"log").unwrap();
    let moved = set_aside(dir.path(), now());
    if cfg!(windows) {
        assert!(matches!(&moved, Err(CoreError::Conflict(m)) if m == super::super::IN_USE), "{moved:?}");
        assert!(std::fs::read(&db).unwrap() == before, "the database is where it was");
        assert_eq!(std::fs::read(with_suffix(&db, "-wal")).unwrap(), b"log", "and its log went back beside it");
        assert_eq!(backups_in(dir.path()).unwrap().len(), 1, "nothing was set aside");
        drop(holder);
    } else {
        drop(holder);
        assert!(moved.unwrap().is_some(), "Unix lets an open file move");
    }
    // Once the other program lets go, the same move works everywhere.
    let _ = set_aside(dir.path(), now()).unwrap();
    assert!(!db.exists());
    assert!(backups_in(dir.path()).unwrap().iter().any(|b| b.kind == BackupKind::SetAside));
}

#[test]
fn deleting_everything_while_another_program_holds_the_database_deletes_nothing_on_windows() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("Zoë Núñez data");
    store_with_a_backup(&data, None);
    let db = data.join(DATABASE_FILE);
    let holder = another_program_holding(&db);
    let deleted = super::super::delete_data_files(&db);
    if cfg!(windows) {
        assert!(matches!(&deleted, Err(CoreError::Conflict(m)) if m == super::super::IN_USE), "{deleted:?}");
        assert!(db.exists() && backups_in(&data).unwrap().len() == 1, "nothing was deleted");
        drop(holder);
        super::super::delete_data_files(&db).unwrap();
    } else {
        deleted.unwrap();
        drop(holder);
    }
    assert!(!data.exists(), "no file of Kindred's is left");
}
