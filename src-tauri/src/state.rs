//! The app's managed state: the one store connection, shared by every
//! command and the reminder scheduler behind a mutex. When the data is
//! encrypted the app starts locked: the store is opened only once the
//! person's passphrase unlocks it, and "Lock now" closes it again. If they
//! chose to, the passphrase is also kept in the system keychain and Kindred
//! unlocks itself at start.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use kindred_core::passphrase::Passphrase;
use kindred_core::store::{
    backups_in, check_delete_phrase, delete_data_files, file_is_encrypted, restore_in, set_aside, Backup, OpenProblem,
    DATABASE_FILE, KEYCHAIN_MARKER,
};
use kindred_core::{Clock, CoreError, CoreResult, Store, SystemClock};
use serde::Serialize;
use ts_rs::TS;

use crate::error::ApiError;
use crate::platform::keychain::{Keychain, SystemKeychain};
use crate::platform::notifications::{DesktopNotifier, Notifier, APP_ID};

/// Whether the data is encrypted, whether it is waiting to be unlocked,
/// whether the system keychain keeps the passphrase, and whether the data
/// could be opened at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LockStatus {
    pub encrypted: bool,
    pub locked: bool,
    pub remembered: bool,
    /// Set when the data could not be opened at all.
    pub problem: Option<DataProblem>,
}

/// What bringing back a backup from Settings did: the safety copy taken
/// first (none when the backup was put in place as a file of its own), and
/// the status after (locked, when it needs its own passphrase).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Restored {
    pub safety: Option<Backup>,
    pub status: LockStatus,
}

/// Why the data could not be opened, for the screen that offers the ways
/// back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DataProblem {
    pub kind: OpenProblem,
    /// The data folder, when known, so the person can find it.
    pub folder: Option<String>,
    /// What went wrong, in technical terms, for anyone helping them.
    pub details: String,
}

const KEYCHAIN_SILENT: &str = "This computer's keychain didn't answer, so Kindred can't keep the passphrase there. \
                               Your data is still protected; Kindred will ask for the passphrase when it starts.";

