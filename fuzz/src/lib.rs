//! What each fuzz target checks on one input. `errors-wire/tests/fuzz_corpus.rs` includes
//! this file and replays every input kept under `fuzz/corpus/<target>/` and
//! `fuzz/artifacts/<target>/` through the same function, so the corpus is tested on stable
//! in every `cargo test`.
//!
//! Each function panics only when errors-wire breaks a promise: a panic inside errors-wire,
//! a family's own parser disagreeing with `parse`, `classify` disagreeing with `parse`, or
//! a rendered body that does not read back.

use errors_wire::{
    ErrorFields, Family, Format, Outcome, Target, ampache, lastfm, problem, subsonic,
};

/// `parse` on any bytes; when it reads an error, the parser of that body's family reads the
/// same error.
pub fn parse(data: &[u8]) {
    let Ok(body) = errors_wire::parse(data) else {
        return;
    };
    let again = match body.family() {
        Family::Ampache => ampache::parse(data),
        Family::Lastfm => lastfm::parse(data),
        Family::Subsonic => subsonic::parse(data),
        Family::Problem => problem::parse(data),
    };
    assert_eq!(
        again.as_ref(),
        Ok(&body),
        "the family's parser disagrees with parse"
    );
    assert_eq!(body.clone().into_owned(), body);
}

/// Content types clients meet, picked by the input's first byte.
const CONTENT_TYPES: [Option<&str>; 8] = [
    None,
    Some("application/problem+json"),
    Some("Application/Problem+JSON; charset=utf-8"),
    Some("application/json"),
    Some("text/xml; charset=ISO-8859-1"),
    Some("text/html"),
    Some("application/javascript"),
    Some(""),
];

/// `classify` on a status (two bytes), a content type (one byte) and a body (the rest).
/// Without a problem+json content type, an error `parse` reads is the response's API error.
pub fn classify(data: &[u8]) {
    let [high, low, kind, body @ ..] = data else {
        return;
    };
    let status = u16::from_be_bytes([*high, *low]) % 1000;
    let content_type = CONTENT_TYPES[usize::from(*kind) % CONTENT_TYPES.len()];
    let outcome = errors_wire::classify(status, content_type, body);
    if usize::from(*kind) % CONTENT_TYPES.len() > 2
        && let Ok(error) = errors_wire::parse(body)
    {
        assert_eq!(
            outcome,
            Outcome::ApiError(error),
            "classify disagrees with parse"
        );
    }
    if let Outcome::Success = outcome {
        assert!((200..300).contains(&status), "a success with HTTP {status}");
    }
}

/// The text an XML reader gets back: XML 1.0 cannot carry these characters, so renderers
/// drop them.
fn xml_visible(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
        })
        .collect()
}

/// Renders an error built from the input and reads it back: the same family, code and
/// message (less what XML cannot carry). The input: a selector byte (family, format,
/// version), four bytes of code, then the message, action, error type and help URL,
/// separated by NUL bytes.
pub fn round_trip(data: &[u8]) {
    let [selector, a, b, c, d, rest @ ..] = data else {
        return;
    };
    let code = u32::from_le_bytes([*a, *b, *c, *d]);
    let text = String::from_utf8_lossy(rest);
    let mut fields = text.split('\0');
    let mut next = || fields.next().unwrap_or_default();
    let (message, action, error_type, help_url) = (next(), next(), next(), next());
    let families = [
        Family::Ampache,
        Family::Lastfm,
        Family::Subsonic,
        Family::Problem,
    ];
    let family = families[usize::from(selector & 3)];
    let format = if selector & 4 == 0 {
        Format::Xml
    } else {
        Format::Json
    };
    let version =
        ["3", "4", "5", "6", "8", "1.16.1", "1.8.0", "350001"][usize::from(selector >> 5)];
    let error = ErrorFields {
        code,
        message,
        action,
        error_type,
        help_url: (!help_url.is_empty()).then_some(help_url),
        ..ErrorFields::default()
    };
    let mut body = Vec::new();
    let mut target = Target::new(family, format, version);
    if selector & 8 != 0 {
        target.open_subsonic = Some(subsonic::OpenSubsonic {
            server_type: action,
            server_version: error_type,
        });
    }
    errors_wire::render(&mut body, &target, &error);
    let parsed = match errors_wire::parse(&body) {
        Ok(parsed) => parsed,
        Err(e) => panic!(
            "a rendered body does not parse: {e}\n{}",
            String::from_utf8_lossy(&body)
        ),
    };
    let xml = format == Format::Xml && family != Family::Problem;
    let expected = if xml {
        xml_visible(message)
    } else {
        message.to_string()
    };
    assert_eq!(
        (parsed.family(), parsed.code, &*parsed.message),
        (family, code, expected.as_str()),
        "{}",
        String::from_utf8_lossy(&body)
    );
}
