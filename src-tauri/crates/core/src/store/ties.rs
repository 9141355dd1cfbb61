//! Reading and writing ties. Every write runs in a transaction and returns
//! the tie as it now stands.

use rusqlite::{params, OptionalExtension, Row};

use super::time::{from_optional_text, from_text, to_text};
use super::Store;
use crate::error::{CoreError, CoreResult};
use crate::names::clean_name;
use crate::tie::{Circle, Sector, SupportType, Tie, TieKind, TieScope};

const SELECT_TIE: &str = "
    SELECT t.id, t.kind, t.name, t.circle, t.sector,
           (SELECT group_concat(support_type, ',') FROM tie_support s WHERE s.tie_id = t.id),
           t.created_at, t.updated_at, t.archived_at
    FROM ties t";

impl Store {
    /// Adds a person by name; everything else about them can come later.
    pub fn create_person(&mut self, name: &str) -> CoreResult<Tie> {
        let name = clean_name(name)?;
        let now = to_text(self.now());
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO ties (kind, name, created_at, updated_at) VALUES ('person', ?1, ?2, ?2)",
            params![name, now],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        self.get_tie(id)
    }

    pub fn get_tie(&self, id: i64) -> CoreResult<Tie> {
        self.conn
            .query_row(&format!("{SELECT_TIE} WHERE t.id = ?1"), [id], read_tie)
            .optional()?
            .ok_or(CoreError::not_found("That person"))
    }

    /// Ties in `scope`, by name without regard to case.
    pub fn list_ties(&self, scope: TieScope) -> CoreResult<Vec<Tie>> {
        let filter = match scope {
            TieScope::Active => "WHERE t.archived_at IS NULL",
            TieScope::Archived => "WHERE t.archived_at IS NOT NULL",
            TieScope::All => "",
        };
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SELECT_TIE} {filter} ORDER BY t.name COLLATE NOCASE, t.id"))?;
        let ties = stmt.query_map([], read_tie)?.collect::<Result<Vec<_>, _>>()?;
        Ok(ties)
    }

    pub fn rename_tie(&mut self, id: i64, name: &str) -> CoreResult<Tie> {
        let name = clean_name(name)?;
        self.update_tie(id, "name = ?2", name)
    }

    /// Moves a tie to the archive. Archiving twice is harmless.
    pub fn archive_tie(&mut self, id: i64) -> CoreResult<Tie> {
        let now = to_text(self.now());
        self.update_tie(id, "archived_at = coalesce(archived_at, ?2)", now)
    }

    /// Brings a tie back from the archive (the undo of [`Store::archive_tie`]).
    pub fn restore_tie(&mut self, id: i64) -> CoreResult<Tie> {
        self.update_tie(id, "archived_at = NULL, name = coalesce(?2, name)", None::<String>)
    }

    fn update_tie(&mut self, id: i64, set: &str, value: impl rusqlite::ToSql) -> CoreResult<Tie> {
        let now = to_text(self.now());
        let tx = self.conn.transaction()?;
        let changed =
            tx.execute(&format!("UPDATE ties SET {set}, updated_at = ?3 WHERE id = ?1"), params![id, value, now])?;
        if changed == 0 {
            return Err(CoreError::not_found("That person"));
        }
        tx.commit()?;
        self.get_tie(id)
    }
}

