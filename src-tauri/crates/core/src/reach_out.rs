//! "Who might it be nice to reach out to?": how long it has been since each
//! tie was last in touch, measured against that tie's cadence. Pure functions
//! of a [`Network`], so the Today screen, the map's fading and the reach-out
//! reminders all agree on one answer.

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::network::{Network, NetworkTie};

/// How one tie stands against its reach-out cadence.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReachOut {
    pub tie_id: i64,
    /// The day of the latest contact with this tie (the day it happened, not
    /// the day it was logged); `None` when no contact has been logged.
    pub last_contact_on: Option<NaiveDate>,
    /// Whole days from the last contact (or, with none, from the day the tie
    /// was added) to today. Never negative: a date after today counts as 0.
    pub days_since: i64,
    /// The cadence in force for this tie, in days (always at least 1).
    pub cadence_days: u32,
    /// `days_since / cadence_days`: 1.0 means exactly one cadence has passed.
    pub ratio: f64,
}

/// The latest day on which a contact involving `tie_id` happened, by the
/// contact's event date (`occurred_on`), never the day it was logged.
///
/// A contact dated after `network.today` still counts here (it is the latest
/// event on record); [`reach_out_status`] clamps the resulting day count so
/// it never goes negative.
pub fn last_contact_on(network: &Network, tie_id: i64) -> Option<NaiveDate> {
    network.contacts.iter().filter(|c| c.tie_ids.contains(&tie_id)).map(|c| c.occurred_on).max()
}

/// Where `tie` stands against its cadence, or `None` when reach-out nudges
/// are off for it (no cadence).
///
/// A cadence of 0 days has no sensible meaning (it would be "always due",
/// and the ratio would divide by zero), so it is treated like no cadence.
pub fn reach_out_status(network: &Network, tie: &NetworkTie) -> Option<ReachOut> {
    status_from(network.today, tie, last_contact_on(network, tie.id))
}

fn status_from(today: NaiveDate, tie: &NetworkTie, last: Option<NaiveDate>) -> Option<ReachOut> {
    let cadence_days = tie.cadence_days.filter(|&d| d > 0)?;
    let since = last.unwrap_or(tie.added_on);
    let days_since = today.signed_duration_since(since).num_days().max(0);
    Some(ReachOut {
        tie_id: tie.id,
        last_contact_on: last,
        days_since,
        cadence_days,
        ratio: days_since as f64 / f64::from(cadence_days),
    })
}

/// Every tie's latest contact day, in one pass over the contacts (rather
/// than [`last_contact_on`] once per tie, which scans them all each time).
pub fn latest_contacts(network: &Network) -> HashMap<i64, NaiveDate> {
    let mut latest: HashMap<i64, NaiveDate> = HashMap::new();
    for contact in &network.contacts {
        for tie_id in &contact.tie_ids {
            let day = latest.entry(*tie_id).or_insert(contact.occurred_on);
            *day = (*day).max(contact.occurred_on);
        }
    }
    latest
}

/// Ties for whom at least one full cadence has passed (`ratio >= 1.0`), the
/// furthest past their cadence first: ratio descending, then days since
/// descending, then name ascending (case-insensitive), then id, so the order
/// never depends on the order of the input.
pub fn due_to_reach_out(network: &Network) -> Vec<ReachOut> {
    let latest = latest_contacts(network);
    let mut due: Vec<(&NetworkTie, ReachOut)> = network
        .ties
        .iter()
        .filter_map(|tie| status_from(network.today, tie, latest.get(&tie.id).copied()).map(|r| (tie, r)))
        .filter(|(_, r)| r.ratio >= 1.0)
        .collect();
    due.sort_by(|(ta, a), (tb, b)| {
        b.ratio
            .total_cmp(&a.ratio)
            .then_with(|| b.days_since.cmp(&a.days_since))
            .then_with(|| compare_names(&ta.name, &tb.name))
            .then_with(|| a.tie_id.cmp(&b.tie_id))
    });
    due.into_iter().map(|(_, r)| r).collect()
}

/// The same ties as [`due_to_reach_out`], the closest first: the inner
/// circle, then the middle, the outer and those not placed yet, and within
/// each the furthest past their rhythm first. Today shows only the first
/// few, so on a day when hundreds are due it names the people who matter
/// most, not whoever was added longest ago.
pub fn due_closest_first(network: &Network) -> Vec<ReachOut> {
    let rank: HashMap<i64, u8> = network.ties.iter().map(|t| (t.id, circle_rank(t.circle))).collect();
    let mut due = due_to_reach_out(network);
    // A stable sort keeps the furthest-past order within each circle.
    due.sort_by_key(|r| rank.get(&r.tie_id).copied().unwrap_or(u8::MAX));
    due
}

