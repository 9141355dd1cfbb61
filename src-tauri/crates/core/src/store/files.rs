//! Moving and deleting the database's files under every system's rules.
//!
//! On Linux and macOS a file can be renamed or deleted while a program has
//! it open. On Windows it cannot: SQLite, like most programs, opens files
//! without sharing the right to delete them, so a rename or delete fails
//! while any connection holds the file. Kindred closes its own connection
//! before it moves its database; what remains is another program holding
//! it, often only for a moment (a virus scanner or a backup or sync tool
//! reading the new file). So a refusal for that reason is tried again for
//! about half a second, then reported in plain words with nothing changed.

use std::io;
use std::path::Path;
use std::time::Duration;

use crate::error::{CoreError, CoreResult};

/// The pauses between tries while another program holds a file: about
/// 0.6 s in all, long enough for a scanner's look, short enough that a
/// person waiting on the button barely notices.
const RETRY_PAUSES_MS: [u64; 6] = [10, 20, 40, 80, 160, 320];

/// What the person is told when Windows keeps refusing. Its refusal for a
/// file in use and for a folder that doesn't allow the change can be the
/// same code, so the words name both.
pub const IN_USE: &str = "Kindred couldn't move its data file: another program may be using it right now \
                          (a backup, sync or virus-scanning tool, perhaps), or the folder may not allow it. \
                          Nothing was changed. Please try again in a moment.";

/// Whether `error` means another program has the file open: Windows'
/// sharing and lock violations, and the access refusal it gives for a file
/// that is open or about to be deleted. No other system refuses for that.
pub fn held_by_another_program(error: &io::Error) -> bool {
    if cfg!(windows) {
        // ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION.
        matches!(error.raw_os_error(), Some(5 | 32 | 33))
    } else {
        false
    }
}

/// Runs `op` until it succeeds, fails for a reason other than another
/// program holding the file, or the pauses run out.
fn with_retries(mut op: impl FnMut() -> io::Result<()>) -> CoreResult<()> {
    let mut pauses = RETRY_PAUSES_MS.iter();
    loop {
        match op() {
            Ok(()) => return Ok(()),
            Err(error) if held_by_another_program(&error) => match pauses.next() {
                Some(ms) => std::thread::sleep(Duration::from_millis(*ms)),
                None => return Err(CoreError::Conflict(IN_USE.to_owned())),
            },
            Err(error) => return Err(error.into()),
        }
    }
}

/// Renames `from` to `to`, replacing `to` if it exists.
pub(crate) fn rename(from: &Path, to: &Path) -> CoreResult<()> {
    with_retries(|| std::fs::rename(from, to))
}

/// Deletes the file at `path`; a file that isn't there is no error.
pub(crate) fn remove_file(path: &Path) -> CoreResult<()> {
    with_retries(|| match std::fs::remove_file(path) {
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    })
}

/// Deletes the folder at `path` with everything in it; a folder that isn't
/// there is no error.
pub(crate) fn remove_dir_all(path: &Path) -> CoreResult<()> {
    with_retries(|| match std::fs::remove_dir_all(path) {
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs::File;

    /// Opens `path` as SQLite and most Windows programs do: others may
    /// read and write it, but not rename or delete it while it is open.
    fn hold(path: &Path) -> File {
        #[cfg(windows)]
        {
            use std::os::windows::fs::OpenOptionsExt;
            const FILE_SHARE_READ: u32 = 1;
            const FILE_SHARE_WRITE: u32 = 2;
            std::fs::OpenOptions::new().read(true).share_mode(FILE_SHARE_READ | FILE_SHARE_WRITE).open(path).unwrap()
        }
        #[cfg(not(windows))]
        File::open(path).unwrap()
    }

    /// A data file in a new folder, held open by another program; and
    /// where a move would take it.
    fn a_held_file() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf, File) {
        let dir = tempfile::tempdir().unwrap();
        let from = dir.path().join("kindred.sqlite3");
        std::fs::write(&from, b"data").unwrap();
        let held = hold(&from);
        let to = dir.path().join("moved.sqlite3");
        (dir, from, to, held)
    }

    #[test]
    fn a_file_held_open_by_another_program_is_refused_in_plain_words_on_windows_only() {
        let (_dir, from, to, held) = a_held_file();
        let moved = rename(&from, &to);
        let deleted = remove_file(&from);
        if cfg!(windows) {
            for result in [moved, deleted] {
                assert!(matches!(&result, Err(CoreError::Conflict(m)) if m == IN_USE), "{result:?}");
            }
            assert_eq!(std::fs::read(&from).unwrap(), b"data", "the file is where it was");
            assert!(!to.exists());
        } else {
            moved.unwrap();
            assert!(to.exists() && !from.exists(), "Unix lets an open file move");
            deleted.unwrap();
        }
        drop(held);
    }

    #[test]
    fn a_file_let_go_of_within_the_pauses_is_moved_after_all() {
        let (_dir, from, to, held) = a_held_file();
        // A scanner that looks for a moment, then lets go.
        let letting_go = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(60));
            drop(held);
        });
        rename(&from, &to).unwrap();
        letting_go.join().unwrap();
        assert_eq!(std::fs::read(&to).unwrap(), b"data");
        assert!(!from.exists());
    }

    #[test]
    fn files_and_folders_that_are_not_there_are_no_error() {
        let dir = tempfile::tempdir().unwrap();
        remove_file(&dir.path().join("gone")).unwrap();
        remove_dir_all(&dir.path().join("gone too")).unwrap();
        let missing = rename(&dir.path().join("nothing"), &dir.path().join("else"));
        assert!(matches!(missing, Err(CoreError::Io(e)) if e.kind() == io::ErrorKind::NotFound));
    }
}
