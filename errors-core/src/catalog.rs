//! What every generated catalog implements, and the small types its metadata is made of.

use core::fmt;

// One vocabulary for the wire, the catalogs and the generator.
pub use errors_wire::{Family, Format, JsonCode, Lifecycle, Retry, UnknownWord};

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
    /// Versions, oldest first; never empty.
    pub versions: &'static [VersionInfo],
    /// The id of the version a server answers a client that sends no version or one the
    /// API does not have (the spec's `default_version`; Ampache 8.0: `"8"`, its
    /// `Api::DEFAULT_VERSION`).
    pub default_version: &'static str,
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
        // Validation refuses a spec without versions, so there is always one.
        &self.versions[self.versions.len() - 1]
    }

    /// The version a client's version string means, by the rule of
    /// [`errors_wire::version::resolve`] (`"6.0.0"` is `"6"`, Ampache's `"350001"` is `"3"`);
    /// [`ApiInfo::default_version`] for a missing version or one the API does not have, as
    /// servers answer it.
    #[must_use]
    pub fn resolve(&self, requested: &str) -> &'static VersionInfo {
        &self.versions[self.resolve_index(requested)]
    }

    /// The version a client's version string names, or `None` when it names none (missing,
    /// malformed, or a version the API does not have).
    #[must_use]
    pub fn find(&self, requested: &str) -> Option<&'static VersionInfo> {
        let ids = self.versions.iter().map(|v| v.id);
        errors_wire::version::resolve(ids, requested).map(|at| &self.versions[at])
    }

    /// The index in `versions` of [`ApiInfo::resolve`]'s version.
    pub(crate) fn resolve_index(&self, requested: &str) -> usize {
        let ids = self.versions.iter().map(|v| v.id);
        errors_wire::version::resolve(ids, requested)
            .or_else(|| {
                self.versions
                    .iter()
                    .position(|v| v.id == self.default_version)
            })
            .unwrap_or(self.versions.len() - 1)
    }
}

/// Everything a spec says about one code: one row of a generated catalog's table.
///
/// `C` is the catalog's `ErrorCode`, so that a legacy equivalent is a code, not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeInfo<C: 'static> {
    /// The number.
    pub code: u32,
    /// The variant name.
    pub name: &'static str,
    /// Short human title.
    pub title: &'static str,
    /// What the error means and what a client should do (Markdown).
    pub description: &'static str,
    /// The default message, in the API's default locale.
    pub message: &'static str,
    /// `(locale, message)` for every other locale the spec translates the message into.
    pub translations: &'static [(&'static str, &'static str)],
    /// Error types the API sends with the code (Ampache `errorType`).
    pub error_types: &'static [&'static str],
    /// The HTTP status in each version, in the order of [`ApiInfo::versions`].
    pub http_status: &'static [u16],
    /// The code that versions with legacy codes send instead.
    pub legacy: Option<C>,
    /// Retry advice.
    pub retry: Retry,
    /// Whether the code is still in use.
    pub lifecycle: Lifecycle,
    /// The first version that has the code, when not all of them do.
    pub since: Option<&'static str>,
}

/// An error-code enum generated from a spec.
///
/// A generated catalog holds data only: its [`CodeInfo`] rows and [`ApiInfo`]. What every
/// catalog does with them is written once, here, as provided methods; each generated
/// `ErrorCode` also has them as inherent methods, so they need no import.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an error-code catalog",
    label = "expected the `ErrorCode` type of a generated catalog",
    note = "a catalog is an `ErrorCode` enum generated from a spec, such as `errors_core::ampache::ErrorCode` or, for your own spec, `crate::shop::ErrorCode` (see `errors_core::include_catalog!`)"
)]
pub trait Catalog:
    Copy + Eq + core::hash::Hash + fmt::Debug + fmt::Display + Send + Sync + 'static
{
    /// The API the codes belong to.
    const API: &'static ApiInfo;
    /// Every code, in numeric order.
    const ALL: &'static [Self];
    /// Every code, in the order of their names; for [`Catalog::from_name`].
    #[doc(hidden)]
    const BY_NAME: &'static [Self];
    /// The codes by number, for `#[derive(ApiError)]`: a generated catalog's `KnownCodes`,
    /// whose constant `CODE_4700` is the code numbered 4700, and which has no constant for
    /// a number the catalog lacks.
    #[doc(hidden)]
    type KnownCodes;

    /// Everything the spec says about the code.
    fn info(self) -> &'static CodeInfo<Self>;

    /// The code with this number.
    fn from_code(code: u32) -> Option<Self>;

    /// The code with this variant name.
    fn from_name(name: &str) -> Option<Self> {
        let by_name = Self::BY_NAME;
        by_name
            .binary_search_by(|code| code.info().name.cmp(name))
            .ok()
            .map(|at| by_name[at])
    }

    /// The number, as sent on the wire.
    fn as_u32(self) -> u32 {
        self.info().code
    }

    /// The variant name.
    fn name(self) -> &'static str {
        self.info().name
    }

    /// Short human title.
    fn title(self) -> &'static str {
        self.info().title
    }

    /// What the error means (Markdown).
    fn description(self) -> &'static str {
        self.info().description
    }

    /// The default message in the default locale.
    fn message(self) -> &'static str {
        self.info().message
    }

    /// The default message in `locale` (a BCP 47 tag such as `de-AT`), found as
    /// [`locale::lookup`](crate::locale::lookup) finds it (`de-AT`, then `de`), else in the
    /// default locale.
    fn message_in(self, locale: &str) -> &'static str {
        let info = self.info();
        crate::locale::lookup_by(locale, info.translations, |(tag, _)| tag)
            .map_or(info.message, |(_, message)| message)
    }

    /// Error types the API sends with the code (Ampache `errorType`).
    fn error_types(self) -> &'static [&'static str] {
        self.info().error_types
    }

    /// The HTTP status sent with the code to a client of `version` (resolved as
    /// [`ApiInfo::resolve`] says).
    fn http_status(self, version: &str) -> u16 {
        self.info().http_status[Self::API.resolve_index(version)]
    }

    /// The code sent instead by versions with legacy codes.
    fn legacy(self) -> Option<Self> {
        self.info().legacy
    }

    /// Retry advice.
    fn retry(self) -> Retry {
        self.info().retry
    }

    /// Whether the code is still in use.
    fn lifecycle(self) -> Lifecycle {
        self.info().lifecycle
    }

    /// The first version that has the code, when not all of them do.
    fn since(self) -> Option<&'static str> {
        self.info().since
    }
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
