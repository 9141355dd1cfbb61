//! Helpers shared by the schedule tests: instants and times in one line,
//! random rules and zones for the property tests, and a slow, obviously
//! right way to list occurrences to check the fast one against.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use proptest::prelude::*;

use super::local::{resolve_local, wall_clock};
use super::recurrence::{Recurrence, Weekday};

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

pub fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

/// Every occurrence in `(from, to]`, found the slow way: each local date in
/// turn, asked whether the rule comes round on it. Independent of the date
/// arithmetic in `next_after` and of the planner, so it can check both.
pub fn brute_occurrences(
    rule: &Recurrence,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    tz: Tz,
    preferred: NaiveTime,
) -> Vec<DateTime<Utc>> {
    let time = rule.time_of_day(preferred);
    let mut day = wall_clock(from, tz).date() - Duration::days(2);
    let last = wall_clock(to, tz).date() + Duration::days(2);
    let mut found = Vec::new();
    while day <= last {
        if rule.occurs_on(day) {
            let at = resolve_local(day, time, tz);
            if at > from && at <= to {
                found.push(at);
            }
        }
        day = day.succ_opt().unwrap();
    }
    found
}

/// Any valid rule, with days in 2026 and early 2027.
pub fn arb_rule() -> impl Strategy<Value = Recurrence> {
    let at = proptest::option::of((0u32..24, 0u32..60).prop_map(|(h, m)| hm(h, m)));
    let day = (0i64..400).prop_map(|d| date(2026, 1, 1) + Duration::days(d));
    let weekdays = proptest::sample::subsequence(
        vec![
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
            Weekday::Thursday,
            Weekday::Friday,
            Weekday::Saturday,
            Weekday::Sunday,
        ],
        1..=7,
    );
    prop_oneof![
        (day.clone(), at.clone()).prop_map(|(on, at)| Recurrence::Once { on, at }),
        at.clone().prop_map(|at| Recurrence::Daily { at }),
        (weekdays, at.clone()).prop_map(|(days, at)| Recurrence::Weekly { days, at }),
        (1u16..=40, day, at.clone()).prop_map(|(n, start, at)| Recurrence::EveryNDays { n, start, at }),
        (1u8..=31, at).prop_map(|(day, at)| Recurrence::Monthly { day, at }),
    ]
}

/// Zones with the awkward cases: none, an hour (London, New York), half an
/// hour (Lord Howe), a fixed odd offset (Kolkata), changes at midnight
/// (Santiago), and the southern hemisphere.
pub fn arb_zone() -> impl Strategy<Value = Tz> {
    proptest::sample::select(vec![
        chrono_tz::UTC,
        chrono_tz::Europe::London,
        chrono_tz::America::New_York,
        chrono_tz::Australia::Lord_Howe,
        chrono_tz::Asia::Kolkata,
        chrono_tz::America::Santiago,
    ])
}

/// Planning as someone in London with the defaults: 09:00 preferred,
/// quiet 22:00–08:00.
pub fn london_settings() -> super::PlanSettings {
    super::PlanSettings {
        tz: chrono_tz::Europe::London,
        preferred: hm(9, 0),
        quiet: super::QuietHours::default(),
        catch_up_limit: super::CATCH_UP_LIMIT,
    }
}
