//! Saving a file the person asked for (a picture of the map, later exports)
//! into a folder of theirs, without ever overwriting something already
//! there.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{CoreError, CoreResult};

/// The largest file the UI may hand over: a high-resolution PNG of a very
/// full map stays well under this.
pub const EXPORT_MAX_BYTES: usize = 25 * 1024 * 1024;

const EXTENSIONS: &[&str] = &["svg", "png", "json", "md", "csv", "graphml", "ics"];

/// Writes `bytes` to `dir/file_name`, or to `name-2.ext`, `name-3.ext`, …
/// when that name is taken. The name must be a plain file name of letters,
/// digits, dashes, underscores and dots with a known extension, so nothing
/// can be written outside `dir` or disguised as a program.
pub fn save_new_file(dir: &Path, file_name: &str, bytes: &[u8]) -> CoreResult<PathBuf> {
    let (stem, extension) = file_name
        .rsplit_once('.')
        .filter(|(stem, ext)| {
            !stem.is_empty()
                && stem.len() <= 80
                && stem.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                && !stem.starts_with('.')
                && EXTENSIONS.contains(ext)
        })
        .ok_or_else(|| CoreError::validation("fileName", "That file name can't be used. Please try again."))?;
    if bytes.is_empty() {
        return Err(CoreError::validation("contents", "There was nothing to save."));
    }
    if bytes.len() > EXPORT_MAX_BYTES {
        return Err(CoreError::validation("contents", "That file is too large to save."));
    }
    std::fs::create_dir_all(dir)?;
    for n in 1..1000 {
        let name = if n == 1 { format!("{stem}.{extension}") } else { format!("{stem}-{n}.{extension}") };
        let path = dir.join(name);
        // create_new refuses to open an existing file, so two saves at the
        // same moment can never overwrite each other.
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                file.write_all(bytes)?;
                file.sync_all()?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(CoreError::Conflict("There are already many files with that name in the folder.".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_and_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let first = save_new_file(dir.path(), "kindred-map-2026-11-25.svg", b"<svg/>").unwrap();
        let second = save_new_file(dir.path(), "kindred-map-2026-11-25.svg", b"<svg>2</svg>").unwrap();
        assert_eq!(first.file_name().unwrap(), "kindred-map-2026-11-25.svg");
        assert_eq!(second.file_name().unwrap(), "kindred-map-2026-11-25-2.svg");
        assert_eq!(std::fs::read(&first).unwrap(), b"<svg/>");
    }

    #[test]
    fn refuses_names_that_leave_the_folder_or_hide_programs() {
        let dir = tempfile::tempdir().unwrap();
        for bad in
            ["../evil.svg", "/etc/passwd.svg", "a/b.svg", ".hidden.svg", "map.exe", "map", "", "ma p.svg", "map.svg\0"]
        {
            assert!(
                matches!(save_new_file(dir.path(), bad, b"x"), Err(CoreError::Validation { field: "fileName", .. })),
                "{bad:?}"
            );
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn refuses_empty_and_huge_contents() {
        let dir = tempfile::tempdir().unwrap();
        assert!(save_new_file(dir.path(), "a.png", b"").is_err());
        assert!(save_new_file(dir.path(), "a.png", &vec![0; EXPORT_MAX_BYTES + 1]).is_err());
    }
}
