//! Everything that differs between Windows, macOS and Linux lives here, one
//! small module per concern, each with `#[cfg]` branches and a note on what
//! differs and why. Nothing platform-specific belongs in the core crate, and
//! the rest of the shell calls these functions without any `#[cfg]` of its
//! own. CI cross-builds for Windows (scripts/windows-build.sh), so a
//! Linux-only API used outside this module fails the build.
//!
//! Concerns: the data folder and Downloads; desktop notifications (handle
//! lifetime and clicks on Linux, the Windows app id that must match the
//! Start menu shortcut, macOS `set_application`); start at login; the
//! system keychain (the `keyring` crate picks each system's own store); the
//! single-instance handover; the tray's manners (a menu-bar template on
//! macOS). The tray's menu is the same everywhere (see `crate::tray`).
//!
//! macOS is type-checked from Linux (scripts/macos-check.sh) and Windows is
//! built and its tests run under Wine (scripts/windows-test.sh), so a call
//! that exists on one system only, used outside its `cfg`, fails the test
//! command.

pub mod autostart;
pub mod data_folder;
pub mod keychain;
pub mod notifications;
pub mod single_instance;
pub mod tray;
