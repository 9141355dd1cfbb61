//! Builds the read-only [`Network`] that insights and reach-out suggestions
//! are computed from.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::contacts::parse_date;
use super::Store;
use crate::contact::{Felt, Initiator};
use crate::error::CoreResult;
use crate::network::{Network, NetworkContact, NetworkTie, Ratings};
use crate::tie::TieScope;

/// The last network built, valid while nothing was written through this
/// connection and the day has not turned. Today, the map and Reflect each
/// ask for the network when they open; at ten years of use (1,000 ties,
/// 20,000 contacts) building it costs tens of milliseconds, and nothing has
/// usually changed between two screens.
pub(crate) struct NetworkCache {
    changes: u64,
    today: NaiveDate,
    network: Arc<Network>,
}

impl Store {
    /// The network as it stands today: active ties with their cadence in
    /// force and latest ratings, and every contact that involves them.
    /// Shared, and built again only after a write or when the day turns.
    pub fn network(&self) -> CoreResult<Arc<Network>> {
        let changes = self.conn.total_changes();
        let today = self.today();
        if let Some(cache) = self.network_cache.borrow().as_ref() {
            if cache.changes == changes && cache.today == today {
                return Ok(Arc::clone(&cache.network));
            }
        }
        let network = Arc::new(self.build_network(today)?);
        *self.network_cache.borrow_mut() = Some(NetworkCache { changes, today, network: Arc::clone(&network) });
        Ok(network)
    }

    fn build_network(&self, today: NaiveDate) -> CoreResult<Network> {
        let defaults = self.cadence_defaults()?;
        let ratings = self.latest_ratings()?;
        let ties = self
            .list_ties(TieScope::Active)?
            .into_iter()
            .map(|t| NetworkTie {
                cadence_days: defaults.in_force(&t),
                added_on: t.created_at.date_naive(),
                ratings: ratings.get(&t.id).copied().unwrap_or_default(),
                id: t.id,
                name: t.name,
                kind: t.kind,
                group_kind: t.group_kind,
                circle: t.circle,
                support_types: t.support_types,
                feel: t.feel,
            })
            .collect();
        Ok(Network { today, ties, contacts: self.active_contacts()? })
    }