fn circle_rank(circle: Option<crate::tie::Circle>) -> u8 {
    use crate::tie::Circle;
    match circle {
        Some(Circle::Inner) => 0,
        Some(Circle::Middle) => 1,
        Some(Circle::Outer) => 2,
        None => 3,
    }
}

/// Names in a person-friendly order: ignoring case first, then exactly, so
/// "ana" and "Ana" still have a fixed order.
pub(crate) fn compare_names(a: &str, b: &str) -> Ordering {
    a.to_lowercase().cmp(&b.to_lowercase()).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::{NetworkContact, Ratings};
    use crate::tie::TieKind;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    const TODAY: (i32, u32, u32) = (2025, 6, 30);

    fn today() -> NaiveDate {
        day(TODAY.0, TODAY.1, TODAY.2)
    }

    fn days_ago(n: i64) -> NaiveDate {
        today() - chrono::Duration::days(n)
    }

    fn tie(id: i64, name: &str, cadence: Option<u32>, added_days_ago: i64) -> NetworkTie {
        NetworkTie {
            id,
            name: name.to_owned(),
            kind: TieKind::Person,
            group_kind: None,
            circle: None,
            support_types: vec![],
            cadence_days: cadence,
            added_on: days_ago(added_days_ago),
            feel: None,
            ratings: Ratings::default(),
        }
    }

    fn contact(id: i64, on: NaiveDate, tie_ids: &[i64]) -> NetworkContact {
        NetworkContact { id, occurred_on: on, tie_ids: tie_ids.to_vec(), initiated_by: None, felt: None }
    }

    fn network(ties: Vec<NetworkTie>, contacts: Vec<NetworkContact>) -> Network {
        Network { today: today(), ties, contacts }
    }

    #[test]
    fn last_contact_is_the_latest_event_date_whatever_the_list_order() {
        // Listed out of order on purpose (as if the older one had been logged
        // later): the answer is the latest day it happened.
        let n = network(
            vec![tie(1, "Sam", Some(7), 100)],
            vec![contact(10, days_ago(3), &[1]), contact(11, days_ago(20), &[1]), contact(12, days_ago(1), &[2])],
        );
        assert_eq!(last_contact_on(&n, 1), Some(days_ago(3)));
        assert_eq!(last_contact_on(&n, 2), Some(days_ago(1)));
        assert_eq!(last_contact_on(&n, 3), None);
    }

    #[test]
    fn a_shared_contact_counts_for_every_tie_in_it() {
        let n = network(
            vec![tie(1, "Sam", Some(7), 100), tie(2, "Ana", Some(7), 100)],
            vec![contact(10, days_ago(4), &[1, 2])],
        );
        assert_eq!(last_contact_on(&n, 1), Some(days_ago(4)));
        assert_eq!(last_contact_on(&n, 2), Some(days_ago(4)));
    }

    #[test]
    fn status_counts_from_the_last_contact() {
        let n = network(vec![tie(1, "Sam", Some(7), 100)], vec![contact(10, days_ago(14), &[1])]);
        let r = reach_out_status(&n, &n.ties[0]).unwrap();
        assert_eq!(
            r,
            ReachOut { tie_id: 1, last_contact_on: Some(days_ago(14)), days_since: 14, cadence_days: 7, ratio: 2.0 }
        );
    }

    #[test]
    fn with_no_contacts_status_counts_from_the_day_the_tie_was_added() {
        let n = network(vec![tie(1, "Sam", Some(20), 10)], vec![]);
        let r = reach_out_status(&n, &n.ties[0]).unwrap();
        assert_eq!(r.last_contact_on, None);
        assert_eq!(r.days_since, 10);
        assert_eq!(r.ratio, 0.5);
    }

    #[test]
    fn no_cadence_means_no_status_and_never_listed() {
        let n = network(vec![tie(1, "Sam", None, 400), tie(2, "Ana", Some(0), 400)], vec![]);
        assert_eq!(reach_out_status(&n, &n.ties[0]), None);
        assert_eq!(reach_out_status(&n, &n.ties[1]), None, "a zero cadence is treated as off");
        assert!(due_to_reach_out(&n).is_empty());
    }

    #[test]
    fn a_contact_after_today_never_gives_negative_days() {
        let future = today() + chrono::Duration::days(5);
        let n = network(vec![tie(1, "Sam", Some(7), 100), tie(2, "Ana", Some(7), -3)], vec![contact(10, future, &[1])]);
        let sam = reach_out_status(&n, &n.ties[0]).unwrap();
        assert_eq!(sam.last_contact_on, Some(future));
        assert_eq!(sam.days_since, 0);
        assert_eq!(sam.ratio, 0.0);
        // Added "in the future" (a clock that moved back): also clamped.
        let ana = reach_out_status(&n, &n.ties[1]).unwrap();
        assert_eq!(ana.days_since, 0);
        assert!(due_to_reach_out(&n).is_empty());
    }

    #[test]
    fn due_starts_at_exactly_one_cadence() {
        let n = network(
            vec![tie(1, "Sam", Some(7), 100), tie(2, "Ana", Some(7), 100)],
            vec![contact(10, days_ago(7), &[1]), contact(11, days_ago(6), &[2])],
        );
        let due = due_to_reach_out(&n);
        assert_eq!(due.iter().map(|r| r.tie_id).collect::<Vec<_>>(), vec![1]);
        assert_eq!(due[0].ratio, 1.0);
    }

    #[test]
    fn due_is_ordered_by_ratio_then_days_then_name() {
        let n = network(
            vec![
                // ratio 2.0, 14 days
                tie(1, "zoe", Some(7), 14),
                // ratio 3.0
                tie(2, "Yan", Some(10), 30),
                // ratio 2.0, 42 days: before Zoe, same ratio but longer
                tie(3, "Xia", Some(21), 42),
                // ratio 2.0, 14 days: same as Zoe, name decides (case-insensitive)
                tie(4, "Ana", Some(7), 14),
                // not due
                tie(5, "Bob", Some(60), 30),
                // off
                tie(6, "Cat", None, 300),
            ],
            vec![],
        );
        let order: Vec<i64> = due_to_reach_out(&n).iter().map(|r| r.tie_id).collect();
        assert_eq!(order, vec![2, 3, 4, 1]);
    }

    #[test]
    fn due_order_does_not_depend_on_input_order() {
        let ties = vec![
            tie(1, "Sam", Some(7), 14),
            tie(2, "Sam", Some(7), 14),
            tie(3, "sam", Some(7), 14),
            tie(4, "Ana", Some(14), 28),
        ];
        let a = due_to_reach_out(&network(ties.clone(), vec![]));
        let mut reversed = ties;
        reversed.reverse();
        let b = due_to_reach_out(&network(reversed, vec![]));
        assert_eq!(a, b);
        assert_eq!(a.iter().map(|r| r.tie_id).collect::<Vec<_>>(), vec![4, 1, 2, 3]);
    }

    #[test]
    fn serialises_in_camel_case_with_plain_dates() {
        let r =
            ReachOut { tie_id: 3, last_contact_on: Some(day(2025, 6, 2)), days_since: 28, cadence_days: 7, ratio: 4.0 };
        assert_eq!(
            serde_json::to_value(&r).unwrap(),
            serde_json::json!({
                "tieId": 3, "lastContactOn": "2025-06-02", "daysSince": 28, "cadenceDays": 7, "ratio": 4.0
            })
        );
    }

    #[test]
    fn today_names_the_closest_first_then_the_furthest_past_their_rhythm() {
        use crate::tie::Circle;
        let placed = |id, name: &str, circle, cadence, days| NetworkTie { circle, ..tie(id, name, Some(cadence), days) };
        let n = network(
            vec![
                // Furthest past of all (ratio 10), but outer.
                placed(1, "Olu", Some(Circle::Outer), 7, 70),
                // Not placed yet, ratio 5.
                placed(2, "Noor", None, 7, 35),
                // Inner, ratio 2 and 3: both before everyone else, 3 first.
                placed(3, "Ines", Some(Circle::Inner), 7, 14),
                placed(4, "Ivo", Some(Circle::Inner), 7, 21),
                // Middle, ratio 4.
                placed(5, "Mia", Some(Circle::Middle), 7, 28),
                // Inner but not due.
                placed(6, "Isa", Some(Circle::Inner), 7, 3),
            ],
            vec![],
        );
        let ids = |v: Vec<ReachOut>| v.into_iter().map(|r| r.tie_id).collect::<Vec<_>>();
        assert_eq!(ids(due_to_reach_out(&n)), [1, 2, 5, 4, 3]);
        assert_eq!(ids(due_closest_first(&n)), [4, 3, 5, 1, 2]);
    }
}
