//! `render`: the error body a server sends for plain values, byte for byte, with the status
//! and Content-Type it is sent with.

use std::io::Write;
use std::path::PathBuf;

use errors_wire::{ErrorFields, subsonic};

use crate::{Failure, Outcome, specs};
use errors_codegen::facts;
use errors_codegen::model::{Family, Format, Spec, Version};

/// Render one error body: the body goes to stdout as raw bytes, `status:` and
/// `content-type:` to stderr.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Ampache API 3 has no JSON: like the server, `--version 3 --format json` \
    answers in the modern shape of the newest version, with API 3's status."
)]
pub struct Args {
    /// The API, by its spec id (`ampache`, `lastfm`, `subsonic`).
    #[arg(long)]
    api: String,
    /// Ampache and Last.fm: the API version (a version id such as `6`, or a full version such
    /// as `6.0.0` or `350001`); default the newest. Subsonic: the protocol version written
    /// into the body; default 1.16.1.
    #[arg(long)]
    version: Option<String>,
    /// The body format.
    #[arg(long, value_parser = parse_format)]
    format: Format,
    /// The error code: a number, written as given even when the spec does not have it, or
    /// a variant name of the spec (`NotFound`), as `explain` takes it.
    #[arg(long)]
    code: String,
    /// Ampache `errorAction`: the method that failed.
    #[arg(long, default_value = "")]
    action: String,
    /// Ampache `errorType`; default the spec's first error type for the code.
    #[arg(long = "type", value_name = "TYPE")]
    error_type: Option<String>,
    /// The message; default the spec's default message for the code (required for a code
    /// the spec does not have).
    #[arg(long)]
    message: Option<String>,
    /// OpenSubsonic `helpUrl`.
    #[arg(long)]
    help_url: Option<String>,
    /// The directory of specs.
    #[arg(long, default_value = "spec")]
    spec_dir: PathBuf,
}

/// `--format`, by the words specs use (`xml`, `json`).
fn parse_format(word: &str) -> Result<Format, String> {
    word.parse()
        .map_err(|e: errors_wire::UnknownWord| e.to_string())
}

pub fn run(args: &Args) -> Outcome {
    let specs = specs::load(&args.spec_dir)?;
    let spec = specs::api(&specs, &args.api)?;
    let format = args.format;
    let Some(target) = target(spec, args.version.as_deref()) else {
        let known: Vec<&str> = spec.versions.iter().map(|v| v.id.as_str()).collect();
        return Err(Failure::Usage(format!(
            "error: {} has no API version `{}`; its versions are: {}",
            spec.id,
            args.version.as_deref().unwrap_or_default(),
            known.join(", ")
        )));
    };
    // A number is rendered as given; a name must be one of the spec's.
    let number = match args.code.parse::<u32>() {
        Ok(number) => number,
        Err(_) => specs::code(spec, &args.code)?.0,
    };
    let code = spec.codes.get(&number);
    let message = match (&args.message, code) {
        (Some(message), _) => message.as_str(),
        (None, Some(code)) => facts::default_message(spec, code),
        (None, None) => {
            return Err(Failure::Usage(format!(
                "error: code {} is not in the {} spec, so it has no default message: give one \
                 with --message",
                number, spec.id
            )));
        }
    };
    // As the typed API does: without a type of its own, the error sends the spec's first.
    let error_type = args
        .error_type
        .as_deref()
        .or_else(|| code.and_then(|c| c.error_types.first()).map(String::as_str))
        .unwrap_or_default();
    let status = facts::http_status(spec, number, target.version);
    let fields = ErrorFields {
        code: number,
        message,
        action: &args.action,
        error_type,
        help_url: args.help_url.as_deref(),
        title: code.map(|c| c.title.as_str()),
        type_uri: Some(spec.docs_url.as_str()),
        status: Some(status),
    };
    // The version goes to errors-wire unchanged: it knows that API 3 answers JSON in the
    // newest version's shape; the status stays the requested version's, as in errors-core.
    let wire_target = errors_wire::Target::new(spec.family, format, target.wire);
    let mut body = Vec::with_capacity(256 + message.len());
    let content_type = errors_wire::render(&mut body, &wire_target, &fields);
    crate::write_to(&mut std::io::stdout().lock(), &[&body])?;
    // Standard error may be closed too; what it would have said is not worth a panic.
    let _ = writeln!(
        std::io::stderr(),
        "status: {status}\ncontent-type: {content_type}"
    );
    Ok(())
}

/// The version a body is rendered for: the spec version whose status it carries, and the
/// version string errors-wire renders it with.
struct Target<'s, 'a> {
    version: &'s Version,
    wire: &'a str,
}

fn target<'s, 'a>(spec: &'s Spec, requested: Option<&'a str>) -> Option<Target<'s, 'a>>
where
    's: 'a,
{
    let newest = spec.versions.last()?;
    match spec.family {
        Family::Ampache | Family::Lastfm | Family::Problem => {
            let version = match requested {
                Some(requested) => spec.resolve_version(requested)?,
                None => newest,
            };
            Some(Target {
                version,
                wire: &version.id,
            })
        }
        // Any protocol version may be written into a Subsonic body; the spec's versions only
        // decide the status.
        Family::Subsonic => {
            let requested = requested.unwrap_or(subsonic::DEFAULT_VERSION);
            let version = spec.resolve_version(requested).unwrap_or(newest);
            Some(Target {
                version,
                wire: subsonic::protocol_version(requested),
            })
        }
    }
}
