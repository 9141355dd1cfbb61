//! Contacts from a spreadsheet-style export (.csv): the files Google
//! Contacts ("Google CSV", old and new), Outlook (desktop and Outlook.com)
//! and Thunderbird write, and any other with columns named the way they
//! name them. Only names and birthdays are read, as for vCard.
//!
//! Columns are found by their header, never by their place: every program
//! orders them its own way, and Outlook in another language names them in
//! that language (a few common ones are known below). The separator is
//! what the header line uses most (a comma; a semicolon where the decimal
//! mark is a comma; a tab from "Unicode text" spreadsheets). The text has
//! already been decoded from bytes like a vCard file (BOM, UTF-8, else
//! Windows-1252, which is what Outlook writes as "ANSI").
//!
//! Birthdays come as ISO dates (`1980-03-22`, Google's `--03-22` without a
//! year), as the computer's short date (`3/22/1980` from Outlook in the US,
//! `22/03/1980` in Britain, `22.03.1980` in Germany; `0/0/00` meaning none),
//! or as three columns (Thunderbird's Birth Year, Month, Day). Whether a
//! slashed date puts the day or the month first is decided for the whole
//! file, by a date that can only be read one way; when none can, the month
//! comes first, as Outlook's own documentation writes them.

use crate::error::{CoreError, CoreResult};
use crate::names::clean_name;
use crate::tie::Birthday;
use crate::vcard::{parse_birthday, UnreadableCard, VcardFile, VcardPerson, VCARD_MAX_CARDS};

/// What each column holds, by the header names programs give it
/// (compared in lower case, spaces trimmed).
const FULL: &[&str] = &["name", "full name", "display name", "displayname", "formatted name"];
const GIVEN: &[&str] =
    &["first name", "given name", "firstname", "first", "vorname", "prénom", "prenom", "nombre", "voornaam", "nome"];
const MIDDLE: &[&str] = &["middle name", "additional name", "weitere vornamen", "deuxième prénom", "segundo nombre"];
const FAMILY: &[&str] = &[
    "last name",
    "family name",
    "surname",
    "lastname",
    "last",
    "nachname",
    "nom",
    "apellidos",
    "achternaam",
    "cognome",
];
const PREFIX: &[&str] = &["name prefix", "prefix"];
const SUFFIX: &[&str] = &["name suffix", "suffix"];
const NICKNAME: &[&str] = &["nickname", "nick name", "spitzname", "surnom", "apodo"];
const ORG: &[&str] = &[
    "organization name",
    "organization 1 - name",
    "organization",
    "organisation",
    "company",
    "firma",
    "société",
    "societe",
    "empresa",
    "organización",
    "bedrijf",
];
const BIRTHDAY: &[&str] = &[
    "birthday",
    "birth date",
    "birthdate",
    "date of birth",
    "geburtstag",
    "anniversaire",
    "date de naissance",
    "cumpleaños",
    "fecha de nacimiento",
    "verjaardag",
    "compleanno",
];
const BIRTH_YEAR: &[&str] = &["birth year", "birthyear"];
const BIRTH_MONTH: &[&str] = &["birth month", "birthmonth"];
const BIRTH_DAY: &[&str] = &["birth day", "birthday day"];

const NO_NAME: &str = "It has no name (no full, first or last name, nickname or company).";

/// Where each kind of column is, by position in a row.
#[derive(Debug, Default)]
struct Columns {
    full: Option<usize>,
    given: Option<usize>,
    middle: Option<usize>,
    family: Option<usize>,
    prefix: Option<usize>,
    suffix: Option<usize>,
    nickname: Option<usize>,
    org: Option<usize>,
    birthday: Option<usize>,
    birth_year: Option<usize>,
    birth_month: Option<usize>,
    birth_day: Option<usize>,
}

