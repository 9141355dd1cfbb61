//! Owning your data: export and import, backups, and deleting everything.

use kindred_core::data_file::parse;
use kindred_core::export_file::save_new_file;
use kindred_core::store::{Backup, BackupKind, ImportMode, ImportPreview};
use tauri::{AppHandle, Manager, Runtime, State};

use crate::platform::data_folder::export_folder;
use crate::{platform, scheduler, ApiError, AppState};

/// Saves everything as one JSON file in Downloads; returns where it went.
#[tauri::command(async)]
pub fn data_export<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<String, ApiError> {
    let (file, today) = state.store(|store| Ok((store.export_data()?, store.today())))?;
    let json = serde_json::to_vec_pretty(&file)
        .map_err(|e| ApiError::internal(format!("Kindred couldn't write the export ({e}). Nothing was changed.")))?;
    let dir = export_folder(&app)
        .map_err(|reason| ApiError::internal(format!("Kindred couldn't find your Downloads folder ({reason}).")))?;
    let path = save_new_file(&dir, &format!("kindred-export-{today}.json"), &json)?;
    Ok(path.display().to_string())
}

/// What importing this file would change, without changing anything.
#[tauri::command(async)]
pub fn data_import_preview(
    state: State<'_, AppState>,
    contents: String,
    mode: ImportMode,
) -> Result<ImportPreview, ApiError> {
    let file = parse(contents.as_bytes())?;
    state.store(|store| store.preview_import(&file, mode))
}

/// Imports the file, all or nothing.
#[tauri::command(async)]
pub fn data_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    contents: String,
    mode: ImportMode,
) -> Result<ImportPreview, ApiError> {
    let file = parse(contents.as_bytes())?;
    let done = state.store(|store| store.import_data(&file, mode))?;
    scheduler::wake(&app);
    Ok(done)
}

#[tauri::command(async)]
pub fn data_backups(state: State<'_, AppState>) -> Result<Vec<Backup>, ApiError> {
    state.store(|store| store.backups())
}

#[tauri::command(async)]
pub fn data_back_up_now(state: State<'_, AppState>) -> Result<Backup, ApiError> {
    state.store(|store| store.back_up(BackupKind::Manual))
}

/// Restores a backup; returns the safety copy taken of what was there.
#[tauri::command(async)]
pub fn data_restore<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    name: String,
) -> Result<Backup, ApiError> {
    let safety = state.store(|store| store.restore_backup(&name))?;
    scheduler::wake(&app);
    Ok(safety)
}

/// Deletes every file of Kindred's (typed phrase required), turns off
/// start at login, and closes the app a moment later.
#[tauri::command(async)]
pub fn data_delete_everything<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    confirmation: String,
) -> Result<(), ApiError> {
    state.store(|store| store.delete_everything(&confirmation))?;
    let _ = platform::autostart::set(&app, false);
    // The real app closes a moment later (after the window has said so);
    // the IPC tests' app has no such marker and keeps running.
    if app.try_state::<CloseAfterDeleting>().is_some() {
        let handle = app.clone();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(1500));
            handle.exit(0);
        });
    }
    Ok(())
}

/// Managed by the real app only: deleting everything then closes it.
pub struct CloseAfterDeleting;
