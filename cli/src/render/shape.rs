//! Which body `render` writes: the version it is for, and the fields its shape carries, so
//! that a value given for a field the body does not have is a usage error, never dropped.

use errors_wire::ampache::ApiVersion;
use errors_wire::subsonic;

use crate::Failure;
use errors_codegen::model::{Family, Format, Spec, Version};

/// The version a body is rendered for: the spec version whose status it carries, and the
/// version string errors-wire renders it with.
#[derive(Debug)]
pub struct Target<'s, 'a> {
    /// The spec's version, whose status the body is sent with.
    pub version: &'s Version,
    /// The version as errors-wire takes it.
    pub wire: &'a str,
}

/// The target for `--version requested` (none: the newest, or Subsonic's default protocol
/// version); a version the API does not have is a usage error listing those it has.
pub fn target<'s, 'a>(spec: &'s Spec, requested: Option<&'a str>) -> Result<Target<'s, 'a>, Failure>
where
    's: 'a,
{
    let unknown = || {
        let known: Vec<&str> = spec.versions.iter().map(|v| v.id.as_str()).collect();
        let protocol = if spec.family == Family::Subsonic {
            ", or a protocol version such as 1.16.1"
        } else {
            ""
        };
        Failure::Usage(format!(
            "error: {} has no API version {}; its versions are: {}{protocol}",
            spec.id,
            errors_codegen::quote(requested.unwrap_or_default()),
            known.join(", ")
        ))
    };
    let newest = spec.versions.last().ok_or_else(unknown)?;
    match spec.family {
        Family::Ampache | Family::Lastfm | Family::Problem => {
            let version = match requested {
                Some(requested) => spec.resolve_version(requested).ok_or_else(unknown)?,
                None => newest,
            };
            Ok(Target {
                version,
                wire: &version.id,
            })
        }
        // A protocol version not in the spec may still be written into a Subsonic body; the
        // spec's versions only decide the status.
        Family::Subsonic => {
            let requested = requested.unwrap_or(subsonic::DEFAULT_VERSION);
            let version = match spec.resolve_version(requested) {
                Some(version) => version,
                None if is_protocol_version(requested) => newest,
                None => return Err(unknown()),
            };
            Ok(Target {
                version,
                wire: subsonic::protocol_version(requested),
            })
        }
    }
}

/// `1.16.1`, `1.13.0`: numbers separated by dots.
fn is_protocol_version(text: &str) -> bool {
    text.split('.')
        .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

/// The optional values given on the command line.
#[derive(Debug)]
pub struct Given<'a> {
    /// `--action`.
    pub action: Option<&'a str>,
    /// `--type`.
    pub error_type: Option<&'a str>,
    /// `--help-url`.
    pub help_url: Option<&'a str>,
    /// `--server-type` and `--server-version`.
    pub open_subsonic: bool,
    /// `--callback`.
    pub callback: Option<&'a str>,
}

/// A usage error for the first value given that the body for `spec`, `target` and `format`
/// has no place for. An empty `--action` or `--type` loses nothing and passes.
pub fn refuse_unused(
    spec: &Spec,
    target: &Target<'_, '_>,
    format: Format,
    given: &Given<'_>,
) -> Result<(), Failure> {
    let modern_ampache = spec.family == Family::Ampache
        && !ApiVersion::from_id(errors_wire::version::major(target.wire)).is_legacy(format);
    let body = || match spec.family {
        Family::Ampache if !modern_ampache => format!(
            "an Ampache API {} {} body (the legacy shape: code and message only)",
            target.version.id,
            format.as_str()
        ),
        Family::Subsonic if !given.open_subsonic => "a plain Subsonic body".to_owned(),
        family => format!("a {} body", family.as_str()),
    };
    let refuse = |flag: &str, field: &str, hint: &str| {
        Err(Failure::Usage(format!(
            "error: {flag}: {} has no {field}{hint}",
            body()
        )))
    };
    if given.action.is_some_and(|a| !a.is_empty()) && !modern_ampache {
        return refuse("--action", "errorAction", "");
    }
    if given.error_type.is_some_and(|t| !t.is_empty()) && !modern_ampache {
        return refuse("--type", "errorType", "");
    }
    if given.open_subsonic && spec.family != Family::Subsonic {
        return refuse(
            "--server-type",
            "OpenSubsonic server fields",
            " (only Subsonic bodies can be OpenSubsonic's)",
        );
    }
    let jsonp = matches!(spec.family, Family::Subsonic | Family::Lastfm);
    match (format, given.callback) {
        (Format::Jsonp, _) if !jsonp => {
            return Err(Failure::Usage(format!(
                "error: --format jsonp: {} has no JSONP (Subsonic and Last.fm bodies have): \
                 use --format json",
                body()
            )));
        }
        (Format::Jsonp, None) => {
            return Err(Failure::Usage(
                "error: --format jsonp needs --callback NAME, the function the body calls"
                    .to_owned(),
            ));
        }
        (Format::Xml | Format::Json, Some(_)) => {
            return refuse("--callback", "JSONP callback", " (give --format jsonp)");
        }
        _ => {}
    }
    if given.help_url.is_some() && !given.open_subsonic {
        let hint = if spec.family == Family::Subsonic {
            "; an OpenSubsonic body has: add --server-type and --server-version"
        } else {
            ""
        };
        return refuse("--help-url", "helpUrl", hint);
    }
    Ok(())
}

/// A usage error when the target version does not serve `format`, naming the formats it
/// does. The one exception is Ampache's, as its server makes it: a version without JSON
/// (API 3) answers a JSON request in the modern shape of the newest version, when that
/// version serves JSON.
pub fn refuse_unserved(
    spec: &Spec,
    target: &Target<'_, '_>,
    format: Format,
) -> Result<(), Failure> {
    // JSONP is the JSON body in a call: a version that serves JSON serves it.
    let asked = match format {
        Format::Jsonp => Format::Json,
        other => other,
    };
    let served = |version: &Version| version.formats.contains(&asked);
    let newest_answers = spec.family == Family::Ampache && spec.versions.last().is_some_and(served);
    if served(target.version) || newest_answers {
        return Ok(());
    }
    let formats: Vec<&str> = target.version.formats.iter().map(|f| f.as_str()).collect();
    Err(Failure::Usage(format!(
        "error: --format {}: {} version {} serves only {}",
        format.as_str(),
        spec.id,
        target.version.id,
        formats.join(", ")
    )))
}
