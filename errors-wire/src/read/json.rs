//! A small pull reader for JSON: objects are walked key by key, wanted values are read,
//! everything else is skipped with its brackets and strings checked.

use std::borrow::Cow;

use super::MAX_DEPTH;
use super::cursor::Cursor;
use super::parse_digits;
use crate::{ParseError, scan};

#[derive(Debug)]
pub(crate) struct JsonReader<'a> {
    c: Cursor<'a>,
    /// Objects entered with [`JsonReader::begin_object`] and not yet left.
    depth: usize,
}

impl<'a> JsonReader<'a> {
    pub(crate) fn new(c: Cursor<'a>) -> Self {
        Self { c, depth: 0 }
    }

    /// The first byte of the next value.
    #[inline]
    pub(crate) fn peek_value(&mut self) -> Result<u8, ParseError> {
        self.c.skip_ws();
        self.c.peek().ok_or_else(|| self.c.end())
    }

    pub(crate) fn begin_object(&mut self) -> Result<(), ParseError> {
        if self.peek_value()? != b'{' {
            return Err(self.c.malformed("expected an object"));
        }
        if self.depth >= MAX_DEPTH {
            return Err(ParseError::TooDeep { limit: MAX_DEPTH });
        }
        self.depth += 1;
        self.c.pos += 1;
        Ok(())
    }

