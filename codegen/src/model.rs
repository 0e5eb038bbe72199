//! The spec format: what one YAML file under `spec/` holds.
//!
//! These types are the single definition of the format. The JSON Schema editors use is
//! derived from them (see `schema.rs`), the loader checks a file's structure against that
//! schema before deserializing it, and the generators read nothing but these values.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One API's error catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Error-code spec",
    description = "Every error code of one API."
)]
pub struct Spec {
    /// The API's id, in snake_case: it becomes the Rust module name (`errors_core::<id>`).
    pub id: String,
    /// Human title of the API, for the docs.
    pub title: String,
    /// Where the API's own documentation of its errors lives.
    pub docs_url: String,
    /// The wire family: decides which body shapes the API speaks.
    #[serde(with = "crate::words::one")]
    #[schemars(schema_with = "crate::words::schema::<Family>")]
    pub family: Family,
    /// How the code travels in a JSON body: as the family's bodies carry it, `string` for
    /// ampache, `number` for lastfm, subsonic and problem (`check` refuses the other, which
    /// would have the catalog's serde write codes unlike the API's bodies).
    #[serde(with = "crate::words::one")]
    #[schemars(schema_with = "crate::words::schema::<JsonCode>")]
    pub json_code: JsonCode,
    /// Inclusive ranges every code must fall in, as `[first, last]` pairs.
    pub code_ranges: Vec<[u32; 2]>,
    /// Locales the messages come in. The first is the default unless `default_locale` says
    /// otherwise.
    pub locales: Vec<String>,
    /// The locale a message falls back to when a translation is missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_locale: Option<String>,
    /// The API versions, oldest first, with what differs between them.
    pub versions: Vec<Version>,
    /// The version (an `id` of `versions`) a server answers a client that sends no version,
    /// or one the API does not have; the newest when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_version: Option<String>,
    /// The API's rules about errors (Markdown), shown at the top of the docs.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rules: String,
    /// Warnings a client author must not miss (Markdown), shown prominently in the docs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// Numbers that are not codes and must never be assigned, with the reason.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub reserved: BTreeMap<u32, String>,
    /// Every error code, keyed by its number.
    pub codes: BTreeMap<u32, Code>,
}

// The vocabulary is errors-wire's, one type per concept for the wire, the catalogs and
// the generator.
pub use errors_wire::{Family, Format, JsonCode, Lifecycle, Retry};

/// One version of the API and what is particular to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Version {
    /// The version as clients send it: `"3"`, `"8"`, `"2.0"`, `"1.16.1"`.
    pub id: String,
    /// The Rust variant name of this version; derived from `id` when absent
    /// (`"8"` -> `V8`, `"1.16.1"` -> `V1_16_1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The body formats this version serves.
    #[serde(with = "crate::words::many")]
    #[schemars(schema_with = "crate::words::schema_list::<Format>")]
    pub formats: Vec<Format>,
    /// Whether this version answers with each code's `legacy` equivalent.
    #[serde(default, skip_serializing_if = "is_false")]
    pub legacy_codes: bool,
    /// HTTP status sent with an error unless the code says otherwise.
    #[serde(default = "default_status")]
    #[schemars(range(min = 100, max = 599))]
    pub http_status: u16,
    /// What differs in this version (Markdown).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// One error code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Code {
    /// The Rust variant name, UpperCamelCase.
    pub name: String,
    /// Short human title.
    pub title: String,
    /// What the error means and what a client should do (Markdown).
    pub description: String,
    /// The default message, as a plain string (in the default locale) or per locale.
    /// `{name}` is a placeholder; every translation must use the same placeholders.
    pub message: Message,
    /// The error types the API sends with this code (Ampache `errorType`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub error_types: Vec<String>,
    /// HTTP status: one for every version, or per version id (with an optional `default`).
    /// Absent: each version's own `http_status`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status: Option<HttpStatus>,
    /// The code versions with `legacy_codes` send instead of this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legacy: Option<u32>,
    /// What a client should do about it.
    #[serde(with = "crate::words::one")]
    #[schemars(schema_with = "crate::words::schema::<Retry>")]
    pub retry: Retry,
    /// Whether the code is still in use.
    #[serde(default, skip_serializing_if = "is_active", with = "crate::words::one")]
    #[schemars(schema_with = "crate::words::schema::<Lifecycle>")]
    pub lifecycle: Lifecycle,
    /// A note on history or naming; required when the code is retired.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The first version that has this code (a version id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    /// The last version that has this code (a version id): a code the API stopped sending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// What changed for clients in later versions (a status, the retry advice, the
    /// message), oldest first; `diff` finds such changes between two revisions of a spec.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<Changed>,
    /// Other meanings the API gives the same number.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meanings: Vec<Meaning>,
    /// Values for fixtures and doc examples.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<Example>,
}

