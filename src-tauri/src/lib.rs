//! The Tauri shell: it opens the store, registers the commands and hands the
//! window its UI. Rules live in `kindred_core`; this crate only translates.

pub mod bindings;
pub mod commands;
pub mod error;
pub mod platform;
pub mod scheduler;
pub mod state;
pub mod tray;
pub mod window;

use std::sync::Arc;

use kindred_core::SystemClock;
use tauri::{Emitter, Manager, Runtime};

pub use error::{ApiError, ErrorCode};
pub use state::AppState;

/// Everything the real app and the IPC tests share: the command table (and,
/// as features land, plugins). The app passes `tauri::Builder::default()`,
/// the tests `tauri::test::mock_builder()`; each then adds state and a context.
pub fn builder<R: Runtime>(base: tauri::Builder<R>) -> tauri::Builder<R> {
    base.invoke_handler(tauri::generate_handler![
        commands::app::app_info,
        commands::app::app_ready,
        commands::lock::lock_status,
        commands::lock::lock_unlock,
        commands::lock::lock_now,
        commands::lock::lock_set_passphrase,
        commands::lock::lock_remove_passphrase,
        commands::lock::lock_remember,
        commands::lock::lock_forget,
        commands::recovery::recovery_backups,
        commands::recovery::recovery_restore,
        commands::recovery::recovery_start_fresh,
        commands::recovery::recovery_retry,
        commands::ties::ties_list,
        commands::ties::ties_get,
        commands::ties::ties_create,
        commands::ties::ties_update,
        commands::ties::ties_rename,
        commands::ties::ties_move,
        commands::ties::ties_archive,
        commands::ties::ties_restore,
        commands::ties::ties_delete,
        commands::ties::ties_build_map,
        commands::contacts::contacts_list,
        commands::contacts::contacts_create,
        commands::contacts::contacts_update,
        commands::contacts::contacts_delete,
        commands::quality::quality_rate,
        commands::quality::quality_history,
        commands::insights::insights_list,
        commands::insights::insights_reach_out,
        commands::insights::insights_birthdays,
        commands::files::files_save_export,
        commands::data::data_export,
        commands::data::data_vcard_preview,
        commands::data::data_vcard_import,
        commands::data::data_export_calendar,
        commands::data::data_export_research,
        commands::data::data_import_preview,
        commands::data::data_import,
        commands::data::data_backups,
        commands::data::data_back_up_now,
        commands::data::data_restore,
        commands::data::data_delete_everything,
        commands::notices::notices_send_test,
        commands::notices::notices_list,
        commands::notices::notices_mark_read,
        commands::notices::notices_snooze,
        commands::notices::notices_done,
        commands::reminders::reminders_list,
        commands::reminders::reminders_create,
        commands::reminders::reminders_delete,
        commands::settings::settings_cadence_defaults,
        commands::settings::settings_set_cadence_defaults,
        commands::settings::settings_reminders,
        commands::settings::settings_set_reminders,
        commands::settings::settings_pause_reminders,
        commands::settings::settings_appearance,
        commands::settings::settings_set_appearance,
        commands::reflect::reflect_library,
        commands::reflect::reflect_today,
        commands::reflect::reflect_prompts,
        commands::reflect::reflect_answer_prompt,
        commands::reflect::reflect_start,
        commands::reflect::reflect_current,
        commands::reflect::reflect_get,
        commands::reflect::reflect_answer_step,
        commands::reflect::reflect_finish,
        commands::reflect::reflect_set_aside,
        commands::reflect::reflect_charts,
        commands::journal::journal_list,
        commands::journal::journal_update,
        commands::journal::journal_delete,
        commands::journal::journal_export,
        commands::intentions::intentions_list,
        commands::intentions::intentions_create,
        commands::intentions::intentions_set_status,
        commands::checkins::checkins_scale,
        commands::checkins::checkins_status,
        commands::checkins::checkins_list,
        commands::checkins::checkins_record,
        commands::checkins::checkins_put_off,
    ])
}

/// Starts the desktop app.
pub fn run() {
    // The single-instance plugin goes first, so a second launch hands over
    // before anything else starts (a second scheduler over the same file).
    let result = builder(
        tauri::Builder::default().plugin(platform::single_instance::plugin()).plugin(platform::autostart::plugin()),
    )
    .on_window_event(tray::on_window_event)
    .setup(|app| {
        let state = match platform::data_folder::resolve(app.handle()) {
            Ok(dir) => {
                if let Err(error) = platform::data_folder::prepare(&dir) {
                    // Not fatal: opening the store reports a folder it
                    // really cannot use.
                    eprintln!("Kindred could not prepare {}: {error}", dir.display());
                }
                AppState::open(&dir, Arc::new(SystemClock))
            }
            Err(reason) => AppState::unavailable(reason),
        };
        // A click on a notification shows the window on the fitting screen.
        let handle = app.handle().clone();
        state.notifier().on_click(Box::new(move |screen| {
            tray::show_main(&handle);
            let _ = handle.emit(scheduler::OPEN_EVENT, screen);
        }));
        app.manage(state);
        app.manage(commands::data::CloseAfterDeleting);
        // After the state, so the window can hand the page the kept appearance.
        window::create_main(app.handle())?;
        // Reminders keep their own thread; a failure to start it leaves
        // the rest of the app working and is reported.
        match scheduler::start(app.handle().clone()) {
            Ok(handle) => {
                app.manage(handle);
            }
            Err(error) => eprintln!("Kindred could not start its reminder scheduler: {error}"),
        }
        // No tray (some desktops have none): closing the window quits,
        // and the person is told so in Settings.
        if let Err(error) = tray::create(app.handle()) {
            eprintln!("Kindred could not add its tray icon: {error}");
        }
        if platform::autostart::started_hidden() {
            if let Some(window) = app.get_webview_window(window::MAIN) {
                let _ = window.hide();
            }
        }
        Ok(())
    })
    .build(tauri::generate_context!());
    match result {
        Ok(app) => app.run(tray::on_run_event),
        Err(error) => {
            eprintln!("Kindred could not start: {error}");
            std::process::exit(1);
        }
    }
}