impl Columns {
    fn from_header(header: &csv::StringRecord) -> Self {
        let names: Vec<String> =
            header.iter().map(|h| h.trim_start_matches('\u{feff}').trim().to_lowercase()).collect();
        // The first column with one of these names (files can repeat one).
        let find = |known: &[&str]| names.iter().position(|n| known.contains(&n.as_str()));
        Columns {
            full: find(FULL),
            given: find(GIVEN),
            middle: find(MIDDLE),
            family: find(FAMILY),
            prefix: find(PREFIX),
            suffix: find(SUFFIX),
            nickname: find(NICKNAME),
            org: find(ORG),
            birthday: find(BIRTHDAY),
            birth_year: find(BIRTH_YEAR),
            birth_month: find(BIRTH_MONTH),
            birth_day: find(BIRTH_DAY),
        }
    }

    /// A contacts file names people in at least one of these.
    fn names_anyone(&self) -> bool {
        [self.full, self.given, self.family, self.nickname, self.org].iter().any(Option::is_some)
    }
}

/// The people in a contacts CSV, or `None` when the text isn't one (its
/// first line names no column a contacts file has).
pub fn read_contacts_csv(text: &str) -> Option<CoreResult<VcardFile>> {
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let columns = Columns::from_header(reader.headers().ok()?);
    if !columns.names_anyone() {
        return None;
    }
    // Read every row first: how slashed dates read is decided by all of them.
    let mut rows = Vec::new();
    for row in reader.records() {
        if rows.len() >= VCARD_MAX_CARDS {
            return Some(Err(CoreError::validation(
                "file",
                format!("This file has more than {VCARD_MAX_CARDS} contacts; Kindred reads up to that many at once."),
            )));
        }
        // The text is already valid UTF-8 and rows may be ragged, so a row
        // can only fail on a quote left open to the end of the file; what it
        // holds is still a row, as spreadsheets read it.
        match row {
            Ok(row) => rows.push(Ok(row)),
            Err(_) => rows.push(Err("Kindred can't read this row: a quote in it is never closed.")),
        }
    }
    let order = DateOrder::for_file(rows.iter().flatten().filter_map(|r| columns.birthday.and_then(|c| r.get(c))));
    let mut file = VcardFile::default();
    let mut index: u32 = 0;
    for row in rows {
        if let Ok(row) = &row {
            // Blank lines and rows of empty cells are spacing, not contacts.
            if row.iter().all(|cell| cell.trim().is_empty()) {
                continue;
            }
        }
        match row.and_then(|row| person(&row, &columns, order)) {
            Ok((name, birthday)) => file.people.push(VcardPerson { index, name, birthday, possible_duplicate: false }),
            Err(reason) => file.unreadable.push(UnreadableCard { index, reason: reason.to_owned() }),
        }
        index += 1;
    }
    if index == 0 {
        return Some(Err(CoreError::validation(
            "file",
            "This file has the column names of a contacts list but no one in it.",
        )));
    }
    Some(Ok(file))
}

/// The name and birthday in one row, or why it can't come in.
fn person(
    row: &csv::StringRecord,
    columns: &Columns,
    order: DateOrder,
) -> Result<(String, Option<Birthday>), &'static str> {
    let cell = |column: Option<usize>| column.and_then(|c| row.get(c)).map(str::trim).filter(|t| !t.is_empty());
    let parts: Vec<&str> = [columns.prefix, columns.given, columns.middle, columns.family, columns.suffix]
        .into_iter()
        .filter_map(cell)
        .collect();
    let name = cell(columns.full)
        .map(str::to_owned)
        .or_else(|| (!parts.is_empty()).then(|| parts.join(" ")))
        .or_else(|| cell(columns.nickname).map(str::to_owned))
        .or_else(|| cell(columns.org).map(str::to_owned))
        .ok_or(NO_NAME)?;
    let name = clean_name(&name).map_err(|_| "Its name can't be used (it is too long or has control characters).")?;
    let birthday = cell(columns.birthday).and_then(|b| read_date(b, order)).or_else(|| {
        let number = |c: Option<usize>| cell(c).and_then(|v| v.parse::<u16>().ok());
        let (month, day) = (number(columns.birth_month)?, number(columns.birth_day)?);
        birthday_from(number(columns.birth_year), month, day)
    });
    Ok((name, birthday))
}

