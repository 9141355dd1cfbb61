//! Settings the person chooses.

use kindred_core::store::CadenceDefaults;
use tauri::State;

use crate::{ApiError, AppState};

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
