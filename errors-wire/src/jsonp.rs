//! JSONP: a JSON error body wrapped in a call of the client's callback, `NAME(...);`, as
//! Subsonic servers send it for `f=jsonp&callback=NAME` (navidrome, gonic, Airsonic, ...)
//! and Last.fm-compatible ones for `format=json&callback=NAME` (GNU FM).
//!
//! The callback comes from the request, so it is checked before it is written: only a
//! JavaScript identifier path (`cb`, `jQuery3510_1700`, `app.on_error$1`) is one, as
//! navidrome checks it (`server/subsonic/api.go`). Anything else is refused without being
//! echoed, since echoing request text into a script is how JSONP endpoints get attacked.

use std::fmt;

/// The longest callback accepted, in bytes; generated ones (jQuery's `jQuery` + 20 digits
/// + `_` + a timestamp) are far shorter.
pub const MAX_CALLBACK_LEN: usize = 256;

/// A JSONP callback: ASCII identifiers joined by `.`, each of letters, digits, `_` and `$`
/// and not starting with a digit, at most [`MAX_CALLBACK_LEN`] bytes. The first is not one
/// of JavaScript's reserved words ([`RESERVED_WORDS`]): `function(...)` is no call. Property
/// names after a `.` may be (`app.delete`), as in JavaScript.
///
/// ```
/// use errors_wire::jsonp::Callback;
///
/// assert_eq!(Callback::new("a.b_c$1").map(Callback::as_str), Ok("a.b_c$1"));
/// assert!(Callback::new("alert(1);x").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Callback<'a>(&'a str);

impl<'a> Callback<'a> {
    /// Checks `name`; an error never holds the refused text.
    pub fn new(name: &'a str) -> Result<Self, InvalidCallback> {
        let first = name.split('.').next().unwrap_or_default();
        let valid = name.len() <= MAX_CALLBACK_LEN
            && !RESERVED_WORDS.contains(&first)
            && name.split('.').all(|identifier| {
                let mut bytes = identifier.bytes();
                bytes
                    .next()
                    .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_' || b == b'$')
                    && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$')
            });
        if valid {
            Ok(Callback(name))
        } else {
            Err(InvalidCallback)
        }
    }

    /// The callback's name.
    pub const fn as_str(self) -> &'a str {
        self.0
    }
}

/// The words a JavaScript identifier cannot be: ECMAScript 2024's reserved words (section
/// 12.7.2), the literals `null`, `true` and `false`, and the words strict-mode code reserves
/// as well (`let`, `static`, `implements`, ...), since a page's scripts may be strict.
pub const RESERVED_WORDS: &[&str] = &[
    "await",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "implements",
    "import",
    "in",
    "instanceof",
    "interface",
    "let",
    "new",
    "null",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "static",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "var",
    "void",
    "while",
    "with",
    "yield",
];

/// A callback that is not a JavaScript identifier path. It does not carry the refused text,
/// so an error message built from it cannot echo what a request sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct InvalidCallback;

impl fmt::Display for InvalidCallback {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a JSONP callback must be a JavaScript identifier path of at most \
             {MAX_CALLBACK_LEN} bytes: ASCII letters, digits, `_` and `$`, not starting with a \
             digit, joined by `.`, and not starting with a reserved word such as `function` \
             (e.g. `cb`, `app.on_error$1`)"
        )
    }
}

impl std::error::Error for InvalidCallback {}

/// The `Content-Type` of a JSONP body.
pub const CONTENT_TYPE: &str = "application/javascript";

/// Appends `callback(`, the start of a JSONP body.
pub(crate) fn open(out: &mut Vec<u8>, callback: Callback<'_>) {
    out.extend_from_slice(callback.as_str().as_bytes());
    out.push(b'(');
}

/// Appends `);`, the end of a JSONP body.
pub(crate) fn close(out: &mut Vec<u8>) {
    out.extend_from_slice(b");");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifier_paths_are_callbacks() {
        for name in [
            "cb",
            "a.b_c$1",
            "$",
            "_",
            "jQuery3510_1700000000000",
            "window.app.cb",
            "app.delete",
            "functions",
        ] {
            assert_eq!(Callback::new(name).map(Callback::as_str), Ok(name));
        }
        assert!(Callback::new(&"a".repeat(MAX_CALLBACK_LEN)).is_ok());
    }

    #[test]
    fn anything_else_is_refused() {
        for name in [
            "",
            "1cb",
            "a.",
            ".a",
            "a..b",
            "a b",
            "a(1)",
            "alert(1);cb",
            "cb;",
            "a-b",
            "a[0]",
            "café",
            "a\u{2028}b",
            "</script>",
            "function",
            "new.target",
            "this.cb",
            "null",
        ] {
            assert_eq!(Callback::new(name), Err(InvalidCallback), "{name:?}");
        }
        assert!(Callback::new(&"a".repeat(MAX_CALLBACK_LEN + 1)).is_err());
    }

    #[test]
    fn the_refusal_does_not_echo() {
        let refused = "evil<script>";
        let said = Callback::new(refused)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(!said.is_empty() && !said.contains("evil"), "{said}");
    }
}
