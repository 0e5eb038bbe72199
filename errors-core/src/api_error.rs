//! Errors that are sent to clients as a code of a catalog.

use std::borrow::Cow;
use std::time::Duration;

use crate::Catalog;

/// An error a server reports to its clients as one code of a [`Catalog`], with an optional
/// error type and a message.
///
/// Derive it with [`#[derive(ApiError)]`](derive@crate::ApiError), or implement it by hand:
/// only [`code`](ApiError::code) is required, the rest defaults to what the catalog says
/// about the code.
///
/// ```
/// use std::borrow::Cow;
///
/// use errors_core::{ampache::ErrorCode, ApiError};
///
/// struct SongNotFound(u64);
///
/// impl ApiError for SongNotFound {
///     type Catalog = ErrorCode;
///
///     fn code(&self) -> ErrorCode {
///         ErrorCode::NotFound
///     }
///
///     fn error_type(&self) -> Option<&str> {
///         Some("song")
///     }
///
///     fn message(&self) -> Cow<'_, str> {
///         Cow::Owned(format!("Not Found: {}", self.0))
///     }
/// }
///
/// let error = SongNotFound(42);
/// assert_eq!(error.code().as_u32(), 4704);
/// assert_eq!(error.error_type(), Some("song"));
/// assert_eq!(error.message(), "Not Found: 42");
/// // Not overridden, so the spec decides: Ampache sends errors with 200 OK up to API 6,
/// // and with a status that fits the code from API 8 on.
/// assert_eq!(error.http_status("6"), 200);
/// assert_eq!(error.http_status("8"), 404);
/// ```
///
/// Every generated `ErrorCode` implements it too, as the error that is nothing but its
/// code, so a code can be returned wherever an `ApiError` is expected:
///
/// ```
/// use errors_core::{lastfm::ErrorCode, ApiError, Catalog};
///
/// fn report<E: ApiError>(error: &E) -> String {
///     format!("{}: {}", error.code().as_u32(), error.message())
/// }
///
/// assert_eq!(
///     report(&ErrorCode::RateLimitExceeded),
///     format!("29: {}", Catalog::message(ErrorCode::RateLimitExceeded)),
/// );
/// ```
pub trait ApiError {
    /// The catalog the code comes from.
    type Catalog: Catalog;

    /// The code sent to the client.
    fn code(&self) -> Self::Catalog;

    /// The error type sent with the code (Ampache's `errorType`: the kind of object or
    /// parameter the error is about). `None` unless the error names one.
    fn error_type(&self) -> Option<&str> {
        None
    }

