//! Contacts from an address book's vCard export (.vcf): names and
//! birthdays only. Kindred never keeps phone numbers or addresses: it does
//! not contact anyone, so it has no use for them.
//!
//! Address books write vCard 2.1, 3.0 and 4.0, and rarely quite as the RFCs
//! say. Stalwart's `calcard` reads the cards: it is the lenient parser of a
//! mail server that meets every client's cards (bare 2.1 parameters such as
//! `TEL;HOME;VOICE:`, quoted-printable with soft breaks, even inside a
//! multi-byte character, lines that are only `=`, folding with spaces or
//! tabs, `CHARSET=` on quoted-printable values, missing VERSION), where the
//! `ical` crate used before refused whole files. It takes text, so the
//! file's bytes are made text here first ([`decode_file`]): a BOM says UTF-8
//! or UTF-16; valid UTF-8 is taken as it is; otherwise each line is read in
//! the charset it declares (`CHARSET=SHIFT_JIS`, raw bytes as Japanese
//! phones write them) or, when it declares none and isn't UTF-8, as
//! Windows-1252 (which ISO-8859-1 files read correctly as well), with
//! `encoding_rs`, the WHATWG encodings Firefox uses.
//!
//! One card that can't be used never refuses the file: the preview lists
//! the people it could read and, for each other card, its place in the file
//! and why.

use std::borrow::Cow;

use calcard::vcard::{VCard, VCardEntry, VCardProperty, VCardValue};
use calcard::{Entry, Parser};
use encoding_rs::{Encoding, WINDOWS_1252};
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
    /// Position in the file, from 0 (what the import refers to).
    pub index: u32,
    pub name: String,
    pub birthday: Option<Birthday>,
    /// Someone already on the map (or earlier in the file) with the same
    /// name and birthday: probably the same person.
    pub possible_duplicate: bool,
}

/// A card that can't come in, and why, in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UnreadableCard {
    /// Position in the file, from 0 (the preview shows it from 1).
    pub index: u32,
    pub reason: String,
}

/// What a file holds: the people that can come in, and the cards that
/// can't.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VcardFile {
    pub people: Vec<VcardPerson>,
    pub unreadable: Vec<UnreadableCard>,
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

const NO_NAME: &str = "It has no name (no full name, name parts, nickname or organisation).";

/// The people in an address book's file, and the contacts that can't come
/// in: a vCard file, or else a contacts CSV ([`crate::contacts_csv`]),
/// whatever its name says. Only a file with no contact in it at all is
/// refused.
pub fn read_contacts(bytes: &[u8]) -> CoreResult<VcardFile> {
    if bytes.len() > VCARD_MAX_BYTES {
        return Err(bad(format!(
            "This file is larger than Kindred reads for contacts ({} MB at most).",
            VCARD_MAX_BYTES / (1024 * 1024)
        )));
    }
    let decoded = decode_file(bytes);
    if let Some(file) = read_cards(&decoded)? {
        return Ok(file);
    }
    crate::contacts_csv::read_contacts_csv(&decoded).unwrap_or_else(|| {
        Err(bad("This doesn't look like a contacts file: it has no vCard in it and no name column. \
             Kindred reads the .vcf and .csv files address books export."))
    })
}

/// The cards in a vCard file's text, or `None` when it holds none.
fn read_cards(decoded: &str) -> CoreResult<Option<VcardFile>> {
    let text = tidy_lines(decoded);
    let mut parser = Parser::new(&text);
    let mut file = VcardFile::default();
    let mut index: u32 = 0;
    loop {
        let card = match parser.entry() {
            Entry::VCard(card) => Ok(card),
            Entry::UnterminatedComponent(_) => Err("The file ends in the middle of this contact."),
            Entry::Eof => break,
            // Lines outside any card, and calendars, are not contacts.
            _ => continue,
        };
        if index as usize >= VCARD_MAX_CARDS {
            return Err(bad(format!(
                "This file has more than {VCARD_MAX_CARDS} contacts; Kindred reads up to that many at once."
            )));
        }
        match card.and_then(|card| person(&card)) {
            Ok((name, birthday)) => file.people.push(VcardPerson { index, name, birthday, possible_duplicate: false }),
            Err(reason) => file.unreadable.push(UnreadableCard { index, reason: reason.to_owned() }),
        }
        index += 1;
    }
    Ok((index > 0).then_some(file))
}

