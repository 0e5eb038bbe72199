//! Writing generated files only when their content changes, so timestamps (and the builds
//! that watch them) move only when something really changed.

use std::ffi::OsString;
use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Whether a write happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// The file was created or its content replaced.
    Changed,
    /// The file already had exactly this content.
    Unchanged,
}

/// Write `content` to `path` unless it already holds exactly that; creates parent folders.
///
/// The new content goes to a temporary file beside `path` that then takes its place, so a
/// reader sees the old file or the new one, never half of one, and a symbolic link at `path`
/// is replaced rather than followed.
///
/// # Errors
/// Any error creating the folders, writing the temporary file or renaming it over `path`
/// (an old file that cannot be read is simply replaced).
pub fn write_if_changed(path: &Path, content: &[u8]) -> io::Result<Written> {
    if std::fs::read(path).is_ok_and(|existing| existing == content) {
        return Ok(Written::Unchanged);
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    replace(path, content)?;
    Ok(Written::Changed)
}

/// Writes `content` to a new temporary file beside `path`, then renames it over `path`.
fn replace(path: &Path, content: &[u8]) -> io::Result<()> {
    let temporary = temporary_beside(path)?;
    let written = create_new(&temporary, content).and_then(|()| std::fs::rename(&temporary, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

/// `.<name>.<pid>.tmp` in the folder of `path`: hidden, and unique to this process.
fn temporary_beside(path: &Path) -> io::Result<PathBuf> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} names no file", path.display()),
        )
    })?;
    let mut temporary = OsString::from(".");
    temporary.push(name);
    temporary.push(format!(".{}.tmp", std::process::id()));
    Ok(path.with_file_name(temporary))
}

/// Creates `path`, which must not exist (a leftover of a crashed run of a process with the
/// same id is removed first), and writes `content` to it.
fn create_new(path: &Path, content: &[u8]) -> io::Result<()> {
    let open = || OpenOptions::new().write(true).create_new(true).open(path);
    let mut file = match open() {
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
            std::fs::remove_file(path)?;
            open()?
        }
        other => other?,
    };
    file.write_all(content)?;
    file.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_creates_folders_and_leaves_no_temporary_file() {
        let dir = std::env::temp_dir().join(format!("errors-codegen-write-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let file = dir.join("a/b/c.txt");
        assert_eq!(write_if_changed(&file, b"one").ok(), Some(Written::Changed));
        assert_eq!(
            write_if_changed(&file, b"one").ok(),
            Some(Written::Unchanged)
        );
        assert_eq!(write_if_changed(&file, b"two").ok(), Some(Written::Changed));
        assert_eq!(std::fs::read(&file).ok(), Some(b"two".to_vec()));
        let names: Vec<_> = std::fs::read_dir(dir.join("a/b"))
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.file_name())
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(names, vec![OsString::from("c.txt")]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_replaced_not_followed() {
        let dir = std::env::temp_dir().join(format!("errors-codegen-link-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let target = dir.join("target.txt");
        std::fs::write(&target, b"keep").expect("writable");
        let link = dir.join("link.txt");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        assert_eq!(write_if_changed(&link, b"new").ok(), Some(Written::Changed));
        assert_eq!(std::fs::read(&target).ok(), Some(b"keep".to_vec()));
        assert!(!std::fs::symlink_metadata(&link).is_ok_and(|m| m.is_symlink()));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
