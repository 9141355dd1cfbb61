//! The vCard reader Kindred had before da0aa8a (the `ical` crate, with
//! quoted-printable soft breaks joined by hand), kept only as the baseline
//! the contacts benchmark measures the current reader against. It is the
//! project's own earlier code, unchanged but for what a bench needs (it
//! returns name and birthday pairs instead of the core's types).

#![allow(dead_code)]

use std::io::BufReader;

/// Day, month and year, as the old reader gave them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Birthday {
    pub day: u8,
    pub month: u8,
    pub year: Option<u16>,
}

/// The old `read_vcards`, less its size and card limits (the bench file is
/// within both) and its `VcardPerson` type.
pub fn read_vcards(bytes: &[u8]) -> Vec<(u32, String, Option<Birthday>)> {
    let text = String::from_utf8_lossy(bytes);
    let joined = join_soft_breaks(&text);
    let parser = ical::VcardParser::new(BufReader::new(joined.as_bytes()));
    let mut people = Vec::new();
    for (i, card) in parser.enumerate() {
        let Ok(card) = card else { continue };
        let value = |name: &str| card.properties.iter().find(|p| p.name.eq_ignore_ascii_case(name));
        let name = value("FN")
            .and_then(text_value)
            .filter(|n| !n.trim().is_empty())
            .or_else(|| value("N").and_then(text_value).map(|n| name_from_parts(&n)));
        let Some(name) = name.and_then(|n| kindred_core::names::clean_name(&n).ok()) else { continue };
        let birthday = value("BDAY").and_then(|p| p.value.as_deref()).and_then(parse_birthday);
        people.push((i as u32, name, birthday));
    }
    people
}

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
