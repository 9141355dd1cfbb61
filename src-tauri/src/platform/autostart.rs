//! Start at login, opt-in from Settings. The official autostart plugin
//! does the per-OS work (a login item on macOS, the Run key in the Windows
//! registry, an XDG autostart entry on Linux); it passes [`HIDDEN_ARG`] so
//! Kindred starts quietly in the tray.

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_autostart::ManagerExt;

/// The argument a login start carries.
pub const HIDDEN_ARG: &str = "--hidden";

/// The plugin, registered by the real app only (the IPC tests must never
/// touch the person's login items).
pub fn plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_autostart::Builder::new().app_name(ENTRY_NAME).args([HIDDEN_ARG]).build()
}

/// The name of the login entry (the Run value on Windows, the LaunchAgent
/// on macOS, the .desktop file on Linux): the product's name, fixed here
/// so the entry a person turned on is the one turned off, whatever the
/// build calls itself.
pub const ENTRY_NAME: &str = "Kindred";

/// Turns start at login on or off with the system.
pub fn set<R: Runtime>(app: &AppHandle<R>, on: bool) -> Result<(), String> {
    if app.try_state::<tauri_plugin_autostart::AutoLaunchManager>().is_none() {
        return Err("start at login isn't available here".to_owned());
    }
    let launcher = app.autolaunch();
    let result = if on { launcher.enable() } else { launcher.disable() };
    result.map_err(|e| e.to_string())
}

/// Whether this start came from logging in (so the window stays hidden).
pub fn started_hidden() -> bool {
    std::env::args().any(|a| a == HIDDEN_ARG)
}
