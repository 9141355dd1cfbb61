//! Intentions: listed on Reflect until done or let go.

use rusqlite::{params, OptionalExtension, Row};

use super::contacts::parse_date;
use super::time::{from_text, to_text};
use super::Store;
use crate::error::{CoreError, CoreResult};
use crate::reflection::intention::{Intention, IntentionDraft, IntentionStatus};

const SELECT: &str = "SELECT i.id, i.text, i.tie_id, t.name, i.session_id, i.due_on, i.due_time, i.status, i.created_at
     FROM intentions i LEFT JOIN ties t ON t.id = i.tie_id";

impl Store {
    /// An intention on its own, outside a session.
    pub fn create_intention(&mut self, draft: &IntentionDraft) -> CoreResult<Intention> {
        let draft = draft.cleaned()?;
        self.check_active_tie(draft.tie_id)?;
        let now = to_text(self.now());
        let tx = self.conn.transaction()?;
        let id = super::reflection::insert_intention(&tx, &draft, None, &now)?;
        tx.commit()?;
        self.get_intention(id)
    }

    pub fn get_intention(&self, id: i64) -> CoreResult<Intention> {
        self.conn
            .query_row(&format!("{SELECT} WHERE i.id = ?1"), [id], read_intention)
            .optional()?
            .ok_or(CoreError::not_found("That intention"))
    }

    /// Open intentions, soonest first (undated ones last), or every one.
    pub fn list_intentions(&self, open_only: bool) -> CoreResult<Vec<Intention>> {
        let filter = if open_only { "WHERE i.status = 'open'" } else { "" };
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT} {filter} ORDER BY i.due_on IS NULL, i.due_on, i.due_time, i.created_at DESC, i.id DESC"
        ))?;
        let list = stmt.query_map([], read_intention)?.collect::<Result<Vec<_>, _>>()?;
        Ok(list)
    }

    pub fn set_intention_status(&mut self, id: i64, status: IntentionStatus) -> CoreResult<Intention> {
        let now = to_text(self.now());
        let closed = (status != IntentionStatus::Open).then_some(now.clone());
        let changed = self.conn.execute(
            "UPDATE intentions SET status = ?2, closed_at = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, status.as_str(), closed, now],
        )?;
        if changed == 0 {
            return Err(CoreError::not_found("That intention"));
        }
        self.get_intention(id)
    }

    pub(super) fn intention_of_session(&self, session_id: i64) -> CoreResult<Option<Intention>> {
        Ok(self
            .conn
            .query_row(
                &format!("{SELECT} WHERE i.session_id = ?1 ORDER BY i.id DESC LIMIT 1"),
                [session_id],
                read_intention,
            )
            .optional()?)
    }
}

fn read_intention(r: &Row<'_>) -> rusqlite::Result<Intention> {
    Ok(Intention {
        id: r.get(0)?,
        text: r.get(1)?,
        tie_id: r.get(2)?,
        tie_name: r.get(3)?,
        session_id: r.get(4)?,
        due_on: r.get::<_, Option<String>>(5)?.map(|d| parse_date(5, &d)).transpose()?,
        due_time: r.get(6)?,
        status: IntentionStatus::parse(&r.get::<_, String>(7)?).unwrap_or(IntentionStatus::Open),
        created_at: from_text(8, &r.get::<_, String>(8)?)?,
    })
}
