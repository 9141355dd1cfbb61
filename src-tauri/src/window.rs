//! The main window. It is made here rather than by Tauri from the config,
//! so the person's light or dark choice reaches the page before any of it
//! loads: the first paint already has the right palette, instead of the
//! computer's for the moment it takes to ask (ui/public/appearance-boot.js).

use tauri::{AppHandle, Manager, Runtime, WebviewWindow, WebviewWindowBuilder};

use crate::AppState;

/// The main window's label, as in tauri.conf.json.
pub const MAIN: &str = "main";

/// Makes the main window from its entry in tauri.conf.json.
pub fn create_main<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<WebviewWindow<R>> {
    let config = app.config().app.windows.iter().find(|w| w.label == MAIN).ok_or(tauri::Error::WindowNotFound)?;
    WebviewWindowBuilder::from_config(app, config)?.initialization_script(appearance_script(app)).build()
}

/// Hands the kept appearance to the page; nothing while it can't be read
/// (locked, or the data busy a moment), when the window follows the
/// computer until the page has asked.
fn appearance_script<R: Runtime>(app: &AppHandle<R>) -> String {
    let kept = app.try_state::<AppState>().and_then(|state| state.appearance_now());
    match kept.and_then(|appearance| serde_json::to_string(&appearance).ok()) {
        Some(json) => format!("window.__KINDRED_APPEARANCE__ = {json};"),
        None => String::new(),
    }
}
