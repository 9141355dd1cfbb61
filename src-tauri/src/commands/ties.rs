//! People and groups: the ties on the map.

use kindred_core::first_run::MapAnswer;
use kindred_core::tie::{Circle, Tie, TieDraft, TieScope};
use tauri::State;

use crate::{ApiError, AppState};

#[tauri::command(async)]
pub fn ties_list(state: State<'_, AppState>, scope: Option<TieScope>) -> Result<Vec<Tie>, ApiError> {
    state.store(|store| store.list_ties(scope.unwrap_or_default()))
}

#[tauri::command(async)]
pub fn ties_get(state: State<'_, AppState>, id: i64) -> Result<Tie, ApiError> {
    state.store(|store| store.get_tie(id))
}

#[tauri::command(async)]
pub fn ties_create(state: State<'_, AppState>, draft: TieDraft) -> Result<Tie, ApiError> {
    state.store(|store| store.create_tie(draft))
}

#[tauri::command(async)]
pub fn ties_update(state: State<'_, AppState>, id: i64, draft: TieDraft) -> Result<Tie, ApiError> {
    state.store(|store| store.update_tie(id, draft))
}

#[tauri::command(async)]
pub fn ties_rename(state: State<'_, AppState>, id: i64, name: String) -> Result<Tie, ApiError> {
    state.store(|store| store.rename_tie(id, &name))
}

#[tauri::command(async)]
pub fn ties_move(state: State<'_, AppState>, id: i64, circle: Option<Circle>) -> Result<Tie, ApiError> {
    state.store(|store| store.move_tie(id, circle))
}

#[tauri::command(async)]
pub fn ties_archive(state: State<'_, AppState>, id: i64) -> Result<Tie, ApiError> {
    state.store(|store| store.archive_tie(id))
}

#[tauri::command(async)]
pub fn ties_restore(state: State<'_, AppState>, id: i64) -> Result<Tie, ApiError> {
    state.store(|store| store.restore_tie(id))
}

#[tauri::command(async)]
pub fn ties_delete(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.store(|store| store.delete_tie(id))
}

/// The first-run "build your map": answers to the support questions become
/// tagged ties in one transaction.
#[tauri::command(async)]
pub fn ties_build_map(state: State<'_, AppState>, answers: Vec<MapAnswer>) -> Result<Vec<Tie>, ApiError> {
    state.store(|store| store.build_map(&answers))
}
