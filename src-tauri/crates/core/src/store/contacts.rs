//! Logged contacts and who took part in them.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::time::{from_text, to_text};
use super::Store;
use crate::contact::{Channel, Contact, ContactDraft, Felt, Initiator};
use crate::error::{CoreError, CoreResult};

const SELECT_CONTACT: &str = "
    SELECT c.id, c.occurred_on, c.occurred_time, c.channel, c.initiated_by, c.felt, c.note,
           (SELECT group_concat(tie_id, ',') FROM contact_ties ct WHERE ct.contact_id = c.id),
           c.created_at, c.updated_at
    FROM contacts c";

const NOT_FOUND: &str = "That contact";

impl Store {
    pub fn create_contact(&mut self, draft: ContactDraft) -> CoreResult<Contact> {
        let draft = draft.cleaned(self.today())?;
        let now = to_text(self.now());
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO contacts (occurred_on, channel, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
            params![draft.occurred_on.to_string(), draft.channel.as_str(), now],
        )?;
        let id = tx.last_insert_rowid();
        write_contact(&tx, id, &draft, &now)?;
        tx.commit()?;
        self.get_contact(id)
    }

    pub fn update_contact(&mut self, id: i64, draft: ContactDraft) -> CoreResult<Contact> {
        let draft = draft.cleaned(self.today())?;
        let now = to_text(self.now());
        let tx = self.conn.transaction()?;
        let exists: Option<i64> =
            tx.query_row("SELECT id FROM contacts WHERE id = ?1", [id], |r| r.get(0)).optional()?;
        if exists.is_none() {
            return Err(CoreError::not_found(NOT_FOUND));
        }
        write_contact(&tx, id, &draft, &now)?;
        tx.commit()?;
        self.get_contact(id)
    }

    pub fn delete_contact(&mut self, id: i64) -> CoreResult<()> {
        let changed = self.conn.execute("DELETE FROM contacts WHERE id = ?1", [id])?;
        if changed == 0 {
            return Err(CoreError::not_found(NOT_FOUND));
        }
        Ok(())
    }

    pub fn get_contact(&self, id: i64) -> CoreResult<Contact> {
        self.conn
            .query_row(&format!("{SELECT_CONTACT} WHERE c.id = ?1"), [id], read_contact)
            .optional()?
            .ok_or(CoreError::not_found(NOT_FOUND))
    }

    /// A tie's timeline: its contacts, most recent first (by when they
    /// happened, then by when they were logged).
    pub fn list_contacts_for_tie(&self, tie_id: i64) -> CoreResult<Vec<Contact>> {
        self.get_tie(tie_id)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT_CONTACT} WHERE c.id IN (SELECT contact_id FROM contact_ties WHERE tie_id = ?1)
             ORDER BY c.occurred_on DESC, coalesce(c.occurred_time, '') DESC, c.id DESC"
        ))?;
        let contacts = stmt.query_map([tie_id], read_contact)?.collect::<Result<Vec<_>, _>>()?;
        Ok(contacts)
    }
}

fn write_contact(tx: &Transaction<'_>, id: i64, d: &ContactDraft, now: &str) -> CoreResult<()> {
    // Every participant must exist; say so next to the field rather than
    // failing on a foreign key.
    let mut exists = tx.prepare_cached("SELECT 1 FROM ties WHERE id = ?1")?;
    for tie_id in &d.tie_ids {
        if !exists.exists([tie_id])? {
            return Err(CoreError::validation(
                "tieIds",
                "Someone chosen for this contact is no longer in Kindred. Please choose again.",
            ));
        }
    }
    tx.execute(
        "UPDATE contacts SET occurred_on = ?2, occurred_time = ?3, channel = ?4, initiated_by = ?5,
                felt = ?6, note = ?7, updated_at = ?8 WHERE id = ?1",
        params![
            id,
            d.occurred_on.to_string(),
            d.occurred_time,
            d.channel.as_str(),
            d.initiated_by.map(Initiator::as_str),
            d.felt.map(Felt::as_str),
            d.note,
            now,
        ],
    )?;
    tx.execute("DELETE FROM contact_ties WHERE contact_id = ?1", [id])?;
    let mut insert = tx.prepare_cached("INSERT INTO contact_ties (contact_id, tie_id) VALUES (?1, ?2)")?;
    for tie_id in &d.tie_ids {
        insert.execute(params![id, tie_id])?;
    }
    Ok(())
}

pub(super) fn parse_date(column: usize, text: &str) -> rusqlite::Result<NaiveDate> {
    text.parse()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e)))
}

