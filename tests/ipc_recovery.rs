//! When the data won't open, over IPC: the start says why, the backups are
//! listed, and bringing one back, starting fresh or trying again each open
//! Kindred again with the file that wouldn't open set aside, never deleted.

mod common;

use std::path::Path;

use std::sync::Arc;

use common::{MemoryKeychain, TestApp};
use serde_json::{json, Value};

const DATABASE: &str = "kindred.sqlite3";

fn status(app: &TestApp) -> Value {
    app.invoke("lock_status", json!({})).unwrap()
}

fn names(app: &TestApp) -> Vec<Value> {
    app.invoke("ties_list", json!({})).unwrap().as_array().unwrap().iter().map(|t| t["name"].clone()).collect()
}

fn add(app: &TestApp, name: &str) {
    app.invoke("ties_create", json!({ "draft": { "kind": "person", "name": name } })).unwrap();
}

/// A folder whose data holds Sam in a manual backup, and Sam and Ari now.
/// Returns the backup's name.
fn lived_in(dir: &Path, passphrase: Option<&str>) -> String {
    let app = TestApp::in_dir(dir);
    if let Some(passphrase) = passphrase {
        app.invoke("lock_set_passphrase", json!({ "current": null, "passphrase": passphrase })).unwrap();
    }
    add(&app, "Sam");
    let backup = app.invoke("data_back_up_now", json!({})).unwrap();
    add(&app, "Ari");
    backup["name"].as_str().unwrap().to_owned()
}

/// Writes what the write-ahead log holds into the database file and empties
/// the log, in case an app over the folder still has it open (a closed one
/// has done so already). SQLite is initialised by then: a store was opened
/// first.
fn checkpoint(dir: &Path) {
    let conn = rusqlite::Connection::open(dir.join(DATABASE)).unwrap();
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
}

/// Overwrites all but SQLite's header, as a failing disk might.
fn damage(dir: &Path) -> Vec<u8> {
    checkpoint(dir);
    let db = dir.join(DATABASE);
    let mut bytes = std::fs::read(&db).unwrap();
    bytes.iter_mut().skip(100).for_each(|b| *b = 0x5A);
    std::fs::write(&db, &bytes).unwrap();
    bytes
}

/// The database files set aside among the backups (not their logs), byte
/// for byte.
fn set_aside(dir: &Path) -> Vec<Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(dir.join("backups")) else { return Vec::new() };
    entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("kindred-set-aside-"))
        .filter(|e| e.path().extension().is_some_and(|x| x == "sqlite3"))
        .map(|e| std::fs::read(e.path()).unwrap())
        .collect()
}

#[test]
fn damaged_data_says_so_and_a_backup_brings_the_map_back() {
    let dir = tempfile::tempdir().unwrap();
    let backup = lived_in(dir.path(), None);
    let damaged = damage(dir.path());

    let app = TestApp::in_dir(dir.path());
    let problem = status(&app)["problem"].clone();
    assert_eq!(problem["kind"], "damaged", "{problem}");
    assert_eq!(problem["folder"], dir.path().display().to_string());
    assert!(!problem["details"].as_str().unwrap().is_empty());
    assert_eq!(status(&app)["locked"], false);
    assert_eq!(app.invoke("ties_list", json!({})).unwrap_err()["code"], "internal");

    let listed = app.invoke("recovery_backups", json!({})).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["name"], backup.as_str());
    for hostile in ["../kindred.sqlite3", "kindred.sqlite3", "", "/etc/passwd", "kindred-manual-\u{0}.sqlite3"] {
        let refused = app.invoke("recovery_restore", json!({ "name": hostile })).unwrap_err();
        assert_eq!(refused["code"], "not_found", "{hostile}: {refused}");
    }
    assert!(std::fs::read(dir.path().join(DATABASE)).unwrap() == damaged, "refusals move nothing");

    let opened = app.invoke("recovery_restore", json!({ "name": backup })).unwrap();
    assert_eq!(opened, json!({ "encrypted": false, "locked": false, "remembered": false, "problem": null }));
    assert_eq!(names(&app), [json!("Sam")]);
    assert!(set_aside(dir.path()) == [damaged], "the damaged file is kept as it was");
    let kinds: Vec<Value> =
        app.invoke("data_backups", json!({})).unwrap().as_array().unwrap().iter().map(|b| b["kind"].clone()).collect();
    assert_eq!(kinds, [json!("set_aside"), json!("manual")], "listed, so it can be brought back later");
    let again = app.invoke("recovery_restore", json!({ "name": backup })).unwrap_err();
    assert_eq!(again["code"], "conflict", "an open store restores from Settings, with a safety copy");
}