    /// The next key of the object being walked, its `:` consumed; `None` at the object's
    /// end. `first` tracks whether a comma must come first.
    #[inline]
    pub(crate) fn next_key(
        &mut self,
        first: &mut bool,
    ) -> Result<Option<Cow<'a, str>>, ParseError> {
        match self.peek_value()? {
            b'}' => {
                self.c.pos += 1;
                self.depth -= 1;
                return Ok(None);
            }
            b',' if !*first => {
                self.c.pos += 1;
                self.c.skip_ws();
            }
            _ if *first => {}
            _ => return Err(self.c.malformed("expected ',' or '}'")),
        }
        *first = false;
        if self.peek_value()? != b'"' {
            return Err(self.c.malformed("expected a key"));
        }
        let key = self.string()?;
        if self.peek_value()? != b':' {
            return Err(self.c.malformed("expected ':'"));
        }
        self.c.pos += 1;
        Ok(Some(key))
    }

    /// The string at the position, unescaped; borrowed when it has no escapes.
    #[inline]
    pub(crate) fn string(&mut self) -> Result<Cow<'a, str>, ParseError> {
        let start = self.c.pos + 1;
        let mut i = self.string_special(start)?;
        if self.c.bytes().get(i) == Some(&b'"') {
            let text = self.c.slice(start, i)?;
            self.c.pos = i + 1;
            return Ok(Cow::Borrowed(text));
        }
        let mut out = String::with_capacity(i - start + 8);
        out.push_str(self.c.slice(start, i)?);
        loop {
            // `string_special` stopped at a quote or a backslash.
            if self.c.bytes().get(i) == Some(&b'"') {
                self.c.pos = i + 1;
                return Ok(Cow::Owned(out));
            }
            let plain = self.escape(i, &mut out)?;
            i = self.string_special(plain)?;
            out.push_str(self.c.slice(plain, i)?);
        }
    }

    /// The offset of the next `"` or `\` from `from`; a control character is malformed.
    #[inline]
    fn string_special(&self, from: usize) -> Result<usize, ParseError> {
        let at = self
            .c
            .find_from(from, |w| {
                scan::eq(w, b'"') | scan::eq(w, b'\\') | scan::below(w, 0x20)
            })
            .ok_or_else(|| self.c.end())?;
        match self.c.bytes().get(at) {
            Some(&b) if b < 0x20 => Err(self.control_at(at)),
            _ => Ok(at),
        }
    }

    /// Decodes the escape at `at` onto `out`; returns the offset after it.
    fn escape(&self, at: usize, out: &mut String) -> Result<usize, ParseError> {
        let short = match self.c.bytes().get(at + 1) {
            None => return Err(self.c.end()),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let (c, len) = self.unicode_escape(at)?;
                out.push(c);
                return Ok(at + len);
            }
            Some(_) => return Err(self.c.malformed_at(at, "unknown escape")),
        };
        out.push(short);
        Ok(at + 2)
    }

    /// Decodes `\uXXXX`, or a surrogate pair `\uXXXX\uXXXX`, at `at`.
    fn unicode_escape(&self, at: usize) -> Result<(char, usize), ParseError> {
        let lone = || self.c.malformed_at(at, "lone UTF-16 surrogate");
        let high = self.hex4(at + 2)?;
        if !(0xd800..0xe000).contains(&high) {
            return char::from_u32(high).map(|c| (c, 6)).ok_or_else(lone);
        }
        let bytes = self.c.bytes();
        let continues = |i: usize, expected: u8| bytes.get(i).is_none_or(|&b| b == expected);
        if high >= 0xdc00 || !continues(at + 6, b'\\') || !continues(at + 7, b'u') {
            return Err(lone());
        }
        let low = self.hex4(at + 8)?;
        if !(0xdc00..0xe000).contains(&low) {
            return Err(lone());
        }
        let c =
            char::from_u32(0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00)).ok_or_else(lone)?;
        Ok((c, 12))
    }

    fn hex4(&self, at: usize) -> Result<u32, ParseError> {
        let mut value = 0;
        for i in at..at + 4 {
            let digit = match self.c.bytes().get(i) {
                None => return Err(self.c.end()),
                Some(&b) => char::from(b).to_digit(16),
            };
            value =
                value * 16 + digit.ok_or_else(|| self.c.malformed_at(i, "invalid \\u escape"))?;
        }
        Ok(value)
    }

    fn control_at(&self, at: usize) -> ParseError {
        self.c.malformed_at(at, "control character in a string")
    }

    /// An error code sent as a number or a numeric string; the inner error is the JSON text
    /// of a value that is no code, read past so the caller may go on.
    #[inline]
    pub(crate) fn code(&mut self) -> Result<Result<u32, &'a str>, ParseError> {
        let start = self.c.pos;
        let code = match self.peek_value()? {
            b'"' => parse_digits(self.string()?.trim_ascii()),
            b'-' | b'0'..=b'9' => parse_digits(self.number()?),
            _ => {
                self.skip_value()?;
                None
            }
        };
        match code {
            Some(code) => Ok(Ok(code)),
            None => {
                let text = self.c.slice(start, self.c.pos)?;
                Ok(Err(text
                    .strip_prefix('"')
                    .and_then(|t| t.strip_suffix('"'))
                    .unwrap_or(text)))
            }
        }
    }

    /// A string value, or `None` after skipping a value of another kind.
    #[inline]
    pub(crate) fn string_or_skip(&mut self) -> Result<Option<Cow<'a, str>>, ParseError> {
        if self.peek_value()? == b'"' {
            return self.string().map(Some);
        }
        self.skip_value().map(|()| None)
    }

    /// A boolean value, or `None` after skipping a value of another kind.
    pub(crate) fn bool_or_skip(&mut self) -> Result<Option<bool>, ParseError> {
        let value = match self.peek_value()? {
            b't' => true,
            b'f' => false,
            _ => return self.skip_value().map(|()| None),
        };
        self.skip_value().map(|()| Some(value))
    }

    /// A number that fits a `u16`, or `None` after skipping any other value.
    pub(crate) fn u16_or_skip(&mut self) -> Result<Option<u16>, ParseError> {
        match self.peek_value()? {
            b'-' | b'0'..=b'9' => Ok(self.number()?.parse().ok()),
            _ => self.skip_value().map(|()| None),
        }
    }

    /// The text of the number at the position.
    fn number(&mut self) -> Result<&'a str, ParseError> {
        let start = self.c.pos;
        let end = self
            .c
            .find_byte(|b| !matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
            .ok_or_else(|| self.c.end())?;
        self.c.pos = end;
        self.c.slice(start, end)
    }

    /// Skips one value of any kind, nested at most to [`MAX_DEPTH`] in all.
    pub(crate) fn skip_value(&mut self) -> Result<(), ParseError> {
        // One bit per open bracket, set for `[`: enough to match closers, as MAX_DEPTH <= 64.
        let mut arrays: u64 = 0;
        let mut level = 0;
        loop {
            match self.peek_value()? {
                open @ (b'{' | b'[') => {
                    if self.depth + level >= MAX_DEPTH {
                        return Err(ParseError::TooDeep { limit: MAX_DEPTH });
                    }
                    arrays = (arrays << 1) | u64::from(open == b'[');
                    level += 1;
                    self.c.pos += 1;
                    continue;
                }
                close @ (b'}' | b']') if level > 0 => {
                    if (arrays & 1 == 1) != (close == b']') {
                        return Err(self.c.malformed("mismatched bracket"));
                    }
                    arrays >>= 1;
                    level -= 1;
                    self.c.pos += 1;
                }
                b',' | b':' if level > 0 => {
                    self.c.pos += 1;
                    continue;
                }
                b'"' => self.skip_string()?,
                b'-' | b'0'..=b'9' => {
                    self.number()?;
                }
                b't' => self.literal(b"true")?,
                b'f' => self.literal(b"false")?,
                b'n' => self.literal(b"null")?,
                _ => return Err(self.c.malformed("expected a value")),
            }
            if level == 0 {
                return Ok(());
            }
        }
    }

    fn skip_string(&mut self) -> Result<(), ParseError> {
        let mut i = self.string_special(self.c.pos + 1)?;
        while self.c.bytes().get(i) == Some(&b'\\') {
            i = self.string_special(i + 2)?;
        }
        self.c.pos = i + 1;
        Ok(())
    }

    fn literal(&mut self, literal: &[u8]) -> Result<(), ParseError> {
        let rest = self.c.rest();
        if rest.starts_with(literal) {
            self.c.pos += literal.len();
            Ok(())
        } else if literal.starts_with(rest) {
            Err(self.c.end())
        } else {
            Err(self.c.malformed("expected a value"))
        }
    }

    /// Checks that only blanks follow the top-level value.
    pub(crate) fn end_document(&mut self) -> Result<(), ParseError> {
        self.c.skip_ws();
        if self.c.at_end() {
            Ok(())
        } else {
            Err(self.c.malformed("content after the top-level value"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Format;

    fn string(json: &str) -> Result<Cow<'_, str>, ParseError> {
        JsonReader::new(Cursor::new(json, 0, false, Format::Json)).string()
    }

    #[test]
    fn strings() {
        assert!(matches!(string(r#""plain""#), Ok(Cow::Borrowed("plain"))));
        assert_eq!(
            string(r#""a\/b\u00e9\ud83d\ude00\n\"""#).expect("valid string"),
            "a/bé😀\n\""
        );
        for bad in [
            r#""\ud83d""#,
            r#""\ude00x""#,
            r#""\x""#,
            "\"\u{1}\"",
            r#""\u12G4""#,
        ] {
            assert!(
                matches!(string(bad), Err(ParseError::Malformed { .. })),
                "{bad}"
            );
        }
        for cut in [r#""abc"#, r#""a\u00"#, r#""a\"#] {
            assert_eq!(
                string(cut),
                Err(ParseError::Truncated {
                    format: Format::Json
                }),
                "{cut}"
            );
        }
    }
}
