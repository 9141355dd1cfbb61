//! Quiet hours: a stretch of the person's day (by default the night) when no
//! reminder interrupts them. A reminder that comes round then waits for the
//! end of the stretch; it is held, never dropped.

use chrono::{DateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::local::{resolve_local, wall_clock};

/// From `start` (included) to `end` (excluded), in local wall-clock time.
/// `start` after `end` wraps past midnight (22:00–08:00); `start == end`
/// means no quiet hours at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuietHours {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl Default for QuietHours {
    /// 22:00 to 08:00: a night's sleep, with room either side.
    fn default() -> Self {
        Self { start: hour(22), end: hour(8) }
    }
}

fn hour(h: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, 0, 0).expect("a whole hour below 24 is a valid time")
}

impl QuietHours {
    /// No quiet hours: reminders may come at any time.
    pub fn none() -> Self {
        Self { start: NaiveTime::MIN, end: NaiveTime::MIN }
    }

    pub fn is_none(&self) -> bool {
        self.start == self.end
    }

    /// Whether a wall-clock time falls inside the quiet stretch.
    pub fn covers(&self, time: NaiveTime) -> bool {
        if self.start < self.end {
            self.start <= time && time < self.end
        } else if self.start > self.end {
            time >= self.start || time < self.end
        } else {
            false
        }
    }

    /// When something due at `at` may be delivered: `at` itself outside
    /// quiet hours, otherwise the end of this quiet stretch (the local end
    /// time, settled like any wall-clock time: an end the clock skips means
    /// the first instant after the gap, an end the clock shows twice means
    /// the first time it shows it).
    ///
    /// Never earlier than `at`. On the night the clock goes back, the wall
    /// clock can show a quiet time again after the stretch has already
    /// ended (22:00–01:30, and 01:15 comes round a second time): the
    /// stretch ended at the first 01:30, so that second pass is not quiet.
    pub fn release_time(&self, at: DateTime<Utc>, tz: Tz) -> DateTime<Utc> {
        let wall = wall_clock(at, tz);
        let time = wall.time();
        if !self.covers(time) {
            return at;
        }
        // In a wrapping stretch, the evening part ends tomorrow morning.
        let end_date =
            if self.start > self.end && time >= self.start { wall.date().succ_opt() } else { Some(wall.date()) };
        match end_date {
            Some(date) => resolve_local(date, self.end, tz).max(at),
            None => at,
        }
    }

