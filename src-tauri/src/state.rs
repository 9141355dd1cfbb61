//! The app's managed state: the one store connection, shared by every
//! command (and later the reminder scheduler) behind a mutex.

use std::path::Path;
use std::sync::{Arc, Mutex};

use kindred_core::{Clock, CoreResult, Store};

use crate::error::ApiError;
use crate::platform::notifications::{DesktopNotifier, Notifier};

/// The identifier in tauri.conf.json, which desktops use to name the app.
const APP_ID: &str = "app.kindred.desktop";

pub struct AppState {
    store: Result<Mutex<Store>, String>,
    notifier: Arc<dyn Notifier>,
}

impl AppState {
    /// Opens the store in `dir`. A failure is kept, not raised: the window
    /// still opens and explains what went wrong instead of vanishing.
    pub fn open(dir: &Path, clock: Arc<dyn Clock>) -> Self {
        match Store::open_in_dir(dir, clock) {
            Ok(store) => Self::with_store(store),
            Err(error) => {
                eprintln!("Kindred could not open its data in {}: {error}", dir.display());
                Self::unavailable(format!("{error} (folder: {})", dir.display()))
            }
        }
    }

    pub fn with_store(store: Store) -> Self {
        Self { store: Ok(Mutex::new(store)), notifier: Arc::new(DesktopNotifier::new(APP_ID)) }
    }

    pub fn unavailable(reason: String) -> Self {
        Self { store: Err(reason), notifier: Arc::new(DesktopNotifier::new(APP_ID)) }
    }

    /// Uses another way of showing notifications (tests use a stand-in).
    pub fn with_notifier(mut self, notifier: Arc<dyn Notifier>) -> Self {
        self.notifier = notifier;
        self
    }

    pub fn notifier(&self) -> &dyn Notifier {
        self.notifier.as_ref()
    }

    /// Runs `f` with the store locked, translating core errors for the UI.
    pub fn store<T>(&self, f: impl FnOnce(&mut Store) -> CoreResult<T>) -> Result<T, ApiError> {
        let mutex = self.store.as_ref().map_err(|reason| ApiError::store_unavailable(reason))?;
        // A poisoned lock means a command panicked mid-way; SQLite rolled
        // back its transaction, so the connection itself is still sound.
        let mut store = mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut store).map_err(ApiError::from)
    }
}
