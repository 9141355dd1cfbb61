//! Encryption at rest with SQLCipher. A store is either plain or encrypted
//! with the person's passphrase; its backups and pre-upgrade snapshots always
//! follow the database, so one passphrase opens everything Kindred keeps and
//! no readable copy is left behind when encryption is turned on.
//!
//! Turning encryption on, changing the passphrase and turning it off all go
//! the same way: `sqlcipher_export` writes a new file with the new key beside
//! the old one, the new file is checked, and only then is it renamed over
//! the old. A failure anywhere before the rename leaves the old file as it
//! was; the rename itself is atomic.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Once;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::{backups::BACKUP_DIR, files, snapshot::SNAPSHOT_DIR, Store};
use crate::error::{CoreError, CoreResult};
use crate::passphrase::{doesnt_fit, Passphrase};

/// The first 16 bytes of every plain SQLite file. An encrypted file starts
/// with its random salt instead.
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// The suffix of the new file while it is being written.
pub(super) const REKEY_SUFFIX: &str = ".rekey";

/// Whether the file at `path` is encrypted: it exists, has a header, the
/// header is not SQLite's, and its size is whole pages (SQLCipher writes
/// nothing else). A damaged file can still look encrypted; opening it with a
/// passphrase then says the passphrase does not fit, and changes nothing.
pub fn file_is_encrypted(path: &Path) -> bool {
    let mut header = [0u8; 16];
    let whole_pages = std::fs::metadata(path).is_ok_and(|m| m.len() >= 512 && m.len() % 512 == 0);
    match std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut header)) {
        Ok(()) => whole_pages && &header != PLAIN_HEADER,
        Err(_) => false,
    }
}

/// Makes sure SQLite (and SQLCipher with it) has finished initialising
/// before any connection opens. SQLCipher adds `sqlcipher_export` to every
/// new connection through an auto-extension that it registers at the very
/// end of `sqlite3_initialize`, after SQLite already counts as initialised;
/// a connection opened on another thread in that moment lacks the function
/// for its whole life, and changing the passphrase through it fails. (Seen
/// once in CI, with tests opening stores on many threads at once.) `Once`
/// holds every other opener back until the first has finished.
fn sqlite_ready() {
    static READY: Once = Once::new();
    READY.call_once(|| {
        // Opening a connection runs `sqlite3_initialize` to its end; the
        // connection itself is not needed, and if it fails the real open
        // that follows reports why.
        let _ = Connection::open_in_memory();
    });
}

/// A connection with no key and no checks, opened once SQLite is ready:
/// every connection Kindred opens goes through here.
pub(crate) fn raw_connection(path: Option<&Path>) -> rusqlite::Result<Connection> {
    sqlite_ready();
    match path {
        Some(path) => Connection::open(path),
        None => Connection::open_in_memory(),
    }
}

/// Opens `path` with `key` (or none) and reads the schema, which is when
/// SQLCipher finds out whether the key fits.
pub(super) fn open_connection(path: &Path, key: Option<&Passphrase>, flags: OpenFlags) -> CoreResult<Connection> {
    sqlite_ready();
    let conn = Connection::open_with_flags(path, flags)?;
    // SQLCipher logs a failed page check to stderr; a wrong passphrase is
    // an expected event here and is reported to the person instead.
    conn.pragma_update(None, "cipher_log_level", "NONE")?;
    if let Some(key) = key {
        conn.pragma_update(None, "key", key.expose())?;
    }
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)) {
        Ok(_) => Ok(conn),
        Err(error) if error.sqlite_error_code() == Some(ErrorCode::NotADatabase) => {
            Err(if key.is_some() { doesnt_fit("passphrase") } else { CoreError::Locked })
        }
        Err(error) => Err(error.into()),
    }
}

/// `path` with `suffix` added to its file name.
pub(super) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", path.display()))
}

