//! Files the person asks Kindred to save, such as a picture of their map.

use kindred_core::export_file::save_new_file;
use tauri::{AppHandle, Runtime};

use crate::platform::data_folder::export_folder;
use crate::ApiError;

/// Saves `contents` as a new file in the person's Downloads folder and
/// returns where it went, so the UI can say so.
#[tauri::command(async)]
pub fn files_save_export<R: Runtime>(
    app: AppHandle<R>,
    file_name: String,
    contents: Vec<u8>,
) -> Result<String, ApiError> {
    save_to_downloads(&app, &file_name, &contents)
}

/// Saves `bytes` as a new file called `name` (never overwriting) in the
/// person's Downloads folder; returns where it went. Every export uses it.
pub fn save_to_downloads<R: Runtime>(app: &AppHandle<R>, name: &str, bytes: &[u8]) -> Result<String, ApiError> {
    let dir = export_folder(app)
        .map_err(|reason| ApiError::internal(format!("Kindred couldn't find your Downloads folder ({reason}).")))?;
    Ok(save_new_file(&dir, name, bytes)?.display().to_string())
}
