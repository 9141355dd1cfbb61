//! Kindred in the tray: closing the window hides it, so reminders keep
//! coming; the tray menu opens it again, pauses reminders or quits.
//!
//! Linux tray icons get no click events (AppIndicator), so everything is in
//! the menu, which works the same on every platform.

use kindred_core::reminder_settings::{pause_end, PauseFor};
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::{MouseButton, MouseButtonState, TrayIcon, TrayIconBuilder, TrayIconEvent};
use tauri::{AppHandle, Manager, Runtime, WindowEvent};

use crate::state::LockStatus;
use crate::{platform, scheduler, window, AppState};

const TRAY_ID: &str = "kindred";
const OPEN: &str = "open";
const PAUSE_HOUR: &str = "pause-hour";
const PAUSE_TOMORROW: &str = "pause-tomorrow";
const RESUME: &str = "resume";
const QUIT: &str = "quit";

/// Shows and focuses the main window (from the tray, a second launch or a
/// notification), making it again from the configuration if it was
/// destroyed rather than hidden.
pub fn show_main<R: Runtime>(app: &AppHandle<R>) {
    let window = app.get_webview_window(window::MAIN).or_else(|| window::create_main(app).ok());
    if let Some(window) = window {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// Creates the tray icon and its menu. An error (no tray on this desktop)
/// is returned so the caller can keep closing the window as quitting.
/// Each system's manners (menu-bar template on macOS, a left click that
/// opens the window on Windows) come from `platform::tray`.
pub fn create<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<TrayIcon<R>> {
    let style = platform::tray::STYLE;
    let mut builder = TrayIconBuilder::with_id(TRAY_ID)
        .tooltip("Kindred")
        .menu(&menu(app)?)
        .show_menu_on_left_click(style.menu_on_left_click)
        .on_menu_event(|app, event| on_menu(app, event.id.as_ref()))
        .on_tray_icon_event(move |tray, event| {
            let left_click = matches!(
                event,
                TrayIconEvent::Click { button: MouseButton::Left, button_state: MouseButtonState::Up, .. }
            );
            if left_click && !style.menu_on_left_click {
                show_main(tray.app_handle());
            }
        });
    if style.template_icon {
        builder = builder.icon(platform::tray::template_icon()).icon_as_template(true);
    } else if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder.build(app)
}

/// Rebuilds the menu so it offers "Resume" while paused.
pub fn refresh<R: Runtime>(app: &AppHandle<R>) {
    if let (Some(tray), Ok(menu)) = (app.tray_by_id(TRAY_ID), menu(app)) {
        let _ = tray.set_menu(Some(menu));
    }
}

fn paused<R: Runtime>(app: &AppHandle<R>) -> bool {
    app.try_state::<AppState>()
        .and_then(|state| state.store(|s| s.reminder_settings()).ok())
        .is_some_and(|r| r.paused_at(chrono::Utc::now()))
}

fn menu<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let open = MenuItem::with_id(app, OPEN, "Open Kindred", true, None::<&str>)?;
    let quit = MenuItem::with_id(app, QUIT, "Quit Kindred", true, None::<&str>)?;
    let separator = PredefinedMenuItem::separator(app)?;
    // While the data is locked, or won't open, a pause could not be kept:
    // only open or quit.
    let closed = |status: LockStatus| status.locked || status.problem.is_some();
    if app.try_state::<AppState>().is_some_and(|state| closed(state.lock_status())) {
        return Menu::with_items(app, &[&open, &separator, &quit]);
    }
    if paused(app) {
        let resume = MenuItem::with_id(app, RESUME, "Turn reminders back on", true, None::<&str>)?;
        Menu::with_items(app, &[&open, &separator, &resume, &separator, &quit])
    } else {
        let hour = MenuItem::with_id(app, PAUSE_HOUR, "Pause reminders for an hour", true, None::<&str>)?;
        let tomorrow = MenuItem::with_id(app, PAUSE_TOMORROW, "Pause reminders until tomorrow", true, None::<&str>)?;
        Menu::with_items(app, &[&open, &separator, &hour, &tomorrow, &separator, &quit])
    }
}

fn on_menu<R: Runtime>(app: &AppHandle<R>, id: &str) {
    match id {
        OPEN => show_main(app),
        QUIT => app.exit(0),
        PAUSE_HOUR | PAUSE_TOMORROW | RESUME => {
            let choice = match id {
                PAUSE_HOUR => Some(PauseFor::Hour),
                PAUSE_TOMORROW => Some(PauseFor::Tomorrow),
                _ => None,
            };
            if let Some(state) = app.try_state::<AppState>() {
                let _ = state.store(|store| {
                    let preferred = store.reminder_settings()?.preferred_time;
                    let until = choice.map(|c| pause_end(c, store.now(), scheduler::system_zone(), preferred));
                    store.pause_reminders(until)
                });
            }
            scheduler::wake(app);
            refresh(app);
        }
        _ => {}
    }
}

/// When the last window goes (some platforms and tools destroy it rather
/// than ask), Kindred stays running in the tray. Quitting from the tray
/// (`app.exit`, which carries an exit code) is always honoured, and on the
/// way out the data is closed cleanly. On a Mac, clicking Kindred in the
/// Dock while its window is hidden brings the window back, as Mac apps do.
pub fn on_run_event<R: Runtime>(app: &AppHandle<R>, event: tauri::RunEvent) {
    match event {
        tauri::RunEvent::ExitRequested { api, code: None, .. } if app.tray_by_id(TRAY_ID).is_some() => {
            api.prevent_exit();
        }
        tauri::RunEvent::Exit => {
            if let Some(state) = app.try_state::<AppState>() {
                state.close();
            }
        }
        #[cfg(target_os = "macos")]
        tauri::RunEvent::Reopen { has_visible_windows: false, .. } => show_main(app),
        _ => {}
    }
}

/// Closing the main window hides it while the tray icon lives; the app
/// keeps running for its reminders. Without a tray, or when the person
/// chose not to keep Kindred in the tray, closing quits.
pub fn on_window_event<R: Runtime>(window: &tauri::Window<R>, event: &WindowEvent) {
    if let WindowEvent::CloseRequested { api, .. } = event {
        let app = window.app_handle();
        if app.tray_by_id(TRAY_ID).is_none() {
            return;
        }
        if keep_in_tray(app) {
            api.prevent_close();
            let _ = window.hide();
        } else {
            app.exit(0);
        }
    }
}

/// The person's choice; while the data is locked (or unreadable) Kindred
/// stays in the tray, as it does by default.
fn keep_in_tray<R: Runtime>(app: &AppHandle<R>) -> bool {
    app.try_state::<AppState>()
        .and_then(|state| state.store(|store| store.reminder_settings()).ok())
        .is_none_or(|settings| settings.keep_in_tray)
}
