//! The passphrase over IPC: set, lock, unlock, change, remove, and starting
//! over when it is forgotten; a restart of an encrypted store starts locked.

mod common;

use std::sync::atomic::Ordering;
use std::sync::Arc;

use common::{MemoryKeychain, TestApp};
use serde_json::{json, Value};

const NAME: &str = "Zanzibarina Okonkwo";

fn status(app: &TestApp) -> Value {
    app.invoke("lock_status", json!({})).unwrap()
}

fn names(app: &TestApp) -> Vec<Value> {
    app.invoke("ties_list", json!({})).unwrap().as_array().unwrap().iter().map(|t| t["name"].clone()).collect()
}

fn field_error(result: Result<Value, Value>, field: &str) -> String {
    let error = result.unwrap_err();
    assert_eq!(error["code"], "validation", "{error}");
    assert_eq!(error["field"], field, "{error}");
    error["message"].as_str().unwrap().to_owned()
}

fn contains(dir: &std::path::Path, needle: &str) -> bool {
    std::fs::read_dir(dir).unwrap().flatten().filter(|e| e.path().is_file()).any(|e| {
        let bytes = std::fs::read(e.path()).unwrap();
        bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
    })
}

#[test]
fn a_passphrase_locks_the_data_until_it_is_given_again() {
    let dir = tempfile::tempdir().unwrap();
    let app = TestApp::in_dir(dir.path());
    assert_eq!(status(&app), json!({ "encrypted": false, "locked": false, "remembered": false, "problem": null }));
    assert_eq!(app.invoke("lock_now", json!({})).unwrap_err()["code"], "conflict", "nothing to lock with yet");
    app.invoke("ties_create", json!({ "draft": { "kind": "person", "name": NAME } })).unwrap();

    let short =
        field_error(app.invoke("lock_set_passphrase", json!({ "current": null, "passphrase": "short" })), "passphrase");
    assert!(short.contains("at least 8"), "{short}");
    let set = app.invoke("lock_set_passphrase", json!({ "current": null, "passphrase": "river stones 42" })).unwrap();
    assert_eq!(set, json!({ "encrypted": true, "locked": false, "remembered": false, "problem": null }));
    assert_eq!(names(&app), [json!(NAME)]);
    assert!(!contains(dir.path(), NAME), "no file holds the name in the clear");

    assert_eq!(
        app.invoke("lock_now", json!({})).unwrap(),
        json!({ "encrypted": true, "locked": true, "remembered": false, "problem": null })
    );
    let locked = app.invoke("ties_list", json!({})).unwrap_err();
    assert_eq!(locked["code"], "locked");
    assert!(locked["message"].as_str().unwrap().contains("unlock"), "{locked}");
    let wrong = field_error(app.invoke("lock_unlock", json!({ "passphrase": "river stones 43" })), "passphrase");
    assert!(wrong.contains("Nothing has changed"), "{wrong}");
    field_error(app.invoke("lock_unlock", json!({ "passphrase": "" })), "passphrase");
    for hostile in ["nul\u{0}inside".to_owned(), "x".repeat(1_000_000), "'); DROP TABLE ties; --".to_owned()] {
        field_error(app.invoke("lock_unlock", json!({ "passphrase": hostile })), "passphrase");
    }
    assert_eq!(status(&app)["locked"], true);
    assert_eq!(app.invoke("lock_unlock", json!({ "passphrase": "river stones 42" })).unwrap()["locked"], false);
    assert_eq!(names(&app), [json!(NAME)]);
}

#[test]
fn a_restart_starts_locked_and_the_passphrase_can_change_and_go() {
    let dir = tempfile::tempdir().unwrap();
    {
        let app = TestApp::in_dir(dir.path());
        app.invoke("ties_create", json!({ "draft": { "kind": "person", "name": NAME } })).unwrap();
        app.invoke("lock_set_passphrase", json!({ "current": null, "passphrase": "first passphrase" })).unwrap();
    }
    {
        let app = TestApp::in_dir(dir.path());
        assert_eq!(status(&app), json!({ "encrypted": true, "locked": true, "remembered": false, "problem": null }));
        app.invoke("lock_unlock", json!({ "passphrase": "first passphrase" })).unwrap();
        let args = json!({ "current": "not it at all", "passphrase": "second passphrase" });
        field_error(app.invoke("lock_set_passphrase", args), "current");
        let args = json!({ "current": "first passphrase", "passphrase": "second passphrase" });
        app.invoke("lock_set_passphrase", args).unwrap();
    }
    {
        let app = TestApp::in_dir(dir.path());
        field_error(app.invoke("lock_unlock", json!({ "passphrase": "first passphrase" })), "passphrase");
        app.invoke("lock_unlock", json!({ "passphrase": "second passphrase" })).unwrap();
        field_error(app.invoke("lock_remove_passphrase", json!({ "current": "first passphrase" })), "current");
        let removed = app.invoke("lock_remove_passphrase", json!({ "current": "second passphrase" })).unwrap();
        assert_eq!(removed, json!({ "encrypted": false, "locked": false, "remembered": false, "problem": null }));
    }
    let app = TestApp::in_dir(dir.path());
    assert_eq!(status(&app), json!({ "encrypted": false, "locked": false, "remembered": false, "problem": null }));
    assert_eq!(names(&app), [json!(NAME)]);
}

