//! How the person arrives at and leaves a session: a mood from 1 to 5 and up
//! to three words from the feeling list.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::sessions::FEELING_WORDS;
use crate::error::{CoreError, CoreResult};

/// At most this many feeling words per check.
pub const MAX_FEELINGS: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Mood {
    /// 1 (very low) to 5 (very good).
    pub mood: u8,
    /// Up to three words from [`FEELING_WORDS`].
    #[serde(default)]
    pub feelings: Vec<String>,
}

impl Mood {
    /// The mood checked: in range, known words, no repeats, at most three.
    pub fn cleaned(&self, field: &'static str) -> CoreResult<Mood> {
        if !(1..=5).contains(&self.mood) {
            return Err(CoreError::validation(field, "Choose how you feel on the scale from 1 to 5."));
        }
        let mut feelings: Vec<String> = Vec::new();
        for word in &self.feelings {
            let word = word.trim().to_lowercase();
            if !FEELING_WORDS.contains(&word.as_str()) {
                return Err(CoreError::validation(field, "Choose feeling words from the list."));
            }
            if !feelings.contains(&word) {
                feelings.push(word);
            }
        }
        if feelings.len() > MAX_FEELINGS {
            return Err(CoreError::validation(field, format!("Choose up to {MAX_FEELINGS} words.")));
        }
        Ok(Mood { mood: self.mood, feelings })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mood(m: u8, words: &[&str]) -> Mood {
        Mood { mood: m, feelings: words.iter().map(|w| w.to_string()).collect() }
    }

    #[test]
    fn moods_outside_one_to_five_are_refused() {
        for m in [0, 6, 255] {
            assert!(mood(m, &[]).cleaned("moodBefore").is_err(), "{m}");
        }
        for m in 1..=5 {
            assert_eq!(mood(m, &[]).cleaned("moodBefore").unwrap().mood, m);
        }
    }

    #[test]
    fn feeling_words_come_from_the_list_at_most_three_without_repeats() {
        assert_eq!(mood(3, &[" Calm", "calm", "tired"]).cleaned("m").unwrap().feelings, ["calm", "tired"]);
        assert!(mood(3, &["calm", "tired", "sad", "flat"]).cleaned("m").is_err());
        assert!(mood(3, &["<b>angry</b>"]).cleaned("m").is_err());
    }
}
