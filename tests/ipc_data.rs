//! Owning your data over IPC: export, preview, import (replace and merge),
//! backups and restore, and deleting everything.

mod common;

use common::TestApp;
use serde_json::json;

#[test]
fn export_then_import_into_a_new_store_brings_everything_back() {
    let export = tempfile::tempdir().unwrap();
    std::env::set_var("KINDRED_EXPORT_DIR", export.path());
    let source = TestApp::new();
    let sam = source.invoke("ties_create", json!({ "draft": { "kind": "person", "name": "Sam 🌻" } })).unwrap();
    source
        .invoke("reflect_answer_prompt", json!({ "promptId": "body-04", "tieId": null, "answer": "A walk by the sea" }))
        .unwrap();
    let path = source.invoke("data_export", json!({})).unwrap();
    let contents = std::fs::read_to_string(path.as_str().unwrap()).unwrap();
    assert!(contents.contains("\"format\": \"kindred-export\""));

    let target = TestApp::new();
    target.invoke("ties_create", json!({ "draft": { "kind": "person", "name": "Someone else" } })).unwrap();
    let preview = target.invoke("data_import_preview", json!({ "contents": contents, "mode": "replace" })).unwrap();
    assert_eq!(preview["removed"]["ties"], 1);
    assert_eq!(preview["added"]["ties"], 1);
    assert_eq!(preview["added"]["journalEntries"], 1);
    assert_eq!(target.invoke("ties_list", json!({})).unwrap().as_array().unwrap().len(), 1, "preview wrote nothing");
    assert_eq!(target.invoke("ties_list", json!({})).unwrap()[0]["name"], "Someone else");

    target.invoke("data_import", json!({ "contents": contents, "mode": "replace" })).unwrap();
    let ties = target.invoke("ties_list", json!({})).unwrap();
    assert_eq!(ties[0]["name"], sam["name"]);
    let journal = target.invoke("journal_list", json!({ "filter": { "query": "sea" } })).unwrap();
    assert_eq!(journal["entries"].as_array().unwrap().len(), 1);

    // Merging the same file again changes nothing.
    let again = target.invoke("data_import_preview", json!({ "contents": contents, "mode": "merge" })).unwrap();
    assert_eq!(again["added"]["ties"], 0);
    assert_eq!(again["matchedNames"], json!(["Sam 🌻"]));
}

#[test]
fn bad_files_get_plain_errors_and_change_nothing() {
    let app = TestApp::new();
    app.invoke("ties_create", json!({ "draft": { "kind": "person", "name": "Sam" } })).unwrap();
    for (contents, words) in [
        ("{\"format\": \"kindred-export\", \"version\": 1, \"ties\": [", "isn't complete"),
        ("{\"format\": \"kindred-export\", \"version\": 7}", "newer Kindred"),
        ("hello", "isn't complete"),
        ("{\"a\": 1}", "isn't a Kindred export"),
    ] {
        for cmd in ["data_import_preview", "data_import"] {
            let err = app.invoke(cmd, json!({ "contents": contents, "mode": "replace" })).unwrap_err();
            assert_eq!(err["code"], "validation");
            assert!(err["message"].as_str().unwrap().contains(words), "{err}");
        }
    }
    assert_eq!(app.invoke("ties_list", json!({})).unwrap()[0]["name"], "Sam");
}

#[test]
fn backups_restore_and_delete_everything() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let app = TestApp::in_dir(&data);
    app.invoke("ties_create", json!({ "draft": { "kind": "person", "name": "Sam" } })).unwrap();
    let backup = app.invoke("data_back_up_now", json!({})).unwrap();
    assert_eq!(backup["kind"], "manual");
    app.invoke("ties_create", json!({ "draft": { "kind": "person", "name": "Ana" } })).unwrap();
    app.clock.advance(chrono::Duration::minutes(1));
    let restored = app.invoke("data_restore", json!({ "name": backup["name"] })).unwrap();
    assert_eq!(restored["safety"]["kind"], "before_restore");
    assert_eq!(restored["status"]["locked"], false);
    let names: Vec<_> =
        app.invoke("ties_list", json!({})).unwrap().as_array().unwrap().iter().map(|t| t["name"].clone()).collect();
    assert_eq!(names, [json!("Sam")]);
    assert_eq!(app.invoke("data_backups", json!({})).unwrap().as_array().unwrap().len(), 2);
    assert_eq!(app.invoke("data_restore", json!({ "name": "../kindred.sqlite3" })).unwrap_err()["code"], "not_found");

    let wrong = app.invoke("data_delete_everything", json!({ "confirmation": "yes" })).unwrap_err();
    assert_eq!(wrong["field"], "confirmation");
    assert!(data.join("kindred.sqlite3").exists());
    app.invoke("data_delete_everything", json!({ "confirmation": "delete everything" })).unwrap();
    assert!(!data.exists(), "no file of Kindred's is left");
}

