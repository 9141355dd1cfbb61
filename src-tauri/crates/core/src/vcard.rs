//! Contacts from an address book's vCard export (.vcf, versions 3.0 and
//! 4.0, and the 2.1 that older phones write): names and birthdays only.
//! Kindred never keeps phone numbers or addresses: it does not contact
//! anyone, so it has no use for them.
//!
//! The `ical` crate reads the cards (line unfolding, parameters); this
//! module joins quoted-printable soft line breaks first (they are not
//! folding, so no vCard parser joins them), decodes quoted-printable names,
//! unescapes text values and reads every birthday shape seen in the wild.

use std::io::BufReader;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};
use crate::names::clean_name;
use crate::tie::{Birthday, Circle};

/// Address-book exports larger than this are refused.
pub const VCARD_MAX_BYTES: usize = 32 * 1024 * 1024;
/// At most this many cards in one file.
pub const VCARD_MAX_CARDS: usize = 20_000;

/// One card as the preview shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VcardPerson {
    /// Position in the file (what the import refers to).
    pub index: u32,
    pub name: String,
    pub birthday: Option<Birthday>,
    /// Someone already on the map (or earlier in the file) with the same
    /// name and birthday: probably the same person.
    pub possible_duplicate: bool,
}

/// A person the person ticked, and the circle they chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VcardPick {
    pub index: u32,
    #[serde(default)]
    pub circle: Option<Circle>,
}

fn bad(message: impl Into<String>) -> CoreError {
    CoreError::validation("file", message)
}

/// The people in a vCard file. Cards without a usable name are left out;
/// a file that is not vCard at all is refused in plain words.
pub fn read_vcards(bytes: &[u8]) -> CoreResult<Vec<VcardPerson>> {
    if bytes.len() > VCARD_MAX_BYTES {
        return Err(bad(format!(
            "This file is larger than Kindred reads for contacts ({} MB at most).",
            VCARD_MAX_BYTES / (1024 * 1024)
        )));
    }
    let text = String::from_utf8_lossy(bytes);
    if !text.to_ascii_uppercase().contains("BEGIN:VCARD") {
        return Err(bad(
            "This doesn't look like a contacts file: it has no vCard in it (a .vcf file from an address book).",
        ));
    }
    let joined = join_soft_breaks(&text);
    let parser = ical::VcardParser::new(BufReader::new(joined.as_bytes()));
    let mut people = Vec::new();
    for (i, card) in parser.enumerate() {
        if i >= VCARD_MAX_CARDS {
            return Err(bad(format!(
                "This file has more than {VCARD_MAX_CARDS} contacts; Kindred reads up to that many at once."
            )));
        }
        let card =
            card.map_err(|e| bad(format!("Kindred couldn't read contact number {} in this file ({e}).", i + 1)))?;
        let value = |name: &str| card.properties.iter().find(|p| p.name.eq_ignore_ascii_case(name));
        let name = value("FN")
            .and_then(text_value)
            .filter(|n| !n.trim().is_empty())
            .or_else(|| value("N").and_then(text_value).map(|n| name_from_parts(&n)));
        let Some(name) = name.and_then(|n| clean_name(&n).ok()) else { continue };
        let birthday = value("BDAY").and_then(|p| p.value.as_deref()).and_then(parse_birthday);
        people.push(VcardPerson { index: i as u32, name, birthday, possible_duplicate: false });
    }
    Ok(people)
}

/// Marks people who match someone on the map, or someone earlier in the
/// file, by name (ignoring case) and birthday.
pub fn flag_duplicates(people: &mut [VcardPerson], here: &[(String, Option<Birthday>)]) {
    let key = |name: &str, b: Option<Birthday>| (name.trim().to_lowercase(), b.map(|b| (b.day, b.month)));
    let mut seen: std::collections::HashSet<(String, Option<(u8, u8)>)> =
        here.iter().map(|(n, b)| key(n, *b)).collect();
    for p in people.iter_mut() {
        p.possible_duplicate = !seen.insert(key(&p.name, p.birthday));
    }
}

/// Quoted-printable values may break lines with a trailing `=`; the next
/// line continues the value without the leading space folding would have.
fn join_soft_breaks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_qp = false;
    for line in text.lines() {
        let upper = line.to_ascii_uppercase();
        if !in_qp && upper.contains("QUOTED-PRINTABLE") {
            in_qp = true;
        }
        if in_qp && line.ends_with('=') {
            out.push_str(&line[..line.len() - 1]);
            continue;
        }
        out.push_str(line);
        out.push_str("\r\n");
        in_qp = false;
    }
    out
}

/// A text value: quoted-printable decoded when the card says so, then
/// unescaped (`\,` `\;` `\n` `\\`).
fn text_value(p: &ical::property::Property) -> Option<String> {
    let raw = p.value.as_deref()?;
    let qp = p.params.as_ref().is_some_and(|params| {
        params.iter().any(|(k, v)| {
            (k.eq_ignore_ascii_case("ENCODING") && v.iter().any(|v| v.eq_ignore_ascii_case("QUOTED-PRINTABLE")))
                || v.iter().any(|v| v.eq_ignore_ascii_case("QUOTED-PRINTABLE"))
        })
    });
    let decoded = if qp {
        let bytes = quoted_printable::decode(raw.as_bytes(), quoted_printable::ParseMode::Robust).ok()?;
        String::from_utf8_lossy(&bytes).into_owned()
    } else {
        raw.to_owned()
    };
    Some(unescape(&decoded))
}

fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push(' '),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `N:Family;Given;Additional;Prefix;Suffix` as "Given Additional Family".
fn name_from_parts(n: &str) -> String {
    let parts: Vec<&str> = n.split(';').map(str::trim).collect();
    let pick = |i: usize| parts.get(i).copied().unwrap_or("");
    [pick(3), pick(1), pick(2), pick(0), pick(4)].into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Birthdays as address books write them: `1990-02-03`, `19900203`,
/// `--0203` or `--02-03` (no year), with or without a time after `T`.
/// Placeholder years some address books use for "no year" (0000, 1604)
/// read as unknown.
fn parse_birthday(raw: &str) -> Option<Birthday> {
    let date = raw.trim().split('T').next()?.trim();
    let (year, rest) = if let Some(rest) = date.strip_prefix("--") {
        (None, rest.replace('-', ""))
    } else {
        let digits = date.replace('-', "");
        // ASCII digits only, so the byte slices below fall on characters.
        if digits.len() != 8 || !digits.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        (digits[..4].parse::<u16>().ok(), digits[4..].to_owned())
    };
    if rest.len() != 4 || !rest.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let month: u8 = rest[..2].parse().ok()?;
    let day: u8 = rest[2..].parse().ok()?;
    let year = year.filter(|y| (1900..=2200).contains(y));
    // A day the month can have (29 February allowed without a year).
    let check_year = i32::from(year.unwrap_or(2000));
    chrono::NaiveDate::from_ymd_opt(check_year, u32::from(month), u32::from(day))?;
    Some(Birthday { day, month, year })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Lima\r\nN:Lima;Ana;;;\r\nBDAY:1990-02-03\r\nTEL:+44 1234\r\nEND:VCARD\r\n\
BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zoë\r\n  Ng 🌻\r\nBDAY:--0229\r\nEND:VCARD\r\n\
BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=\r\n=BCrgen;;;\r\nBDAY:19750612\r\nEND:VCARD\r\n\
BEGIN:VCARD\r\nVERSION:3.0\r\nFN:O\\, Brien\\; the \\\\best\r\nBDAY;VALUE=date:1604-12-25\r\nEND:VCARD\r\n\
BEGIN:VCARD\r\nVERSION:3.0\r\nTEL:12345\r\nEND:VCARD\r\n\
BEGIN:VCARD\r\nVERSION:4.0\r\nFN:مريم\r\nBDAY:20000101T000000Z\r\nEND:VCARD\r\n";

    #[test]
    fn names_and_birthdays_come_through_every_shape() {
        let people = read_vcards(SAMPLE.as_bytes()).unwrap();
        type Seen<'a> = (&'a str, Option<(u8, u8, Option<u16>)>);
        let got: Vec<Seen<'_>> =
            people.iter().map(|p| (p.name.as_str(), p.birthday.map(|b| (b.day, b.month, b.year)))).collect();
        assert_eq!(
            got,
            [
                ("Ana Lima", Some((3, 2, Some(1990)))),
                ("Zoë Ng 🌻", Some((29, 2, None))),
                ("Jürgen Müller", Some((12, 6, Some(1975)))),
                ("O, Brien; the \\best", Some((25, 12, None))),
                ("مريم", Some((1, 1, Some(2000)))),
            ]
        );
    }

    #[test]
    fn duplicates_are_flagged_against_the_map_and_the_file() {
        let mut people = read_vcards(SAMPLE.as_bytes()).unwrap();
        people.push(VcardPerson {
            index: 9,
            name: "ana lima".into(),
            birthday: people[0].birthday,
            possible_duplicate: false,
        });
        flag_duplicates(&mut people, &[("Jürgen Müller".into(), Some(Birthday { day: 12, month: 6, year: None }))]);
        let flagged: Vec<&str> = people.iter().filter(|p| p.possible_duplicate).map(|p| p.name.as_str()).collect();
        assert_eq!(flagged, ["Jürgen Müller", "ana lima"]);
    }

    #[test]
    fn hostile_files_are_refused_or_read_safely() {
        assert!(read_vcards(b"hello").unwrap_err().to_string().contains("no vCard"));
        assert!(read_vcards(&[0xff, 0xfe, 0, 1]).is_err());
        // Truncated: the last card never ends.
        let truncated = "BEGIN:VCARD\r\nFN:Sam\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Half";
        let _ = read_vcards(truncated.as_bytes());
        let mut many = String::new();
        for i in 0..10_000 {
            many.push_str(&format!("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {i}\r\nEND:VCARD\r\n"));
        }
        assert_eq!(read_vcards(many.as_bytes()).unwrap().len(), 10_000);
        let bad_dates = "BEGIN:VCARD\r\nFN:A\r\nBDAY:1990-02-30\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:B\r\nBDAY:yesterday\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:C\r\nBDAY:123é567\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:D\r\nBDAY:--0é2\r\nEND:VCARD\r\n";
        let people = read_vcards(bad_dates.as_bytes()).unwrap();
        assert!(people.iter().all(|p| p.birthday.is_none()));
    }

    proptest::proptest! {
        /// Whatever an address book (or anything else) wrote, reading it
        /// never panics: people, an empty list, or a plain error.
        #[test]
        fn any_text_reads_without_panicking(bday in ".{0,24}", name in ".{0,40}", junk in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
            let _ = parse_birthday(&bday);
            let card = format!("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nBDAY:{bday}\r\nEND:VCARD\r\n");
            let _ = read_vcards(card.as_bytes());
            let mut bytes = b"BEGIN:VCARD\r\n".to_vec();
            bytes.extend(junk);
            let _ = read_vcards(&bytes);
        }
    }
}
