//! Writing generated files only when their content changes, so timestamps (and the builds
//! that watch them) move only when something really changed.

use std::io;
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
pub fn write_if_changed(path: &Path, content: &[u8]) -> io::Result<Written> {
    if std::fs::read(path).is_ok_and(|existing| existing == content) {
        return Ok(Written::Unchanged);
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, content)?;
    Ok(Written::Changed)
}
