//! Reflection, the journal, intentions and check-ins over IPC: every
//! command, with the shapes and errors the UI relies on.

mod common;

use common::TestApp;
use serde_json::{json, Value};

fn len(v: &Value) -> usize {
    v.as_array().map_or(0, Vec::len)
}

#[test]
fn a_guided_session_runs_end_to_end_over_ipc_and_lands_in_the_journal() {
    let app = TestApp::new();
    let library = app.invoke("reflect_library", json!({})).unwrap();
    assert!(len(&library["guides"]) >= 7);
    assert!(len(&library["feelingWords"]) >= 10);
    let today = app.invoke("reflect_today", json!({})).unwrap();
    assert!(today["prompt"]["text"].as_str().is_some_and(|t| !t.is_empty()));
    assert!(today["suggestion"]["guideId"].is_string());
    assert_eq!(len(&app.invoke("reflect_prompts", json!({ "theme": "body" })).unwrap()), 10);

    let bad = app.invoke("reflect_start", json!({ "guideId": "weekly-check-in", "moodBefore": { "mood": 9 } }));
    assert_eq!(bad.unwrap_err()["field"], "moodBefore");
    let session = app
        .invoke(
            "reflect_start",
            json!({ "guideId": "weekly-check-in", "moodBefore": { "mood": 2, "feelings": ["tired"] } }),
        )
        .unwrap();
    let id = session["id"].clone();
    assert_eq!(app.invoke("reflect_current", json!({})).unwrap()["id"], id);
    let steps = session["steps"].as_array().unwrap().clone();
    let step = app
        .invoke(
            "reflect_answer_step",
            json!({ "entryId": steps[0]["entryId"], "answer": "Tea with Gran", "skipped": false }),
        )
        .unwrap();
    assert_eq!(step["answer"], "Tea with Gran");
    let long = "x".repeat(20_001);
    let err = app
        .invoke("reflect_answer_step", json!({ "entryId": steps[1]["entryId"], "answer": long, "skipped": false }))
        .unwrap_err();
    assert_eq!((err["code"].as_str(), err["field"].as_str()), (Some("validation"), Some("answer")));

    let done = app
        .invoke(
            "reflect_finish",
            json!({ "id": id, "end": { "moodAfter": { "mood": 4, "feelings": [] }, "intention": { "text": "Ring Gran on Sunday", "dueOn": "2026-11-29" } } }),
        )
        .unwrap();
    assert_eq!(done["status"], "completed");
    assert_eq!(done["intention"]["text"], "Ring Gran on Sunday");
    assert_eq!(app.invoke("reflect_get", json!({ "id": id })).unwrap()["moodAfter"]["mood"], 4);
    assert_eq!(app.invoke("reflect_current", json!({})).unwrap(), Value::Null);

    let found = app.invoke("journal_list", json!({ "filter": { "query": "gran" } })).unwrap();
    assert_eq!(len(&found["entries"]), 1);
    assert_eq!(found["entries"][0]["answerParts"][1], json!({ "text": "Gran", "hit": true }));
    // Reading further back: the cursor the UI sends is the last entry's time and id.
    let first = &found["entries"][0];
    let cursor = json!({ "createdAt": first["createdAt"], "id": first["id"] });
    let older = app.invoke("journal_list", json!({ "filter": { "query": "gran", "before": cursor } })).unwrap();
    assert_eq!((len(&older["entries"]), older["more"].as_bool()), (0, Some(false)));
    let bad = app.invoke("journal_list", json!({ "filter": { "before": { "createdAt": "yesterday", "id": 1 } } }));
    assert!(bad.is_err(), "a cursor that is no time is refused");
    for hostile in ["\"", "*", "OR", "-", "NEAR(", "🙂", "a\"b", ""] {
        assert!(app.invoke("journal_list", json!({ "filter": { "query": hostile } })).is_ok(), "{hostile}");
    }
    let charts = app.invoke("reflect_charts", json!({})).unwrap();
    assert_eq!(charts["moods"][0]["before"], 2);
    assert_eq!(charts["moods"][0]["after"], 4);
    assert_eq!(len(&charts["contactsPerWeek"]), 12);

    let intentions = app.invoke("intentions_list", json!({ "openOnly": true })).unwrap();
    assert_eq!(len(&intentions), 1);
    let closed = app.invoke("intentions_set_status", json!({ "id": intentions[0]["id"], "status": "done" })).unwrap();
    assert_eq!(closed["status"], "done");
    let created = app.invoke("intentions_create", json!({ "draft": { "text": "Join the choir" } })).unwrap();
    assert_eq!(created["status"], "open");
    assert_eq!(app.invoke("intentions_create", json!({ "draft": { "text": "" } })).unwrap_err()["field"], "text");
}

