//! Check-ins (the three-item loneliness scale) and when to offer them.

use chrono::NaiveDate;
use rusqlite::{params, Row};

use super::time::{from_text, to_text};
use super::Store;
use crate::checkin::{check_in_due, reading, show_support, CheckIn, CheckInAnswers, CheckInStatus};
use crate::error::{CoreError, CoreResult};

const PUT_OFF: &str = "checkin_put_off_on";

impl Store {
    pub fn record_check_in(&mut self, answers: CheckInAnswers) -> CoreResult<CheckIn> {
        let a = answers.cleaned()?;
        self.conn.execute(
            "INSERT INTO checkins (taken_at, item1, item2, item3) VALUES (?1, ?2, ?3, ?4)",
            params![to_text(self.now()), a.items[0], a.items[1], a.items[2]],
        )?;
        let id = self.conn.last_insert_rowid();
        self.check_ins()?.into_iter().find(|c| c.id == id).ok_or(CoreError::not_found("That check-in"))
    }

    /// Every check-in, newest first.
    pub fn check_ins(&self) -> CoreResult<Vec<CheckIn>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, taken_at, item1, item2, item3, score FROM checkins ORDER BY taken_at DESC, id DESC",
        )?;
        let list = stmt.query_map([], read_check_in)?.collect::<Result<Vec<_>, _>>()?;
        Ok(list)
    }

    /// "Not now": the check-in is offered again in about a month.
    pub fn put_off_check_in(&mut self) -> CoreResult<()> {
        let today = self.today();
        self.put_setting(PUT_OFF, &Some(today))
    }

    pub fn check_in_status(&self) -> CoreResult<CheckInStatus> {
        let list = self.check_ins()?;
        let put_off: Option<NaiveDate> = self.setting(PUT_OFF)?;
        let scores: Vec<u8> = list.iter().map(|c| c.score).collect();
        let lowest_moods: Vec<u8> = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT min(coalesce(mood_before, 5), coalesce(mood_after, 5)) FROM reflection_sessions
                 WHERE mood_before IS NOT NULL ORDER BY started_at DESC, id DESC LIMIT 3",
            )?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<Result<Vec<_>, _>>()?
        };
        let last_taken = list.first().map(|c| c.taken_at.date_naive());
        Ok(CheckInStatus {
            due: check_in_due(self.today(), last_taken, put_off),
            show_support: show_support(&scores, &lowest_moods),
            latest: list.into_iter().next(),
        })
    }
}

fn read_check_in(r: &Row<'_>) -> rusqlite::Result<CheckIn> {
    let score: u8 = r.get(5)?;
    Ok(CheckIn {
        id: r.get(0)?,
        taken_at: from_text(1, &r.get::<_, String>(1)?)?,
        items: [r.get(2)?, r.get(3)?, r.get(4)?],
        score,
        reading: reading(score),
    })
}