    /// The message sent with the code: the spec's default message for the code unless the
    /// error has its own, with `{{` and `}}` written as single braces. A derived error fills
    /// the message's `{name}` placeholders from its fields of those names.
    fn message(&self) -> Cow<'_, str> {
        crate::placeholders::fill(self.code().message(), &[])
    }

    /// The message in `locale` (a BCP 47 tag such as `de-AT`, as
    /// [`locale::negotiate`](crate::locale::negotiate) picks from Accept-Language): the
    /// spec's message for the code in that locale, falling back to its language (`de`) and
    /// then the spec's default locale, with a derived error's `{name}` placeholders filled
    /// from its fields. A message of the error's own (a hand-written
    /// [`message`](ApiError::message) or the derive's `message = "..."`) has one language
    /// and is returned as it is.
    ///
    /// ```
    /// use errors_core::{ampache::ErrorCode, ApiError};
    ///
    /// assert_eq!(ErrorCode::NotFound.message_in("de-AT"), "Nicht gefunden");
    /// assert_eq!(ErrorCode::NotFound.message_in("ja"), "Not Found");
    /// ```
    fn message_in(&self, locale: &str) -> Cow<'_, str> {
        let message = self.message();
        let code = self.code();
        // The default `message` is the spec's: any other text is the error's own.
        if message == crate::placeholders::fill(code.message(), &[]) {
            crate::placeholders::fill(code.message_in(locale), &[])
        } else {
            message
        }
    }

    /// The HTTP status the error is sent with in API `version` (a version id such as `"6"`
    /// or `"1.16.1"`); the spec decides, per code and version.
    fn http_status(&self, version: &str) -> u16 {
        self.code().http_status(version)
    }

    /// A link that helps the user fix the error (OpenSubsonic `helpUrl`); `None` unless the
    /// error has one. Only Subsonic bodies carry it.
    fn help_url(&self) -> Option<&str> {
        None
    }

    /// How long the client should wait before sending the request again, sent as the
    /// response's `Retry-After` header in delta-seconds (RFC 9110 section 10.2.3; a
    /// fraction of a second is rounded up, so that a client never comes back early).
    /// `None` (the default) sends no `Retry-After`: the spec's retry advice (`retry: later`,
    /// `backoff`) names no delay, so only the error can say how long. The derive sets it
    /// with `#[api_error(retry_after = 30)]`; clients read it back with
    /// [`ClientError::retry_after`](crate::ClientError::retry_after).
    ///
    /// ```
    /// use std::time::Duration;
    ///
    /// use errors_core::{lastfm::ErrorCode, ApiError, Format, RequestContext};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(catalog = errors_core::lastfm::ErrorCode, code = RateLimitExceeded, retry_after = 30)]
    /// struct Throttled;
    ///
    /// assert_eq!(Throttled.retry_after(), Some(Duration::from_secs(30)));
    /// let response = Throttled.render(&RequestContext::new("2.0", Format::Json));
    /// assert_eq!((response.status, response.retry_after), (429, Some(Duration::from_secs(30))));
    /// assert_eq!(ErrorCode::RateLimitExceeded.retry_after(), None);
    /// ```
    fn retry_after(&self) -> Option<Duration> {
        None
    }

    /// The HTTP status, Content-Type and body that tell `client` about this error, in the
    /// shape of the catalog's API for the client's version and format.
    ///
    /// Clients of versions with legacy codes (Ampache API 3 and 4) get the code's legacy
    /// equivalent unless [`RequestContext::codes_as_given`](crate::RequestContext::codes_as_given) says
    /// otherwise; API 8 gets the code's own HTTP status.
    ///
    /// The format asked for is answered even when the version does not serve it, as a server
    /// answers whatever a client sends: Ampache API 3, which has no JSON, answers JSON in the
    /// newest version's modern shape, and the other families in their one shape for that
    /// format. (The command line's `render` refuses such a format instead.)
    ///
    /// ```
    /// use errors_core::{ampache::ErrorCode, ApiError, Format, RequestContext};
    ///
    /// let modern = ErrorCode::NotFound.render(&RequestContext::new("8", Format::Json).action("album"));
    /// assert_eq!(modern.status, 404);
    /// assert_eq!(modern.content_type, "application/json; charset=UTF-8");
    /// assert!(modern.body.starts_with(b"{\n    \"error\": {\n        \"errorCode\": \"4704\""));
    ///
    /// let legacy = ErrorCode::NotFound.render(&RequestContext::new("350001", Format::Xml));
    /// assert_eq!(legacy.status, 200);
    /// assert!(String::from_utf8_lossy(&legacy.body).contains("<error code=\"404\">"));
    /// ```
    fn render(&self, request: &crate::RequestContext<'_>) -> crate::Response {
        crate::respond::render(self, request)
    }

    /// The error as RFC 9457 `application/problem+json`, for services that want a standard
    /// envelope: the API's docs URL as `type`, the code's title, the HTTP status for
    /// `version`, the message as `detail` and the code as the `code` member.
    ///
    /// ```
    /// use errors_core::{lastfm::ErrorCode, ApiError};
    ///
    /// let response = ErrorCode::RateLimitExceeded.render_problem("2.0");
    /// assert_eq!(response.status, 429);
    /// assert_eq!(response.content_type, "application/problem+json");
    /// ```
    fn render_problem(&self, version: &str) -> crate::Response {
        crate::respond::render_problem(self, version)
    }
}

impl<E: ApiError + ?Sized> ApiError for &E {
    type Catalog = E::Catalog;

    fn code(&self) -> Self::Catalog {
        (**self).code()
    }

    fn error_type(&self) -> Option<&str> {
        (**self).error_type()
    }