/// The separator the header line uses most, outside quotes.
fn separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let mut quoted = false;
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    for b in header.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(count) = counts.iter_mut().find(|(sep, _)| *sep == b) {
                count.1 += 1;
            }
        }
    }
    // Ties go to the comma, the first in the list.
    counts.iter().rev().max_by_key(|(_, n)| *n).filter(|(_, n)| *n > 0).map_or(b',', |(sep, _)| *sep)
}

/// Whether `1/2/1980` is the 1st of February or the 2nd of January.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateOrder {
    MonthFirst,
    DayFirst,
}

impl DateOrder {
    /// Decided by the first date in the file that reads only one way.
    fn for_file<'a>(dates: impl Iterator<Item = &'a str>) -> Self {
        for date in dates {
            if let Some((a, b, _)) = slashed(date) {
                if a > 12 && b <= 12 {
                    return DateOrder::DayFirst;
                }
                if b > 12 && a <= 12 {
                    return DateOrder::MonthFirst;
                }
            }
        }
        DateOrder::MonthFirst
    }
}

/// A short date with slashes (`3/22/1980`) or dashes (`22-03-1980`; not
/// ISO's year-first `1980-03-22`), whose day and month order is the file's.
fn slashed(date: &str) -> Option<(u16, u16, (u16, usize))> {
    numbers(date, '/').or_else(|| numbers(date, '-').filter(|n| n.0 <= 31))
}

/// `a/b/c` as three numbers, when it is that.
fn numbers(date: &str, sep: char) -> Option<(u16, u16, (u16, usize))> {
    // A time after the date ("3/22/1980 0:00:00") is not part of it.
    let date = date.split_whitespace().next()?;
    let mut parts = date.split(sep);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || [a, b, c].iter().any(|p| p.is_empty() || !p.bytes().all(|d| d.is_ascii_digit())) {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?, (c.parse().ok()?, c.len())))
}

/// A birthday cell in any of the shapes the module's notes list.
fn read_date(raw: &str, order: DateOrder) -> Option<Birthday> {
    let raw = raw.trim();
    if let Some(b) = parse_birthday(raw) {
        return Some(b);
    }
    let (first, second, year) = if let Some(n) = numbers(raw, '.') {
        (n.1, n.0, n.2)
    } else if let Some((a, b, year)) = slashed(raw) {
        match order {
            DateOrder::MonthFirst => (a, b, year),
            DateOrder::DayFirst => (b, a, year),
        }
    } else {
        return None;
    };
    let (month, day) = (first, second);
    let year = match year {
        // Two digits, as short dates write them: 00-29 are this century,
        // 30-99 the last (the window spreadsheets use). A zero month or day
        // (Outlook's "0/0/00") means there is no birthday at all.
        (y, 1 | 2) => Some(if y < 30 { 2000 + y } else { 1900 + y }),
        (y, 4) => Some(y),
        _ => return None,
    };
    birthday_from(year, month, day)
}