#[test]
fn someone_who_forgot_the_passphrase_can_start_over() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    {
        let app = TestApp::in_dir(&data);
        app.invoke("ties_create", json!({ "draft": { "kind": "person", "name": NAME } })).unwrap();
        app.invoke("data_back_up_now", json!({})).unwrap();
        app.invoke("lock_set_passphrase", json!({ "current": null, "passphrase": "river stones 42" })).unwrap();
    }
    let app = TestApp::in_dir(&data);
    assert_eq!(status(&app)["locked"], true);
    field_error(app.invoke("data_delete_everything", json!({ "confirmation": "yes" })), "confirmation");
    assert!(data.exists(), "a wrong phrase deletes nothing");
    app.invoke("data_delete_everything", json!({ "confirmation": "delete everything" })).unwrap();
    assert!(!data.exists(), "no file of Kindred's is left");
}

fn encrypted_app_with_keychain(dir: &std::path::Path, keychain: &Arc<MemoryKeychain>) -> TestApp {
    let app = TestApp::in_dir_with_keychain(dir, keychain.clone());
    app.invoke("ties_create", json!({ "draft": { "kind": "person", "name": NAME } })).unwrap();
    app.invoke("lock_set_passphrase", json!({ "current": null, "passphrase": "river stones 42" })).unwrap();
    app
}

#[test]
fn a_remembered_passphrase_opens_kindred_by_itself_and_follows_changes() {
    let dir = tempfile::tempdir().unwrap();
    let keychain = Arc::new(MemoryKeychain::default());
    {
        let app = encrypted_app_with_keychain(dir.path(), &keychain);
        field_error(app.invoke("lock_remember", json!({ "passphrase": "not the one" })), "current");
        assert_eq!(keychain.held(), None, "a wrong passphrase is never kept");
        let kept = app.invoke("lock_remember", json!({ "passphrase": "river stones 42" })).unwrap();
        assert_eq!(kept["remembered"], true);
        assert_eq!(keychain.held().as_deref(), Some("river stones 42"));
        let args = json!({ "current": "river stones 42", "passphrase": "second passphrase" });
        app.invoke("lock_set_passphrase", args).unwrap();
        assert_eq!(keychain.held().as_deref(), Some("second passphrase"), "the keychain follows a change");
    }
    {
        let app = TestApp::in_dir_with_keychain(dir.path(), keychain.clone());
        assert_eq!(status(&app), json!({ "encrypted": true, "locked": false, "remembered": true, "problem": null }));
        assert_eq!(names(&app), [json!(NAME)]);
        assert_eq!(app.invoke("lock_forget", json!({})).unwrap()["remembered"], false);
        assert_eq!(keychain.held(), None);
    }
    let app = TestApp::in_dir_with_keychain(dir.path(), keychain.clone());
    assert_eq!(status(&app)["locked"], true, "forgotten: it asks again");
}

#[test]
fn a_kept_passphrase_that_no_longer_opens_is_kept_and_kindred_asks() {
    let dir = tempfile::tempdir().unwrap();
    let keychain = Arc::new(MemoryKeychain::default());
    drop(
        encrypted_app_with_keychain(dir.path(), &keychain)
            .invoke("lock_remember", json!({ "passphrase": "river stones 42" })),
    );
    // What the keychain holds no longer opens the file (as it would not if
    // the file were damaged): Kindred asks, and forgets nothing yet.
    *keychain.secret.lock().unwrap() = Some("something else entirely".into());
    let app = TestApp::in_dir_with_keychain(dir.path(), keychain.clone());
    assert_eq!(status(&app), json!({ "encrypted": true, "locked": true, "remembered": true, "problem": null }));
    assert_eq!(keychain.held().as_deref(), Some("something else entirely"));
    app.invoke("lock_unlock", json!({ "passphrase": "river stones 42" })).unwrap();
    // Never replaced by itself: it may open a copy set aside among the
    // backups. Keeping the new one is the person's choice, in Settings.
    assert_eq!(keychain.held().as_deref(), Some("something else entirely"));
    app.invoke("lock_remember", json!({ "passphrase": "river stones 42" })).unwrap();
    assert_eq!(keychain.held().as_deref(), Some("river stones 42"));
}

#[test]
fn a_keychain_that_does_not_answer_gets_plain_words_and_nothing_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let keychain = Arc::new(MemoryKeychain::default());
    let app = encrypted_app_with_keychain(dir.path(), &keychain);
    keychain.broken.store(true, Ordering::SeqCst);
    let error = app.invoke("lock_remember", json!({ "passphrase": "river stones 42" })).unwrap_err();
    assert_eq!(error["code"], "conflict");
    assert!(error["message"].as_str().unwrap().contains("keychain didn't answer"), "{error}");
    assert_eq!(status(&app)["remembered"], false);
}

#[test]
fn removing_the_passphrase_or_deleting_everything_clears_the_keychain() {
    let dir = tempfile::tempdir().unwrap();
    let keychain = Arc::new(MemoryKeychain::default());
    let app = encrypted_app_with_keychain(dir.path(), &keychain);
    app.invoke("lock_remember", json!({ "passphrase": "river stones 42" })).unwrap();
    app.invoke("lock_remove_passphrase", json!({ "current": "river stones 42" })).unwrap();
    assert_eq!(keychain.held(), None);
    assert_eq!(status(&app), json!({ "encrypted": false, "locked": false, "remembered": false, "problem": null }));

    let data = dir.path().join("data");
    let app = encrypted_app_with_keychain(&data, &keychain);
    app.invoke("lock_remember", json!({ "passphrase": "river stones 42" })).unwrap();
    app.invoke("data_delete_everything", json!({ "confirmation": "delete everything" })).unwrap();
    assert_eq!(keychain.held(), None);
    assert!(!data.exists(), "the marker went with everything else");
}
