//! Export everything to one file, and bring a file back: replacing what is
//! here, or merging with it (people matched by name and birthday). An
//! import runs in one transaction; the preview runs the very same import
//! and rolls it back, so it counts exactly what would change and finds
//! every problem before anything is written.

use std::collections::{HashMap, HashSet};

/// A tie already here: id, name and (day, month) birthday.
type TieHere = (i64, String, Option<(u8, u8)>);

/// What makes two contacts the same: day, time, channel, note and people.
type ContactSignature = (String, Option<String>, &'static str, String, Vec<i64>);

use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::contacts::parse_date;
use super::time::{from_optional_text, from_text, to_text};
use super::Store;
use crate::data_file::{
    bad, CheckInRecord, ContactRecord, DataFile, DeliveredRecord, EntryRecord, IntentionRecord, QualityRecord,
    ReminderRecord, SessionRecord, TieRecord, FORMAT, VERSION,
};
use crate::error::{CoreError, CoreResult};
use crate::names::clean_name;
use crate::reflection::intention::IntentionStatus;
use crate::reflection::session::SessionStatus;
use crate::tie::{Birthday, Cadence, Circle, GroupKind, Sector, SupportType, TieKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportMode {
    /// Everything here is replaced by the file.
    Replace,
    /// The file is added to what is here; people already here (same name
    /// and birthday) are matched, exact repeats are skipped.
    Merge,
}

/// How many of each kind of record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    pub ties: u32,
    pub contacts: u32,
    pub quality_ratings: u32,
    pub sessions: u32,
    pub journal_entries: u32,
    pub intentions: u32,
    pub reminders: u32,
    pub check_ins: u32,
}

/// What an import does (or would do).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    pub mode: ImportMode,
    /// Records removed first (replace only).
    pub removed: Counts,
    /// Records added.
    pub added: Counts,
    /// Records in the file already here, so left as they are (merge only).
    pub already_here: Counts,
    /// Names of people in the file matched with people already here.
    pub matched_names: Vec<String>,
}

