/// Kindred's own commands. Listing them here makes Tauri generate an
/// `allow-<command>` permission for each, and refuse any command that a
/// capability file does not grant, so a new command is unreachable from the
/// UI until it is granted on purpose in `capabilities/main.json`.
const COMMANDS: &[&str] = &[
    "app_info",
    "app_ready",
    "lock_status",
    "lock_unlock",
    "lock_now",
    "lock_set_passphrase",
    "lock_remove_passphrase",
    "ties_list",
    "ties_get",
    "ties_create",
    "ties_update",
    "ties_rename",
    "ties_move",
    "ties_archive",
    "ties_restore",
    "ties_delete",
    "ties_build_map",
    "contacts_list",
    "contacts_create",
    "contacts_update",
    "contacts_delete",
    "quality_rate",
    "quality_history",
    "insights_list",
    "insights_reach_out",
    "insights_birthdays",
    "files_save_export",
    "data_export",
    "data_vcard_preview",
    "data_vcard_import",
    "data_export_calendar",
    "data_export_research",
    "data_import_preview",
    "data_import",
    "data_backups",
    "data_back_up_now",
    "data_restore",
    "data_delete_everything",
    "notices_send_test",
    "notices_list",
    "notices_mark_read",
    "notices_snooze",
    "notices_done",
    "reminders_list",
    "reminders_create",
    "reminders_delete",
    "settings_cadence_defaults",
    "settings_set_cadence_defaults",
    "settings_reminders",
    "settings_set_reminders",
    "settings_pause_reminders",
    "reflect_library",
    "reflect_today",
    "reflect_prompts",
    "reflect_answer_prompt",
    "reflect_start",
    "reflect_current",
    "reflect_get",
    "reflect_answer_step",
    "reflect_finish",
    "reflect_set_aside",
    "reflect_charts",
    "journal_list",
    "journal_update",
    "journal_delete",
    "journal_export",
    "intentions_list",
    "intentions_create",
    "intentions_set_status",
    "checkins_scale",
    "checkins_status",
    "checkins_list",
    "checkins_record",
    "checkins_put_off",
];

fn main() {
    // tauri-build does not watch a custom capabilities folder by itself.
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    // The config lives at the repository root (the design fixes it there),
    // so point tauri-build at the capabilities under src-tauri/.
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri build script failed: {error:#}");
    }
}
