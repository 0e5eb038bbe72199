//! `render`: the error body a server sends for plain values, byte for byte, with the status
//! and Content-Type it is sent with.

mod message;
mod shape;
mod xml_chars;

use std::io::Write;
use std::path::PathBuf;

use errors_wire::ErrorFields;
use errors_wire::jsonp::Callback;
use errors_wire::subsonic::OpenSubsonic;

use crate::{Failure, Outcome, specs};
use errors_codegen::model::Format;

/// Render one error body: the body goes to stdout as raw bytes, `status:` and
/// `content-type:` to stderr.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Ampache API 3 has no JSON: like the server, `--version 3 --format json` \
    answers in the modern shape of the newest version, with API 3's status.

A flag the chosen body does not carry is a usage error, never dropped: --action and --type \
only for Ampache's modern shape (API 5 and later, and API 3's JSON), --server-type and \
--server-version only for Subsonic (they make the body OpenSubsonic's), --help-url only for \
an OpenSubsonic body, --callback only with --format jsonp (Subsonic and Last.fm), which \
needs it.

Exit status: 0 rendered, 2 usage error (an unknown API, version, code or format; a flag the \
body does not carry; a character XML 1.0 cannot carry, such as U+0001 or U+FFFE, in a \
value of an XML body; an unreadable --spec-dir)."
)]
pub struct Args {
    /// The API, by its spec id (`ampache`, `lastfm`, `subsonic`).
    #[arg(long)]
    api: String,
    /// Ampache and Last.fm: the API version (a version id such as `6`, or a full version such
    /// as `6.0.0` or `350001`); default the newest. Subsonic: a version of the spec
    /// (`opensubsonic`) or the protocol version written into the body (`1.13.0`); default
    /// 1.16.1.
    #[arg(long)]
    version: Option<String>,
    /// The body format: `xml`, `json`, or `jsonp` (Subsonic and Last.fm: the JSON body in a
    /// call of --callback, sent as `application/javascript`).
    #[arg(long, value_parser = parse_format)]
    format: Format,
    /// JSONP: the function the body calls, a JavaScript identifier path such as `cb` or
    /// `app.onError`; anything else is refused.
    #[arg(long, value_name = "NAME")]
    callback: Option<String>,
    /// The error code: a number, written as given even when the spec does not have it, or
    /// a variant name of the spec (`NotFound`), as `explain` takes it.
    #[arg(long)]
    code: String,
    /// Ampache `errorAction`: the method that failed.
    #[arg(long)]
    action: Option<String>,
    /// Ampache `errorType`; default the spec's first error type for the code.
    #[arg(long = "type", value_name = "TYPE")]
    error_type: Option<String>,
    /// The message as sent; default the spec's message for the code in --locale, its
    /// placeholders filled from --field (required for a code the spec does not have).
    #[arg(long)]
    message: Option<String>,
    /// A value for a placeholder of the spec's message (`--field sku=A-1` fills `{sku}`);
    /// repeat for each. Every placeholder needs one unless --message is given.
    #[arg(long = "field", value_name = "NAME=VALUE", value_parser = parse_field)]
    fields: Vec<(String, String)>,
    /// The locale of the spec's message (one of the spec's `locales`); default the spec's
    /// default locale, which also stands in for a code without that translation.
    #[arg(long, value_name = "LOCALE")]
    locale: Option<String>,
    /// OpenSubsonic `helpUrl`: a page that helps the user fix the error (an OpenSubsonic
    /// body only: give --server-type too).
    #[arg(long, value_name = "URL")]
    help_url: Option<String>,
    /// Subsonic: answer as an OpenSubsonic server of this name (the response's `type`, e.g.
    /// `navidrome`).
    #[arg(long, value_name = "NAME", requires = "server_version")]
    server_type: Option<String>,
    /// The OpenSubsonic server's own version (`serverVersion`).
    #[arg(long, value_name = "VERSION", requires = "server_type")]
    server_version: Option<String>,
    /// A folder of your own specs, added to the bundled ones (ampache, lastfm, subsonic);
    /// a spec with a bundled one's id takes its place.
    #[arg(long, value_name = "DIR")]
    spec_dir: Option<PathBuf>,
}