#[test]
fn a_file_that_only_looks_locked_can_be_set_aside_for_a_fresh_start() {
    let dir = tempfile::tempdir().unwrap();
    // Whole pages of noise with no SQLite header: exactly what an encrypted
    // file looks like from outside.
    let garbage: Vec<u8> = (0..8192u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    std::fs::write(dir.path().join(DATABASE), &garbage).unwrap();

    // An unknown header is what an encrypted file has: Kindred asks for a
    // passphrase, and none opens it.
    let app = TestApp::in_dir(dir.path());
    assert_eq!(status(&app)["locked"], true);
    let refused = app.invoke("lock_unlock", json!({ "passphrase": "any passphrase at all" })).unwrap_err();
    assert_eq!(refused["field"], "passphrase");

    let fresh = app.invoke("recovery_start_fresh", json!({})).unwrap();
    assert_eq!(fresh, json!({ "encrypted": false, "locked": false, "remembered": false, "problem": null }));
    assert!(names(&app).is_empty());
    add(&app, "Noor");
    assert_eq!(names(&app), [json!("Noor")]);
    assert!(set_aside(dir.path()) == [garbage]);
}

#[test]
fn an_encrypted_backup_comes_back_locked_and_opens_with_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let backup = lived_in(dir.path(), Some("lantern by the gate"));
    // The header goes too: the file is neither plain nor whole.
    std::fs::write(dir.path().join(DATABASE), b"SQLite format 3\0broken").unwrap();

    let app = TestApp::in_dir(dir.path());
    assert_eq!(status(&app)["problem"]["kind"], "damaged");
    let listed = app.invoke("recovery_backups", json!({})).unwrap();
    assert_eq!(listed[0]["encrypted"], true);
    let restored = app.invoke("recovery_restore", json!({ "name": backup })).unwrap();
    assert_eq!(restored, json!({ "encrypted": true, "locked": true, "remembered": false, "problem": null }));
    app.invoke("lock_unlock", json!({ "passphrase": "lantern by the gate" })).unwrap();
    assert_eq!(names(&app), [json!("Sam")]);
}

#[test]
fn a_short_file_of_text_is_seen_as_damaged_not_locked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(DATABASE), "A note someone saved over the database by mistake.").unwrap();
    let app = TestApp::in_dir(dir.path());
    assert_eq!(status(&app)["locked"], false);
    assert_eq!(status(&app)["problem"]["kind"], "damaged");
}

#[test]
fn the_right_passphrase_for_data_that_still_wont_open_leads_to_the_ways_back() {
    let dir = tempfile::tempdir().unwrap();
    lived_in(dir.path(), Some("lantern by the gate"));
    // Encrypted data from a newer Kindred: the passphrase fits, the schema
    // doesn't.
    let conn = rusqlite::Connection::open(dir.path().join(DATABASE)).unwrap();
    conn.pragma_update(None, "key", "lantern by the gate").unwrap();
    conn.pragma_update(None, "user_version", 999).unwrap();
    drop(conn);

    let app = TestApp::in_dir(dir.path());
    assert_eq!(status(&app)["locked"], true);
    let wrong = app.invoke("lock_unlock", json!({ "passphrase": "lantern by the gat" })).unwrap_err();
    assert_eq!(wrong["field"], "passphrase", "a wrong one is still just wrong");
    let opened = app.invoke("lock_unlock", json!({ "passphrase": "lantern by the gate" })).unwrap();
    assert_eq!(opened["locked"], false);
    assert_eq!(opened["problem"]["kind"], "newer");
    assert_eq!(app.invoke("recovery_backups", json!({})).unwrap().as_array().unwrap().len(), 1);
}

