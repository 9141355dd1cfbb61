//! The journal: every answered prompt, searchable, editable and exportable.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::CoreResult;
use crate::theme::Theme;
use crate::tie::clean_long_text;

/// The longest answer Kindred keeps, in characters.
pub const ANSWER_MAX_CHARS: usize = 20_000;

/// Marks around a search match inside [`JournalEntry::answer_parts`]. They
/// come from the Unicode private-use area, which typed text never needs, and
/// are stripped from answers on the way in.
pub(crate) const HIT_START: char = '\u{E000}';
pub(crate) const HIT_END: char = '\u{E001}';

/// One answered prompt.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JournalEntry {
    pub id: i64,
    /// The session it was written in; `None` for a single prompt.
    pub session_id: Option<i64>,
    /// The guided session's title, when it came from one.
    pub session_title: Option<String>,
    pub prompt_id: String,
    pub theme: Theme,
    /// The prompt as it was shown, names filled in.
    pub prompt_text: String,
    pub answer: String,
    pub tie_id: Option<i64>,
    pub tie_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The answer cut into plain and matching parts when listed by a search,
    /// so the UI can highlight matches without treating text as markup.
    pub answer_parts: Option<Vec<TextPart>>,
}

/// A piece of text, and whether it matched the search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TextPart {
    pub text: String,
    pub hit: bool,
}

/// What the journal list shows. Every field is optional; dates are
/// inclusive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct JournalFilter {
    /// Anything the person typed into the search box.
    pub query: Option<String>,
    pub theme: Option<Theme>,
    pub tie_id: Option<i64>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Only entries older than this one (the last of the page before, or
    /// the end of a month jumped to): keyset paging, so reading back ten
    /// years costs the same per page as reading the newest.
    #[ts(optional)]
    pub before: Option<JournalCursor>,
}

/// A place in the journal's order (newest first): a moment and, for
/// entries written in the same millisecond, the entry's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JournalCursor {
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub id: i64,
}

/// An answer as typed, checked: trimmed, control characters (other than new
/// lines and tabs) and the highlight marks dropped, at most
/// [`ANSWER_MAX_CHARS`].
pub fn clean_answer(raw: &str) -> CoreResult<String> {
    let text: String = raw.chars().filter(|c| *c != HIT_START && *c != HIT_END).collect();
    clean_long_text("answer", &text, ANSWER_MAX_CHARS)
}