enum Slot {
    Open(Store),
    /// Encrypted and not yet unlocked: the folder holding the database.
    Locked(PathBuf),
    /// The store could not be opened: the folder (when known) and why.
    Unavailable(Option<PathBuf>, DataProblem),
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
        let slot = open_slot(dir, clock.clone(), keychain.as_ref());
        let mut state = Self::new(slot, Some(clock));
        state.keychain = keychain;
        state
    }

    pub fn with_store(store: Store) -> Self {
        Self::new(Slot::Open(store), None)
    }

    /// Kindred has no folder to keep its data in (`reason` says why).
    pub fn unavailable(reason: String) -> Self {
        let problem = DataProblem { kind: OpenProblem::Unreadable, folder: None, details: reason };
        Self::new(Slot::Unavailable(None, problem), None)
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
            Slot::Unavailable(_, problem) => Err(ApiError::store_unavailable(problem)),
        }
    }

    /// The kept appearance, if the data is open and not busy: the window
    /// asks on the main thread, which must never wait behind a restore or
    /// a reminder tick.
    pub fn appearance_now(&self) -> Option<kindred_core::appearance::Appearance> {
        match &*self.slot.try_lock().ok()? {
            Slot::Open(store) => store.appearance().ok(),
            _ => None,
        }
    }

    /// Whether the data is open (not locked, and not failing to open).
    pub fn is_open(&self) -> bool {
        matches!(&*self.slot(), Slot::Open(_))
    }

    pub fn lock_status(&self) -> LockStatus {
        let slot = self.slot();
        let remembered = data_dir(&slot).is_some_and(|dir| remembered_in(&dir));
        match &*slot {
            // A kept passphrase stays kept over plain data (a plain backup
            // brought back over locked data, whose copy it still opens), but
            // there is nothing for it to open here.
            Slot::Open(store) => LockStatus {
                encrypted: store.is_encrypted(),
                locked: false,
                remembered: remembered && store.is_encrypted(),
                problem: None,
            },
            Slot::Locked(_) => LockStatus { encrypted: true, locked: true, remembered, problem: None },
            Slot::Unavailable(_, problem) => {
                LockStatus { encrypted: false, locked: false, remembered: false, problem: Some(problem.clone()) }
            }
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
            // Only a kept passphrase for this data follows it (one kept over
            // plain data belongs to a copy set aside among the backups).
            let follows = store.is_encrypted();
            store.set_passphrase(current, new.clone())?;
            if let Some(dir) = data_dir(&slot).filter(|dir| follows && remembered_in(dir)) {
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
            Slot::Unavailable(_, problem) => ApiError::store_unavailable(problem),
            _ => CoreError::Locked.into(),
        }
    }

    /// Opens the encrypted store with `passphrase`. A wrong one leaves the
    /// app locked and the file untouched; a right one that finds the data
    /// won't open (from a newer Kindred, a folder it can't write) leaves
    /// the reason for the recovery screen. Unlocking an open store does
    /// nothing. A passphrase kept in the keychain is left as it is: it may
    /// be the one for a copy set aside among the backups.
    pub fn unlock(&self, passphrase: Passphrase) -> Result<LockStatus, ApiError> {
        {
            let mut slot = self.slot();
            if let Slot::Locked(dir) = &*slot {
                let dir = dir.clone();
                match Store::open_in_dir_with(&dir, self.clock(), Some(passphrase.clone())) {
                    Ok(store) => *slot = Slot::Open(store),
                    Err(error @ CoreError::Validation { .. }) => return Err(error.into()),
                    Err(error) => *slot = unavailable(&dir, &error),
                }
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
            Slot::Locked(dir) | Slot::Unavailable(Some(dir), _) => {
                delete_data_files(&dir.join(DATABASE_FILE))?;
                *slot = Slot::Open(Store::open_in_memory(self.clock())?);
                Ok(())
            }
            Slot::Unavailable(None, problem) => Err(ApiError::store_unavailable(problem)),
        }
    }

    /// Brings back the backup called `name` from Settings. One that opens
    /// with the store's key is copied in, after a safety copy. Any other (a
    /// file set aside while locked, brought back after a fresh start, say)
    /// can only come back as a file of its own: the data is closed, set
    /// aside among the backups, the backup put in place, and Kindred opens
    /// it as at start (asking for its passphrase if it has one). If that
    /// swap fails, the data is opened again as it was.
    pub fn restore_backup(&self, name: &str) -> Result<Restored, ApiError> {
        let mut slot = self.slot();
        let Slot::Open(store) = &mut *slot else { return Err(self.not_open(&slot)) };
        if let Some(safety) = store.restore_backup_here(name)? {
            drop(slot);
            return Ok(Restored { safety: Some(safety), status: self.lock_status() });
        }
        let key = store.passphrase().cloned();
        let dir = data_dir(&slot).ok_or_else(|| ApiError::from(CoreError::Locked))?;
        // Closing the store lets SQLite fold its log into the file first.
        *slot = Slot::Locked(dir.clone());
        let clock = self.clock();
        let swapped = restore_in(&dir, name, clock.now());
        *slot = match &swapped {
            Ok(_) => open_slot(&dir, clock, self.keychain.as_ref()),
            Err(_) => match Store::open_in_dir_with(&dir, clock, key) {
                Ok(store) => Slot::Open(store),
                Err(error) => unavailable(&dir, &error),
            },
        };
        drop(slot);
        swapped?;
        Ok(Restored { safety: None, status: self.lock_status() })
    }

    /// Closes the data for good, as the process ends: SQLite folds its
    /// write-ahead log into the file and lets go of it. Windows keeps an
    /// open file from being renamed or deleted, so nothing may hold it
    /// once this Kindred is done with it (the tests run one app after
    /// another over the same folder, as a person restarts Kindred). Any
    /// command after this is told the data isn't available.
    pub fn close(&self) {
        let problem = DataProblem {
            kind: OpenProblem::Unreadable,
            folder: None,
            details: "Kindred has closed its data.".to_owned(),
        };
        *self.slot() = Slot::Unavailable(None, problem);
    }

    // Ways back when the data won't open (or won't unlock) --------------------

    /// The backups in the data folder, newest first, whether or not the
    /// store is open.
    pub fn recovery_backups(&self) -> Result<Vec<Backup>, ApiError> {
        let slot = self.slot();
        let dir = data_dir(&slot).ok_or_else(|| self.not_open(&slot))?;
        Ok(backups_in(&dir)?)
    }

    /// Puts the backup `name` in place of a data file that won't open (or
    /// won't unlock), setting that file aside, and opens again.
    pub fn recover_from_backup(&self, name: &str) -> Result<LockStatus, ApiError> {
        self.reopen_after(|dir, clock| restore_in(dir, name, clock.now()).map(drop))
    }

    /// Sets a data file that won't open (or won't unlock) aside and starts
    /// with an empty one.
    pub fn start_fresh(&self) -> Result<LockStatus, ApiError> {
        self.reopen_after(|dir, clock| set_aside(dir, clock.now()).map(drop))
    }

    /// Tries opening the data again (the disk may have room now).
    pub fn retry_opening(&self) -> Result<LockStatus, ApiError> {
        self.reopen_after(|_, _| Ok(()))
    }

    /// Runs `change` on the data folder, then opens what is there as at
    /// start. Only while the store isn't open: an open store restores its
    /// backups itself, with a safety copy.
    fn reopen_after(&self, change: impl FnOnce(&Path, &dyn Clock) -> CoreResult<()>) -> Result<LockStatus, ApiError> {
        {
            let mut slot = self.slot();
            let dir = match &*slot {
                Slot::Open(_) => {
                    return Err(CoreError::Conflict(
                        "Your data is open. To bring back a backup, use Settings → Your data.".to_owned(),
                    )
                    .into())
                }
                Slot::Locked(dir) | Slot::Unavailable(Some(dir), _) => dir.clone(),
                Slot::Unavailable(None, problem) => return Err(ApiError::store_unavailable(problem)),
            };
            let clock = self.clock();
            change(&dir, clock.as_ref())?;
            *slot = open_slot(&dir, clock, self.keychain.as_ref());
        }
        Ok(self.lock_status())
    }

    fn clock(&self) -> Arc<dyn Clock> {
        self.clock.clone().unwrap_or_else(|| Arc::new(SystemClock))
    }
}

/// Opens the store in `dir`: with the kept passphrase when the person chose
/// that, locked when it is encrypted, or the reason it won't open.
fn open_slot(dir: &Path, clock: Arc<dyn Clock>, keychain: &dyn Keychain) -> Slot {
    if file_is_encrypted(&dir.join(DATABASE_FILE)) {
        return match unlock_from_keychain(dir, clock, keychain) {
            Some(store) => Slot::Open(store),
            None => Slot::Locked(dir.to_path_buf()),
        };
    }
    match Store::open_in_dir(dir, clock) {
        Ok(store) => Slot::Open(store),
        Err(error) => unavailable(dir, &error),
    }
}

/// The data in `dir` would not open, for `error`.
fn unavailable(dir: &Path, error: &CoreError) -> Slot {
    eprintln!("Kindred could not open its data in {}: {error}", dir.display());
    let problem = DataProblem {
        kind: OpenProblem::of(error),
        folder: Some(dir.display().to_string()),
        details: error.to_string(),
    };
    Slot::Unavailable(Some(dir.to_path_buf()), problem)
}

/// The folder holding the database, when there is one.
fn data_dir(slot: &Slot) -> Option<PathBuf> {
    match slot {
        Slot::Open(store) => store.path().and_then(Path::parent).map(Path::to_path_buf),
        Slot::Locked(dir) => Some(dir.clone()),
        Slot::Unavailable(dir, _) => dir.clone(),
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
/// person chose that. One that doesn't open it is kept all the same (the
/// file may be damaged rather than the passphrase stale, or it may open a
/// copy set aside among the backups) and the person is asked; Settings can
/// keep the new one.
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
        Err(error) => {
            eprintln!("Kindred could not unlock with the kept passphrase: {error}");
            None
        }
    }
}