/// A message in one locale or in several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Message {
    /// The message in the default locale.
    Plain(String),
    /// Locale -> message.
    Localized(BTreeMap<String, String>),
}

/// An HTTP status for every version, or per version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum HttpStatus {
    /// The same status in every version.
    All(#[schemars(range(min = 100, max = 599))] u16),
    /// Version id (or `default`) -> status.
    PerVersion(BTreeMap<String, u16>),
}

/// One change to a code that clients see, and the version that brought it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Changed {
    /// The first version with the change (a version id).
    pub version: String,
    /// What changed, in one line of Markdown: `Sent with HTTP 404 instead of 200.`
    pub note: String,
}

/// Another meaning of the same number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meaning {
    /// A name for this meaning, UpperCamelCase (for docs and aliases).
    pub name: String,
    /// Short human title.
    pub title: String,
    /// When the API uses the number this way (Markdown).
    pub description: String,
}

/// Example values, used for fixtures and doc examples.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// The method that failed (Ampache `errorAction`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// The error type (Ampache `errorType`).
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub error_type: Option<String>,
    /// The message as the server sends it; the default message when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

fn default_status() -> u16 {
    200
}

fn is_false(value: &bool) -> bool {
    !value
}

fn is_active(lifecycle: &Lifecycle) -> bool {
    *lifecycle == Lifecycle::Active
}

impl Spec {
    /// The version id a missing or unknown client version falls back to.
    pub fn default_version(&self) -> &str {
        self.default_version
            .as_deref()
            .or(self.versions.last().map(|v| v.id.as_str()))
            .unwrap_or_default()
    }

    /// The locale messages fall back to.
    pub fn default_locale(&self) -> &str {
        self.default_locale
            .as_deref()
            .or(self.locales.first().map(String::as_str))
            .unwrap_or("en")
    }
}

impl Version {
    /// The Rust variant name: `name`, or one derived from `id`.
    pub fn variant_name(&self) -> String {
        if let Some(name) = &self.name {
            return name.clone();
        }
        let mut out = String::from("V");
        for ch in self.id.chars() {
            out.push(if ch.is_ascii_alphanumeric() { ch } else { '_' });
        }
        out
    }
}

impl Message {
    /// The message in `locale`, if the spec has it.
    pub fn get<'a>(&'a self, locale: &str, default_locale: &str) -> Option<&'a str> {
        match self {
            Message::Plain(text) => (locale == default_locale).then_some(text.as_str()),
            Message::Localized(map) => map.get(locale).map(String::as_str),
        }
    }
}

impl Code {
    /// The HTTP status this code is sent with in `version`.
    pub fn http_status_in(&self, version: &Version) -> u16 {
        match &self.http_status {
            None => version.http_status,
            Some(HttpStatus::All(status)) => *status,
            Some(HttpStatus::PerVersion(map)) => map
                .get(&version.id)
                .or_else(|| map.get("default"))
                .copied()
                .unwrap_or(version.http_status),
        }
    }
}

impl Spec {
    /// The version a client's version string means, by errors-wire's one version rule
    /// ([`errors_wire::version::resolve`]); `None` when the API has no such version.
    pub fn resolve_version(&self, requested: &str) -> Option<&Version> {
        let ids = self.versions.iter().map(|v| v.id.as_str());
        errors_wire::version::resolve(ids, requested).map(|index| &self.versions[index])
    }
}