/// Writes everything `conn` holds into a new file at `target`, encrypted
/// with `key` (plain with none), keeping the schema version.
fn export_to(conn: &Connection, target: &Path, key: Option<&Passphrase>) -> CoreResult<()> {
    files::remove_file(target)?;
    let target_text = target.to_string_lossy();
    conn.execute("ATTACH DATABASE ?1 AS rekeyed KEY ?2", [target_text.as_ref(), key.map_or("", Passphrase::expose)])?;
    let exported = (|| -> CoreResult<()> {
        conn.query_row("SELECT sqlcipher_export('rekeyed')", [], |_| Ok(()))?;
        // sqlcipher_export copies tables, not the header's schema version.
        let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        conn.pragma_update(Some("rekeyed"), "user_version", version)?;
        Ok(())
    })();
    let detached = conn.execute("DETACH DATABASE rekeyed", []);
    exported?;
    detached?;
    // The new file is read back with its own key before it replaces anything.
    let check = open_connection(target, key, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let ok: String = check.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if ok != "ok" {
        return Err(CoreError::Conflict("The re-encrypted copy didn't check out, so nothing was changed.".to_owned()));
    }
    Ok(())
}

/// Re-encrypts the database file at `path` (not open elsewhere) from `old`
/// to `new`. Used for backups and snapshots.
fn rekey_file(path: &Path, old: Option<&Passphrase>, new: Option<&Passphrase>) -> CoreResult<()> {
    let tmp = with_suffix(path, REKEY_SUFFIX);
    let result = (|| {
        // Read-write: an attached database shares its connection's mode,
        // and the export writes to the attached one.
        let source = open_connection(path, old, OpenFlags::default())?;
        export_to(&source, &tmp, new)?;
        drop(source);
        files::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = files::remove_file(&tmp);
    }
    result
}

/// What changing the passphrase did to the copies beside the database.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RekeyedCopies {
    pub rekeyed: usize,
    /// Copies that did not open with the old passphrase (damaged, or left
    /// from an earlier failed change); they are left as they are.
    pub skipped: usize,
}

impl Store {
    /// Whether the database is encrypted with a passphrase.
    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
    }

    /// Whether `passphrase` is the one the database is encrypted with.
    /// The passphrase the store was opened with, to open it again after it
    /// was closed for a moment (putting a backup in place as a file).
    pub fn passphrase(&self) -> Option<&Passphrase> {
        self.key.as_ref()
    }

    pub fn passphrase_is(&self, passphrase: &Passphrase) -> bool {
        self.key.as_ref() == Some(passphrase)
    }

    /// Turns encryption on (`new` with no passphrase yet), changes the
    /// passphrase, or turns encryption off (`new` is `None`). When the store
    /// is encrypted, `current` must be its passphrase. The database, every
    /// backup and every snapshot end up under the new key.
    pub fn set_passphrase(
        &mut self,
        current: Option<&Passphrase>,
        new: Option<Passphrase>,
    ) -> CoreResult<RekeyedCopies> {
        match (&self.key, current) {
            (Some(key), Some(given)) if key == given => {}
            (Some(_), _) => return Err(doesnt_fit("current")),
            (None, _) if new.is_none() => return Ok(RekeyedCopies::default()),
            (None, _) => {}
        }
        let db =
            self.path.clone().ok_or_else(|| CoreError::Conflict("This store has no file to protect.".to_owned()))?;
        let old = self.key.clone();
        let tmp = with_suffix(&db, REKEY_SUFFIX);
        if let Err(error) = export_to(&self.conn, &tmp, new.as_ref()) {
            let _ = files::remove_file(&tmp);
            return Err(error);
        }
        // Closing the connection folds the write-ahead log into the old file;
        // whatever log is left belongs to the old file and would damage the
        // new one, and everything in it is already in the export.
        let clock = self.clock.clone();
        *self = Store::open_in_memory(clock.clone())?;
        let swapped = files::remove_file(&with_suffix(&db, "-wal"))
            .and_then(|()| files::remove_file(&with_suffix(&db, "-shm")))
            .and_then(|()| files::rename(&tmp, &db));
        if let Err(error) = swapped {
            let _ = files::remove_file(&tmp);
            *self = Store::open_with(&db, clock, old)?;
            return Err(error);
        }
        *self = Store::open_with(&db, clock, new.clone())?;
        Ok(self.rekey_copies(old.as_ref(), new.as_ref()))
    }

    /// Brings every backup and snapshot under the store's key.
    fn rekey_copies(&self, old: Option<&Passphrase>, new: Option<&Passphrase>) -> RekeyedCopies {
        let mut outcome = RekeyedCopies::default();
        let Some(dir) = self.path.as_deref().and_then(Path::parent) else { return outcome };
        for folder in [BACKUP_DIR, SNAPSHOT_DIR] {
            let Ok(entries) = std::fs::read_dir(dir.join(folder)) else { continue };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_none_or(|e| e != "sqlite3") {
                    continue;
                }
                match rekey_file(&path, old, new) {
                    Ok(()) => outcome.rekeyed += 1,
                    Err(_) => outcome.skipped += 1,
                }
            }
        }
        outcome
    }

    /// Opens another database file of Kindred's (a backup) with this store's
    /// key, read-only.
    pub(super) fn open_copy(&self, path: &Path) -> CoreResult<Connection> {
        open_connection(path, self.key.as_ref(), OpenFlags::SQLITE_OPEN_READ_ONLY)
    }
}

#[cfg(test)]
#[path = "encryption_tests.rs"]
mod tests;
