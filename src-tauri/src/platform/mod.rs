//! Everything that differs between Windows, macOS and Linux lives here, one
//! small module per concern, each with `#[cfg]` branches and a note on what
//! differs and why. Nothing platform-specific belongs in the core crate, and
//! the rest of the shell calls these functions without any `#[cfg]` of its
//! own. CI cross-builds for Windows (scripts/windows-build.sh), so a
//! Linux-only API used outside this module fails the build.
//!
//! Concerns as they land: the data folder (here now); desktop notification
//! delivery and handle lifetime, the Windows app id and macOS
//! `set_application`, tray differences, and start at login (with reminders).

pub mod data_folder;
