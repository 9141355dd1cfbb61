//! The journal: listing, full-text search, editing, deleting and exporting
//! answered prompts.

use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, OptionalExtension, Row};

use super::time::{from_text, to_text};
use super::Store;
use crate::error::{CoreError, CoreResult};
use crate::reflection::guide;
use crate::reflection::journal::{
    clean_answer, fts_query, literal_parts, parts, to_markdown, JournalEntry, JournalFilter, HIT_END, HIT_START,
};
use crate::theme::Theme;

/// How many entries one listing returns; the UI asks to narrow the search
/// beyond that.
pub const JOURNAL_PAGE: usize = 50;

/// A page of the journal, newest first.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct JournalPage {
    pub entries: Vec<JournalEntry>,
    /// More entries match than the page holds.
    pub more: bool,
}

const COLUMNS: &str = "e.id, e.session_id, s.guide_id, e.prompt_id, e.theme, e.prompt_text, e.answer, e.tie_id, t.name,
     e.created_at, e.updated_at";
const JOINS: &str = "LEFT JOIN reflection_sessions s ON s.id = e.session_id LEFT JOIN ties t ON t.id = e.tie_id";
/// Only what the person actually wrote: skipped or untouched steps of a
/// session are not journal entries.
const WRITTEN: &str = "e.skipped = 0 AND e.answer <> ''";

impl Store {
    /// The journal, newest first, narrowed by `filter`. Whatever was typed
    /// into the search box is a valid search: it is turned into quoted
    /// words, or matched as plain text when it holds no words (emoji).
    pub fn journal(&self, filter: &JournalFilter) -> CoreResult<JournalPage> {
        self.journal_in(filter, crate::schedule::Tz::UTC)
    }

