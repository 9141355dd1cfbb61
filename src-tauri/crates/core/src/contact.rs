//! Contacts: a call, a visit, a message, an evening at the group. One
//! contact may involve several ties.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    InPerson,
    Call,
    Video,
    Message,
    OnlineGroup,
}

/// Who reached out first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Initiator {
    Me,
    Them,
    Both,
}

/// How the person felt afterwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Felt {
    Better,
    Same,
    Worse,
}

crate::tie::text_enum!(Channel {
    InPerson => "in_person",
    Call => "call",
    Video => "video",
    Message => "message",
    OnlineGroup => "online_group",
});
crate::tie::text_enum!(Initiator { Me => "me", Them => "them", Both => "both" });
crate::tie::text_enum!(Felt { Better => "better", Same => "same", Worse => "worse" });

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use crate::error::{CoreError, CoreResult};
use crate::tie::clean_long_text;

pub const CONTACT_NOTE_MAX_CHARS: usize = 5_000;
/// How many ties one contact may involve: a family dinner, a group evening.
pub const CONTACT_MAX_TIES: usize = 50;

/// A logged contact as the UI sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    pub id: i64,
    pub occurred_on: NaiveDate,
    /// "HH:MM" local time, when the person gave one.
    pub occurred_time: Option<String>,
    pub channel: Channel,
    pub initiated_by: Option<Initiator>,
    pub felt: Option<Felt>,
    pub note: String,
    pub tie_ids: Vec<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The "log a contact" form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ContactDraft {
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
}

impl ContactDraft {
    pub fn on(occurred_on: NaiveDate, channel: Channel, tie_ids: Vec<i64>) -> Self {
        Self { occurred_on, occurred_time: None, channel, initiated_by: None, felt: None, note: String::new(), tie_ids }
    }

    /// Checks the form against `today` (the person's local date) and tidies
    /// it. Whether the ties exist is checked by the store.
    pub fn cleaned(mut self, today: NaiveDate) -> CoreResult<Self> {
        if self.occurred_on > today {
            return Err(CoreError::validation(
                "occurredOn",
                "That date is still ahead. Contacts can be logged once they've happened.",
            ));
        }
        if self.occurred_on < NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN) {
            return Err(CoreError::validation("occurredOn", "Please check the year of that date."));
        }
        self.occurred_time = clean_time_of_day("occurredTime", self.occurred_time.as_deref())?;
        self.tie_ids.sort_unstable();
        self.tie_ids.dedup();
        if self.tie_ids.is_empty() {
            return Err(CoreError::validation("tieIds", "Choose who the contact was with."));
        }
        if self.tie_ids.len() > CONTACT_MAX_TIES {
            return Err(CoreError::validation(
                "tieIds",
                format!("One contact can include up to {CONTACT_MAX_TIES} people and groups."),
            ));
        }
        self.note = clean_long_text("note", &self.note, CONTACT_NOTE_MAX_CHARS)?;
        Ok(self)
    }
}

/// An optional "HH:MM" time of day as typed: blank is none, anything else
/// must be hours and minutes (kept as "HH:MM"). Contacts and intentions
/// both take one.
pub(crate) fn clean_time_of_day(field: &'static str, raw: Option<&str>) -> CoreResult<Option<String>> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => NaiveTime::parse_from_str(text, "%H:%M")
            .map(|t| Some(t.format("%H:%M").to_string()))
            .map_err(|_| CoreError::validation(field, "Please give the time as hours and minutes, like 18:30.")),
    }
}
