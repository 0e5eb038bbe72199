//! Paths as the user sees them: relative to the folder the command runs in.

use std::path::{Component, Path, PathBuf};

/// `path` (relative to the working folder, or absolute) as printed: without `.` components,
/// and relative to the working folder when it lies inside it; `.` for the folder itself.
pub fn shown(path: &Path) -> PathBuf {
    let inside = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf));
    let path = inside.as_deref().unwrap_or(path);
    let shown: PathBuf = path
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect();
    if shown.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        shown
    }
}

/// `relative` (a path inside `folder`) as printed: `gen/docs/shop.md` for `docs/shop.md`
/// in `--out gen`.
pub fn shown_in(folder: &Path, relative: &Path) -> PathBuf {
    shown(&folder.join(relative))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_shown_from_the_working_folder() {
        assert_eq!(
            shown_in(Path::new("gen"), Path::new("docs/shop.md")),
            PathBuf::from("gen/docs/shop.md")
        );
        assert_eq!(
            shown_in(Path::new("."), Path::new("docs/shop.md")),
            PathBuf::from("docs/shop.md")
        );
        assert_eq!(shown(Path::new("./.")), PathBuf::from("."));
        let cwd = std::env::current_dir().expect("a working folder");
        assert_eq!(shown(&cwd.join("x/y")), PathBuf::from("x/y"));
        assert_eq!(shown(Path::new("/nowhere/x")), PathBuf::from("/nowhere/x"));
    }
}
