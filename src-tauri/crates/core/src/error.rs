//! The core's one error type. Messages are written for the person using the
//! app: the shell passes them to the UI as they are, so they must be plain,
//! kind and never mention SQL.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum CoreError {
    /// The input broke a rule; `field` names the input (camelCase, as the UI
    /// knows it) so the UI can put the message beside it.
    #[error("{message}")]
    Validation { field: &'static str, message: String },

    /// The thing asked for is not there (or no longer there).
    #[error("{what} could not be found. It may have been deleted.")]
    NotFound { what: &'static str },

    /// The request makes sense, but not in the current state.
    #[error("{0}")]
    Conflict(String),

    /// The database is encrypted and has not been unlocked.
    #[error("Kindred is locked. Please unlock it with your passphrase to carry on.")]
    Locked,

    #[error("the database failed: {0}")]
    Storage(#[from] rusqlite::Error),

    #[error("the database could not be brought up to date: {0}")]
    Migration(#[from] rusqlite_migration::Error),

    #[error("a file could not be read or written: {0}")]
    Io(#[from] std::io::Error),
}

impl CoreError {
    pub fn validation(field: &'static str, message: impl Into<String>) -> Self {
        Self::Validation { field, message: message.into() }
    }

    pub fn not_found(what: &'static str) -> Self {
        Self::NotFound { what }
    }
}

pub type CoreResult<T> = Result<T, CoreError>;
