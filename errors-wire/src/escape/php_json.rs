//! PHP `json_encode` string escaping with its default flags: `/` as `\/`, every non-ASCII
//! character as `\uXXXX` (lowercase hex, UTF-16 surrogate pairs above U+FFFF), control
//! characters as `\u00XX` except the short forms `\b \f \n \r \t`.

use super::{write_ascii_escape, write_u_escape};
use crate::scan;

/// Appends `text` as a quoted JSON string, escaped as PHP's `json_encode` escapes it.
pub(crate) fn write_string(out: &mut Vec<u8>, text: &str) {
    out.push(b'"');
    let bytes = text.as_bytes();
    let mut plain = 0;
    loop {
        let rest = bytes.get(plain..).unwrap_or_default();
        let at = plain
            + scan::first(rest, |w| {
                scan::eq(w, b'"')
                    | scan::eq(w, b'\\')
                    | scan::eq(w, b'/')
                    | scan::below(w, 0x20)
                    | scan::non_ascii(w)
            });
        out.extend_from_slice(bytes.get(plain..at).unwrap_or_default());
        let Some(&b) = bytes.get(at) else { break };
        if b.is_ascii() {
            write_ascii_escape(out, b);
            plain = at + 1;
            continue;
        }
        // `at` is a character boundary: scanning only ever stops on ASCII bytes or lead
        // bytes, and resumes after whole characters.
        let ch = text
            .get(at..)
            .and_then(|rest| rest.chars().next())
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        let mut units = [0u16; 2];
        for &unit in ch.encode_utf16(&mut units).iter() {
            write_u_escape(out, unit);
        }
        plain = at + ch.len_utf8();
    }
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    fn escaped(text: &str) -> String {
        let mut out = Vec::new();
        super::write_string(&mut out, text);
        String::from_utf8(out).expect("escaping keeps UTF-8")
    }

    #[test]
    fn matches_php_json_encode() {
        // Expected values are what PHP 8.2 `json_encode` prints for the same strings.
        assert_eq!(escaped("a/b"), r#""a\/b""#);
        assert_eq!(escaped("café"), r#""caf\u00e9""#);
        assert_eq!(escaped("😀"), r#""\ud83d\ude00""#);
        assert_eq!(
            escaped("\u{8}\u{c}\n\r\t\u{1}\u{1f}"),
            r#""\b\f\n\r\t\u0001\u001f""#
        );
        assert_eq!(escaped("\"\\\u{7f}"), "\"\\\"\\\\\u{7f}\"");
        assert_eq!(escaped("\u{fffe}"), r#""\ufffe""#);
    }
}
