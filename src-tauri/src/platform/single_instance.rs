//! One Kindred at a time. A second launch hands its arguments to the one
//! already running and exits, so two schedulers never share one database.
//! The official plugin carries the handover on each system (a D-Bus name on
//! Linux, a named mutex and a window message on Windows, a socket on macOS);
//! what the running Kindred does with it is decided here.
//!
//! Launches that arrive this way: the person starting Kindred again (from
//! the Start menu, the Dock, a launcher), Windows starting the program of a
//! toast that was clicked (Windows reports no click to Kindred itself, see
//! `notifications`), and a start at login while Kindred already runs (the
//! login entry carries `--hidden`, and must not pop the window up).

use tauri::{AppHandle, Runtime};

use super::autostart::HIDDEN_ARG;

/// What the running Kindred does when another launch hands over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handover {
    /// Show and focus the window: the person asked for Kindred.
    ShowWindow,
    /// Stay as it is: a start at login found Kindred already running.
    StayAsItIs,
}

/// What a launch with `args` (the program's name first) asks for.
pub fn handover(args: &[String]) -> Handover {
    if args.iter().skip(1).any(|arg| arg == HIDDEN_ARG) {
        Handover::StayAsItIs
    } else {
        Handover::ShowWindow
    }
}

/// The plugin, registered first by the real app so a second launch hands
/// over before anything else starts.
pub fn plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_single_instance::init(|app: &AppHandle<R>, args, _cwd| {
        if handover(&args) == Handover::ShowWindow {
            crate::tray::show_main(app);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_second_launch_by_the_person_shows_the_window() {
        assert_eq!(handover(&args(&["kindred"])), Handover::ShowWindow);
        assert_eq!(
            handover(&args(&[r"C:\Users\Zoë Núñez\AppData\Local\Programs\Kindred\kindred.exe"])),
            Handover::ShowWindow
        );
    }

    #[test]
    fn a_start_at_login_while_kindred_runs_leaves_it_as_it_is() {
        assert_eq!(handover(&args(&["kindred", HIDDEN_ARG])), Handover::StayAsItIs);
    }

    #[test]
    fn only_the_arguments_count_not_a_program_path_that_looks_like_one() {
        assert_eq!(handover(&args(&[HIDDEN_ARG])), Handover::ShowWindow);
        assert_eq!(handover(&args(&[])), Handover::ShowWindow);
    }
}
