//! Notices: the in-app record of notifications, and the Settings button
//! that sends a test one.

use kindred_core::notice::{Notice, NoticeKind};
use kindred_core::reminder_settings::{pause_end, PauseFor};
use tauri::{AppHandle, Emitter, Runtime, State};

use crate::{scheduler, ApiError, AppState};

const TEST_TITLE: &str = "Kindred can reach you";
const TEST_BODY: &str = "This is how a gentle nudge will look. You can turn them off any time in Settings.";

/// Event sent to the window whenever a notice is recorded, so it can show
/// it even when the desktop did not.
pub const NOTICE_EVENT: &str = "kindred://notice";

#[tauri::command(async)]
pub fn notices_send_test<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<Notice, ApiError> {
    let notice = state.store(|store| store.record_notice(NoticeKind::Test, TEST_TITLE, TEST_BODY))?;
    // Outside the store lock: a slow desktop must not hold up the database.
    let outcome = state.notifier().show(&notice.title, &notice.body);
    let notice = state.store(|store| store.mark_notice_delivery(notice.id, outcome))?;
    let _ = app.emit(NOTICE_EVENT, &notice);
    Ok(notice)
}

#[tauri::command(async)]
pub fn notices_list(state: State<'_, AppState>) -> Result<Vec<Notice>, ApiError> {
    state.store(|store| store.list_notices(100))
}

#[tauri::command(async)]
pub fn notices_mark_read(state: State<'_, AppState>) -> Result<usize, ApiError> {
    state.store(|store| store.mark_notices_read())
}

/// "Remind me again" in an hour, tomorrow (at the preferred time) or next
/// week: the notice comes back once as a reminder.
#[tauri::command(async)]
pub fn notices_snooze<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
    until: PauseFor,
) -> Result<Notice, ApiError> {
    let notice = state.store(|store| {
        let zone = scheduler::system_zone();
        let preferred = store.reminder_settings()?.preferred_time;
        let at = pause_end(until, store.now(), zone, preferred);
        store.snooze_notice(id, at, zone)
    })?;
    scheduler::wake(&app);
    Ok(notice)
}

#[tauri::command(async)]
pub fn notices_done(state: State<'_, AppState>, id: i64) -> Result<Notice, ApiError> {
    state.store(|store| store.done_notice(id))
}
