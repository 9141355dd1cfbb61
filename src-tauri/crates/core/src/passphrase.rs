//! The passphrase that encrypts the database. It is held only in memory,
//! wiped when dropped, and never printed.

use std::fmt;

use zeroize::Zeroizing;

use crate::error::{CoreError, CoreResult};

/// Fewer characters than this is too easy to guess for a file someone
/// might copy and try offline.
pub const MIN_CHARS: usize = 8;
/// Far more than anyone types; it keeps a pasted book out of the key.
pub const MAX_CHARS: usize = 1024;

#[derive(Clone)]
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    /// A new passphrase being chosen: the rules apply.
    pub fn new(text: String) -> CoreResult<Self> {
        let text = Zeroizing::new(text);
        let chars = text.chars().count();
        if chars < MIN_CHARS {
            return Err(CoreError::validation(
                "passphrase",
                format!("Please use at least {MIN_CHARS} characters. A few words you'll remember work well."),
            ));
        }
        if chars > MAX_CHARS {
            return Err(CoreError::validation(
                "passphrase",
                format!("Please keep it to {MAX_CHARS} characters or fewer."),
            ));
        }
        if text.chars().any(char::is_control) {
            return Err(CoreError::validation(
                "passphrase",
                "Please use letters, numbers, spaces and symbols only (no tabs or line breaks).",
            ));
        }
        Ok(Self(text))
    }

    /// One typed to unlock or to confirm a change: it is checked against the
    /// file. An empty one is asked for; one that no passphrase could be (too
    /// long, or with control characters) doesn't fit, and is said so without
    /// reaching the database.
    pub fn typed(text: String, field: &'static str) -> CoreResult<Self> {
        let text = Zeroizing::new(text);
        if text.is_empty() {
            return Err(CoreError::validation(field, "Please type your passphrase."));
        }
        if text.chars().count() > MAX_CHARS || text.chars().any(char::is_control) {
            return Err(doesnt_fit(field));
        }
        Ok(Self(text))
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }

    /// The text, for the one place outside the core that needs it: the
    /// system keychain, when the person chose to keep it there.
    pub fn expose_for_keychain(&self) -> &str {
        &self.0
    }
}

/// What a passphrase that doesn't open the data gets, wherever it was typed.
pub(crate) fn doesnt_fit(field: &'static str) -> CoreError {
    CoreError::validation(field, "That passphrase doesn't open your data. Nothing has changed; please try again.")
}

impl PartialEq for Passphrase {
    fn eq(&self, other: &Self) -> bool {
        *self.0 == *other.0
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(hidden)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(result: CoreResult<Passphrase>) -> &'static str {
        match result {
            Err(CoreError::Validation { field, .. }) => field,
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn new_passphrases_follow_the_rules() {
        assert_eq!(field_of(Passphrase::new("short".into())), "passphrase");
        assert_eq!(field_of(Passphrase::new("x".repeat(MAX_CHARS + 1))), "passphrase");
        assert_eq!(field_of(Passphrase::new("tab\there ok".into())), "passphrase");
        assert_eq!(field_of(Passphrase::new("nul\0byte here".into())), "passphrase");
        // Counted in characters, not bytes: eight emoji are eight characters.
        assert!(Passphrase::new("🌿🌿🌿🌿🌿🌿🌿🌿".into()).is_ok());
        assert!(Passphrase::new("🌿🌿🌿🌿🌿🌿🌿".into()).is_err());
        assert!(Passphrase::new("it's a \"quoted\" one".into()).is_ok());
    }

    #[test]
    fn a_typed_passphrase_has_to_be_there_and_could_have_been_set() {
        assert_eq!(field_of(Passphrase::typed(String::new(), "current")), "current");
        assert!(Passphrase::typed("abc".into(), "passphrase").is_ok());
        // Never a valid passphrase, so never sent to SQLite (a NUL would end
        // the statement; ten million characters would only slow the key).
        for hostile in ["nul\0inside".to_owned(), "line\nbreak".to_owned(), "x".repeat(10_000_000)] {
            let error = Passphrase::typed(hostile, "passphrase").unwrap_err();
            assert!(error.to_string().contains("doesn't open your data"), "{error}");
        }
    }

    #[test]
    fn it_never_shows_itself_in_debug_output() {
        let p = Passphrase::new("correct horse battery".into()).unwrap();
        assert!(!format!("{p:?}").contains("horse"));
    }
}