#[test]
fn data_from_a_newer_kindred_is_left_alone_until_the_person_chooses() {
    let dir = tempfile::tempdir().unwrap();
    lived_in(dir.path(), None);
    checkpoint(dir.path());
    // The schema version lives at byte 60 of the header (big-endian).
    let db = dir.path().join(DATABASE);
    let mut bytes = std::fs::read(&db).unwrap();
    bytes[60..64].copy_from_slice(&999u32.to_be_bytes());
    std::fs::write(&db, &bytes).unwrap();

    let app = TestApp::in_dir(dir.path());
    assert_eq!(status(&app)["problem"]["kind"], "newer");
    assert_eq!(app.invoke("recovery_retry", json!({})).unwrap()["problem"]["kind"], "newer");
    assert!(std::fs::read(&db).unwrap() == bytes, "trying again changes nothing");
    assert_eq!(app.invoke("recovery_start_fresh", json!({})).unwrap()["problem"], Value::Null);
    assert!(set_aside(dir.path()) == [bytes]);
}

#[test]
fn a_folder_that_cant_be_used_can_be_tried_again_once_it_can() {
    let dir = tempfile::tempdir().unwrap();
    // A folder where the file should be: nothing can be opened there.
    std::fs::create_dir(dir.path().join(DATABASE)).unwrap();
    let app = TestApp::in_dir(dir.path());
    assert_eq!(status(&app)["problem"]["kind"], "unreadable");
    assert_eq!(app.invoke("recovery_retry", json!({})).unwrap()["problem"]["kind"], "unreadable");

    std::fs::remove_dir(dir.path().join(DATABASE)).unwrap();
    assert_eq!(app.invoke("recovery_retry", json!({})).unwrap()["problem"], Value::Null);
    add(&app, "Noor");
    assert_eq!(names(&app), [json!("Noor")]);
}

#[test]
fn everything_can_be_deleted_while_the_data_wont_open() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("Kindred");
    lived_in(&data, None);
    damage(&data);
    let app = TestApp::in_dir(&data);
    app.invoke("recovery_start_fresh", json!({})).unwrap();
    add(&app, "Noor");
    drop(app);
    damage(&data);

    let app = TestApp::in_dir(&data);
    assert_eq!(status(&app)["problem"]["kind"], "damaged");
    app.invoke("data_delete_everything", json!({ "confirmation": "delete everything" })).unwrap();
    assert!(!data.exists(), "no file of Kindred's is left, set-aside ones included");
}

#[test]
fn a_file_set_aside_while_locked_comes_back_from_settings_and_asks_for_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    lived_in(dir.path(), Some("lantern by the gate"));
    // Locked at the next start; the person starts fresh instead (a Caps
    // Lock that made the right passphrase look wrong, say).
    let app = TestApp::in_dir(dir.path());
    app.invoke("recovery_start_fresh", json!({})).unwrap();
    add(&app, "Noor");
    let backups = app.invoke("data_backups", json!({})).unwrap();
    let locked_aside = backups.as_array().unwrap().iter().find(|b| b["kind"] == "set_aside").unwrap().clone();
    assert_eq!(locked_aside["encrypted"], true);

    let restored = app.invoke("data_restore", json!({ "name": locked_aside["name"] })).unwrap();
    assert_eq!(restored["safety"], Value::Null, "what was open is set aside instead");
    assert_eq!(restored["status"], json!({ "encrypted": true, "locked": true, "remembered": false, "problem": null }));
    app.invoke("lock_unlock", json!({ "passphrase": "lantern by the gate" })).unwrap();
    assert_eq!(names(&app), [json!("Ari"), json!("Sam")]);

    // And back the other way: the fresh start (plain) comes back from the
    // locked data, which opens without a passphrase then.
    let backups = app.invoke("data_backups", json!({})).unwrap();
    let fresh = backups
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["kind"] == "set_aside" && b["encrypted"] == false)
        .unwrap()
        .clone();
    let restored = app.invoke("data_restore", json!({ "name": fresh["name"] })).unwrap();
    assert_eq!(restored["status"]["encrypted"], false);
    assert_eq!(restored["status"]["locked"], false);
    assert_eq!(names(&app), [json!("Noor")]);

    // A backup that opens here is still copied in, with a safety copy.
    let manual = app.invoke("data_back_up_now", json!({})).unwrap()["name"].clone();
    assert!(app.invoke("data_restore", json!({ "name": manual })).unwrap()["safety"].is_object());
}

