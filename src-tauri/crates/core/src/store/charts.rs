//! The numbers behind Reflect's charts.

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::contacts::parse_date;
use super::time::from_text;
use super::Store;
use crate::error::CoreResult;
use crate::schedule::Tz;

/// How many weeks the contacts chart covers, this week included.
pub const CONTACT_WEEKS: u32 = 12;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Charts {
    /// Completed sessions, oldest first.
    pub moods: Vec<MoodPoint>,
    /// Check-ins, oldest first.
    pub check_ins: Vec<ScorePoint>,
    /// The last [`CONTACT_WEEKS`] weeks (Monday to Sunday), oldest first,
    /// empty weeks included.
    pub contacts_per_week: Vec<WeekCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MoodPoint {
    pub session_id: i64,
    pub on: NaiveDate,
    pub before: u8,
    pub after: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScorePoint {
    pub on: NaiveDate,
    pub score: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WeekCount {
    /// The Monday the week starts on.
    pub week_of: NaiveDate,
    pub contacts: u32,
}

impl Store {
    pub fn charts(&self) -> CoreResult<Charts> {
        self.charts_in(Tz::UTC)
    }

    /// The charts, with sessions and check-ins placed on the day they
    /// happened in `tz` (the person's zone), not in UTC.
    pub fn charts_in(&self, tz: Tz) -> CoreResult<Charts> {
        let local_day =
            |column: usize, text: &str| from_text(column, text).map(|at| at.with_timezone(&tz).date_naive());
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, started_at, mood_before, mood_after FROM reflection_sessions
             WHERE status = 'completed' AND mood_before IS NOT NULL AND mood_after IS NOT NULL
             ORDER BY started_at, id",
        )?;
        let moods = stmt
            .query_map([], |r| {
                Ok(MoodPoint {
                    session_id: r.get(0)?,
                    on: local_day(1, &r.get::<_, String>(1)?)?,
                    before: r.get(2)?,
                    after: r.get(3)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut stmt = self.conn.prepare_cached("SELECT taken_at, score FROM checkins ORDER BY taken_at, id")?;
        let check_ins = stmt
            .query_map([], |r| Ok(ScorePoint { on: local_day(0, &r.get::<_, String>(0)?)?, score: r.get(1)? }))?
            .collect::<Result<Vec<_>, _>>()?;

        let today = self.today();
        let this_monday = today - Days::new(u64::from(today.weekday().num_days_from_monday()));
        let first = this_monday - Days::new(7 * u64::from(CONTACT_WEEKS - 1));
        let mut weeks: Vec<WeekCount> = (0..CONTACT_WEEKS)
            .map(|i| WeekCount { week_of: first + Days::new(7 * u64::from(i)), contacts: 0 })
            .collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT occurred_on, count(*) FROM contacts WHERE occurred_on >= ?1 AND occurred_on <= ?2 GROUP BY occurred_on",
        )?;
        let rows = stmt.query_map([first.to_string(), today.to_string()], |r| {
            Ok((parse_date(0, &r.get::<_, String>(0)?)?, r.get::<_, u32>(1)?))
        })?;
        for row in rows {
            let (day, count) = row?;
            let index = usize::try_from((day - first).num_days() / 7).unwrap_or(0);
            if let Some(week) = weeks.get_mut(index) {
                week.contacts += count;
            }
        }
        Ok(Charts { moods, check_ins, contacts_per_week: weeks })
    }
}