fn read_tie(row: &Row<'_>) -> rusqlite::Result<Tie> {
    let kind: String = row.get(1)?;
    let circle: Option<String> = row.get(3)?;
    let sector: Option<String> = row.get(4)?;
    let support: Option<String> = row.get(5)?;
    let mut support_types: Vec<SupportType> =
        support.as_deref().unwrap_or("").split(',').filter_map(SupportType::parse).collect();
    support_types.sort();
    Ok(Tie {
        id: row.get(0)?,
        // The schema's CHECK constraints make unknown text impossible; a
        // stray value still reads as the safest meaning rather than failing.
        kind: TieKind::parse(&kind).unwrap_or(TieKind::Person),
        name: row.get(2)?,
        circle: circle.as_deref().and_then(Circle::parse),
        sector: sector.as_deref().and_then(Sector::parse),
        support_types,
        created_at: from_text(6, &row.get::<_, String>(6)?)?,
        updated_at: from_text(7, &row.get::<_, String>(7)?)?,
        archived_at: from_optional_text(8, row.get(8)?)?,
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{Duration, TimeZone, Utc};

    use super::*;
    use crate::clock::{Clock, FixedClock};

    fn store_at(clock: &Arc<FixedClock>) -> Store {
        Store::open_in_memory(clock.clone()).unwrap()
    }

    fn clock() -> Arc<FixedClock> {
        Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 25, 9, 30, 0).unwrap()))
    }

    #[test]
    fn a_new_person_is_stored_trimmed_and_stamped() {
        let clock = clock();
        let mut store = store_at(&clock);
        let sam = store.create_person("  Sam  ").unwrap();
        assert_eq!(sam.name, "Sam");
        assert_eq!(sam.kind, TieKind::Person);
        assert_eq!(sam.created_at, clock.now());
        assert_eq!(sam.archived_at, None);
        assert_eq!(store.get_tie(sam.id).unwrap(), sam);
    }

    #[test]
    fn invalid_names_store_nothing() {
        let mut store = store_at(&clock());
        for bad in ["", "  ", "a\tb", &"x".repeat(10_000)] {
            assert!(matches!(store.create_person(bad), Err(CoreError::Validation { field: "name", .. })));
        }
        assert!(store.list_ties(TieScope::All).unwrap().is_empty());
    }

    #[test]
    fn lists_are_sorted_by_name_ignoring_case() {
        let mut store = store_at(&clock());
        for name in ["zoë", "Ana", "ben"] {
            store.create_person(name).unwrap();
        }
        let names: Vec<_> = store.list_ties(TieScope::Active).unwrap().into_iter().map(|t| t.name).collect();
        assert_eq!(names, ["Ana", "ben", "zoë"]);
    }

    #[test]
    fn rename_changes_the_name_and_the_update_time_only() {
        let clock = clock();
        let mut store = store_at(&clock);
        let sam = store.create_person("Sam").unwrap();
        clock.advance(Duration::minutes(5));
        let renamed = store.rename_tie(sam.id, " Samuel ").unwrap();
        assert_eq!(renamed.name, "Samuel");
        assert_eq!(renamed.created_at, sam.created_at);
        assert_eq!(renamed.updated_at, clock.now());
        assert!(matches!(store.rename_tie(sam.id, ""), Err(CoreError::Validation { .. })));
        assert_eq!(store.get_tie(sam.id).unwrap().name, "Samuel");
    }

    #[test]
    fn archive_moves_a_person_out_of_the_active_list_and_restore_brings_them_back() {
        let clock = clock();
        let mut store = store_at(&clock);
        let sam = store.create_person("Sam").unwrap();
        let ana = store.create_person("Ana").unwrap();
        let archived = store.archive_tie(sam.id).unwrap();
        assert_eq!(archived.archived_at, Some(clock.now()));

        // Archiving again keeps the first date.
        clock.advance(Duration::days(1));
        assert_eq!(store.archive_tie(sam.id).unwrap().archived_at, archived.archived_at);

        let ids = |scope| store.list_ties(scope).unwrap().into_iter().map(|t| t.id).collect::<Vec<_>>();
        assert_eq!(ids(TieScope::Active), [ana.id]);
        assert_eq!(ids(TieScope::Archived), [sam.id]);
        assert_eq!(ids(TieScope::All), [ana.id, sam.id]);

        let back = store.restore_tie(sam.id).unwrap();
        assert_eq!(back.archived_at, None);
        assert_eq!(back.name, "Sam");
    }

    #[test]
    fn missing_ties_are_not_found() {
        let mut store = store_at(&clock());
        assert!(matches!(store.get_tie(42), Err(CoreError::NotFound { .. })));
        assert!(matches!(store.rename_tie(42, "Sam"), Err(CoreError::NotFound { .. })));
        assert!(matches!(store.archive_tie(42), Err(CoreError::NotFound { .. })));
    }

    #[test]
    fn people_survive_closing_and_reopening_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let clock = clock();
        let id = {
            let mut store = Store::open_in_dir(dir.path(), clock.clone()).unwrap();
            store.create_person("Ngozi 🌻").unwrap().id
        };
        let store = Store::open_in_dir(dir.path(), clock).unwrap();
        assert_eq!(store.get_tie(id).unwrap().name, "Ngozi 🌻");
    }

    #[test]
    fn support_types_are_read_back_sorted() {
        let mut store = store_at(&clock());
        let sam = store.create_person("Sam").unwrap();
        store
            .conn()
            .execute(
                "INSERT INTO tie_support (tie_id, support_type) VALUES (?1, 'professional'), (?1, 'emotional')",
                [sam.id],
            )
            .unwrap();
        assert_eq!(
            store.get_tie(sam.id).unwrap().support_types,
            [SupportType::Emotional, SupportType::Professional]
        );
    }
}
