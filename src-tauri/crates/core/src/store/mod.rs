//! The SQLite store: one connection, opened with the settings every part of
//! the app relies on, and brought up to the current schema before use.

mod backups;
mod charts;
mod checkins;
mod contacts;
mod data_file;
mod derived_reminders;
mod encryption;
mod files;
mod intentions;
mod journal;
mod migrations;
mod network;
mod notices;
mod quality;
mod reach_out_reminders;
mod recovery;
mod reflection;
mod reminders;
mod settings;
mod snapshot;
mod tick;
mod ties;
mod time;
mod vcard_import;

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags};

use crate::clock::Clock;
use crate::error::CoreResult;
use crate::passphrase::Passphrase;

pub use backups::{Backup, BackupKind, AUTO_KEEP, BACKUP_DIR};
pub use charts::{Charts, MoodPoint, ScorePoint, WeekCount, CONTACT_WEEKS};
pub use data_file::{Counts, ImportMode, ImportPreview};
pub use encryption::{file_is_encrypted, RekeyedCopies};
pub use files::{held_by_another_program, IN_USE};
pub use journal::{JournalPage, JOURNAL_PAGE};
pub use migrations::{latest_version, MIGRATIONS};
pub use reach_out_reminders::ReachOutDue;
pub use recovery::{backups_in, restore_in, set_aside, OpenProblem};
pub use reminders::TakenReminders;
pub use settings::CadenceDefaults;
pub use snapshot::SNAPSHOT_DIR;
pub use tick::TickOutcome;

/// What the person types to confirm deleting everything.
pub const DELETE_PHRASE: &str = "delete everything";

/// The database file's name inside the data folder.
pub const DATABASE_FILE: &str = "kindred.sqlite3";

/// A marker beside the database saying the person chose to keep the
/// passphrase in the system keychain (it holds nothing secret).
pub const KEYCHAIN_MARKER: &str = "passphrase-in-keychain";

pub struct Store {
    conn: Connection,
    clock: Arc<dyn Clock>,
    path: Option<PathBuf>,
    /// The passphrase the file is encrypted with, if it is (see
    /// `store::encryption`). Kept to open backups and to re-key.
    key: Option<Passphrase>,
    /// See `store::tick`.
    tick_cache: Option<tick::TickCache>,
    /// See `store::network`.
    network_cache: RefCell<Option<network::NetworkCache>>,
}

impl Store {
    /// Opens (creating if needed) the database in `data_dir`. If the file
    /// holds an older schema, a snapshot is taken first so an upgrade can
    /// never cost the person their data.
    pub fn open_in_dir(data_dir: &Path, clock: Arc<dyn Clock>) -> CoreResult<Self> {
        Self::open_in_dir_with(data_dir, clock, None)
    }

    /// Like [`Store::open_in_dir`], for a database encrypted with `key`. An
    /// encrypted file opened without a key is [`crate::CoreError::Locked`];
    /// a key that does not fit is a validation error on `passphrase`, and
    /// the file is not touched.
    pub fn open_in_dir_with(data_dir: &Path, clock: Arc<dyn Clock>, key: Option<Passphrase>) -> CoreResult<Self> {
        std::fs::create_dir_all(data_dir)?;
        Self::open_with(&data_dir.join(DATABASE_FILE), clock, key)
    }

    pub fn open(path: &Path, clock: Arc<dyn Clock>) -> CoreResult<Self> {
        Self::open_with(path, clock, None)
    }

    pub fn open_with(path: &Path, clock: Arc<dyn Clock>, key: Option<Passphrase>) -> CoreResult<Self> {
        let mut conn = encryption::open_connection(path, key.as_ref(), OpenFlags::default())?;
        configure(&conn)?;
        snapshot::before_migrating(&conn, path, clock.now(), latest_version())?;
        MIGRATIONS.to_latest(&mut conn)?;
        Ok(Self { conn, clock, path: Some(path.to_path_buf()), key, tick_cache: None, network_cache: RefCell::default() })
    }

    /// A private database in memory: for tests and benchmarks.
    pub fn open_in_memory(clock: Arc<dyn Clock>) -> CoreResult<Self> {
        let mut conn = encryption::raw_connection(None)?;
        configure(&conn)?;
        MIGRATIONS.to_latest(&mut conn)?;
        Ok(Self { conn, clock, path: None, key: None, tick_cache: None, network_cache: RefCell::default() })
    }

    /// Deletes every file Kindred keeps: the database (with its write-ahead
    /// log), the pre-upgrade snapshots and the backups; then the data folder
    /// itself if nothing else is in it. The store carries on in memory, empty,
    /// so the app can close cleanly. `confirmation` must be the phrase
    /// [`DELETE_PHRASE`], typed by the person.
    pub fn delete_everything(&mut self, confirmation: &str) -> CoreResult<()> {
        check_delete_phrase(confirmation)?;
        let Some(db) = self.path.clone() else { return Ok(()) };
        // Closing the only connection first (Windows cannot delete open
        // files; SQLite folds the WAL back on close).
        *self = Self::open_in_memory(self.clock.clone())?;
        delete_data_files(&db)
    }

    /// Where the database lives, if it is a file.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn schema_version(&self) -> CoreResult<u32> {
        Ok(self.conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
    }

