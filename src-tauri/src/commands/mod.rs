//! The IPC surface, one file per domain. Commands are named
//! `<domain>_<verb>`; arguments arrive camelCase on the wire. Each command
//! locks the store, calls the core and returns a DTO or an [`ApiError`].
//! A new command must also be listed in `src-tauri/build.rs` and granted in
//! `src-tauri/capabilities/main.json`, or the window cannot call it.
//!
//! [`ApiError`]: crate::ApiError

pub mod app;
pub mod checkins;
pub mod contacts;
pub mod data;
pub mod files;
pub mod insights;
pub mod intentions;
pub mod journal;
pub mod lock;
pub mod notices;
pub mod quality;
pub mod recovery;
pub mod reflect;
pub mod reminders;
pub mod settings;
pub mod ties;
