//! The words specs, catalogs, bodies and clients share: one type per concept, each with
//! `ALL`, `as_str` (the word a spec uses) and `FromStr`.

use std::fmt;

/// The encoding of a body: XML and JSON, which every family speaks, and JSONP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// An XML document.
    Xml,
    /// A JSON document.
    Json,
    /// JSON wrapped in a call of the client's callback, `NAME(...);` (Subsonic
    /// `f=jsonp&callback=NAME`, Last.fm `format=json&callback=NAME`). Rendered only with a
    /// [`crate::jsonp::Callback`] (see [`crate::Target::callback`]); a family without JSONP
    /// (Ampache's own API, problem details) answers in JSON.
    Jsonp,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Xml => "XML",
            Format::Json => "JSON",
            Format::Jsonp => "JSONP",
        })
    }
}

/// An API family: the error-body shapes a group of servers shares.
///
/// A catalog names the family its API speaks; a parsed body tells which family it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// Ampache, API 3 to 8: `<root><error ...>` and `{"error": {...}}`, legacy and modern
    /// shapes.
    Ampache,
    /// Last.fm and services that speak its API: `<lfm status="failed">` and
    /// `{"error": N, "message": "..."}`; Libre.fm (GNU FM) also writes `status="error"` and
    /// `{"error": {"#text": "...", "code": "N"}}`.
    Lastfm,
    /// Subsonic and OpenSubsonic: `<subsonic-response status="failed">` and its JSON twin
    /// (Madsonic 6: `madsonic-response`).
    Subsonic,
    /// RFC 9457 `application/problem+json`, with the API's code as the `code` member: the
    /// envelope of an API that has no shape of its own.
    Problem,
}

impl Family {
    /// How the family's bodies carry the code in JSON, as the renderers write it: Ampache as
    /// a string (`"errorCode": "4704"`), Last.fm, Subsonic and problem details as a number.
    pub const fn json_code(self) -> JsonCode {
        match self {
            Family::Ampache => JsonCode::String,
            Family::Lastfm | Family::Subsonic | Family::Problem => JsonCode::Number,
        }
    }
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Family::Ampache => "Ampache",
            Family::Lastfm => "Last.fm",
            Family::Subsonic => "Subsonic",
            Family::Problem => "problem+json",
        })
    }
}

/// How an API writes its code in a JSON body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JsonCode {
    /// As a string: Ampache's `"errorCode": "4704"`.
    String,
    /// As a number: Last.fm's `"error": 6`, Subsonic's `"code": 40`.
    Number,
}

/// A word that is not the name of any value of a vocabulary type ([`Family`], [`Format`],
/// [`JsonCode`]), as returned by their `FromStr`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownWord {
    /// What the word was meant to name (`family`, `format`, ...).
    pub kind: &'static str,
    /// The words that are known.
    pub expected: &'static [&'static str],
}

impl fmt::Display for UnknownWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {}; expected one of: {}",
            self.kind,
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for UnknownWord {}

/// `ALL`, `as_str` and `FromStr` of a vocabulary type, from one list of its words.
macro_rules! vocabulary {
    ($ty:ident, $kind:literal, $doc:literal, [$($variant:ident => $word:literal),* $(,)?]) => {
        impl $ty {
            /// Every value, in declaration order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),*];
            const WORDS: &'static [&'static str] = &[$($word),*];

            #[doc = $doc]
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $word,)*
                }
            }
        }

        impl ::core::str::FromStr for $ty {
            type Err = UnknownWord;

            fn from_str(word: &str) -> Result<Self, UnknownWord> {
                Self::ALL.iter().copied().find(|v| v.as_str() == word).ok_or(UnknownWord {
                    kind: $kind,
                    expected: Self::WORDS,
                })
            }
        }
    };
}

vocabulary!(Format, "format", "The lower-case name specs, query parameters (`f=xml`) and file extensions use.", [
    Xml => "xml",
    Json => "json",
    Jsonp => "jsonp",
]);
vocabulary!(Family, "family", "The name a spec's `family` uses.", [
    Ampache => "ampache",
    Lastfm => "lastfm",
    Subsonic => "subsonic",
    Problem => "problem",
]);
vocabulary!(JsonCode, "JSON code type", "The name a spec's `json_code` uses.", [
    String => "string",
    Number => "number",
]);

/// What a client should do about an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Retry {
    /// Retrying the same request gives the same error: fix the request.
    Never,
    /// A temporary condition: the same request may succeed a little later.
    Later,
    /// Throttled: retry with exponential backoff.
    Backoff,
    /// Waiting on something else (a user's approval): poll again.
    Poll,
    /// The session or token is no longer valid: authenticate again, then retry.
    Reauthenticate,
    /// The credentials themselves are refused: stop sending requests.
    Fatal,
}

impl Retry {
    /// Whether sending the request again (perhaps later, perhaps after re-authenticating)
    /// can succeed.
    #[must_use]
    pub const fn is_retryable(self) -> bool {
        !matches!(self, Retry::Never | Retry::Fatal)
    }
}

vocabulary!(Retry, "retry advice", "The spec's word for this advice.", [
    Never => "never",
    Later => "later",
    Backoff => "backoff",
    Poll => "poll",
    Reauthenticate => "reauthenticate",
    Fatal => "fatal",
]);

impl fmt::Display for Retry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a code is still in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lifecycle {
    /// In use.
    #[default]
    Active,
    /// Still sent, but on its way out.
    Deprecated,
    /// No longer sent; kept so old bodies still parse and the number is never reused.
    Retired,
}

vocabulary!(Lifecycle, "lifecycle", "The spec's word for this state.", [
    Active => "active",
    Deprecated => "deprecated",
    Retired => "retired",
]);

impl fmt::Display for Lifecycle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
