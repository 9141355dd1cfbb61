//! The error shape the UI receives for every failed command:
//! `{"code": "validation" | "not_found" | "conflict" | "internal" | "locked",
//!   "message": "...", "field"?: "..."}`.
//! The UI switches on `code`; `message` is shown to the person as it is, so
//! it is always plain words and never SQL.

use kindred_core::CoreError;
use serde::Serialize;
use ts_rs::TS;

use crate::state::DataProblem;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Validation,
    NotFound,
    Conflict,
    Internal,
    /// The data is encrypted and waiting for its passphrase.
    Locked,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// The input the message is about, for validation errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
}

impl ApiError {
    pub(crate) fn internal(message: String) -> Self {
        Self { code: ErrorCode::Internal, message, field: None }
    }

    pub(crate) fn store_unavailable(problem: &DataProblem) -> Self {
        Self {
            code: ErrorCode::Internal,
            message: format!(
                "Kindred couldn't open its data, so nothing can be saved right now. \
                 Your existing data has not been changed. Details: {}",
                problem.details
            ),
            field: None,
        }
    }
}

impl From<CoreError> for ApiError {
    fn from(error: CoreError) -> Self {
        let (code, field) = match &error {
            CoreError::Validation { field, .. } => (ErrorCode::Validation, Some((*field).to_owned())),
            CoreError::NotFound { .. } => (ErrorCode::NotFound, None),
            CoreError::Conflict(_) => (ErrorCode::Conflict, None),
            CoreError::Locked => (ErrorCode::Locked, None),
            CoreError::Storage(_) | CoreError::Migration(_) | CoreError::Io(_) => {
                // The detail is for the log, not the screen.
                eprintln!("Kindred internal error: {error}");
                return Self {
                    code: ErrorCode::Internal,
                    message: "Something went wrong while saving or loading. Nothing was changed, \
                              so it is safe to try again."
                        .to_owned(),
                    field: None,
                };
            }
        };
        Self { code, message: error.to_string(), field }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn the_wire_shape_is_pinned() {
        let validation = ApiError::from(CoreError::validation("name", "Please give a name."));
        assert_eq!(
            serde_json::to_value(&validation).unwrap(),
            json!({"code": "validation", "message": "Please give a name.", "field": "name"})
        );
        let missing = ApiError::from(CoreError::not_found("That person"));
        assert_eq!(
            serde_json::to_value(&missing).unwrap(),
            json!({"code": "not_found", "message": "That person could not be found. It may have been deleted."})
        );
        let conflict = ApiError::from(CoreError::Conflict("Already done.".into()));
        assert_eq!(serde_json::to_value(&conflict).unwrap(), json!({"code": "conflict", "message": "Already done."}));
    }

    #[test]
    fn storage_errors_never_show_sql() {
        let sql = rusqlite_error();
        let err = ApiError::from(CoreError::Storage(sql));
        assert_eq!(err.code, ErrorCode::Internal);
        assert!(!err.message.to_lowercase().contains("sql"), "{}", err.message);
        assert!(!err.message.contains("no such table"), "{}", err.message);
    }

    fn rusqlite_error() -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(1), Some("no such table: tiez".into()))
    }
}