    /// Whether `at` is inside quiet hours. Defined by [`Self::release_time`]
    /// so the two can never disagree (a planner that thought "quiet" while
    /// the release said "now" would wake itself over and over).
    pub fn is_quiet(&self, at: DateTime<Utc>, tz: Tz) -> bool {
        self.release_time(at, tz) > at
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;
    use chrono_tz::{Europe, UTC};
    use proptest::prelude::*;

    use super::*;
    use crate::schedule::test_support::{arb_zone, hm, utc};

    #[test]
    fn the_default_is_ten_at_night_to_eight_in_the_morning() {
        assert_eq!(QuietHours::default(), QuietHours { start: hm(22, 0), end: hm(8, 0) });
    }

    #[test]
    fn a_stretch_across_midnight_releases_next_morning() {
        let quiet = QuietHours::default();
        // Evening part: tomorrow at 08:00.
        assert_eq!(quiet.release_time(utc(2026, 1, 5, 23, 0), UTC), utc(2026, 1, 6, 8, 0));
        assert_eq!(quiet.release_time(utc(2026, 1, 5, 22, 0), UTC), utc(2026, 1, 6, 8, 0));
        // Morning part: today at 08:00.
        assert_eq!(quiet.release_time(utc(2026, 1, 6, 3, 0), UTC), utc(2026, 1, 6, 8, 0));
        assert_eq!(quiet.release_time(utc(2026, 1, 6, 7, 59), UTC), utc(2026, 1, 6, 8, 0));
        // Outside: straight away. The end itself is no longer quiet.
        for at in [utc(2026, 1, 6, 8, 0), utc(2026, 1, 6, 12, 0), utc(2026, 1, 6, 21, 59)] {
            assert_eq!(quiet.release_time(at, UTC), at);
            assert!(!quiet.is_quiet(at, UTC));
        }
        assert!(quiet.is_quiet(utc(2026, 1, 6, 0, 0), UTC));
    }

    #[test]
    fn a_stretch_within_one_day() {
        // A nap, 13:00–15:00, in London in summer (BST, UTC+1).
        let quiet = QuietHours { start: hm(13, 0), end: hm(15, 0) };
        assert_eq!(quiet.release_time(utc(2026, 7, 1, 12, 30), Europe::London), utc(2026, 7, 1, 14, 0));
        assert_eq!(quiet.release_time(utc(2026, 7, 1, 11, 59), Europe::London), utc(2026, 7, 1, 11, 59));
        assert_eq!(quiet.release_time(utc(2026, 7, 1, 14, 0), Europe::London), utc(2026, 7, 1, 14, 0));
        assert_eq!(quiet.release_time(utc(2026, 7, 1, 23, 0), Europe::London), utc(2026, 7, 1, 23, 0));
    }

    #[test]
    fn start_equal_to_end_means_no_quiet_hours() {
        for quiet in [QuietHours::none(), QuietHours { start: hm(22, 0), end: hm(22, 0) }] {
            assert!(quiet.is_none());
            for hour in 0..24 {
                let at = utc(2026, 1, 5, hour, 0);
                assert_eq!(quiet.release_time(at, UTC), at);
            }
        }
        assert!(!QuietHours::default().is_none());
    }

    #[test]
    fn an_end_the_clock_skips_releases_when_the_clock_jumps() {
        // London, 29 March 2026: 01:00 GMT jumps to 02:00 BST; 01:30 never happens.
        let quiet = QuietHours { start: hm(22, 0), end: hm(1, 30) };
        assert_eq!(quiet.release_time(utc(2026, 3, 28, 23, 0), Europe::London), utc(2026, 3, 29, 1, 0));
        assert_eq!(quiet.release_time(utc(2026, 3, 29, 0, 59), Europe::London), utc(2026, 3, 29, 1, 0));
        // The usual 08:00 end on that morning is 07:00 UTC.
        assert_eq!(QuietHours::default().release_time(utc(2026, 3, 29, 0, 0), Europe::London), utc(2026, 3, 29, 7, 0));
    }

    #[test]
    fn an_end_the_clock_shows_twice_releases_the_first_time() {
        // London, 25 October 2026: 01:30 is first BST (00:30 UTC), then GMT (01:30 UTC).
        let quiet = QuietHours { start: hm(22, 0), end: hm(1, 30) };
        assert_eq!(quiet.release_time(utc(2026, 10, 24, 22, 0), Europe::London), utc(2026, 10, 25, 0, 30));
        // 01:15 GMT shows a quiet time again, but the stretch already ended.
        let second_pass = utc(2026, 10, 25, 1, 15);
        assert_eq!(quiet.release_time(second_pass, Europe::London), second_pass);
        // The usual 08:00 end that morning is 08:00 UTC (GMT again).
        assert_eq!(
            QuietHours::default().release_time(utc(2026, 10, 24, 22, 0), Europe::London),
            utc(2026, 10, 25, 8, 0)
        );
    }

    proptest! {
        #[test]
        fn release_is_never_early_and_never_quiet(
            start in 0u32..(24 * 4),
            end in 0u32..(24 * 4),
            tz in arb_zone(),
            minutes in 0i64..(400 * 24 * 60),
        ) {
            let quiet = QuietHours { start: hm(start / 4, (start % 4) * 15), end: hm(end / 4, (end % 4) * 15) };
            let at = utc(2026, 1, 1, 0, 0) + Duration::minutes(minutes);
            let released = quiet.release_time(at, tz);
            prop_assert!(released >= at);
            prop_assert!(released - at <= Duration::hours(25));
            // Released means out of quiet hours, except in one corner: a
            // stretch whose end and start both fall in the same skipped
            // hour (01:45 to 01:30 on a spring-forward night) ends and
            // starts again at the instant the clock jumps. Even then the
            // next release is later, so a timer never spins.
            if quiet.is_quiet(released, tz) {
                let just_before = wall_clock(released - Duration::seconds(1), tz);
                prop_assert_ne!(just_before + Duration::seconds(1), wall_clock(released, tz));
                prop_assert!(quiet.release_time(released, tz) > released);
            }
        }
    }
}
