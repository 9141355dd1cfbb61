//! App-level commands, and what the UI sees when the store cannot open.

mod common;

use std::sync::Arc;

use chrono::Utc;
use common::TestApp;
use kindred_app::AppState;
use kindred_core::FixedClock;
use serde_json::json;

#[test]
fn app_info_reports_where_the_data_lives() {
    let app = TestApp::new();
    let info = app.invoke("app_info", json!({})).unwrap();
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(info["schemaVersion"], kindred_core::store::latest_version());
    assert!(info["dataDir"].as_str().is_some_and(|d| !d.is_empty()));
}

#[test]
fn a_store_that_could_not_open_gives_an_internal_error_in_plain_words() {
    let state = AppState::unavailable("the folder is read-only".into());
    let app = TestApp::with_state(state, Arc::new(FixedClock::new(Utc::now())));
    let err = app.invoke("ties_create", json!({ "draft": { "kind": "person", "name": "Sam" } })).unwrap_err();
    assert_eq!(err["code"], "internal");
    let message = err["message"].as_str().unwrap();
    assert!(message.contains("couldn't open its data"), "{message}");
    assert!(message.contains("has not been changed"), "{message}");
}

#[test]
fn a_data_folder_that_is_a_file_is_reported_not_panicked() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, b"hello").unwrap();
    let state = AppState::open(&file, Arc::new(FixedClock::new(Utc::now())));
    let app = TestApp::with_state(state, Arc::new(FixedClock::new(Utc::now())));
    let err = app.invoke("ties_list", json!({})).unwrap_err();
    assert_eq!(err["code"], "internal");
}

#[test]
fn a_map_picture_is_saved_as_a_new_file_in_the_export_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::env::set_var("KINDRED_EXPORT_DIR", dir.path());
    let app = TestApp::new();
    let svg = b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec();
    let first =
        app.invoke("files_save_export", json!({ "fileName": "kindred-map-2026-11-25.svg", "contents": svg })).unwrap();
    let second =
        app.invoke("files_save_export", json!({ "fileName": "kindred-map-2026-11-25.svg", "contents": svg })).unwrap();
    assert!(first.as_str().unwrap().ends_with("kindred-map-2026-11-25.svg"));
    assert!(second.as_str().unwrap().ends_with("kindred-map-2026-11-25-2.svg"));
    assert_eq!(std::fs::read(dir.path().join("kindred-map-2026-11-25.svg")).unwrap(), svg);
    let escape = app.invoke("files_save_export", json!({ "fileName": "../x.svg", "contents": svg })).unwrap_err();
    assert_eq!(escape["field"], "fileName");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn the_appearance_follows_the_system_until_chosen_and_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    {
        let app = TestApp::in_dir(dir.path());
        assert_eq!(app.invoke("settings_appearance", json!({})).unwrap(), "system");
        assert_eq!(app.invoke("settings_set_appearance", json!({ "appearance": "dark" })).unwrap(), "dark");
        assert!(app.invoke("settings_set_appearance", json!({ "appearance": "purple" })).is_err());
    }
    let app = TestApp::in_dir(dir.path());
    assert_eq!(app.invoke("settings_appearance", json!({})).unwrap(), "dark");
}
