//! Error bodies of a spec's codes, rendered through errors-wire, the one place that knows
//! how a body looks on the wire. Fixtures, doc examples and `render` all come through here,
//! so a doc example, a fixture file and the CLI's output for the same inputs are the same
//! bytes.

use errors_wire::{ErrorFields, Target, subsonic};

use crate::emit::facts;
use crate::model::{Family, Format, Spec, Version};
use crate::resolved::{Resolved, ResolvedCode};

/// `given` completed with what the spec says about its code sent in `version`, as
/// errors-core's typed errors fill it: the code's title (none for a code the spec does not
/// have), the spec's `docs_url` as the problem details `type` (none when empty), and the
/// HTTP status of the code in `version`. Problem details carry all three; the other shapes
/// ignore them. The one place these are decided for fixtures, docs and `render`.
pub fn sent_fields<'s>(
    spec: &'s Spec,
    version: &Version,
    given: ErrorFields<'s>,
) -> ErrorFields<'s> {
    let code = spec.codes.get(&given.code);
    ErrorFields {
        title: code.map(|c| c.title.as_str()),
        type_uri: (!spec.docs_url.is_empty()).then_some(spec.docs_url.as_str()),
        status: Some(facts::http_status(spec, given.code, version)),
        ..given
    }
}

/// The spec's example values for a code sent in `version`; the default message and the
/// first error type stand in for what the example leaves out.
pub(crate) fn example_fields<'s>(
    spec: &'s Spec,
    version: &Version,
    resolved: &ResolvedCode<'s>,
) -> ErrorFields<'s> {
    let code = resolved.code;
    let example = code.example.as_ref();
    let given = ErrorFields {
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
        ..ErrorFields::default()
    };
    sent_fields(spec, version, given)
}

/// Renders one body through errors-wire. `version` is as a client sends it: the API
/// version for Ampache (`"3"` to `"8"`), the protocol version written into the body for
/// Subsonic, unused for Last.fm and problem details.
pub fn render(family: Family, version: &str, format: Format, fields: &ErrorFields<'_>) -> Vec<u8> {
    let mut out = Vec::with_capacity(256 + fields.message.len());
    errors_wire::render(&mut out, &Target::new(family, format, version), fields);
    out
}

/// The file extension of a body in `format`.
pub const fn extension(format: Format) -> &'static str {
    format.as_str()
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

/// Every example body of a code, from its example values: for Ampache, whose shape differs
/// between versions, and problem details, which carry the status of each version, one per
/// version that sends the code and format that version serves, oldest first; for the other
/// families one per format (Subsonic with protocol version [`subsonic::DEFAULT_VERSION`],
/// which OpenSubsonic servers report too).
pub(crate) fn samples<'s>(resolved: &Resolved<'s>, code: &ResolvedCode<'s>) -> Vec<Sample<'s>> {
    let spec = resolved.spec;
    let family = spec.family;
    match family {
        Family::Ampache | Family::Problem => code
            .sending
            .iter()
            .flat_map(|sending| {
                let version = sending.version;
                let fields = example_fields(spec, version, code);
                version.formats.iter().map(move |&format| Sample {
                    version: Some(version),
                    format,
                    body: render(family, &version.id, format, &fields),
                })
            })
            .collect(),
        Family::Lastfm | Family::Subsonic => {
            // The status is no part of these bodies: any version's fields give the same bytes.
            let Some(newest) = spec.versions.last() else {
                return Vec::new();
            };
            let fields = example_fields(spec, newest, code);
            resolved
                .formats
                .iter()
                .map(|&format| Sample {
                    version: None,
                    format,
                    body: render(family, subsonic::DEFAULT_VERSION, format, &fields),
                })
                .collect()
        }
    }
}