#[test]
fn calendar_and_research_files_are_saved_in_downloads() {
    let export = tempfile::tempdir().unwrap();
    std::env::set_var("KINDRED_EXPORT_DIR", export.path());
    let app = TestApp::new();
    app.invoke(
        "ties_create",
        json!({ "draft": { "kind": "person", "name": "Mina", "birthday": { "day": 3, "month": 4, "year": null } } }),
    )
    .unwrap();
    let ics = app.invoke("data_export_calendar", json!({})).unwrap();
    let text = std::fs::read_to_string(ics.as_str().unwrap()).unwrap();
    assert!(text.contains("SUMMARY:Mina's birthday"));
    let files = app.invoke("data_export_research", json!({})).unwrap();
    let files = files.as_array().unwrap();
    assert_eq!(files.len(), 4);
    assert!(files[0].as_str().unwrap().ends_with(".graphml"));
    let alters = std::fs::read_to_string(files[2].as_str().unwrap()).unwrap();
    assert!(alters.lines().nth(1).unwrap().contains("Mina"));
}

#[test]
fn people_come_in_from_a_vcard_file_as_ticked() {
    let app = TestApp::new();
    let file = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Lima\r\nBDAY:--0203\r\nEND:VCARD\r\n\
BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ben\r\nEND:VCARD\r\n";
    let file = base64_of(file.as_bytes());
    let preview = app.invoke("data_vcard_preview", json!({ "fileBase64": file })).unwrap();
    assert_eq!(preview["people"][0]["name"], "Ana Lima");
    assert_eq!(preview["people"][0]["birthday"], json!({ "day": 3, "month": 2, "year": null }));
    assert_eq!(preview["unreadable"], json!([]));
    let added = app
        .invoke("data_vcard_import", json!({ "fileBase64": file, "picks": [{ "index": 0, "circle": "middle" }] }))
        .unwrap();
    assert_eq!(added[0]["circle"], "middle");
    assert_eq!(app.invoke("ties_list", json!({})).unwrap().as_array().unwrap().len(), 1);
    let err = app.invoke("data_vcard_preview", json!({ "fileBase64": base64_of(b"not a card") })).unwrap_err();
    assert_eq!(err["field"], "file");
    let err = app.invoke("data_vcard_preview", json!({ "fileBase64": "not base64 at all!" })).unwrap_err();
    assert_eq!(err["field"], "file");
}

/// Latin-1 bytes, as old address books save them, reach the core as bytes.
#[test]
fn a_vcard_file_in_latin_1_comes_in_with_its_accents() {
    let app = TestApp::new();
    let file = base64_of(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:M\xfcller;J\xfcrgen\r\nEND:VCARD\r\nBEGIN:VCARD\r\nTEL:1\r\nEND:VCARD\r\n",
    );
    let preview = app.invoke("data_vcard_preview", json!({ "fileBase64": file })).unwrap();
    assert_eq!(preview["people"][0]["name"], "J\u{fc}rgen M\u{fc}ller");
    assert_eq!(preview["unreadable"][0]["index"], 1);
}

/// An Outlook CSV (Windows-1252, every field quoted) goes through the same
/// two commands as a vCard file.
#[test]
fn people_come_in_from_an_outlook_csv() {
    let app = TestApp::new();
    let file = base64_of(
        b"\"Title\",\"First Name\",\"Last Name\",\"Birthday\"\r\n\"\",\"Fran\xe7ois\",\"Lef\xe8vre\",\"3/22/1980\"\r\n\"Ms.\",\"\",\"\",\"0/0/00\"\r\n",
    );
    let preview = app.invoke("data_vcard_preview", json!({ "fileBase64": file })).unwrap();
    assert_eq!(preview["people"][0]["name"], "Fran\u{e7}ois Lef\u{e8}vre");
    assert_eq!(preview["people"][0]["birthday"], json!({ "day": 22, "month": 3, "year": 1980 }));
    assert_eq!(preview["unreadable"][0]["index"], 1);
    let added = app.invoke("data_vcard_import", json!({ "fileBase64": file, "picks": [{ "index": 0 }] })).unwrap();
    assert_eq!(added[0]["name"], "Fran\u{e7}ois Lef\u{e8}vre");
}

fn base64_of(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}
