//! The passphrase that encrypts Kindred's data: unlock at start, lock now,
//! and set, change or remove it. The passphrase stays in memory only.

use kindred_core::passphrase::Passphrase;
use tauri::{AppHandle, Runtime, State};

use crate::state::LockStatus;
use crate::{scheduler, tray, ApiError, AppState};

#[tauri::command(async)]
pub fn lock_status(state: State<'_, AppState>) -> LockStatus {
    state.lock_status()
}

#[tauri::command(async)]
pub fn lock_unlock<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    passphrase: String,
) -> Result<LockStatus, ApiError> {
    let status = state.unlock(Passphrase::typed(passphrase, "passphrase")?)?;
    // Reminders that waited while locked can come now, and the tray can
    // offer pausing them again.
    scheduler::wake(&app);
    tray::refresh(&app);
    Ok(status)
}

#[tauri::command(async)]
pub fn lock_now<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<LockStatus, ApiError> {
    let status = state.lock_now()?;
    tray::refresh(&app);
    Ok(status)
}

/// Turns encryption on (no `current` needed) or changes the passphrase.
#[tauri::command(async)]
pub fn lock_set_passphrase(
    state: State<'_, AppState>,
    current: Option<String>,
    passphrase: String,
) -> Result<LockStatus, ApiError> {
    let current = current.filter(|c| !c.is_empty()).map(|c| Passphrase::typed(c, "current")).transpose()?;
    let new = Passphrase::new(passphrase)?;
    state.set_passphrase(current.as_ref(), Some(new))
}

/// Turns encryption off; the current passphrase is required.
#[tauri::command(async)]
pub fn lock_remove_passphrase(state: State<'_, AppState>, current: String) -> Result<LockStatus, ApiError> {
    let current = Passphrase::typed(current, "current")?;
    state.set_passphrase(Some(&current), None)
}

/// Keeps the passphrase in the system keychain (the person's choice), so
/// Kindred opens by itself at start. The current passphrase is required.
#[tauri::command(async)]
pub fn lock_remember(state: State<'_, AppState>, passphrase: String) -> Result<LockStatus, ApiError> {
    state.remember(Passphrase::typed(passphrase, "current")?)
}

/// Takes the passphrase out of the keychain again.
#[tauri::command(async)]
pub fn lock_forget(state: State<'_, AppState>) -> Result<LockStatus, ApiError> {
    state.forget_remembered()
}
