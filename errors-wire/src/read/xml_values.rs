//! Attribute values and character data of XML: reference expansion and the
//! normalisation XML 1.0 prescribes.

use std::borrow::Cow;

use crate::{Format, ParseError, scan};

/// The attributes of a tag, in order.
#[derive(Debug)]
pub(crate) struct Attrs<'a> {
    pub(super) src: &'a str,
    pub(super) pos: usize,
    /// The offset of `src` in the body, for error messages.
    pub(super) base: usize,
}

/// One attribute; its value is unescaped on demand.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Attr<'a> {
    pub(crate) name: &'a str,
    pub(super) raw: &'a str,
    at: usize,
}

impl<'a> Attr<'a> {
    pub(crate) fn value(&self) -> Result<Cow<'a, str>, ParseError> {
        unescape(self.raw, self.at, Context::Attribute)
    }
}

impl<'a> Iterator for Attrs<'a> {
    type Item = Result<Attr<'a>, ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.src.as_bytes();
        let start = self.pos
            + bytes
                .get(self.pos..)?
                .iter()
                .position(|b| !b.is_ascii_whitespace())?;
        let result = self.attr(start);
        if result.is_err() {
            self.pos = bytes.len();
        }
        Some(result)
    }
}

impl<'a> Attrs<'a> {
    fn attr(&mut self, start: usize) -> Result<Attr<'a>, ParseError> {
        let bytes = self.src.as_bytes();
        let malformed = |at: usize, reason| ParseError::Malformed {
            format: Format::Xml,
            offset: self.base + at,
            reason,
        };
        let name_len = scan::first(bytes.get(start..).unwrap_or_default(), |w| {
            scan::eq(w, b'=') | scan::below(w, b' ' + 1)
        });
        if start + name_len == bytes.len() {
            return Err(malformed(start, "attribute without a value"));
        }
        let name = self.src.get(start..start + name_len).unwrap_or_default();
        let mut i = start + name_len;
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if bytes.get(i) != Some(&b'=') {
            return Err(malformed(i, "attribute without a value"));
        }
        i += 1;
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let quote = match bytes.get(i) {
            Some(&q @ (b'"' | b'\'')) => q,
            _ => return Err(malformed(i, "attribute value without quotes")),
        };
        let value = bytes.get(i + 1..).unwrap_or_default();
        let len = scan::first(value, |w| scan::eq(w, quote));
        if len == value.len() {
            return Err(malformed(i, "attribute value without a closing quote"));
        }
        let raw = self.src.get(i + 1..i + 1 + len).unwrap_or_default();
        self.pos = i + len + 2;
        Ok(Attr {
            name,
            raw,
            at: self.base + i + 1,
        })
    }
}

/// A value built from pieces, borrowed while it is a single piece.
#[derive(Debug, Default)]
pub(super) struct Joined<'a>(Option<Cow<'a, str>>);

impl<'a> Joined<'a> {
    pub(super) fn push(&mut self, piece: Cow<'a, str>) {
        match &mut self.0 {
            None => self.0 = Some(piece),
            Some(joined) => joined.to_mut().push_str(&piece),
        }
    }

    pub(super) fn finish(self) -> Cow<'a, str> {
        self.0.unwrap_or(Cow::Borrowed(""))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Context {
    Text,
    Attribute,
}

/// Expands entity and character references and applies XML's line-end normalisation (and
/// in attributes, whitespace normalisation). Borrows when there is nothing to change.
pub(super) fn unescape(raw: &str, at: usize, context: Context) -> Result<Cow<'_, str>, ParseError> {
    let attribute = context == Context::Attribute;
    let special = |b: u8| b == b'&' || b == b'\r' || (attribute && (b == b'\t' || b == b'\n'));
    let bytes = raw.as_bytes();
    let first = scan::first(bytes, |w| {
        let layout = if attribute {
            scan::eq(w, b'\t') | scan::eq(w, b'\n')
        } else {
            0
        };
        scan::eq(w, b'&') | scan::eq(w, b'\r') | layout
    });
    if first == bytes.len() {
        return Ok(Cow::Borrowed(raw));
    }
    let mut out = String::with_capacity(raw.len());
    let mut plain = 0;
    let mut i = first;
    while let Some(&b) = bytes.get(i) {
        if !special(b) {
            i += 1;
            continue;
        }
        out.push_str(raw.get(plain..i).unwrap_or_default());
        i += 1;
        match b {
            b'&' => {
                let len = bytes
                    .get(i..)
                    .and_then(|rest| rest.iter().take(12).position(|&b| b == b';'))
                    .ok_or(ParseError::Malformed {
                        format: Format::Xml,
                        offset: at + i - 1,
                        reason: "'&' without a reference",
                    })?;
                let reference = raw.get(i..i + len).unwrap_or_default();
                out.push(entity(reference).ok_or(ParseError::Malformed {
                    format: Format::Xml,
                    offset: at + i - 1,
                    reason: "unknown entity or invalid character reference",
                })?);
                i += len + 1;
            }
            b'\r' => {
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
                out.push(if attribute { ' ' } else { '\n' });
            }
            _ => out.push(' '),
        }
        plain = i;
    }
    out.push_str(raw.get(plain..).unwrap_or_default());
    Ok(Cow::Owned(out))
}

/// CDATA content with XML's line-end normalisation: CR LF and lone CR become LF.
pub(super) fn normalize_newlines(raw: &str) -> Cow<'_, str> {
    if !raw.contains('\r') {
        return Cow::Borrowed(raw);
    }
    Cow::Owned(raw.replace("\r\n", "\n").replace('\r', "\n"))
}

fn entity(reference: &str) -> Option<char> {
    Some(match reference {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let number = reference.strip_prefix('#')?;
            let (digits, radix) = match number.strip_prefix('x') {
                Some(hex) => (hex, 16),
                None => (number, 10),
            };
            if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
                return None;
            }
            let c = char::from_u32(u32::from_str_radix(digits, radix).ok()?)?;
            return is_xml_char(c).then_some(c);
        }
    })
}

/// Whether XML 1.0 allows `c` in a document.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_normalisation() {
        let text =
            unescape("a&amp;b&#233;&#x1F600;\r\nc\rd", 0, Context::Text).expect("valid text");
        assert_eq!(text, "a&bé😀\nc\nd");
        let attr = unescape("a\tb\r\nc&#10;&#13;", 0, Context::Attribute).expect("valid value");
        assert_eq!(attr, "a b c\n\r");
        assert!(matches!(
            unescape("plain", 0, Context::Text),
            Ok(Cow::Borrowed("plain"))
        ));
        for bad in ["&nbsp;", "&#0;", "&#xFFFE;", "&#;", "&#x+41;", "a & b"] {
            assert!(unescape(bad, 0, Context::Text).is_err(), "{bad}");
        }
    }
}
