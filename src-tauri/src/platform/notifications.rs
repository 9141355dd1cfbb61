//! Desktop notifications. Each platform needs something different to show
//! one, so this is the only place that calls notify-rust; the rest of the
//! shell talks to the [`Notifier`] trait (which tests replace).

use std::sync::Mutex;

/// Shows a desktop notification, or says in the system's words why not.
pub trait Notifier: Send + Sync {
    fn show(&self, title: &str, body: &str) -> Result<(), String>;
}

/// The real desktop, through notify-rust.
#[derive(Default)]
pub struct DesktopNotifier {
    // On Linux a notification lives on the session bus; dropping its handle
    // early can lose action callbacks, so the latest few are kept.
    #[cfg(all(unix, not(target_os = "macos")))]
    handles: Mutex<std::collections::VecDeque<notify_rust::NotificationHandle>>,
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    _unused: Mutex<()>,
}

/// How many Linux notification handles to keep alive.
#[cfg(all(unix, not(target_os = "macos")))]
const KEPT_HANDLES: usize = 20;

impl DesktopNotifier {
    /// `app_id` is the bundle identifier (tauri.conf.json `identifier`).
    pub fn new(app_id: &str) -> Self {
        // macOS attributes notifications to an application bundle, chosen
        // once per process; without it they appear to come from a terminal.
        #[cfg(target_os = "macos")]
        {
            let _ = notify_rust::set_application(app_id);
        }
        let _ = app_id;
        Self::default()
    }

    fn notification(title: &str, body: &str) -> notify_rust::Notification {
        let mut n = notify_rust::Notification::new();
        n.summary(title).body(body).appname("Kindred");
        // Windows shows toasts under an app id; the installed app registers
        // its own, and a plain build falls back to PowerShell's.
        #[cfg(target_os = "windows")]
        n.app_id("app.kindred.desktop");
        n
    }
}

impl Notifier for DesktopNotifier {
    fn show(&self, title: &str, body: &str) -> Result<(), String> {
        let shown = Self::notification(title, body).show().map_err(|e| e.to_string())?;
        #[cfg(all(unix, not(target_os = "macos")))]
        {
            let mut handles = self.handles.lock().unwrap_or_else(|p| p.into_inner());
            handles.push_back(shown);
            while handles.len() > KEPT_HANDLES {
                handles.pop_front();
            }
        }
        #[cfg(not(all(unix, not(target_os = "macos"))))]
        let _ = shown;
        Ok(())
    }
}
