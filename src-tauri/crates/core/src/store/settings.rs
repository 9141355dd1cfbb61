//! Settings kept in the database as JSON under stable keys. The core owns
//! the defaults, so a missing key always reads as a sensible value.

use rusqlite::{params, OptionalExtension};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use ts_rs::TS;

use super::time::to_text;
use super::Store;
use crate::error::{CoreError, CoreResult};
use crate::reminder_settings::ReminderSettings;
use crate::tie::{Cadence, Circle, Tie, CADENCE_MAX_DAYS};
use chrono::{DateTime, Utc};

/// The default reach-out rhythm of each circle, in days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CadenceDefaults {
    pub inner: u16,
    pub middle: u16,
    pub outer: u16,
}

impl Default for CadenceDefaults {
    /// About weekly, every three weeks and every two months (PRODUCT.md).
    fn default() -> Self {
        Self { inner: 7, middle: 21, outer: 60 }
    }
}

impl CadenceDefaults {
    /// The rhythm in force for `tie`, in days: its own, its circle's, or
    /// none (nudges off, or no circle yet).
    pub fn in_force(&self, tie: &Tie) -> Option<u32> {
        self.in_force_for(tie.cadence, tie.circle)
    }

    /// [`CadenceDefaults::in_force`] from a tie's rhythm and circle alone.
    pub fn in_force_for(&self, cadence: Cadence, circle: Option<Circle>) -> Option<u32> {
        match cadence {
            Cadence::Off => None,
            Cadence::Custom { days } => Some(u32::from(days)),
            Cadence::Circle => circle.map(|c| u32::from(self.for_circle(c))),
        }
    }

    pub fn for_circle(&self, circle: Circle) -> u16 {
        match circle {
            Circle::Inner => self.inner,
            Circle::Middle => self.middle,
            Circle::Outer => self.outer,
        }
    }
}

const CADENCE_DEFAULTS: &str = "cadence_defaults";
const APPEARANCE: &str = "appearance";
const REMINDER_SETTINGS: &str = "reminders";

impl Store {
    pub fn cadence_defaults(&self) -> CoreResult<CadenceDefaults> {
        self.setting(CADENCE_DEFAULTS)
    }

    pub fn set_cadence_defaults(&mut self, value: CadenceDefaults) -> CoreResult<CadenceDefaults> {
        for (field, days) in [("inner", value.inner), ("middle", value.middle), ("outer", value.outer)] {
            if !(1..=CADENCE_MAX_DAYS).contains(&days) {
                return Err(CoreError::validation(
                    field,
                    format!("Choose a rhythm between every day and once a year ({CADENCE_MAX_DAYS} days)."),
                ));
            }
        }
        self.put_setting(CADENCE_DEFAULTS, &value)?;
        Ok(value)
    }

    pub fn reminder_settings(&self) -> CoreResult<ReminderSettings> {
        self.setting(REMINDER_SETTINGS)
    }

    /// Saves the reminder settings. A reflection schedule that is new or
    /// changed starts now: nothing before this moment comes round. The
    /// pause is kept as it is (it has its own command).
    pub fn set_reminder_settings(&mut self, value: ReminderSettings) -> CoreResult<ReminderSettings> {
        let mut value = value.cleaned()?;
        let old = self.reminder_settings()?;
        value.paused_until = old.paused_until;
        if let Some(schedule) = &mut value.reflection {
            let unchanged = old.reflection.as_ref().is_some_and(|o| o.days == schedule.days && o.at == schedule.at);
            schedule.since = if unchanged { old.reflection.and_then(|o| o.since) } else { Some(self.now()) };
        }
        self.put_setting(REMINDER_SETTINGS, &value)?;
        Ok(value)
    }

    /// Pauses every reminder until `until` (or lifts the pause with `None`).
    pub fn pause_reminders(&mut self, until: Option<DateTime<Utc>>) -> CoreResult<ReminderSettings> {
        let mut value = self.reminder_settings()?;
        value.paused_until = until.filter(|u| *u > self.now());
        self.put_setting(REMINDER_SETTINGS, &value)?;
        Ok(value)
    }

    /// Light, dark, or as the system is (the default).
    pub fn appearance(&self) -> CoreResult<crate::appearance::Appearance> {
        self.setting(APPEARANCE)
    }

    pub fn set_appearance(
        &mut self,
        value: crate::appearance::Appearance,
    ) -> CoreResult<crate::appearance::Appearance> {
        self.put_setting(APPEARANCE, &value)?;
        Ok(value)
    }

    /// Reads a setting; a missing or unreadable value falls back to the
    /// default rather than stopping the app.
    pub(crate) fn setting<T: DeserializeOwned + Default>(&self, key: &str) -> CoreResult<T> {
        let raw: Option<String> =
            self.conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?;
        Ok(raw.and_then(|text| serde_json::from_str(&text).ok()).unwrap_or_default())
    }

    pub(crate) fn put_setting<T: Serialize>(&mut self, key: &str, value: &T) -> CoreResult<()> {
        let json = serde_json::to_string(value).map_err(std::io::Error::other)?;
        self.conn.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            params![key, json, to_text(self.now())],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::clock::SystemClock;

    #[test]
    fn appearance_follows_the_system_until_chosen_and_survives_a_bad_value() {
        use crate::appearance::Appearance;
        let mut store = Store::open_in_memory(Arc::new(SystemClock)).unwrap();
        assert_eq!(store.appearance().unwrap(), Appearance::System);
        store.set_appearance(Appearance::Dark).unwrap();
        assert_eq!(store.appearance().unwrap(), Appearance::Dark);
        store.conn().execute("UPDATE settings SET value = '\"purple\"' WHERE key = 'appearance'", []).unwrap();
        assert_eq!(store.appearance().unwrap(), Appearance::System, "an unknown value reads as the default");
    }

    #[test]
    fn defaults_until_changed_then_the_saved_values() {
        let mut store = Store::open_in_memory(Arc::new(SystemClock)).unwrap();
        assert_eq!(store.cadence_defaults().unwrap(), CadenceDefaults { inner: 7, middle: 21, outer: 60 });
        let mine = CadenceDefaults { inner: 3, middle: 14, outer: 90 };
        store.set_cadence_defaults(mine).unwrap();
        assert_eq!(store.cadence_defaults().unwrap(), mine);
        assert!(store.set_cadence_defaults(CadenceDefaults { inner: 0, ..mine }).is_err());
        assert_eq!(store.cadence_defaults().unwrap(), mine);
    }

    #[test]
    fn a_damaged_setting_reads_as_the_default() {
        let store = Store::open_in_memory(Arc::new(SystemClock)).unwrap();
        store
            .conn()
            .execute("INSERT INTO settings (key, value, updated_at) VALUES ('cadence_defaults', '{oops', 'x')", [])
            .unwrap();
        assert_eq!(store.cadence_defaults().unwrap(), CadenceDefaults::default());
    }
}