    fn message(&self) -> Cow<'_, str> {
        (**self).message()
    }

    fn message_in(&self, locale: &str) -> Cow<'_, str> {
        (**self).message_in(locale)
    }

    fn http_status(&self, version: &str) -> u16 {
        (**self).http_status(version)
    }

    fn help_url(&self) -> Option<&str> {
        (**self).help_url()
    }

    fn retry_after(&self) -> Option<Duration> {
        (**self).retry_after()
    }
}

impl<E: ApiError + ?Sized> ApiError for Box<E> {
    type Catalog = E::Catalog;

    fn code(&self) -> Self::Catalog {
        (**self).code()
    }

    fn error_type(&self) -> Option<&str> {
        (**self).error_type()
    }

    fn message(&self) -> Cow<'_, str> {
        (**self).message()
    }

    fn message_in(&self, locale: &str) -> Cow<'_, str> {
        (**self).message_in(locale)
    }

    fn http_status(&self, version: &str) -> u16 {
        (**self).http_status(version)
    }

    fn help_url(&self) -> Option<&str> {
        (**self).help_url()
    }

    fn retry_after(&self) -> Option<Duration> {
        (**self).retry_after()
    }
}

/// Derives [`ApiError`](trait@ApiError): attaches codes of a catalog to your own error type,
/// with an error type and a message of your own where you want them.
///
/// ```
/// use errors_core::{ampache, ApiError};
/// # #[derive(Debug, ApiError)]
/// # #[api_error(catalog = errors_core::ampache::ErrorCode, code = 4702, message = "database: {0}")]
/// # pub struct DbError(&'static str);
///
/// #[derive(Debug, ApiError)]
/// #[api_error(catalog = errors_core::ampache::ErrorCode)]
/// pub enum LibraryError {
///     #[api_error(code = 4704, error_type = "song", message = "Not Found: {id}")]
///     SongMissing { id: u64 },
///     #[api_error(code = NotFound)]
///     Gone,
///     #[api_error(code = 4742, error_type = "account", message = "Require: {0}")]
///     Forbidden(u8),
///     #[api_error(transparent)]
///     Db(DbError),
/// }
///
/// let error = LibraryError::SongMissing { id: 42 };
/// assert_eq!(error.code(), ampache::ErrorCode::NotFound);
/// assert_eq!(error.error_type(), Some("song"));
/// assert_eq!(error.message(), "Not Found: 42");
/// assert_eq!(error.http_status("8"), 404);
///
/// let error = LibraryError::Db(DbError("locked"));
/// assert_eq!(error.code(), ampache::ErrorCode::GenericError);
/// assert_eq!(error.message(), "database: locked");
/// ```
///
/// Everything goes in `#[api_error(...)]` attributes:
///
/// | key | on | value |
/// |---|---|---|
/// | `catalog` | the type | the path of a catalog's `ErrorCode`: `errors_core::ampache::ErrorCode`, or `crate::shop::ErrorCode` for your own spec |
/// | `code` | each variant; a struct | a code number, or a variant name of the catalog |
/// | `message` | each variant; a struct | a template: `{field}` and `{0}` show fields, `{{`/`}}` are braces |
/// | `error_type` | a variant; a struct; an enum, as the default of its variants | a string: Ampache's `errorType` (a compile error at the key on a catalog of another family) |
/// | `help_url` | a variant; a struct | a link: OpenSubsonic's `helpUrl` (a compile error at the key on a catalog that is not Subsonic's) |
/// | `retry_after` | a variant; a struct | whole seconds, sent as the `Retry-After` header (`retry_after = 30`) |
/// | `transparent` | a variant or struct with one field | none: everything comes from the field |
///
/// # Catalog
///
/// `catalog` takes the path of a catalog's `ErrorCode` type, the same way for every catalog:
/// `errors_core::ampache::ErrorCode` (or `lastfm`, `subsonic`) for one bundled with this
/// crate, and for your own spec the `ErrorCode` generated by `errors_codegen` in your build
/// script and included with [`include_catalog!`](crate::include_catalog), such as
/// `catalog = crate::shop::ErrorCode`. Any path in scope works:
///
/// ```
/// use errors_core::{subsonic::ErrorCode, ApiError};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(catalog = ErrorCode, code = WrongCredentials)]
/// pub struct BadLogin;
///
/// assert_eq!(BadLogin.code(), ErrorCode::WrongCredentials);
/// assert_eq!(BadLogin.message(), "Wrong username or password.");
/// ```
///
/// # Codes, checked at compile time
///
/// A code is a number (`code = 4704`) or the name of a variant of the catalog
/// (`code = NotFound`). Either way the compiler checks it against the catalog, and reports
/// every code the catalog does not have at the code; a number as the catalog's `KnownCodes`
/// lacking a `CODE_<number>`, a name with the variant names nearest to it:
///
/// ```compile_fail,E0599
/// # use errors_core::ApiError;
/// #[derive(Debug, ApiError)]
/// #[api_error(catalog = errors_core::lastfm::ErrorCode, code = 30)] // error: no associated item named `CODE_30` found for struct `errors_core::lastfm::KnownCodes`
/// pub struct Throttled;
/// ```
///
/// ```compile_fail,E0599
/// # use errors_core::ApiError;
/// #[derive(Debug, ApiError)]
/// #[api_error(catalog = errors_core::lastfm::ErrorCode, code = RateLimitExceded)] // error: no variant ... `RateLimitExceded`
/// pub struct Throttled;
/// ```
///
/// # Messages
///
/// Without `message`, the message is the catalog's default for the code. A `message` of
/// your own can show the fields of the variant or struct by name or position, formatted
/// with [`Display`](core::fmt::Display) or with a format spec after a colon (`{0:?}`,
/// `{id:>8}`). A message without placeholders, like the catalog's default, is returned as
/// [`Cow::Borrowed`] and costs no allocation. A default message that has placeholders
/// itself (`Item {sku} is out of stock`) is filled from the fields of those names; a variant
/// that lacks one is a compile error at the variant, and a field whose type has no `Display`
/// leaves its placeholder as written.
///
/// ```
/// use std::borrow::Cow;
///
/// use errors_core::{lastfm, ApiError};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(catalog = errors_core::lastfm::ErrorCode)]
/// pub enum ScrobbleError {
///     #[api_error(code = 6, message = "Invalid parameters - missing {name} (at {at:?})")]
///     MissingParameter { name: &'static str, at: (u32, u32) },
///     #[api_error(code = 6, message = "Invalid parameters - {{track}} is empty")]
///     EmptyTrack,
///     #[api_error(code = RateLimitExceeded)]
///     Throttled,
/// }
///
/// let error = ScrobbleError::MissingParameter { name: "artist", at: (1, 2) };
/// assert_eq!(error.message(), "Invalid parameters - missing artist (at (1, 2))");
/// assert!(matches!(
///     ScrobbleError::EmptyTrack.message(),
///     Cow::Borrowed("Invalid parameters - {track} is empty"),
/// ));
/// assert!(matches!(ScrobbleError::Throttled.message(), Cow::Borrowed(_)));
/// assert_eq!(
///     ScrobbleError::Throttled.message(),
///     "Rate Limit Exceeded - Your IP has made too many requests in a short period",
/// );
/// ```
///
/// # Error types
///
/// `error_type` on a variant or struct sets what [`ApiError::error_type`] returns; on an
/// enum it is the default of the variants that set none.
///
/// ```
/// use errors_core::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(catalog = errors_core::ampache::ErrorCode, error_type = "playlist")]
/// pub enum PlaylistError {
///     #[api_error(code = NotFound)]
///     Missing,
///     #[api_error(code = BadRequest, error_type = "filter")]
///     BadFilter,
/// }
///
/// assert_eq!(PlaylistError::Missing.error_type(), Some("playlist"));
/// assert_eq!(PlaylistError::BadFilter.error_type(), Some("filter"));
/// ```
///
/// # Retry-After
///
/// `retry_after = 30` on a variant or struct sets what [`ApiError::retry_after`] returns:
/// the response carries `Retry-After: 30` (RFC 9110 section 10.2.3), with any status and
/// in any format, and [`ClientError::retry_after`](crate::ClientError::retry_after) reads
/// it back. The value is a whole number of seconds without a suffix. The spec's retry
/// advice (`retry: backoff`) names no delay, so a code alone never sends the header; for a
/// delay computed per request, implement [`ApiError`](trait@ApiError) by hand or, under
/// [`axum::ApiLayer`](crate::axum::ApiLayer), return the error together with the header
/// (`Err((AppendHeaders([(RETRY_AFTER, "5")]), error))`), which the layer keeps.
///
/// ```
/// use std::time::Duration;
///
/// use errors_core::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(catalog = errors_core::subsonic::ErrorCode)]
/// pub enum StreamError {
///     #[api_error(code = Generic, message = "Transcoder busy", retry_after = 5)]
///     Busy,
///     #[api_error(code = NotFound)]
///     Missing,
/// }
///
/// assert_eq!(StreamError::Busy.retry_after(), Some(Duration::from_secs(5)));
/// assert_eq!(StreamError::Missing.retry_after(), None);
/// ```
///
/// # Transparent
///
/// `#[api_error(transparent)]` on a variant with one field forwards every method to that
/// field, whose type must implement `ApiError` with the same catalog. A struct with one field
/// can be transparent too, and then needs no `catalog`: it takes its field's.
///
/// ```
/// use errors_core::{subsonic, ApiError};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(catalog = errors_core::subsonic::ErrorCode, code = 70, message = "Album {0} not found")]
/// pub struct AlbumNotFound(u32);
///
/// #[derive(Debug, ApiError)]
/// #[api_error(transparent)]
/// pub struct BrowseError(AlbumNotFound);
///
/// let error = BrowseError(AlbumNotFound(7));
/// assert_eq!(error.code(), subsonic::ErrorCode::NotFound);
/// assert_eq!(error.message(), "Album 7 not found");
/// ```
///
/// # With thiserror
///
/// The derive reads only `#[api_error]`, so it sits next to `#[derive(thiserror::Error)]`:
/// `Display` says what happened for your logs, `ApiError` what the client is told.
///
/// ```
/// use errors_core::{ampache, ApiError};
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// #[api_error(catalog = errors_core::ampache::ErrorCode)]
/// pub enum ApiFailure {
///     #[error("song {id} missing from the catalog table")]
///     #[api_error(code = 4704, error_type = "song", message = "Not Found: {id}")]
///     SongMissing { id: u64 },
/// }
///
/// let error = ApiFailure::SongMissing { id: 3 };
/// assert_eq!(error.to_string(), "song 3 missing from the catalog table");
/// assert_eq!(error.message(), "Not Found: 3");
/// ```
///
/// # Generic types
///
/// Fields whose types use the type's parameters get the bounds they need: `Display` (or the
/// trait of their format spec) when a message shows them, `ApiError` with the same catalog
/// when they are transparent.
///
/// ```
/// use errors_core::{ampache, ApiError};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(catalog = errors_core::ampache::ErrorCode)]
/// pub enum Lookup<K, E> {
///     #[api_error(code = NotFound, message = "Not Found: {0}")]
///     Missing(K),
///     #[api_error(transparent)]
///     Backend(E),
/// }
///
/// let error: Lookup<&str, ampache::ErrorCode> = Lookup::Missing("abc");
/// assert_eq!(error.message(), "Not Found: abc");
/// let error: Lookup<&str, _> = Lookup::Backend(ampache::ErrorCode::AccessDenied);
/// assert_eq!(error.code(), ampache::ErrorCode::AccessDenied);
/// ```
///
/// # Mistakes the derive reports
///
/// Besides unknown codes: a missing `catalog`, a variant or struct without a `code`, a
/// placeholder that names no field, a malformed message, a key given twice (at both
/// places), an unknown or misplaced key, `transparent` on other than exactly one field or
/// together with `code`, `message` or `error_type`, and unions. All of them are reported in
/// one build, each at the offending token, and the type still implements `ApiError`, so its
/// uses elsewhere add no errors of their own.
///
/// ```compile_fail
/// # use errors_core::ApiError;
/// #[derive(Debug, ApiError)]
/// #[api_error(catalog = errors_core::ampache::ErrorCode)]
/// pub enum LibraryError {
///     #[api_error(code = 4704, message = "Not Found: {idd}")] // error: no field `idd`
///     SongMissing { id: u64 },
///     Gone, // error: variant `Gone` has no code
/// }
/// ```
#[doc(inline)]
pub use errors_derive::ApiError;

