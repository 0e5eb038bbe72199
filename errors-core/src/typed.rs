//! Ready-made error values of the bundled APIs: a code of the catalog plus the fields the
//! API's bodies carry, for servers that need no error type of their own.

use std::borrow::Cow;

use crate::{ApiError, Catalog, ampache, lastfm, subsonic};

/// An Ampache error: the code, the method that failed (`errorAction`), what was wrong
/// (`errorType`) and the message.
///
/// ```
/// use errors_core::{ampache::ErrorCode, AmpacheError, ApiError, Format, RequestContext};
///
/// let error = AmpacheError::new(ErrorCode::NotFound).with_error_type("filter").with_message("Not Found: 1");
/// let response = error.render(&RequestContext::new("6", Format::Xml).action("album"));
/// assert_eq!(response.status, 200);
/// assert!(String::from_utf8_lossy(&response.body).contains("<error errorCode=\"4704\">"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmpacheError<'a> {
    /// The code.
    pub code: ampache::ErrorCode,
    /// `errorType`; the code's first error type in the spec when `None`.
    pub error_type: Option<Cow<'a, str>>,
    /// The message; the code's default message when `None`.
    pub message: Option<Cow<'a, str>>,
}

impl<'a> AmpacheError<'a> {
    /// The error that is `code` with its default type and message.
    #[must_use]
    pub const fn new(code: ampache::ErrorCode) -> Self {
        AmpacheError {
            code,
            error_type: None,
            message: None,
        }
    }

    /// With this `errorType`.
    #[must_use]
    pub fn with_error_type(mut self, error_type: impl Into<Cow<'a, str>>) -> Self {
        self.error_type = Some(error_type.into());
        self
    }

    /// With this message.
    #[must_use]
    pub fn with_message(mut self, message: impl Into<Cow<'a, str>>) -> Self {
        self.message = Some(message.into());
        self
    }
}

impl ApiError for AmpacheError<'_> {
    type Catalog = ampache::ErrorCode;

    fn code(&self) -> ampache::ErrorCode {
        self.code
    }

    fn error_type(&self) -> Option<&str> {
        self.error_type.as_deref()
    }

    fn message(&self) -> Cow<'_, str> {
        message_or_default(self.message.as_deref(), self.code)
    }
}

/// A Last.fm error: the code and the message.
///
/// ```
/// use errors_core::{lastfm::ErrorCode, ApiError, Format, RequestContext, LastfmError};
///
/// let error = LastfmError::new(ErrorCode::InvalidParams).with_message("User not found");
/// let response = error.render(&RequestContext::new("2.0", Format::Json));
/// assert_eq!(response.body, br#"{"error":6,"message":"User not found"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastfmError<'a> {
    /// The code.
    pub code: lastfm::ErrorCode,
    /// The message; the code's default message when `None`.
    pub message: Option<Cow<'a, str>>,
}

impl<'a> LastfmError<'a> {
    /// The error that is `code` with its default message.
    #[must_use]
    pub const fn new(code: lastfm::ErrorCode) -> Self {
        LastfmError {
            code,
            message: None,
        }
    }

    /// With this message.
    #[must_use]
    pub fn with_message(mut self, message: impl Into<Cow<'a, str>>) -> Self {
        self.message = Some(message.into());
        self
    }
}

impl ApiError for LastfmError<'_> {
    type Catalog = lastfm::ErrorCode;

    fn code(&self) -> lastfm::ErrorCode {
        self.code
    }

    fn message(&self) -> Cow<'_, str> {
        message_or_default(self.message.as_deref(), self.code)
    }
}

/// A Subsonic or OpenSubsonic error: the code, the message and OpenSubsonic's `helpUrl`.
///
/// ```
/// use errors_core::{subsonic::ErrorCode, ApiError, Format, RequestContext, SubsonicError};
///
/// let error = SubsonicError::new(ErrorCode::NotFound)
///     .with_message("Album not found.")
///     .with_help_url("https://example.org/help/70");
/// let request = RequestContext::new("1.16.1", Format::Json).open_subsonic("example", "1.0.0");
/// let body = String::from_utf8(error.render(&request).body).expect("UTF-8");
/// assert!(body.contains("\"helpUrl\" : \"https://example.org/help/70\""));
/// assert!(body.contains("\"openSubsonic\" : true"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubsonicError<'a> {
    /// The code.
    pub code: subsonic::ErrorCode,
    /// The message; the code's default message when `None`.
    pub message: Option<Cow<'a, str>>,
    /// OpenSubsonic `helpUrl`: a page that helps the user fix the error.
    pub help_url: Option<Cow<'a, str>>,
}

impl<'a> SubsonicError<'a> {
    /// The error that is `code` with its default message and no help URL.
    #[must_use]
    pub const fn new(code: subsonic::ErrorCode) -> Self {
        SubsonicError {
            code,
            message: None,
            help_url: None,
        }
    }

    /// With this message.
    #[must_use]
    pub fn with_message(mut self, message: impl Into<Cow<'a, str>>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// With this `helpUrl`.
    #[must_use]
    pub fn with_help_url(mut self, help_url: impl Into<Cow<'a, str>>) -> Self {
        self.help_url = Some(help_url.into());
        self
    }
}

impl ApiError for SubsonicError<'_> {
    type Catalog = subsonic::ErrorCode;

    fn code(&self) -> subsonic::ErrorCode {
        self.code
    }

    fn message(&self) -> Cow<'_, str> {
        message_or_default(self.message.as_deref(), self.code)
    }

    fn help_url(&self) -> Option<&str> {
        self.help_url.as_deref()
    }
}

fn message_or_default<C: Catalog>(message: Option<&str>, code: C) -> Cow<'_, str> {
    Cow::Borrowed(message.unwrap_or_else(|| code.message()))
}
