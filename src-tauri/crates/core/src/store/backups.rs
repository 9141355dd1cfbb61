//! Backups: whole copies of the database (`VACUUM INTO`) in a `backups`
//! folder beside it. "Back up now" keeps its copies; the automatic daily
//! ones keep the newest [`AUTO_KEEP`]. Restoring takes a safety copy of
//! the current state first, then copies the backup in through SQLite's
//! online backup, so the open connection stays valid and nothing is half
//! written.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::migrations::{latest_version, MIGRATIONS};
use super::Store;
use crate::error::{CoreError, CoreResult};

/// The folder beside the database.
pub const BACKUP_DIR: &str = "backups";
/// How many automatic daily backups are kept.
pub const AUTO_KEEP: usize = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// "Back up now".
    Manual,
    /// The daily one.
    Daily,
    /// Taken just before restoring another backup.
    BeforeRestore,
    /// Taken just before an import replaced everything.
    BeforeImport,
    /// A database that would not open, moved here when the person brought
    /// back another backup or started fresh.
    SetAside,
}

impl BackupKind {
    pub(super) fn prefix(self) -> &'static str {
        match self {
            BackupKind::Manual => "manual",
            BackupKind::Daily => "daily",
            BackupKind::BeforeRestore => "before-restore",
            BackupKind::BeforeImport => "before-import",
            BackupKind::SetAside => "set-aside",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Backup {
    /// The file's name inside the backups folder (what restore asks for).
    pub name: String,
    pub kind: BackupKind,
    pub taken_at: DateTime<Utc>,
    pub bytes: u64,
    /// Whether the file is encrypted (with the store's passphrase).
    pub encrypted: bool,
}

impl Store {
    /// The folder holding the database (and its backups folder).
    fn data_dir(&self) -> CoreResult<PathBuf> {
        let db = self.path().ok_or_else(|| CoreError::Conflict("This store has no file to back up.".to_owned()))?;
        Ok(db.parent().unwrap_or_else(|| Path::new(".")).to_path_buf())
    }

    fn backup_dir(&self) -> CoreResult<PathBuf> {
        Ok(self.data_dir()?.join(BACKUP_DIR))
    }

    /// A whole copy of the database now.
    pub fn back_up(&self, kind: BackupKind) -> CoreResult<Backup> {
        let dir = self.backup_dir()?;
        std::fs::create_dir_all(&dir)?;
        let now = self.now();
        let stamp = now.format("%Y-%m-%dT%H-%M-%SZ");
        let mut path = dir.join(format!("kindred-{}-{stamp}.sqlite3", kind.prefix()));
        let mut n = 2;
        while path.exists() {
            path = dir.join(format!("kindred-{}-{stamp}-{n}.sqlite3", kind.prefix()));
            n += 1;
        }
        self.conn.execute("VACUUM INTO ?1", [path.to_string_lossy().as_ref()])?;
        read_backup(&path)?.ok_or_else(|| CoreError::not_found("That backup"))
    }

    /// Backups, newest first.
    pub fn backups(&self) -> CoreResult<Vec<Backup>> {
        super::recovery::backups_in(&self.data_dir()?)
    }

    /// Takes the daily backup when the newest one is a day old (or there is
    /// none), then keeps only the newest [`AUTO_KEEP`] daily ones. Returns
    /// the backup taken, if any.
    pub fn daily_backup_if_due(&self) -> CoreResult<Option<Backup>> {
        let list = self.backups()?;
        let newest_daily = list.iter().find(|b| b.kind == BackupKind::Daily).map(|b| b.taken_at);
        if newest_daily.is_some_and(|at| self.now() - at < Duration::hours(24) && at <= self.now()) {
            return Ok(None);
        }
        let taken = self.back_up(BackupKind::Daily)?;
        let dir = self.backup_dir()?;
        // Daily backups from before a file was set aside are the ones from
        // before it stopped opening: the rotation leaves them be, or a week
        // of fresh starts would replace every one of them.
        let list = self.backups()?;
        let set_aside = list.iter().filter(|b| b.kind == BackupKind::SetAside).map(|b| b.taken_at).max();
        let rotating =
            list.into_iter().filter(|b| b.kind == BackupKind::Daily && set_aside.is_none_or(|at| b.taken_at > at));
        for old in rotating.skip(AUTO_KEEP) {
            // One another program holds (Windows) stays until the next
            // day's rotation; today's backup is taken all the same.
            let _ = super::files::remove_file(&dir.join(&old.name));
        }
        Ok(Some(taken))
    }

    /// Replaces everything with the backup called `name`, after taking a
    /// safety copy of the current state. A file that is not a Kindred
    /// database is refused and nothing changes; so is one locked with
    /// another passphrase (see [`Store::restore_backup_here`]).
    pub fn restore_backup(&mut self, name: &str) -> CoreResult<Backup> {
        self.restore_backup_here(name)?.ok_or_else(other_passphrase)
    }

    /// [`Store::restore_backup`], or `None` (nothing changed) when the
    /// backup doesn't open with this store's key: one locked with another
    /// passphrase, or any other mix of locked and plain (a file set aside
    /// while locked, then brought back after a fresh start). Such a backup
    /// can only be put in place as a file of its own ([`super::restore_in`]).
    pub fn restore_backup_here(&mut self, name: &str) -> CoreResult<Option<Backup>> {
        let (path, backup) = super::recovery::find_backup(&self.data_dir()?, name)?;
        if backup.encrypted != self.is_encrypted() {
            return Ok(None);
        }
        let source = match self.open_copy(&path) {
            Ok(source) => source,
            // Only "this key doesn't open it" means a file of its own.
            Err(CoreError::Validation { .. } | CoreError::Locked) if backup.encrypted => return Ok(None),
            // A plain one that looks locked: damaged, or never re-keyed.
            Err(CoreError::Validation { .. } | CoreError::Locked) => return Err(other_passphrase()),
            Err(_) => return Err(refused_backup()),
        };
        check_is_kindred(&source)?;
        let safety = self.back_up(BackupKind::BeforeRestore)?;
        {
            let backup = rusqlite::backup::Backup::new(&source, &mut self.conn)?;
            backup.run_to_completion(256, std::time::Duration::from_millis(0), None)?;
        }
        // Pages were copied, not statements run: the tick cache cannot see it.
        self.tick_cache = None;
        // A backup from an older Kindred is brought up to date.
        MIGRATIONS.to_latest(&mut self.conn)?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(Some(safety))
    }
}

fn other_passphrase() -> CoreError {
    CoreError::validation(
        "name",
        "That backup is locked with a different passphrase, so it can't be restored here. Nothing was changed.",
    )
}

pub(super) fn refused_backup() -> CoreError {
    CoreError::validation("name", "That file isn't a Kindred backup, or it is damaged. Nothing was changed.")
}

pub(super) fn check_is_kindred(conn: &Connection) -> CoreResult<()> {
    let ok: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0)).map_err(|_| refused_backup())?;
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(|_| refused_backup())?;
    let has_ties: bool = conn
        .query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'ties'", [], |r| {
            r.get::<_, i64>(0)
        })
        .map(|n| n == 1)
        .map_err(|_| refused_backup())?;
    if ok != "ok" || !has_ties || version == 0 {
        return Err(refused_backup());
    }
    if version > latest_version() {
        return Err(CoreError::validation(
            "name",
            "That backup was made by a newer Kindred. Please update Kindred to restore it.",
        ));
    }
    Ok(())
}