/// The name and birthday on a card, or why it can't come in.
fn person(card: &VCard) -> Result<(String, Option<Birthday>), &'static str> {
    let first = |property: VCardProperty| card.entries.iter().filter(move |e| e.name == property);
    let text = |property: VCardProperty| first(property).map(plain_text).find(|t| !t.trim().is_empty());
    let name = text(VCardProperty::Fn)
        .or_else(|| first(VCardProperty::N).map(name_from_parts).find(|n| !n.is_empty()))
        .or_else(|| text(VCardProperty::Nickname))
        .or_else(|| text(VCardProperty::Org).map(|org| org.replace(';', " ").trim().to_owned()))
        .ok_or(NO_NAME)?;
    let name = clean_name(&name).map_err(|_| "Its name can't be used (it is too long or has control characters).")?;
    let birthday = first(VCardProperty::Bday).find_map(birthday_of);
    Ok((name, birthday))
}

/// A property's values as one line of text: structured parts are joined
/// with a space, so a stray `;` in a name doesn't cut it short.
fn plain_text(entry: &VCardEntry) -> String {
    let parts: Vec<String> = entry.values.iter().filter_map(value_text).filter(|t| !t.is_empty()).collect();
    parts.join(" ").trim().to_owned()
}

fn value_text(value: &VCardValue) -> Option<String> {
    match value {
        VCardValue::Text(text) => Some(text.trim().to_owned()),
        VCardValue::Component(parts) => {
            Some(parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" "))
        }
        _ => None,
    }
}

/// `N:Family;Given;Additional;Prefix;Suffix` in the order people say a
/// name: "Prefix Given Additional Family Suffix".
fn name_from_parts(entry: &VCardEntry) -> String {
    let part = |i: usize| entry.values.get(i).and_then(value_text).unwrap_or_default();
    [part(3), part(1), part(2), part(0), part(4)].into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ")
}

/// A birthday as calcard read it: a date it parsed (vCard 4.0), or the
/// text older versions carry, read by [`parse_birthday`]. A value marked
/// as text ("VALUE=text: around Easter") is not a date.
fn birthday_of(entry: &VCardEntry) -> Option<Birthday> {
    entry.values.iter().find_map(|value| match value {
        VCardValue::PartialDateTime(date) => birthday_from(date.year, date.month?, date.day?),
        VCardValue::Text(text) => parse_birthday(text),
        _ => None,
    })
}

/// A birthday from its parts, if the month has that day (29 February
/// counts when there is no year); a placeholder year reads as no year.
pub(crate) fn birthday_from(year: Option<u16>, month: u8, day: u8) -> Option<Birthday> {
    let year = year.filter(|y| real_year(*y));
    chrono::NaiveDate::from_ymd_opt(i32::from(year.unwrap_or(2000)), u32::from(month), u32::from(day))?;
    Some(Birthday { day, month, year })
}

/// Years address books write for "no year" (Apple's 1604, 0000) and ones
/// no living person has are read as no year.
fn real_year(year: u16) -> bool {
    (1800..=2200).contains(&year)
}

/// The file's bytes as text (see the module's notes).
pub fn decode_file(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom..]).0;
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 4);
    let mut declared: Option<&'static Encoding> = None;
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        // A folded line continues its property, and its charset.
        if !matches!(line.first(), Some(b' ' | b'\t')) {
            declared = declared_charset(line);
        }
        match (declared, std::str::from_utf8(line)) {
            (Some(encoding), _) => out.push_str(&encoding.decode_without_bom_handling(line).0),
            (None, Ok(text)) => out.push_str(text),
            (None, Err(_)) => out.push_str(&WINDOWS_1252.decode_without_bom_handling(line).0),
        }
    }
    Cow::Owned(out)
}

