//! Where Kindred keeps its data, and keeping that folder private.
//!
//! The folder is the OS's local app-data folder, which Tauri resolves per
//! platform (Linux `~/.local/share/<id>`, macOS `~/Library/Application
//! Support/<id>`, Windows `%LOCALAPPDATA%\<id>`), or `KINDRED_DATA_DIR` when
//! set, which tests and the benchmark harness use to stay out of real data.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager, Runtime};

pub const DATA_DIR_ENV: &str = "KINDRED_DATA_DIR";

pub fn resolve<R: Runtime>(app: &AppHandle<R>) -> Result<PathBuf, String> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    app.path().app_local_data_dir().map_err(|e| format!("the system did not say where app data belongs ({e})"))
}

pub const EXPORT_DIR_ENV: &str = "KINDRED_EXPORT_DIR";

/// Where saved files (map pictures, exports) go: the Downloads folder, or
/// the home folder when the system has none; `KINDRED_EXPORT_DIR` for tests.
pub fn export_folder<R: Runtime>(app: &AppHandle<R>) -> Result<PathBuf, String> {
    if let Some(dir) = std::env::var_os(EXPORT_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    app.path().download_dir().or_else(|_| app.path().home_dir()).map_err(|e| e.to_string())
}

/// Creates the folder if needed and makes it readable by this user only:
/// it holds some of the most private things a person writes.
pub fn prepare(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    restrict_to_owner(dir)
}

// Unix home folders are often readable by other accounts, and files are
// created world-readable under the usual umask, so the folder itself is
// closed to everyone but its owner.
#[cfg(unix)]
fn restrict_to_owner(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
}

// On Windows, %LOCALAPPDATA% already inherits an ACL that admits only the
// user (and administrators and SYSTEM); there is nothing to tighten.
#[cfg(not(unix))]
fn restrict_to_owner(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prepare_creates_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("nested").join("kindred");
        prepare(&data).unwrap();
        assert!(data.is_dir());
    }

    #[cfg(unix)]
    #[test]
    fn on_unix_only_the_owner_can_enter_the_folder() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("kindred");
        std::fs::create_dir(&data).unwrap();
        std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
        prepare(&data).unwrap();
        let mode = std::fs::metadata(&data).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }
}
