//! Relationship quality ratings and their history.

use kindred_core::quality::{QualityDraft, QualityRating};
use tauri::State;

use crate::{ApiError, AppState};

#[tauri::command(async)]
pub fn quality_rate(state: State<'_, AppState>, tie_id: i64, draft: QualityDraft) -> Result<QualityRating, ApiError> {
    state.store(|store| store.rate_tie(tie_id, draft))
}

#[tauri::command(async)]
pub fn quality_history(state: State<'_, AppState>, tie_id: i64) -> Result<Vec<QualityRating>, ApiError> {
    state.store(|store| store.quality_history(tie_id))
}
