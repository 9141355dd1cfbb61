//! Ties: the people and groups on a person's map, and the words that
//! describe them (circle, sector, support types).

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};
use crate::names::clean_name;

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

impl SupportType {
    /// Every support type, in the order the UI lists them.
    pub const ALL: [SupportType; 6] = [
        SupportType::Emotional,
        SupportType::Practical,
        SupportType::Encouragement,
        SupportType::Inspiration,
        SupportType::Belonging,
        SupportType::Professional,
    ];
}

/// How a tie usually feels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Feel {
    Energising,
    Mixed,
    Draining,
}

/// What kind of group a group tie is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    PeerSupport,
    ClubOrClass,
    Faith,
    Online,
    Other,
}

/// How often the person would like to be nudged to reach out to a tie.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum Cadence {
    /// Follow the default of the tie's circle (a setting).
    #[default]
    Circle,
    /// Every `days` days.
    Custom { days: u16 },
    /// No reach-out nudges for this tie.
    Off,
}

impl Cadence {
    /// The two columns it is stored in: the mode's word and, for a custom
    /// rhythm, its days.
    pub(crate) fn to_columns(self) -> (&'static str, Option<u16>) {
        match self {
            Cadence::Circle => ("circle", None),
            Cadence::Custom { days } => ("custom", Some(days)),
            Cadence::Off => ("off", None),
        }
    }

    /// Back from those columns; anything unexpected reads as the circle's.
    pub(crate) fn from_columns(mode: Option<&str>, days: Option<u16>) -> Cadence {
        match (mode, days) {
            (Some("custom"), Some(days)) => Cadence::Custom { days },
            (Some("off"), _) => Cadence::Off,
            _ => Cadence::Circle,
        }
    }
}

/// A birthday: day and month, the year only if the person knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Birthday {
    pub day: u8,
    pub month: u8,
    pub year: Option<u16>,
}

impl Birthday {
    /// From its stored columns: a birthday needs both day and month.
    pub(crate) fn from_columns(day: Option<u8>, month: Option<u8>, year: Option<u16>) -> Option<Birthday> {
        Some(Birthday { day: day?, month: month?, year })
    }
}

/// One tie as the UI sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Tie {
    pub id: i64,
    pub kind: TieKind,
    pub group_kind: Option<GroupKind>,
    pub name: String,
    pub circle: Option<Circle>,
    pub sector: Option<Sector>,
    pub support_types: Vec<SupportType>,
    pub cadence: Cadence,
    pub birthday: Option<Birthday>,
    pub notes: String,
    /// Something to bring up next time.
    pub next_time_note: String,
    /// How the tie usually feels, from the latest quality check.
    pub feel: Option<Feel>,
    /// The day of the latest contact (when it happened, not when it was
    /// logged), if any.
    pub last_contact_on: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Set when the tie was moved to the archive; archived ties leave the
    /// map and every reminder but keep their history.
    pub archived_at: Option<DateTime<Utc>>,
}

/// Everything about a tie that the person edits, as one form. Used to
/// create a tie and to save changes to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TieDraft {
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
}

pub const NOTES_MAX_CHARS: usize = 5_000;
pub const NEXT_TIME_MAX_CHARS: usize = 1_000;
/// A year is the longest cadence that still means "keep in touch".
pub const CADENCE_MAX_DAYS: u16 = 365;

#[cfg(test)]
impl Tie {
    /// A person as the store would return them, for tests that need a
    /// whole `Tie` without a database.
    pub(crate) fn test_person(id: i64, name: &str, birthday: Option<Birthday>) -> Self {
        let draft = TieDraft { birthday, ..TieDraft::person(name) };
        let at = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 1, 1, 0, 0, 0).unwrap();
        Self {
            id,
            kind: draft.kind,
            group_kind: draft.group_kind,
            name: draft.name,
            circle: draft.circle,
            sector: draft.sector,
            support_types: draft.support_types,
            cadence: draft.cadence,
            birthday: draft.birthday,
            notes: draft.notes,
            next_time_note: draft.next_time_note,
            feel: None,
            last_contact_on: None,
            created_at: at,
            updated_at: at,
            archived_at: None,
        }
    }
}

