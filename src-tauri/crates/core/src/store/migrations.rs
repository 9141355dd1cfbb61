//! Forward-only schema migrations. Each file is applied once, atomically, in
//! order; the schema version lives in SQLite's `user_version`.

use rusqlite_migration::{Migrations, M};

const STEPS: &[M<'static>] = &[
    M::up(include_str!("../../migrations/001_initial.sql")),
    M::up(include_str!("../../migrations/002_derived_occurrences.sql")),
    M::up(include_str!("../../migrations/003_notice_actions.sql")),
];

pub const MIGRATIONS: Migrations<'static> = Migrations::from_slice(STEPS);

/// The schema version a fully migrated database has.
pub fn latest_version() -> u32 {
    STEPS.len() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        // Applies every step to a fresh in-memory database and checks that
        // each one leaves a consistent schema.
        assert!(MIGRATIONS.validate().is_ok(), "{:?}", MIGRATIONS.validate());
    }

    #[test]
    fn the_schema_enforces_its_own_rules() {
        let mut conn = crate::store::encryption::raw_connection(None).unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        MIGRATIONS.to_latest(&mut conn).unwrap();
        let now = "2026-11-25T10:00:00Z";
        // A circle that does not exist is refused by the database itself.
        let bad = conn.execute(
            "INSERT INTO ties (name, circle, created_at, updated_at) VALUES ('Sam', 'closest', ?1, ?1)",
            [now],
        );
        assert!(bad.is_err());
        // A contact cannot point at a tie that is not there.
        conn.execute(
            "INSERT INTO contacts (occurred_on, channel, created_at, updated_at) VALUES ('2026-11-20', 'call', ?1, ?1)",
            [now],
        )
        .unwrap();
        let dangling = conn.execute("INSERT INTO contact_ties (contact_id, tie_id) VALUES (1, 999)", []);
        assert!(dangling.is_err());
    }

    #[test]
    fn journal_search_follows_inserts_updates_and_deletes() {
        let mut conn = crate::store::encryption::raw_connection(None).unwrap();
        MIGRATIONS.to_latest(&mut conn).unwrap();
        let now = "2026-11-25T10:00:00Z";
        conn.execute(
            "INSERT INTO reflection_entries (prompt_id, theme, prompt_text, answer, created_at, updated_at)
             VALUES ('e1', 'emotional', 'Who listened?', 'Coffee at the café with Ana', ?1, ?1)",
            [now],
        )
        .unwrap();
        let hits = |q: &str| -> i64 {
            conn.query_row(
                "SELECT count(*) FROM reflection_entries_fts WHERE reflection_entries_fts MATCH ?1",
                [q],
                |r| r.get(0),
            )
            .unwrap()
        };
        assert_eq!(hits("cafe"), 1, "diacritics are folded");
        conn.execute("UPDATE reflection_entries SET answer = 'A walk with Ben'", []).unwrap();
        assert_eq!(hits("cafe"), 0);
        assert_eq!(hits("walk"), 1);
        conn.execute("DELETE FROM reflection_entries", []).unwrap();
        assert_eq!(hits("walk"), 0);
    }
}
