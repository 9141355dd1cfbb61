//! Reminders as an iCalendar (.ics) file, for people who live in their
//! calendar: custom reminders with their repeat rules, birthdays as yearly
//! all-day events, dated intentions, and the reflection schedule. Times are
//! written in the person's zone (`TZID`), so a calendar shows them at the
//! same wall-clock time Kindred would.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike};

use crate::reminder::Reminder;
use crate::reminder_settings::ReminderSettings;
use crate::schedule::{Recurrence, Tz, Weekday};
use crate::tie::Tie;

/// Everything the calendar file is made from.
pub struct CalendarInput<'a> {
    pub reminders: &'a [Reminder],
    /// Active ties (those with a birthday become yearly events).
    pub ties: &'a [Tie],
    /// Open intentions with a day: (id, text, day, "HH:MM" time).
    pub intentions: &'a [(i64, String, NaiveDate, Option<String>)],
    pub settings: &'a ReminderSettings,
    pub tz: Tz,
    pub now: DateTime<Utc>,
}

/// The `.ics` text.
pub fn calendar(input: &CalendarInput<'_>) -> String {
    let mut cal = Calendar::new();
    cal.name("Kindred");
    let at = |t: Option<NaiveTime>| t.unwrap_or(input.settings.preferred_time);
    let stamp = input.now;
    let local = |day: NaiveDate, time: NaiveTime| (NaiveDateTime::new(day, time), input.tz);

    for r in input.reminders.iter().filter(|r| r.enabled) {
        let (start, rule) = match &r.rule {
            Recurrence::Once { on, at: t } => (local(*on, at(*t)), None),
            Recurrence::Daily { at: t } => {
                (local(r.created_at.with_timezone(&input.tz).date_naive(), at(*t)), Some("FREQ=DAILY".to_owned()))
            }
            Recurrence::Weekly { days, at: t } => (
                local(r.created_at.with_timezone(&input.tz).date_naive(), at(*t)),
                Some(format!("FREQ=WEEKLY;BYDAY={}", days.iter().map(|d| byday(*d)).collect::<Vec<_>>().join(","))),
            ),
            Recurrence::EveryNDays { n, start, at: t } => {
                (local(*start, at(*t)), Some(format!("FREQ=DAILY;INTERVAL={n}")))
            }
            // Kindred moves the 29th–31st to the last day of shorter
            // months; BYSETPOS=-1 over the candidate days says the same.
            Recurrence::Monthly { day, at: t } => (
                local(r.created_at.with_timezone(&input.tz).date_naive(), at(*t)),
                Some(if *day >= 29 {
                    let days: Vec<String> = (28..=*day).map(|d| d.to_string()).collect();
                    format!("FREQ=MONTHLY;BYMONTHDAY={};BYSETPOS=-1", days.join(","))
                } else {
                    format!("FREQ=MONTHLY;BYMONTHDAY={day}")
                }),
            ),
        };
        let mut event = Event::new();
        event.uid(&format!("reminder-{}@kindred.local", r.id)).timestamp(stamp).summary(&r.title).starts(start);
        if !r.note.is_empty() {
            event.description(&r.note);
        }
        if let Some(rule) = rule {
            event.add_property("RRULE", rule);
        }
        cal.push(event.done());
    }

    if input.settings.birthdays {
        for t in input.ties.iter().filter(|t| t.archived_at.is_none()) {
            let Some(b) = t.birthday else { continue };
            // A year that has the day (2000 is a leap year, for 29 February).
            let Some(first) =
                NaiveDate::from_ymd_opt(i32::from(b.year.unwrap_or(2000)), u32::from(b.month), u32::from(b.day))
            else {
                continue;
            };
            let mut event = Event::new();
            event
                .uid(&format!("birthday-{}@kindred.local", t.id))
                .timestamp(stamp)
                .summary(&format!("{}'s birthday", t.name))
                .all_day(first)
                .add_property("RRULE", "FREQ=YEARLY");
            cal.push(event.done());
        }
    }

    if input.settings.intentions {
        for (id, text, day, time) in input.intentions {
            let time = time.as_deref().and_then(|t| NaiveTime::parse_from_str(t, "%H:%M").ok());
            let mut event = Event::new();
            event
                .uid(&format!("intention-{id}@kindred.local"))
                .timestamp(stamp)
                .summary(text)
                .starts(local(*day, at(time)));
            cal.push(event.done());
        }
    }

    if let Some(schedule) = &input.settings.reflection {
        let since = schedule.since.unwrap_or(input.now).with_timezone(&input.tz).date_naive();
        let mut event = Event::new();
        event
            .uid("reflection@kindred.local")
            .timestamp(stamp)
            .summary("A few minutes to reflect")
            .starts(local(since, schedule.at))
            .add_property(
                "RRULE",
                format!("FREQ=WEEKLY;BYDAY={}", schedule.days.iter().map(|d| byday(*d)).collect::<Vec<_>>().join(",")),
            );
        cal.push(event.done());
    }
    cal.done().to_string()
}