    /// The store clock's "now" (a fixed clock in tests).
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// The person's local date now, from the store's clock.
    pub fn today(&self) -> chrono::NaiveDate {
        self.clock.today()
    }

    #[cfg(test)]
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// Whether `confirmation` is the phrase [`DELETE_PHRASE`], as typed by
/// the person (case and outer spaces aside).
pub fn check_delete_phrase(confirmation: &str) -> CoreResult<()> {
    if confirmation.trim().eq_ignore_ascii_case(DELETE_PHRASE) {
        Ok(())
    } else {
        Err(crate::CoreError::validation(
            "confirmation",
            format!("To delete everything, type “{DELETE_PHRASE}” exactly."),
        ))
    }
}

/// Deletes every file Kindred keeps beside and including the database at
/// `db` (see [`Store::delete_everything`]). It needs no open store, so a
/// person who forgot their passphrase can still start over.
pub fn delete_data_files(db: &Path) -> CoreResult<()> {
    let dir = db.parent().map(Path::to_path_buf).unwrap_or_default();
    let files = ["", "-wal", "-shm", "-journal", encryption::REKEY_SUFFIX, recovery::INCOMING_SUFFIX]
        .map(|s| encryption::with_suffix(db, s));
    // The database goes first: if another program holds it (Windows),
    // nothing at all is deleted and the person is told why.
    for file in files.iter().chain([&dir.join(KEYCHAIN_MARKER)]) {
        files::remove_file(file)?;
    }
    for folder in [SNAPSHOT_DIR, backups::BACKUP_DIR] {
        files::remove_dir_all(&dir.join(folder))?;
    }
    // Empty now unless something else (a webview's cache) lives there.
    let _ = std::fs::remove_dir(&dir);
    Ok(())
}

/// WAL lets the UI read while the scheduler writes; NORMAL sync is safe with
/// WAL (a power cut may lose the last commit, never corrupt the file);
/// foreign keys are off by default in SQLite and the schema depends on them.
fn configure(conn: &Connection) -> CoreResult<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // 16 MiB of page cache (SQLite's default is 2 MiB): an encrypted page
    // is decrypted each time it is read from disk, so keeping the pages a
    // journal search or the map touches avoids most of that work.
    conn.pragma_update(None, "cache_size", -16_384)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::SystemClock;

    #[test]
    fn a_new_file_gets_the_pragmas_and_the_latest_schema() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in_dir(dir.path(), Arc::new(SystemClock)).unwrap();
        let conn = store.conn();
        let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
        assert_eq!(mode.to_lowercase(), "wal");
        let fk: i64 = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
        assert_eq!(fk, 1);
        assert_eq!(store.schema_version().unwrap(), latest_version());
        assert!(dir.path().join(DATABASE_FILE).exists());
    }

    #[test]
    fn upgrading_a_real_v1_file_keeps_the_data_and_a_snapshot_of_it() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join(DATABASE_FILE);
        {
            let mut conn = encryption::raw_connection(Some(&db)).unwrap();
            MIGRATIONS.to_version(&mut conn, 1).unwrap();
            conn.execute(
                "INSERT INTO ties (name, created_at, updated_at) VALUES ('Mina', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
                [],
            )
            .unwrap();
        }
        let store = Store::open_in_dir(dir.path(), Arc::new(SystemClock)).unwrap();
        assert_eq!(store.schema_version().unwrap(), latest_version());
        assert_eq!(store.list_ties(crate::tie::TieScope::All).unwrap()[0].name, "Mina");
        let snapshots: Vec<_> = std::fs::read_dir(dir.path().join(SNAPSHOT_DIR)).unwrap().collect();
        assert_eq!(snapshots.len(), 1, "one copy taken before the upgrade");
        let copy = encryption::raw_connection(Some(&snapshots[0].as_ref().unwrap().path())).unwrap();
        let version: u32 = copy.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(version, 1, "the copy is the database as it was");
    }

    #[test]
    fn deleting_everything_leaves_no_file_of_kindreds() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("app.kindred.desktop");
        let mut store = Store::open_in_dir(&data, Arc::new(SystemClock)).unwrap();
        store.create_tie(crate::tie::TieDraft::person("Sam")).unwrap();
        store.back_up(BackupKind::Manual).unwrap();
        std::fs::create_dir_all(data.join(SNAPSHOT_DIR)).unwrap();
        assert!(store.delete_everything("delete it").is_err());
        assert!(data.join(DATABASE_FILE).exists(), "a wrong phrase changes nothing");
        store.delete_everything("  Delete everything ").unwrap();
        assert!(!data.exists(), "the data folder is gone");
        assert!(store.list_ties(crate::tie::TieScope::All).unwrap().is_empty());
    }

    #[test]
    fn reopening_keeps_the_schema_and_takes_no_snapshot() {
        let dir = tempfile::tempdir().unwrap();
        drop(Store::open_in_dir(dir.path(), Arc::new(SystemClock)).unwrap());
        let store = Store::open_in_dir(dir.path(), Arc::new(SystemClock)).unwrap();
        assert_eq!(store.schema_version().unwrap(), latest_version());
        assert!(!dir.path().join(SNAPSHOT_DIR).exists());
    }
}
