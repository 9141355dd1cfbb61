//! The seven themes every prompt, insight and explanation is grounded in
//! (see PRODUCT.md). Insights link to a theme so the UI can offer a fitting
//! reflection.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Sharing what weighs on you with someone you trust.
    Emotional,
    /// Help with daily tasks, nudges and accountability.
    Practical,
    /// Bouncing back, and the hope that comes from others who did.
    Resilience,
    /// Warm contact, calm and the body's stress.
    Body,
    /// Talking openly about mental health without shame.
    Openness,
    /// Empathy, respect, reciprocity and boundaries.
    Quality,
    /// Online communities built around shared experience.
    Digital,
}

crate::tie::text_enum!(Theme {
    Emotional => "emotional",
    Practical => "practical",
    Resilience => "resilience",
    Body => "body",
    Openness => "openness",
    Quality => "quality",
    Digital => "digital",
});
