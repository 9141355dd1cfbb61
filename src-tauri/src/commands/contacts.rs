//! Logged contacts.

use kindred_core::contact::{Contact, ContactDraft};
use tauri::State;

use crate::{ApiError, AppState};

#[tauri::command(async)]
pub fn contacts_list(state: State<'_, AppState>, tie_id: i64) -> Result<Vec<Contact>, ApiError> {
    state.store(|store| store.list_contacts_for_tie(tie_id))
}

#[tauri::command(async)]
pub fn contacts_create(state: State<'_, AppState>, draft: ContactDraft) -> Result<Contact, ApiError> {
    state.store(|store| store.create_contact(draft))
}

#[tauri::command(async)]
pub fn contacts_update(state: State<'_, AppState>, id: i64, draft: ContactDraft) -> Result<Contact, ApiError> {
    state.store(|store| store.update_contact(id, draft))
}

#[tauri::command(async)]
pub fn contacts_delete(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.store(|store| store.delete_contact(id))
}
