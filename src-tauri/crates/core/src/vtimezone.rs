//! The `VTIMEZONE` block RFC 5545 asks for beside every `TZID` a calendar
//! file uses (§3.6.5), built from the tz database Kindred itself plans
//! with (chrono-tz), so a calendar that doesn't know the zone's name still
//! shows each event at the instant Kindred would remind.
//!
//! Every change of offset in the years asked for is written out as its own
//! observance (a `STANDARD` or `DAYLIGHT` with one `DTSTART`), rather than
//! as a rule: the tz database's own history is then copied exactly,
//! including years when a country changed its rules, and nothing has to be
//! inferred. A zone with no change in those years gets a single
//! observance.

use chrono::{DateTime, Duration, NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

/// The offset in force at one instant: seconds east of UTC, whether it is
/// daylight-saving time, and its abbreviation ("BST", "AEDT", "+0530").
#[derive(Debug, Clone, PartialEq, Eq)]
struct Observed {
    seconds: i32,
    daylight: bool,
    name: Option<String>,
}

fn observed(tz: Tz, at: DateTime<Utc>) -> Observed {
    let offset = tz.offset_from_utc_datetime(&at.naive_utc());
    Observed {
        seconds: offset.fix().local_minus_utc(),
        daylight: !offset.dst_offset().is_zero(),
        name: offset.abbreviation().map(str::to_owned),
    }
}

/// Only a change of offset or of kind is a transition a calendar needs.
fn same(a: &Observed, b: &Observed) -> bool {
    a.seconds == b.seconds && a.daylight == b.daylight
}

/// The `VTIMEZONE` for `tz` from 1 January of `from_year` to the end of
/// `to_year`, as lines ending in CRLF.
pub fn vtimezone(tz: Tz, from_year: i32, to_year: i32) -> String {
    let year_start = |year: i32| {
        NaiveDate::from_ymd_opt(year, 1, 1)
            .map_or(DateTime::<Utc>::MIN_UTC, |d| d.and_time(Default::default()).and_utc())
    };
    let (start, end) = (year_start(from_year), year_start(to_year.max(from_year) + 1));
    let mut out = format!("BEGIN:VTIMEZONE\r\nTZID:{}\r\n", tz.name());
    let first = observed(tz, start);
    out.push_str(&observance(start, &first, &first));

    // Offsets change at most a few times a year and never twice in a day,
    // so a day's step finds each change and halving the day pins it to
    // the second.
    let (mut at, mut before) = (start, first);
    while at < end {
        let next = at + Duration::days(1);
        let after = observed(tz, next);
        if !same(&before, &after) {
            let (mut lo, mut hi) = (at, next);
            while hi - lo > Duration::seconds(1) {
                let mid = lo + (hi - lo) / 2;
                if same(&observed(tz, mid), &before) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let changed = observed(tz, hi);
            out.push_str(&observance(hi, &before, &changed));
            before = changed;
        }
        at = next;
    }
    out.push_str("END:VTIMEZONE\r\n");
    out
}

/// One observance: from the instant `at` (written, as RFC 5545 says, in
/// the local time of the offset before it), `to` is in force.
fn observance(at: DateTime<Utc>, from: &Observed, to: &Observed) -> String {
    let kind = if to.daylight { "DAYLIGHT" } else { "STANDARD" };
    let local = at.naive_utc() + Duration::seconds(i64::from(from.seconds));
    let mut out = format!(
        "BEGIN:{kind}\r\nDTSTART:{}\r\nTZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\n",
        local.format("%Y%m%dT%H%M%S"),
        utc_offset(from.seconds),
        utc_offset(to.seconds)
    );
    if let Some(name) = to.name.as_deref().filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_graphic())) {
        out.push_str(&format!("TZNAME:{name}\r\n"));
    }
    out.push_str(&format!("END:{kind}\r\n"));
    out
}

/// `+0530`, `-0300`, `+0000` (RFC 5545 has no `-0000`), with seconds only
/// when an old local mean time has them.
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str, kind: &str) -> usize {
        text.matches(&format!("BEGIN:{kind}\r\n")).count()
    }

    #[test]
    fn london_changes_twice_a_year_at_the_hour_the_law_says() {
        let text = vtimezone(chrono_tz::Europe::London, 2026, 2027);
        assert!(text.starts_with("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n"));
        // The first observance, then two changes in each of two years.
        assert_eq!(blocks(&text, "DAYLIGHT"), 2);
        assert_eq!(blocks(&text, "STANDARD"), 3);
        // 29 March 2026, 01:00 GMT: clocks go forward to 02:00 BST.
        assert!(text.contains(
            "BEGIN:DAYLIGHT\r\nDTSTART:20260329T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nTZNAME:BST\r\n"
        ));
        // 25 October 2026, 02:00 BST: back to 01:00 GMT.
        assert!(text.contains("DTSTART:20261025T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nTZNAME:GMT\r\n"));
        assert!(text.ends_with("END:VTIMEZONE\r\n"));
    }

    #[test]
    fn the_south_and_zones_without_daylight_saving() {
        let sydney = vtimezone(chrono_tz::Australia::Sydney, 2026, 2026);
        // 5 April 2026 03:00 AEDT back to 02:00 AEST; 4 October 02:00 forward.
        assert!(sydney.contains("DTSTART:20260405T030000\r\nTZOFFSETFROM:+1100\r\nTZOFFSETTO:+1000\r\n"));
        assert!(sydney.contains("DTSTART:20261004T020000\r\nTZOFFSETFROM:+1000\r\nTZOFFSETTO:+1100\r\n"));
        let kolkata = vtimezone(chrono_tz::Asia::Kolkata, 2020, 2030);
        assert_eq!(blocks(&kolkata, "STANDARD"), 1);
        assert_eq!(blocks(&kolkata, "DAYLIGHT"), 0);
        assert!(kolkata.contains("TZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530\r\n"));
        assert_eq!(utc_offset(-3 * 3600), "-0300");
        assert_eq!(utc_offset(-(3600 + 15 * 60 + 7)), "-011507");
        assert_eq!(utc_offset(0), "+0000");
    }
}
