//! Settings the person chooses.

use kindred_core::appearance::Appearance;
use kindred_core::reminder_settings::{pause_end, PauseFor, ReminderSettings};
use kindred_core::store::CadenceDefaults;
use tauri::{AppHandle, Runtime, State};

use crate::{platform, scheduler, ApiError, AppState};

#[tauri::command(async)]
pub fn settings_cadence_defaults(state: State<'_, AppState>) -> Result<CadenceDefaults, ApiError> {
    state.store(|store| store.cadence_defaults())
}

#[tauri::command(async)]
pub fn settings_set_cadence_defaults(
    state: State<'_, AppState>,
    value: CadenceDefaults,
) -> Result<CadenceDefaults, ApiError> {
    state.store(|store| store.set_cadence_defaults(value))
}

#[tauri::command(async)]
pub fn settings_reminders(state: State<'_, AppState>) -> Result<ReminderSettings, ApiError> {
    state.store(|store| store.reminder_settings())
}

/// Saves the reminder settings, wakes the scheduler so they apply at once,
/// and turns start-at-login on or off with the system when it changed.
#[tauri::command(async)]
pub fn settings_set_reminders<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    value: ReminderSettings,
) -> Result<ReminderSettings, ApiError> {
    let before = state.store(|store| store.reminder_settings())?;
    let saved = state.store(|store| store.set_reminder_settings(value))?;
    if saved.start_at_login != before.start_at_login {
        if let Err(reason) = platform::autostart::set(&app, saved.start_at_login) {
            // Put the setting back so it never claims what the system refused.
            let mut undo = saved.clone();
            undo.start_at_login = before.start_at_login;
            state.store(|store| store.set_reminder_settings(undo))?;
            return Err(ApiError::internal(format!(
                "Kindred couldn't change how it starts with your computer ({reason}). Nothing else was changed."
            )));
        }
    }
    scheduler::wake(&app);
    Ok(saved)
}

/// Pauses every reminder for a while; `None` lifts the pause.
#[tauri::command(async)]
pub fn settings_pause_reminders<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    pause: Option<PauseFor>,
) -> Result<ReminderSettings, ApiError> {
    let saved = state.store(|store| {
        let settings = store.reminder_settings()?;
        let until = pause.map(|p| pause_end(p, store.now(), scheduler::system_zone(), settings.preferred_time));
        store.pause_reminders(until)
    })?;
    scheduler::wake(&app);
    crate::tray::refresh(&app);
    Ok(saved)
}

/// Light, dark, or as the system is.
#[tauri::command(async)]
pub fn settings_appearance(state: State<'_, AppState>) -> Result<Appearance, ApiError> {
    state.store(|store| store.appearance())
}

#[tauri::command(async)]
pub fn settings_set_appearance(state: State<'_, AppState>, appearance: Appearance) -> Result<Appearance, ApiError> {
    state.store(|store| store.set_appearance(appearance))
}
