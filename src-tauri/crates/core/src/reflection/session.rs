//! A reflection session as the person walks through it: the mood they
//! arrive with, the prompts one at a time, an intention, and the mood they
//! leave with. Every step is saved as it is taken, so closing the app midway
//! loses nothing: the session waits to be resumed.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::intention::{Intention, IntentionDraft};
use super::mood::Mood;
use crate::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SessionStatus {
    InProgress,
    Completed,
    /// Set aside before the end; its answers stay in the journal.
    SetAside,
}

// "abandoned" is the schema's word for set aside.
crate::tie::text_enum!(SessionStatus { InProgress => "in_progress", Completed => "completed", SetAside => "abandoned" });

/// One prompt in a session, with the answer so far.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionStep {
    /// The journal entry this step writes to.
    pub entry_id: i64,
    pub position: u32,
    pub prompt_id: String,
    pub theme: Theme,
    pub text: String,
    pub low_energy: Option<String>,
    pub tie_id: Option<i64>,
    pub answer: String,
    pub skipped: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionView {
    pub id: i64,
    pub guide_id: String,
    pub title: String,
    pub intro: String,
    pub status: SessionStatus,
    pub mood_before: Option<Mood>,
    pub mood_after: Option<Mood>,
    pub steps: Vec<SessionStep>,
    pub intention: Option<Intention>,
    pub started_at: DateTime<Utc>,
    pub completed_at: Option<DateTime<Utc>>,
}

/// How a session ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionEnd {
    pub mood_after: Mood,
    #[serde(default)]
    pub intention: Option<IntentionDraft>,
}
