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
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};

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

    /// An app over the database in `dir` whose system keychain is `keychain`.
    pub fn in_dir_with_keychain(dir: &Path, keychain: Arc<MemoryKeychain>) -> Self {
        let clock = Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap()));
        Self::with_state(AppState::open_with(dir, clock.clone(), keychain), clock)
    }

    pub fn with_state(state: AppState, clock: Arc<FixedClock>) -> Self {
        let app = kindred_app::builder(mock_builder()).manage(state).build(context()).expect("the app builds");
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

/// Tauri's mock context, with Kindred's identifier from tauri.conf.json
/// (the system's folders for Kindred are named after it).
pub fn context() -> tauri::Context<MockRuntime> {
    let config: Value = serde_json::from_str(include_str!("../../tauri.conf.json")).expect("tauri.conf.json is JSON");
    let mut context = mock_context(noop_assets());
    context.config_mut().identifier = config["identifier"].as_str().expect("an identifier").to_owned();
    context
}

impl Drop for TestApp {
    /// Tauri's `App` never drops its managed state (its windows hold the
    /// app), so each test app closes its data as the real app does when it
    /// exits. Otherwise its file stays open for the rest of the test
    /// process, and under Windows' rules the next app over the same folder
    /// could not rename or delete it.
    fn drop(&mut self) {
        if let Some(state) = self._app.try_state::<AppState>() {
            state.close();
        }
    }
}

/// A keychain in memory, for fast tests of what Kindred does with one (the
/// real one is driven end to end against GNOME Keyring).
#[derive(Default)]
pub struct MemoryKeychain {
    pub secret: std::sync::Mutex<Option<String>>,
    /// When set, every call fails as a keychain with no service would.
    pub broken: std::sync::atomic::AtomicBool,
}

impl MemoryKeychain {
    pub fn held(&self) -> Option<String> {
        self.secret.lock().unwrap().clone()
    }

    fn check(&self) -> Result<(), String> {
        if self.broken.load(std::sync::atomic::Ordering::SeqCst) {
            Err("no keychain service".into())
        } else {
            Ok(())
        }
    }
}

impl kindred_app::platform::keychain::Keychain for MemoryKeychain {
    fn get(&self) -> Result<Option<zeroize::Zeroizing<String>>, String> {
        self.check()?;
        Ok(self.held().map(zeroize::Zeroizing::new))
    }

    fn set(&self, secret: &str) -> Result<(), String> {
        self.check()?;
        *self.secret.lock().unwrap() = Some(secret.to_owned());
        Ok(())
    }

    fn forget(&self) -> Result<(), String> {
        self.check()?;
        *self.secret.lock().unwrap() = None;
        Ok(())
    }
}