/// The backup at `path`, when it is one of ours (by its name).
pub(super) fn read_backup(path: &Path) -> CoreResult<Option<Backup>> {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return Ok(None) };
    let Some(rest) = name.strip_prefix("kindred-").and_then(|r| r.strip_suffix(".sqlite3")) else { return Ok(None) };
    let kind = [
        BackupKind::BeforeRestore,
        BackupKind::BeforeImport,
        BackupKind::Manual,
        BackupKind::Daily,
        BackupKind::SetAside,
    ]
    .into_iter()
    .find(|k| rest.starts_with(&format!("{}-", k.prefix())));
    let Some(kind) = kind else { return Ok(None) };
    let stamp = &rest[kind.prefix().len() + 1..];
    let stamp = stamp.get(..20).unwrap_or(stamp);
    let Ok(taken) = chrono::NaiveDateTime::parse_from_str(stamp, "%Y-%m-%dT%H-%M-%SZ") else { return Ok(None) };
    let Ok(meta) = std::fs::metadata(path) else { return Ok(None) };
    Ok(Some(Backup {
        name: name.to_owned(),
        kind,
        taken_at: taken.and_utc(),
        bytes: meta.len(),
        encrypted: super::file_is_encrypted(path),
    }))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::TimeZone;

    use super::*;
    use crate::clock::FixedClock;
    use crate::tie::{TieDraft, TieScope};

    fn open(dir: &Path) -> (Store, Arc<FixedClock>) {
        let clock = Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap()));
        (Store::open_in_dir(dir, clock.clone()).unwrap(), clock)
    }

    fn names(store: &Store) -> Vec<String> {
        store.list_ties(TieScope::All).unwrap().into_iter().map(|t| t.name).collect()
    }

    #[test]
    fn back_up_then_restore_round_trip_with_a_safety_copy() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, clock) = open(dir.path());
        store.create_tie(TieDraft::person("Sam")).unwrap();
        let backup = store.back_up(BackupKind::Manual).unwrap();
        clock.advance(Duration::minutes(5));
        store.create_tie(TieDraft::person("Ana")).unwrap();
        let safety = store.restore_backup(&backup.name).unwrap();
        assert_eq!(names(&store), ["Sam"]);
        assert_eq!(safety.kind, BackupKind::BeforeRestore);
        // The safety copy holds what was there: restoring it brings Ana back.
        clock.advance(Duration::minutes(5));
        store.restore_backup(&safety.name).unwrap();
        assert_eq!(names(&store), ["Ana", "Sam"]);
        // The store still works and survives a reopen.
        store.create_tie(TieDraft::person("Ben")).unwrap();
        drop(store);
        let (store, _) = open(dir.path());
        assert_eq!(names(&store), ["Ana", "Ben", "Sam"]);
    }

    #[test]
    fn daily_backups_come_once_a_day_and_keep_the_newest_seven() {
        let dir = tempfile::tempdir().unwrap();
        let (store, clock) = open(dir.path());
        assert!(store.daily_backup_if_due().unwrap().is_some());
        assert!(store.daily_backup_if_due().unwrap().is_none(), "not again the same day");
        for _ in 0..10 {
            clock.advance(Duration::hours(25));
            assert!(store.daily_backup_if_due().unwrap().is_some());
        }
        store.back_up(BackupKind::Manual).unwrap();
        let list = store.backups().unwrap();
        assert_eq!(list.iter().filter(|b| b.kind == BackupKind::Daily).count(), AUTO_KEEP);
        assert_eq!(list.iter().filter(|b| b.kind == BackupKind::Manual).count(), 1, "manual ones are kept");
    }

    #[test]
    fn daily_backups_from_before_a_file_was_set_aside_are_never_rotated_away() {
        let dir = tempfile::tempdir().unwrap();
        let (store, clock) = open(dir.path());
        for _ in 0..3 {
            store.daily_backup_if_due().unwrap().unwrap();
            clock.advance(Duration::hours(25));
        }
        // A file that wouldn't open was set aside now (its name says when).
        let stamp = store.now().format("%Y-%m-%dT%H-%M-%SZ");
        std::fs::write(dir.path().join(BACKUP_DIR).join(format!("kindred-set-aside-{stamp}.sqlite3")), b"x").unwrap();
        let before: Vec<_> = store.backups().unwrap().into_iter().filter(|b| b.kind == BackupKind::Daily).collect();
        for _ in 0..10 {
            clock.advance(Duration::hours(25));
            store.daily_backup_if_due().unwrap().unwrap();
        }
        let dailies: Vec<_> = store.backups().unwrap().into_iter().filter(|b| b.kind == BackupKind::Daily).collect();
        assert_eq!(dailies.len(), AUTO_KEEP + before.len(), "the newest seven, and the three from before");
        assert!(before.iter().all(|b| dailies.contains(b)));
    }

    #[test]
    fn a_damaged_or_foreign_file_is_refused_and_nothing_changes() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, _) = open(dir.path());
        store.create_tie(TieDraft::person("Sam")).unwrap();
        let backups = dir.path().join(BACKUP_DIR);
        std::fs::create_dir_all(&backups).unwrap();
        let fake = "kindred-manual-2026-11-20T10-00-00Z.sqlite3";
        std::fs::write(backups.join(fake), b"not a database at all").unwrap();
        assert!(store.restore_backup(fake).is_err());
        let other = "kindred-manual-2026-11-21T10-00-00Z.sqlite3";
        crate::store::encryption::raw_connection(Some(&backups.join(other)))
            .unwrap()
            .execute_batch("CREATE TABLE x (y); PRAGMA user_version = 1;")
            .unwrap();
        assert!(matches!(store.restore_backup(other), Err(CoreError::Validation { .. })));
        assert!(matches!(store.restore_backup("../kindred.sqlite3"), Err(CoreError::NotFound { .. })));
        assert_eq!(names(&store), ["Sam"]);
    }
}