/// `--format`, by the words specs use (`xml`, `json`) and `jsonp`.
fn parse_format(word: &str) -> Result<Format, String> {
    word.parse()
        .map_err(|e: errors_wire::UnknownWord| e.to_string())
}

/// `--field NAME=VALUE`.
fn parse_field(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((name, value)) if !name.is_empty() => Ok((name.to_owned(), value.to_owned())),
        // The value is not repeated: the command-line error quotes it already.
        _ => Err("it is not NAME=VALUE (e.g. `--field sku=A-1`)".to_owned()),
    }
}

/// Every text flag an XML body carries, checked for characters XML 1.0 cannot hold.
fn refuse_xml_forbidden(args: &Args) -> Outcome {
    let flags = [
        ("--message", args.message.as_deref()),
        ("--action", args.action.as_deref()),
        ("--type", args.error_type.as_deref()),
        ("--help-url", args.help_url.as_deref()),
        ("--server-type", args.server_type.as_deref()),
        ("--server-version", args.server_version.as_deref()),
    ];
    for (flag, value) in flags {
        if let Some(value) = value {
            xml_chars::refuse_forbidden(flag, value)?;
        }
    }
    for (name, value) in &args.fields {
        xml_chars::refuse_forbidden(&format!("--field {}", errors_codegen::excerpt(name)), value)?;
    }
    Ok(())
}

pub fn run(args: &Args) -> Outcome {
    let specs = specs::load(args.spec_dir.as_deref())?;
    let spec = specs::api(&specs, &args.api, args.spec_dir.as_deref())?;
    let format = args.format;
    let target = shape::target(spec, args.version.as_deref())?;
    shape::refuse_unserved(spec, &target, format)?;
    let open_subsonic = match (&args.server_type, &args.server_version) {
        (Some(server_type), Some(server_version)) => Some(OpenSubsonic {
            server_type: server_type.as_str(),
            server_version: server_version.as_str(),
        }),
        _ => None,
    };
    shape::refuse_unused(
        spec,
        &target,
        format,
        &shape::Given {
            action: args.action.as_deref(),
            error_type: args.error_type.as_deref(),
            help_url: args.help_url.as_deref(),
            open_subsonic: open_subsonic.is_some(),
            callback: args.callback.as_deref(),
        },
    )?;
    if format == Format::Xml {
        refuse_xml_forbidden(args)?;
    }
    // The refusal names the rule, never the text: a callback is request text.
    let callback = args
        .callback
        .as_deref()
        .map(Callback::new)
        .transpose()
        .map_err(|e| Failure::Usage(format!("error: --callback: {e}")))?;
    // A number is rendered as given; a name must be one of the spec's.
    let number = match args.code.parse::<u32>() {
        Ok(number) => number,
        Err(_) => specs::code(spec, &args.code)?.0,
    };
    let code = spec.codes.get(&number);
    let message = message::message(spec, number, code, args)?;
    let message = message.as_str();
    // As the typed API does: without a type of its own, the error sends the spec's first.
    let error_type = args
        .error_type
        .as_deref()
        .or_else(|| code.and_then(|c| c.error_types.first()).map(String::as_str))
        .unwrap_or_default();
    let fields = errors_codegen::sent_fields(
        spec,
        target.version,
        ErrorFields {
            code: number,
            message,
            action: args.action.as_deref().unwrap_or_default(),
            error_type,
            help_url: args.help_url.as_deref(),
            ..ErrorFields::default()
        },
    );
    // `sent_fields` always gives the status; the version's default is what it would be.
    let status = fields.status.unwrap_or(target.version.http_status);
    // The version goes to errors-wire unchanged: it knows that API 3 answers JSON in the
    // newest version's shape; the status stays the requested version's, as in errors-core.
    let wire_target = errors_wire::Target {
        open_subsonic,
        callback,
        ..errors_wire::Target::new(spec.family, format, target.wire)
    };
    let mut body = Vec::with_capacity(256 + message.len());
    let content_type = errors_wire::render(&mut body, &wire_target, &fields);
    crate::write_to(&mut std::io::stdout().lock(), &[&body], "standard output")?;
    // Standard error may be closed too; what it would have said is not worth a panic.
    let _ = writeln!(
        std::io::stderr(),
        "status: {status}\ncontent-type: {content_type}"
    );
    Ok(())
}
