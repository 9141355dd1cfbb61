//! Reading and writing ties. Every write runs in a transaction and returns
//! the tie as it now stands.

use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::time::{from_optional_text, from_text, to_text};
use super::Store;
use crate::error::{CoreError, CoreResult};
use crate::names::clean_name;
use crate::tie::{Birthday, Cadence, Circle, Feel, GroupKind, Sector, SupportType, Tie, TieDraft, TieKind, TieScope};

const SELECT_TIE: &str = "
    SELECT t.id, t.kind, t.group_kind, t.name, t.circle, t.sector,
           (SELECT group_concat(support_type, ',') FROM tie_support s WHERE s.tie_id = t.id),
           t.cadence_mode, t.cadence_days, t.birthday_day, t.birthday_month, t.birthday_year,
           t.notes, t.next_time_note,
           (SELECT q.feel FROM quality_ratings q WHERE q.tie_id = t.id
             ORDER BY q.rated_at DESC, q.id DESC LIMIT 1),
           (SELECT max(c.occurred_on) FROM contacts c
              JOIN contact_ties ct ON ct.contact_id = c.id WHERE ct.tie_id = t.id),
           t.created_at, t.updated_at, t.archived_at
    FROM ties t";

/// The same columns for the reminder scheduler, which runs every 30
/// seconds over every tie: support types, feel and notes are left out (it
/// needs rhythm, birthday and last contact only).
/// What reminders need of each active tie, and no more (see
/// [`ReminderTie`]). The day a rhythm counts from is the last contact's, or
/// else the (UTC) day the tie was added: the first ten characters of its
/// stored instant.
const SELECT_TIES_FOR_REMINDERS: &str = "
    SELECT t.id, t.name, t.circle, t.cadence_mode, t.cadence_days,
           t.birthday_day, t.birthday_month, t.birthday_year,
           coalesce((SELECT max(c.occurred_on) FROM contacts c
                       JOIN contact_ties ct ON ct.contact_id = c.id WHERE ct.tie_id = t.id),
                    substr(t.created_at, 1, 10))
    FROM ties t WHERE +t.archived_at IS NULL ORDER BY t.id";

/// An active tie as the reminders see it: read for every tie at each full
/// tick, so it leaves out what a full [`Tie`] decodes (kinds, sector,
/// notes, timestamps), which was most of a full tick at 10,000 ties.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ReminderTie {
    pub id: i64,
    pub name: String,
    pub circle: Option<Circle>,
    pub cadence: Cadence,
    pub birthday: Option<Birthday>,
    /// The day the rhythm counts from: the last contact, else the day the
    /// tie was added.
    pub since: chrono::NaiveDate,
}

pub(crate) const NOT_FOUND: &str = "That person or group";

impl Store {
    /// Adds a person by name; everything else about them can come later.
    pub fn create_person(&mut self, name: &str) -> CoreResult<Tie> {
        self.create_tie(TieDraft::person(name))
    }

    /// Adds several people at once, all or none (bringing in contacts).
    pub fn create_ties(&mut self, drafts: Vec<TieDraft>) -> CoreResult<Vec<Tie>> {
        let today = self.today();
        let drafts = drafts.into_iter().map(|d| d.cleaned(today)).collect::<CoreResult<Vec<_>>>()?;
        let now = to_text(self.now());
        let tx = self.conn.transaction()?;
        let mut ids = Vec::with_capacity(drafts.len());
        for draft in &drafts {
            tx.execute(
                "INSERT INTO ties (kind, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
                params![draft.kind.as_str(), draft.name, now],
            )?;
            let id = tx.last_insert_rowid();
            write_draft(&tx, id, draft, &now)?;
            ids.push(id);
        }
        tx.commit()?;
        ids.into_iter().map(|id| self.get_tie(id)).collect()
    }

    /// Adds a person or group with everything the form holds.
    pub fn create_tie(&mut self, draft: TieDraft) -> CoreResult<Tie> {
        let draft = draft.cleaned(self.today())?;
        let now = to_text(self.now());
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO ties (kind, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
            params![draft.kind.as_str(), draft.name, now],
        )?;
        let id = tx.last_insert_rowid();
        write_draft(&tx, id, &draft, &now)?;
        tx.commit()?;
        self.get_tie(id)
    }

