//! The person's reminder settings: when date-only reminders come, quiet
//! hours, which kinds are on, the reflection schedule, and a pause.

use chrono::{DateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};
use crate::schedule::{PlanSettings, QuietHours, Tz, Weekday, CATCH_UP_LIMIT};

/// Birthday reminders come this many days ahead at most.
pub const BIRTHDAY_DAYS_BEFORE_MAX: u8 = 14;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ReminderSettings {
    /// Desktop notifications. When off, reminders still appear in the
    /// window's list of notices; nothing pops up.
    pub desktop: bool,
    /// The time of day for reminders that have a date but no time.
    pub preferred_time: NaiveTime,
    pub quiet_hours: QuietHours,
    pub reach_outs: bool,
    pub birthdays: bool,
    /// Also remind this many days before a birthday (0: only on the day).
    pub birthday_days_before: u8,
    pub intentions: bool,
    /// A gentle nudge to reflect on these days at this time; `None`: off.
    pub reflection: Option<ReflectionSchedule>,
    /// Nothing is delivered before this instant; what comes round meanwhile
    /// is gathered into one notification afterwards.
    pub paused_until: Option<DateTime<Utc>>,
    /// Start Kindred (hidden, in the tray) when the person logs in.
    pub start_at_login: bool,
    /// Closing the window leaves Kindred in the tray, so reminders keep
    /// coming; off, closing the window quits.
    pub keep_in_tray: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReflectionSchedule {
    pub days: Vec<Weekday>,
    pub at: NaiveTime,
    /// When the schedule was set; nothing before it comes round. Set by the
    /// store.
    #[serde(default)]
    pub since: Option<DateTime<Utc>>,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        Self {
            desktop: true,
            preferred_time: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(),
            quiet_hours: QuietHours::default(),
            reach_outs: true,
            birthdays: true,
            birthday_days_before: 1,
            intentions: true,
            reflection: None,
            paused_until: None,
            start_at_login: false,
            keep_in_tray: true,
        }
    }
}

impl ReminderSettings {
    pub fn cleaned(mut self) -> CoreResult<Self> {
        if self.birthday_days_before > BIRTHDAY_DAYS_BEFORE_MAX {
            return Err(CoreError::validation(
                "birthdayDaysBefore",
                format!("Choose from 0 (on the day only) to {BIRTHDAY_DAYS_BEFORE_MAX} days before."),
            ));
        }
        if let Some(schedule) = &mut self.reflection {
            if schedule.days.is_empty() {
                return Err(CoreError::validation("reflectionDays", "Choose at least one day for reflecting."));
            }
            schedule.days.sort();
            schedule.days.dedup();
        }
        if self.quiet_hours.covers(self.preferred_time) {
            return Err(CoreError::validation(
                "preferredTime",
                "That time falls in your quiet hours, so reminders would always wait. Choose a time outside them.",
            ));
        }
        Ok(self)
    }

    /// The planner's settings in the person's zone.
    pub fn plan_settings(&self, tz: Tz) -> PlanSettings {
        PlanSettings { tz, preferred: self.preferred_time, quiet: self.quiet_hours, catch_up_limit: CATCH_UP_LIMIT }
    }

    pub fn paused_at(&self, now: DateTime<Utc>) -> bool {
        self.paused_until.is_some_and(|until| until > now)
    }
}

/// How long to pause reminders for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PauseFor {
    Hour,
    /// Until tomorrow at the preferred time.
    Tomorrow,
    /// Until the same time next week.
    Week,
}

/// When a pause chosen at `now` ends, in the person's zone.
pub fn pause_end(choice: PauseFor, now: DateTime<Utc>, tz: Tz, preferred: NaiveTime) -> DateTime<Utc> {
    match choice {
        PauseFor::Hour => now + chrono::Duration::hours(1),
        PauseFor::Week => now + chrono::Duration::days(7),
        PauseFor::Tomorrow => {
            let today = now.with_timezone(&tz).date_naive();
            let tomorrow = today.succ_opt().unwrap_or(today);
            crate::schedule::local::resolve_local(tomorrow, preferred, tz)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn pauses_end_an_hour_on_tomorrow_at_the_preferred_time_or_a_week_on() {
        use chrono::TimeZone;
        let tz: Tz = "Europe/London".parse().unwrap();
        // 28 March 2026, 23:30 UTC; the clocks go forward that night.
        let now = Utc.with_ymd_and_hms(2026, 3, 28, 23, 30, 0).unwrap();
        assert_eq!(pause_end(PauseFor::Hour, now, tz, hm(9, 0)), now + chrono::Duration::hours(1));
        assert_eq!(
            pause_end(PauseFor::Tomorrow, now, tz, hm(9, 0)),
            Utc.with_ymd_and_hms(2026, 3, 29, 8, 0, 0).unwrap()
        );
        assert_eq!(pause_end(PauseFor::Week, now, tz, hm(9, 0)), now + chrono::Duration::days(7));
    }

    #[test]
    fn defaults_are_gentle_and_valid() {
        let d = ReminderSettings::default();
        assert_eq!((d.preferred_time, d.birthday_days_before), (hm(9, 0), 1));
        assert!(d.desktop && d.reach_outs && d.birthdays && d.intentions && d.reflection.is_none());
        assert!(d.clone().cleaned().is_ok());
    }

    #[test]
    fn impossible_settings_get_clear_errors() {
        let d = ReminderSettings::default();
        let err = ReminderSettings { preferred_time: hm(23, 0), ..d.clone() }.cleaned().unwrap_err();
        assert!(matches!(err, CoreError::Validation { field: "preferredTime", .. }));
        let err = ReminderSettings { birthday_days_before: 30, ..d.clone() }.cleaned().unwrap_err();
        assert!(matches!(err, CoreError::Validation { field: "birthdayDaysBefore", .. }));
        let empty = Some(ReflectionSchedule { days: vec![], at: hm(19, 0), since: None });
        let err = ReminderSettings { reflection: empty, ..d.clone() }.cleaned().unwrap_err();
        assert!(matches!(err, CoreError::Validation { field: "reflectionDays", .. }));
        // No quiet hours at all: any time will do.
        assert!(ReminderSettings { preferred_time: hm(23, 0), quiet_hours: QuietHours::none(), ..d }.cleaned().is_ok());
    }

    #[test]
    fn a_settings_file_from_an_older_version_reads_with_defaults_for_new_fields() {
        let old: ReminderSettings = serde_json::from_str(r#"{"desktop":false}"#).unwrap();
        assert!(!old.desktop);
        assert_eq!(old.preferred_time, hm(9, 0));
    }
}
