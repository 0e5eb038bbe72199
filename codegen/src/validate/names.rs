//! Names a spec gives that the generated code or the file system takes: a code's variant
//! name must not be one the generated enum already uses, and an id that names a file or
//! folder must be a plain file name.

/// Variant names the generated `ErrorCode` cannot take, and why. A variant lives in the
/// enum's own namespace, so it meets nothing but the enum's associated items: catalogs with
/// each name the generated code and errors-core use (`Error`, `Err`, `Ok`, `Some`, `Option`,
/// `API`, `CODES`, `VARIANTS`, `ErrorCode`, `Display`, `BY_NAME`, ...) all build under
/// `#![deny(warnings)]`. `ALL` builds too, but then `ErrorCode::ALL` names the variant, and
/// the catalog's documented list of codes is out of reach by that path in every crate that
/// uses it.
const TAKEN: [(&str, &str); 1] = [(
    "ALL",
    "it is the name of the catalog's list of codes, `ErrorCode::ALL`, which a variant of \
     that name would hide",
)];

/// Why `name` cannot be a code's variant name, when the generated code uses it already.
pub(super) fn taken(name: &str) -> Option<&'static str> {
    TAKEN
        .iter()
        .find(|(taken, _)| *taken == name)
        .map(|(_, why)| *why)
}

/// The longest id or version id, in characters: both become parts of file names.
pub(super) const MAX_FILE_NAME: usize = 64;

/// Why `name` cannot be part of a file name, if it cannot: it must be 1 to
/// [`MAX_FILE_NAME`] ASCII letters, digits, `.`, `_` and `-`, start with a letter or digit,
/// hold no `..`, not end with `.`, and not be a Windows device name. This keeps it one path
/// component, and the same one, on every system (no `/`, `\`, drive, control character,
/// way up, or device), whatever folder it is joined to.
pub(super) fn file_name_problem(name: &str) -> Option<String> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-');
    if name.is_empty() {
        return Some("it is empty".to_owned());
    }
    if name.chars().count() > MAX_FILE_NAME {
        return Some(format!("it is longer than {MAX_FILE_NAME} characters"));
    }
    if !name.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Some("it must start with an ASCII letter or digit".to_owned());
    }
    if !name.chars().all(allowed) {
        return Some("it may hold only ASCII letters, digits, `.`, `_` and `-`".to_owned());
    }
    if name.contains("..") {
        return Some("it holds `..`".to_owned());
    }
    // Windows drops a final dot from a file name: `1.` and `1` would be one file.
    if name.ends_with('.') {
        return Some("it ends with `.`".to_owned());
    }
    if is_windows_device(name) {
        return Some(
            "it is a device name on Windows (`CON`, `NUL`, `COM1`, ...), with or without \
             an extension"
                .to_owned(),
        );
    }
    None
}

/// Names Windows keeps for devices whatever the case or extension (`nul`, `Con.txt`),
/// per Microsoft's "Naming Files, Paths, and Namespaces".
fn is_windows_device(name: &str) -> bool {
    let stem = name
        .split('.')
        .next()
        .unwrap_or_default()
        .to_ascii_uppercase();
    match stem.as_bytes() {
        b"CON" | b"PRN" | b"AUX" | b"NUL" => true,
        [b'C', b'O', b'M', n] | [b'L', b'P', b'T', n] => n.is_ascii_digit() && *n != b'0',
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_ids_in_use_are_file_names() {
        for id in [
            "3",
            "6",
            "8",
            "1.16.1",
            "2.0",
            "opensubsonic",
            "v2-beta_1",
            "com0",
            "console",
            "lpt10",
        ] {
            assert_eq!(file_name_problem(id), None, "{id}");
        }
    }

    #[test]
    fn paths_and_odd_names_are_not() {
        for id in [
            "",
            ".",
            "..",
            "/../../x",
            "/etc",
            "a/b",
            "a\\b",
            "C:",
            "..x",
            "x..y",
            "-x",
            ".hidden",
            "tab\there",
            "new\nline",
            "é",
            "1.",
            "con",
            "NUL.json",
            "Com1",
            "lpt9.x",
            &"x".repeat(MAX_FILE_NAME + 1),
        ] {
            assert!(file_name_problem(id).is_some(), "{id:?}");
        }
    }

    #[test]
    fn only_all_is_taken() {
        assert!(taken("ALL").is_some());
        for name in [
            "Err",
            "Error",
            "Ok",
            "Some",
            "None",
            "API",
            "ErrorCode",
            "All",
        ] {
            assert_eq!(taken(name), None, "{name}");
        }
    }
}