    /// Saves the whole form for an existing tie.
    pub fn update_tie(&mut self, id: i64, draft: TieDraft) -> CoreResult<Tie> {
        let draft = draft.cleaned(self.today())?;
        let now = to_text(self.now());
        let tx = self.conn.transaction()?;
        ensure_exists(&tx, id)?;
        write_draft(&tx, id, &draft, &now)?;
        tx.commit()?;
        self.get_tie(id)
    }

    pub fn get_tie(&self, id: i64) -> CoreResult<Tie> {
        self.conn
            .query_row(&format!("{SELECT_TIE} WHERE t.id = ?1"), [id], read_tie)
            .optional()?
            .ok_or(CoreError::not_found(NOT_FOUND))
    }

    /// Ties in `scope`, by name without regard to case.
    pub fn list_ties(&self, scope: TieScope) -> CoreResult<Vec<Tie>> {
        let filter = match scope {
            TieScope::Active => "WHERE t.archived_at IS NULL",
            TieScope::Archived => "WHERE t.archived_at IS NOT NULL",
            TieScope::All => "",
        };
        let mut stmt =
            self.conn.prepare_cached(&format!("{SELECT_TIE} {filter} ORDER BY t.name COLLATE NOCASE, t.id"))?;
        let ties = stmt.query_map([], read_tie)?.collect::<Result<Vec<_>, _>>()?;
        Ok(ties)
    }

