//! Owning your data: export and import, backups, and deleting everything.

use kindred_core::calendar::{calendar, CalendarInput};
use kindred_core::data_file::parse;
use kindred_core::research::{csv_files, graphml};
use kindred_core::store::{Backup, BackupKind, ImportMode, ImportPreview};
use kindred_core::tie::{Tie, TieScope};
use kindred_core::vcard::{VcardFile, VcardPick};
use kindred_core::CoreError;
use tauri::{AppHandle, Manager, Runtime, State};

use crate::commands::files::save_to_downloads;
use crate::state::Restored;
use crate::{platform, scheduler, tray, ApiError, AppState};

/// Saves everything as one JSON file in Downloads; returns where it went.
#[tauri::command(async)]
pub fn data_export<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<String, ApiError> {
    let (file, today) = state.store(|store| Ok((store.export_data()?, store.today())))?;
    let json = serde_json::to_vec_pretty(&file)
        .map_err(|e| ApiError::internal(format!("Kindred couldn't write the export ({e}). Nothing was changed.")))?;
    save_to_downloads(&app, &format!("kindred-export-{today}.json"), &json)
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
    let done = state.store(|store| {
        // Replacing everything: a safety copy first, like a restore.
        if mode == ImportMode::Replace && store.path().is_some() {
            store.back_up(BackupKind::BeforeImport)?;
        }
        store.import_data(&file, mode)
    })?;
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
) -> Result<Restored, ApiError> {
    let restored = state.restore_backup(&name)?;
    scheduler::wake(&app);
    // Locked now, when the backup needs its own passphrase.
    tray::refresh(&app);
    Ok(restored)
}

/// Deletes every file of Kindred's (typed phrase required), turns off
/// start at login, and closes the app a moment later.
#[tauri::command(async)]
pub fn data_delete_everything<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    confirmation: String,
) -> Result<(), ApiError> {
    state.delete_everything(&confirmation)?;
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

/// Saves the reminders, birthdays, dated intentions and the reflection
/// schedule as an iCalendar file in Downloads; returns where it went.
#[tauri::command(async)]
pub fn data_export_calendar<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<String, ApiError> {
    let (ics, today) = state.store(|store| {
        let reminders = store.list_reminders()?;
        let ties = store.list_ties(TieScope::Active)?;
        let intentions: Vec<(i64, String, chrono::NaiveDate, Option<String>)> = store
            .list_intentions(true)?
            .into_iter()
            .filter_map(|i| i.due_on.map(|d| (i.id, i.text, d, i.due_time)))
            .collect();
        let settings = store.reminder_settings()?;
        let ics = calendar(&CalendarInput {
            reminders: &reminders,
            ties: &ties,
            intentions: &intentions,
            settings: &settings,
            tz: scheduler::system_zone(),
            now: store.now(),
        });
        Ok((ics, store.today()))
    })?;
    save_to_downloads(&app, &format!("kindred-calendar-{today}.ics"), ics.as_bytes())
}

/// Saves the map for research tools: GraphML and three CSV files (ego,
/// alters, alter–alter ties). Returns where they went.
#[tauri::command(async)]
pub fn data_export_research<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Vec<String>, ApiError> {
    let (ties, network, today) =
        state.store(|store| Ok((store.list_ties(TieScope::Active)?, store.network()?, store.today())))?;
    let graph = graphml(&ties, &network);
    let (ego, alters, alter_ties) = csv_files(&ties, &network)?;
    let mut saved = Vec::new();
    for (name, body) in [
        (format!("kindred-network-{today}.graphml"), graph),
        (format!("kindred-network-{today}-ego.csv"), ego),
        (format!("kindred-network-{today}-alters.csv"), alters),
        (format!("kindred-network-{today}-alter-ties.csv"), alter_ties),
    ] {
        saved.push(save_to_downloads(&app, &name, body.as_bytes())?);
    }
    Ok(saved)
}

/// The file's bytes, which the window sends as base64 so the core sees the
/// file as it is on disk (a browser reading it as text would already have
/// guessed its charset, and turned Shift_JIS or Latin-1 names into `�`).
fn file_bytes(base64: &str) -> Result<Vec<u8>, ApiError> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(base64.trim()).map_err(|_| {
        ApiError::from(CoreError::validation("file", "Kindred couldn't read that file. Please choose it again."))
    })
}

/// The people in an address book's vCard file, possible duplicates
/// flagged, and the cards that can't come in.
#[tauri::command(async)]
pub fn data_vcard_preview(state: State<'_, AppState>, file_base64: String) -> Result<VcardFile, ApiError> {
    let bytes = file_bytes(&file_base64)?;
    state.store(|store| store.vcard_preview(&bytes))
}

/// Adds the ticked people from a vCard file, all or none.
#[tauri::command(async)]
pub fn data_vcard_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    file_base64: String,
    picks: Vec<VcardPick>,
) -> Result<Vec<Tie>, ApiError> {
    let bytes = file_bytes(&file_base64)?;
    let added = state.store(|store| store.vcard_import(&bytes, &picks))?;
    scheduler::wake(&app);
    Ok(added)
}
