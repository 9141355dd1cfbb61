// Keep Windows from opening a console window beside the app in release.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    kindred_app::run();
}
