//! How the tray icon looks and answers on each system. The menu itself is
//! the same everywhere (`crate::tray`).
//!
//! - macOS: the icon sits in the menu bar, where icons are templates: one
//!   colour with transparency, which macOS draws black or white to suit
//!   the bar and the wallpaper. A click opens the menu, as every menu-bar
//!   item does.
//! - Windows: the notification area shows the colour icon; a left click
//!   opens the window, a right click the menu, as Windows people expect.
//! - Linux: AppIndicator reports no clicks at all, so the menu is
//!   everything; the colour icon suits the panels of the common desktops.

use tauri::image::Image;

/// The menu-bar template: black rings on transparency (44 px, for the
/// 22-point bar at 2x).
pub fn template_icon() -> Image<'static> {
    tauri::include_image!("src-tauri/icons/tray-template.png")
}

/// The tray's behaviour on this system.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrayStyle {
    /// Use [`template_icon`] (tinted by the system) instead of the app's
    /// colour icon.
    pub template_icon: bool,
    /// A left click opens the menu; otherwise it shows the window.
    pub menu_on_left_click: bool,
}

pub const STYLE: TrayStyle = TrayStyle { template_icon: cfg!(target_os = "macos"), menu_on_left_click: !cfg!(windows) };

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_is_one_colour_on_transparency_and_draws_something() {
        let icon = template_icon();
        assert_eq!((icon.width(), icon.height()), (44, 44));
        let pixels: Vec<&[u8]> = icon.rgba().chunks(4).collect();
        assert!(pixels.iter().all(|p| p[0] == 0 && p[1] == 0 && p[2] == 0), "black only: macOS tints it");
        let drawn = pixels.iter().filter(|p| p[3] > 128).count();
        let clear = pixels.iter().filter(|p| p[3] == 0).count();
        assert!(drawn > 200 && clear > 600, "rings on a clear ground ({drawn} drawn, {clear} clear)");
    }

    #[test]
    fn each_system_gets_its_own_tray_manners() {
        if cfg!(target_os = "macos") {
            assert_eq!(STYLE, TrayStyle { template_icon: true, menu_on_left_click: true });
        } else if cfg!(windows) {
            assert_eq!(STYLE, TrayStyle { template_icon: false, menu_on_left_click: false });
        } else {
            assert_eq!(STYLE, TrayStyle { template_icon: false, menu_on_left_click: true });
        }
    }
}
