//! When a reminder comes round: a rule in the person's own wall-clock time
//! ("every Tuesday at 19:00", "on the 31st of each month"), turned into
//! instants in a named zone so daylight saving is always right.
//!
//! Two rules worth knowing:
//!
//! - **Month ends.** A monthly reminder on the 29th, 30th or 31st falls on
//!   the last day of any shorter month: the 31st becomes 30 April, and
//!   28 February (29 February in a leap year). A month is never skipped.
//! - **Daylight saving.** A time the clock skips fires at the first instant
//!   after the gap (02:30 → 03:00 on a night the clock jumps from 02:00 to
//!   03:00); a time the clock shows twice fires once, at the earlier of the
//!   two. See [`super::local`].

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::local::{resolve_local, wall_clock};
use crate::error::{CoreError, CoreResult};

/// A year is the longest gap that still reads as a rhythm (the same bound
/// as a reach-out cadence).
pub const EVERY_N_DAYS_MAX: u16 = 365;

/// A day of the week. Our own type so the wire format is plain words
/// (`"monday"`), whatever chrono's serde does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl From<Weekday> for chrono::Weekday {
    fn from(day: Weekday) -> Self {
        match day {
            Weekday::Monday => chrono::Weekday::Mon,
            Weekday::Tuesday => chrono::Weekday::Tue,
            Weekday::Wednesday => chrono::Weekday::Wed,
            Weekday::Thursday => chrono::Weekday::Thu,
            Weekday::Friday => chrono::Weekday::Fri,
            Weekday::Saturday => chrono::Weekday::Sat,
            Weekday::Sunday => chrono::Weekday::Sun,
        }
    }
}

impl From<chrono::Weekday> for Weekday {
    fn from(day: chrono::Weekday) -> Self {
        match day {
            chrono::Weekday::Mon => Weekday::Monday,
            chrono::Weekday::Tue => Weekday::Tuesday,
            chrono::Weekday::Wed => Weekday::Wednesday,
            chrono::Weekday::Thu => Weekday::Thursday,
            chrono::Weekday::Fri => Weekday::Friday,
            chrono::Weekday::Sat => Weekday::Saturday,
            chrono::Weekday::Sun => Weekday::Sunday,
        }
    }
}

/// When a reminder comes round, in the person's local time.
///
/// `at: None` means "date only": it fires at the person's preferred time of
/// day (a setting), so changing that setting moves every such reminder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Recurrence {
    /// Once, on one day.
    Once {
        on: NaiveDate,
        #[serde(default)]
        at: Option<NaiveTime>,
    },
    /// Every day.
    Daily {
        #[serde(default)]
        at: Option<NaiveTime>,
    },
    /// On the chosen days of each week.
    Weekly {
        days: Vec<Weekday>,
        #[serde(default)]
        at: Option<NaiveTime>,
    },
    /// Every `n` days, counted from `start` (which is the first occurrence).
    EveryNDays {
        n: u16,
        start: NaiveDate,
        #[serde(default)]
        at: Option<NaiveTime>,
    },
    /// On one day of each month; the 29th to 31st fall on the last day of
    /// shorter months.
    Monthly {
        day: u8,
        #[serde(default)]
        at: Option<NaiveTime>,
    },
}

impl Recurrence {
    /// Checks the rule. Errors name the field the UI shows (`n`, `days`,
    /// `day`) and say what would work instead.
    pub fn validate(&self) -> CoreResult<()> {
        match self {
            Recurrence::EveryNDays { n, .. } if !(1..=EVERY_N_DAYS_MAX).contains(n) => Err(CoreError::validation(
                "n",
                format!("Choose how many days apart, from every day (1) to once a year ({EVERY_N_DAYS_MAX})."),
            )),
            Recurrence::Weekly { days, .. } if days.is_empty() => {
                Err(CoreError::validation("days", "Choose at least one day of the week."))
            }
            Recurrence::Monthly { day, .. } if !(1..=31).contains(day) => {
                Err(CoreError::validation("day", "Choose a day of the month from 1 to 31."))
            }
            _ => Ok(()),
        }
    }