/// Turns whatever was typed into a safe FTS5 query: the words in it, each
/// quoted (so `OR`, `-`, `*`, `"` and `NEAR` are just text) and matched as a
/// prefix, all required. `None` when the text holds no word characters at
/// all (emoji, punctuation), which the store then matches as plain text.
pub fn fts_query(typed: &str) -> Option<String> {
    let words: Vec<String> = typed
        .split(|c: char| !(c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .take(16)
        .map(|w| format!("\"{}\"*", w.replace('"', "\"\"")))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Splits text carrying the highlight marks into parts.
pub(crate) fn parts(marked: &str) -> Vec<TextPart> {
    let mut out: Vec<TextPart> = Vec::new();
    let mut current = String::new();
    let mut hit = false;
    for c in marked.chars() {
        if c == HIT_START || c == HIT_END {
            if !current.is_empty() {
                out.push(TextPart { text: std::mem::take(&mut current), hit });
            }
            hit = c == HIT_START;
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        out.push(TextPart { text: current, hit });
    }
    out
}

/// Plain parts with every occurrence of `needle` marked: the search for
/// text without word characters.
pub(crate) fn literal_parts(text: &str, needle: &str) -> Vec<TextPart> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(needle).filter(|_| !needle.is_empty()) {
        if at > 0 {
            out.push(TextPart { text: rest[..at].to_owned(), hit: false });
        }
        out.push(TextPart { text: needle.to_owned(), hit: true });
        rest = &rest[at + needle.len()..];
    }
    if !rest.is_empty() {
        out.push(TextPart { text: rest.to_owned(), hit: false });
    }
    out
}

/// The entries as a Markdown document, newest first as given. Answers are
/// the person's own words: kept as typed, with lines that Markdown would
/// read as headings or rules escaped so the document's shape holds.
pub fn to_markdown(entries: &[JournalEntry], exported_on: NaiveDate) -> String {
    let mut out = format!("# My Kindred journal\n\nExported on {}.\n", exported_on.format("%-d %B %Y"));
    let mut last_day: Option<NaiveDate> = None;
    for entry in entries {
        let day = entry.created_at.date_naive();
        if last_day != Some(day) {
            out.push_str(&format!("\n## {}\n", day.format("%A %-d %B %Y")));
            last_day = Some(day);
        }
        out.push_str(&format!("\n### {}\n\n", escape_line(&entry.prompt_text)));
        let mut about = vec![format!("Theme: {}", theme_name(entry.theme))];
        if let Some(title) = &entry.session_title {
            about.push(format!("Session: {title}"));
        }
        if let Some(name) = &entry.tie_name {
            about.push(format!("About: {name}"));
        }
        out.push_str(&format!("*{}*\n\n", about.join(" · ")));
        for line in entry.answer.lines() {
            out.push_str(&escape_line(line));
            out.push('\n');
        }
    }
    out
}

fn escape_line(line: &str) -> String {
    let trimmed = line.trim_start();
    let risky = trimmed.starts_with('#')
        || trimmed.starts_with("---")
        || trimmed.starts_with("***")
        || trimmed.starts_with("===")
        || trimmed.starts_with('>')
        || trimmed.starts_with("```");
    if risky {
        format!("\\{trimmed}")
    } else {
        line.to_owned()
    }
}

/// The theme's everyday name, as the UI shows it.
pub fn theme_name(theme: Theme) -> &'static str {
    match theme {
        Theme::Emotional => "Someone to talk to",
        Theme::Practical => "Everyday help",
        Theme::Resilience => "Getting through",
        Theme::Body => "Calm and closeness",
        Theme::Openness => "Talking openly",
        Theme::Quality => "How it feels",
        Theme::Digital => "Online spaces",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_typed_text_becomes_quoted_words_or_nothing() {
        assert_eq!(fts_query("walk"), Some("\"walk\"*".into()));
        assert_eq!(fts_query("\"walk\" OR -talk*"), Some("\"walk\"* \"OR\"* \"talk\"*".into()));
        assert_eq!(fts_query("café naïve"), Some("\"café\"* \"naïve\"*".into()));
        assert_eq!(fts_query("🙂 ... --"), None);
        assert_eq!(fts_query(""), None);
    }

    #[test]
    fn marked_text_splits_into_parts() {
        let marked = format!("a {HIT_START}walk{HIT_END} with {HIT_START}Sam{HIT_END}");
        let p = parts(&marked);
        assert_eq!(
            p.iter().map(|x| (x.text.as_str(), x.hit)).collect::<Vec<_>>(),
            [("a ", false), ("walk", true), (" with ", false), ("Sam", true)]
        );
        let lit = literal_parts("🙂 and 🙂", "🙂");
        assert_eq!(lit.iter().filter(|x| x.hit).count(), 2);
        assert_eq!(lit.iter().map(|x| x.text.as_str()).collect::<String>(), "🙂 and 🙂");
    }

    #[test]
    fn answers_are_cleaned_and_limited() {
        assert_eq!(clean_answer(&format!("  hi{HIT_START} there\u{7} \n")).unwrap(), "hi there");
        assert!(clean_answer(&"a".repeat(ANSWER_MAX_CHARS)).is_ok());
        let err = clean_answer(&"a".repeat(ANSWER_MAX_CHARS + 1)).unwrap_err();
        assert!(err.to_string().contains("20000"), "{err}");
    }

    #[test]
    fn markdown_keeps_the_shape_whatever_was_typed() {
        let at = DateTime::parse_from_rfc3339("2026-11-20T10:00:00Z").unwrap().with_timezone(&Utc);
        let entry = JournalEntry {
            id: 1,
            session_id: Some(1),
            session_title: Some("Weekly check-in".into()),
            prompt_id: "emotional-01".into(),
            theme: Theme::Emotional,
            prompt_text: "Who did you talk to?".into(),
            answer: "# not a heading\nSam <b>and</b> me".into(),
            tie_id: None,
            tie_name: Some("Sam".into()),
            created_at: at,
            updated_at: at,
            answer_parts: None,
        };
        let md = to_markdown(&[entry], NaiveDate::from_ymd_opt(2026, 11, 26).unwrap());
        assert!(md.contains("## Friday 20 November 2026"));
        assert!(md.contains("### Who did you talk to?"));
        assert!(md.contains("\\# not a heading"));
        assert!(md.contains("Sam <b>and</b> me"));
        assert!(md.contains("About: Sam"));
    }
}
