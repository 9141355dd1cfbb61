//! Shared set-up for the IPC tests: the real command table from
//! `kindred_app::builder`, Tauri's mock runtime, and a real SQLite file in a
//! temporary folder.

#![allow(dead_code)] // each test file uses a different part of this

use std::path::Path;
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use kindred_app::AppState;
use kindred_core::FixedClock;
use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

pub struct TestApp {
    // Held so the app outlives the webview it owns.
    _app: App<MockRuntime>,
    pub webview: WebviewWindow<MockRuntime>,
    pub clock: Arc<FixedClock>,
    _dir: Option<tempfile::TempDir>,
}

impl TestApp {
    /// A fresh app over a new database file in a temporary folder.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("a temp dir");
        let mut app = Self::in_dir(dir.path());
        app._dir = Some(dir);
        app
    }

    /// An app over the database in `dir` (to test what survives a restart).
    pub fn in_dir(dir: &Path) -> Self {
        Self::in_dir_with(dir, |state| state)
    }

    /// A fresh app whose desktop notifications go to `notifier`.
    pub fn with_notifier(notifier: Arc<dyn kindred_app::platform::notifications::Notifier>) -> Self {
        let dir = tempfile::tempdir().expect("a temp dir");
        let mut app = Self::in_dir_with(dir.path(), |state| state.with_notifier(notifier));
        app._dir = Some(dir);
        app
    }

    fn in_dir_with(dir: &Path, adjust: impl FnOnce(AppState) -> AppState) -> Self {
        let clock = Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap()));
        // As the real app opens it: an encrypted store starts locked.
        Self::with_state(adjust(AppState::open(dir, clock.clone())), clock)
    }

    pub fn with_state(state: AppState, clock: Arc<FixedClock>) -> Self {
        let app = kindred_app::builder(mock_builder())
            .manage(state)
            .build(mock_context(noop_assets()))
            .expect("the app builds");
        let webview = WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("a webview");
        Self { _app: app, webview, clock, _dir: None }
    }

    pub fn handle(&self) -> tauri::AppHandle<MockRuntime> {
        self._app.handle().clone()
    }

    /// Calls a command the way the UI does, with a JSON body of camelCase
    /// arguments. Ok holds the result, Err the error payload.
    pub fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        get_ipc_response(
            &self.webview,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: if cfg!(windows) { "http://tauri.localhost" } else { "tauri://localhost" }.parse().expect("a url"),
                body: InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|body| body.deserialize::<Value>().expect("a JSON result"))
    }
}
