//! Values as messages show them (a spec's, or a user's on a command line): on one line, and
//! never longer than [`LIMIT`] characters, however long the value is.

/// The most characters of a value a message shows; a longer value is cut and ends in `…`.
pub(crate) const LIMIT: usize = 60;

/// `value` in backticks, as [`excerpt`] shows it: ``` `Not\u{1b}[2JFound` ```.
pub fn quote(value: &str) -> String {
    format!("`{}`", excerpt(value))
}

/// `value` for a message: control, bidirectional and line-separator characters written as
/// escapes (`\n`, `\u{202e}`), so the value can neither break the message's line nor reorder
/// it; cut at a character boundary to at most 60 characters, `…` included.
pub fn excerpt(value: &str) -> String {
    let mut out = String::new();
    let mut shown = 0;
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        let piece = escaped(c);
        let width = piece.chars().count();
        // The ellipsis takes one character, unless this is the value's last one.
        let room = if chars.peek().is_some() {
            LIMIT - 1
        } else {
            LIMIT
        };
        if shown + width > room {
            out.push('…');
            return out;
        }
        out.push_str(&piece);
        shown += width;
    }
    out
}

/// `value` with its characters escaped as [`excerpt`] escapes them, but whole: for text
/// that must be shown entire, such as the path of a file written.
pub fn escape(value: &str) -> String {
    value.chars().map(escaped).collect()
}

/// `c` as a message shows it.
fn escaped(c: char) -> String {
    match c {
        '\n' => "\\n".to_owned(),
        '\r' => "\\r".to_owned(),
        '\t' => "\\t".to_owned(),
        c if c.is_control()
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') =>
        {
            c.escape_unicode().to_string()
        }
        c => c.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_values_are_shown_whole() {
        assert_eq!(quote("NotFound"), "`NotFound`");
        assert_eq!(quote(""), "``");
        let exactly = "x".repeat(LIMIT);
        assert_eq!(excerpt(&exactly), exactly);
    }

    #[test]
    fn long_values_are_cut_with_an_ellipsis_at_a_character_boundary() {
        for unit in ["x", "é", "見", "🎉"] {
            let long = unit.repeat(LIMIT * 10);
            let shown = excerpt(&long);
            assert_eq!(shown.chars().count(), LIMIT, "{unit}");
            assert!(shown.ends_with('…'));
            assert!(long.starts_with(shown.trim_end_matches('…')));
        }
        let one_over = "x".repeat(LIMIT + 1);
        assert_eq!(excerpt(&one_over).chars().count(), LIMIT);
    }

    #[test]
    fn line_breaks_and_controls_are_escaped() {
        assert_eq!(
            excerpt("a\nb\r\tc\u{1b}[31m\u{202e}"),
            "a\\nb\\r\\tc\\u{1b}[31m\\u{202e}"
        );
        // An escape is never cut in half.
        let value = format!("{}\u{1b}", "x".repeat(LIMIT - 3));
        let shown = excerpt(&value);
        assert_eq!(shown, format!("{}…", "x".repeat(LIMIT - 3)));
    }
}