/// Support for the code `#[derive(ApiError)]` expands to; not a public API.
#[doc(hidden)]
pub mod __private {
    use core::fmt;

    use crate::{ApiInfo, Catalog, CodeInfo, Family, JsonCode, UnknownCode};

    /// The compile-time check of an `error_type` key: only Ampache's bodies (the modern
    /// shape, API 5 and later) carry an error type. Fails at the caller, which the derive
    /// spans at the key.
    #[track_caller]
    pub const fn check_error_type(family: Family) {
        match family {
            Family::Ampache => {}
            Family::Lastfm => panic!(
                "`error_type` has no effect: Last.fm bodies carry no error type; only \
                 Ampache's (API 5 and later) do"
            ),
            Family::Subsonic => panic!(
                "`error_type` has no effect: Subsonic bodies carry no error type; only \
                 Ampache's (API 5 and later) do"
            ),
            Family::Problem => panic!(
                "`error_type` has no effect: problem details carry no error type; only \
                 Ampache's (API 5 and later) do"
            ),
        }
    }

    /// The compile-time check of a `help_url` key: only OpenSubsonic bodies carry a
    /// `helpUrl`. Fails at the caller, which the derive spans at the key.
    #[track_caller]
    pub const fn check_help_url(family: Family) {
        match family {
            Family::Subsonic => {}
            Family::Ampache => panic!(
                "`help_url` has no effect: Ampache bodies carry no help URL; only \
                 OpenSubsonic's do"
            ),
            Family::Lastfm => panic!(
                "`help_url` has no effect: Last.fm bodies carry no help URL; only \
                 OpenSubsonic's do"
            ),
            Family::Problem => panic!(
                "`help_url` has no effect: problem details carry no help URL; only \
                 OpenSubsonic's do"
            ),
        }
    }

