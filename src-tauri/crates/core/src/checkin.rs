//! The monthly check-in: the three-item loneliness scale of Hughes, Waite,
//! Hawkley and Cacioppo (2004), "A short scale for measuring loneliness in
//! large surveys", Research on Aging 26(6), 655–672. The items and answers
//! are kept exactly as published; the reading Kindred gives is its own and
//! never a diagnosis.
//!
//! Also here: when to gently show the "Need help now?" resources.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};

/// The published items, in order.
pub const ITEMS: [&str; 3] = [
    "How often do you feel that you lack companionship?",
    "How often do you feel left out?",
    "How often do you feel isolated from others?",
];

/// The published answers, scored 1, 2 and 3.
pub const ANSWERS: [&str; 3] = ["Hardly ever", "Some of the time", "Often"];

/// Where the scale comes from, as shown under it.
pub const SOURCE: &str =
    "Three-item loneliness scale: Hughes, Waite, Hawkley & Cacioppo (2004), Research on Aging 26(6).";

/// A check-in is offered again this many days after the last one (or after
/// it was put off).
pub const CHECK_IN_EVERY_DAYS: i64 = 28;

/// Scores at or above this, twice in a row, bring the help resources forward.
pub const HIGH_SCORE: u8 = 7;

/// Scores from 6 up read as loneliness being around more often.
pub const MORE_OFTEN_FROM: u8 = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckInAnswers {
    /// Each 1 ("Hardly ever") to 3 ("Often"), in the order of [`ITEMS`].
    pub items: [u8; 3],
}

impl CheckInAnswers {
    pub fn cleaned(self) -> CoreResult<Self> {
        if self.items.iter().any(|i| !(1..=3).contains(i)) {
            return Err(CoreError::validation("items", "Choose one answer for each of the three questions."));
        }
        Ok(self)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckIn {
    pub id: i64,
    pub taken_at: DateTime<Utc>,
    pub items: [u8; 3],
    /// 3 to 9.
    pub score: u8,
    /// A plain reading of the score; never a diagnosis.
    pub reading: String,
}

/// A kind reading of a score from 3 to 9.
pub fn reading(score: u8) -> String {
    if score < MORE_OFTEN_FROM {
        "Feeling left out or alone hasn't been around much lately. That's worth noticing, and worth looking after."
            .to_owned()
    } else {
        "Feeling alone seems to have been around more often lately. Many people go through stretches like this, \
         and they can change. Reaching out to one person, even briefly, is a good place to start."
            .to_owned()
    }
}

/// What the Today and Reflect screens need to know about check-ins.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckInStatus {
    /// Whether to offer a check-in now.
    pub due: bool,
    pub latest: Option<CheckIn>,
    /// Whether to bring the help resources forward, gently.
    pub show_support: bool,
}

/// Whether a check-in is due: none taken, or none taken and none put off in
/// the last [`CHECK_IN_EVERY_DAYS`] days.
pub fn check_in_due(today: NaiveDate, last_taken: Option<NaiveDate>, last_put_off: Option<NaiveDate>) -> bool {
    let recent = |d: Option<NaiveDate>| d.is_some_and(|d| (today - d).num_days() < CHECK_IN_EVERY_DAYS);
    !recent(last_taken) && !recent(last_put_off)
}

/// Whether the "Need help now?" resources should be offered gently: the two
/// latest check-ins both scored [`HIGH_SCORE`] or more, or a mood of 1 came
/// up in at least two of the three latest sessions. `scores` and
/// `session_lowest_moods` are newest first.
pub fn show_support(scores: &[u8], session_lowest_moods: &[u8]) -> bool {
    let two_high = scores.len() >= 2 && scores[..2].iter().all(|s| *s >= HIGH_SCORE);
    let low_moods = session_lowest_moods.iter().take(3).filter(|m| **m == 1).count() >= 2;
    two_high || low_moods
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn answers_outside_one_to_three_are_refused() {
        assert!(CheckInAnswers { items: [1, 2, 3] }.cleaned().is_ok());
        assert!(CheckInAnswers { items: [0, 2, 3] }.cleaned().is_err());
        assert!(CheckInAnswers { items: [1, 4, 3] }.cleaned().is_err());
    }

    #[test]
    fn due_about_monthly_and_put_off_for_as_long() {
        assert!(check_in_due(day(26), None, None));
        assert!(!check_in_due(day(26), Some(day(1)), None));
        assert!(check_in_due(day(29), Some(day(1)), None));
        assert!(!check_in_due(day(26), None, Some(day(20))));
    }

    #[test]
    fn support_comes_forward_after_two_high_scores_or_repeated_lowest_mood() {
        assert!(show_support(&[7, 8], &[]));
        assert!(!show_support(&[7, 6, 9], &[]));
        assert!(!show_support(&[9], &[]));
        assert!(show_support(&[], &[1, 3, 1]));
        assert!(!show_support(&[], &[1, 3, 4, 1]));
        assert!(!show_support(&[6, 6], &[2, 2]));
    }

    #[test]
    fn readings_are_kind_and_never_diagnose() {
        for score in 3..=9 {
            let text = reading(score).to_lowercase();
            for word in ["diagnos", "disorder", "symptom", "lonely person", "should", "fail"] {
                assert!(!text.contains(word), "{score}: {text}");
            }
        }
        assert_ne!(reading(5), reading(6));
    }
}