/// A birthday from the numbers in a row, if they make one.
fn birthday_from(year: Option<u16>, month: u16, day: u16) -> Option<Birthday> {
    crate::vcard::birthday_from(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    type Seen = (String, Option<(u8, u8, Option<u16>)>);

    fn read(text: &str) -> VcardFile {
        read_contacts_csv(text).expect("a contacts file").expect("readable")
    }

    fn seen(file: &VcardFile) -> Vec<Seen> {
        file.people.iter().map(|p| (p.name.clone(), p.birthday.map(|b| (b.day, b.month, b.year)))).collect()
    }

    fn s(name: &str, b: Option<(u8, u8, Option<u16>)>) -> Seen {
        (name.to_owned(), b)
    }

    #[test]
    fn the_separator_is_what_the_header_uses() {
        assert_eq!(separator("First Name,Last Name\n"), b',');
        assert_eq!(separator("\"Name; with\";Vorname;Nachname\n"), b';');
        assert_eq!(separator("Name\tBirthday\n"), b'\t');
        assert_eq!(separator("Name\n"), b',');
    }

    #[test]
    fn slashed_dates_read_the_way_the_file_writes_them() {
        let us = "First Name,Birthday\nAna,3/22/1980\nBen,1/2/1990\nCai,0/0/00\nDee,12/25/81 0:00:00\n";
        assert_eq!(
            seen(&read(us)),
            [
                s("Ana", Some((22, 3, Some(1980)))),
                s("Ben", Some((2, 1, Some(1990)))),
                s("Cai", None),
                s("Dee", Some((25, 12, Some(1981)))),
            ]
        );
        let uk = "First Name,Birthday\nBen,1/2/1990\nAna,22/03/1980\nEve,29/02/2004\n";
        assert_eq!(
            seen(&read(uk)),
            [
                s("Ben", Some((1, 2, Some(1990)))),
                s("Ana", Some((22, 3, Some(1980)))),
                s("Eve", Some((29, 2, Some(2004))))
            ]
        );
        let de = "Vorname;Nachname;Geburtstag\nJürgen;Müller;22.03.1980\nKai;;1.2.05\n";
        assert_eq!(
            seen(&read(de)),
            [s("Jürgen Müller", Some((22, 3, Some(1980)))), s("Kai", Some((1, 2, Some(2005))))]
        );
        // Days a month doesn't have, and words, are no birthday.
        let odd = "Name,Birthday\nA,2/30/1990\nB,soon\nC,1/2/3/4\nD,13/13/1990\n";
        assert!(read(odd).people.iter().all(|p| p.birthday.is_none()));
    }

    #[test]
    fn thunderbird_birth_columns_and_names_by_any_column() {
        let file = "First Name,Last Name,Display Name,Nickname,Birth Year,Birth Month,Birth Day\n\
                    Ana,Lima,,,1990,2,3\n,,Bea Ng,,,12,24\n,,,Cat,,,\n";
        assert_eq!(
            seen(&read(file)),
            [s("Ana Lima", Some((3, 2, Some(1990)))), s("Bea Ng", Some((24, 12, None))), s("Cat", None)]
        );
    }

    #[test]
    fn a_row_without_a_name_is_named_and_the_rest_come_in() {
        let file = "First Name,Last Name,E-mail 1 - Value\nAna,Lima,a@example.org\n\n,,nobody@example.org\n,,\nBen,,\n";
        let read = read(file);
        assert_eq!(seen(&read), [s("Ana Lima", None), s("Ben", None)]);
        assert_eq!(read.unreadable, [UnreadableCard { index: 1, reason: NO_NAME.to_owned() }]);
        assert_eq!(read.people[1].index, 2, "blank rows are not counted as contacts");
    }

    #[test]
    fn what_is_not_a_contacts_csv_is_said_plainly() {
        assert!(read_contacts_csv("hello there").is_none());
        assert!(read_contacts_csv("egoID;alterID;sex\n1;2;m\n").is_none());
        assert!(read_contacts_csv("").is_none());
        let empty = read_contacts_csv("First Name,Last Name\r\n").unwrap().unwrap_err();
        assert!(empty.to_string().contains("no one in it"), "{empty}");
    }

    proptest::proptest! {
        /// Any cells under a contacts header read without panicking.
        #[test]
        fn any_cells_read_without_panicking(cells in proptest::collection::vec(".{0,12}", 0..40)) {
            let body = cells.chunks(4).map(|row| row.join(",")).collect::<Vec<_>>().join("\n");
            let _ = read_contacts_csv(&format!("Name,Birthday,Birth Month,Birth Day\n{body}"));
            let _ = read_contacts_csv(&format!("Name;Geburtstag\n{}", cells.join(";")));
        }
    }
}