fn byday(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "MO",
        Weekday::Tuesday => "TU",
        Weekday::Wednesday => "WE",
        Weekday::Thursday => "TH",
        Weekday::Friday => "FR",
        Weekday::Saturday => "SA",
        Weekday::Sunday => "SU",
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::reminder_settings::ReflectionSchedule;
    use crate::tie::Birthday;

    fn reminder(id: i64, title: &str, rule: Recurrence) -> Reminder {
        Reminder {
            id,
            title: title.into(),
            note: "A note, with; commas".into(),
            rule,
            enabled: true,
            created_at: Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap(),
            last_fired_due: None,
        }
    }

    fn tie(name: &str, birthday: Option<Birthday>) -> Tie {
        Tie::test_person(7, name, birthday)
    }

    /// The text with RFC 5545 line folding undone.
    fn unfolded(ics: &str) -> String {
        ics.replace("\r\n ", "")
    }

    #[test]
    fn reminders_birthdays_intentions_and_reflection_become_events() {
        let hm = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        let reminders = [
            reminder(1, "Stretch", Recurrence::Daily { at: hm(10, 0) }),
            reminder(2, "Choir", Recurrence::Weekly { days: vec![Weekday::Monday, Weekday::Thursday], at: None }),
            reminder(3, "Rent", Recurrence::Monthly { day: 31, at: hm(8, 30) }),
            reminder(
                4,
                "Call Gran",
                Recurrence::Once { on: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(), at: hm(18, 0) },
            ),
        ];
        let ties = [tie("Mina", Some(Birthday { day: 29, month: 2, year: None })), tie("Jo", None)];
        let intentions =
            [(5, "Ring Ana".to_owned(), NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(), Some("18:30".to_owned()))];
        let settings = ReminderSettings {
            reflection: Some(ReflectionSchedule {
                days: vec![Weekday::Sunday],
                at: NaiveTime::from_hms_opt(19, 0, 0).unwrap(),
                since: None,
            }),
            ..Default::default()
        };
        let ics = calendar(&CalendarInput {
            reminders: &reminders,
            ties: &ties,
            intentions: &intentions,
            settings: &settings,
            tz: chrono_tz::Europe::London,
            now: Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap(),
        });
        let text = unfolded(&ics);
        assert!(text.starts_with("BEGIN:VCALENDAR"));
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 7, "{text}");
        assert!(text.contains("RRULE:FREQ=DAILY"));
        assert!(text.contains("RRULE:FREQ=WEEKLY;BYDAY=MO,TH"));
        assert!(text.contains("RRULE:FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"));
        assert!(text.contains("DTSTART;TZID=Europe/London:20261201T180000"));
        assert!(text.contains("SUMMARY:Mina's birthday"));
        assert!(text.contains("DTSTART;VALUE=DATE:20000229"));
        assert!(text.contains("RRULE:FREQ=YEARLY"));
        assert!(text.contains("SUMMARY:Ring Ana"));
        assert!(text.contains("RRULE:FREQ=WEEKLY;BYDAY=SU"));
        assert!(text.contains("DESCRIPTION:A note\\, with\\; commas"), "escaped: {text}");
        assert!(!text.contains("Jo's birthday"));
        assert!(ics.lines().all(|l| l.len() <= 75), "lines folded at 75 octets");
    }
}