    /// The time of day the rule was given, if any (`None`: date only).
    pub fn at(&self) -> Option<NaiveTime> {
        match self {
            Recurrence::Once { at, .. }
            | Recurrence::Daily { at }
            | Recurrence::Weekly { at, .. }
            | Recurrence::EveryNDays { at, .. }
            | Recurrence::Monthly { at, .. } => *at,
        }
    }

    /// The wall-clock time it fires at: its own, or the preferred one.
    pub fn time_of_day(&self, preferred: NaiveTime) -> NaiveTime {
        self.at().unwrap_or(preferred)
    }

    /// Whether the rule comes round on this local date. An invalid rule
    /// (which [`Recurrence::validate`] refuses) never does.
    pub fn occurs_on(&self, date: NaiveDate) -> bool {
        match self {
            Recurrence::Once { on, .. } => *on == date,
            Recurrence::Daily { .. } => true,
            Recurrence::Weekly { days, .. } => days.contains(&date.weekday().into()),
            Recurrence::EveryNDays { n, start, .. } => {
                *n > 0 && date >= *start && (date - *start).num_days() % i64::from(*n) == 0
            }
            Recurrence::Monthly { day, .. } => {
                (1..=31).contains(day) && monthly_date(date.year(), date.month(), *day) == Some(date)
            }
        }
    }

    /// The first occurrence strictly after `after`, or `None` when there is
    /// none (a one-off already past, or an invalid rule).
    pub fn next_after(&self, after: DateTime<Utc>, tz: Tz, preferred: NaiveTime) -> Option<DateTime<Utc>> {
        let time = self.time_of_day(preferred);
        // Two days back covers an occurrence pushed forward past midnight by
        // a daylight-saving gap; earlier dates always resolve before `after`.
        let today = wall_clock(after, tz).date();
        let mut date = self.first_on_or_after(today.checked_sub_days(Days::new(2)).unwrap_or(today))?;
        loop {
            let at = resolve_local(date, time, tz);
            if at > after {
                return Some(at);
            }
            date = self.first_on_or_after(date.succ_opt()?)?;
        }
    }

    /// The latest occurrence at or before `at`, or `None` when there is none
    /// yet (a rule that starts later, or an invalid rule).
    pub fn last_at_or_before(&self, at: DateTime<Utc>, tz: Tz, preferred: NaiveTime) -> Option<DateTime<Utc>> {
        let time = self.time_of_day(preferred);
        let today = wall_clock(at, tz).date();
        let mut date = self.last_on_or_before(today.checked_add_days(Days::new(2)).unwrap_or(today))?;
        loop {
            let occurrence = resolve_local(date, time, tz);
            if occurrence <= at {
                return Some(occurrence);
            }
            date = self.last_on_or_before(date.pred_opt()?)?;
        }
    }

    /// The first date on or after `from` that the rule comes round on.
    fn first_on_or_after(&self, from: NaiveDate) -> Option<NaiveDate> {
        match self {
            Recurrence::Once { on, .. } => (*on >= from).then_some(*on),
            Recurrence::Daily { .. } => Some(from),
            Recurrence::Weekly { .. } => {
                (0..7).filter_map(|i| from.checked_add_days(Days::new(i))).find(|d| self.occurs_on(*d))
            }
            Recurrence::EveryNDays { n, start, .. } => {
                let n = i64::from(*n);
                if n == 0 {
                    return None;
                }
                if from <= *start {
                    return Some(*start);
                }
                let periods = ((from - *start).num_days() + n - 1) / n;
                start.checked_add_days(Days::new(u64::try_from(periods * n).ok()?))
            }
            Recurrence::Monthly { day, .. } => {
                if !(1..=31).contains(day) {
                    return None;
                }
                let this_month = monthly_date(from.year(), from.month(), *day)?;
                if this_month >= from {
                    return Some(this_month);
                }
                let (year, month) =
                    if from.month() == 12 { (from.year() + 1, 1) } else { (from.year(), from.month() + 1) };
                monthly_date(year, month, *day)
            }
        }
    }

