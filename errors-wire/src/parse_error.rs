use std::fmt;

use crate::{Family, Format};

/// Why a body is not an error body this crate can read; each variant says what was found.
///
/// Strings quoted from the body are cut to [`ParseError::QUOTE_LEN`] characters.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseError {
    /// The body is empty or holds only whitespace.
    Empty,
    /// The body is a well-formed response that carries no error: a success response. The
    /// family is `None` when the body does not say (a JSON object of Ampache or Last.fm).
    NotAnError {
        /// The family the response belongs to, when the body tells.
        family: Option<Family>,
    },
    /// The body is an HTML page, as proxies and gateways send.
    Html {
        /// The page's `<title>`, if it has one.
        title: Option<String>,
    },
    /// The body is the error response of a web framework, router or proxy in front of the
    /// API, not an error body of the API: ListenBrainz's Flask handlers
    /// (`{"code":404,"error":"The requested URL was not found on the server. ..."}`, on
    /// 400, 401, 403, 404, 413, 429 and 5xx), maloja's router (`{"error": "Invalid API"}`,
    /// 404). Such a body holds words where the API puts a code.
    ForeignError {
        /// The number it carries beside the words, if any (ListenBrainz: the HTTP status).
        code: Option<u32>,
        /// Its words, cut to [`ParseError::QUOTE_LEN`] characters.
        message: String,
    },
    /// The body is neither XML nor JSON.
    Unrecognised {
        /// The start of the body.
        found: String,
    },
    /// The document's root is not one this crate knows.
    UnexpectedRoot {
        /// The document's encoding.
        format: Format,
        /// The XML root element's name, or the kind of the top-level JSON value.
        found: String,
    },
    /// The body is of another family than the one asked for.
    WrongFamily {
        /// The family asked for.
        expected: Family,
        /// The family of the body.
        found: Family,
    },
    /// The document ends before it is complete.
    Truncated {
        /// The document's encoding.
        format: Format,
    },
    /// The body is longer than [`crate::MAX_BODY_LEN`] and the part within the limit does not
    /// settle what it is.
    TooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// The document nests deeper than [`crate::MAX_DEPTH`].
    TooDeep {
        /// The limit, in levels.
        limit: usize,
    },
    /// The body is not valid UTF-8.
    NotUtf8 {
        /// The byte offset of the first invalid byte.
        offset: usize,
    },
    /// The body declares an encoding this crate cannot decode (an unknown name, or one
    /// that does not keep ASCII in place, such as ISO-2022-JP), or is JSON in UTF-16.
    UnsupportedEncoding {
        /// The encoding found.
        found: String,
    },
    /// The document breaks the syntax of its format.
    Malformed {
        /// The document's encoding.
        format: Format,
        /// The byte offset where reading stopped.
        offset: usize,
        /// What was wrong there.
        reason: &'static str,
    },
    /// An error body lacks a field its shape requires.
    MissingField {
        /// The family whose shape it is.
        family: Family,
        /// The missing field.
        field: &'static str,
    },
    /// The body gives a member that decides the error twice (a JSON member such as
    /// `error`, `code` or `message` twice in one object; a second `<error>` element, or a
    /// code attribute twice, where the error is), so either could be the error meant.
    /// Members that decide nothing (unknown ones) may come twice.
    Ambiguous {
        /// The document's encoding.
        format: Format,
        /// The member given twice: a JSON key, an XML element or attribute name.
        member: &'static str,
    },
    /// An error code is not a number between 0 and `u32::MAX`.
    InvalidCode {
        /// The code as sent.
        found: String,
    },
}

impl ParseError {
    /// The most characters a variant quotes from the body.
    pub const QUOTE_LEN: usize = 80;

    /// Quotes `text`, cut to [`Self::QUOTE_LEN`] characters, so an error stays small.
    pub(crate) fn quote(text: &str) -> String {
        text.chars().take(Self::QUOTE_LEN).collect()
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("the body is empty"),
            Self::NotAnError {
                family: Some(family),
            } => {
                write!(f, "the body is a {family} response without an error")
            }
            Self::NotAnError { family: None } => f.write_str("the body carries no error"),
            Self::Html { title: Some(title) } => write!(f, "the body is an HTML page: {title:?}"),
            Self::Html { title: None } => f.write_str("the body is an HTML page"),
            Self::ForeignError {
                code: Some(code),
                message,
            } => write!(
                f,
                "the body is not an API error body but a framework's error {code}: {message:?}"
            ),
            Self::ForeignError {
                code: None,
                message,
            } => write!(
                f,
                "the body is not an API error body but a framework's error: {message:?}"
            ),
            Self::Unrecognised { found } => {
                write!(
                    f,
                    "the body is neither XML nor JSON: it starts with {found:?}"
                )
            }
            Self::UnexpectedRoot { format, found } => {
                write!(f, "unexpected {format} root: {found}")
            }
            Self::WrongFamily { expected, found } => {
                write!(f, "expected a {expected} body, found a {found} body")
            }
            Self::Truncated { format } => write!(f, "the {format} body is truncated"),
            Self::TooLarge { limit } => {
                write!(
                    f,
                    "the body is too large: longer than the limit of {limit} bytes, within which it holds no complete error body"
                )
            }
            Self::TooDeep { limit } => write!(f, "the body nests deeper than {limit} levels"),
            Self::NotUtf8 { offset } => write!(f, "the body is not UTF-8 (byte {offset})"),
            Self::UnsupportedEncoding { found } => write!(f, "unsupported encoding {found:?}"),
            Self::Malformed {
                format,
                offset,
                reason,
            } => write!(f, "malformed {format} at byte {offset}: {reason}"),
            Self::MissingField { family, field } => {
                write!(f, "the {family} error body has no {field}")
            }
            Self::Ambiguous { format, member } => write!(
                f,
                "the {format} body is ambiguous: it gives `{member}` twice, and either could be the error"
            ),
            Self::InvalidCode { found } => write!(f, "the error code {found:?} is not a number"),
        }
    }
}

impl std::error::Error for ParseError {}