impl TieDraft {
    /// A person with just a name, as the quick "add someone" form makes.
    pub fn person(name: impl Into<String>) -> Self {
        Self {
            kind: TieKind::Person,
            group_kind: None,
            name: name.into(),
            circle: None,
            sector: None,
            support_types: Vec::new(),
            cadence: Cadence::Circle,
            birthday: None,
            notes: String::new(),
            next_time_note: String::new(),
        }
    }

    /// Checks every field and returns the draft tidied (trimmed name and
    /// notes, support types sorted without repeats). `today` bounds a
    /// birthday's year.
    pub fn cleaned(mut self, today: NaiveDate) -> CoreResult<Self> {
        self.name = clean_name(&self.name)?;
        if self.kind == TieKind::Person && self.group_kind.is_some() {
            return Err(CoreError::validation("groupKind", "Only groups have a group kind."));
        }
        self.support_types.sort();
        self.support_types.dedup();
        if let Cadence::Custom { days } = self.cadence {
            if !(1..=CADENCE_MAX_DAYS).contains(&days) {
                return Err(CoreError::validation(
                    "cadence",
                    format!("Choose a rhythm between every day and once a year ({CADENCE_MAX_DAYS} days)."),
                ));
            }
        }
        if let Some(birthday) = self.birthday {
            check_birthday(birthday, today)?;
        }
        self.notes = clean_long_text("notes", &self.notes, NOTES_MAX_CHARS)?;
        self.next_time_note = clean_long_text("nextTimeNote", &self.next_time_note, NEXT_TIME_MAX_CHARS)?;
        Ok(self)
    }
}

/// Whether a birth year is one a person's page accepts: 1900 to this year.
pub(crate) fn birth_year_fits(year: u16, today: NaiveDate) -> bool {
    (1900..=today.year()).contains(&i32::from(year))
}

fn check_birthday(b: Birthday, today: NaiveDate) -> CoreResult<()> {
    if let Some(year) = b.year {
        if !birth_year_fits(year, today) {
            return Err(CoreError::validation(
                "birthday",
                format!("The year should be between 1900 and {}. You can also leave it out.", today.year()),
            ));
        }
    }
    // Without a year, 29 February is a real birthday; with one, the date
    // must exist in that year.
    let year = b.year.map(i32::from).unwrap_or(2000);
    if NaiveDate::from_ymd_opt(year, u32::from(b.month), u32::from(b.day)).is_none() {
        return Err(CoreError::validation(
            "birthday",
            "That date doesn't exist in the calendar. Please check the day and month.",
        ));
    }
    Ok(())
}

/// Trims free text and checks its length. Line breaks are welcome here;
/// other control characters (which only arrive by accident) are removed.
pub(crate) fn clean_long_text(field: &'static str, raw: &str, max: usize) -> CoreResult<String> {
    let text: String = raw.trim().chars().filter(|c| !c.is_control() || *c == '\n' || *c == '\t').collect();
    let count = text.chars().count();
    if count > max {
        return Err(CoreError::validation(
            field,
            format!("This is {count} characters long; it can hold up to {max}. Could you shorten it a little?"),
        ));
    }
    Ok(text)
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

/// Gives an enum its stable database text (`as_str`) and the way back
/// (`parse`); the text matches the serde wire names.
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

pub(crate) use text_enum;

text_enum!(TieKind { Person => "person", Group => "group" });
text_enum!(Feel { Energising => "energising", Mixed => "mixed", Draining => "draining" });
text_enum!(GroupKind {
    PeerSupport => "peer_support",
    ClubOrClass => "club_or_class",
    Faith => "faith",
    Online => "online",
    Other => "other",
});
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
        for s in SupportType::ALL {
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
