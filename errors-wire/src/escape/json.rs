//! Standard JSON string escaping (RFC 8259), as non-PHP servers write it: only `"`, `\` and
//! control characters are escaped; everything else stays raw UTF-8.

use super::write_ascii_escape;
use crate::scan;

/// Appends `text` as a quoted JSON string.
pub(crate) fn write_string(out: &mut Vec<u8>, text: &str) {
    out.push(b'"');
    let bytes = text.as_bytes();
    let mut plain = 0;
    loop {
        let rest = bytes.get(plain..).unwrap_or_default();
        let at = plain
            + scan::first(rest, |w| {
                scan::eq(w, b'"') | scan::eq(w, b'\\') | scan::below(w, 0x20)
            });
        out.extend_from_slice(bytes.get(plain..at).unwrap_or_default());
        let Some(&b) = bytes.get(at) else { break };
        write_ascii_escape(out, b);
        plain = at + 1;
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
    fn escapes_only_what_json_requires() {
        assert_eq!(escaped("a/b é 😀"), "\"a/b é 😀\"");
        assert_eq!(escaped("\"\\\n\u{1}\u{7f}"), "\"\\\"\\\\\\n\\u0001\u{7f}\"");
    }
}