#[test]
fn a_kept_passphrase_survives_a_plain_backup_brought_back_over_locked_data() {
    let dir = tempfile::tempdir().unwrap();
    let keychain = Arc::new(MemoryKeychain::default());
    let app = TestApp::in_dir_with_keychain(dir.path(), keychain.clone());
    add(&app, "Sam");
    app.invoke("lock_set_passphrase", json!({ "current": null, "passphrase": "lantern by the gate" })).unwrap();
    app.invoke("lock_remember", json!({ "passphrase": "lantern by the gate" })).unwrap();
    // A plain backup from elsewhere, put among this data's backups.
    let other = tempfile::tempdir().unwrap();
    let elsewhere = TestApp::in_dir(other.path());
    add(&elsewhere, "Noor");
    let made = elsewhere.invoke("data_back_up_now", json!({})).unwrap()["name"].as_str().unwrap().to_owned();
    let name = "kindred-manual-2026-01-01T00-00-00Z.sqlite3";
    std::fs::create_dir_all(dir.path().join("backups")).unwrap();
    std::fs::copy(other.path().join("backups").join(made), dir.path().join("backups").join(name)).unwrap();

    let restored = app.invoke("data_restore", json!({ "name": name })).unwrap();
    assert_eq!(restored["status"]["encrypted"], false);
    assert_eq!(restored["status"]["remembered"], false, "nothing for it to open here");
    assert_eq!(names(&app), [json!("Noor")]);
    assert_eq!(keychain.held().as_deref(), Some("lantern by the gate"), "kept: it opens the copy set aside");

    // Bringing the locked copy back opens it by itself, as at start.
    let aside = app
        .invoke("data_backups", json!({}))
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["kind"] == "set_aside")
        .unwrap()["name"]
        .clone();
    let back = app.invoke("data_restore", json!({ "name": aside })).unwrap();
    assert_eq!(back["status"], json!({ "encrypted": true, "locked": false, "remembered": true, "problem": null }));
    assert_eq!(names(&app), [json!("Sam")]);
}

#[test]
fn a_file_another_program_holds_is_told_in_plain_words_and_can_be_tried_again() {
    let dir = tempfile::tempdir().unwrap();
    lived_in(dir.path(), None);
    let damaged = damage(dir.path());
    let app = TestApp::in_dir(dir.path());
    assert_eq!(status(&app)["problem"]["kind"], "damaged");

    // Another program (an SQLite browser, a second copy of Kindred) has the
    // file open, as SQLite opens files: on Windows no one may move it.
    let holder = rusqlite::Connection::open(dir.path().join(DATABASE)).unwrap();
    let fresh = app.invoke("recovery_start_fresh", json!({}));
    if cfg!(windows) {
        let refused = fresh.unwrap_err();
        assert_eq!(refused["code"], "conflict");
        assert_eq!(refused["message"], kindred_core::store::IN_USE);
        assert!(std::fs::read(dir.path().join(DATABASE)).unwrap() == damaged, "nothing moved");
        assert!(set_aside(dir.path()).is_empty());
        assert_eq!(status(&app)["problem"]["kind"], "damaged", "the ways back are still offered");
        drop(holder);
        app.invoke("recovery_start_fresh", json!({})).unwrap();
    } else {
        fresh.unwrap();
        drop(holder);
    }
    assert_eq!(status(&app)["problem"], Value::Null);
    add(&app, "Noor");
    assert!(set_aside(dir.path()) == [damaged], "the file that wouldn't open is kept");
}
