//! Kindred's export file: everything a person keeps in Kindred, in one
//! JSON document they can take with them and bring back.
//!
//! The format is versioned (`format` and `version` at the top) and
//! documented in `docs/export-format.md`. Records keep their ids so links
//! between them (a contact's people, an entry's session) survive; dates are
//! `YYYY-MM-DD`, instants RFC 3339 in UTC, and every closed set of words
//! (circles, channels, themes…) is spelt as in the app's own types, so a
//! file that does not fit is refused with the path of the first value that
//! is wrong ("ties[3].circle: unknown variant `closest`…").

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::contact::{Channel, Felt, Initiator};
use crate::error::{CoreError, CoreResult};
use crate::reflection::session::SessionStatus;
use crate::theme::Theme;
use crate::tie::{Birthday, Cadence, Circle, Feel, GroupKind, Sector, SupportType, TieKind};

/// The `format` value of every Kindred export file.
pub const FORMAT: &str = "kindred-export";
/// The version this build writes and reads.
pub const VERSION: u32 = 1;
/// Files larger than this are refused before parsing (an export of 10,000
/// people, 100,000 contacts and 10,000 journal entries is about 40 MB).
pub const MAX_FILE_BYTES: usize = 256 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DataFile {
    pub format: String,
    pub version: u32,
    pub exported_at: DateTime<Utc>,
    #[serde(default)]
    pub ties: Vec<TieRecord>,
    #[serde(default)]
    pub quality_ratings: Vec<QualityRecord>,
    #[serde(default)]
    pub contacts: Vec<ContactRecord>,
    #[serde(default)]
    pub reflection_sessions: Vec<SessionRecord>,
    #[serde(default)]
    pub journal_entries: Vec<EntryRecord>,
    #[serde(default)]
    pub intentions: Vec<IntentionRecord>,
    #[serde(default)]
    pub reminders: Vec<ReminderRecord>,
    #[serde(default)]
    pub check_ins: Vec<CheckInRecord>,
    /// Setting key to its JSON value.
    #[serde(default)]
    pub settings: BTreeMap<String, serde_json::Value>,
    /// What was already shown, so restored reminders never repeat it.
    #[serde(default)]
    pub delivered: Vec<DeliveredRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TieRecord {
    pub id: i64,
    pub kind: TieKind,
    #[serde(default)]
    pub group_kind: Option<GroupKind>,
    pub name: String,
    #[serde(default)]
    pub circle: Option<Circle>,
    #[serde(default)]
    pub sector: Option<Sector>,
    #[serde(default)]
    pub support_types: Vec<SupportType>,
    #[serde(default)]
    pub cadence: Cadence,
    #[serde(default)]
    pub birthday: Option<Birthday>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub next_time_note: String,
    #[serde(default)]
    pub map_angle: Option<f64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub archived_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QualityRecord {
    pub id: i64,
    pub tie_id: i64,
    pub rated_at: DateTime<Utc>,
    #[serde(default)]
    pub feel: Option<Feel>,
    #[serde(default)]
    pub empathy: Option<u8>,
    #[serde(default)]
    pub respect: Option<u8>,
    #[serde(default)]
    pub reciprocity: Option<u8>,
    #[serde(default)]
    pub boundaries: Option<u8>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactRecord {
    pub id: i64,
    pub occurred_on: NaiveDate,
    #[serde(default)]
    pub occurred_time: Option<String>,
    pub channel: Channel,
    #[serde(default)]
    pub initiated_by: Option<Initiator>,
    #[serde(default)]
    pub felt: Option<Felt>,
    #[serde(default)]
    pub note: String,
    pub tie_ids: Vec<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionRecord {
    pub id: i64,
    pub guide_id: String,
    pub status: SessionStatus,
    #[serde(default)]
    pub mood_before: Option<u8>,
    #[serde(default)]
    pub feelings_before: Vec<String>,
    #[serde(default)]
    pub mood_after: Option<u8>,
    #[serde(default)]
    pub feelings_after: Vec<String>,
    pub started_at: DateTime<Utc>,
    #[serde(default)]
    pub completed_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EntryRecord {
    pub id: i64,
    #[serde(default)]
    pub session_id: Option<i64>,
    pub prompt_id: String,
    pub theme: Theme,
    pub prompt_text: String,
    #[serde(default)]
    pub answer: String,
    #[serde(default)]
    pub skipped: bool,
    #[serde(default)]
    pub tie_id: Option<i64>,
    #[serde(default)]
    pub position: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IntentionRecord {
    pub id: i64,
    pub text: String,
    #[serde(default)]
    pub tie_id: Option<i64>,
    #[serde(default)]
    pub session_id: Option<i64>,
    #[serde(default)]
    pub due_on: Option<NaiveDate>,
    #[serde(default)]
    pub due_time: Option<String>,
    pub status: crate::reflection::intention::IntentionStatus,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub closed_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReminderRecord {
    pub id: i64,
    pub title: String,
    #[serde(default)]
    pub note: String,
    pub rule: crate::schedule::Recurrence,
    #[serde(default = "yes")]
    pub enabled: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckInRecord {
    pub id: i64,
    pub taken_at: DateTime<Utc>,
    pub items: [u8; 3],
}

/// One occurrence already shown: a custom reminder's (`reminderId`) or a
/// derived one's (`key`, such as `reach_out:12`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveredRecord {
    #[serde(default)]
    pub reminder_id: Option<i64>,
    #[serde(default)]
    pub key: Option<String>,
    pub due_at: DateTime<Utc>,
    pub fired_at: DateTime<Utc>,
}

/// Reads an export file, refusing anything that is not one with a message
/// that says what is wrong and where.
pub fn parse(bytes: &[u8]) -> CoreResult<DataFile> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(bad(format!(
            "This file is {} MB, larger than any Kindred export could be ({} MB at most).",
            bytes.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| bad("This isn't a Kindred export: it isn't text (a Kindred export is a JSON file)."))?;
    // First the envelope, so an old or foreign file gets the right words
    // rather than a complaint about its first record.
    #[derive(Deserialize)]
    struct Envelope {
        format: Option<String>,
        version: Option<u32>,
    }
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| {
        bad(format!("This isn't a Kindred export: it isn't complete, readable JSON ({}).", plain_json_error(&e)))
    })?;
    if envelope.format.as_deref() != Some(FORMAT) {
        return Err(bad("This JSON file isn't a Kindred export (it has no \"format\": \"kindred-export\")."));
    }
    match envelope.version {
        Some(VERSION) => {}
        Some(v) if v > VERSION => {
            return Err(bad(format!(
                "This export was made by a newer Kindred (format version {v}). Please update Kindred to bring it in."
            )))
        }
        other => {
            return Err(bad(format!(
                "This export has a format version Kindred doesn't know ({}).",
                other.map_or("none".to_owned(), |v| v.to_string())
            )))
        }
    }
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        bad(format!("Kindred couldn't read this export at {path}: {}.", plain_json_error(e.inner())))
    })
}

fn plain_json_error(e: &serde_json::Error) -> String {
    // serde_json's own words, without its trailing position (the path or
    // the line and column are given separately).
    let text = e.to_string();
    let words = text.split(" at line ").next().unwrap_or(&text).to_owned();
    if e.line() > 0 {
        format!("{words}, line {} column {}", e.line(), e.column())
    } else {
        words
    }
}

pub(crate) fn bad(message: impl Into<String>) -> CoreError {
    CoreError::validation("file", message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(bytes: &[u8]) -> String {
        parse(bytes).unwrap_err().to_string()
    }

    #[test]
    fn hostile_files_are_refused_in_plain_words() {
        assert!(err(&[0xff, 0xfe, 0x00, 0x12]).contains("isn't text"));
        assert!(err(b"{\"format\": \"kindred-export\", \"version\": 1, \"ties\": [").contains("isn't complete"));
        assert!(err(b"[1, 2, 3]").contains("isn't complete") || err(b"[1, 2, 3]").contains("isn't a Kindred export"));
        assert!(err(b"{\"hello\": 1}").contains("isn't a Kindred export"));
        assert!(err(b"{\"format\": \"kindred-export\", \"version\": 9}").contains("newer Kindred"));
        assert!(err(b"{\"format\": \"kindred-export\", \"version\": 0}").contains("doesn't know"));
        let wrong = br#"{"format": "kindred-export", "version": 1, "exportedAt": "2026-11-26T10:00:00Z",
            "ties": [{"id": 1, "kind": "person", "name": "Sam", "circle": "closest",
                      "createdAt": "2026-11-26T10:00:00Z", "updatedAt": "2026-11-26T10:00:00Z"}]}"#;
        let message = err(wrong);
        assert!(message.contains("ties[0].circle"), "{message}");
        assert!(message.contains("closest"), "{message}");
    }

    #[test]
    fn a_minimal_file_reads() {
        let file =
            parse(br#"{"format": "kindred-export", "version": 1, "exportedAt": "2026-11-26T10:00:00Z"}"#).unwrap();
        assert!(file.ties.is_empty() && file.settings.is_empty());
    }

    proptest::proptest! {
        /// Any bytes at all get a file or a plain error, never a panic.
        #[test]
        fn any_bytes_parse_or_are_refused(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400), text in ".{0,200}") {
            let _ = parse(&bytes);
            let _ = parse(text.as_bytes());
            let _ = parse(format!("{{\"format\": \"kindred-export\", \"version\": 1, {text}").as_bytes());
        }
    }
}
