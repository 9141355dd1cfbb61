//! Notices: what Kindred has shown (or tried to show) the person. Every
//! notice is recorded before any desktop delivery, so the window can list it
//! even when the desktop toast fails.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a notice is about; reminders add their own kinds as they land.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// The "send a test notification" button in Settings.
    Test,
    ReachOut,
    Reflection,
    Birthday,
    Intention,
    Custom,
}

crate::tie::text_enum!(NoticeKind {
    Test => "test",
    ReachOut => "reach_out",
    Reflection => "reflection",
    Birthday => "birthday",
    Intention => "intention",
    Custom => "custom",
});

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Notice {
    pub id: i64,
    pub created_at: DateTime<Utc>,
    pub kind: NoticeKind,
    pub title: String,
    pub body: String,
    /// Whether the desktop accepted it as a notification.
    pub delivered_desktop: bool,
    /// Why the desktop did not take it, in the system's words, when it
    /// didn't.
    pub delivery_error: Option<String>,
    pub read_at: Option<DateTime<Utc>>,
    /// When the person snoozed it or marked it done.
    pub acted_at: Option<DateTime<Utc>>,
    /// The ties it is about (reach-outs, birthdays), for "log a contact".
    pub tie_ids: Vec<i64>,
}
