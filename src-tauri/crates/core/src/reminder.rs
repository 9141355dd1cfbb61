//! Reminders the person sets themselves (custom ones); reach-out, birthday,
//! reflection and intention reminders build on the same rules and ledger.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};
use crate::notice::NoticeKind;
use crate::schedule::Recurrence;
use crate::tie::clean_long_text;
use crate::words::join_names;

pub const REMINDER_TITLE_MAX_CHARS: usize = 120;
pub const REMINDER_NOTE_MAX_CHARS: usize = 1_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReminderDraft {
    pub title: String,
    #[serde(default)]
    pub note: String,
    pub rule: Recurrence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    pub id: i64,
    pub title: String,
    pub note: String,
    pub rule: Recurrence,
    pub enabled: bool,
    pub created_at: DateTime<Utc>,
    /// The due instant of the last occurrence already delivered.
    pub last_fired_due: Option<DateTime<Utc>>,
}

impl ReminderDraft {
    pub fn cleaned(mut self) -> CoreResult<Self> {
        let title = self.title.trim();
        if title.is_empty() {
            return Err(CoreError::validation(
                "title",
                "Please give the reminder a few words, so you know what it's for.",
            ));
        }
        if title.chars().count() > REMINDER_TITLE_MAX_CHARS {
            return Err(CoreError::validation(
                "title",
                format!("Titles can be up to {REMINDER_TITLE_MAX_CHARS} characters; the note below has room for more."),
            ));
        }
        if title.chars().any(char::is_control) {
            return Err(CoreError::validation(
                "title",
                "Titles can't contain line breaks or other control characters.",
            ));
        }
        self.title = title.to_owned();
        self.note = clean_long_text("note", &self.note, REMINDER_NOTE_MAX_CHARS)?;
        self.rule.validate()?;
        Ok(self)
    }
}

/// Something that came round on one tick, ready to be gathered with the
/// rest into one notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DueItem {
    Custom {
        title: String,
        note: String,
    },
    ReachOut {
        tie_id: i64,
        name: String,
    },
    /// `in_days` 0 is the day itself.
    Birthday {
        tie_id: i64,
        name: String,
        in_days: i64,
    },
    Intention {
        id: i64,
        text: String,
    },
    Reflection,
}

impl DueItem {
    fn kind(&self) -> NoticeKind {
        match self {
            DueItem::Custom { .. } => NoticeKind::Custom,
            DueItem::ReachOut { .. } => NoticeKind::ReachOut,
            DueItem::Birthday { .. } => NoticeKind::Birthday,
            DueItem::Intention { .. } => NoticeKind::Intention,
            DueItem::Reflection => NoticeKind::Reflection,
        }
    }

    /// A short phrase for a gathered list ("Sam's birthday today").
    fn phrase(&self) -> String {
        match self {
            DueItem::Custom { title, .. } => title.clone(),
            DueItem::ReachOut { name, .. } => format!("reaching out to {name}"),
            DueItem::Birthday { name, in_days, .. } => format!("{name}'s birthday {}", when(*in_days)),
            DueItem::Intention { text, .. } => text.clone(),
            DueItem::Reflection => "a few minutes to reflect".to_owned(),
        }
    }
}

fn when(in_days: i64) -> String {
    match in_days {
        0 => "today".to_owned(),
        1 => "tomorrow".to_owned(),
        n => format!("in {n} days"),
    }
}

