//! The test notification over IPC: the notice is recorded whatever the
//! desktop does, and a refusal is kept in plain sight for the window.

mod common;

use std::sync::{Arc, Mutex};

use common::TestApp;
use kindred_app::platform::notifications::Notifier;
use serde_json::json;

#[derive(Default)]
struct Recorder {
    shown: Mutex<Vec<(String, String)>>,
    refuse_with: Option<String>,
}

impl Notifier for Recorder {
    fn show(&self, title: &str, body: &str) -> Result<(), String> {
        if let Some(reason) = &self.refuse_with {
            return Err(reason.clone());
        }
        self.shown.lock().unwrap().push((title.to_owned(), body.to_owned()));
        Ok(())
    }
}

#[test]
fn a_test_notification_reaches_the_desktop_and_the_record() {
    let recorder = Arc::new(Recorder::default());
    let app = TestApp::with_notifier(recorder.clone());
    let notice = app.invoke("notices_send_test", json!({})).unwrap();
    assert_eq!(notice["kind"], "test");
    assert_eq!(notice["deliveredDesktop"], true);
    assert_eq!(recorder.shown.lock().unwrap().len(), 1);
    let listed = app.invoke("notices_list", json!({})).unwrap();
    assert_eq!(listed[0]["id"], notice["id"]);
    assert_eq!(app.invoke("notices_mark_read", json!({})).unwrap(), 1);
}

#[test]
fn without_a_notification_service_the_notice_is_kept_with_the_reason() {
    let recorder = Arc::new(Recorder {
        refuse_with: Some("org.freedesktop.DBus.Error.ServiceUnknown: no notification service".into()),
        ..Default::default()
    });
    let app = TestApp::with_notifier(recorder);
    let notice = app.invoke("notices_send_test", json!({})).unwrap();
    assert_eq!(notice["deliveredDesktop"], false);
    assert!(notice["deliveryError"].as_str().unwrap().contains("ServiceUnknown"));
    let listed = app.invoke("notices_list", json!({})).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1, "the window can still show it");
}

#[test]
fn a_notice_can_be_snoozed_into_a_reminder_or_marked_done() {
    std::env::set_var("KINDRED_TZ", "Europe/London");
    let app = TestApp::new();
    let sent = app.invoke("notices_send_test", json!({})).unwrap();
    let snoozed = app.invoke("notices_snooze", json!({ "id": sent["id"], "until": "hour" })).unwrap();
    assert!(snoozed["actedAt"].is_string());
    let reminders = app.invoke("reminders_list", json!({})).unwrap();
    assert_eq!(reminders[0]["title"], sent["title"]);
    assert_eq!(reminders[0]["rule"]["kind"], "once");
    let done = app.invoke("notices_done", json!({ "id": sent["id"] })).unwrap();
    assert_eq!(done["actedAt"], snoozed["actedAt"], "the first action stands");
    assert_eq!(app.invoke("notices_done", json!({ "id": 999 })).unwrap_err()["code"], "not_found");
    assert!(app.invoke("notices_snooze", json!({ "id": sent["id"], "until": "forever" })).is_err());
}
