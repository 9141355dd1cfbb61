//! Intentions: small things the person means to do.

use kindred_core::reflection::intention::{Intention, IntentionDraft, IntentionStatus};
use tauri::State;

use crate::{ApiError, AppState};

#[tauri::command(async)]
pub fn intentions_list(state: State<'_, AppState>, open_only: bool) -> Result<Vec<Intention>, ApiError> {
    state.store(|store| store.list_intentions(open_only))
}

#[tauri::command(async)]
pub fn intentions_create(state: State<'_, AppState>, draft: IntentionDraft) -> Result<Intention, ApiError> {
    state.store(|store| store.create_intention(&draft))
}

#[tauri::command(async)]
pub fn intentions_set_status(
    state: State<'_, AppState>,
    id: i64,
    status: IntentionStatus,
) -> Result<Intention, ApiError> {
    state.store(|store| store.set_intention_status(id, status))
}