    fn latest_ratings(&self) -> CoreResult<HashMap<i64, Ratings>> {
        // The latest row per tie; ties and ids break ties in time.
        let mut stmt = self.conn.prepare_cached(
            "SELECT q.tie_id, q.empathy, q.respect, q.reciprocity, q.boundaries FROM quality_ratings q
             WHERE q.id = (SELECT q2.id FROM quality_ratings q2 WHERE q2.tie_id = q.tie_id
                           ORDER BY q2.rated_at DESC, q2.id DESC LIMIT 1)",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Ratings { empathy: r.get(1)?, respect: r.get(2)?, reciprocity: r.get(3)?, boundaries: r.get(4)? },
            ))
        })?;
        Ok(rows.collect::<Result<HashMap<_, _>, _>>()?)
    }

    fn active_contacts(&self) -> CoreResult<Vec<NetworkContact>> {
        // One row per (contact, active tie), in contact order, folded into
        // contacts here: cheaper than GROUP BY with group_concat and parsing
        // the joined ids back (about half the time at 20,000 contacts).
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.occurred_on, c.initiated_by, c.felt, ct.tie_id
             FROM contacts c
             JOIN contact_ties ct ON ct.contact_id = c.id
             JOIN ties t ON t.id = ct.tie_id AND t.archived_at IS NULL
             ORDER BY c.occurred_on, c.id, ct.tie_id",
        )?;
        let mut rows = stmt.query([])?;
        let mut contacts: Vec<NetworkContact> = Vec::new();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let tie_id: i64 = r.get(4)?;
            if let Some(last) = contacts.last_mut().filter(|c| c.id == id) {
                last.tie_ids.push(tie_id);
                continue;
            }
            contacts.push(NetworkContact {
                id,
                occurred_on: r.get_ref(1)?.as_str().map_err(rusqlite::Error::from).and_then(|t| parse_date(1, t))?,
                initiated_by: r.get_ref(2)?.as_str_or_null().map_err(rusqlite::Error::from)?.and_then(Initiator::parse),
                felt: r.get_ref(3)?.as_str_or_null().map_err(rusqlite::Error::from)?.and_then(Felt::parse),
                tie_ids: vec![tie_id],
            });
        }
        Ok(contacts)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{NaiveDate, TimeZone, Utc};

    use super::*;
    use crate::clock::FixedClock;
    use crate::contact::{Channel, ContactDraft};
    use crate::quality::QualityDraft;
    use crate::tie::{Cadence, Circle, TieDraft};

    #[test]
    fn the_network_holds_active_ties_with_their_cadence_in_force() {
        let mut store =
            Store::open_in_memory(Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap())))
                .unwrap();
        let mut inner = TieDraft::person("Sam");
        inner.circle = Some(Circle::Inner);
        let sam = store.create_tie(inner).unwrap().id;
        let mut custom = TieDraft::person("Ana");
        custom.circle = Some(Circle::Outer);
        custom.cadence = Cadence::Custom { days: 10 };
        let ana = store.create_tie(custom).unwrap().id;
        let mut off = TieDraft::person("Ben");
        off.circle = Some(Circle::Middle);
        off.cadence = Cadence::Off;
        let ben = store.create_tie(off).unwrap().id;
        let gone = store.create_person("Gone").unwrap().id;
        store.archive_tie(gone).unwrap();
        store.rate_tie(sam, QualityDraft { respect: Some(2), ..Default::default() }).unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        store.create_contact(ContactDraft::on(day, Channel::Call, vec![sam, gone])).unwrap();
        store.create_contact(ContactDraft::on(day, Channel::Call, vec![gone])).unwrap();

        let net = store.network().unwrap();
        assert_eq!(net.today, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        let cadence: Vec<_> = net.ties.iter().map(|t| (t.id, t.cadence_days)).collect();
        assert_eq!(cadence, [(ana, Some(10)), (ben, None), (sam, Some(7))]);
        assert_eq!(net.ties.iter().find(|t| t.id == sam).unwrap().ratings.respect, Some(2));
        assert_eq!(net.contacts.len(), 1, "contacts with only archived ties are left out");
        assert_eq!(net.contacts[0].tie_ids, [sam]);
    }

    #[test]
    fn the_network_is_shared_until_a_write_or_a_new_day() {
        let clock = Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap()));
        let mut store = Store::open_in_memory(clock.clone()).unwrap();
        let sam = store.create_person("Sam").unwrap().id;
        let first = store.network().unwrap();
        assert!(Arc::ptr_eq(&first, &store.network().unwrap()), "nothing changed: the same network");

        let day = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        store.create_contact(ContactDraft::on(day, Channel::Call, vec![sam])).unwrap();
        let after_write = store.network().unwrap();
        assert_eq!((first.contacts.len(), after_write.contacts.len()), (0, 1), "a write is seen at once");

        clock.advance(chrono::Duration::days(1));
        let next_day = store.network().unwrap();
        assert!(!Arc::ptr_eq(&after_write, &next_day));
        assert_eq!(next_day.today, NaiveDate::from_ymd_opt(2026, 11, 26).unwrap());

        store.archive_tie(sam).unwrap();
        assert!(store.network().unwrap().ties.is_empty(), "archiving is a write too");
    }

    #[test]
    fn a_contact_with_several_people_is_one_contact_with_all_of_them() {
        let mut store =
            Store::open_in_memory(Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap())))
                .unwrap();
        let ids: Vec<i64> = ["Ana", "Ben", "Cai"].iter().map(|n| store.create_person(n).unwrap().id).collect();
        let old = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap();
        let new = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        store.create_contact(ContactDraft::on(new, Channel::Call, vec![ids[2], ids[0]])).unwrap();
        store.create_contact(ContactDraft::on(old, Channel::Call, ids.clone())).unwrap();
        let net = store.network().unwrap();
        let seen: Vec<_> = net.contacts.iter().map(|c| (c.occurred_on, c.tie_ids.clone())).collect();
        assert_eq!(seen, [(old, ids.clone()), (new, vec![ids[0], ids[2]])], "oldest first, each once");
    }
}
