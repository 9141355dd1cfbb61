//! Reflection: today's prompt, guided sessions step by step, and the charts.

use kindred_core::reflection::journal::JournalEntry;
use kindred_core::reflection::mood::Mood;
use kindred_core::reflection::personalise::{Personalised, ShownPrompt};
use kindred_core::reflection::session::{SessionEnd, SessionStep, SessionView};
use kindred_core::reflection::{Guide, FEELING_WORDS, GUIDES};
use kindred_core::store::Charts;
use kindred_core::theme::Theme;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::{scheduler, ApiError, AppState};

/// What the Reflect screen offers: the guided sessions and the feeling words.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReflectLibrary {
    pub guides: Vec<Guide>,
    pub feeling_words: Vec<String>,
}

#[tauri::command(async)]
pub fn reflect_library() -> ReflectLibrary {
    ReflectLibrary { guides: GUIDES.to_vec(), feeling_words: FEELING_WORDS.iter().map(|w| (*w).to_owned()).collect() }
}

#[tauri::command(async)]
pub fn reflect_today(state: State<'_, AppState>) -> Result<Personalised, ApiError> {
    state.store(|store| store.personalised())
}

#[tauri::command(async)]
pub fn reflect_prompts(state: State<'_, AppState>, theme: Theme) -> Result<Vec<ShownPrompt>, ApiError> {
    state.store(|store| store.prompts_to_choose(theme))
}

#[tauri::command(async)]
pub fn reflect_answer_prompt(
    state: State<'_, AppState>,
    prompt_id: String,
    tie_id: Option<i64>,
    answer: String,
) -> Result<JournalEntry, ApiError> {
    state.store(|store| store.answer_prompt(&prompt_id, tie_id, &answer))
}

#[tauri::command(async)]
pub fn reflect_start(state: State<'_, AppState>, guide_id: String, mood_before: Mood) -> Result<SessionView, ApiError> {
    state.store(|store| store.start_session(&guide_id, &mood_before))
}

#[tauri::command(async)]
pub fn reflect_current(state: State<'_, AppState>) -> Result<Option<SessionView>, ApiError> {
    state.store(|store| store.current_session())
}

#[tauri::command(async)]
pub fn reflect_get(state: State<'_, AppState>, id: i64) -> Result<SessionView, ApiError> {
    state.store(|store| store.get_session(id))
}

#[tauri::command(async)]
pub fn reflect_answer_step(
    state: State<'_, AppState>,
    entry_id: i64,
    answer: String,
    skipped: bool,
) -> Result<SessionStep, ApiError> {
    state.store(|store| store.answer_step(entry_id, &answer, skipped))
}

#[tauri::command(async)]
pub fn reflect_finish(state: State<'_, AppState>, id: i64, end: SessionEnd) -> Result<SessionView, ApiError> {
    state.store(|store| store.finish_session(id, &end))
}

#[tauri::command(async)]
pub fn reflect_set_aside(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.store(|store| store.set_aside_session(id))
}

#[tauri::command(async)]
pub fn reflect_charts(state: State<'_, AppState>) -> Result<Charts, ApiError> {
    state.store(|store| store.charts_in(scheduler::system_zone()))
}
