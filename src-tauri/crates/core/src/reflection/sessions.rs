//! Guided sessions: a handful of prompts, one at a time, with a warm title
//! and a short intro. One per theme, plus a weekly check-in across themes.

use serde::Serialize;
use ts_rs::TS;

use super::prompts::{prompt, Prompt};
use crate::theme::Theme;

/// A guided reflection session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Guide {
    pub id: &'static str,
    pub title: &'static str,
    /// One or two sentences shown before the first prompt.
    pub intro: &'static str,
    /// The theme every prompt belongs to; `None` for a session across themes.
    pub theme: Option<Theme>,
    /// The prompts, in the order they are asked (3 to 5).
    pub prompt_ids: &'static [&'static str],
}

impl Guide {
    /// The guide's prompts, in order.
    pub fn prompts(&self) -> impl Iterator<Item = &'static Prompt> + '_ {
        self.prompt_ids.iter().filter_map(|id| prompt(id))
    }
}

/// The guide with this id.
pub fn guide(id: &str) -> Option<&'static Guide> {
    GUIDES.iter().find(|g| g.id == id)
}

/// The guided session for one theme (what an insight links to).
pub fn guide_for_theme(theme: Theme) -> Option<&'static Guide> {
    GUIDES.iter().find(|g| g.theme == Some(theme))
}

/// Every guided session: the weekly check-in first, then one per theme.
pub static GUIDES: &[Guide] = &[
    Guide {
        id: "weekly-check-in",
        title: "Weekly check-in",
        intro: "A gentle look back at your week: how you are, and who has been around you.",
        theme: None,
        prompt_ids: &["emotional-01", "body-05", "quality-01", "resilience-05", "practical-10"],
    },
    Guide {
        id: "emotional",
        title: "Lighten the load",
        intro: "A few quiet questions about what you're carrying, and who could help you hold it.",
        theme: Some(Theme::Emotional),
        prompt_ids: &["emotional-01", "emotional-04", "emotional-03", "emotional-08"],
    },
    Guide {
        id: "practical",
        title: "A hand with the everyday",
        intro: "A little practical help can make a busy week feel smaller. Let's see where some might fit.",
        theme: Some(Theme::Practical),
        prompt_ids: &["practical-01", "practical-04", "practical-05", "practical-10"],
    },
    Guide {
        id: "resilience",
        title: "Looking back, looking forward",
        intro: "You have come through hard things before. Let's notice who and what helped.",
        theme: Some(Theme::Resilience),
        prompt_ids: &["resilience-01", "resilience-03", "resilience-02", "resilience-05"],
    },
    Guide {
        id: "body",
        title: "Calm company",
        intro: "Time with people we feel safe with can settle the body. Let's notice how that is for you.",
        theme: Some(Theme::Body),
        prompt_ids: &["body-01", "body-02", "body-05", "body-06"],
    },
    Guide {
        id: "openness",
        title: "Speaking openly",
        intro: "Talking about how we really are can get easier, one small step at a time. Go at your own pace.",
        theme: Some(Theme::Openness),
        prompt_ids: &["openness-01", "openness-03", "openness-04", "openness-10"],
    },
    Guide {
        id: "quality",
        title: "Connections that feel good",
        intro:
            "Not every connection feels the same. Let's look kindly at the ones that lift you and the ones that weigh.",
        theme: Some(Theme::Quality),
        prompt_ids: &["quality-01", "quality-03", "quality-02", "quality-08"],
    },
    Guide {
        id: "digital",
        title: "Your online spaces",
        intro: "Online places can be a real source of belonging. Let's notice which ones do you good.",
        theme: Some(Theme::Digital),
        prompt_ids: &["digital-01", "digital-02", "digital-04", "digital-06"],
    },
];

/// Everyday words for "how are you arriving?", pleasant ones first.
pub const FEELING_WORDS: &[&str] = &[
    "calm",
    "content",
    "grateful",
    "hopeful",
    "cheerful",
    "proud",
    "loved",
    "relieved",
    "curious",
    "peaceful",
    "tired",
    "lonely",
    "tense",
    "worried",
    "sad",
    "restless",
    "overwhelmed",
    "flat",
    "frustrated",
    "unsettled",
];
