//! People: the first slice of the map. Later the same commands grow to
//! cover groups, circles and support types.

use kindred_core::tie::{Tie, TieScope};
use tauri::State;

use crate::{ApiError, AppState};

#[tauri::command(async)]
pub fn people_list(state: State<'_, AppState>, scope: Option<TieScope>) -> Result<Vec<Tie>, ApiError> {
    state.store(|store| store.list_ties(scope.unwrap_or_default()))
}

#[tauri::command(async)]
pub fn people_create(state: State<'_, AppState>, name: String) -> Result<Tie, ApiError> {
    state.store(|store| store.create_person(&name))
}

#[tauri::command(async)]
pub fn people_rename(state: State<'_, AppState>, id: i64, name: String) -> Result<Tie, ApiError> {
    state.store(|store| store.rename_tie(id, &name))
}

#[tauri::command(async)]
pub fn people_archive(state: State<'_, AppState>, id: i64) -> Result<Tie, ApiError> {
    state.store(|store| store.archive_tie(id))
}

#[tauri::command(async)]
pub fn people_restore(state: State<'_, AppState>, id: i64) -> Result<Tie, ApiError> {
    state.store(|store| store.restore_tie(id))
}
