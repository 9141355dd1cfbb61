//! Upcoming birthdays, for Today and (later) birthday reminders.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::tie::{Birthday, Tie};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UpcomingBirthday {
    pub tie_id: i64,
    pub name: String,
    /// The date it falls on this time.
    pub on: NaiveDate,
    /// Days from today (0 is today).
    pub in_days: i64,
    /// The age they turn, when the year of birth is known.
    pub turning: Option<i32>,
}

/// Birthdays of `ties` falling within `within_days` from `today`
/// (inclusive), soonest first. Archived ties are skipped. A 29 February
/// birthday is marked on 28 February in years without one.
pub fn upcoming_birthdays(ties: &[Tie], today: NaiveDate, within_days: i64) -> Vec<UpcomingBirthday> {
    let birthdays =
        ties.iter().filter(|t| t.archived_at.is_none()).filter_map(|t| Some((t.id, t.name.as_str(), t.birthday?)));
    birthdays_within(birthdays, today, within_days)
}

/// [`upcoming_birthdays`] of `(tie id, name, birthday)` triples, as the
/// reminders read them (active ties only, without the rest of a tie).
pub(crate) fn birthdays_within<'a>(
    birthdays: impl Iterator<Item = (i64, &'a str, Birthday)>,
    today: NaiveDate,
    within_days: i64,
) -> Vec<UpcomingBirthday> {
    let mut found: Vec<UpcomingBirthday> = birthdays
        .filter_map(|(tie_id, name, b)| {
            let on = next_occurrence(u32::from(b.month), u32::from(b.day), today)?;
            let in_days = (on - today).num_days();
            (in_days <= within_days).then(|| UpcomingBirthday {
                tie_id,
                name: name.to_owned(),
                on,
                in_days,
                turning: b.year.map(|y| on.year() - i32::from(y)).filter(|age| *age > 0),
            })
        })
        .collect();
    found.sort_by(|a, b| a.on.cmp(&b.on).then_with(|| a.name.cmp(&b.name)));
    found
}

fn in_year(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day).or_else(|| {
        // Only 29 February can be missing from a year.
        (month == 2 && day == 29).then(|| NaiveDate::from_ymd_opt(year, 2, 28)).flatten()
    })
}

fn next_occurrence(month: u32, day: u32, today: NaiveDate) -> Option<NaiveDate> {
    let this_year = in_year(today.year(), month, day)?;
    if this_year >= today {
        Some(this_year)
    } else {
        in_year(today.year() + 1, month, day)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::tie::Birthday;

    fn tie(id: i64, name: &str, day: u8, month: u8, year: Option<u16>) -> Tie {
        Tie::test_person(id, name, Some(Birthday { day, month, year }))
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn soonest_first_within_the_window_including_today() {
        let ties = [
            tie(1, "Ana", 30, 11, Some(1990)),
            tie(2, "Ben", 25, 11, None),
            tie(3, "Cy", 10, 12, None),
            tie(4, "Dee", 24, 11, None),
        ];
        let got = upcoming_birthdays(&ties, date(2026, 11, 25), 14);
        let names: Vec<_> = got.iter().map(|b| (b.name.as_str(), b.in_days)).collect();
        assert_eq!(names, [("Ben", 0), ("Ana", 5)]);
        assert_eq!(got[1].turning, Some(36));
        assert_eq!(got[0].turning, None);
    }

    #[test]
    fn the_window_wraps_into_the_new_year() {
        let got = upcoming_birthdays(&[tie(1, "Ana", 3, 1, None)], date(2026, 12, 28), 14);
        assert_eq!(got[0].on, date(2027, 1, 3));
        assert_eq!(got[0].in_days, 6);
    }

    #[test]
    fn a_leap_day_birthday_falls_on_the_28th_in_other_years() {
        let got = upcoming_birthdays(&[tie(1, "Lee", 29, 2, Some(2000))], date(2027, 2, 20), 14);
        assert_eq!(got[0].on, date(2027, 2, 28));
        assert_eq!(got[0].turning, Some(27));
        let leap = upcoming_birthdays(&[tie(1, "Lee", 29, 2, None)], date(2028, 2, 20), 14);
        assert_eq!(leap[0].on, date(2028, 2, 29));
    }

    #[test]
    fn archived_ties_are_left_out() {
        let mut gone = tie(1, "Ana", 26, 11, None);
        gone.archived_at = Some(Utc.with_ymd_and_hms(2026, 5, 1, 0, 0, 0).unwrap());
        assert!(upcoming_birthdays(&[gone], date(2026, 11, 25), 14).is_empty());
    }
}