/// Mends, line by line, two things calcard reads differently from the
/// programs that write them, and leaves every other line as it is:
/// - a bare `QUOTED-PRINTABLE` parameter (vCard 2.1 allows leaving out
///   `ENCODING=`, and Evolution and Nokia phones do) is written out in
///   full, or calcard takes the encoded text as the name;
/// - a birthday is read by [`parse_birthday`] (every shape seen in the
///   wild) and written in the basic form calcard reads right in every
///   version (`19850128`, `--0322`): it takes `--03-22` as March with no
///   day, and a date with a time as a month with no day. A birthday
///   marked `VALUE=text` is not a date and is left alone.
fn tidy_lines(text: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut changed = false;
    for line in text.split_inclusive('\n') {
        let mended = line.find(':').and_then(|colon| {
            let (head, value) = (&line[..colon], &line[colon + 1..]);
            let mut params = head.split(';');
            let property = params.next().unwrap_or("");
            let name = property.rsplit('.').next().unwrap_or(property).trim();
            let params: Vec<&str> = params.collect();
            let ending = &value[value.trim_end_matches(['\r', '\n']).len()..];
            if name.eq_ignore_ascii_case("BDAY") {
                if params.iter().any(|p| p.trim().eq_ignore_ascii_case("VALUE=text")) {
                    return None;
                }
                let b = parse_birthday(value)?;
                let date = match b.year {
                    Some(year) => format!("{year:04}{:02}{:02}", b.month, b.day),
                    None => format!("--{:02}{:02}", b.month, b.day),
                };
                return Some(format!("{head}:{date}{ending}"));
            }
            if params.iter().any(|p| p.trim().eq_ignore_ascii_case("QUOTED-PRINTABLE")) {
                let params: Vec<&str> = params
                    .iter()
                    .map(|p| {
                        if p.trim().eq_ignore_ascii_case("QUOTED-PRINTABLE") {
                            "ENCODING=QUOTED-PRINTABLE"
                        } else {
                            p
                        }
                    })
                    .collect();
                return Some(format!("{property};{}:{value}", params.join(";")));
            }
            None
        });
        match mended {
            Some(line) => {
                changed = true;
                out.push_str(&line);
            }
            None => out.push_str(line),
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// The `CHARSET=` a property line declares before its value, if any and if
/// it names an encoding.
fn declared_charset(line: &[u8]) -> Option<&'static Encoding> {
    let head = &line[..line.iter().position(|&b| b == b':')?];
    let upper = head.to_ascii_uppercase();
    let at = upper.windows(8).position(|w| w == b"CHARSET=")? + 8;
    let rest = &head[at..];
    let label = &rest[..rest.iter().position(|&b| b == b';').unwrap_or(rest.len())];
    Encoding::for_label(label.trim_ascii())
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

/// Birthdays as address books write them: `1990-02-03`, `19900203`,
/// `--0203` or `--02-03` (no year), with or without a time (and zone)
/// after `T`. Placeholder years (0000, 1604) read as no year.
pub(crate) fn parse_birthday(raw: &str) -> Option<Birthday> {
    let date = raw.trim().split(['T', 't']).next()?.trim();
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
    birthday_from(year, rest[..2].parse().ok()?, rest[2..].parse().ok()?)
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
        let file = read_contacts(SAMPLE.as_bytes()).unwrap();
        let people = &file.people;
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
        assert_eq!(file.unreadable, [UnreadableCard { index: 4, reason: NO_NAME.to_owned() }], "named, not dropped");
    }

    #[test]
    fn duplicates_are_flagged_against_the_map_and_the_file() {
        let mut people = read_contacts(SAMPLE.as_bytes()).unwrap().people;
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
        assert!(read_contacts(b"hello").unwrap_err().to_string().contains("no vCard in it"));
        assert!(read_contacts(&[0xff, 0xfe, 0, 1]).is_err());
        // Truncated: the last card never ends; what it holds still comes in.
        let truncated = "BEGIN:VCARD\r\nFN:Sam\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Half";
        let file = read_contacts(truncated.as_bytes()).unwrap();
        assert_eq!(file.people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Sam", "Half"]);
        let mut many = String::new();
        for i in 0..10_000 {
            many.push_str(&format!("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {i}\r\nEND:VCARD\r\n"));
        }
        assert_eq!(read_contacts(many.as_bytes()).unwrap().people.len(), 10_000);
        let bad_dates = "BEGIN:VCARD\r\nFN:A\r\nBDAY:1990-02-30\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:B\r\nBDAY:yesterday\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:C\r\nBDAY:123é567\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:D\r\nBDAY:--0é2\r\nEND:VCARD\r\n";
        let people = read_contacts(bad_dates.as_bytes()).unwrap().people;
        assert_eq!(people.len(), 4);
        assert!(people.iter().all(|p| p.birthday.is_none()));
    }

    #[test]
    fn files_in_other_charsets_read_as_their_makers_meant() {
        // Windows-1252 / ISO-8859-1 with no CHARSET, as old exports are.
        let latin = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:J\xfcrgen M\xfcller\r\nEND:VCARD\r\n";
        // Shift_JIS bytes declared with CHARSET, as Japanese phones write.
        let mut sjis = b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=SHIFT_JIS:".to_vec();
        sjis.extend(encoding_rs::SHIFT_JIS.encode("\u{5b89}\u{85e4}").0.iter());
        sjis.extend(b";\r\nEND:VCARD\r\n");
        // UTF-16 with a BOM, as some Windows tools save.
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "BEGIN:VCARD\r\nFN:Zo\u{eb}\r\nEND:VCARD\r\n".encode_utf16() {
            utf16.extend(unit.to_le_bytes());
        }
        for (bytes, name) in
            [(&latin[..], "J\u{fc}rgen M\u{fc}ller"), (&sjis, "\u{5b89}\u{85e4}"), (&utf16, "Zo\u{eb}")]
        {
            let file = read_contacts(bytes).unwrap();
            assert_eq!(file.people[0].name, name);
        }
    }

    #[test]
    fn version_2_1_as_phones_write_it_comes_in() {
        let card = "BEGIN:VCARD\nVERSION:2.1\nN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=\n=4D=C3=BC;J=C3=\n=BCrgen\nTEL;HOME;VOICE:123\nBDAY:--03-22\nEND:VCARD\n\nBEGIN:VCARD\nORG:Book club;Thursdays\nEND:VCARD\nBEGIN:VCARD\nNICKNAME:Bea\nBDAY;VALUE=text:around Easter\nEND:VCARD\n";
        let file = read_contacts(card.as_bytes()).unwrap();
        let got: Vec<_> =
            file.people.iter().map(|p| (p.name.as_str(), p.birthday.map(|b| (b.day, b.month, b.year)))).collect();
        assert_eq!(got, [("J\u{fc}rgen M\u{fc}", Some((22, 3, None))), ("Book club Thursdays", None), ("Bea", None)]);
    }

    #[test]
    fn bare_quoted_printable_and_dates_with_times_read_as_meant() {
        // Evolution and Nokia leave out ENCODING=; KDE writes a time; no VERSION.
        let card = "BEGIN:VCARD\nitem1.FN;CHARSET=UTF-8;QUOTED-PRINTABLE:=E5=8D=81=E5=\n=9F=8E\nBDAY:1985-01-28T00:00:00Z\nEND:VCARD\n";
        let file = read_contacts(card.as_bytes()).unwrap();
        assert_eq!(file.people[0].name, "\u{5341}\u{57ce}");
        assert_eq!(file.people[0].birthday, Some(Birthday { day: 28, month: 1, year: Some(1985) }));
    }

    proptest::proptest! {
        /// Whatever an address book (or anything else) wrote, reading it
        /// never panics: people, an empty list, or a plain error.
        #[test]
        fn any_text_reads_without_panicking(bday in ".{0,24}", name in ".{0,40}", junk in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
            let _ = parse_birthday(&bday);
            let card = format!("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nBDAY:{bday}\r\nEND:VCARD\r\n");
            let _ = read_contacts(card.as_bytes());
            let mut bytes = b"BEGIN:VCARD\r\n".to_vec();
            bytes.extend(junk);
            let _ = read_contacts(&bytes);
        }
    }
}