/// The one notification for everything due on a tick. One thing shows in
/// its own words; several of one kind are gathered under one title ("3
/// people you might like to reach out to: Sam, Ana and Ben"); a mixture
/// becomes "N gentle reminders" with each named. Returns kind, title, body.
pub fn gathered_notice(items: &[DueItem]) -> Option<(NoticeKind, String, String)> {
    let first = items.first()?;
    let same_kind = items.iter().all(|i| i.kind() == first.kind());
    if let [one] = items {
        let (title, body) = match one {
            DueItem::Custom { title, note } => (title.clone(), note.clone()),
            DueItem::ReachOut { name, .. } => (
                format!("It might be nice to reach out to {name}"),
                "It's been a little while. A message or a call could be a lovely surprise.".to_owned(),
            ),
            DueItem::Birthday { name, in_days: 0, .. } => {
                (format!("It's {name}'s birthday today"), "A few warm words can mean a lot.".to_owned())
            }
            DueItem::Birthday { name, in_days, .. } => (
                format!("{name}'s birthday is {}", when(*in_days)),
                "A little notice, in case you'd like to send something or plan a call.".to_owned(),
            ),
            DueItem::Intention { text, .. } => ("Something you meant to do".to_owned(), text.clone()),
            DueItem::Reflection => (
                "A moment to reflect".to_owned(),
                "A few quiet minutes with Kindred, whenever suits you today.".to_owned(),
            ),
        };
        return Some((one.kind(), title, body));
    }
    let n = items.len();
    let (kind, title, body) = match first {
        DueItem::ReachOut { .. } if same_kind => {
            let names: Vec<&str> = items
                .iter()
                .filter_map(|i| match i {
                    DueItem::ReachOut { name, .. } => Some(name.as_str()),
                    _ => None,
                })
                .collect();
            (NoticeKind::ReachOut, format!("{n} people you might like to reach out to"), join_names(&names))
        }
        DueItem::Birthday { .. } if same_kind => {
            let phrases: Vec<String> = items.iter().map(DueItem::phrase).collect();
            let refs: Vec<&str> = phrases.iter().map(String::as_str).collect();
            (NoticeKind::Birthday, format!("{n} birthdays coming up"), capitalised(&join_names(&refs)))
        }
        _ => {
            // Everyone to reach out to goes in one phrase.
            let names: Vec<&str> = items
                .iter()
                .filter_map(|i| match i {
                    DueItem::ReachOut { name, .. } => Some(name.as_str()),
                    _ => None,
                })
                .collect();
            let mut phrases: Vec<String> =
                items.iter().filter(|i| !matches!(i, DueItem::ReachOut { .. })).map(DueItem::phrase).collect();
            if !names.is_empty() {
                phrases.push(format!("reaching out to {}", join_names(&names)));
            }
            let refs: Vec<&str> = phrases.iter().map(String::as_str).collect();
            let kind = if same_kind { first.kind() } else { NoticeKind::Custom };
            (kind, format!("{n} gentle reminders"), capitalised(&join_names(&refs)))
        }
    };
    Some((kind, title, body))
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod gathering_tests {
    use super::*;

    fn custom(title: &str) -> DueItem {
        DueItem::Custom { title: title.into(), note: "Note".into() }
    }

    fn tie(name: &str) -> DueItem {
        DueItem::ReachOut { tie_id: 1, name: name.into() }
    }

    fn birthday(name: &str, in_days: i64) -> DueItem {
        DueItem::Birthday { tie_id: 2, name: name.into(), in_days }
    }

    #[test]
    fn one_notification_gathers_everything_due() {
        assert_eq!(gathered_notice(&[]), None);
        let (kind, title, _) = gathered_notice(&[tie("Sam")]).unwrap();
        assert_eq!((kind, title.as_str()), (NoticeKind::ReachOut, "It might be nice to reach out to Sam"));
        let (_, title, body) = gathered_notice(&[tie("Sam"), tie("Ana"), tie("Ben")]).unwrap();
        assert_eq!((title.as_str(), body.as_str()), ("3 people you might like to reach out to", "Sam, Ana and Ben"));
        let (kind, title, body) = gathered_notice(&[custom("Stretch")]).unwrap();
        assert_eq!((kind, title.as_str(), body.as_str()), (NoticeKind::Custom, "Stretch", "Note"));
        let (kind, title, body) = gathered_notice(&[custom("Stretch"), tie("Sam"), tie("Ana")]).unwrap();
        assert_eq!((kind, title.as_str()), (NoticeKind::Custom, "3 gentle reminders"));
        assert_eq!(body, "Stretch and reaching out to Sam and Ana");
    }

    #[test]
    fn birthdays_intentions_and_reflection_have_their_own_words() {
        let (kind, title, _) = gathered_notice(&[birthday("Mina", 0)]).unwrap();
        assert_eq!((kind, title.as_str()), (NoticeKind::Birthday, "It's Mina's birthday today"));
        assert_eq!(gathered_notice(&[birthday("Mina", 1)]).unwrap().1, "Mina's birthday is tomorrow");
        let (_, title, body) = gathered_notice(&[birthday("Mina", 0), birthday("Jo", 3)]).unwrap();
        assert_eq!(
            (title.as_str(), body.as_str()),
            ("2 birthdays coming up", "Mina's birthday today and Jo's birthday in 3 days")
        );
        let (kind, _, body) = gathered_notice(&[DueItem::Intention { id: 1, text: "Call Ana".into() }]).unwrap();
        assert_eq!((kind, body.as_str()), (NoticeKind::Intention, "Call Ana"));
        let (_, title, body) = gathered_notice(&[DueItem::Reflection, tie("Sam")]).unwrap();
        assert_eq!(
            (title.as_str(), body.as_str()),
            ("2 gentle reminders", "A few minutes to reflect and reaching out to Sam")
        );
        for items in [vec![DueItem::Reflection], vec![birthday("A", 2)], vec![tie("B"), custom("C")]] {
            let (_, title, body) = gathered_notice(&items).unwrap();
            for word in ["overdue", "should", "forgot", "late"] {
                assert!(!title.to_lowercase().contains(word) && !body.to_lowercase().contains(word), "{title} {body}");
            }
        }
    }
}
