//! Reflection sessions and single prompts: each step is written as it is
//! taken, so a session survives the app closing midway.

use rusqlite::{params, OptionalExtension, Transaction};

use super::time::{from_optional_text, from_text, to_text};
use super::Store;
use crate::error::{CoreError, CoreResult};
use crate::reflection::intention::IntentionDraft;
use crate::reflection::journal::{clean_answer, JournalEntry};
use crate::reflection::mood::Mood;
use crate::reflection::personalise::{
    fill_guide, fill_prompt, personalise, Answered, Personalised, ShownPrompt, WEEKLY_CHECK_IN,
};
use crate::reflection::session::{SessionEnd, SessionStatus, SessionStep, SessionView};
use crate::reflection::{guide, prompt, prompts_for};
use crate::theme::Theme;

impl Store {
    /// Today's prompt and suggested session, from the map and the journal.
    pub fn personalised(&self) -> CoreResult<Personalised> {
        let network = self.network()?;
        let answered = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT prompt_id, substr(created_at, 1, 10) FROM reflection_entries
                 WHERE skipped = 0 AND answer <> '' AND created_at >= ?1",
            )?;
            let since = to_text(self.now() - chrono::Duration::days(40));
            let rows = stmt.query_map([since], |r| {
                Ok(Answered { prompt_id: r.get(0)?, on: super::contacts::parse_date(1, &r.get::<_, String>(1)?)? })
            })?;
            rows.collect::<Result<Vec<_>, _>>()?
        };
        let last_weekly: Option<String> = self.conn.query_row(
            "SELECT max(substr(started_at, 1, 10)) FROM reflection_sessions WHERE guide_id = ?1 AND status = 'completed'",
            [WEEKLY_CHECK_IN],
            |r| r.get(0),
        )?;
        let last_weekly = last_weekly.and_then(|d| d.parse().ok());
        Ok(personalise(&network, &answered, last_weekly))
    }

    /// Every prompt of one theme, names filled in from the map, for choosing
    /// a single prompt to answer.
    pub fn prompts_to_choose(&self, theme: Theme) -> CoreResult<Vec<ShownPrompt>> {
        let network = self.network()?;
        Ok(prompts_for(theme).map(|p| fill_prompt(p, &network, None)).collect())
    }

    /// Starts a guided session with the mood the person arrives with. A
    /// session still in progress is set aside (its answers stay).
    pub fn start_session(&mut self, guide_id: &str, mood_before: &Mood) -> CoreResult<SessionView> {
        let guide = guide(guide_id).ok_or(CoreError::validation("guideId", "That session isn't available."))?;
        let mood = mood_before.cleaned("moodBefore")?;
        let steps = fill_guide(guide, &*self.network()?);
        let now = to_text(self.now());
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE reflection_sessions SET status = 'abandoned', updated_at = ?1 WHERE status = 'in_progress'",
            [&now],
        )?;
        tx.execute(
            "INSERT INTO reflection_sessions (guide_id, mood_before, feelings_before, started_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4)",
            params![guide.id, mood.mood, feelings_json(&mood)?, now],
        )?;
        let id = tx.last_insert_rowid();
        for (position, step) in steps.iter().enumerate() {
            tx.execute(
                "INSERT INTO reflection_entries (session_id, prompt_id, theme, prompt_text, tie_id, position, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                params![id, step.prompt_id, step.theme.as_str(), step.text, step.tie_id, position as i64, now],
            )?;
        }
        tx.commit()?;
        self.get_session(id)
    }

    /// The session waiting to be resumed, if any.
    pub fn current_session(&self) -> CoreResult<Option<SessionView>> {
        let id: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM reflection_sessions WHERE status = 'in_progress' ORDER BY started_at DESC, id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        id.map(|id| self.get_session(id)).transpose()
    }

    pub fn get_session(&self, id: i64) -> CoreResult<SessionView> {
        let session = self
            .conn
            .query_row(
                "SELECT guide_id, status, mood_before, feelings_before, mood_after, feelings_after, started_at, completed_at
                 FROM reflection_sessions WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        mood_from(r.get(2)?, r.get(3)?),
                        mood_from(r.get(4)?, r.get(5)?),
                        from_text(6, &r.get::<_, String>(6)?)?,
                        from_optional_text(7, r.get(7)?)?,
                    ))
                },
            )
            .optional()?
            .ok_or(CoreError::not_found("That reflection"))?;
        let (guide_id, status, mood_before, mood_after, started_at, completed_at) = session;
        let found = guide(&guide_id);
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, position, prompt_id, theme, prompt_text, tie_id, answer, skipped
             FROM reflection_entries WHERE session_id = ?1 ORDER BY position, id",
        )?;
        let steps = stmt
            .query_map([id], |r| {
                let prompt_id: String = r.get(2)?;
                Ok(SessionStep {
                    entry_id: r.get(0)?,
                    position: r.get(1)?,
                    low_energy: prompt(&prompt_id).and_then(|p| p.low_energy).map(str::to_owned),
                    prompt_id,
                    theme: super::journal::read_theme(3, &r.get::<_, String>(3)?)?,
                    text: r.get(4)?,
                    tie_id: r.get(5)?,
                    answer: r.get(6)?,
                    skipped: r.get(7)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let intention = self.intention_of_session(id)?;
        Ok(SessionView {
            id,
            title: found.map_or_else(|| "A reflection".to_owned(), |g| g.title.to_owned()),
            intro: found.map(|g| g.intro.to_owned()).unwrap_or_default(),
            guide_id,
            status: SessionStatus::parse(&status).unwrap_or(SessionStatus::SetAside),
            mood_before,
            mood_after,
            steps,
            intention,
            started_at,
            completed_at,
        })
    }

    /// Saves one step's answer (or marks it skipped) as soon as the person
    /// moves on.
    pub fn answer_step(&mut self, entry_id: i64, answer: &str, skipped: bool) -> CoreResult<SessionStep> {
        let answer = if skipped { String::new() } else { clean_answer(answer)? };
        let session_id: Option<i64> = self
            .conn
            .query_row(
                "SELECT e.session_id FROM reflection_entries e JOIN reflection_sessions s ON s.id = e.session_id
                 WHERE e.id = ?1",
                [entry_id],
                |r| r.get(0),
            )
            .optional()?;
        let session_id = session_id.ok_or(CoreError::not_found("That step"))?;
        let now = to_text(self.now());
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE reflection_entries SET answer = ?2, skipped = ?3, updated_at = ?4 WHERE id = ?1",
            params![entry_id, answer, skipped, now],
        )?;
        tx.execute("UPDATE reflection_sessions SET updated_at = ?2 WHERE id = ?1", params![session_id, now])?;
        tx.commit()?;
        self.get_session(session_id)?
            .steps
            .into_iter()
            .find(|s| s.entry_id == entry_id)
            .ok_or(CoreError::not_found("That step"))
    }

    /// Ends a session: the mood the person leaves with and, if they wrote
    /// one, an intention — in one transaction.
    pub fn finish_session(&mut self, id: i64, end: &SessionEnd) -> CoreResult<SessionView> {
        let mood = end.mood_after.cleaned("moodAfter")?;
        let intention = end.intention.as_ref().map(IntentionDraft::cleaned).transpose()?;
        let session = self.get_session(id)?;
        if session.status != SessionStatus::InProgress {
            return Err(CoreError::Conflict("This reflection has already ended.".to_owned()));
        }
        if let Some(draft) = &intention {
            self.check_active_tie(draft.tie_id)?;
        }
        let now = self.now();
        let tx = self.conn.transaction()?;
        if let Some(draft) = &intention {
            insert_intention(&tx, draft, Some(id), &to_text(now))?;
        }
        tx.execute(
            "UPDATE reflection_sessions SET status = 'completed', mood_after = ?2, feelings_after = ?3,
                    completed_at = ?4, updated_at = ?4 WHERE id = ?1",
            params![id, mood.mood, feelings_json(&mood)?, to_text(now)],
        )?;
        tx.commit()?;
        self.get_session(id)
    }

    /// Puts a session aside unfinished; what was written stays in the journal.
    pub fn set_aside_session(&mut self, id: i64) -> CoreResult<()> {
        let changed = self.conn.execute(
            "UPDATE reflection_sessions SET status = 'abandoned', updated_at = ?2 WHERE id = ?1 AND status = 'in_progress'",
            params![id, to_text(self.now())],
        )?;
        if changed == 0 {
            self.get_session(id)?;
        }
        Ok(())
    }

    /// Answers one prompt on its own (from Today, or chosen on Reflect). The
    /// text shown is rendered here from the library, never taken from the UI.
    pub fn answer_prompt(&mut self, prompt_id: &str, tie_id: Option<i64>, answer: &str) -> CoreResult<JournalEntry> {
        let prompt = prompt(prompt_id).ok_or(CoreError::validation("promptId", "That prompt isn't available."))?;
        let answer = clean_answer(answer)?;
        if answer.is_empty() {
            return Err(CoreError::validation("answer", "Write a word or two first, or leave it for another day."));
        }
        self.check_active_tie(tie_id)?;
        let network = self.network()?;
        let tie = tie_id.and_then(|id| network.ties.iter().find(|t| t.id == id));
        let shown = fill_prompt(prompt, &network, tie);
        let now = to_text(self.now());
        self.conn.execute(
            "INSERT INTO reflection_entries (session_id, prompt_id, theme, prompt_text, answer, tie_id, created_at, updated_at)
             VALUES (NULL, ?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            params![shown.prompt_id, shown.theme.as_str(), shown.text, answer, shown.tie_id, now],
        )?;
        self.get_entry(self.conn.last_insert_rowid())
    }

    /// A tie given with an answer or intention must exist and be active.
    pub(super) fn check_active_tie(&self, tie_id: Option<i64>) -> CoreResult<()> {
        if let Some(id) = tie_id {
            let active: Option<bool> = self
                .conn
                .query_row("SELECT archived_at IS NULL FROM ties WHERE id = ?1", [id], |r| r.get(0))
                .optional()?;
            if active != Some(true) {
                return Err(CoreError::validation("tieId", "That person or group isn't on your map any more."));
            }
        }
        Ok(())
    }
}

pub(super) fn insert_intention(
    tx: &Transaction<'_>,
    draft: &IntentionDraft,
    session_id: Option<i64>,
    now: &str,
) -> CoreResult<i64> {
    tx.execute(
        "INSERT INTO intentions (text, tie_id, session_id, due_on, due_time, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![draft.text, draft.tie_id, session_id, draft.due_on.map(|d| d.to_string()), draft.due_time, now],
    )?;
    Ok(tx.last_insert_rowid())
}

fn feelings_json(mood: &Mood) -> CoreResult<String> {
    Ok(serde_json::to_string(&mood.feelings).map_err(std::io::Error::other)?)
}

fn mood_from(mood: Option<u8>, feelings: String) -> Option<Mood> {
    mood.map(|mood| Mood { mood, feelings: serde_json::from_str(&feelings).unwrap_or_default() })
}

#[cfg(test)]
#[path = "reflection_tests.rs"]
mod tests;
