//! When Kindred's data won't open: what went wrong, in words the person can
//! act on, and the ways back that need no open store. Bringing a backup back
//! and starting fresh both set the current file aside first (moved into
//! [`SET_ASIDE_DIR`], never deleted), so nothing is lost by trying.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{ErrorCode, OpenFlags};
use rusqlite_migration::MigrationDefinitionError;
use serde::Serialize;
use ts_rs::TS;

use super::backups::{check_is_kindred, read_backup, refused_backup, Backup, BACKUP_DIR};
use super::encryption::{open_connection, with_suffix};
use super::DATABASE_FILE;
use crate::error::{CoreError, CoreResult};

/// The folder, beside the database, where a file that would not open is
/// kept once the person restores a backup or starts fresh.
pub const SET_ASIDE_DIR: &str = "set-aside";

/// The suffix of a backup while it is being copied in.
pub(super) const INCOMING_SUFFIX: &str = ".incoming";

/// The suffixes of the database and of the files SQLite keeps beside it.
const DATABASE_PARTS: [&str; 3] = ["", "-wal", "-shm"];

/// Why the data would not open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OpenProblem {
    /// The file is not a database SQLite can read, or its pages are broken.
    Damaged,
    /// A newer Kindred saved it; this one would not understand its schema.
    Newer,
    /// The folder or the file could not be read or written (permissions, a
    /// full disk, a missing drive).
    Unreadable,
}

impl OpenProblem {
    /// Sorts an error from opening the store.
    pub fn of(error: &CoreError) -> Self {
        match error {
            CoreError::Io(_) => Self::Unreadable,
            CoreError::Storage(error) => Self::of_sqlite(error),
            CoreError::Migration(rusqlite_migration::Error::MigrationDefinition(
                MigrationDefinitionError::DatabaseTooFarAhead,
            )) => Self::Newer,
            CoreError::Migration(rusqlite_migration::Error::RusqliteError { err, .. }) => Self::of_sqlite(err),
            _ => Self::Damaged,
        }
    }

    fn of_sqlite(error: &rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(
                ErrorCode::CannotOpen
                | ErrorCode::PermissionDenied
                | ErrorCode::ReadOnly
                | ErrorCode::DiskFull
                | ErrorCode::SystemIoFailure
                | ErrorCode::DatabaseBusy
                | ErrorCode::DatabaseLocked
                | ErrorCode::FileLockingProtocolFailed,
            ) => Self::Unreadable,
            _ => Self::Damaged,
        }
    }
}

/// The backups in the data folder `dir`, newest first. Needs no open store.
pub fn backups_in(dir: &Path) -> CoreResult<Vec<Backup>> {
    let folder = dir.join(BACKUP_DIR);
    let mut list = Vec::new();
    if folder.is_dir() {
        for entry in std::fs::read_dir(&folder)? {
            if let Some(backup) = read_backup(&entry?.path())? {
                list.push(backup);
            }
        }
    }
    list.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then_with(|| b.name.cmp(&a.name)));
    Ok(list)
}

/// The backup called `name` in the backups folder of `dir`. Only a plain
/// file name of one of Kindred's backups is accepted, so no path can reach
/// outside that folder.
pub(super) fn find_backup(dir: &Path, name: &str) -> CoreResult<(PathBuf, Backup)> {
    let plain = Path::new(name).file_name().is_some_and(|f| f == name) && !name.starts_with('.');
    let path = dir.join(BACKUP_DIR).join(name);
    match read_backup(&path)? {
        Some(backup) if plain => Ok((path, backup)),
        _ => Err(CoreError::not_found("That backup")),
    }
}

/// Moves the database in `dir`, with its write-ahead log, into
/// [`SET_ASIDE_DIR`] under a name holding `now`. Returns the new path, or
/// `None` when there was no database.
pub fn set_aside(dir: &Path, now: DateTime<Utc>) -> CoreResult<Option<PathBuf>> {
    let db = dir.join(DATABASE_FILE);
    if !db.exists() {
        return Ok(None);
    }
    let folder = dir.join(SET_ASIDE_DIR);
    std::fs::create_dir_all(&folder)?;
    let stamp = now.format("%Y-%m-%dT%H-%M-%SZ");
    let mut target = folder.join(format!("kindred-{stamp}.sqlite3"));
    let mut n = 2;
    while DATABASE_PARTS.iter().any(|part| with_suffix(&target, part).exists()) {
        target = folder.join(format!("kindred-{stamp}-{n}.sqlite3"));
        n += 1;
    }
    // The log goes first: were the database moved alone, a log left behind
    // would be applied to whatever file came next.
    for part in ["-wal", "-shm", ""] {
        let from = with_suffix(&db, part);
        if from.exists() {
            std::fs::rename(&from, with_suffix(&target, part))?;
        }
    }
    Ok(Some(target))
}

/// Puts the backup called `name` in place of the database in `dir`, after
/// setting the current file aside. A plain backup is checked first and a
/// damaged or foreign one refused with nothing moved; an encrypted one can
/// only be checked when it is unlocked.
pub fn restore_in(dir: &Path, name: &str, now: DateTime<Utc>) -> CoreResult<Backup> {
    let (path, backup) = find_backup(dir, name)?;
    if !backup.encrypted {
        let conn = open_connection(&path, None, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|_| refused_backup())?;
        check_is_kindred(&conn)?;
    }
    // Copied beside the database first, so the swap itself is one rename.
    let db = dir.join(DATABASE_FILE);
    let incoming = with_suffix(&db, INCOMING_SUFFIX);
    std::fs::copy(&path, &incoming)?;
    if let Err(error) = set_aside(dir, now) {
        let _ = std::fs::remove_file(&incoming);
        return Err(error);
    }
    std::fs::rename(&incoming, &db)?;
    Ok(backup)
}

#[cfg(test)]
#[path = "recovery_tests.rs"]
mod tests;
