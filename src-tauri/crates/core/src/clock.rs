//! Time is passed in. Every rule that depends on "now" asks a [`Clock`], so
//! tests can stand at any instant (a DST change, a clock jumping backwards)
//! without touching the machine's clock.

use std::sync::Mutex;

use chrono::{DateTime, Duration, FixedOffset, Local, NaiveDate, Utc};

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;

    /// The person's calendar date now, in their own time zone: "today" for
    /// birthdays, cadences and "no contact in the future".
    fn today(&self) -> NaiveDate;
}

/// The machine's wall clock, for the real app.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    fn today(&self) -> NaiveDate {
        Local::now().date_naive()
    }
}

/// A clock that only moves when told to, for tests.
#[derive(Debug)]
pub struct FixedClock {
    now: Mutex<DateTime<Utc>>,
    offset: FixedOffset,
}

impl FixedClock {
    /// A clock for someone living on UTC.
    pub fn new(now: DateTime<Utc>) -> Self {
        Self::with_offset(now, FixedOffset::east_opt(0).expect("zero is a valid offset"))
    }

    /// A clock for someone whose local time is `offset` from UTC.
    pub fn with_offset(now: DateTime<Utc>, offset: FixedOffset) -> Self {
        Self { now: Mutex::new(now), offset }
    }

    pub fn set(&self, now: DateTime<Utc>) {
        *self.lock() = now;
    }

    pub fn advance(&self, by: Duration) {
        let mut now = self.lock();
        *now += by;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, DateTime<Utc>> {
        // A poisoned lock only means another test thread panicked; the time
        // inside is still a valid instant.
        self.now.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        *self.lock()
    }

    fn today(&self) -> NaiveDate {
        self.now().with_timezone(&self.offset).date_naive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn fixed_clock_moves_only_when_told() {
        let start = Utc.with_ymd_and_hms(2026, 3, 29, 0, 30, 0).unwrap();
        let clock = FixedClock::new(start);
        assert_eq!(clock.now(), start);
        clock.advance(Duration::hours(2));
        assert_eq!(clock.now(), start + Duration::hours(2));
        clock.set(start);
        assert_eq!(clock.now(), start);
    }

    #[test]
    fn today_is_the_local_date() {
        // 23:30 UTC on 28 March is already 29 March in Tokyo.
        let late = Utc.with_ymd_and_hms(2026, 3, 28, 23, 30, 0).unwrap();
        assert_eq!(FixedClock::new(late).today(), NaiveDate::from_ymd_opt(2026, 3, 28).unwrap());
        let tokyo = FixedClock::with_offset(late, FixedOffset::east_opt(9 * 3600).unwrap());
        assert_eq!(tokyo.today(), NaiveDate::from_ymd_opt(2026, 3, 29).unwrap());
    }
}
