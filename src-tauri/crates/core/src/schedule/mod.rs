//! Reminder planning, free of any database or timer: when each reminder
//! comes round in the person's own time ([`recurrence`]), when it may
//! interrupt them ([`quiet_hours`]), and what a scheduler tick should deliver
//! so that each occurrence arrives at most once and none is lost ([`plan`]).
//! The shell owns the timer, the database and the notification; it passes
//! the time in.

pub mod local;
pub mod plan;
pub mod quiet_hours;
pub mod recurrence;
#[cfg(test)]
pub(crate) mod test_support;

/// The IANA zone type rules are planned in (re-exported so the shell needs
/// no second copy of the zone database).
pub use chrono_tz::Tz;
pub use plan::{cadence_due, plan, Due, PlanSettings, Planned, Tick, CATCH_UP_LIMIT};
pub use quiet_hours::QuietHours;
pub use recurrence::{Recurrence, Weekday, EVERY_N_DAYS_MAX};