impl Store {
    /// Everything, as one export file.
    pub fn export_data(&self) -> CoreResult<DataFile> {
        let c = &self.conn;
        let mut support: HashMap<i64, Vec<SupportType>> = HashMap::new();
        for row in c
            .prepare("SELECT tie_id, support_type FROM tie_support ORDER BY tie_id, support_type")?
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
        {
            let (tie, kind) = row?;
            if let Some(s) = SupportType::parse(&kind) {
                support.entry(tie).or_default().push(s);
            }
        }
        let ties = c
            .prepare(
                "SELECT id, kind, group_kind, name, circle, sector, cadence_mode, cadence_days, birthday_day,
                        birthday_month, birthday_year, notes, next_time_note, map_angle, created_at, updated_at, archived_at
                 FROM ties ORDER BY id",
            )?
            .query_map([], |r| {
                let id: i64 = r.get(0)?;
                let text = |i| r.get::<_, Option<String>>(i);
                Ok(TieRecord {
                    id,
                    kind: text(1)?.as_deref().and_then(TieKind::parse).unwrap_or(TieKind::Person),
                    group_kind: text(2)?.as_deref().and_then(GroupKind::parse),
                    name: r.get(3)?,
                    circle: text(4)?.as_deref().and_then(Circle::parse),
                    sector: text(5)?.as_deref().and_then(Sector::parse),
                    support_types: support.get(&id).cloned().unwrap_or_default(),
                    cadence: Cadence::from_columns(text(6)?.as_deref(), r.get(7)?),
                    birthday: Birthday::from_columns(r.get(8)?, r.get(9)?, r.get(10)?),
                    notes: r.get(11)?,
                    next_time_note: r.get(12)?,
                    map_angle: r.get(13)?,
                    created_at: from_text(14, &r.get::<_, String>(14)?)?,
                    updated_at: from_text(15, &r.get::<_, String>(15)?)?,
                    archived_at: from_optional_text(16, r.get(16)?)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let quality_ratings = c
            .prepare(
                "SELECT id, tie_id, rated_at, feel, empathy, respect, reciprocity, boundaries, note
                 FROM quality_ratings ORDER BY id",
            )?
            .query_map([], |r| {
                Ok(QualityRecord {
                    id: r.get(0)?,
                    tie_id: r.get(1)?,
                    rated_at: from_text(2, &r.get::<_, String>(2)?)?,
                    feel: r.get::<_, Option<String>>(3)?.as_deref().and_then(crate::tie::Feel::parse),
                    empathy: r.get(4)?,
                    respect: r.get(5)?,
                    reciprocity: r.get(6)?,
                    boundaries: r.get(7)?,
                    note: r.get(8)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut contact_ties: HashMap<i64, Vec<i64>> = HashMap::new();
        for row in c
            .prepare("SELECT contact_id, tie_id FROM contact_ties ORDER BY contact_id, tie_id")?
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?
        {
            let (contact, tie) = row?;
            contact_ties.entry(contact).or_default().push(tie);
        }
        let contacts = c
            .prepare(
                "SELECT id, occurred_on, occurred_time, channel, initiated_by, felt, note, created_at, updated_at
                 FROM contacts ORDER BY id",
            )?
            .query_map([], |r| {
                let id: i64 = r.get(0)?;
                Ok(ContactRecord {
                    id,
                    occurred_on: parse_date(1, &r.get::<_, String>(1)?)?,
                    occurred_time: r.get(2)?,
                    channel: crate::contact::Channel::parse(&r.get::<_, String>(3)?)
                        .unwrap_or(crate::contact::Channel::InPerson),
                    initiated_by: r.get::<_, Option<String>>(4)?.as_deref().and_then(crate::contact::Initiator::parse),
                    felt: r.get::<_, Option<String>>(5)?.as_deref().and_then(crate::contact::Felt::parse),
                    note: r.get(6)?,
                    tie_ids: contact_ties.remove(&id).unwrap_or_default(),
                    created_at: from_text(7, &r.get::<_, String>(7)?)?,
                    updated_at: from_text(8, &r.get::<_, String>(8)?)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let reflection_sessions = c
            .prepare(
                "SELECT id, guide_id, status, mood_before, feelings_before, mood_after, feelings_after, started_at,
                        completed_at, updated_at FROM reflection_sessions ORDER BY id",
            )?
            .query_map([], |r| {
                Ok(SessionRecord {
                    id: r.get(0)?,
                    guide_id: r.get(1)?,
                    status: SessionStatus::parse(&r.get::<_, String>(2)?).unwrap_or(SessionStatus::SetAside),
                    mood_before: r.get(3)?,
                    feelings_before: serde_json::from_str(&r.get::<_, String>(4)?).unwrap_or_default(),
                    mood_after: r.get(5)?,
                    feelings_after: serde_json::from_str(&r.get::<_, String>(6)?).unwrap_or_default(),
                    started_at: from_text(7, &r.get::<_, String>(7)?)?,
                    completed_at: from_optional_text(8, r.get(8)?)?,
                    updated_at: from_text(9, &r.get::<_, String>(9)?)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let journal_entries = c
            .prepare(
                "SELECT id, session_id, prompt_id, theme, prompt_text, answer, skipped, tie_id, position, created_at,
                        updated_at FROM reflection_entries ORDER BY id",
            )?
            .query_map([], |r| {
                Ok(EntryRecord {
                    id: r.get(0)?,
                    session_id: r.get(1)?,
                    prompt_id: r.get(2)?,
                    theme: super::journal::read_theme(3, &r.get::<_, String>(3)?)?,
                    prompt_text: r.get(4)?,
                    answer: r.get(5)?,
                    skipped: r.get(6)?,
                    tie_id: r.get(7)?,
                    position: r.get(8)?,
                    created_at: from_text(9, &r.get::<_, String>(9)?)?,
                    updated_at: from_text(10, &r.get::<_, String>(10)?)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let intentions = c
            .prepare(
                "SELECT id, text, tie_id, session_id, due_on, due_time, status, created_at, updated_at, closed_at
                 FROM intentions ORDER BY id",
            )?
            .query_map([], |r| {
                Ok(IntentionRecord {
                    id: r.get(0)?,
                    text: r.get(1)?,
                    tie_id: r.get(2)?,
                    session_id: r.get(3)?,
                    due_on: r.get::<_, Option<String>>(4)?.map(|d| parse_date(4, &d)).transpose()?,
                    due_time: r.get(5)?,
                    status: IntentionStatus::parse(&r.get::<_, String>(6)?).unwrap_or(IntentionStatus::Open),
                    created_at: from_text(7, &r.get::<_, String>(7)?)?,
                    updated_at: from_text(8, &r.get::<_, String>(8)?)?,
                    closed_at: from_optional_text(9, r.get(9)?)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let reminders = c
            .prepare(
                "SELECT id, title, note, rule, enabled, created_at, updated_at FROM reminders
                 WHERE kind = 'custom' ORDER BY id",
            )?
            .query_map([], |r| {
                let rule: String = r.get(3)?;
                Ok(ReminderRecord {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    note: r.get(2)?,
                    rule: serde_json::from_str(&rule).map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(3, rusqlite::types::Type::Text, Box::new(e))
                    })?,
                    enabled: r.get(4)?,
                    created_at: from_text(5, &r.get::<_, String>(5)?)?,
                    updated_at: from_text(6, &r.get::<_, String>(6)?)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let check_ins = c
            .prepare("SELECT id, taken_at, item1, item2, item3 FROM checkins ORDER BY id")?
            .query_map([], |r| {
                Ok(CheckInRecord {
                    id: r.get(0)?,
                    taken_at: from_text(1, &r.get::<_, String>(1)?)?,
                    items: [r.get(2)?, r.get(3)?, r.get(4)?],
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let settings = c
            .prepare("SELECT key, value FROM settings ORDER BY key")?
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            .filter_map(|row| row.ok())
            .filter_map(|(key, value)| serde_json::from_str(&value).ok().map(|v| (key, v)))
            .collect();
        let mut delivered: Vec<DeliveredRecord> = c
            .prepare("SELECT reminder_id, due_at, fired_at FROM reminder_occurrences ORDER BY reminder_id, due_at")?
            .query_map([], |r| {
                Ok(DeliveredRecord {
                    reminder_id: Some(r.get(0)?),
                    key: None,
                    due_at: from_text(1, &r.get::<_, String>(1)?)?,
                    fired_at: from_text(2, &r.get::<_, String>(2)?)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        delivered.extend(
            c.prepare("SELECT key, due_at, fired_at FROM derived_occurrences ORDER BY key, due_at")?
                .query_map([], |r| {
                    Ok(DeliveredRecord {
                        reminder_id: None,
                        key: Some(r.get(0)?),
                        due_at: from_text(1, &r.get::<_, String>(1)?)?,
                        fired_at: from_text(2, &r.get::<_, String>(2)?)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?,
        );
        Ok(DataFile {
            format: FORMAT.to_owned(),
            version: VERSION,
            exported_at: self.now(),
            ties,
            quality_ratings,
            contacts,
            reflection_sessions,
            journal_entries,
            intentions,
            reminders,
            check_ins,
            settings,
            delivered,
        })
    }

    /// What importing `file` would do, found by doing it and rolling back.
    pub fn preview_import(&mut self, file: &DataFile, mode: ImportMode) -> CoreResult<ImportPreview> {
        let tx = self.conn.transaction()?;
        let preview = import_into(&tx, file, mode)?;
        tx.rollback()?;
        Ok(preview)
    }

    /// Imports `file`, all or nothing.
    pub fn import_data(&mut self, file: &DataFile, mode: ImportMode) -> CoreResult<ImportPreview> {
        let tx = self.conn.transaction()?;
        let done = import_into(&tx, file, mode)?;
        tx.commit()?;
        Ok(done)
    }
}

/// Tables in an order that deleting respects the links between them.
const TABLES: &[&str] = &[
    "contact_ties",
    "contacts",
    "tie_support",
    "quality_ratings",
    "reminder_occurrences",
    "derived_occurrences",
    "reminders",
    "reflection_entries",
    "intentions",
    "reflection_sessions",
    "checkins",
    "notices",
    "settings",
    "ties",
];

fn count(tx: &Transaction<'_>, table: &str) -> CoreResult<u32> {
    Ok(tx.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
}

fn counts(tx: &Transaction<'_>) -> CoreResult<Counts> {
    Ok(Counts {
        ties: count(tx, "ties")?,
        contacts: count(tx, "contacts")?,
        quality_ratings: count(tx, "quality_ratings")?,
        sessions: count(tx, "reflection_sessions")?,
        journal_entries: count(tx, "reflection_entries")?,
        intentions: count(tx, "intentions")?,
        reminders: count(tx, "reminders")?,
        check_ins: count(tx, "checkins")?,
    })
}

/// Names the record a problem is in: "ties[3] (“Sam”)".
fn at(list: &str, index: usize, name: Option<&str>) -> String {
    match name {
        Some(name) => format!("{list}[{index}] (“{name}”)"),
        None => format!("{list}[{index}]"),
    }
}

/// A database refusal, in words about the record.
fn refused(place: String, error: rusqlite::Error) -> CoreError {
    let reason = match &error {
        rusqlite::Error::SqliteFailure(e, _) if e.code == rusqlite::ErrorCode::ConstraintViolation => {
            "one of its values is outside what Kindred accepts, or it repeats an id".to_owned()
        }
        _ => return CoreError::Storage(error),
    };
    bad(format!("Kindred couldn't bring in {place}: {reason}."))
}

fn missing(place: String, what: &str, id: i64) -> CoreError {
    bad(format!("Kindred couldn't bring in {place}: it refers to {what} {id}, which isn't in the file."))
}

fn import_into(tx: &Transaction<'_>, file: &DataFile, mode: ImportMode) -> CoreResult<ImportPreview> {
    let before = counts(tx)?;
    let removed = if mode == ImportMode::Replace {
        for table in TABLES {
            tx.execute(&format!("DELETE FROM {table}"), [])?;
        }
        before
    } else {
        Counts::default()
    };
    let merging = mode == ImportMode::Merge;
    let mut already = Counts::default();
    let mut matched_names = Vec::new();

    // People and groups: kept ids when replacing; matched by name and
    // birthday, or given new ids, when merging.
    let mut tie_ids: HashMap<i64, i64> = HashMap::new();
    let existing: Vec<TieHere> = if merging {
        tx.prepare("SELECT id, name, birthday_day, birthday_month FROM ties")?
            .query_map([], |r| {
                let b = match (r.get::<_, Option<u8>>(2)?, r.get::<_, Option<u8>>(3)?) {
                    (Some(d), Some(m)) => Some((d, m)),
                    _ => None,
                };
                Ok((r.get(0)?, r.get::<_, String>(1)?, b))
            })?
            .collect::<Result<Vec<_>, _>>()?
    } else {
        Vec::new()
    };
    let same_name = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
    for (i, t) in file.ties.iter().enumerate() {
        let place = at("ties", i, Some(&t.name));
        let name = clean_name(&t.name).map_err(|e| bad(format!("Kindred couldn't bring in {place}: {e}")))?;
        let birthday = t.birthday.map(|b| (b.day, b.month));
        if let Some((id, _, _)) = existing.iter().find(|(_, n, b)| same_name(n, &name) && *b == birthday) {
            tie_ids.insert(t.id, *id);
            already.ties += 1;
            matched_names.push(name);
            continue;
        }
        let (mode_text, days) = t.cadence.to_columns();
        tx.execute(
            "INSERT INTO ties (id, kind, group_kind, name, circle, sector, cadence_mode, cadence_days, birthday_day,
                               birthday_month, birthday_year, notes, next_time_note, map_angle, created_at, updated_at,
                               archived_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            params![
                (!merging).then_some(t.id),
                t.kind.as_str(),
                t.group_kind.map(GroupKind::as_str),
                name,
                t.circle.map(Circle::as_str),
                t.sector.map(Sector::as_str),
                mode_text,
                days,
                t.birthday.map(|b| b.day),
                t.birthday.map(|b| b.month),
                t.birthday.and_then(|b| b.year),
                t.notes,
                t.next_time_note,
                t.map_angle,
                to_text(t.created_at),
                to_text(t.updated_at),
                t.archived_at.map(to_text),
            ],
        )
        .map_err(|e| refused(place.clone(), e))?;
        let id = tx.last_insert_rowid();
        tie_ids.insert(t.id, id);
        for s in &t.support_types {
            tx.execute(
                "INSERT OR IGNORE INTO tie_support (tie_id, support_type) VALUES (?1, ?2)",
                params![id, s.as_str()],
            )
            .map_err(|e| refused(place.clone(), e))?;
        }
    }
    let tie = |place: &dyn Fn() -> String, id: i64| {
        tie_ids.get(&id).copied().ok_or_else(|| missing(place(), "person or group", id))
    };

    for (i, q) in file.quality_ratings.iter().enumerate() {
        let place = || at("qualityRatings", i, None);
        let tie_id = tie(&place, q.tie_id)?;
        let rated = to_text(q.rated_at);
        if merging
            && exists(tx, "SELECT 1 FROM quality_ratings WHERE tie_id = ?1 AND rated_at = ?2", params![tie_id, rated])?
        {
            already.quality_ratings += 1;
            continue;
        }
        tx.execute(
            "INSERT INTO quality_ratings (id, tie_id, rated_at, feel, empathy, respect, reciprocity, boundaries, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                (!merging).then_some(q.id),
                tie_id,
                rated,
                q.feel.map(crate::tie::Feel::as_str),
                q.empathy,
                q.respect,
                q.reciprocity,
                q.boundaries,
                q.note
            ],
        )
        .map_err(|e| refused(place(), e))?;
    }

    // Every contact already here, by what makes two the same, read once:
    // looking each one up would take seconds at 100,000 contacts.
    let mut contacts_here: HashSet<ContactSignature> = HashSet::new();
    if merging {
        let mut stmt = tx.prepare(
            "SELECT c.occurred_on, c.occurred_time, c.channel, c.note, group_concat(ct.tie_id)
             FROM contacts c JOIN contact_ties ct ON ct.contact_id = c.id GROUP BY c.id",
        )?;
        let rows = stmt.query_map([], |r| {
            let mut ties: Vec<i64> = r.get::<_, String>(4)?.split(',').filter_map(|t| t.parse().ok()).collect();
            ties.sort_unstable();
            let channel = crate::contact::Channel::parse(&r.get::<_, String>(2)?).map_or("", |c| c.as_str());
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?, channel, r.get::<_, String>(3)?, ties))
        })?;
        for row in rows {
            contacts_here.insert(row?);
        }
    }
    for (i, c) in file.contacts.iter().enumerate() {
        let place = || at("contacts", i, None);
        let mut ties = c.tie_ids.iter().map(|id| tie(&place, *id)).collect::<CoreResult<Vec<i64>>>()?;
        ties.sort_unstable();
        ties.dedup();
        if ties.is_empty() {
            return Err(bad(format!("Kindred couldn't bring in {}: it has no people or groups.", place())));
        }
        let on = c.occurred_on.to_string();
        let signature = (on.clone(), c.occurred_time.clone(), c.channel.as_str(), c.note.clone(), ties.clone());
        if merging && !contacts_here.insert(signature) {
            already.contacts += 1;
            continue;
        }
        tx.execute(
            "INSERT INTO contacts (id, occurred_on, occurred_time, channel, initiated_by, felt, note, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                (!merging).then_some(c.id),
                on,
                c.occurred_time,
                c.channel.as_str(),
                c.initiated_by.map(crate::contact::Initiator::as_str),
                c.felt.map(crate::contact::Felt::as_str),
                c.note,
                to_text(c.created_at),
                to_text(c.updated_at)
            ],
        )
        .map_err(|e| refused(place(), e))?;
        let id = tx.last_insert_rowid();
        for t in ties {
            tx.execute("INSERT INTO contact_ties (contact_id, tie_id) VALUES (?1, ?2)", params![id, t])
                .map_err(|e| refused(place(), e))?;
        }
    }

    let mut session_ids: HashMap<i64, i64> = HashMap::new();
    for (i, s) in file.reflection_sessions.iter().enumerate() {
        let place = || at("reflectionSessions", i, None);
        let started = to_text(s.started_at);
        if merging {
            let found: Option<i64> = tx
                .query_row(
                    "SELECT id FROM reflection_sessions WHERE started_at = ?1 AND guide_id = ?2",
                    params![started, s.guide_id],
                    |r| r.get(0),
                )
                .ok();
            if let Some(id) = found {
                session_ids.insert(s.id, id);
                already.sessions += 1;
                continue;
            }
        }
        let json = |f: &Vec<String>| serde_json::to_string(f).unwrap_or_else(|_| "[]".to_owned());
        tx.execute(
            "INSERT INTO reflection_sessions (id, guide_id, status, mood_before, feelings_before, mood_after,
                                              feelings_after, started_at, completed_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                (!merging).then_some(s.id),
                s.guide_id,
                s.status.as_str(),
                s.mood_before,
                json(&s.feelings_before),
                s.mood_after,
                json(&s.feelings_after),
                started,
                s.completed_at.map(to_text),
                to_text(s.updated_at)
            ],
        )
        .map_err(|e| refused(place(), e))?;
        session_ids.insert(s.id, tx.last_insert_rowid());
    }
    let session = |place: &dyn Fn() -> String, id: Option<i64>| -> CoreResult<Option<i64>> {
        id.map(|id| session_ids.get(&id).copied().ok_or_else(|| missing(place(), "reflection session", id))).transpose()
    };

    for (i, e) in file.journal_entries.iter().enumerate() {
        let place = || at("journalEntries", i, None);
        let session_id = session(&place, e.session_id)?;
        let tie_id = e.tie_id.map(|t| tie(&place, t)).transpose()?;
        let created = to_text(e.created_at);
        if merging
            && exists(
                tx,
                "SELECT 1 FROM reflection_entries WHERE created_at = ?1 AND prompt_id = ?2 AND answer = ?3 AND session_id IS ?4",
                params![created, e.prompt_id, e.answer, session_id],
            )?
        {
            already.journal_entries += 1;
            continue;
        }
        tx.execute(
            "INSERT INTO reflection_entries (id, session_id, prompt_id, theme, prompt_text, answer, skipped, tie_id,
                                             position, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                (!merging).then_some(e.id),
                session_id,
                e.prompt_id,
                e.theme.as_str(),
                e.prompt_text,
                e.answer,
                e.skipped,
                tie_id,
                e.position,
                created,
                to_text(e.updated_at)
            ],
        )
        .map_err(|err| refused(place(), err))?;
    }

    let mut intention_ids: HashMap<i64, i64> = HashMap::new();
    for (i, n) in file.intentions.iter().enumerate() {
        let place = || at("intentions", i, None);
        let tie_id = n.tie_id.map(|t| tie(&place, t)).transpose()?;
        let session_id = session(&place, n.session_id)?;
        let created = to_text(n.created_at);
        if merging {
            let found: Option<i64> = tx
                .query_row(
                    "SELECT id FROM intentions WHERE created_at = ?1 AND text = ?2",
                    params![created, n.text],
                    |r| r.get(0),
                )
                .ok();
            if let Some(id) = found {
                intention_ids.insert(n.id, id);
                already.intentions += 1;
                continue;
            }
        }
        tx.execute(
            "INSERT INTO intentions (id, text, tie_id, session_id, due_on, due_time, status, created_at, updated_at, closed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                (!merging).then_some(n.id),
                n.text,
                tie_id,
                session_id,
                n.due_on.map(|d| d.to_string()),
                n.due_time,
                n.status.as_str(),
                created,
                to_text(n.updated_at),
                n.closed_at.map(to_text)
            ],
        )
        .map_err(|e| refused(place(), e))?;
        intention_ids.insert(n.id, tx.last_insert_rowid());
    }

    let mut reminder_ids: HashMap<i64, i64> = HashMap::new();
    for (i, r) in file.reminders.iter().enumerate() {
        let place = || at("reminders", i, Some(&r.title));
        r.rule.validate().map_err(|e| bad(format!("Kindred couldn't bring in {}: {e}", place())))?;
        let rule = serde_json::to_string(&r.rule).map_err(std::io::Error::other)?;
        let created = to_text(r.created_at);
        if merging {
            let found: Option<i64> = tx
                .query_row(
                    "SELECT id FROM reminders WHERE kind = 'custom' AND title = ?1 AND rule = ?2 AND created_at = ?3",
                    params![r.title, rule, created],
                    |row| row.get(0),
                )
                .ok();
            if let Some(id) = found {
                reminder_ids.insert(r.id, id);
                already.reminders += 1;
                continue;
            }
        }
        tx.execute(
            "INSERT INTO reminders (id, kind, title, note, rule, enabled, created_at, updated_at)
             VALUES (?1, 'custom', ?2, ?3, ?4, ?5, ?6, ?7)",
            params![(!merging).then_some(r.id), r.title, r.note, rule, r.enabled, created, to_text(r.updated_at)],
        )
        .map_err(|e| refused(place(), e))?;
        reminder_ids.insert(r.id, tx.last_insert_rowid());
    }

    for (i, c) in file.check_ins.iter().enumerate() {
        let place = || at("checkIns", i, None);
        let taken = to_text(c.taken_at);
        if merging && exists(tx, "SELECT 1 FROM checkins WHERE taken_at = ?1", params![taken])? {
            already.check_ins += 1;
            continue;
        }
        tx.execute(
            "INSERT INTO checkins (id, taken_at, item1, item2, item3) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![(!merging).then_some(c.id), taken, c.items[0], c.items[1], c.items[2]],
        )
        .map_err(|e| refused(place(), e))?;
    }

    // Settings: the file's when replacing; when merging, this machine's
    // own choices stay.
    for (key, value) in &file.settings {
        let json = serde_json::to_string(value).map_err(std::io::Error::other)?;
        let sql = if merging {
            "INSERT OR IGNORE INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)"
        } else {
            "INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)"
        };
        tx.execute(sql, params![key, json, to_text(file.exported_at)])?;
    }

    // What was already shown stays shown; derived keys name ties, which
    // may have new ids after a merge.
    for (i, d) in file.delivered.iter().enumerate() {
        let place = || at("delivered", i, None);
        let (due, fired) = (to_text(d.due_at), to_text(d.fired_at));
        match (&d.reminder_id, &d.key) {
            (Some(id), _) => {
                let id = reminder_ids.get(id).copied().ok_or_else(|| missing(place(), "reminder", *id))?;
                tx.execute(
                    "INSERT OR IGNORE INTO reminder_occurrences (reminder_id, due_at, fired_at) VALUES (?1, ?2, ?3)",
                    params![id, due, fired],
                )?;
            }
            (None, Some(key)) => {
                let key = remap_key(key, &tie_ids, &intention_ids);
                tx.execute(
                    "INSERT OR IGNORE INTO derived_occurrences (key, due_at, fired_at) VALUES (?1, ?2, ?3)",
                    params![key, due, fired],
                )?;
            }
            (None, None) => {
                return Err(bad(format!(
                    "Kindred couldn't bring in {}: it has neither a reminderId nor a key.",
                    place()
                )))
            }
        }
    }

    let after = counts(tx)?;
    let base = if merging { before } else { Counts::default() };
    let added = Counts {
        ties: after.ties - base.ties,
        contacts: after.contacts - base.contacts,
        quality_ratings: after.quality_ratings - base.quality_ratings,
        sessions: after.sessions - base.sessions,
        journal_entries: after.journal_entries - base.journal_entries,
        intentions: after.intentions - base.intentions,
        reminders: after.reminders - base.reminders,
        check_ins: after.check_ins - base.check_ins,
    };
    Ok(ImportPreview { mode, removed, added, already_here: already, matched_names })
}

fn exists(tx: &Transaction<'_>, sql: &str, args: impl rusqlite::Params) -> CoreResult<bool> {
    Ok(tx.prepare_cached(sql)?.exists(args)?)
}

/// `reach_out:12`, `birthday:12:…` or `intention:3` with the record's id
/// after a merge.
fn remap_key(key: &str, ties: &HashMap<i64, i64>, intentions: &HashMap<i64, i64>) -> String {
    let mut parts: Vec<String> = key.split(':').map(str::to_owned).collect();
    let map = match parts.first().map(String::as_str) {
        Some("reach_out" | "birthday") => Some(ties),
        Some("intention") => Some(intentions),
        _ => None,
    };
    if let Some(new) = map.and_then(|m| parts.get(1).and_then(|id| id.parse::<i64>().ok()).and_then(|id| m.get(&id))) {
        parts[1] = new.to_string();
    }
    parts.join(":")
}

#[cfg(test)]
#[path = "data_file_tests.rs"]
mod tests;
