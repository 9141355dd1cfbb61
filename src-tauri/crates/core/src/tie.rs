//! Ties: the people and groups on a person's map, and the words that
//! describe them (circle, sector, support types).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A person, or a group such as a club or an online community.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TieKind {
    Person,
    Group,
}

/// How close a tie is, after the social convoy model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Circle {
    Inner,
    Middle,
    Outer,
}

/// The part of life a tie belongs to; the map groups ties by sector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    Family,
    Friends,
    WorkStudy,
    CommunityOnline,
    Care,
}

/// What a tie gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SupportType {
    Emotional,
    Practical,
    Encouragement,
    Inspiration,
    Belonging,
    Professional,
}

/// One tie as the UI sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Tie {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: TieKind,
    pub name: String,
    pub circle: Option<Circle>,
    pub sector: Option<Sector>,
    pub support_types: Vec<SupportType>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Set when the tie was moved to the archive; archived ties leave the
    /// map and every reminder but keep their history.
    pub archived_at: Option<DateTime<Utc>>,
}

/// Which ties a list should hold.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TieScope {
    /// Ties in the person's life now.
    #[default]
    Active,
    /// Only the archive.
    Archived,
    /// Everyone.
    All,
}

macro_rules! text_enum {
    ($ty:ty { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $ty {
            /// The stable text stored in the database.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }

            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some(Self::$variant),)+ _ => None }
            }
        }
    };
}

text_enum!(TieKind { Person => "person", Group => "group" });
text_enum!(Circle { Inner => "inner", Middle => "middle", Outer => "outer" });
text_enum!(Sector {
    Family => "family",
    Friends => "friends",
    WorkStudy => "work_study",
    CommunityOnline => "community_online",
    Care => "care",
});
text_enum!(SupportType {
    Emotional => "emotional",
    Practical => "practical",
    Encouragement => "encouragement",
    Inspiration => "inspiration",
    Belonging => "belonging",
    Professional => "professional",
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_text_matches_the_wire_text() {
        // The database and the UI must spell every value the same way.
        for s in [
            SupportType::Emotional,
            SupportType::Practical,
            SupportType::Encouragement,
            SupportType::Inspiration,
            SupportType::Belonging,
            SupportType::Professional,
        ] {
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
            assert_eq!(SupportType::parse(s.as_str()), Some(s));
        }
        for s in [Sector::Family, Sector::Friends, Sector::WorkStudy, Sector::CommunityOnline, Sector::Care] {
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        for c in [Circle::Inner, Circle::Middle, Circle::Outer] {
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
        }
        assert_eq!(Circle::parse("closest"), None);
    }
}
