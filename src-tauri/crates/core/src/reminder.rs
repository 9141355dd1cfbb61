//! Reminders the person sets themselves (custom ones); reach-out, birthday,
//! reflection and intention reminders build on the same rules and ledger.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};
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

/// One notification for everything due at once: a single reminder shows
/// its own title and note; several are gathered under one title.
pub fn gathered_text(due: &[Reminder]) -> Option<(String, String)> {
    match due {
        [] => None,
        [one] => Some((one.title.clone(), one.note.clone())),
        many => {
            let titles: Vec<&str> = many.iter().map(|r| r.title.as_str()).collect();
            Some((format!("{} gentle reminders", many.len()), join_names(&titles)))
        }
    }
}

/// The one notification for a tick: custom reminders and ties it would be
/// nice to reach out to, gathered. Returns its kind, title and body.
pub fn gathered_notice(
    reminders: &[Reminder],
    reach_outs: &[crate::store::ReachOutDue],
) -> Option<(crate::notice::NoticeKind, String, String)> {
    use crate::notice::NoticeKind;
    let names: Vec<&str> = reach_outs.iter().map(|r| r.name.as_str()).collect();
    match (reminders.is_empty(), names.as_slice()) {
        (true, []) => None,
        (true, [one]) => Some((
            NoticeKind::ReachOut,
            format!("It might be nice to reach out to {one}"),
            "It's been a little while. A message or a call could be a lovely surprise.".to_owned(),
        )),
        (true, many) => Some((
            NoticeKind::ReachOut,
            format!("{} people you might like to reach out to", many.len()),
            join_names(many),
        )),
        (false, []) => gathered_text(reminders).map(|(t, b)| (NoticeKind::Custom, t, b)),
        (false, names) => {
            let mut items: Vec<String> = reminders.iter().map(|r| r.title.clone()).collect();
            items.push(format!("reaching out to {}", join_names(names)));
            let refs: Vec<&str> = items.iter().map(String::as_str).collect();
            Some((NoticeKind::Custom, format!("{} gentle reminders", reminders.len() + names.len()), join_names(&refs)))
        }
    }
}

#[cfg(test)]
mod gathering_tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::notice::NoticeKind;
    use crate::store::ReachOutDue;

    fn reminder(title: &str) -> Reminder {
        Reminder {
            id: 1,
            title: title.into(),
            note: "Note".into(),
            rule: Recurrence::Daily { at: None },
            enabled: true,
            created_at: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
            last_fired_due: None,
        }
    }

    fn tie(name: &str) -> ReachOutDue {
        ReachOutDue { tie_id: 1, name: name.into() }
    }

    #[test]
    fn one_notification_gathers_everything_due() {
        assert_eq!(gathered_notice(&[], &[]), None);
        let (kind, title, _) = gathered_notice(&[], &[tie("Sam")]).unwrap();
        assert_eq!((kind, title.as_str()), (NoticeKind::ReachOut, "It might be nice to reach out to Sam"));
        let (_, title, body) = gathered_notice(&[], &[tie("Sam"), tie("Ana"), tie("Ben")]).unwrap();
        assert_eq!((title.as_str(), body.as_str()), ("3 people you might like to reach out to", "Sam, Ana and Ben"));
        let (kind, title, body) = gathered_notice(&[reminder("Stretch")], &[]).unwrap();
        assert_eq!((kind, title.as_str(), body.as_str()), (NoticeKind::Custom, "Stretch", "Note"));
        let (_, title, body) = gathered_notice(&[reminder("Stretch")], &[tie("Sam"), tie("Ana")]).unwrap();
        assert_eq!(title, "3 gentle reminders");
        assert_eq!(body, "Stretch and reaching out to Sam and Ana");
        for text in [title, body] {
            assert!(!text.to_lowercase().contains("overdue"));
        }
    }
}
