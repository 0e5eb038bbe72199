use std::borrow::Cow;

use crate::{Family, Format};

/// A parsed error body.
///
/// Strings borrow from the body when they needed no unescaping. The code is kept as sent:
/// an unknown code is never mapped to a known one.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ErrorBody<'a> {
    /// The encoding the body was in; [`Format::Jsonp`] for JSON in a callback's call, whose
    /// padding is stripped.
    pub format: Format,
    /// The error code, whether it was sent as a number or as a numeric string.
    pub code: u32,
    /// The human-readable message; for `problem+json`, the `detail` member. Empty when the
    /// body carries none.
    pub message: Cow<'a, str>,
    /// The shape the body had, with whatever else that shape carries.
    pub shape: Shape<'a>,
}

impl ErrorBody<'_> {
    /// The family the body belongs to.
    pub fn family(&self) -> Family {
        match self.shape {
            Shape::AmpacheLegacy | Shape::AmpacheModern { .. } => Family::Ampache,
            Shape::Lastfm => Family::Lastfm,
            Shape::Subsonic { .. } => Family::Subsonic,
            Shape::Problem { .. } => Family::Problem,
        }
    }

    /// Copies every borrowed string, detaching the body from the buffer it was parsed from.
    pub fn into_owned(self) -> ErrorBody<'static> {
        ErrorBody {
            format: self.format,
            code: self.code,
            message: owned(self.message),
            shape: self.shape.into_owned(),
        }
    }
}

/// The shape of an error body, with the fields only that shape carries.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Shape<'a> {
    /// Ampache API 3 and 4: `<error code="N">` or `{"error": {"code": "N", "message": ..}}`.
    AmpacheLegacy,
    /// Ampache API 5 and later: `<error errorCode="N">` with action, type and message.
    AmpacheModern {
        /// `errorAction`: the method that failed.
        action: Cow<'a, str>,
        /// `errorType`: what was missing or which access level was required.
        error_type: Cow<'a, str>,
    },
    /// Last.fm: `<lfm status="failed">` or `{"error": N, "message": ..}`.
    Lastfm,
    /// Subsonic and OpenSubsonic: `<subsonic-response status="failed">`.
    Subsonic {
        /// The protocol version the server speaks (`version`).
        version: Option<Cow<'a, str>>,
        /// The server's name (OpenSubsonic `type`).
        server_type: Option<Cow<'a, str>>,
        /// The server's own version (OpenSubsonic `serverVersion`).
        server_version: Option<Cow<'a, str>>,
        /// Whether the server declared `openSubsonic: true`.
        open_subsonic: bool,
        /// A link that explains the error (OpenSubsonic `helpUrl`).
        help_url: Option<Cow<'a, str>>,
    },
    /// RFC 9457 `problem+json`; the error code is the `code` extension member.
    Problem {
        /// The `type` URI reference.
        type_uri: Option<Cow<'a, str>>,
        /// The `title`: a short summary of the problem type.
        title: Option<Cow<'a, str>>,
        /// The `status`: the HTTP status code the server chose.
        status: Option<u16>,
        /// The `instance` URI reference.
        instance: Option<Cow<'a, str>>,
    },
}

impl Shape<'_> {
    fn into_owned(self) -> Shape<'static> {
        match self {
            Shape::AmpacheLegacy => Shape::AmpacheLegacy,
            Shape::AmpacheModern { action, error_type } => Shape::AmpacheModern {
                action: owned(action),
                error_type: owned(error_type),
            },
            Shape::Lastfm => Shape::Lastfm,
            Shape::Subsonic {
                version,
                server_type,
                server_version,
                open_subsonic,
                help_url,
            } => Shape::Subsonic {
                version: version.map(owned),
                server_type: server_type.map(owned),
                server_version: server_version.map(owned),
                open_subsonic,
                help_url: help_url.map(owned),
            },
            Shape::Problem {
                type_uri,
                title,
                status,
                instance,
            } => Shape::Problem {
                type_uri: type_uri.map(owned),
                title: title.map(owned),
                status,
                instance: instance.map(owned),
            },
        }
    }
}

fn owned(text: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(text.into_owned())
}
