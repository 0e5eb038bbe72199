//! Writing generated files only when their content changes, so timestamps (and the builds
//! that watch them) move only when something really changed.

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::Path;

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
///
/// The temporary file is created exclusively under a random hidden name
/// (`.<name>.XXXXXX.tmp`), so an existing file is never taken for it, and it is removed
/// when the write or the rename fails.
fn replace(path: &Path, content: &[u8]) -> io::Result<()> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} names no file", path.display()),
        )
    })?;
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut prefix = OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    let mut temporary = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .tempfile_in(folder)?;
    // Through the file itself: the temporary file's own writer names its random path in
    // every error.
    temporary.as_file_mut().write_all(content)?;
    temporary.persist(path).map_err(|error| error.error)?;
    Ok(())
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
