//! The people commands over real IPC (mock runtime, real store file):
//! payload shapes, camelCase arguments and the {code, message, field} errors.

mod common;

use common::TestApp;
use serde_json::{json, Value};

fn create(app: &TestApp, name: &str) -> Value {
    app.invoke("ties_create", json!({ "draft": { "kind": "person", "name": name } })).expect("person created")
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
        let err =
            app.invoke("ties_create", json!({ "draft": { "kind": "person", "name": name } })).expect_err("refused");
        assert_eq!(err["code"], "validation", "{err}");
        assert_eq!(err["field"], "name", "{err}");
        let message = err["message"].as_str().expect("a message");
        assert!(message.contains(hint), "{message:?} should mention {hint:?}");
        assert!(!message.to_lowercase().contains("sql"));
    }
    let list = app.invoke("ties_list", json!({})).unwrap();
    assert_eq!(list, json!([]), "nothing was half-saved");
}

#[test]
fn missing_arguments_are_refused_without_touching_the_store() {
    let app = TestApp::new();
    assert!(app.invoke("ties_create", json!({})).is_err());
    // snake_case keys are not the wire format.
    let sam = create(&app, "Sam");
    assert!(app.invoke("ties_rename", json!({ "person_id": sam["id"], "name": "X" })).is_err());
    assert_eq!(app.invoke("ties_list", json!({})).unwrap()[0]["name"], "Sam");
}

