//! Where Kindred keeps its data: the OS's local app-data folder (for example
//! `~/.local/share/app.kindred.desktop` on Linux), or `KINDRED_DATA_DIR` when
//! set, which tests and the benchmark harness use to stay out of real data.

use std::path::PathBuf;

use tauri::{AppHandle, Manager, Runtime};

pub const DATA_DIR_ENV: &str = "KINDRED_DATA_DIR";

pub fn resolve<R: Runtime>(app: &AppHandle<R>) -> Result<PathBuf, String> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    app.path()
        .app_local_data_dir()
        .map_err(|e| format!("the system did not say where app data belongs ({e})"))
}
