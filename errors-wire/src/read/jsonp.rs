//! JSONP: a JSON body wrapped in a call, `callback(...)` or `callback(...);`, as Subsonic
//! servers send for `f=jsonp&callback=NAME` and Last.fm-compatible ones for `callback=`.
//!
//! Accepted around the call: blanks, JavaScript comments (`/**/`, which Rails and Express
//! put first), and Express's guard `typeof NAME === 'function' && NAME(...)`. The callback
//! is a JavaScript identifier path (`cb`, `jQuery123_456`, `window.app.cb`).

use super::input::Input;
use super::json_shapes;
use crate::{ErrorBody, Format, ParseError};

/// Reads `rest`, the body from its first non-blank byte at `first`, as JSONP; `None` when
/// it is no call of a callback with a JSON object or array inside.
pub(crate) fn parse(
    rest: &[u8],
    first: usize,
    cut: bool,
    every_member: bool,
) -> Option<Result<ErrorBody<'_>, ParseError>> {
    let padded = unwrap(rest).filter(|padded| padded.holds_json(rest))?;
    let inner = Input {
        bytes: rest.get(padded.start..padded.end).unwrap_or_default(),
        base: first + padded.start,
        cut: cut && !padded.closed,
        format: Format::Json,
    };
    Some(match json_shapes::parse(inner, every_member) {
        Ok(_) if !padded.closed => Err(inner.end()),
        Ok(body) => Ok(ErrorBody {
            format: Format::Jsonp,
            ..body
        }),
        Err(e) => Err(e),
    })
}

/// Where the JSON inside a JSONP body lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Padded {
    /// The offset just after `(`.
    pub(crate) start: usize,
    /// The offset of the closing `)`, or the end of the body when there is none.
    pub(crate) end: usize,
    /// Whether the call is closed; a body without its `)` is truncated.
    pub(crate) closed: bool,
}

impl Padded {
    /// Whether the argument of the call in `body` is a JSON object or array, or is cut
    /// before it shows.
    pub(crate) fn holds_json(&self, body: &[u8]) -> bool {
        let argument = body.get(self.start..self.end).unwrap_or_default();
        match argument.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{' | b'[') => true,
            Some(_) => false,
            None => !self.closed,
        }
    }
}

/// The JSON of a JSONP body, or `None` when the body is no call of a callback.
pub(crate) fn unwrap(body: &[u8]) -> Option<Padded> {
    let mut at = skip_blanks(body, 0);
    if let Some(after) = guard(body, at) {
        at = after;
    }
    at = skip_blanks(body, path(body, at)?);
    if body.get(at) != Some(&b'(') {
        return None;
    }
    let start = at + 1;
    let mut end = body.len();
    end -= trailing_blanks(body.get(..end)?);
    if body.get(..end)?.ends_with(b";") {
        end -= 1;
        end -= trailing_blanks(body.get(..end)?);
    }
    Some(match end.checked_sub(1) {
        Some(close) if close >= start && body.get(close) == Some(&b')') => Padded {
            start,
            end: close,
            closed: true,
        },
        _ => Padded {
            start,
            end: body.len(),
            closed: false,
        },
    })
}

/// Skips blanks and comments from `at`; an unclosed comment runs to the end.
fn skip_blanks(body: &[u8], mut at: usize) -> usize {
    loop {
        let rest = body.get(at..).unwrap_or_default();
        if rest.first().is_some_and(u8::is_ascii_whitespace) {
            at += 1;
        } else if rest.starts_with(b"/*") {
            at += rest
                .windows(2)
                .skip(2)
                .position(|w| w == b"*/")
                .map_or(rest.len(), |close| close + 4);
        } else if rest.starts_with(b"//") {
            at += rest
                .iter()
                .position(|&b| b == b'\n')
                .map_or(rest.len(), |newline| newline + 1);
        } else {
            return at;
        }
    }
}

fn trailing_blanks(body: &[u8]) -> usize {
    body.iter()
        .rev()
        .take_while(|b| b.is_ascii_whitespace())
        .count()
}

/// After Express's `typeof NAME === 'function' && `, the offset of the call; `None` when
/// the body does not start so.
fn guard(body: &[u8], at: usize) -> Option<usize> {
    let rest = body.get(at..)?;
    if !rest.starts_with(b"typeof") || !rest.get(6).is_some_and(u8::is_ascii_whitespace) {
        return None;
    }
    let mut at = skip_blanks(body, path(body, skip_blanks(body, at + 6))?);
    for alternatives in [
        &[&b"==="[..], b"=="][..],
        &[b"'function'", b"\"function\""],
        &[b"&&"],
    ] {
        let rest = body.get(at..)?;
        let token = alternatives.iter().find(|token| rest.starts_with(token))?;
        at = skip_blanks(body, at + token.len());
    }
    Some(at)
}

/// The end of the identifier path at `at`: identifiers joined by `.`.
fn path(body: &[u8], at: usize) -> Option<usize> {
    let mut end = at;
    loop {
        end = identifier(body, end)?;
        if body.get(end) == Some(&b'.') {
            end += 1;
        } else {
            return Some(end);
        }
    }
}

/// The end of the JavaScript identifier at `at`: ASCII letters, digits (not first), `_`,
/// `$`, and letters or digits beyond ASCII.
fn identifier(body: &[u8], at: usize) -> Option<usize> {
    let rest = body.get(at..)?;
    let text = match std::str::from_utf8(rest) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(rest.get(..e.valid_up_to())?).ok()?,
    };
    let len: usize = text
        .char_indices()
        .take_while(|&(i, c)| {
            c == '_' || c == '$' || c.is_alphabetic() || (i > 0 && c.is_alphanumeric())
        })
        .map(|(_, c)| c.len_utf8())
        .sum();
    (len > 0).then_some(at + len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(body: &str) -> Option<(&str, bool)> {
        let padded = unwrap(body.as_bytes())?;
        Some((body.get(padded.start..padded.end)?.trim(), padded.closed))
    }

    #[test]
    fn calls_as_servers_write_them() {
        for body in [
            "cb({})",
            "cb({});",
            " cb ( {} ) ; \n",
            "jQuery3510_1700000000000({})",
            "window.app.$cb_1({})",
            "/**/cb({});",
            "/**/ typeof cb === 'function' && cb({});",
            "// padding\ncb({})",
            "café({})",
        ] {
            assert_eq!(inner(body), Some(("{}", true)), "{body}");
        }
        assert_eq!(inner("cb({\"a\":"), Some(("{\"a\":", false)));
        assert_eq!(inner("cb("), Some(("", false)));
        assert_eq!(inner("cb({}) x"), Some(("{}) x", false)));
    }

    #[test]
    fn what_is_no_call() {
        for body in [
            "BADAUTH\n",
            "404 page not found",
            "cb",
            "1cb({})",
            ".cb({})",
            "cb.({})",
            "/ cb({})",
            "",
            "typeof cb({})",
        ] {
            assert_eq!(unwrap(body.as_bytes()), None, "{body}");
        }
    }
}
