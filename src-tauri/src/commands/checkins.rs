//! The monthly check-in (three-item loneliness scale).

use kindred_core::checkin::{CheckIn, CheckInAnswers, CheckInStatus, ANSWERS, ITEMS, SOURCE};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::{ApiError, AppState};

/// The scale's questions and answers exactly as published, with its source.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckInScale {
    pub items: Vec<String>,
    pub answers: Vec<String>,
    pub source: String,
}

#[tauri::command(async)]
pub fn checkins_scale() -> CheckInScale {
    CheckInScale {
        items: ITEMS.iter().map(|s| (*s).to_owned()).collect(),
        answers: ANSWERS.iter().map(|s| (*s).to_owned()).collect(),
        source: SOURCE.to_owned(),
    }
}

#[tauri::command(async)]
pub fn checkins_status(state: State<'_, AppState>) -> Result<CheckInStatus, ApiError> {
    state.store(|store| store.check_in_status())
}

#[tauri::command(async)]
pub fn checkins_list(state: State<'_, AppState>) -> Result<Vec<CheckIn>, ApiError> {
    state.store(|store| store.check_ins())
}

#[tauri::command(async)]
pub fn checkins_record(state: State<'_, AppState>, answers: CheckInAnswers) -> Result<CheckIn, ApiError> {
    state.store(|store| store.record_check_in(answers))
}

#[tauri::command(async)]
pub fn checkins_put_off(state: State<'_, AppState>) -> Result<(), ApiError> {
    state.store(|store| store.put_off_check_in())
}
