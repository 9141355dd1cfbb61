//! Kindred in the system's own folders, found as the real app finds them
//! (Tauri's path resolver): the local app-data folder with the app's
//! identifier for the data, Downloads for what the person saves. Runs on
//! Linux with a home folder of its own, and on Windows semantics under Wine
//! (scripts/windows-test.sh), where the profile is C:\users\Zoë Núñez, so
//! every path holds a space and letters beyond ASCII. One test in its own
//! binary: it sets the process's environment before anything reads it.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use common::TestApp;
use kindred_app::platform::data_folder;
use kindred_app::AppState;
use kindred_core::FixedClock;
use serde_json::json;

const IDENTIFIER: &str = "app.kindred.desktop";

/// On Linux and macOS: a home folder of the test's own (the real one is
/// never touched), with its Downloads named as the desktop names it.
/// Returns where the data and Downloads are expected.
#[cfg(unix)]
fn system_folders(home: &Path) -> (PathBuf, PathBuf) {
    let downloads = home.join("Téléchargements en cours");
    std::fs::create_dir_all(home.join(".config")).unwrap();
    std::fs::write(
        home.join(".config").join("user-dirs.dirs"),
        "XDG_DOWNLOAD_DIR=\"$HOME/Téléchargements en cours\"\n",
    )
    .unwrap();
    for var in ["XDG_DATA_HOME", "XDG_CONFIG_HOME", data_folder::DATA_DIR_ENV, data_folder::EXPORT_DIR_ENV] {
        std::env::remove_var(var);
    }
    std::env::set_var("HOME", home);
    let base = if cfg!(target_os = "macos") {
        home.join("Library").join("Application Support")
    } else {
        home.join(".local").join("share")
    };
    (base.join(IDENTIFIER), downloads)
}

/// On Windows: the profile Wine (or Windows) gives this user; Kindred's
/// folders are its own Local AppData and Downloads.
#[cfg(windows)]
fn system_folders(_home: &Path) -> (PathBuf, PathBuf) {
    for var in [data_folder::DATA_DIR_ENV, data_folder::EXPORT_DIR_ENV] {
        std::env::remove_var(var);
    }
    let local = PathBuf::from(std::env::var_os("LOCALAPPDATA").expect("Windows names LOCALAPPDATA"));
    let profile = PathBuf::from(std::env::var_os("USERPROFILE").expect("Windows names USERPROFILE"));
    if let Some(expected) = std::env::var_os("KINDRED_EXPECT_WINDOWS_PROFILE") {
        // The harness's profile, with its space and accents, is the one in use.
        assert_eq!(profile, PathBuf::from(&expected));
        assert!(std::env::temp_dir().starts_with(&expected), "temporary folders are under it too");
    }
    (local.join(IDENTIFIER), profile.join("Downloads"))
}

#[test]
fn kindred_keeps_to_the_systems_own_folders_and_leaves_nothing_behind() {
    let home = tempfile::tempdir().unwrap();
    let (expected_data, expected_downloads) = system_folders(home.path());

    let probe = TestApp::new();
    let data = data_folder::resolve(&probe.handle()).unwrap();
    assert_eq!(data, expected_data);
    drop(probe);

    // As the real app starts: the folder is made private, the store opens.
    data_folder::prepare(&data).unwrap();
    let clock = Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap()));
    let app = TestApp::with_state(AppState::open(&data, clock.clone()), clock);
    app.invoke("ties_create", json!({ "draft": { "kind": "person", "name": "Zoë Núñez" } })).unwrap();
    // Every move the data makes, in that folder: a backup, encryption (a new
    // file renamed over the open one's place), locking and unlocking.
    app.invoke("data_back_up_now", json!({})).unwrap();
    app.invoke("lock_set_passphrase", json!({ "current": null, "passphrase": "río de piedras" })).unwrap();
    app.invoke("lock_now", json!({})).unwrap();
    app.invoke("lock_unlock", json!({ "passphrase": "río de piedras" })).unwrap();
    let people = app.invoke("ties_list", json!({})).unwrap();
    assert_eq!(people[0]["name"], "Zoë Núñez");

    let saved = PathBuf::from(app.invoke("data_export", json!({})).unwrap().as_str().unwrap());
    assert_eq!(saved.parent(), Some(expected_downloads.as_path()), "exports go to Downloads");
    assert!(std::fs::read_to_string(&saved).unwrap().contains("Zoë Núñez"));

    app.invoke("data_delete_everything", json!({ "confirmation": "delete everything" })).unwrap();
    assert!(!data.exists(), "no file of Kindred's is left in {}", data.display());
    assert!(saved.exists(), "what the person saved is theirs to keep");
}
