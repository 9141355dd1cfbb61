//! What makes a name acceptable: the rules every tie's name follows, wherever
//! it comes from (a form, an import, a vCard).

use crate::error::{CoreError, CoreResult};

pub const NAME_MAX_CHARS: usize = 100;

/// Trims the name and checks it. Returns the cleaned name, or a validation
/// error whose message can be shown to the person as it is.
pub fn clean_name(raw: &str) -> CoreResult<String> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(CoreError::validation("name", "Please give a name, even a nickname is fine."));
    }
    let chars = name.chars().count();
    if chars > NAME_MAX_CHARS {
        return Err(CoreError::validation(
            "name",
            format!(
                "That name is {chars} characters long. Names can be up to {NAME_MAX_CHARS} characters, \
                 so a shorter form or a nickname will fit."
            ),
        ));
    }
    // Control characters (tabs, line breaks, escape codes) and the Unicode
    // line and paragraph separators would break lists and exports.
    if name.chars().any(|c| c.is_control() || c == '\u{2028}' || c == '\u{2029}') {
        return Err(CoreError::validation(
            "name",
            "Names can't contain tabs, line breaks or other invisible control characters.",
        ));
    }
    Ok(name.to_owned())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn field_of(err: CoreError) -> &'static str {
        match err {
            CoreError::Validation { field, .. } => field,
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn names_are_trimmed() {
        assert_eq!(clean_name("  Sam Okafor \n").unwrap(), "Sam Okafor");
    }

    #[test]
    fn empty_and_blank_names_are_refused() {
        for raw in ["", "   ", "\t\n"] {
            assert_eq!(field_of(clean_name(raw).unwrap_err()), "name");
        }
    }

    #[test]
    fn the_limit_counts_characters_not_bytes() {
        let hundred_accents = "é".repeat(100);
        assert_eq!(clean_name(&hundred_accents).unwrap(), hundred_accents);
        let err = clean_name(&"é".repeat(101)).unwrap_err();
        assert!(err.to_string().contains("101 characters"), "{err}");
        let huge = clean_name(&"a".repeat(10_000)).unwrap_err();
        assert!(huge.to_string().contains("10000"), "{huge}");
    }

    #[test]
    fn control_characters_inside_are_refused() {
        for raw in ["Sam\tOkafor", "Sam\nOkafor", "Sam\u{1b}[31m", "A\u{2028}B", "nul\0"] {
            assert_eq!(field_of(clean_name(raw).unwrap_err()), "name", "{raw:?}");
        }
    }

    #[test]
    fn names_from_every_script_are_welcome() {
        for raw in ["Zoë", "محمد", "李小龍", "Ngozi 🌻", "O'Brien-Smith", "<img src=x onerror=alert(1)>"] {
            assert_eq!(clean_name(raw).unwrap(), raw);
        }
    }

    proptest! {
        #[test]
        fn accepted_names_always_meet_every_rule(raw in "\\PC{0,120}|[\\x00-\\x7f]{0,20}") {
            if let Ok(name) = clean_name(&raw) {
                prop_assert_eq!(name.trim(), name.as_str());
                prop_assert!(!name.is_empty());
                prop_assert!(name.chars().count() <= NAME_MAX_CHARS);
                prop_assert!(!name.chars().any(char::is_control));
            }
        }
    }
}