fn read_contact(row: &Row<'_>) -> rusqlite::Result<Contact> {
    let ties: Option<String> = row.get(7)?;
    let mut tie_ids: Vec<i64> = ties.as_deref().unwrap_or("").split(',').filter_map(|t| t.parse().ok()).collect();
    tie_ids.sort_unstable();
    Ok(Contact {
        id: row.get(0)?,
        occurred_on: parse_date(1, &row.get::<_, String>(1)?)?,
        occurred_time: row.get(2)?,
        channel: Channel::parse(&row.get::<_, String>(3)?).unwrap_or(Channel::Message),
        initiated_by: row.get::<_, Option<String>>(4)?.as_deref().and_then(Initiator::parse),
        felt: row.get::<_, Option<String>>(5)?.as_deref().and_then(Felt::parse),
        note: row.get(6)?,
        tie_ids,
        created_at: from_text(8, &row.get::<_, String>(8)?)?,
        updated_at: from_text(9, &row.get::<_, String>(9)?)?,
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::clock::FixedClock;
    use crate::tie::TieScope;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn store() -> Store {
        // 25 November 2026, mid-morning UTC.
        Store::open_in_memory(Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap()))).unwrap()
    }

    #[test]
    fn a_contact_with_several_people_is_stored_whole() {
        let mut store = store();
        let sam = store.create_person("Sam").unwrap().id;
        let ana = store.create_person("Ana").unwrap().id;
        let mut draft = ContactDraft::on(day(20), Channel::InPerson, vec![ana, sam, ana]);
        draft.occurred_time = Some(" 18:30 ".into());
        draft.initiated_by = Some(Initiator::Them);
        draft.felt = Some(Felt::Better);
        draft.note = "Dinner at Ana's 🍝".into();
        let c = store.create_contact(draft).unwrap();
        assert_eq!(c.tie_ids, {
            let mut v = vec![sam, ana];
            v.sort();
            v
        });
        assert_eq!(c.occurred_time.as_deref(), Some("18:30"));
        assert_eq!(store.list_contacts_for_tie(sam).unwrap(), std::slice::from_ref(&c));
        assert_eq!(store.list_contacts_for_tie(ana).unwrap(), [c]);
    }

    #[test]
    fn bad_contacts_are_refused_and_nothing_is_written() {
        let mut store = store();
        let sam = store.create_person("Sam").unwrap().id;
        let field = |r: CoreResult<Contact>| match r {
            Err(CoreError::Validation { field, .. }) => field,
            other => panic!("expected a validation error, got {other:?}"),
        };
        assert_eq!(field(store.create_contact(ContactDraft::on(day(26), Channel::Call, vec![sam]))), "occurredOn");
        assert_eq!(field(store.create_contact(ContactDraft::on(day(20), Channel::Call, vec![]))), "tieIds");
        assert_eq!(field(store.create_contact(ContactDraft::on(day(20), Channel::Call, vec![sam, 999]))), "tieIds");
        let mut late = ContactDraft::on(day(20), Channel::Call, vec![sam]);
        late.occurred_time = Some("25:00".into());
        assert_eq!(field(store.create_contact(late)), "occurredTime");
        let count: i64 = store.conn().query_row("SELECT count(*) FROM contacts", [], |r| r.get(0)).unwrap();
        assert_eq!(count, 0);
    }

    #[test]
    fn today_counts_as_the_past() {
        let mut store = store();
        let sam = store.create_person("Sam").unwrap().id;
        assert!(store.create_contact(ContactDraft::on(day(25), Channel::Message, vec![sam])).is_ok());
    }

    #[test]
    fn editing_moves_the_last_contact_and_deleting_removes_it() {
        let mut store = store();
        let sam = store.create_person("Sam").unwrap().id;
        let ana = store.create_person("Ana").unwrap().id;
        let c = store.create_contact(ContactDraft::on(day(20), Channel::Call, vec![sam])).unwrap();
        let edited = store.update_contact(c.id, ContactDraft::on(day(10), Channel::Video, vec![ana])).unwrap();
        assert_eq!(edited.channel, Channel::Video);
        assert_eq!(store.get_tie(sam).unwrap().last_contact_on, None);
        assert_eq!(store.get_tie(ana).unwrap().last_contact_on, Some(day(10)));
        store.delete_contact(c.id).unwrap();
        assert_eq!(store.get_tie(ana).unwrap().last_contact_on, None);
        assert!(matches!(store.delete_contact(c.id), Err(CoreError::NotFound { .. })));
    }

    #[test]
    fn deleting_a_tie_takes_its_own_contacts_but_keeps_shared_ones() {
        let mut store = store();
        let sam = store.create_person("Sam").unwrap().id;
        let ana = store.create_person("Ana").unwrap().id;
        let only_sam = store.create_contact(ContactDraft::on(day(20), Channel::Call, vec![sam])).unwrap();
        let shared = store.create_contact(ContactDraft::on(day(21), Channel::InPerson, vec![sam, ana])).unwrap();
        store.delete_tie(sam).unwrap();
        assert!(matches!(store.get_contact(only_sam.id), Err(CoreError::NotFound { .. })));
        assert_eq!(store.get_contact(shared.id).unwrap().tie_ids, [ana]);
        assert_eq!(store.list_ties(TieScope::All).unwrap().len(), 1);
    }
}
