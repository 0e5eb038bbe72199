//! Facts derived from a spec that the docs, the fixtures and the CLI all need, computed in
//! one place so they cannot disagree.

use crate::model::{Code, Format, Retry, Spec, Version};

/// Whether `number` is a legacy code: one that another code names as its `legacy`
/// equivalent. Legacy codes exist only in the versions with `legacy_codes`.
pub fn is_legacy_code(spec: &Spec, number: u32) -> bool {
    spec.codes.values().any(|code| code.legacy == Some(number))
}

/// The versions that send `number`, oldest first: a legacy code only in versions with
/// `legacy_codes`, a code with `since` from that version on and with `until` up to that
/// version, any other code in all of them.
pub fn versions_sending<'s>(spec: &'s Spec, number: u32, code: &Code) -> Vec<&'s Version> {
    sending_versions(spec, code, is_legacy_code(spec, number))
        .map(|(_, version)| version)
        .collect()
}

/// [`versions_sending`] for a code already known to be a legacy code or not, with each
/// version's position in `spec.versions`. Finding that out scans every code, so whoever
/// needs it for every code finds it out once for all of them (`crate::resolved`).
pub(crate) fn sending_versions<'s>(
    spec: &'s Spec,
    code: &Code,
    legacy: bool,
) -> impl Iterator<Item = (usize, &'s Version)> {
    let first = code
        .since
        .as_deref()
        .and_then(|since| spec.versions.iter().position(|v| v.id == since))
        .unwrap_or(0);
    let last = code
        .until
        .as_deref()
        .and_then(|until| spec.versions.iter().position(|v| v.id == until))
        .unwrap_or(usize::MAX);
    spec.versions
        .iter()
        .enumerate()
        .skip(first)
        .take_while(move |(at, _)| *at <= last)
        .filter(move |(_, version)| !legacy || version.legacy_codes)
}

/// Every format any version serves, XML first.
pub fn formats(spec: &Spec) -> Vec<Format> {
    let mut formats: Vec<Format> = spec
        .versions
        .iter()
        .flat_map(|v| v.formats.iter().copied())
        .collect();
    formats.sort();
    formats.dedup();
    formats
}

/// The default message of a code, in the spec's default locale.
pub fn default_message<'c>(spec: &Spec, code: &'c Code) -> &'c str {
    let locale = spec.default_locale();
    code.message.get(locale, locale).unwrap_or_default()
}

/// The message of a code in `locale`, falling back to the spec's default locale when the
/// code has no translation there; `None` when `locale` is not one of the spec's `locales`.
pub fn message_in<'c>(spec: &Spec, code: &'c Code, locale: &str) -> Option<&'c str> {
    spec.locales.iter().any(|l| l == locale).then(|| {
        code.message
            .get(locale, spec.default_locale())
            .unwrap_or_else(|| default_message(spec, code))
    })
}

pub use crate::placeholders::{Unfilled, fill};

/// The names of the `{name}` placeholders in a message, in name order; none for a message
/// that is not a well-formed template.
pub fn placeholders(text: &str) -> Vec<String> {
    crate::placeholders::parse(text)
        .map(|found| found.0.into_iter().collect())
        .unwrap_or_default()
}

/// The HTTP status sent with `number` in `version`: the code's own status when the spec has
/// the code, else the version's default, which is all a server can go by for a code it does
/// not know.
pub fn http_status(spec: &Spec, number: u32, version: &Version) -> u16 {
    spec.codes
        .get(&number)
        .map_or(version.http_status, |code| code.http_status_in(version))
}

/// What a client should do, in a sentence.
pub fn retry_advice(retry: Retry) -> &'static str {
    match retry {
        Retry::Never => "don't retry: the same request gives the same error; fix the request.",
        Retry::Later => "retry later: the condition is temporary.",
        Retry::Backoff => "retry with exponential backoff: the client is being throttled.",
        Retry::Poll => {
            "poll again: the request waits on something else, such as a user's approval."
        }
        Retry::Reauthenticate => "authenticate again, then retry with the new session or token.",
        Retry::Fatal => {
            "stop sending requests: they cannot succeed until someone changes the setup."
        }
    }
}
