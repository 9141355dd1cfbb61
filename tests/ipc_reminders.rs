//! Custom reminders over IPC, and the scheduler's tick delivering them once
//! through the notifier, gathered, with the notice recorded.

mod common;

use std::sync::{Arc, Mutex};

use chrono::{TimeZone, Utc};
use common::TestApp;
use kindred_app::platform::notifications::Notifier;
use kindred_app::scheduler;
use serde_json::{json, Value};

#[derive(Default)]
struct Recorder(Mutex<Vec<(String, String)>>);

impl Notifier for Recorder {
    fn show(&self, title: &str, body: &str) -> Result<(), String> {
        self.0.lock().unwrap().push((title.to_owned(), body.to_owned()));
        Ok(())
    }
}

#[test]
fn reminders_are_validated_stored_and_delivered_once_by_the_scheduler() {
    std::env::set_var("KINDRED_TZ", "Europe/London");
    let recorder = Arc::new(Recorder::default());
    let app = TestApp::with_notifier(recorder.clone());

    let bad = app.invoke(
        "reminders_create",
        json!({ "draft": { "title": " ", "rule": { "kind": "daily", "at": "10:00:00" } } }),
    );
    assert_eq!(bad.unwrap_err()["field"], "title");
    let zero = app.invoke(
        "reminders_create",
        json!({ "draft": { "title": "Stretch", "rule": { "kind": "every_n_days", "n": 0, "start": "2026-11-25", "at": null } } }),
    );
    assert_eq!(zero.unwrap_err()["field"], "n");

    for title in ["Water the plants", "Text Gran"] {
        let created = app
            .invoke(
                "reminders_create",
                json!({ "draft": { "title": title, "note": "", "rule": { "kind": "once", "on": "2026-11-26", "at": "10:00:00" } } }),
            )
            .unwrap();
        assert_eq!(created["title"], title);
    }
    assert_eq!(app.invoke("reminders_list", json!({})).unwrap().as_array().unwrap().len(), 2);

    let handle = app.handle();
    // Before it is due: nothing, and the scheduler knows when to wake.
    let next = scheduler::tick(&handle, Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap());
    assert_eq!(next, Some(Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap()));
    assert!(recorder.0.lock().unwrap().is_empty());
    // Due: one gathered notification; ticking again shows nothing more.
    scheduler::tick(&handle, Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 30).unwrap());
    scheduler::tick(&handle, Utc.with_ymd_and_hms(2026, 11, 26, 10, 1, 0).unwrap());
    let shown = recorder.0.lock().unwrap().clone();
    assert_eq!(shown, [("2 gentle reminders".to_owned(), "Water the plants and Text Gran".to_owned())]);
    let notices = app.invoke("notices_list", json!({})).unwrap();
    assert_eq!(notices.as_array().unwrap().len(), 1);
    assert_eq!(notices[0]["deliveredDesktop"], true);

    let id = app.invoke("reminders_list", json!({})).unwrap()[0]["id"].clone();
    app.invoke("reminders_delete", json!({ "id": id })).unwrap();
    assert_eq!(app.invoke("reminders_list", json!({})).unwrap().as_array().unwrap().len(), 1);
}

#[test]
fn reminder_settings_are_validated_and_the_scheduler_obeys_pause_and_desktop_off() {
    std::env::set_var("KINDRED_TZ", "Europe/London");
    let recorder = Arc::new(Recorder::default());
    let app = TestApp::with_notifier(recorder.clone());
    let defaults = app.invoke("settings_reminders", json!({})).unwrap();
    assert_eq!(defaults["preferredTime"], "09:00:00");
    assert_eq!(defaults["quietHours"], json!({ "start": "22:00:00", "end": "08:00:00" }));

    let mut bad = defaults.clone();
    bad["preferredTime"] = json!("23:30:00");
    assert_eq!(app.invoke("settings_set_reminders", json!({ "value": bad })).unwrap_err()["field"], "preferredTime");
    let mut bad = defaults.clone();
    bad["birthdayDaysBefore"] = json!(40);
    assert_eq!(
        app.invoke("settings_set_reminders", json!({ "value": bad })).unwrap_err()["field"],
        "birthdayDaysBefore"
    );

    app.invoke(
        "reminders_create",
        json!({ "draft": { "title": "Stretch", "rule": { "kind": "daily", "at": "10:00:00" } } }),
    )
    .unwrap();
    let handle = app.handle();
    // Paused for an hour from 09:30 (the test clock): 10:00 waits until 10:30,
    // then comes once.
    app.clock.set(Utc.with_ymd_and_hms(2026, 11, 26, 9, 30, 0).unwrap());
    let paused = app.invoke("settings_pause_reminders", json!({ "pause": "hour" })).unwrap();
    assert_eq!(paused["pausedUntil"], "2026-11-26T10:30:00Z");
    let next = scheduler::tick(&handle, Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 30).unwrap());
    assert_eq!(next, Some(Utc.with_ymd_and_hms(2026, 11, 26, 10, 30, 0).unwrap()));
    assert!(recorder.0.lock().unwrap().is_empty(), "nothing while paused");
    scheduler::tick(&handle, Utc.with_ymd_and_hms(2026, 11, 26, 10, 30, 0).unwrap());
    scheduler::tick(&handle, Utc.with_ymd_and_hms(2026, 11, 26, 10, 31, 0).unwrap());
    assert_eq!(recorder.0.lock().unwrap().len(), 1, "delivered once after the pause");

    // Desktop off: the next day's comes to the window only, with the reason.
    let mut quiet = app.invoke("settings_reminders", json!({})).unwrap();
    quiet["desktop"] = json!(false);
    app.invoke("settings_set_reminders", json!({ "value": quiet })).unwrap();
    scheduler::tick(&handle, Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 30).unwrap());
    assert_eq!(recorder.0.lock().unwrap().len(), 1, "no desktop notification");
    let notices = app.invoke("notices_list", json!({})).unwrap();
    assert_eq!(notices.as_array().unwrap().len(), 2);
    assert_eq!(notices[0]["deliveredDesktop"], false);
    assert_eq!(notices[0]["deliveryError"], scheduler::DESKTOP_OFF);

    let lifted = app.invoke("settings_pause_reminders", json!({ "pause": null })).unwrap();
    assert_eq!(lifted["pausedUntil"], Value::Null);
}