    /// The last date on or before `from` that the rule comes round on.
    fn last_on_or_before(&self, from: NaiveDate) -> Option<NaiveDate> {
        match self {
            Recurrence::Once { on, .. } => (*on <= from).then_some(*on),
            Recurrence::Daily { .. } => Some(from),
            Recurrence::Weekly { .. } => {
                (0..7).filter_map(|i| from.checked_sub_days(Days::new(i))).find(|d| self.occurs_on(*d))
            }
            Recurrence::EveryNDays { n, start, .. } => {
                let n = i64::from(*n);
                if n == 0 || from < *start {
                    return None;
                }
                let periods = (from - *start).num_days() / n;
                start.checked_add_days(Days::new(u64::try_from(periods * n).ok()?))
            }
            Recurrence::Monthly { day, .. } => {
                if !(1..=31).contains(day) {
                    return None;
                }
                let this_month = monthly_date(from.year(), from.month(), *day)?;
                if this_month <= from {
                    return Some(this_month);
                }
                let (year, month) =
                    if from.month() == 1 { (from.year() - 1, 12) } else { (from.year(), from.month() - 1) };
                monthly_date(year, month, *day)
            }
        }
    }
}

/// The monthly reminder's date in one month: `day`, or the month's last day
/// when the month is shorter.
fn monthly_date(year: i32, month: u32, day: u8) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let last = u32::from(first.num_days_in_month());
    first.with_day(u32::from(day).min(last))
}

#[cfg(test)]
mod tests {
    use chrono::Duration;
    use chrono_tz::{Europe, UTC};
    use proptest::prelude::*;

    use super::*;
    use crate::schedule::test_support::{arb_rule, arb_zone, brute_occurrences, date, hm, utc};

    fn nine() -> NaiveTime {
        hm(9, 0)
    }

