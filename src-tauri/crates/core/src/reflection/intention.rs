//! Intentions: something small the person means to do, often the last step
//! of a reflection ("text Ana on Sunday"). The Reminders work turns a dated
//! intention into a reminder; until then they are listed on Reflect.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::contact::clean_time_of_day;
use crate::error::{CoreError, CoreResult};

pub const INTENTION_MAX_CHARS: usize = 500;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IntentionDraft {
    pub text: String,
    #[serde(default)]
    pub tie_id: Option<i64>,
    #[serde(default)]
    pub due_on: Option<NaiveDate>,
    /// "HH:MM" local time; only with a date.
    #[serde(default)]
    pub due_time: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum IntentionStatus {
    Open,
    Done,
    LetGo,
}

crate::tie::text_enum!(IntentionStatus { Open => "open", Done => "done", LetGo => "let_go" });

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Intention {
    pub id: i64,
    pub text: String,
    pub tie_id: Option<i64>,
    pub tie_name: Option<String>,
    pub session_id: Option<i64>,
    pub due_on: Option<NaiveDate>,
    pub due_time: Option<String>,
    pub status: IntentionStatus,
    pub created_at: DateTime<Utc>,
}

impl IntentionDraft {
    /// Checks and tidies the draft. A date in the past is allowed (the
    /// person may be writing down something they meant to do); the tie is
    /// checked by the store.
    pub fn cleaned(&self) -> CoreResult<IntentionDraft> {
        let text: String = self.text.chars().filter(|c| !c.is_control()).collect::<String>().trim().to_owned();
        if text.is_empty() {
            return Err(CoreError::validation("text", "Write a few words about what you'd like to do."));
        }
        let count = text.chars().count();
        if count > INTENTION_MAX_CHARS {
            return Err(CoreError::validation(
                "text",
                format!("This is {count} characters long; an intention can hold up to {INTENTION_MAX_CHARS}."),
            ));
        }
        let due_time = clean_time_of_day("dueTime", self.due_time.as_deref())?;
        if due_time.is_some() && self.due_on.is_none() {
            return Err(CoreError::validation("dueOn", "Choose a day to go with the time."));
        }
        Ok(IntentionDraft { text, tie_id: self.tie_id, due_on: self.due_on, due_time })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(text: &str) -> IntentionDraft {
        IntentionDraft { text: text.into(), ..Default::default() }
    }

    #[test]
    fn text_is_required_and_limited() {
        assert!(draft("   ").cleaned().is_err());
        assert_eq!(draft("  Call Ana \u{7}").cleaned().unwrap().text, "Call Ana");
        assert!(draft(&"x".repeat(501)).cleaned().is_err());
    }

    #[test]
    fn a_time_needs_a_day_and_must_be_a_time() {
        let mut d = draft("Walk");
        d.due_time = Some("18:30".into());
        assert_eq!(d.cleaned().unwrap_err().to_string(), "Choose a day to go with the time.");
        d.due_on = NaiveDate::from_ymd_opt(2026, 12, 1);
        assert_eq!(d.cleaned().unwrap().due_time.as_deref(), Some("18:30"));
        d.due_time = Some("25:99".into());
        assert!(d.cleaned().is_err());
    }
}
