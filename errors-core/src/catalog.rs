//! What every generated catalog implements, and the small types its metadata is made of.

use core::fmt;

/// The family of wire shapes an API speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// Ampache: `<root><error ...>` and `{"error": {...}}`, legacy and modern shapes.
    Ampache,
    /// Last.fm: `<lfm status="failed">` and `{"error": N, "message": "..."}`.
    Lastfm,
    /// Subsonic and OpenSubsonic: `<subsonic-response status="failed">` and its JSON twin.
    Subsonic,
}

/// How a code is written in a JSON body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JsonCode {
    /// As a string: `"code": "4704"`.
    String,
    /// As a number: `"error": 6`.
    Number,
}

/// Body format: the wire's own, so a catalog's formats and a client's format are one type.
pub use errors_wire::Format;

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

    /// The spec's name for this advice.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Retry::Never => "never",
            Retry::Later => "later",
            Retry::Backoff => "backoff",
            Retry::Poll => "poll",
            Retry::Reauthenticate => "reauthenticate",
            Retry::Fatal => "fatal",
        }
    }
}

impl fmt::Display for Retry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a code is still in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lifecycle {
    /// In use.
    Active,
    /// Still sent, but on its way out.
    Deprecated,
    /// No longer sent; kept so old bodies still parse and the number is never reused.
    Retired,
}

impl Lifecycle {
    /// The spec's name for this state.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Lifecycle::Active => "active",
            Lifecycle::Deprecated => "deprecated",
            Lifecycle::Retired => "retired",
        }
    }
}

impl fmt::Display for Lifecycle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One version of an API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VersionInfo {
    /// The version as clients send it: `"3"`, `"8"`, `"2.0"`, `"1.16.1"`.
    pub id: &'static str,
    /// The body formats it serves.
    pub formats: &'static [Format],
    /// Whether it answers with codes' legacy equivalents.
    pub legacy_codes: bool,
    /// HTTP status sent with an error unless the code says otherwise.
    pub http_status: u16,
}

/// Facts about the API a catalog belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApiInfo {
    /// The spec's id (also the module name).
    pub id: &'static str,
    /// Human title.
    pub title: &'static str,
    /// Where the API documents its errors.
    pub docs_url: &'static str,
    /// The wire family.
    pub family: Family,
    /// How the code travels in JSON.
    pub json_code: JsonCode,
    /// Locales the messages come in.
    pub locales: &'static [&'static str],
    /// The locale messages fall back to.
    pub default_locale: &'static str,
    /// Versions, oldest first.
    pub versions: &'static [VersionInfo],
}

impl ApiInfo {
    /// The version with this id.
    #[must_use]
    pub fn version(&self, id: &str) -> Option<&'static VersionInfo> {
        self.versions.iter().find(|v| v.id == id)
    }

    /// The newest version.
    #[must_use]
    pub fn latest(&self) -> &'static VersionInfo {
        // A spec without versions does not pass validation, so there is always one.
        &self.versions[self.versions.len() - 1]
    }
}

/// An error-code enum generated from a spec.
///
/// Every generated `ErrorCode` implements it; the inherent methods of the same names are
/// `const` where they can be.
pub trait Catalog:
    Copy + Eq + core::hash::Hash + fmt::Debug + fmt::Display + Send + Sync + 'static
{
    /// The API the codes belong to.
    const API: &'static ApiInfo;
    /// Every code, in numeric order.
    const ALL: &'static [Self];

    /// The code with this number.
    fn from_code(code: u32) -> Option<Self>;
    /// The code with this variant name.
    fn from_name(name: &str) -> Option<Self>;
    /// The number.
    fn code(self) -> u32;
    /// The variant name.
    fn name(self) -> &'static str;
    /// Short human title.
    fn title(self) -> &'static str;
    /// What the error means (Markdown).
    fn description(self) -> &'static str;
    /// The default message in the default locale.
    fn message(self) -> &'static str;
    /// The default message in `locale`, falling back to the default locale.
    fn message_in(self, locale: &str) -> &'static str;
    /// Error types the API sends with the code (Ampache `errorType`).
    fn error_types(self) -> &'static [&'static str];
    /// The HTTP status sent with the code in `version` (an id from `API.versions`); the
    /// newest version's when the version is unknown.
    fn http_status(self, version: &str) -> u16;
    /// The code sent instead by versions with legacy codes.
    fn legacy(self) -> Option<Self>;
    /// Retry advice.
    fn retry(self) -> Retry;
    /// Whether the code is still in use.
    fn lifecycle(self) -> Lifecycle;
}

/// A number or name that is not a code of a catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode {
    api: &'static str,
    input: String,
}

impl UnknownCode {
    /// `input` (a name or a number as text) is not a code of catalog `api`.
    #[must_use]
    pub fn new(api: &'static str, input: &str) -> Self {
        UnknownCode {
            api,
            input: input.to_owned(),
        }
    }

    /// `code` is not a code of catalog `api`.
    #[must_use]
    pub fn from_number(api: &'static str, code: u32) -> Self {
        UnknownCode {
            api,
            input: code.to_string(),
        }
    }

    /// The catalog's id.
    #[must_use]
    pub fn api(&self) -> &'static str {
        self.api
    }

    /// What was looked up.
    #[must_use]
    pub fn input(&self) -> &str {
        &self.input
    }
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a code of the {} catalog",
            self.input, self.api
        )
    }
}

impl std::error::Error for UnknownCode {}
