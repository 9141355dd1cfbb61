//! The IPC surface, one file per domain. Commands are named
//! `<domain>_<verb>`; arguments arrive camelCase on the wire. Each command
//! locks the store, calls the core and returns a DTO or an [`ApiError`].
//!
//! [`ApiError`]: crate::ApiError

pub mod app;
pub mod people;
