//! The journal: list and search, edit, delete, export to Markdown.

use kindred_core::reflection::journal::{JournalEntry, JournalFilter};
use kindred_core::store::JournalPage;
use tauri::{AppHandle, Runtime, State};

use crate::commands::files::save_to_downloads;
use crate::{scheduler, ApiError, AppState};

#[tauri::command(async)]
pub fn journal_list(state: State<'_, AppState>, filter: JournalFilter) -> Result<JournalPage, ApiError> {
    state.store(|store| store.journal_in(&filter, scheduler::system_zone()))
}

#[tauri::command(async)]
pub fn journal_update(state: State<'_, AppState>, id: i64, answer: String) -> Result<JournalEntry, ApiError> {
    state.store(|store| store.update_entry(id, &answer))
}

#[tauri::command(async)]
pub fn journal_delete(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.store(|store| store.delete_entry(id))
}

/// Saves the chosen entries (all when `ids` is absent) as a Markdown file
/// in Downloads and returns where it went.
#[tauri::command(async)]
pub fn journal_export<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    ids: Option<Vec<i64>>,
) -> Result<String, ApiError> {
    let (markdown, today) = state.store(|store| Ok((store.journal_markdown(ids.as_deref())?, store.today())))?;
    save_to_downloads(&app, &format!("kindred-journal-{today}.md"), markdown.as_bytes())
}
