//! A bare Tauri window from the same workspace and build settings as Kindred,
//! loading a near-empty page: the baseline for the start-up and memory
//! benchmarks (scripts/bench-app.py). It prints the same readiness line.

use std::time::{SystemTime, UNIX_EPOCH};

#[tauri::command]
fn app_ready() {
    let millis = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
    println!("KINDRED_READY unix_ms={millis}");
}

fn main() {
    let mut context = tauri::generate_context!();
    // Kindred's own window comes from the config; the baseline opens a
    // window of the same size on a bare page instead.
    context.config_mut().app.windows.clear();
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![app_ready])
        .setup(|app| {
            tauri::WebviewWindowBuilder::new(app, "main", tauri::WebviewUrl::App("bare.html".into()))
                .title("Bare window")
                .inner_size(1200.0, 800.0)
                .build()?;
            Ok(())
        })
        .run(context)
        .expect("the bare window should start");
}
