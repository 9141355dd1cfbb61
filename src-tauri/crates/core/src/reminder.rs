//! Reminders the person sets themselves (custom ones); reach-out, birthday,
//! reflection and intention reminders build on the same rules and ledger.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};
use crate::schedule::Recurrence;
use crate::tie::clean_long_text;

pub const REMINDER_TITLE_MAX_CHARS: usize = 120;
pub const REMINDER_NOTE_MAX_CHARS: usize = 1_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReminderDraft {
    pub title: String,
    #[serde(default)]
    pub note: String,
    pub rule: Recurrence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    pub id: i64,
    pub title: String,
    pub note: String,
    pub rule: Recurrence,
    pub enabled: bool,
    pub created_at: DateTime<Utc>,
    /// The due instant of the last occurrence already delivered.
    pub last_fired_due: Option<DateTime<Utc>>,
}

impl ReminderDraft {
    pub fn cleaned(mut self) -> CoreResult<Self> {
        let title = self.title.trim();
        if title.is_empty() {
            return Err(CoreError::validation(
                "title",
                "Please give the reminder a few words, so you know what it's for.",
            ));
        }
        if title.chars().count() > REMINDER_TITLE_MAX_CHARS {
            return Err(CoreError::validation(
                "title",
                format!("Titles can be up to {REMINDER_TITLE_MAX_CHARS} characters; the note below has room for more."),
            ));
        }
        if title.chars().any(char::is_control) {
            return Err(CoreError::validation(
                "title",
                "Titles can't contain line breaks or other control characters.",
            ));
        }
        self.title = title.to_owned();
        self.note = clean_long_text("note", &self.note, REMINDER_NOTE_MAX_CHARS)?;
        self.rule.validate()?;
        Ok(self)
    }
}

/// One notification for everything due at once: a single reminder shows
/// its own title and note; several are gathered under one title.
pub fn gathered_text(due: &[Reminder]) -> Option<(String, String)> {
    match due {
        [] => None,
        [one] => Some((one.title.clone(), one.note.clone())),
        many => {
            let titles: Vec<&str> = many.iter().map(|r| r.title.as_str()).collect();
            let (last, rest) = titles.split_last()?;
            Some((format!("{} gentle reminders", many.len()), format!("{} and {last}", rest.join(", "))))
        }
    }
}
