//! The reminder scheduler: a thread that ticks on the wall clock. Timers
//! stop while a machine sleeps, so rather than sleeping until the next
//! reminder it wakes at least every 30 seconds, compares the wall clock with
//! the persisted ledger, and delivers what is due (once: the core marks each
//! occurrence in the ledger before anything is shown). It runs one tick at
//! start (catch-up) and wakes early when reminders change.

use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::Duration;

use chrono::{DateTime, NaiveTime, Utc};
use kindred_core::reminder::gathered_notice;
use kindred_core::schedule::{PlanSettings, QuietHours, Tz, CATCH_UP_LIMIT};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::commands::notices::NOTICE_EVENT;
use crate::AppState;

/// The longest the scheduler waits between looks at the clock.
const TICK: Duration = Duration::from_secs(30);
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
    std::thread::Builder::new().name("kindred-scheduler".into()).spawn(move || loop {
        let next = tick(&app, Utc::now());
        let wait = next
            .and_then(|at| (at - Utc::now()).to_std().ok())
            .map_or(longest, |until| until.min(longest))
            .max(Duration::from_millis(200));
        match rx.recv_timeout(wait) {
            Ok(()) | Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => break,
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

fn settings() -> PlanSettings {
    PlanSettings {
        tz: system_zone(),
        preferred: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(),
        quiet: QuietHours::default(),
        catch_up_limit: CATCH_UP_LIMIT,
    }
}

/// One look at the clock: take what is due, gather it into one notice,
/// record it, then try the desktop. Returns when to look again.
pub fn tick<R: Runtime>(app: &AppHandle<R>, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let state = app.try_state::<AppState>()?;
    let settings = settings();
    let taken = state.store(|store| {
        let custom = store.take_due_reminders(now, &settings)?;
        let (reach_outs, reach_next) = store.take_due_reach_outs(now, &settings)?;
        Ok((custom, reach_outs, reach_next))
    });
    let (custom, reach_outs, reach_next) = match taken {
        Ok(taken) => taken,
        Err(error) => {
            eprintln!("Kindred could not check reminders: {}", error.message);
            return None;
        }
    };
    if let Some((kind, title, body)) = gathered_notice(&custom.due, &reach_outs) {
        if let Ok(notice) = state.store(|store| store.record_notice(kind, &title, &body)) {
            let outcome = state.notifier().show(&title, &body);
            if let Ok(notice) = state.store(|store| store.mark_notice_delivery(notice.id, outcome)) {
                let _ = app.emit(NOTICE_EVENT, &notice);
            }
        }
    }
    [custom.next_wake, reach_next].into_iter().flatten().min()
}