    /// Active ties with what reminders need (no support types, feel or
    /// notes), by id.
    pub(super) fn ties_for_reminders(&self) -> CoreResult<Vec<ReminderTie>> {
        let mut stmt = self.conn.prepare_cached(SELECT_TIES_FOR_REMINDERS)?;
        let ties = stmt
            .query_map([], |row| {
                let since: String = row.get(8)?;
                Ok(ReminderTie {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    circle: row.get_ref(2)?.as_str_or_null()?.and_then(Circle::parse),
                    cadence: Cadence::from_columns(row.get_ref(3)?.as_str_or_null()?, row.get(4)?),
                    birthday: Birthday::from_columns(row.get(5)?, row.get(6)?, row.get(7)?),
                    since: since.parse().map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(8, rusqlite::types::Type::Text, Box::new(e))
                    })?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(ties)
    }

    pub fn rename_tie(&mut self, id: i64, name: &str) -> CoreResult<Tie> {
        let name = clean_name(name)?;
        self.set_on_tie(id, "name = ?2", name)
    }

    /// Moves a tie to another circle (the map's drag, or "Move to circle…").
    pub fn move_tie(&mut self, id: i64, circle: Option<Circle>) -> CoreResult<Tie> {
        self.set_on_tie(id, "circle = ?2", circle.map(Circle::as_str))
    }

    /// Moves a tie to the archive. Archiving twice is harmless.
    pub fn archive_tie(&mut self, id: i64) -> CoreResult<Tie> {
        let now = to_text(self.now());
        self.set_on_tie(id, "archived_at = coalesce(archived_at, ?2)", now)
    }

    /// Brings a tie back from the archive (the undo of [`Store::archive_tie`]).
    pub fn restore_tie(&mut self, id: i64) -> CoreResult<Tie> {
        self.set_on_tie(id, "archived_at = ?2", None::<String>)
    }

    /// Deletes a tie and everything attached to it: its support types,
    /// quality history, reminders, and the contacts that involved only this
    /// tie. A contact shared with others stays, without this tie.
    pub fn delete_tie(&mut self, id: i64) -> CoreResult<()> {
        let tx = self.conn.transaction()?;
        ensure_exists(&tx, id)?;
        tx.execute(
            "DELETE FROM contacts WHERE id IN (
                 SELECT contact_id FROM contact_ties WHERE tie_id = ?1
                 EXCEPT
                 SELECT contact_id FROM contact_ties WHERE tie_id <> ?1)",
            [id],
        )?;
        tx.execute("DELETE FROM ties WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }

    fn set_on_tie(&mut self, id: i64, set: &str, value: impl rusqlite::ToSql) -> CoreResult<Tie> {
        let now = to_text(self.now());
        let tx = self.conn.transaction()?;
        let changed =
            tx.execute(&format!("UPDATE ties SET {set}, updated_at = ?3 WHERE id = ?1"), params![id, value, now])?;
        if changed == 0 {
            return Err(CoreError::not_found(NOT_FOUND));
        }
        tx.commit()?;
        self.get_tie(id)
    }
}

fn ensure_exists(tx: &Transaction<'_>, id: i64) -> CoreResult<()> {
    let found: Option<i64> = tx.query_row("SELECT id FROM ties WHERE id = ?1", [id], |r| r.get(0)).optional()?;
    found.map(|_| ()).ok_or(CoreError::not_found(NOT_FOUND))
}

fn write_draft(tx: &Transaction<'_>, id: i64, d: &TieDraft, now: &str) -> CoreResult<()> {
    let (mode, days) = d.cadence.to_columns();
    tx.execute(
        "UPDATE ties SET kind = ?2, group_kind = ?3, name = ?4, circle = ?5, sector = ?6,
                cadence_mode = ?7, cadence_days = ?8,
                birthday_day = ?9, birthday_month = ?10, birthday_year = ?11,
                notes = ?12, next_time_note = ?13, updated_at = ?14
         WHERE id = ?1",
        params![
            id,
            d.kind.as_str(),
            d.group_kind.map(GroupKind::as_str),
            d.name,
            d.circle.map(Circle::as_str),
            d.sector.map(Sector::as_str),
            mode,
            days,
            d.birthday.map(|b| b.day),
            d.birthday.map(|b| b.month),
            d.birthday.and_then(|b| b.year),
            d.notes,
            d.next_time_note,
            now,
        ],
    )?;
    tx.execute("DELETE FROM tie_support WHERE tie_id = ?1", [id])?;
    let mut insert = tx.prepare_cached("INSERT INTO tie_support (tie_id, support_type) VALUES (?1, ?2)")?;
    for support in &d.support_types {
        insert.execute(params![id, support.as_str()])?;
    }
    Ok(())
}

fn read_tie(row: &Row<'_>) -> rusqlite::Result<Tie> {
    let text = |i: usize| -> rusqlite::Result<Option<String>> { row.get(i) };
    let support = text(6)?;
    let mut support_types: Vec<SupportType> =
        support.as_deref().unwrap_or("").split(',').filter_map(SupportType::parse).collect();
    support_types.sort();
    let cadence = Cadence::from_columns(text(7)?.as_deref(), row.get(8)?);
    let birthday = Birthday::from_columns(row.get(9)?, row.get(10)?, row.get(11)?);
    let last_contact_on = text(15)?
        .map(|d| {
            d.parse()
                .map_err(|e| rusqlite::Error::FromSqlConversionFailure(15, rusqlite::types::Type::Text, Box::new(e)))
        })
        .transpose()?;
    Ok(Tie {
        id: row.get(0)?,
        // The schema's CHECK constraints make unknown text impossible; a
        // stray value still reads as the safest meaning rather than failing.
        kind: text(1)?.as_deref().and_then(TieKind::parse).unwrap_or(TieKind::Person),
        group_kind: text(2)?.as_deref().and_then(GroupKind::parse),
        name: row.get(3)?,
        circle: text(4)?.as_deref().and_then(Circle::parse),
        sector: text(5)?.as_deref().and_then(Sector::parse),
        support_types,
        cadence,
        birthday,
        notes: row.get(12)?,
        next_time_note: row.get(13)?,
        feel: text(14)?.as_deref().and_then(Feel::parse),
        last_contact_on,
        created_at: from_text(16, &row.get::<_, String>(16)?)?,
        updated_at: from_text(17, &row.get::<_, String>(17)?)?,
        archived_at: from_optional_text(18, row.get(18)?)?,
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{Duration, NaiveDate, TimeZone, Utc};

    use super::*;
    use crate::clock::{Clock, FixedClock};
    use crate::tie::NOTES_MAX_CHARS;

    fn clock() -> Arc<FixedClock> {
        Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 25, 9, 30, 0).unwrap()))
    }

    fn store_at(clock: &Arc<FixedClock>) -> Store {
        Store::open_in_memory(clock.clone()).unwrap()
    }

    fn full_draft() -> TieDraft {
        TieDraft {
            kind: TieKind::Group,
            group_kind: Some(GroupKind::PeerSupport),
            name: " Tuesday circle ".into(),
            circle: Some(Circle::Middle),
            sector: Some(Sector::CommunityOnline),
            support_types: vec![SupportType::Belonging, SupportType::Emotional, SupportType::Belonging],
            cadence: Cadence::Custom { days: 7 },
            birthday: None,
            notes: "  Meets at the library.\nBring tea.  ".into(),
            next_time_note: "Ask about the walk".into(),
        }
    }

    #[test]
    fn a_new_person_is_stored_trimmed_and_stamped() {
        let clock = clock();
        let mut store = store_at(&clock);
        let sam = store.create_person("  Sam  ").unwrap();
        assert_eq!(sam.name, "Sam");
        assert_eq!(sam.kind, TieKind::Person);
        assert_eq!(sam.cadence, Cadence::Circle);
        assert_eq!(sam.created_at, clock.now());
        assert_eq!(sam.archived_at, None);
        assert_eq!(sam.last_contact_on, None);
        assert_eq!(store.get_tie(sam.id).unwrap(), sam);
    }

    #[test]
    fn every_field_of_the_form_round_trips() {
        let mut store = store_at(&clock());
        let tie = store.create_tie(full_draft()).unwrap();
        assert_eq!(tie.name, "Tuesday circle");
        assert_eq!(tie.group_kind, Some(GroupKind::PeerSupport));
        assert_eq!(tie.support_types, [SupportType::Emotional, SupportType::Belonging]);
        assert_eq!(tie.cadence, Cadence::Custom { days: 7 });
        assert_eq!(tie.notes, "Meets at the library.\nBring tea.");
        assert_eq!(tie.next_time_note, "Ask about the walk");

        let mut person = TieDraft::person("Ana");
        person.birthday = Some(Birthday { day: 29, month: 2, year: None });
        person.cadence = Cadence::Off;
        let updated = store.update_tie(tie.id, person).unwrap();
        assert_eq!(updated.kind, TieKind::Person);
        assert_eq!(updated.group_kind, None);
        assert_eq!(updated.support_types, []);
        assert_eq!(updated.cadence, Cadence::Off);
        assert_eq!(updated.birthday, Some(Birthday { day: 29, month: 2, year: None }));
    }

    #[test]
    fn impossible_fields_are_refused_with_the_field_named() {
        let mut store = store_at(&clock());
        let field = |d: TieDraft, store: &mut Store| match store.create_tie(d) {
            Err(CoreError::Validation { field, .. }) => field,
            other => panic!("expected a validation error, got {other:?}"),
        };
        let mut d = TieDraft::person("Sam");
        d.birthday = Some(Birthday { day: 31, month: 2, year: None });
        assert_eq!(field(d.clone(), &mut store), "birthday");
        d.birthday = Some(Birthday { day: 29, month: 2, year: Some(2023) });
        assert_eq!(field(d.clone(), &mut store), "birthday");
        d.birthday = Some(Birthday { day: 1, month: 13, year: None });
        assert_eq!(field(d.clone(), &mut store), "birthday");
        d.birthday = Some(Birthday { day: 1, month: 1, year: Some(2027) });
        assert_eq!(field(d.clone(), &mut store), "birthday", "born in the future");
        d.birthday = None;
        d.cadence = Cadence::Custom { days: 0 };
        assert_eq!(field(d.clone(), &mut store), "cadence");
        d.cadence = Cadence::Custom { days: 366 };
        assert_eq!(field(d.clone(), &mut store), "cadence");
        d.cadence = Cadence::Circle;
        d.group_kind = Some(GroupKind::Faith);
        assert_eq!(field(d.clone(), &mut store), "groupKind");
        d.group_kind = None;
        d.notes = "x".repeat(NOTES_MAX_CHARS + 1);
        assert_eq!(field(d, &mut store), "notes");
        assert!(store.list_ties(TieScope::All).unwrap().is_empty(), "nothing half-saved");
    }

    #[test]
    fn invalid_names_store_nothing() {
        let mut store = store_at(&clock());
        for bad in ["", "  ", "a\tb", &"x".repeat(10_000)] {
            assert!(matches!(store.create_person(bad), Err(CoreError::Validation { field: "name", .. })));
        }
        assert!(store.list_ties(TieScope::All).unwrap().is_empty());
    }

    #[test]
    fn lists_are_sorted_by_name_ignoring_case() {
        let mut store = store_at(&clock());
        for name in ["zoë", "Ana", "ben"] {
            store.create_person(name).unwrap();
        }
        let names: Vec<_> = store.list_ties(TieScope::Active).unwrap().into_iter().map(|t| t.name).collect();
        assert_eq!(names, ["Ana", "ben", "zoë"]);
    }

    #[test]
    fn rename_changes_the_name_and_the_update_time_only() {
        let clock = clock();
        let mut store = store_at(&clock);
        let sam = store.create_person("Sam").unwrap();
        clock.advance(Duration::minutes(5));
        let renamed = store.rename_tie(sam.id, " Samuel ").unwrap();
        assert_eq!(renamed.name, "Samuel");
        assert_eq!(renamed.created_at, sam.created_at);
        assert_eq!(renamed.updated_at, clock.now());
        assert!(matches!(store.rename_tie(sam.id, ""), Err(CoreError::Validation { .. })));
        assert_eq!(store.get_tie(sam.id).unwrap().name, "Samuel");
    }

    #[test]
    fn move_changes_the_circle() {
        let mut store = store_at(&clock());
        let sam = store.create_person("Sam").unwrap();
        assert_eq!(store.move_tie(sam.id, Some(Circle::Inner)).unwrap().circle, Some(Circle::Inner));
        assert_eq!(store.move_tie(sam.id, None).unwrap().circle, None);
        assert!(matches!(store.move_tie(99, Some(Circle::Inner)), Err(CoreError::NotFound { .. })));
    }

    #[test]
    fn archive_moves_a_person_out_of_the_active_list_and_restore_brings_them_back() {
        let clock = clock();
        let mut store = store_at(&clock);
        let sam = store.create_person("Sam").unwrap();
        let ana = store.create_person("Ana").unwrap();
        let archived = store.archive_tie(sam.id).unwrap();
        assert_eq!(archived.archived_at, Some(clock.now()));

        // Archiving again keeps the first date.
        clock.advance(Duration::days(1));
        assert_eq!(store.archive_tie(sam.id).unwrap().archived_at, archived.archived_at);

        let ids = |scope| store.list_ties(scope).unwrap().into_iter().map(|t| t.id).collect::<Vec<_>>();
        assert_eq!(ids(TieScope::Active), [ana.id]);
        assert_eq!(ids(TieScope::Archived), [sam.id]);
        assert_eq!(ids(TieScope::All), [ana.id, sam.id]);

        let back = store.restore_tie(sam.id).unwrap();
        assert_eq!(back.archived_at, None);
        assert_eq!(back.name, "Sam");
    }

    #[test]
    fn missing_ties_are_not_found() {
        let mut store = store_at(&clock());
        assert!(matches!(store.get_tie(42), Err(CoreError::NotFound { .. })));
        assert!(matches!(store.rename_tie(42, "Sam"), Err(CoreError::NotFound { .. })));
        assert!(matches!(store.archive_tie(42), Err(CoreError::NotFound { .. })));
        assert!(matches!(store.update_tie(42, TieDraft::person("Sam")), Err(CoreError::NotFound { .. })));
        assert!(matches!(store.delete_tie(42), Err(CoreError::NotFound { .. })));
    }

    #[test]
    fn people_survive_closing_and_reopening_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let clock = clock();
        let id = {
            let mut store = Store::open_in_dir(dir.path(), clock.clone()).unwrap();
            store.create_tie(full_draft()).unwrap().id
        };
        let store = Store::open_in_dir(dir.path(), clock).unwrap();
        assert_eq!(store.get_tie(id).unwrap().name, "Tuesday circle");
        assert_eq!(store.get_tie(id).unwrap().cadence, Cadence::Custom { days: 7 });
    }

    #[test]
    fn last_contact_is_the_day_it_happened_not_the_day_it_was_logged() {
        use crate::contact::{Channel, ContactDraft};
        let mut store = store_at(&clock());
        let sam = store.create_person("Sam").unwrap();
        let last_week = NaiveDate::from_ymd_opt(2026, 11, 18).unwrap();
        store.create_contact(ContactDraft::on(last_week, Channel::Call, vec![sam.id])).unwrap();
        store
            .create_contact(ContactDraft::on(
                NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
                Channel::Video,
                vec![sam.id],
            ))
            .unwrap();
        assert_eq!(store.get_tie(sam.id).unwrap().last_contact_on, Some(last_week));
    }
}

impl Store {
    /// Turns first-run answers into ties, all at once or not at all. A name
    /// matches an active tie of the same name (ignoring case), or one made
    /// earlier in the same answers, so "Sam" named for two questions is one
    /// tie with two support types. Returns the ties named, in order of first
    /// mention.
    pub fn build_map(&mut self, answers: &[crate::first_run::MapAnswer]) -> CoreResult<Vec<Tie>> {
        use crate::first_run::{same_name, split_names};
        let mut parsed = Vec::with_capacity(answers.len());
        for answer in answers {
            parsed.push((answer.support_type, split_names(&answer.names)?));
        }
        let existing: Vec<(i64, String)> =
            self.list_ties(TieScope::Active)?.into_iter().map(|t| (t.id, t.name)).collect();
        let now = to_text(self.now());
        let tx = self.conn.transaction()?;
        let mut named: Vec<(i64, String)> = Vec::new();
        for (support, names) in parsed {
            for name in names {
                let id = match named.iter().chain(existing.iter()).find(|(_, n)| same_name(n, &name)) {
                    Some((id, _)) => *id,
                    None => {
                        tx.execute(
                            "INSERT INTO ties (kind, name, created_at, updated_at) VALUES ('person', ?1, ?2, ?2)",
                            params![name, now],
                        )?;
                        tx.last_insert_rowid()
                    }
                };
                tx.execute(
                    "INSERT OR IGNORE INTO tie_support (tie_id, support_type) VALUES (?1, ?2)",
                    params![id, support.as_str()],
                )?;
                tx.execute("UPDATE ties SET updated_at = ?2 WHERE id = ?1", params![id, now])?;
                if !named.iter().any(|(n, _)| *n == id) {
                    named.push((id, name));
                }
            }
        }
        tx.commit()?;
        named.into_iter().map(|(id, _)| self.get_tie(id)).collect()
    }
}

#[cfg(test)]
mod build_map_tests {
    use std::sync::Arc;