    /// A code by variant name (`NotFound`) or by number (`4704`): the `FromStr` of every
    /// catalog.
    pub fn code_from_str<C: Catalog>(text: &str) -> Result<C, UnknownCode> {
        let found = match text.parse::<u32>() {
            Ok(code) => C::from_code(code),
            Err(_) => C::from_name(text),
        };
        found.ok_or_else(|| UnknownCode::new(C::API.id, text))
    }

    /// Where `code` is in `codes` (sorted), in const evaluation: a catalog's `from_code`.
    #[must_use]
    pub const fn position(codes: &[u32], code: u32) -> Option<usize> {
        let at = lower_bound(codes, code);
        if at < codes.len() && codes[at] == code {
            Some(at)
        } else {
            None
        }
    }

    /// The index of the first of `codes` (sorted) not below `code`, by binary search.
    const fn lower_bound(codes: &[u32], code: u32) -> usize {
        let (mut low, mut high) = (0, codes.len());
        while low < high {
            let middle = low + (high - low) / 2;
            if codes[middle] < code {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        low
    }

    /// The catalog a derive names when the user named none, so that a missing
    /// `catalog = ...` is reported once instead of at every use of the type.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum NoCatalog {}

    impl fmt::Display for NoCatalog {
        fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
            match *self {}
        }
    }

    impl Catalog for NoCatalog {
        const API: &'static ApiInfo = &ApiInfo {
            id: "",
            title: "",
            docs_url: "",
            family: Family::Ampache,
            json_code: JsonCode::Number,
            locales: &[],
            default_locale: "",
            versions: &[],
            default_version: "",
        };
        const ALL: &'static [Self] = &[];
        const BY_NAME: &'static [Self] = &[];
        type KnownCodes = Self;

        fn info(self) -> &'static CodeInfo<Self> {
            match self {}
        }

        fn from_code(_: u32) -> Option<Self> {
            None
        }
    }
}
