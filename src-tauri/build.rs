fn main() {
    // The config lives at the repository root (the design fixes it there),
    // so point tauri-build at the capabilities under src-tauri/.
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*");
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri build script failed: {error:#}");
    }
}
