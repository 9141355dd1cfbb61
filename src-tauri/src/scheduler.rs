//! The reminder scheduler: a thread that ticks on the wall clock. Timers
//! stop while a machine sleeps, so rather than sleeping until the next
//! reminder it wakes at least every 30 seconds, compares the wall clock with
//! the persisted ledger, and delivers what is due (once: the core marks each
//! occurrence in the ledger before anything is shown). It runs one tick at
//! start (catch-up) and wakes early when reminders change.

use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::Duration;

use chrono::{DateTime, Utc};
use kindred_core::notice::NoticeKind;
use kindred_core::reminder::{gathered_notice, DueItem};
use kindred_core::schedule::Tz;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::commands::notices::NOTICE_EVENT;
use crate::AppState;

/// The longest the scheduler waits between looks at the clock.
const TICK: Duration = Duration::from_secs(30);
/// How often the scheduler looks whether the daily backup is due.
const BACKUP_CHECK: Duration = Duration::from_secs(3600);
/// Tests shorten the tick with this (whole seconds).
const TICK_ENV: &str = "KINDRED_TICK_SECONDS";

/// Managed state: lets commands wake the scheduler after a change.
pub struct SchedulerHandle(Sender<()>);

impl SchedulerHandle {
    pub fn wake(&self) {
        let _ = self.0.send(());
    }
}

/// Wakes the scheduler if the app has one (the IPC tests run without).
pub fn wake<R: Runtime>(app: &AppHandle<R>) {
    if let Some(handle) = app.try_state::<SchedulerHandle>() {
        handle.wake();
    }
}

pub fn start<R: Runtime>(app: AppHandle<R>) -> std::io::Result<SchedulerHandle> {
    let (tx, rx) = mpsc::channel::<()>();
    let longest = std::env::var(TICK_ENV).ok().and_then(|s| s.parse().ok()).map(Duration::from_secs).unwrap_or(TICK);
    std::thread::Builder::new().name("kindred-scheduler".into()).spawn(move || {
        let mut backup_checked: Option<std::time::Instant> = None;
        loop {
            // The daily backup rides on the same thread: looked at hourly (and
            // at start), taken when the newest is a day old.
            if backup_checked.is_none_or(|at| at.elapsed() >= BACKUP_CHECK) {
                backup_checked = Some(std::time::Instant::now());
                if let Some(state) = app.try_state::<AppState>() {
                    match state.store(|store| store.daily_backup_if_due()) {
                        // Locked, or the data won't open: look again soon, so
                        // the backup comes once it is open.
                        Err(_) if !state.is_open() => backup_checked = None,
                        Err(error) => eprintln!("Kindred could not take its daily backup: {}", error.message),
                        Ok(_) => {}
                    }
                }
            }
            let next = tick(&app, Utc::now());
            let wait = next
                .and_then(|at| (at - Utc::now()).to_std().ok())
                .map_or(longest, |until| until.min(longest))
                .max(Duration::from_millis(200));
            match rx.recv_timeout(wait) {
                Ok(()) | Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
    })?;
    Ok(SchedulerHandle(tx))
}

/// Overrides the system's zone (an IANA name such as "Europe/London"), for
/// tests and for systems that cannot say.
const ZONE_ENV: &str = "KINDRED_TZ";

/// The person's zone from the system, or UTC when it cannot be told.
pub fn system_zone() -> Tz {
    std::env::var(ZONE_ENV)
        .ok()
        .or_else(|| iana_time_zone::get_timezone().ok())
        .and_then(|name| name.parse().ok())
        .unwrap_or(Tz::UTC)
}

/// One look at the clock: take what is due, gather it into one notice,
/// record it, then (unless desktop notifications are off) try the desktop.
/// While reminders are paused nothing is taken; what came round meanwhile
/// is gathered after the pause. Returns when to look again.
pub fn tick<R: Runtime>(app: &AppHandle<R>, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let state = app.try_state::<AppState>()?;
    let outcome = match state.store(|store| store.tick_reminders(now, system_zone())) {
        Ok(outcome) => outcome,
        // Reminders wait, quietly, until the person unlocks Kindred (or
        // its data opens again).
        Err(_) if !state.is_open() => return None,
        Err(error) => {
            eprintln!("Kindred could not check reminders: {}", error.message);
            return None;
        }
    };
    let items = &outcome.items;
    if let Some((kind, title, body)) = gathered_notice(items) {
        let tie_ids: Vec<i64> = items
            .iter()
            .filter_map(|i| match i {
                DueItem::ReachOut { tie_id, .. } | DueItem::Birthday { tie_id, .. } => Some(*tie_id),
                _ => None,
            })
            .collect();
        if let Ok(notice) = state.store(|store| store.record_notice_about(kind, &title, &body, &tie_ids)) {
            let delivery = if outcome.desktop {
                state.notifier().show_for(&title, &body, screen_for(kind))
            } else {
                Err(DESKTOP_OFF.to_owned())
            };
            if let Ok(notice) = state.store(|store| store.mark_notice_delivery(notice.id, delivery)) {
                let _ = app.emit(NOTICE_EVENT, &notice);
            }
        }
    }
    outcome.next_wake
}

/// The screen a click on a notification of this kind opens.
pub fn screen_for(kind: NoticeKind) -> &'static str {
    match kind {
        NoticeKind::Reflection | NoticeKind::Intention => "reflect",
        NoticeKind::Test => "settings",
        NoticeKind::ReachOut | NoticeKind::Birthday | NoticeKind::Custom => "today",
    }
}

/// Event asking the window to show a screen (a notification was clicked).
pub const OPEN_EVENT: &str = "kindred://open";

/// Recorded on a notice that was kept in the window only, by choice.
pub const DESKTOP_OFF: &str = "Desktop notifications are turned off in Settings.";
