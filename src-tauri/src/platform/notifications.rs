//! Desktop notifications. Each platform needs something different to show
//! one, so this is the only place that calls notify-rust; the rest of the
//! shell talks to the [`Notifier`] trait (which tests replace).
//!
//! Clicks: Linux desktops report them (a D-Bus signal), so a click opens
//! the fitting screen. Windows and macOS report nothing through
//! notify-rust; there a click brings Kindred forward by the system's own
//! means (Windows starts the program behind the shortcut whose app id the
//! toast carries, which hands over to the running Kindred and shows its
//! window, see `single_instance`; macOS activates the app), and the bell
//! lists what the notification said.

use std::sync::Mutex;

/// The app id notifications are shown under: the bundle identifier in
/// tauri.conf.json. On Windows a toast from a program that isn't packaged
/// is shown only if a Start menu shortcut carries the same id as its
/// System.AppUserModel.ID; the installer (src-tauri/windows/kindred.wxs,
/// through scripts/windows-installer.sh) writes it there from the same
/// file. On macOS it names the bundle the notification comes from.
pub const APP_ID: &str = "app.kindred.desktop";

/// What to do when the person clicks a notification: given the screen it
/// is about (`today`, `reflect`, …).
pub type OnClick = Box<dyn Fn(&str) + Send + Sync>;

/// Shows a desktop notification, or says in the system's words why not.
pub trait Notifier: Send + Sync {
    fn show(&self, title: &str, body: &str) -> Result<(), String>;

    /// Shows a notification about `screen`; clicking it (where the desktop
    /// reports clicks) calls the [`OnClick`] given to `on_click`.
    fn show_for(&self, title: &str, body: &str, screen: &str) -> Result<(), String> {
        let _ = screen;
        self.show(title, body)
    }

    /// Sets what a click does. Desktops that do not report clicks ignore it.
    fn on_click(&self, action: OnClick) {
        let _ = action;
    }
}

/// The real desktop, through notify-rust.
#[derive(Default)]
pub struct DesktopNotifier {
    on_click: std::sync::Arc<Mutex<Option<OnClick>>>,
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
        n.app_id(APP_ID);
        n
    }
}

impl Notifier for DesktopNotifier {
    fn on_click(&self, action: OnClick) {
        *self.on_click.lock().unwrap_or_else(|p| p.into_inner()) = Some(action);
    }

    /// On Linux the notification carries a default action, and a small
    /// thread owns its handle until the desktop reports a click or the
    /// notification closes (which keeps the handle alive meanwhile). Windows
    /// and macOS do not report clicks through notify-rust: the notice is
    /// shown as with [`Notifier::show`].
    fn show_for(&self, title: &str, body: &str, screen: &str) -> Result<(), String> {
        #[cfg(all(unix, not(target_os = "macos")))]
        {
            let mut n = Self::notification(title, body);
            n.action("default", "Open Kindred");
            let handle = n.show().map_err(|e| e.to_string())?;
            let on_click = self.on_click.clone();
            let screen = screen.to_owned();
            let spawned = std::thread::Builder::new().name("kindred-notification".into()).spawn(move || {
                handle.wait_for_action(|action| {
                    if action == "default" {
                        if let Some(f) = on_click.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
                            f(&screen);
                        }
                    }
                });
            });
            // Shown either way; without the thread only the click is lost.
            let _ = spawned;
            Ok(())
        }
        #[cfg(not(all(unix, not(target_os = "macos"))))]
        {
            let _ = screen;
            self.show(title, body)
        }
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notifications_carry_the_identifier_the_installer_gives_the_shortcut() {
        let config: serde_json::Value =
            serde_json::from_str(include_str!("../../../tauri.conf.json")).expect("tauri.conf.json is JSON");
        assert_eq!(config["identifier"], APP_ID);
    }
}
