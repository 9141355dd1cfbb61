//! When Kindred's data won't open: what went wrong, in words the person can
//! act on, and the ways back that need no open store. Bringing a backup back
//! and starting fresh both set the current file aside first: it is moved in
//! among the backups as one of its own kind, never deleted, so nothing is
//! lost by trying and it can be brought back later (by a newer Kindred, say).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{ErrorCode, OpenFlags};
use rusqlite_migration::MigrationDefinitionError;
use serde::Serialize;
use ts_rs::TS;

use super::backups::{check_is_kindred, read_backup, refused_backup, Backup, BackupKind, BACKUP_DIR};
use super::encryption::{open_connection, with_suffix};
use super::files;
use super::DATABASE_FILE;
use crate::error::{CoreError, CoreResult};

/// The suffix of a backup while it is being copied in.
pub(super) const INCOMING_SUFFIX: &str = ".incoming";

/// The suffixes of the files SQLite keeps beside the database, then the
/// database's own (empty): logs move first, and back last.
const DATABASE_PARTS: [&str; 4] = ["-wal", "-shm", "-journal", ""];

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

/// The backup called `name` in the backups folder of `dir`. Only the plain
/// file name of one of Kindred's backups, a regular file, is accepted: no
/// path can reach outside that folder, and no link or device is followed.
pub(super) fn find_backup(dir: &Path, name: &str) -> CoreResult<(PathBuf, Backup)> {
    let plain = Path::new(name).file_name().is_some_and(|f| f == name) && !name.starts_with('.');
    let path = dir.join(BACKUP_DIR).join(name);
    if !plain || !std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
        return Err(CoreError::not_found("That backup"));
    }
    match read_backup(&path)? {
        Some(backup) => Ok((path, backup)),
        None => Err(CoreError::not_found("That backup")),
    }
}

/// Moves the database in `dir`, with whatever SQLite keeps beside it, into
/// the backups folder as a backup of its own ("set aside"), where it is
/// listed and can be brought back like any other. Returns its new path, or
/// `None` when there was nothing to move. A move that fails half-way puts
/// back what it had moved, so a database is never parted from its log.
pub fn set_aside(dir: &Path, now: DateTime<Utc>) -> CoreResult<Option<PathBuf>> {
    let db = dir.join(DATABASE_FILE);
    let present = present_parts(&db);
    if present.is_empty() {
        return Ok(None);
    }
    let folder = dir.join(BACKUP_DIR);
    std::fs::create_dir_all(&folder)?;
    let stamp = now.format("%Y-%m-%dT%H-%M-%SZ");
    let prefix = BackupKind::SetAside.prefix();
    let mut target = folder.join(format!("kindred-{prefix}-{stamp}.sqlite3"));
    let mut n = 2;
    while DATABASE_PARTS.iter().any(|part| with_suffix(&target, part).exists()) {
        target = folder.join(format!("kindred-{prefix}-{stamp}-{n}.sqlite3"));
        n += 1;
    }
    move_parts(&db, &target, &present)?;
    Ok(Some(target))
}

/// Which of the database's files (itself, its log and the rest) are there
/// for the database at `db`, logs first.
fn present_parts(db: &Path) -> Vec<&'static str> {
    DATABASE_PARTS.into_iter().filter(|part| with_suffix(db, part).exists()).collect()
}

/// Renames each of `parts` (suffixes of the database's name) from `from` to
/// `to`, logs first; on a failure, the parts already moved go back.
fn move_parts(from: &Path, to: &Path, parts: &[&str]) -> CoreResult<()> {
    for (i, part) in parts.iter().enumerate() {
        if let Err(error) = files::rename(&with_suffix(from, part), &with_suffix(to, part)) {
            for done in parts[..i].iter().rev() {
                let _ = files::rename(&with_suffix(to, done), &with_suffix(from, done));
            }
            return Err(error);
        }
    }
    Ok(())
}

/// Puts the backup called `name` in place of the database in `dir`, after
/// setting the current file aside. A plain backup is checked first and a
/// damaged or foreign one refused with nothing moved; an encrypted one can
/// only be checked when it is unlocked. If the swap fails, the set-aside
/// file is put back, so the folder is as it was.
pub fn restore_in(dir: &Path, name: &str, now: DateTime<Utc>) -> CoreResult<Backup> {
    let (path, backup) = find_backup(dir, name)?;
    if !backup.encrypted {
        let conn = open_connection(&path, None, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|_| refused_backup())?;
        check_is_kindred(&conn)?;
    }
    // Copied beside the database first (with its log, if it kept one), so
    // the swap itself is a rename.
    let db = dir.join(DATABASE_FILE);
    let incoming = with_suffix(&db, INCOMING_SUFFIX);
    let parts: Vec<&str> = ["-wal", ""].into_iter().filter(|part| with_suffix(&path, part).exists()).collect();
    let copied = parts
        .iter()
        .try_for_each(|part| std::fs::copy(with_suffix(&path, part), with_suffix(&incoming, part)).map(drop));
    let swapped = copied.map_err(CoreError::from).and_then(|()| {
        let aside = set_aside(dir, now)?;
        move_parts(&incoming, &db, &parts).inspect_err(|_| {
            if let Some(aside) = &aside {
                let _ = move_parts(aside, &db, &present_parts(aside));
            }
        })
    });
    if swapped.is_err() {
        for part in &parts {
            let _ = files::remove_file(&with_suffix(&incoming, part));
        }
    }
    swapped.map(|()| backup)
}

#[cfg(test)]
#[path = "recovery_tests.rs"]
mod tests;
