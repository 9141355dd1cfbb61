//! The app's managed state: the one store connection, shared by every
//! command and the reminder scheduler behind a mutex. When the data is
//! encrypted the app starts locked: the store is opened only once the
//! person's passphrase unlocks it, and "Lock now" closes it again. If they
//! chose to, the passphrase is also kept in the system keychain and Kindred
//! unlocks itself at start.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use kindred_core::passphrase::Passphrase;
use kindred_core::store::{check_delete_phrase, delete_data_files, file_is_encrypted, DATABASE_FILE, KEYCHAIN_MARKER};
use kindred_core::{Clock, CoreError, CoreResult, Store};
use serde::Serialize;
use ts_rs::TS;

use crate::error::ApiError;
use crate::platform::keychain::{Keychain, SystemKeychain};
use crate::platform::notifications::{DesktopNotifier, Notifier};

/// The identifier in tauri.conf.json, which desktops use to name the app.
const APP_ID: &str = "app.kindred.desktop";

/// Whether the data is encrypted, whether it is waiting to be unlocked, and
/// whether the system keychain keeps the passphrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LockStatus {
    pub encrypted: bool,
    pub locked: bool,
    pub remembered: bool,
}

const KEYCHAIN_SILENT: &str = "This computer's keychain didn't answer, so Kindred can't keep the passphrase there. \
                               Your data is still protected; Kindred will ask for the passphrase when it starts.";

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
    keychain: Arc<dyn Keychain>,
}

impl AppState {
    /// Opens the store in `dir`, or waits for a passphrase if it is
    /// encrypted. A failure is kept, not raised: the window still opens and
    /// explains what went wrong instead of vanishing.
    pub fn open(dir: &Path, clock: Arc<dyn Clock>) -> Self {
        Self::open_with(dir, clock, Arc::new(SystemKeychain))
    }

    /// Like [`AppState::open`], with another keychain (tests use one in
    /// memory).
    pub fn open_with(dir: &Path, clock: Arc<dyn Clock>, keychain: Arc<dyn Keychain>) -> Self {
        let slot = if file_is_encrypted(&dir.join(DATABASE_FILE)) {
            match unlock_from_keychain(dir, clock.clone(), keychain.as_ref()) {
                Some(store) => Slot::Open(store),
                None => Slot::Locked(dir.to_path_buf()),
            }
        } else {
            match Store::open_in_dir(dir, clock.clone()) {
                Ok(store) => Slot::Open(store),
                Err(error) => {
                    eprintln!("Kindred could not open its data in {}: {error}", dir.display());
                    Slot::Unavailable(format!("{error} (folder: {})", dir.display()))
                }
            }
        };
        let mut state = Self::new(slot, Some(clock));
        state.keychain = keychain;
        state
    }

    pub fn with_store(store: Store) -> Self {
        Self::new(Slot::Open(store), None)
    }

    pub fn unavailable(reason: String) -> Self {
        Self::new(Slot::Unavailable(reason), None)
    }

    fn new(slot: Slot, clock: Option<Arc<dyn Clock>>) -> Self {
        Self {
            slot: Mutex::new(slot),
            clock,
            notifier: Arc::new(DesktopNotifier::new(APP_ID)),
            keychain: Arc::new(SystemKeychain),
        }
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
        let slot = self.slot();
        let remembered = data_dir(&slot).is_some_and(|dir| remembered_in(&dir));
        match &*slot {
            Slot::Open(store) => LockStatus { encrypted: store.is_encrypted(), locked: false, remembered },
            Slot::Locked(_) => LockStatus { encrypted: true, locked: true, remembered },
            Slot::Unavailable(_) => LockStatus { encrypted: false, locked: false, remembered: false },
        }
    }

    /// Turns encryption on, changes the passphrase, or (with `new` None)
    /// turns it off. A passphrase kept in the keychain follows: replaced
    /// with the new one, or forgotten with the old.
    pub fn set_passphrase(
        &self,
        current: Option<&Passphrase>,
        new: Option<Passphrase>,
    ) -> Result<LockStatus, ApiError> {
        {
            let mut slot = self.slot();
            let Slot::Open(store) = &mut *slot else { return Err(self.not_open(&slot)) };
            store.set_passphrase(current, new.clone())?;
            if let Some(dir) = data_dir(&slot).filter(|dir| remembered_in(dir)) {
                let kept = new.as_ref().is_some_and(|new| self.keychain.set(new.expose_for_keychain()).is_ok());
                if !kept {
                    forget_in(self.keychain.as_ref(), &dir);
                }
            }
        }
        Ok(self.lock_status())
    }

