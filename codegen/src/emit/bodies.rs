//! Error bodies of a spec's codes, rendered through errors-wire, the one place that knows
//! how a body looks on the wire. Fixtures, doc examples and `render` all come through here,
//! so a doc example, a fixture file and the CLI's output for the same inputs are the same
//! bytes.

use errors_wire::{ampache, lastfm, subsonic};

use crate::model::{Family, Format, Version};
use crate::resolved::{Resolved, ResolvedCode};

/// The values a body is rendered from. A shape that does not carry a field ignores it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Inputs<'a> {
    /// The code, written as given.
    pub code: u32,
    /// The message.
    pub message: &'a str,
    /// Ampache `errorAction`.
    pub action: &'a str,
    /// Ampache `errorType`.
    pub error_type: &'a str,
    /// OpenSubsonic `helpUrl`.
    pub help_url: Option<&'a str>,
}

impl<'a> Inputs<'a> {
    /// The spec's example values for a code; the default message and the first error type
    /// stand in for what the example leaves out.
    pub(crate) fn example(resolved: &ResolvedCode<'a>) -> Self {
        let code = resolved.code;
        let example = code.example.as_ref();
        Self {
            code: resolved.number,
            message: example
                .and_then(|e| e.message.as_deref())
                .unwrap_or(resolved.default_message),
            action: example
                .and_then(|e| e.action.as_deref())
                .unwrap_or_default(),
            error_type: example
                .and_then(|e| e.error_type.as_deref())
                .or(code.error_types.first().map(String::as_str))
                .unwrap_or_default(),
            help_url: None,
        }
    }
}

/// Renders one body. `version` is the API version for Ampache (`"3"` to `"8"`), the
/// protocol version written into the body for Subsonic, and unused for Last.fm.
pub fn render(family: Family, version: &str, format: Format, inputs: &Inputs<'_>) -> Vec<u8> {
    let mut out = Vec::with_capacity(256 + inputs.message.len());
    let wire = wire_format(format);
    match family {
        Family::Ampache => {
            let error = ampache::Error {
                code: inputs.code,
                action: inputs.action,
                error_type: inputs.error_type,
                message: inputs.message,
            };
            ampache::render(
                &mut out,
                ampache::ApiVersion::from_id(version),
                wire,
                &error,
            );
        }
        Family::Lastfm => lastfm::render(&mut out, wire, inputs.code, inputs.message),
        Family::Subsonic => {
            let error = subsonic::Error {
                code: inputs.code,
                message: inputs.message,
                help_url: inputs.help_url,
            };
            subsonic::render(
                &mut out,
                wire,
                &error,
                &subsonic::Options::for_code(inputs.code, version),
            );
        }
    }
    out
}

/// The `Content-Type` a server sends with a body of `family` in `format`.
pub fn content_type(family: Family, format: Format) -> &'static str {
    let format = wire_format(format);
    match family {
        Family::Ampache => ampache::content_type(format),
        Family::Lastfm => lastfm::content_type(format),
        Family::Subsonic => subsonic::content_type(format),
    }
}

/// The errors-wire format for a spec format.
pub const fn wire_format(format: Format) -> errors_wire::Format {
    match format {
        Format::Xml => errors_wire::Format::Xml,
        Format::Json => errors_wire::Format::Json,
    }
}

/// The file extension of a body in `format`.
pub const fn extension(format: Format) -> &'static str {
    match format {
        Format::Xml => "xml",
        Format::Json => "json",
    }
}

/// One example body of a code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sample<'s> {
    /// The version it is sent in, for a family whose versions differ in shape (Ampache);
    /// `None` where every version sends the same body.
    pub version: Option<&'s Version>,
    /// The body's format.
    pub format: Format,
    /// The body, byte for byte.
    pub body: Vec<u8>,
}

/// Every example body of a code, from its example values: for Ampache one per version that
/// sends the code and format that version serves, oldest first; for the other families one
/// per format (Subsonic with protocol version [`subsonic::DEFAULT_VERSION`], which
/// OpenSubsonic servers report too).
pub(crate) fn samples<'s>(resolved: &Resolved<'s>, code: &ResolvedCode<'s>) -> Vec<Sample<'s>> {
    let family = resolved.spec.family;
    let inputs = Inputs::example(code);
    match family {
        Family::Ampache => code
            .sending
            .iter()
            .flat_map(|sending| {
                let version = sending.version;
                version.formats.iter().map(move |&format| Sample {
                    version: Some(version),
                    format,
                    body: render(family, &version.id, format, &inputs),
                })
            })
            .collect(),
        Family::Lastfm | Family::Subsonic => resolved
            .formats
            .iter()
            .map(|&format| Sample {
                version: None,
                format,
                body: render(family, subsonic::DEFAULT_VERSION, format, &inputs),
            })
            .collect(),
    }
}
