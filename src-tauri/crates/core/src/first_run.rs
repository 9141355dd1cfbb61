//! The first-run "build your map": one question per support type, each
//! answered with any number of names. The answers become ties tagged with
//! what they give.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};
use crate::names::clean_name;
use crate::tie::SupportType;

/// How many names one answer may hold: generous for a big family, small
/// enough that a pasted document is refused rather than imported.
pub const MAX_NAMES_PER_ANSWER: usize = 60;

/// The names given for one question. `names` is the text as typed: names
/// separated by commas, semicolons or new lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MapAnswer {
    pub support_type: SupportType,
    pub names: String,
}

/// Splits typed text into cleaned names, keeping first-seen order and
/// dropping repeats (ignoring case). Blank pieces are skipped; any other
/// invalid name is an error naming it.
pub fn split_names(text: &str) -> CoreResult<Vec<String>> {
    let mut names: Vec<String> = Vec::new();
    for piece in text.split([',', ';', '\n', '\r']) {
        if piece.trim().is_empty() {
            continue;
        }
        let name = clean_name(piece).map_err(|e| match e {
            CoreError::Validation { message, .. } => CoreError::validation(
                "names",
                format!("“{}”: {message}", piece.trim().chars().take(40).collect::<String>()),
            ),
            other => other,
        })?;
        if !names.iter().any(|n| same_name(n, &name)) {
            names.push(name);
        }
    }
    if names.len() > MAX_NAMES_PER_ANSWER {
        return Err(CoreError::validation(
            "names",
            format!("That's {} names in one answer; up to {MAX_NAMES_PER_ANSWER} fit here.", names.len()),
        ));
    }
    Ok(names)
}

/// Names match when they are the same apart from letter case.
pub fn same_name(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn names_split_on_commas_semicolons_and_lines() {
        assert_eq!(split_names("Sam, Ana;Ben\nZoë\r\n  , ,").unwrap(), ["Sam", "Ana", "Ben", "Zoë"]);
    }

    #[test]
    fn a_name_given_twice_is_one_name() {
        assert_eq!(split_names("Sam, sam, SAM , Ana").unwrap(), ["Sam", "Ana"]);
    }

    #[test]
    fn empty_answers_are_fine() {
        assert!(split_names("").unwrap().is_empty());
        assert!(split_names(" , \n ").unwrap().is_empty());
    }

    #[test]
    fn an_impossible_name_is_named_in_the_error() {
        let err = split_names(&format!("Sam, {}", "x".repeat(150))).unwrap_err();
        assert!(matches!(err, CoreError::Validation { field: "names", .. }));
        assert!(err.to_string().contains("xxxx"), "{err}");
        let many = (0..61).map(|i| format!("P{i}")).collect::<Vec<_>>().join(",");
        assert!(split_names(&many).is_err());
    }

    proptest! {
        #[test]
        fn any_text_gives_valid_distinct_names_or_a_clear_error(text in "\\PC{0,200}") {
            if let Ok(names) = split_names(&text) {
                for (i, a) in names.iter().enumerate() {
                    prop_assert!(clean_name(a).is_ok());
                    for b in &names[i + 1..] {
                        prop_assert!(!same_name(a, b));
                    }
                }
            }
        }
    }
}