    /// Keeps the passphrase in the system keychain, so Kindred unlocks
    /// itself at start. `passphrase` must be the current one.
    pub fn remember(&self, passphrase: Passphrase) -> Result<LockStatus, ApiError> {
        {
            let slot = self.slot();
            let Slot::Open(store) = &*slot else { return Err(self.not_open(&slot)) };
            if !store.is_encrypted() {
                return Err(CoreError::Conflict("There's no passphrase to remember yet. Set one first.".into()).into());
            }
            if !store.passphrase_is(&passphrase) {
                return Err(CoreError::validation("current", "That isn't your passphrase. Nothing has changed.").into());
            }
            let dir = data_dir(&slot).ok_or_else(|| ApiError::from(CoreError::Locked))?;
            if let Err(error) = self.keychain.set(passphrase.expose_for_keychain()) {
                eprintln!("Kindred could not use the keychain: {error}");
                return Err(CoreError::Conflict(KEYCHAIN_SILENT.into()).into());
            }
            std::fs::write(dir.join(KEYCHAIN_MARKER), b"").map_err(CoreError::from)?;
        }
        Ok(self.lock_status())
    }

    /// Takes the passphrase out of the keychain; Kindred asks for it again
    /// at the next start.
    pub fn forget_remembered(&self) -> Result<LockStatus, ApiError> {
        {
            let slot = self.slot();
            if let Some(dir) = data_dir(&slot) {
                forget_in(self.keychain.as_ref(), &dir);
            }
        }
        Ok(self.lock_status())
    }

    fn not_open(&self, slot: &Slot) -> ApiError {
        match slot {
            Slot::Unavailable(reason) => ApiError::store_unavailable(reason),
            _ => CoreError::Locked.into(),
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
                let dir = match (store.is_encrypted(), data_dir(&slot)) {
                    (true, Some(dir)) => dir,
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
        check_delete_phrase(confirmation)?;
        let mut slot = self.slot();
        if data_dir(&slot).is_some_and(|dir| remembered_in(&dir)) {
            // The marker itself goes with the other files.
            let _ = self.keychain.forget();
        }
        match &mut *slot {
            Slot::Open(store) => store.delete_everything(confirmation).map_err(ApiError::from),
            Slot::Locked(dir) => {
                delete_data_files(&dir.join(DATABASE_FILE))?;
                let clock = self.clock.clone().ok_or_else(|| ApiError::from(CoreError::Locked))?;
                *slot = Slot::Open(Store::open_in_memory(clock)?);
                Ok(())
            }
            Slot::Unavailable(reason) => Err(ApiError::store_unavailable(reason)),
        }
    }
}

/// The folder holding the database, when there is one.
fn data_dir(slot: &Slot) -> Option<PathBuf> {
    match slot {
        Slot::Open(store) => store.path().and_then(Path::parent).map(Path::to_path_buf),
        Slot::Locked(dir) => Some(dir.clone()),
        Slot::Unavailable(_) => None,
    }
}

/// Whether the person chose to keep the passphrase in the keychain (the
/// marker beside the database says so).
fn remembered_in(dir: &Path) -> bool {
    dir.join(KEYCHAIN_MARKER).exists()
}

/// Stops using the keychain: the marker goes, and the entry too if the
/// keychain answers (if not, Kindred never reads it again).
fn forget_in(keychain: &dyn Keychain, dir: &Path) {
    if let Err(error) = keychain.forget() {
        eprintln!("Kindred could not remove its passphrase from the keychain: {error}");
    }
    let _ = std::fs::remove_file(dir.join(KEYCHAIN_MARKER));
}

/// Opens the encrypted store with the passphrase in the keychain, when the
/// person chose that. One that no longer fits is forgotten.
fn unlock_from_keychain(dir: &Path, clock: Arc<dyn Clock>, keychain: &dyn Keychain) -> Option<Store> {
    if !remembered_in(dir) {
        return None;
    }
    let secret = match keychain.get() {
        Ok(Some(secret)) => secret,
        Ok(None) => return None,
        Err(error) => {
            eprintln!("Kindred could not read its passphrase from the keychain: {error}");
            return None;
        }
    };
    let passphrase = Passphrase::typed(secret.to_string(), "passphrase").ok()?;
    match Store::open_in_dir_with(dir, clock, Some(passphrase)) {
        Ok(store) => Some(store),
        Err(CoreError::Validation { .. }) => {
            forget_in(keychain, dir);
            None
        }
        Err(error) => {
            eprintln!("Kindred could not unlock with the kept passphrase: {error}");
            None
        }
    }
}
