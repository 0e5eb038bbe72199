//! XML 1.0 escaping for CDATA sections, text and attribute values.
//!
//! Every writer drops the characters XML 1.0 forbids (C0 controls other than tab, LF and
//! CR; U+FFFE; U+FFFF), as the reference server strips them, so the output is well-formed
//! whatever the input. A carriage return is written as `&#13;`: a raw one would reach the
//! reader as LF after XML line-end normalisation, inside CDATA too.

use crate::scan;

/// How many bytes of a character XML 1.0 forbids start at `i`, or 0 when it is allowed.
fn forbidden_len(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i..).unwrap_or_default() {
        [b'\t' | b'\n' | b'\r', ..] => 0,
        [b, ..] if *b < 0x20 => 1,
        [0xef, 0xbf, 0xbe | 0xbf, ..] => 3,
        _ => 0,
    }
}

/// What to do with a byte the scan stopped at.
enum Step {
    /// Keep it as it is.
    Keep,
    /// Drop `len` bytes and write `with` instead.
    Replace { with: &'static [u8], len: usize },
}

/// Writes `text`, stopping where `mask` flags a byte and letting `step` decide what to do
/// with the byte at that offset.
fn write_escaped(
    out: &mut Vec<u8>,
    text: &str,
    mask: impl Fn(u64) -> u64,
    step: impl Fn(&[u8], usize) -> Step,
) {
    let bytes = text.as_bytes();
    let mut plain = 0;
    let mut from = 0;
    loop {
        let at = from + scan::first(bytes.get(from..).unwrap_or_default(), &mask);
        if at >= bytes.len() {
            break;
        }
        match step(bytes, at) {
            Step::Keep => from = at + 1,
            Step::Replace { with, len } => {
                out.extend_from_slice(bytes.get(plain..at).unwrap_or_default());
                out.extend_from_slice(with);
                plain = at + len;
                from = plain;
            }
        }
    }
    out.extend_from_slice(bytes.get(plain..).unwrap_or_default());
}

/// The bytes that may need attention in any context: controls and the lead byte of
/// U+FFFE and U+FFFF.
fn controls(word: u64) -> u64 {
    scan::below(word, 0x20) | scan::eq(word, 0xef)
}

fn drop_forbidden(bytes: &[u8], at: usize) -> Step {
    match forbidden_len(bytes, at) {
        0 => Step::Keep,
        len => Step::Replace { with: b"", len },
    }
}

/// Appends `text` as one or more CDATA sections.
///
/// `]]>` cannot occur inside a section, so it is split across two: `]]]]><![CDATA[>`. The
/// check looks at the bytes before the `>` after dropping forbidden characters, which can
/// bring `]]` and `>` together.
pub(crate) fn write_cdata(out: &mut Vec<u8>, text: &str) {
    out.extend_from_slice(b"<![CDATA[");
    let bytes = text.as_bytes();
    let mut plain = 0;
    let mut from = 0;
    loop {
        let at = from
            + scan::first(bytes.get(from..).unwrap_or_default(), |w| {
                scan::eq(w, b'>') | controls(w)
            });
        let Some(&b) = bytes.get(at) else { break };
        let (with, len): (&[u8], usize) = match b {
            b'>' => {
                out.extend_from_slice(bytes.get(plain..at).unwrap_or_default());
                plain = at;
                // What precedes the content in `out` ends with `[`, so `]]` here is content.
                if out.ends_with(b"]]") {
                    out.extend_from_slice(b"]]><![CDATA[");
                }
                from = at + 1;
                continue;
            }
            b'\r' => (b"]]>&#13;<![CDATA[", 1),
            _ => match forbidden_len(bytes, at) {
                0 => {
                    from = at + 1;
                    continue;
                }
                len => (b"", len),
            },
        };
        out.extend_from_slice(bytes.get(plain..at).unwrap_or_default());
        out.extend_from_slice(with);
        plain = at + len;
        from = plain;
    }
    out.extend_from_slice(bytes.get(plain..).unwrap_or_default());
    out.extend_from_slice(b"]]>");
}

/// Appends `text` as escaped character data.
pub(crate) fn write_text(out: &mut Vec<u8>, text: &str) {
    let mask = |w| scan::eq(w, b'&') | scan::eq(w, b'<') | scan::eq(w, b'>') | controls(w);
    write_escaped(out, text, mask, |bytes, at| match bytes.get(at) {
        Some(b'\r') => Step::Replace {
            with: b"&#13;",
            len: 1,
        },
        Some(&b) => markup(b).unwrap_or_else(|| drop_forbidden(bytes, at)),
        None => Step::Keep,
    });
}

/// Appends `text` escaped for a double-quoted attribute value. Tab, LF and CR become
/// character references: raw, a reader would normalise them to spaces.
pub(crate) fn write_attr(out: &mut Vec<u8>, text: &str) {
    let mask = |w| {
        scan::eq(w, b'&') | scan::eq(w, b'<') | scan::eq(w, b'>') | scan::eq(w, b'"') | controls(w)
    };
    write_escaped(out, text, mask, |bytes, at| {
        let with: &'static [u8] = match bytes.get(at) {
            Some(b'\t') => b"&#9;",
            Some(b'\n') => b"&#10;",
            Some(b'\r') => b"&#13;",
            Some(b'"') => b"&quot;",
            Some(&b) => return markup(b).unwrap_or_else(|| drop_forbidden(bytes, at)),
            None => return Step::Keep,
        };
        Step::Replace { with, len: 1 }
    });
}

fn markup(b: u8) -> Option<Step> {
    let with: &'static [u8] = match b {
        b'&' => b"&amp;",
        b'<' => b"&lt;",
        b'>' => b"&gt;",
        _ => return None,
    };
    Some(Step::Replace { with, len: 1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(write: fn(&mut Vec<u8>, &str), text: &str) -> String {
        let mut out = Vec::new();
        write(&mut out, text);
        String::from_utf8(out).expect("escaping keeps UTF-8")
    }

    #[test]
    fn cdata_splits_its_terminator() {
        assert_eq!(
            written(write_cdata, "a]]>b"),
            "<![CDATA[a]]]]><![CDATA[>b]]>"
        );
        assert_eq!(written(write_cdata, "]]]>"), "<![CDATA[]]]]]><![CDATA[>]]>");
        assert_eq!(written(write_cdata, "a]"), "<![CDATA[a]]]>");
        assert_eq!(written(write_cdata, "<&>\"é"), "<![CDATA[<&>\"é]]>");
        assert_eq!(
            written(write_cdata, "]]\u{0}>"),
            "<![CDATA[]]]]><![CDATA[>]]>"
        );
    }

    #[test]
    fn cdata_drops_forbidden_and_keeps_carriage_returns() {
        assert_eq!(
            written(write_cdata, "a\u{0}\u{1f}\u{fffe}\u{ffff}\u{fffd}\t\n\rb"),
            "<![CDATA[a\u{fffd}\t\n]]>&#13;<![CDATA[b]]>"
        );
    }

    #[test]
    fn text_and_attributes() {
        assert_eq!(
            written(write_text, "a<b>&\"c\"\t\n\r\u{1b}"),
            "a&lt;b&gt;&amp;\"c\"\t\n&#13;"
        );
        assert_eq!(
            written(write_attr, "a<b>&\"c\"'\t\n\r\u{1b}"),
            "a&lt;b&gt;&amp;&quot;c&quot;'&#9;&#10;&#13;"
        );
    }
}
