//! The dated history of a tie's quality ratings.

use rusqlite::{params, Row};

use super::time::{from_text, to_text};
use super::Store;
use crate::error::CoreResult;
use crate::quality::{QualityDraft, QualityRating};
use crate::tie::Feel;

impl Store {
    /// Records how a tie feels now; earlier ratings stay as history.
    pub fn rate_tie(&mut self, tie_id: i64, draft: QualityDraft) -> CoreResult<QualityRating> {
        let draft = draft.cleaned()?;
        self.get_tie(tie_id)?;
        let now = to_text(self.now());
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO quality_ratings (tie_id, rated_at, feel, empathy, respect, reciprocity, boundaries, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                tie_id,
                now,
                draft.feel.map(Feel::as_str),
                draft.empathy,
                draft.respect,
                draft.reciprocity,
                draft.boundaries,
                draft.note
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.execute("UPDATE ties SET updated_at = ?2 WHERE id = ?1", params![tie_id, now])?;
        tx.commit()?;
        let rating = self.conn.query_row(&format!("{SELECT} WHERE id = ?1"), [id], read_rating)?;
        Ok(rating)
    }

    /// A tie's quality history, oldest first (the order a chart reads).
    pub fn quality_history(&self, tie_id: i64) -> CoreResult<Vec<QualityRating>> {
        self.get_tie(tie_id)?;
        let mut stmt = self.conn.prepare_cached(&format!("{SELECT} WHERE tie_id = ?1 ORDER BY rated_at, id"))?;
        let ratings = stmt.query_map([tie_id], read_rating)?.collect::<Result<Vec<_>, _>>()?;
        Ok(ratings)
    }
}

const SELECT: &str =
    "SELECT id, tie_id, rated_at, feel, empathy, respect, reciprocity, boundaries, note FROM quality_ratings";

fn read_rating(row: &Row<'_>) -> rusqlite::Result<QualityRating> {
    Ok(QualityRating {
        id: row.get(0)?,
        tie_id: row.get(1)?,
        rated_at: from_text(2, &row.get::<_, String>(2)?)?,
        feel: row.get::<_, Option<String>>(3)?.as_deref().and_then(Feel::parse),
        empathy: row.get(4)?,
        respect: row.get(5)?,
        reciprocity: row.get(6)?,
        boundaries: row.get(7)?,
        note: row.get(8)?,
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{Duration, TimeZone, Utc};

    use super::*;
    use crate::clock::FixedClock;
    use crate::error::CoreError;

    #[test]
    fn ratings_keep_their_history_and_the_latest_feel_shows_on_the_tie() {
        let clock = Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap()));
        let mut store = Store::open_in_memory(clock.clone()).unwrap();
        let sam = store.create_person("Sam").unwrap().id;
        store
            .rate_tie(sam, QualityDraft { feel: Some(Feel::Draining), respect: Some(2), ..Default::default() })
            .unwrap();
        clock.advance(Duration::days(60));
        store.rate_tie(sam, QualityDraft { feel: Some(Feel::Mixed), respect: Some(4), ..Default::default() }).unwrap();
        let history = store.quality_history(sam).unwrap();
        assert_eq!(history.iter().map(|r| r.respect).collect::<Vec<_>>(), [Some(2), Some(4)]);
        assert!(history[0].rated_at < history[1].rated_at);
        assert_eq!(store.get_tie(sam).unwrap().feel, Some(Feel::Mixed));
    }

    #[test]
    fn ratings_outside_one_to_five_or_empty_checks_are_refused() {
        let mut store =
            Store::open_in_memory(Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap())))
                .unwrap();
        let sam = store.create_person("Sam").unwrap().id;
        for (draft, field) in [
            (QualityDraft { empathy: Some(0), ..Default::default() }, "empathy"),
            (QualityDraft { boundaries: Some(6), ..Default::default() }, "boundaries"),
            (QualityDraft::default(), "feel"),
        ] {
            match store.rate_tie(sam, draft) {
                Err(CoreError::Validation { field: f, .. }) => assert_eq!(f, field),
                other => panic!("expected validation, got {other:?}"),
            }
        }
        assert!(store.quality_history(sam).unwrap().is_empty());
        assert!(matches!(
            store.rate_tie(99, QualityDraft { feel: Some(Feel::Mixed), ..Default::default() }),
            Err(CoreError::NotFound { .. })
        ));
    }
}
