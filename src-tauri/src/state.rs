//! The app's managed state: the one store connection, shared by every
//! command and the reminder scheduler behind a mutex. When the data is
//! encrypted the app starts locked: the store is opened only once the
//! person's passphrase unlocks it, and "Lock now" closes it again.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use kindred_core::passphrase::Passphrase;
use kindred_core::store::{check_delete_phrase, delete_data_files, file_is_encrypted, DATABASE_FILE};
use kindred_core::{Clock, CoreError, CoreResult, Store};
use serde::Serialize;
use ts_rs::TS;

use crate::error::ApiError;
use crate::platform::notifications::{DesktopNotifier, Notifier};

/// The identifier in tauri.conf.json, which desktops use to name the app.
const APP_ID: &str = "app.kindred.desktop";

/// Whether the data is encrypted, and whether it is waiting to be unlocked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LockStatus {
    pub encrypted: bool,
    pub locked: bool,
}

enum Slot {
    Open(Store),
    /// Encrypted and not yet unlocked: the folder holding the database.
    Locked(PathBuf),
    /// The store could not be opened; the reason, for the person.
    Unavailable(String),
}

pub struct AppState {
    slot: Mutex<Slot>,
    clock: Option<Arc<dyn Clock>>,
    notifier: Arc<dyn Notifier>,
}

impl AppState {
    /// Opens the store in `dir`, or waits for a passphrase if it is
    /// encrypted. A failure is kept, not raised: the window still opens and
    /// explains what went wrong instead of vanishing.
    pub fn open(dir: &Path, clock: Arc<dyn Clock>) -> Self {
        if file_is_encrypted(&dir.join(DATABASE_FILE)) {
            return Self::new(Slot::Locked(dir.to_path_buf()), Some(clock));
        }
        match Store::open_in_dir(dir, clock.clone()) {
            Ok(store) => Self::new(Slot::Open(store), Some(clock)),
            Err(error) => {
                eprintln!("Kindred could not open its data in {}: {error}", dir.display());
                Self::new(Slot::Unavailable(format!("{error} (folder: {})", dir.display())), Some(clock))
            }
        }
    }

    pub fn with_store(store: Store) -> Self {
        Self::new(Slot::Open(store), None)
    }

    pub fn unavailable(reason: String) -> Self {
        Self::new(Slot::Unavailable(reason), None)
    }

    fn new(slot: Slot, clock: Option<Arc<dyn Clock>>) -> Self {
        Self { slot: Mutex::new(slot), clock, notifier: Arc::new(DesktopNotifier::new(APP_ID)) }
    }

    /// Uses another way of showing notifications (tests use a stand-in).
    pub fn with_notifier(mut self, notifier: Arc<dyn Notifier>) -> Self {
        self.notifier = notifier;
        self
    }

    pub fn notifier(&self) -> &dyn Notifier {
        self.notifier.as_ref()
    }

    fn slot(&self) -> MutexGuard<'_, Slot> {
        // A poisoned lock means a command panicked mid-way; SQLite rolled
        // back its transaction, so the connection itself is still sound.
        self.slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `f` with the store locked, translating core errors for the UI.
    pub fn store<T>(&self, f: impl FnOnce(&mut Store) -> CoreResult<T>) -> Result<T, ApiError> {
        match &mut *self.slot() {
            Slot::Open(store) => f(store).map_err(ApiError::from),
            Slot::Locked(_) => Err(ApiError::from(CoreError::Locked)),
            Slot::Unavailable(reason) => Err(ApiError::store_unavailable(reason)),
        }
    }

    pub fn lock_status(&self) -> LockStatus {
        match &*self.slot() {
            Slot::Open(store) => LockStatus { encrypted: store.is_encrypted(), locked: false },
            Slot::Locked(_) => LockStatus { encrypted: true, locked: true },
            Slot::Unavailable(_) => LockStatus { encrypted: false, locked: false },
        }
    }

    /// Opens the encrypted store with `passphrase`. A wrong one leaves the
    /// app locked and the file untouched. Unlocking an open store does
    /// nothing.
    pub fn unlock(&self, passphrase: Passphrase) -> Result<LockStatus, ApiError> {
        {
            let mut slot = self.slot();
            if let Slot::Locked(dir) = &*slot {
                let clock = self.clock.clone().ok_or_else(|| ApiError::from(CoreError::Locked))?;
                let store = Store::open_in_dir_with(dir, clock, Some(passphrase))?;
                *slot = Slot::Open(store);
            }
        }
        Ok(self.lock_status())
    }

    /// Closes the encrypted store and forgets its passphrase, until the
    /// person unlocks it again.
    pub fn lock_now(&self) -> Result<LockStatus, ApiError> {
        {
            let mut slot = self.slot();
            if let Slot::Open(store) = &*slot {
                let dir = match (store.is_encrypted(), store.path().and_then(Path::parent)) {
                    (true, Some(dir)) => dir.to_path_buf(),
                    _ => {
                        return Err(ApiError::from(CoreError::Conflict(
                            "There's no passphrase to lock with yet. Set one first.".to_owned(),
                        )))
                    }
                };
                // Dropping the store closes the file and wipes the key.
                *slot = Slot::Locked(dir);
            }
        }
        Ok(self.lock_status())
    }

    /// Deletes everything, whether the store is open or locked (a person
    /// who forgot their passphrase can still start over).
    pub fn delete_everything(&self, confirmation: &str) -> Result<(), ApiError> {
        let mut slot = self.slot();
        match &mut *slot {
            Slot::Open(store) => store.delete_everything(confirmation).map_err(ApiError::from),
            Slot::Locked(dir) => {
                check_delete_phrase(confirmation)?;
                delete_data_files(&dir.join(DATABASE_FILE))?;
                let clock = self.clock.clone().ok_or_else(|| ApiError::from(CoreError::Locked))?;
                *slot = Slot::Open(Store::open_in_memory(clock)?);
                Ok(())
            }
            Slot::Unavailable(reason) => Err(ApiError::store_unavailable(reason)),
        }
    }
}
