//! Reach-out reminders, derived from each tie's rhythm and last contact
//! rather than stored as rules: a tie comes round once per due date, at the
//! person's preferred time. Nothing nags: if the day passes without contact
//! it is not repeated; the next contact sets the next due date.

use chrono::{DateTime, Days, NaiveTime, Utc};

use super::derived_reminders::{last_fired_by_key, record_fired};
use super::ties::ReminderTie;
use super::Store;
use crate::error::CoreResult;
use crate::schedule::local::resolve_local;
use crate::schedule::{cadence_due, plan, PlanSettings, Planned, Recurrence};

/// A tie it would be nice to reach out to, taken for one notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReachOutDue {
    pub tie_id: i64,
    pub name: String,
}

impl Store {
    /// Ties whose reach-out day has come (at the preferred time, outside
    /// quiet hours), each recorded in the ledger before it is shown.
    pub fn take_due_reach_outs(
        &mut self,
        now: DateTime<Utc>,
        settings: &PlanSettings,
    ) -> CoreResult<(Vec<ReachOutDue>, Option<DateTime<Utc>>)> {
        let ties = self.ties_for_reminders()?;
        self.take_due_reach_outs_of(&ties, now, settings)
    }

    /// [`Store::take_due_reach_outs`] over ties already loaded (the tick
    /// loads them once for every kind).
    pub(super) fn take_due_reach_outs_of(
        &mut self,
        ties: &[ReminderTie],
        now: DateTime<Utc>,
        settings: &PlanSettings,
    ) -> CoreResult<(Vec<ReachOutDue>, Option<DateTime<Utc>>)> {
        // Each tie already carries its last contact, so a tick never loads
        // the contact history itself.
        let defaults = self.cadence_defaults()?;
        let tx = self.conn.transaction()?;
        let fired = last_fired_by_key(&tx, KEY_PREFIX)?;
        let planned: Vec<Planned> = ties
            .iter()
            .filter_map(|tie| {
                let cadence = defaults.in_force_for(tie.cadence, tie.circle).filter(|d| *d > 0)?;
                let since = tie.since;
                let key = format!("{KEY_PREFIX}{}", tie.id);
                Some(Planned {
                    rule: Recurrence::Once { on: cadence_due(since, cadence), at: None },
                    last_fired_due: fired.get(&key).copied(),
                    key,
                    // The rhythm starts at the last contact (the day before,
                    // so a due day that has already come still counts).
                    created_at: resolve_local(
                        since.checked_sub_days(Days::new(1)).unwrap_or(since),
                        NaiveTime::MIN,
                        settings.tz,
                    ),
                })
            })
            .collect();
        let tick = plan(&planned, now, settings);
        let due = record_fired(&tx, &tick.due, now)?
            .iter()
            .filter_map(|key| key.strip_prefix(KEY_PREFIX).and_then(|id| id.parse::<i64>().ok()))
            .filter_map(|tie_id| ties.iter().find(|t| t.id == tie_id))
            .map(|tie| ReachOutDue { tie_id: tie.id, name: tie.name.clone() })
            .collect();
        tx.commit()?;
        Ok((due, tick.next_wake))
    }
}

const KEY_PREFIX: &str = "reach_out:";

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{NaiveDate, TimeZone};

    use super::*;
    use crate::clock::FixedClock;
    use crate::contact::{Channel, ContactDraft};
    use crate::tie::{Circle, TieDraft};

    use crate::schedule::test_support::london_settings as settings;

    #[test]
    fn a_tie_past_its_rhythm_comes_round_once_until_the_next_contact() {
        let noon = Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();
        let clock = Arc::new(FixedClock::new(noon));
        let mut store = Store::open_in_memory(clock.clone()).unwrap();
        let mut sam = TieDraft::person("Sam");
        sam.circle = Some(Circle::Inner); // weekly
        let sam = store.create_tie(sam).unwrap().id;
        let mut ana = TieDraft::person("Ana");
        ana.circle = Some(Circle::Outer); // every two months
        let ana = store.create_tie(ana).unwrap().id;
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        store.create_contact(ContactDraft::on(day(15), Channel::Call, vec![sam, ana])).unwrap();

        // Ten days since Sam: due on the 22nd, caught up now, once.
        let (due, _) = store.take_due_reach_outs(noon, &settings()).unwrap();
        assert_eq!(due, [ReachOutDue { tie_id: sam, name: "Sam".into() }]);
        assert!(store.take_due_reach_outs(noon, &settings()).unwrap().0.is_empty());
        assert!(store.take_due_reach_outs(noon + chrono::Duration::days(3), &settings()).unwrap().0.is_empty());

        // A new contact sets the next day: the 2nd of December, at 09:00.
        store.create_contact(ContactDraft::on(day(25), Channel::Video, vec![sam])).unwrap();
        let (due, next) = store.take_due_reach_outs(noon, &settings()).unwrap();
        assert!(due.is_empty());
        assert_eq!(next, Some(Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).unwrap()));
        let later = Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 30).unwrap();
        assert_eq!(store.take_due_reach_outs(later, &settings()).unwrap().0.len(), 1);
    }

    #[test]
    fn archived_ties_and_ties_without_a_rhythm_never_come_round() {
        let noon = Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();
        let mut store = Store::open_in_memory(Arc::new(FixedClock::new(noon))).unwrap();
        let unplaced = store.create_person("No circle yet").unwrap();
        let mut gone = TieDraft::person("Archived");
        gone.circle = Some(Circle::Inner);
        let gone = store.create_tie(gone).unwrap().id;
        store.archive_tie(gone).unwrap();
        let far = noon + chrono::Duration::days(400);
        assert!(store.take_due_reach_outs(far, &settings()).unwrap().0.is_empty());
        let _ = unplaced;
    }
}
