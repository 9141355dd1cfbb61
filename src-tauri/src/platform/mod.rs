//! Everything that differs between Windows, macOS and Linux lives here, one
//! small module per concern, each with `#[cfg]` branches and a note on what
//! differs and why. Nothing platform-specific belongs in the core crate, and
//! the rest of the shell calls these functions without any `#[cfg]` of its
//! own. CI cross-builds for Windows (scripts/windows-build.sh), so a
//! Linux-only API used outside this module fails the build.
//!
//! Concerns: the data folder; desktop notifications (handle lifetime on
//! Linux, the Windows app id, macOS `set_application`); start at login; the
//! system keychain (the `keyring` crate picks each system's own store).
//! The tray itself is the same everywhere (see `crate::tray`).

pub mod autostart;
pub mod data_folder;
pub mod keychain;
pub mod notifications;
