//! A copy of the database taken just before a schema upgrade, so a migration
//! that goes wrong (or a newer app that is rolled back) never costs data.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::error::CoreResult;

/// Folder beside the database that holds pre-upgrade snapshots.
pub const SNAPSHOT_DIR: &str = "snapshots";

/// Takes a `VACUUM INTO` snapshot when the database holds a schema older than
/// `target_version`. A brand-new file (version 0) has nothing to protect.
/// Returns the snapshot's path when one was taken.
pub(super) fn before_migrating(
    conn: &Connection,
    db_path: &Path,
    now: DateTime<Utc>,
    target_version: u32,
) -> CoreResult<Option<PathBuf>> {
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version == 0 || version >= target_version {
        return Ok(None);
    }
    let dir = db_path.parent().unwrap_or_else(|| Path::new(".")).join(SNAPSHOT_DIR);
    std::fs::create_dir_all(&dir)?;
    let file = dir.join(format!("before-v{}-to-v{}-{}.sqlite3", version, target_version, now.format("%Y%m%dT%H%M%SZ")));
    // VACUUM INTO refuses to overwrite, which is what we want: an earlier
    // snapshot with the same name is never clobbered.
    if !file.exists() {
        conn.execute("VACUUM INTO ?1", [file.to_string_lossy().as_ref()])?;
    }
    Ok(Some(file))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::store::MIGRATIONS;

    fn database_at_v1_with_a_person(path: &Path) -> Connection {
        let mut conn = crate::store::encryption::raw_connection(Some(path)).unwrap();
        MIGRATIONS.to_version(&mut conn, 1).unwrap();
        conn.execute("INSERT INTO ties (name, created_at, updated_at) VALUES ('Mina', 'x', 'x')", []).unwrap();
        conn
    }

    #[test]
    fn an_older_database_is_copied_whole_before_upgrading() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("kindred.sqlite3");
        let conn = database_at_v1_with_a_person(&db);
        let at = Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap();

        let snap = before_migrating(&conn, &db, at, 2).unwrap().expect("a snapshot");
        assert!(snap.starts_with(dir.path().join(SNAPSHOT_DIR)));
        let copy = crate::store::encryption::raw_connection(Some(&snap)).unwrap();
        let name: String = copy.query_row("SELECT name FROM ties", [], |r| r.get(0)).unwrap();
        assert_eq!(name, "Mina");

        // Asking again at the same instant keeps the first copy.
        assert_eq!(before_migrating(&conn, &db, at, 2).unwrap(), Some(snap));
    }

    #[test]
    fn new_or_current_databases_are_not_copied() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("kindred.sqlite3");
        let at = Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap();
        let fresh = crate::store::encryption::raw_connection(Some(&db)).unwrap();
        assert_eq!(before_migrating(&fresh, &db, at, 1).unwrap(), None);
        drop(fresh);
        let current = database_at_v1_with_a_person(&db);
        assert_eq!(before_migrating(&current, &db, at, 1).unwrap(), None);
        assert!(!dir.path().join(SNAPSHOT_DIR).exists());
    }
}
