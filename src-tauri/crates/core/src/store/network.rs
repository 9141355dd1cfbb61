//! Builds the read-only [`Network`] that insights and reach-out suggestions
//! are computed from.

use std::collections::HashMap;

use super::contacts::parse_date;
use super::Store;
use crate::contact::{Felt, Initiator};
use crate::error::CoreResult;
use crate::network::{Network, NetworkContact, NetworkTie, Ratings};
use crate::tie::TieScope;

impl Store {
    /// The network as it stands today: active ties with their cadence in
    /// force and latest ratings, and every contact that involves them.
    pub fn network(&self) -> CoreResult<Network> {
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
        Ok(Network { today: self.today(), ties, contacts: self.active_contacts()? })
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
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.occurred_on, c.initiated_by, c.felt, group_concat(ct.tie_id, ',')
             FROM contacts c
             JOIN contact_ties ct ON ct.contact_id = c.id
             JOIN ties t ON t.id = ct.tie_id AND t.archived_at IS NULL
             GROUP BY c.id
             ORDER BY c.occurred_on, c.id",
        )?;
        let rows = stmt.query_map([], |r| {
            let ties: String = r.get(4)?;
            Ok(NetworkContact {
                id: r.get(0)?,
                occurred_on: parse_date(1, &r.get::<_, String>(1)?)?,
                initiated_by: r.get::<_, Option<String>>(2)?.as_deref().and_then(Initiator::parse),
                felt: r.get::<_, Option<String>>(3)?.as_deref().and_then(Felt::parse),
                tie_ids: ties.split(',').filter_map(|t| t.parse().ok()).collect(),
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
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
}
