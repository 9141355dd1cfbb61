//! Reminders the person sets themselves.

use kindred_core::reminder::{Reminder, ReminderDraft};
use tauri::{AppHandle, Runtime, State};

use crate::{scheduler, ApiError, AppState};

#[tauri::command(async)]
pub fn reminders_list(state: State<'_, AppState>) -> Result<Vec<Reminder>, ApiError> {
    state.store(|store| store.list_reminders())
}

#[tauri::command(async)]
pub fn reminders_create<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    draft: ReminderDraft,
) -> Result<Reminder, ApiError> {
    let reminder = state.store(|store| store.create_reminder(draft))?;
    scheduler::wake(&app);
    Ok(reminder)
}

#[tauri::command(async)]
pub fn reminders_delete<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.store(|store| store.delete_reminder(id))?;
    scheduler::wake(&app);
    Ok(())
}
