//! Start at login, through the real autostart plugin, as each system keeps
//! it: an XDG autostart entry on Linux, the Run key in the registry on
//! Windows (under Wine, in a throwaway prefix). The entry starts Kindred
//! with `--hidden`, so a start at login stays in the tray. One test in its
//! own binary: on Linux it points HOME at a folder of its own first, so the
//! real login items are never touched.

mod common;

use std::sync::Arc;

use chrono::Utc;
use kindred_app::platform::autostart::{self, ENTRY_NAME, HIDDEN_ARG};
use kindred_app::AppState;
use kindred_core::{FixedClock, Store};
use tauri::test::mock_builder;

/// What the system keeps for Kindred's login entry, if anything.
#[cfg(unix)]
fn login_entry(home: &std::path::Path) -> Option<String> {
    std::fs::read_to_string(home.join(".config").join("autostart").join(format!("{ENTRY_NAME}.desktop"))).ok()
}

/// The plugin writes the Run value for all users (HKLM) when it may, else
/// for this user (HKCU). Kindred is installed per user and runs without
/// elevation, so on Windows that is HKCU; Wine runs every program as an
/// administrator, so under Wine it is HKLM. Both are looked at.
#[cfg(windows)]
fn login_entry(_home: &std::path::Path) -> Option<String> {
    ["HKCU", "HKLM"].into_iter().find_map(|root| {
        let key = format!(r"{root}\Software\Microsoft\Windows\CurrentVersion\Run");
        let out =
            std::process::Command::new("reg").args(["query", &key, "/v", ENTRY_NAME]).output().expect("reg.exe runs");
        out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    })
}

#[test]
fn start_at_login_writes_the_systems_own_entry_with_hidden_and_takes_it_away() {
    let home = tempfile::tempdir().unwrap();
    if cfg!(unix) {
        std::env::set_var("HOME", home.path());
        std::env::remove_var("XDG_CONFIG_HOME");
    }
    let clock = Arc::new(FixedClock::new(Utc::now()));
    let state = AppState::with_store(Store::open_in_memory(clock).unwrap());
    let app = kindred_app::builder(mock_builder().plugin(autostart::plugin()))
        .manage(state)
        .build(common::context())
        .expect("the app builds");

    assert_eq!(login_entry(home.path()), None, "nothing before the person asks");
    autostart::set(app.handle(), true).unwrap();
    let entry = login_entry(home.path()).expect("an entry at login");
    let exe = std::env::current_exe().unwrap();
    let exe_name = exe.file_name().unwrap().to_string_lossy().into_owned();
    assert!(entry.contains(&exe_name), "it starts this program: {entry}");
    assert!(entry.contains(HIDDEN_ARG), "quietly, in the tray: {entry}");

    autostart::set(app.handle(), false).unwrap();
    assert_eq!(login_entry(home.path()), None, "turned off, it is gone");
}