    fn field_of(err: CoreError) -> &'static str {
        match err {
            CoreError::Validation { field, .. } => field,
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn daily_comes_round_each_day() {
        let rule = Recurrence::Daily { at: Some(hm(9, 0)) };
        assert_eq!(rule.next_after(utc(2026, 1, 5, 8, 0), UTC, nine()), Some(utc(2026, 1, 5, 9, 0)));
        // Strictly after: at the very instant, the next one is tomorrow.
        assert_eq!(rule.next_after(utc(2026, 1, 5, 9, 0), UTC, nine()), Some(utc(2026, 1, 6, 9, 0)));
        assert_eq!(rule.last_at_or_before(utc(2026, 1, 5, 9, 0), UTC, nine()), Some(utc(2026, 1, 5, 9, 0)));
        assert_eq!(rule.last_at_or_before(utc(2026, 1, 5, 8, 59), UTC, nine()), Some(utc(2026, 1, 4, 9, 0)));
    }

    #[test]
    fn weekly_picks_the_next_chosen_day() {
        // 5 January 2026 is a Monday.
        let rule = Recurrence::Weekly { days: vec![Weekday::Friday, Weekday::Tuesday], at: Some(hm(19, 0)) };
        assert_eq!(rule.next_after(utc(2026, 1, 5, 12, 0), UTC, nine()), Some(utc(2026, 1, 6, 19, 0)));
        assert_eq!(rule.next_after(utc(2026, 1, 6, 19, 0), UTC, nine()), Some(utc(2026, 1, 9, 19, 0)));
        assert_eq!(rule.next_after(utc(2026, 1, 9, 19, 0), UTC, nine()), Some(utc(2026, 1, 13, 19, 0)));
        assert_eq!(rule.last_at_or_before(utc(2026, 1, 12, 12, 0), UTC, nine()), Some(utc(2026, 1, 9, 19, 0)));
    }

    #[test]
    fn every_n_days_counts_from_its_start() {
        let rule = Recurrence::EveryNDays { n: 10, start: date(2026, 1, 3), at: None };
        // Before the start, the start itself is next.
        assert_eq!(rule.next_after(utc(2025, 12, 1, 0, 0), UTC, nine()), Some(utc(2026, 1, 3, 9, 0)));
        assert_eq!(rule.next_after(utc(2026, 1, 3, 9, 0), UTC, nine()), Some(utc(2026, 1, 13, 9, 0)));
        assert_eq!(rule.next_after(utc(2026, 1, 14, 0, 0), UTC, nine()), Some(utc(2026, 1, 23, 9, 0)));
        assert_eq!(rule.last_at_or_before(utc(2026, 1, 22, 23, 0), UTC, nine()), Some(utc(2026, 1, 13, 9, 0)));
        assert_eq!(rule.last_at_or_before(utc(2026, 1, 3, 8, 0), UTC, nine()), None);
    }

    #[test]
    fn monthly_keeps_its_day() {
        let rule = Recurrence::Monthly { day: 15, at: Some(hm(8, 30)) };
        assert_eq!(rule.next_after(utc(2026, 1, 15, 8, 30), UTC, nine()), Some(utc(2026, 2, 15, 8, 30)));
        assert_eq!(rule.next_after(utc(2026, 12, 20, 0, 0), UTC, nine()), Some(utc(2027, 1, 15, 8, 30)));
        assert_eq!(rule.last_at_or_before(utc(2027, 1, 10, 0, 0), UTC, nine()), Some(utc(2026, 12, 15, 8, 30)));
    }

    #[test]
    fn monthly_on_the_31st_falls_on_the_last_day_of_shorter_months() {
        let rule = Recurrence::Monthly { day: 31, at: Some(hm(9, 0)) };
        let after = |at| rule.next_after(at, UTC, nine());
        assert_eq!(after(utc(2026, 3, 31, 9, 0)), Some(utc(2026, 4, 30, 9, 0)));
        assert_eq!(after(utc(2026, 4, 30, 9, 0)), Some(utc(2026, 5, 31, 9, 0)));
        // February, non-leap then leap.
        assert_eq!(after(utc(2026, 1, 31, 9, 0)), Some(utc(2026, 2, 28, 9, 0)));
        assert_eq!(after(utc(2028, 1, 31, 9, 0)), Some(utc(2028, 2, 29, 9, 0)));
        assert_eq!(after(utc(2028, 2, 29, 9, 0)), Some(utc(2028, 3, 31, 9, 0)));
        // Backwards too.
        assert_eq!(rule.last_at_or_before(utc(2026, 3, 30, 0, 0), UTC, nine()), Some(utc(2026, 2, 28, 9, 0)));

        let thirtieth = Recurrence::Monthly { day: 30, at: None };
        assert_eq!(thirtieth.next_after(utc(2026, 2, 1, 0, 0), UTC, nine()), Some(utc(2026, 2, 28, 9, 0)));
        let twenty_ninth = Recurrence::Monthly { day: 29, at: None };
        assert_eq!(twenty_ninth.next_after(utc(2027, 2, 1, 0, 0), UTC, nine()), Some(utc(2027, 2, 28, 9, 0)));
        assert_eq!(twenty_ninth.next_after(utc(2028, 2, 1, 0, 0), UTC, nine()), Some(utc(2028, 2, 29, 9, 0)));
        assert!(rule.occurs_on(date(2026, 4, 30)));
        assert!(!rule.occurs_on(date(2026, 4, 29)));
    }

    #[test]
    fn once_comes_once() {
        let rule = Recurrence::Once { on: date(2026, 6, 1), at: Some(hm(14, 0)) };
        assert_eq!(rule.next_after(utc(2026, 5, 1, 0, 0), UTC, nine()), Some(utc(2026, 6, 1, 14, 0)));
        assert_eq!(rule.next_after(utc(2026, 6, 1, 14, 0), UTC, nine()), None);
        assert_eq!(rule.next_after(utc(2027, 1, 1, 0, 0), UTC, nine()), None);
        assert_eq!(rule.last_at_or_before(utc(2026, 6, 1, 13, 59), UTC, nine()), None);
        assert_eq!(rule.last_at_or_before(utc(2030, 1, 1, 0, 0), UTC, nine()), Some(utc(2026, 6, 1, 14, 0)));
    }

    #[test]
    fn date_only_rules_use_the_preferred_time_in_the_persons_zone() {
        let rule = Recurrence::Once { on: date(2026, 7, 1), at: None };
        // 18:30 in London in July is 17:30 UTC.
        assert_eq!(rule.next_after(utc(2026, 1, 1, 0, 0), Europe::London, hm(18, 30)), Some(utc(2026, 7, 1, 17, 30)));
    }

    #[test]
    fn a_daily_0130_across_the_spring_forward_fires_at_0200_bst() {
        let rule = Recurrence::Daily { at: Some(hm(1, 30)) };
        let next = |at| rule.next_after(at, Europe::London, nine()).unwrap();
        let saturday = next(utc(2026, 3, 28, 0, 0));
        assert_eq!(saturday, utc(2026, 3, 28, 1, 30)); // 01:30 GMT
        let sunday = next(saturday);
        assert_eq!(sunday, utc(2026, 3, 29, 1, 0)); // 01:30 does not exist; 02:00 BST
        let monday = next(sunday);
        assert_eq!(monday, utc(2026, 3, 30, 0, 30)); // 01:30 BST
        assert_eq!(rule.last_at_or_before(utc(2026, 3, 29, 0, 59), Europe::London, nine()), Some(saturday));
        assert_eq!(rule.last_at_or_before(utc(2026, 3, 29, 1, 0), Europe::London, nine()), Some(sunday));
    }

    #[test]
    fn a_daily_0130_across_the_fall_back_fires_once_at_the_earlier_instant() {
        let rule = Recurrence::Daily { at: Some(hm(1, 30)) };
        let next = |at| rule.next_after(at, Europe::London, nine()).unwrap();
        let saturday = next(utc(2026, 10, 24, 0, 0));
        assert_eq!(saturday, utc(2026, 10, 24, 0, 30)); // 01:30 BST
        let sunday = next(saturday);
        assert_eq!(sunday, utc(2026, 10, 25, 0, 30)); // the first 01:30, still BST
                                                      // The second 01:30 (GMT, 01:30 UTC) is not another occurrence.
        let monday = next(sunday);
        assert_eq!(monday, utc(2026, 10, 26, 1, 30)); // 01:30 GMT
        assert_eq!(next(utc(2026, 10, 25, 1, 29)), monday);
        assert_eq!(rule.last_at_or_before(utc(2026, 10, 25, 1, 30), Europe::London, nine()), Some(sunday));
    }

    #[test]
    fn a_date_only_reminder_keeps_nine_oclock_local_across_both_changes() {
        let rule = Recurrence::Daily { at: None };
        let next = |at| rule.next_after(at, Europe::London, nine()).unwrap();
        assert_eq!(next(utc(2026, 3, 28, 0, 0)), utc(2026, 3, 28, 9, 0)); // GMT
        assert_eq!(next(utc(2026, 3, 28, 9, 0)), utc(2026, 3, 29, 8, 0)); // BST from today
        assert_eq!(next(utc(2026, 10, 24, 8, 0)), utc(2026, 10, 25, 9, 0)); // GMT again
        assert_eq!(next(utc(2026, 10, 23, 12, 0)), utc(2026, 10, 24, 8, 0)); // still BST
    }

    #[test]
    fn validation_names_the_field() {
        let start = date(2026, 1, 1);
        assert_eq!(field_of(Recurrence::EveryNDays { n: 0, start, at: None }.validate().unwrap_err()), "n");
        assert_eq!(field_of(Recurrence::EveryNDays { n: 366, start, at: None }.validate().unwrap_err()), "n");
        assert!(Recurrence::EveryNDays { n: 1, start, at: None }.validate().is_ok());
        assert!(Recurrence::EveryNDays { n: 365, start, at: None }.validate().is_ok());
        assert_eq!(field_of(Recurrence::Weekly { days: vec![], at: None }.validate().unwrap_err()), "days");
        assert!(Recurrence::Weekly { days: vec![Weekday::Sunday], at: None }.validate().is_ok());
        assert_eq!(field_of(Recurrence::Monthly { day: 0, at: None }.validate().unwrap_err()), "day");
        assert_eq!(field_of(Recurrence::Monthly { day: 32, at: None }.validate().unwrap_err()), "day");
        assert!(Recurrence::Monthly { day: 1, at: None }.validate().is_ok());
        assert!(Recurrence::Monthly { day: 31, at: None }.validate().is_ok());
        assert!(Recurrence::Daily { at: None }.validate().is_ok());
        assert!(Recurrence::Once { on: start, at: Some(hm(7, 0)) }.validate().is_ok());
    }

    #[test]
    fn invalid_rules_never_come_round() {
        let after = utc(2026, 1, 1, 0, 0);
        for rule in [
            Recurrence::EveryNDays { n: 0, start: date(2026, 1, 1), at: None },
            Recurrence::Weekly { days: vec![], at: None },
            Recurrence::Monthly { day: 0, at: None },
            Recurrence::Monthly { day: 40, at: None },
        ] {
            assert_eq!(rule.next_after(after, UTC, nine()), None, "{rule:?}");
            assert_eq!(rule.last_at_or_before(after, UTC, nine()), None, "{rule:?}");
        }
    }

    #[test]
    fn the_wire_format_is_tagged_by_kind() {
        let rule = Recurrence::EveryNDays { n: 3, start: date(2026, 2, 1), at: Some(hm(7, 15)) };
        let json = serde_json::to_value(&rule).unwrap();
        assert_eq!(json, serde_json::json!({"kind": "every_n_days", "n": 3, "start": "2026-02-01", "at": "07:15:00"}));
        assert_eq!(serde_json::from_value::<Recurrence>(json).unwrap(), rule);
        let weekly: Recurrence = serde_json::from_str(r#"{"kind":"weekly","days":["monday","friday"]}"#).unwrap();
        assert_eq!(weekly, Recurrence::Weekly { days: vec![Weekday::Monday, Weekday::Friday], at: None });
    }

    proptest! {
        #[test]
        fn next_and_last_agree_with_a_day_by_day_walk(
            rule in arb_rule(),
            tz in arb_zone(),
            offset_minutes in 0i64..(400 * 24 * 60),
            preferred_hour in 0u32..24,
        ) {
            let preferred = hm(preferred_hour, 0);
            let at = utc(2026, 1, 1, 0, 0) + Duration::minutes(offset_minutes);
            let ahead = brute_occurrences(&rule, at, at + Duration::days(400), tz, preferred);
            prop_assert_eq!(rule.next_after(at, tz, preferred), ahead.first().copied());
            let behind = brute_occurrences(&rule, at - Duration::days(400), at, tz, preferred);
            prop_assert_eq!(rule.last_at_or_before(at, tz, preferred), behind.last().copied());
            // Occurrences are whole seconds, so they survive the store's
            // millisecond round trip exactly.
            if let Some(next) = ahead.first() {
                prop_assert_eq!(next.timestamp_subsec_nanos(), 0);
            }
        }
    }
}
