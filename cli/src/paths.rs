//! Paths as the user sees them: relative to the folder the command runs in.

use std::path::{Component, Path, PathBuf};

/// `path` (relative to the working folder, or absolute) as printed: without `.` components,
/// and relative to the working folder when it lies inside it; `.` for the folder itself.
/// Control and bidirectional characters are escaped ([`errors_codegen::escape`]), so a file
/// name can neither break a line nor reorder it; the path is never cut.
pub fn shown(path: &Path) -> String {
    errors_codegen::escape(&relative(path).to_string_lossy())
}

/// A path the user gave, as a message quotes it: as [`shown`], cut to a bounded length
/// with `…` ([`errors_codegen::excerpt`]).
pub fn quoted(path: &Path) -> String {
    errors_codegen::excerpt(&relative(path).to_string_lossy())
}

/// `path` relative to the working folder when it lies inside it, without `.` components.
fn relative(path: &Path) -> PathBuf {
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
pub fn shown_in(folder: &Path, relative: &Path) -> String {
    shown(&folder.join(relative))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_shown_from_the_working_folder() {
        assert_eq!(
            shown_in(Path::new("gen"), Path::new("docs/shop.md")),
            "gen/docs/shop.md"
        );
        assert_eq!(
            shown_in(Path::new("."), Path::new("docs/shop.md")),
            "docs/shop.md"
        );
        assert_eq!(shown(Path::new("./.")), ".");
        let cwd = std::env::current_dir().expect("a working folder");
        assert_eq!(shown(&cwd.join("x/y")), "x/y");
        assert_eq!(shown(Path::new("/nowhere/x")), "/nowhere/x");
    }

    #[test]
    fn controls_are_escaped_and_given_paths_cut() {
        let name = Path::new("a\u{1b}[2Jb/\u{202e}c.yaml");
        assert_eq!(shown(name), "a\\u{1b}[2Jb/\\u{202e}c.yaml");
        let long = "x".repeat(1000);
        assert_eq!(shown(Path::new(&long)), long);
        let quoted = quoted(Path::new(&long));
        assert!(
            quoted.chars().count() <= 60 && quoted.ends_with('…'),
            "{quoted}"
        );
    }
}
