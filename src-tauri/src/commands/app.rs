//! Facts about the app itself, and the start-up signal the benchmark
//! harness listens for.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::{ApiError, AppState};

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    /// The folder that holds the database, shown in Settings so people know
    /// where their data lives.
    pub data_dir: Option<String>,
    pub schema_version: u32,
}

#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> Result<AppInfo, ApiError> {
    state.store(|store| {
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            data_dir: store.path().and_then(|p| p.parent()).map(|p| p.display().to_string()),
            schema_version: store.schema_version()?,
        })
    })
}

static READY_REPORTED: AtomicBool = AtomicBool::new(false);

/// Called by the UI once its first screen has painted with data. Prints one
/// line with the wall-clock time, which the start-up benchmark reads.
#[tauri::command]
pub fn app_ready() {
    if !READY_REPORTED.swap(true, Ordering::SeqCst) {
        let millis = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
        println!("KINDRED_READY unix_ms={millis}");
    }
}
