//! The ways back when Kindred's data won't open, or won't unlock: list the
//! backups, bring one back, start fresh, or try again. None of them deletes
//! anything: the file that won't open is set aside in the data folder.

use kindred_core::store::Backup;
use tauri::{AppHandle, Runtime, State};

use crate::state::LockStatus;
use crate::{scheduler, tray, ApiError, AppState};

#[tauri::command(async)]
pub fn recovery_backups(state: State<'_, AppState>) -> Result<Vec<Backup>, ApiError> {
    state.recovery_backups()
}

#[tauri::command(async)]
pub fn recovery_restore<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    name: String,
) -> Result<LockStatus, ApiError> {
    reopened(&app, state.recover_from_backup(&name))
}

#[tauri::command(async)]
pub fn recovery_start_fresh<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<LockStatus, ApiError> {
    reopened(&app, state.start_fresh())
}

#[tauri::command(async)]
pub fn recovery_retry<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<LockStatus, ApiError> {
    reopened(&app, state.retry_opening())
}

/// Data that opens now can have its reminders, and the tray the menu that
/// fits (the scheduler stays quiet while the data is locked or won't open).
fn reopened<R: Runtime>(app: &AppHandle<R>, status: Result<LockStatus, ApiError>) -> Result<LockStatus, ApiError> {
    if status.is_ok() {
        scheduler::wake(app);
        tray::refresh(app);
    }
    status
}
