//! From a wall-clock time in the person's zone to one instant, with the two
//! daylight-saving cases settled once, here, for every reminder and for quiet
//! hours:
//!
//! - a time the clock skips (spring forward: 01:30 on 29 March 2026 in
//!   London) happens at the first instant after the gap (02:00 BST), so the
//!   reminder is late by the gap rather than lost;
//! - a time the clock shows twice (fall back: 01:30 on 25 October 2026 in
//!   London) happens once, at the earlier instant, so nobody is reminded
//!   twice in one night.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc};
use chrono_tz::Tz;

/// Longer than any gap in the time-zone database (the longest, Samoa's
/// skipped day in 2011, is 24 hours), so the search below always ends.
const LONGEST_GAP_HOURS: i64 = 48;

/// The instant at which the person's clock in `tz` shows `time` on `date`,
/// settled as the module describes.
///
/// Fractions of a second are dropped: the store keeps instants to the
/// millisecond, and a due instant has to come back from the database exactly
/// as it went in, or "strictly after the last one fired" would fire it again.
pub fn resolve_local(date: NaiveDate, time: NaiveTime, tz: Tz) -> DateTime<Utc> {
    let wall = date.and_time(time.with_nanosecond(0).unwrap_or(time));
    if let Some(at) = earliest(wall, tz) {
        return at;
    }
    after_gap(wall, tz).unwrap_or_else(|| {
        // Unreachable with the real database (every gap ends within hours);
        // reading the wall time as UTC still gives a usable, stable instant.
        Utc.from_utc_datetime(&wall)
    })
}

/// The person's wall-clock date and time at `at`.
pub fn wall_clock(at: DateTime<Utc>, tz: Tz) -> NaiveDateTime {
    at.with_timezone(&tz).naive_local()
}

fn earliest(wall: NaiveDateTime, tz: Tz) -> Option<DateTime<Utc>> {
    tz.from_local_datetime(&wall).earliest().map(|at| at.with_timezone(&Utc))
}

/// `wall` falls in a gap: the first instant after it is the moment the clock
/// jumped, which is where the first wall time that exists again resolves to.
/// Found by stepping an hour at a time past the gap, then halving down to the
/// second (gaps start and end on whole seconds).
fn after_gap(wall: NaiveDateTime, tz: Tz) -> Option<DateTime<Utc>> {
    let mut missing = wall;
    let mut existing = None;
    for hours in 1..=LONGEST_GAP_HOURS {
        let candidate = wall.checked_add_signed(Duration::hours(hours))?;
        if earliest(candidate, tz).is_some() {
            existing = Some(candidate);
            break;
        }
        missing = candidate;
    }
    let mut existing = existing?;
    while (existing - missing).num_seconds() > 1 {
        let middle = missing + Duration::seconds((existing - missing).num_seconds() / 2);
        if earliest(middle, tz).is_some() {
            existing = middle;
        } else {
            missing = middle;
        }
    }
    earliest(existing, tz)
}

#[cfg(test)]
mod tests {
    use chrono_tz::{America, Australia, Europe, Pacific};

    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    #[test]
    fn ordinary_times_are_plain_offsets() {
        assert_eq!(resolve_local(date(2026, 1, 15), hm(9, 0), Europe::London), utc(2026, 1, 15, 9, 0));
        assert_eq!(resolve_local(date(2026, 7, 15), hm(9, 0), Europe::London), utc(2026, 7, 15, 8, 0));
    }

    #[test]
    fn a_skipped_time_happens_when_the_clock_jumps() {
        // London, 29 March 2026: 01:00 GMT jumps to 02:00 BST (01:00 UTC).
        for minute in [0, 1, 30, 59] {
            assert_eq!(resolve_local(date(2026, 3, 29), hm(1, minute), Europe::London), utc(2026, 3, 29, 1, 0));
        }
        // New York, 8 March 2026: 02:00 EST jumps to 03:00 EDT (07:00 UTC).
        assert_eq!(resolve_local(date(2026, 3, 8), hm(2, 30), America::New_York), utc(2026, 3, 8, 7, 0));
        // Lord Howe Island moves only half an hour: 02:00 → 02:30 (+10:30 → +11).
        assert_eq!(resolve_local(date(2026, 10, 4), hm(2, 15), Australia::Lord_Howe), utc(2026, 10, 3, 15, 30));
        // Samoa skipped the whole of 30 December 2011: it went from the 29th
        // straight to 00:00 on the 31st (+14, so 10:00 UTC on the 30th).
        assert_eq!(resolve_local(date(2011, 12, 30), hm(9, 0), Pacific::Apia), utc(2011, 12, 30, 10, 0));
    }

    #[test]
    fn a_repeated_time_happens_once_at_the_earlier_instant() {
        // London, 25 October 2026: 01:30 is first BST (00:30 UTC), then GMT.
        assert_eq!(resolve_local(date(2026, 10, 25), hm(1, 30), Europe::London), utc(2026, 10, 25, 0, 30));
        // New York, 1 November 2026: 01:30 EDT is 05:30 UTC.
        assert_eq!(resolve_local(date(2026, 11, 1), hm(1, 30), America::New_York), utc(2026, 11, 1, 5, 30));
    }

    #[test]
    fn fractions_of_a_second_are_dropped() {
        let time = NaiveTime::from_hms_milli_opt(9, 0, 0, 999).unwrap();
        assert_eq!(resolve_local(date(2026, 1, 15), time, Europe::London), utc(2026, 1, 15, 9, 0));
    }
}
