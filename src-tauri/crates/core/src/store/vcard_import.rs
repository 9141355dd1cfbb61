//! Bringing people in from an address book's file (vCard or CSV).

use super::Store;
use crate::error::{CoreError, CoreResult};
use crate::tie::{birth_year_fits, Tie, TieDraft, TieScope};
use crate::vcard::{flag_duplicates, read_contacts, VcardFile, VcardPick};

impl Store {
    /// The people in a vCard file, with possible duplicates flagged, and
    /// the cards that can't come in.
    pub fn vcard_preview(&self, bytes: &[u8]) -> CoreResult<VcardFile> {
        let mut file = self.read_for_map(bytes)?;
        let here: Vec<_> = self.list_ties(TieScope::All)?.into_iter().map(|t| (t.name, t.birthday)).collect();
        flag_duplicates(&mut file.people, &here);
        Ok(file)
    }

    /// Adds the ticked people, each on the circle chosen, all or none.
    pub fn vcard_import(&mut self, bytes: &[u8], picks: &[VcardPick]) -> CoreResult<Vec<Tie>> {
        let people = self.read_for_map(bytes)?.people;
        let mut drafts = Vec::with_capacity(picks.len());
        for pick in picks {
            let person = people.iter().find(|p| p.index == pick.index).ok_or_else(|| {
                CoreError::validation("picks", "That contact isn't in the file any more. Please choose the file again.")
            })?;
            let mut draft = TieDraft::person(person.name.clone());
            draft.birthday = person.birthday;
            draft.circle = pick.circle;
            drafts.push(draft);
        }
        if drafts.is_empty() {
            return Err(CoreError::validation("picks", "Tick at least one person to bring in."));
        }
        self.create_ties(drafts)
    }

    /// The file as the map can hold it: a birth year before 1900 or after
    /// this year (a typo, a placeholder, a clock that was wrong when the
    /// card was written) reads as no year, as the person's page would
    /// refuse it. Found by the contacts fuzz test: the preview offered
    /// people the import then refused.
    fn read_for_map(&self, bytes: &[u8]) -> CoreResult<VcardFile> {
        let today = self.today();
        let mut file = read_contacts(bytes)?;
        for person in &mut file.people {
            if let Some(b) = person.birthday.as_mut() {
                if b.year.is_some_and(|y| !birth_year_fits(y, today)) {
                    b.year = None;
                }
            }
        }
        Ok(file)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::clock::FixedClock;
    use crate::tie::Circle;

    const FILE: &str = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Lima\r\nBDAY:1990-02-03\r\nEND:VCARD\r\n\
BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ben\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cai\r\nEND:VCARD\r\n";

    #[test]
    fn ticked_people_come_in_on_their_circles_with_birthdays() {
        let clock = Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap()));
        let mut store = Store::open_in_memory(clock).unwrap();
        store.create_tie(TieDraft::person("Ben")).unwrap();
        let preview = store.vcard_preview(FILE.as_bytes()).unwrap();
        assert_eq!(
            preview.people.iter().filter(|p| p.possible_duplicate).map(|p| p.name.as_str()).collect::<Vec<_>>(),
            ["Ben"]
        );
        let picks = [VcardPick { index: 0, circle: Some(Circle::Inner) }, VcardPick { index: 2, circle: None }];
        let added = store.vcard_import(FILE.as_bytes(), &picks).unwrap();
        assert_eq!(added.len(), 2);
        assert_eq!((added[0].name.as_str(), added[0].circle), ("Ana Lima", Some(Circle::Inner)));
        assert_eq!(added[0].birthday.unwrap().year, Some(1990));
        assert_eq!(store.list_ties(TieScope::All).unwrap().len(), 3);
        // A pick that isn't in the file changes nothing.
        let err = store.vcard_import(
            FILE.as_bytes(),
            &[VcardPick { index: 0, circle: None }, VcardPick { index: 9, circle: None }],
        );
        assert!(err.is_err());
        assert_eq!(store.list_ties(TieScope::All).unwrap().len(), 3);
        assert!(store.vcard_import(FILE.as_bytes(), &[]).is_err());
    }

    #[test]
    fn a_birth_year_the_map_cannot_hold_comes_in_as_no_year() {
        let clock = Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap()));
        let mut store = Store::open_in_memory(clock).unwrap();
        let file = "BEGIN:VCARD\r\nFN:Later\r\nBDAY:2031-05-04\r\nEND:VCARD\r\n\
BEGIN:VCARD\r\nFN:Earlier\r\nBDAY:1850-05-04\r\nEND:VCARD\r\n\
BEGIN:VCARD\r\nFN:Now\r\nBDAY:2026-05-04\r\nEND:VCARD\r\n";
        let years: Vec<_> =
            store.vcard_preview(file.as_bytes()).unwrap().people.iter().map(|p| p.birthday.unwrap().year).collect();
        assert_eq!(years, [None, None, Some(2026)]);
        let picks: Vec<_> = (0..3).map(|index| VcardPick { index, circle: None }).collect();
        let added = store.vcard_import(file.as_bytes(), &picks).unwrap();
        assert_eq!(added.iter().map(|t| t.birthday.unwrap().year).collect::<Vec<_>>(), [None, None, Some(2026)]);
    }
}