#[test]
fn list_rename_archive_and_restore() {
    let app = TestApp::new();
    let sam = create(&app, "Sam");
    let ana = create(&app, "ana");
    let names = |scope: &str| -> Vec<String> {
        let list = app.invoke("ties_list", json!({ "scope": scope })).unwrap();
        list.as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(names("active"), ["ana", "Sam"]);

    let renamed = app.invoke("ties_rename", json!({ "id": sam["id"], "name": "Samuel" })).unwrap();
    assert_eq!(renamed["name"], "Samuel");
    let err = app.invoke("ties_rename", json!({ "id": sam["id"], "name": "" })).unwrap_err();
    assert_eq!(err["code"], "validation");

    app.clock.advance(chrono::Duration::hours(1));
    let archived = app.invoke("ties_archive", json!({ "id": ana["id"] })).unwrap();
    assert_eq!(archived["archivedAt"], "2026-11-25T10:00:00Z");
    assert_eq!(names("active"), ["Samuel"]);
    assert_eq!(names("archived"), ["ana"]);
    assert_eq!(names("all"), ["ana", "Samuel"]);

    let back = app.invoke("ties_restore", json!({ "id": ana["id"] })).unwrap();
    assert_eq!(back["archivedAt"], Value::Null);
    assert_eq!(names("active"), ["ana", "Samuel"]);
}

#[test]
fn unknown_ids_are_not_found() {
    let app = TestApp::new();
    for cmd in ["ties_rename", "ties_archive", "ties_restore"] {
        let err = app.invoke(cmd, json!({ "id": 404, "name": "Sam" })).unwrap_err();
        assert_eq!(
            err,
            json!({ "code": "not_found", "message": "That person or group could not be found. It may have been deleted." })
        );
    }
}

#[test]
fn an_unknown_scope_is_refused() {
    let app = TestApp::new();
    assert!(app.invoke("ties_list", json!({ "scope": "everyone" })).is_err());
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
    let list = app.invoke("ties_list", json!({})).unwrap();
    let names: Vec<_> = list.as_array().unwrap().iter().map(|t| t["name"].clone()).collect();
    assert_eq!(names, [json!("<img src=x onerror=alert(1)>"), json!("Ngozi 🌻")]);
}

#[test]
fn the_full_form_round_trips_through_ipc_in_camel_case() {
    let app = TestApp::new();
    let draft = json!({
        "kind": "group",
        "groupKind": "online",
        "name": "Night owls forum",
        "circle": "outer",
        "sector": "community_online",
        "supportTypes": ["belonging", "emotional"],
        "cadence": { "mode": "custom", "days": 14 },
        "birthday": null,
        "notes": "Found it in spring.",
        "nextTimeNote": "Say thanks to Mo",
    });
    let tie = app.invoke("ties_create", json!({ "draft": draft })).unwrap();
    assert_eq!(tie["groupKind"], "online");
    assert_eq!(tie["supportTypes"], json!(["emotional", "belonging"]));
    assert_eq!(tie["cadence"], json!({ "mode": "custom", "days": 14 }));
    assert_eq!(tie["nextTimeNote"], "Say thanks to Mo");

    let moved = app.invoke("ties_move", json!({ "id": tie["id"], "circle": "inner" })).unwrap();
    assert_eq!(moved["circle"], "inner");
    let fetched = app.invoke("ties_get", json!({ "id": tie["id"] })).unwrap();
    assert_eq!(fetched, moved);
}

#[test]
fn impossible_values_are_refused_by_field() {
    let app = TestApp::new();
    let bad_birthday = json!({ "kind": "person", "name": "Sam", "birthday": { "day": 31, "month": 2, "year": null } });
    let err = app.invoke("ties_create", json!({ "draft": bad_birthday })).unwrap_err();
    assert_eq!((err["code"].as_str(), err["field"].as_str()), (Some("validation"), Some("birthday")));
    // An unknown circle never reaches the core: the argument does not parse.
    let sam = create(&app, "Sam");
    assert!(app.invoke("ties_move", json!({ "id": sam["id"], "circle": "closest" })).is_err());
    assert_eq!(app.invoke("ties_get", json!({ "id": sam["id"] })).unwrap()["circle"], Value::Null);
}

#[test]
fn contacts_quality_and_delete_with_everything_attached() {
    let app = TestApp::new();
    let sam = create(&app, "Sam");
    let ana = create(&app, "Ana");
    let contact = app
        .invoke(
            "contacts_create",
            json!({ "draft": {
                "occurredOn": "2026-11-20", "occurredTime": "19:05", "channel": "in_person",
                "initiatedBy": "me", "felt": "better", "note": "Walk by the river", "tieIds": [sam["id"], ana["id"]]
            }}),
        )
        .unwrap();
    assert_eq!(contact["channel"], "in_person");
    assert_eq!(app.invoke("ties_get", json!({ "id": sam["id"] })).unwrap()["lastContactOn"], "2026-11-20");

    let future = app
        .invoke(
            "contacts_create",
            json!({ "draft": { "occurredOn": "2026-11-26", "channel": "call", "tieIds": [sam["id"]] }}),
        )
        .unwrap_err();
    assert_eq!(future["field"], "occurredOn");

    let timeline = app.invoke("contacts_list", json!({ "tieId": ana["id"] })).unwrap();
    assert_eq!(timeline.as_array().unwrap().len(), 1);

    let rating = app
        .invoke("quality_rate", json!({ "tieId": sam["id"], "draft": { "feel": "energising", "empathy": 5 } }))
        .unwrap();
    assert_eq!(rating["empathy"], 5);
    let bad = app.invoke("quality_rate", json!({ "tieId": sam["id"], "draft": { "respect": 9 } })).unwrap_err();
    assert_eq!(bad["field"], "respect");
    assert_eq!(app.invoke("quality_history", json!({ "tieId": sam["id"] })).unwrap().as_array().unwrap().len(), 1);

    app.invoke("ties_delete", json!({ "id": sam["id"] })).unwrap();
    assert_eq!(app.invoke("ties_get", json!({ "id": sam["id"] })).unwrap_err()["code"], "not_found");
    // The shared contact stays with Ana.
    let timeline = app.invoke("contacts_list", json!({ "tieId": ana["id"] })).unwrap();
    assert_eq!(timeline[0]["tieIds"], json!([ana["id"]]));
    app.invoke("contacts_delete", json!({ "id": contact["id"] })).unwrap();
    assert_eq!(app.invoke("contacts_list", json!({ "tieId": ana["id"] })).unwrap(), json!([]));
}

#[test]
fn cadence_defaults_can_be_read_and_changed() {
    let app = TestApp::new();
    assert_eq!(
        app.invoke("settings_cadence_defaults", json!({})).unwrap(),
        json!({ "inner": 7, "middle": 21, "outer": 60 })
    );
    let err = app
        .invoke("settings_set_cadence_defaults", json!({ "value": { "inner": 0, "middle": 21, "outer": 60 } }))
        .unwrap_err();
    assert_eq!(err["field"], "inner");
    let saved = app
        .invoke("settings_set_cadence_defaults", json!({ "value": { "inner": 5, "middle": 21, "outer": 90 } }))
        .unwrap();
    assert_eq!(saved["outer"], 90);
}

#[test]
fn insights_and_reach_out_come_from_the_stored_network() {
    let app = TestApp::new();
    // Three people, only Sam to confide in: a fragile spot.
    let sam = app
        .invoke(
            "ties_create",
            json!({ "draft": { "kind": "person", "name": "Sam", "circle": "inner", "supportTypes": ["emotional"] } }),
        )
        .unwrap();
    create(&app, "Ana");
    create(&app, "Ben");
    let insights = app.invoke("insights_list", json!({})).unwrap();
    let fragile = insights
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "fragile_support" && i["supportType"] == "emotional")
        .expect("a fragile-support insight");
    assert_eq!(fragile["tieIds"], json!([sam["id"]]));
    assert_eq!(fragile["theme"], "emotional");
    assert!(fragile["title"].as_str().unwrap().contains("Sam"));

    // Sam is in the inner circle (weekly); a contact 10 days ago makes it
    // time to reach out again.
    app.invoke(
        "contacts_create",
        json!({ "draft": { "occurredOn": "2026-11-15", "channel": "call", "tieIds": [sam["id"]] } }),
    )
    .unwrap();
    let due = app.invoke("insights_reach_out", json!({})).unwrap();
    assert_eq!(due[0]["tieId"], sam["id"]);
    assert_eq!(due[0]["daysSince"], 10);
    assert_eq!(due[0]["cadenceDays"], 7);
    assert_eq!(due[0]["lastContactOn"], "2026-11-15");
}

#[test]
fn the_first_run_answers_build_the_map_in_one_go() {
    let app = TestApp::new();
    let ties = app
        .invoke(
            "ties_build_map",
            json!({ "answers": [
                { "supportType": "emotional", "names": "Sam, Ana" },
                { "supportType": "inspiration", "names": "ana" },
            ]}),
        )
        .unwrap();
    assert_eq!(ties[0]["name"], "Sam");
    assert_eq!(ties[1]["supportTypes"], json!(["emotional", "inspiration"]));
    let err = app
        .invoke("ties_build_map", json!({ "answers": [{ "supportType": "practical", "names": "Ben\u{7}" }] }))
        .unwrap_err();
    assert_eq!(err["field"], "names");
}