    use super::*;
    use crate::clock::SystemClock;
    use crate::first_run::MapAnswer;

    fn answer(support_type: SupportType, names: &str) -> MapAnswer {
        MapAnswer { support_type, names: names.into() }
    }

    #[test]
    fn answers_become_tagged_ties_and_repeats_are_one_tie() {
        let mut store = Store::open_in_memory(Arc::new(SystemClock)).unwrap();
        let existing = store.create_person("Mum").unwrap();
        let ties = store
            .build_map(&[
                answer(SupportType::Emotional, "Sam, mum"),
                answer(SupportType::Practical, "Ben\nSam"),
                answer(SupportType::Professional, ""),
            ])
            .unwrap();
        let summary: Vec<_> = ties.iter().map(|t| (t.name.as_str(), t.support_types.clone())).collect();
        assert_eq!(
            summary,
            [
                ("Sam", vec![SupportType::Emotional, SupportType::Practical]),
                ("Mum", vec![SupportType::Emotional]),
                ("Ben", vec![SupportType::Practical]),
            ]
        );
        assert_eq!(ties[1].id, existing.id);
        assert_eq!(store.list_ties(TieScope::All).unwrap().len(), 3);
    }

    #[test]
    fn one_bad_answer_writes_nothing() {
        let mut store = Store::open_in_memory(Arc::new(SystemClock)).unwrap();
        let result = store
            .build_map(&[answer(SupportType::Emotional, "Sam, Ana"), answer(SupportType::Practical, &"x".repeat(200))]);
        assert!(matches!(result, Err(CoreError::Validation { field: "names", .. })));
        assert!(store.list_ties(TieScope::All).unwrap().is_empty());
    }
}
