//! A read-only picture of a person's network at one moment: the input of
//! every insight and of "who might be nice to reach out to". The store builds
//! it (`Store::network`); the rules that read it are pure functions, so they
//! are tested with hand-made networks and no database.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::contact::{Felt, Initiator};
use crate::tie::{Circle, Feel, GroupKind, SupportType, TieKind};

#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    /// The person's local date "now" (the store takes it from the clock and
    /// the local zone).
    pub today: NaiveDate,
    /// Active ties only: archived ties never appear in insights or reminders.
    pub ties: Vec<NetworkTie>,
    /// Contacts involving at least one active tie, oldest first.
    pub contacts: Vec<NetworkContact>,
}

impl Network {
    /// Each tie's contacts, in the order of `contacts`. Rules that look at
    /// many ties build this once rather than scanning every contact per tie
    /// (10,000 ties × 100,000 contacts would otherwise take seconds).
    pub fn contacts_by_tie(&self) -> HashMap<i64, Vec<&NetworkContact>> {
        let mut index: HashMap<i64, Vec<&NetworkContact>> = HashMap::new();
        for contact in &self.contacts {
            for tie_id in &contact.tie_ids {
                index.entry(*tie_id).or_default().push(contact);
            }
        }
        index
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct NetworkTie {
    pub id: i64,
    pub name: String,
    pub kind: TieKind,
    /// What kind of group a group tie is (online, faith…); `None` for people.
    pub group_kind: Option<GroupKind>,
    pub circle: Option<Circle>,
    pub support_types: Vec<SupportType>,
    /// The cadence in force: the tie's own, or its circle's default; `None`
    /// when reach-out nudges are off for this tie (or it has no circle yet).
    pub cadence_days: Option<u32>,
    /// The local date the tie was added: the starting point for "how long
    /// since" when no contact has been logged yet.
    pub added_on: NaiveDate,
    pub feel: Option<Feel>,
    /// The latest ratings, 1–5 each, where given.
    pub ratings: Ratings,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Ratings {
    pub empathy: Option<u8>,
    pub respect: Option<u8>,
    pub reciprocity: Option<u8>,
    pub boundaries: Option<u8>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NetworkContact {
    pub id: i64,
    /// The day it happened (not the day it was logged).
    pub occurred_on: NaiveDate,
    pub tie_ids: Vec<i64>,
    pub initiated_by: Option<Initiator>,
    pub felt: Option<Felt>,
}
