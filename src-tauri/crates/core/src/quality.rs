//! Relationship quality: how a tie usually feels and four 1–5 ratings, kept
//! as a dated history so change over time can be seen.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};
use crate::tie::{clean_long_text, Feel};

pub const QUALITY_NOTE_MAX_CHARS: usize = 2_000;

/// One check-in on a tie's quality. Every part is optional: a person may
/// only want to say how it feels.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QualityDraft {
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QualityRating {
    pub id: i64,
    pub tie_id: i64,
    pub rated_at: DateTime<Utc>,
    pub feel: Option<Feel>,
    pub empathy: Option<u8>,
    pub respect: Option<u8>,
    pub reciprocity: Option<u8>,
    pub boundaries: Option<u8>,
    pub note: String,
}

impl QualityDraft {
    pub fn cleaned(mut self) -> CoreResult<Self> {
        for (field, value) in [
            ("empathy", self.empathy),
            ("respect", self.respect),
            ("reciprocity", self.reciprocity),
            ("boundaries", self.boundaries),
        ] {
            if let Some(v) = value {
                if !(1..=5).contains(&v) {
                    return Err(CoreError::validation(field, "Ratings go from 1 to 5."));
                }
            }
        }
        self.note = clean_long_text("note", &self.note, QUALITY_NOTE_MAX_CHARS)?;
        if self.feel.is_none()
            && self.empathy.is_none()
            && self.respect.is_none()
            && self.reciprocity.is_none()
            && self.boundaries.is_none()
            && self.note.is_empty()
        {
            return Err(CoreError::validation("feel", "Choose how it feels, or give at least one rating."));
        }
        Ok(self)
    }
}