    /// [`Store::journal`] with the filter's days read in the person's zone
    /// `tz` (an entry written at 00:30 on the 20th in Auckland is on the
    /// 20th, though it is still the 19th in UTC).
    pub fn journal_in(&self, filter: &JournalFilter, tz: crate::schedule::Tz) -> CoreResult<JournalPage> {
        let start_of =
            |day: chrono::NaiveDate| to_text(crate::schedule::local::resolve_local(day, chrono::NaiveTime::MIN, tz));
        let typed = filter.query.as_deref().map(str::trim).filter(|q| !q.is_empty());
        let fts = typed.and_then(fts_query);
        let mut sql;
        let mut args: Vec<Value> = Vec::new();
        if let Some(query) = &fts {
            sql = format!(
                "SELECT {COLUMNS}, highlight(reflection_entries_fts, 1, char({}), char({}))
                 FROM reflection_entries_fts f JOIN reflection_entries e ON e.id = f.rowid {JOINS}
                 WHERE reflection_entries_fts MATCH ? AND {WRITTEN}",
                HIT_START as u32, HIT_END as u32
            );
            args.push(Value::Text(query.clone()));
        } else {
            sql = format!("SELECT {COLUMNS}, NULL FROM reflection_entries e {JOINS} WHERE {WRITTEN}");
            if let Some(text) = typed {
                sql.push_str(" AND (instr(e.answer, ?) > 0 OR instr(e.prompt_text, ?) > 0)");
                args.push(Value::Text(text.to_owned()));
                args.push(Value::Text(text.to_owned()));
            }
        }
        if let Some(theme) = filter.theme {
            sql.push_str(" AND e.theme = ?");
            args.push(Value::Text(theme.as_str().to_owned()));
        }
        if let Some(tie) = filter.tie_id {
            sql.push_str(" AND e.tie_id = ?");
            args.push(Value::Integer(tie));
        }
        if let Some(from) = filter.from {
            sql.push_str(" AND e.created_at >= ?");
            args.push(Value::Text(start_of(from)));
        }
        if let Some(to) = filter.to {
            sql.push_str(" AND e.created_at < ?");
            args.push(Value::Text(start_of(to + chrono::Days::new(1))));
        }
        if let Some(cursor) = filter.before {
            // The row-value comparison matches the ORDER BY below, so SQLite
            // walks the created_at index from the cursor instead of skipping.
            sql.push_str(" AND (e.created_at, e.id) < (?, ?)");
            args.push(Value::Text(to_text(cursor.created_at)));
            args.push(Value::Integer(cursor.id));
        }
        sql.push_str(&format!(" ORDER BY e.created_at DESC, e.id DESC LIMIT {}", JOURNAL_PAGE + 1));
        let mut stmt = self.conn.prepare(&sql)?;
        let mut entries = stmt
            .query_map(params_from_iter(args), |r| {
                let mut entry = read_entry(r)?;
                let marked: Option<String> = r.get(11)?;
                entry.answer_parts = match (&fts, marked, typed) {
                    (Some(_), Some(marked), _) => Some(parts(&marked)),
                    (None, _, Some(text)) => Some(literal_parts(&entry.answer, text)),
                    _ => None,
                };
                Ok(entry)
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let more = entries.len() > JOURNAL_PAGE;
        entries.truncate(JOURNAL_PAGE);
        Ok(JournalPage { entries, more })
    }

    pub fn get_entry(&self, id: i64) -> CoreResult<JournalEntry> {
        self.conn
            .query_row(&format!("SELECT {COLUMNS} FROM reflection_entries e {JOINS} WHERE e.id = ?1"), [id], read_entry)
            .optional()?
            .ok_or(CoreError::not_found("That journal entry"))
    }

    /// Changes an entry's answer. Emptying it is refused: deleting is its
    /// own, confirmed, action.
    pub fn update_entry(&mut self, id: i64, answer: &str) -> CoreResult<JournalEntry> {
        let answer = clean_answer(answer)?;
        if answer.is_empty() {
            return Err(CoreError::validation("answer", "An entry can't be empty. To remove it, choose Delete."));
        }
        let changed = self.conn.execute(
            "UPDATE reflection_entries SET answer = ?2, skipped = 0, updated_at = ?3 WHERE id = ?1",
            params![id, answer, to_text(self.now())],
        )?;
        if changed == 0 {
            return Err(CoreError::not_found("That journal entry"));
        }
        self.get_entry(id)
    }

    pub fn delete_entry(&mut self, id: i64) -> CoreResult<()> {
        if self.conn.execute("DELETE FROM reflection_entries WHERE id = ?1", [id])? == 0 {
            return Err(CoreError::not_found("That journal entry"));
        }
        Ok(())
    }

    /// The chosen entries (or all, when `ids` is `None`) as Markdown,
    /// newest first. Unknown ids are left out.
    pub fn journal_markdown(&self, ids: Option<&[i64]>) -> CoreResult<String> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM reflection_entries e {JOINS} WHERE {WRITTEN} ORDER BY e.created_at DESC, e.id DESC"
        ))?;
        let all = stmt.query_map([], read_entry)?.collect::<Result<Vec<_>, _>>()?;
        let chosen: Vec<JournalEntry> = match ids {
            Some(ids) => all.into_iter().filter(|e| ids.contains(&e.id)).collect(),
            None => all,
        };
        if chosen.is_empty() {
            return Err(CoreError::validation("ids", "There are no journal entries to export yet."));
        }
        Ok(to_markdown(&chosen, self.today()))
    }
}

fn read_entry(r: &Row<'_>) -> rusqlite::Result<JournalEntry> {
    let guide_id: Option<String> = r.get(2)?;
    Ok(JournalEntry {
        id: r.get(0)?,
        session_id: r.get(1)?,
        session_title: guide_id.as_deref().and_then(guide).map(|g| g.title.to_owned()),
        prompt_id: r.get(3)?,
        theme: read_theme(4, &r.get::<_, String>(4)?)?,
        prompt_text: r.get(5)?,
        answer: r.get(6)?,
        tie_id: r.get(7)?,
        tie_name: r.get(8)?,
        created_at: from_text(9, &r.get::<_, String>(9)?)?,
        updated_at: from_text(10, &r.get::<_, String>(10)?)?,
        answer_parts: None,
    })
}

pub(super) fn read_theme(column: usize, text: &str) -> rusqlite::Result<Theme> {
    // The schema's CHECK allows only the seven; anything else is damage.
    Theme::parse(text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            column,
            rusqlite::types::Type::Text,
            format!("unknown theme {text:?}").into(),
        )
    })
}
