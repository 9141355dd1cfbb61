//! The people commands over real IPC (mock runtime, real store file):
//! payload shapes, camelCase arguments and the {code, message, field} errors.

mod common;

use common::TestApp;
use serde_json::{json, Value};

fn create(app: &TestApp, name: &str) -> Value {
    app.invoke("people_create", json!({ "name": name })).expect("person created")
}

#[test]
fn create_returns_the_person_as_the_ui_expects_it() {
    let app = TestApp::new();
    let sam = create(&app, "  Sam Okafor ");
    assert_eq!(sam["name"], "Sam Okafor");
    assert_eq!(sam["kind"], "person");
    assert_eq!(sam["supportTypes"], json!([]));
    assert_eq!(sam["archivedAt"], Value::Null);
    assert_eq!(sam["createdAt"], "2026-11-25T09:00:00Z");
    assert!(sam["id"].is_i64());
}

#[test]
fn invalid_names_come_back_as_validation_errors_with_plain_words() {
    let app = TestApp::new();
    let long = "a".repeat(10_000);
    for (name, hint) in [("", "name"), ("   ", "name"), (long.as_str(), "100 characters"), ("Sam\u{7}", "control")] {
        let err = app.invoke("people_create", json!({ "name": name })).expect_err("refused");
        assert_eq!(err["code"], "validation", "{err}");
        assert_eq!(err["field"], "name", "{err}");
        let message = err["message"].as_str().expect("a message");
        assert!(message.contains(hint), "{message:?} should mention {hint:?}");
        assert!(!message.to_lowercase().contains("sql"));
    }
    let list = app.invoke("people_list", json!({})).unwrap();
    assert_eq!(list, json!([]), "nothing was half-saved");
}

#[test]
fn missing_arguments_are_refused_without_touching_the_store() {
    let app = TestApp::new();
    assert!(app.invoke("people_create", json!({})).is_err());
    // snake_case keys are not the wire format.
    let sam = create(&app, "Sam");
    assert!(app.invoke("people_rename", json!({ "person_id": sam["id"], "name": "X" })).is_err());
    assert_eq!(app.invoke("people_list", json!({})).unwrap()[0]["name"], "Sam");
}

#[test]
fn list_rename_archive_and_restore() {
    let app = TestApp::new();
    let sam = create(&app, "Sam");
    let ana = create(&app, "ana");
    let names = |scope: &str| -> Vec<String> {
        let list = app.invoke("people_list", json!({ "scope": scope })).unwrap();
        list.as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(names("active"), ["ana", "Sam"]);

    let renamed = app.invoke("people_rename", json!({ "id": sam["id"], "name": "Samuel" })).unwrap();
    assert_eq!(renamed["name"], "Samuel");
    let err = app.invoke("people_rename", json!({ "id": sam["id"], "name": "" })).unwrap_err();
    assert_eq!(err["code"], "validation");

    app.clock.advance(chrono::Duration::hours(1));
    let archived = app.invoke("people_archive", json!({ "id": ana["id"] })).unwrap();
    assert_eq!(archived["archivedAt"], "2026-11-25T10:00:00Z");
    assert_eq!(names("active"), ["Samuel"]);
    assert_eq!(names("archived"), ["ana"]);
    assert_eq!(names("all"), ["ana", "Samuel"]);

    let back = app.invoke("people_restore", json!({ "id": ana["id"] })).unwrap();
    assert_eq!(back["archivedAt"], Value::Null);
    assert_eq!(names("active"), ["ana", "Samuel"]);
}

#[test]
fn unknown_ids_are_not_found() {
    let app = TestApp::new();
    for cmd in ["people_rename", "people_archive", "people_restore"] {
        let err = app.invoke(cmd, json!({ "id": 404, "name": "Sam" })).unwrap_err();
        assert_eq!(err, json!({ "code": "not_found", "message": "That person could not be found. It may have been deleted." }));
    }
}

#[test]
fn an_unknown_scope_is_refused() {
    let app = TestApp::new();
    assert!(app.invoke("people_list", json!({ "scope": "everyone" })).is_err());
}

#[test]
fn people_are_still_there_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    {
        let app = TestApp::in_dir(dir.path());
        create(&app, "Ngozi 🌻");
        create(&app, "<img src=x onerror=alert(1)>");
    }
    let app = TestApp::in_dir(dir.path());
    let list = app.invoke("people_list", json!({})).unwrap();
    let names: Vec<_> = list.as_array().unwrap().iter().map(|t| t["name"].clone()).collect();
    assert_eq!(names, [json!("<img src=x onerror=alert(1)>"), json!("Ngozi 🌻")]);
}