#[test]
fn single_prompts_and_the_journal_edit_delete_and_export() {
    let export = tempfile::tempdir().unwrap();
    std::env::set_var("KINDRED_EXPORT_DIR", export.path());
    let app = TestApp::new();
    let entry = app
        .invoke(
            "reflect_answer_prompt",
            json!({ "promptId": "body-04", "tieId": null, "answer": "<img src=x onerror=alert(1)>" }),
        )
        .unwrap();
    assert_eq!(entry["answer"], "<img src=x onerror=alert(1)>", "kept as typed, shown as text by the UI");
    let err =
        app.invoke("reflect_answer_prompt", json!({ "promptId": "nope", "tieId": null, "answer": "x" })).unwrap_err();
    assert_eq!(err["field"], "promptId");

    let edited = app.invoke("journal_update", json!({ "id": entry["id"], "answer": "A walk on Sunday" })).unwrap();
    assert_eq!(edited["answer"], "A walk on Sunday");
    let path = app.invoke("journal_export", json!({ "ids": null })).unwrap();
    let text = std::fs::read_to_string(path.as_str().unwrap()).unwrap();
    assert!(text.starts_with("# My Kindred journal") && text.contains("A walk on Sunday"));
    app.invoke("journal_delete", json!({ "id": entry["id"] })).unwrap();
    assert_eq!(app.invoke("journal_delete", json!({ "id": entry["id"] })).unwrap_err()["code"], "not_found");
    assert_eq!(app.invoke("journal_export", json!({ "ids": null })).unwrap_err()["field"], "ids");
    assert_eq!(len(&app.invoke("journal_list", json!({ "filter": {} })).unwrap()["entries"]), 0);

    let session = app.invoke("reflect_start", json!({ "guideId": "body", "moodBefore": { "mood": 3 } })).unwrap();
    app.invoke("reflect_set_aside", json!({ "id": session["id"] })).unwrap();
    assert_eq!(app.invoke("reflect_get", json!({ "id": session["id"] })).unwrap()["status"], "set_aside");
}

#[test]
fn check_ins_use_the_published_scale_and_validate_answers() {
    let app = TestApp::new();
    let scale = app.invoke("checkins_scale", json!({})).unwrap();
    assert_eq!(scale["items"][0], "How often do you feel that you lack companionship?");
    assert_eq!(scale["answers"], json!(["Hardly ever", "Some of the time", "Often"]));
    assert!(scale["source"].as_str().unwrap().contains("Hughes"));

    assert_eq!(app.invoke("checkins_status", json!({})).unwrap()["due"], true);
    let bad = app.invoke("checkins_record", json!({ "answers": { "items": [1, 2, 5] } })).unwrap_err();
    assert_eq!(bad["field"], "items");
    // A wrongly shaped answer never reaches the core (the UI shows its
    // generic "nothing was changed" words) and records nothing.
    assert!(app.invoke("checkins_record", json!({ "answers": { "items": [1, 2] } })).is_err());
    assert_eq!(len(&app.invoke("checkins_list", json!({})).unwrap()), 0);
    let taken = app.invoke("checkins_record", json!({ "answers": { "items": [3, 3, 2] } })).unwrap();
    assert_eq!(taken["score"], 8);
    assert!(taken["reading"].as_str().unwrap().len() > 20);
    assert_eq!(len(&app.invoke("checkins_list", json!({})).unwrap()), 1);
    let status = app.invoke("checkins_status", json!({})).unwrap();
    assert_eq!((status["due"].as_bool(), status["latest"]["score"].as_u64()), (Some(false), Some(8)));
    app.invoke("checkins_put_off", json!({})).unwrap();
}
