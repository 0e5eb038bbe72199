//! `parse`: which API an error body comes from, its code, the code's name in that API's
//! spec, the message and what a client should do.

use std::io::{IsTerminal, Read};
use std::path::PathBuf;

use errors_wire::{ErrorBody, ParseError, Shape};
use serde::Serialize;

use crate::{Failure, Outcome, specs};
use errors_codegen::facts;
use errors_codegen::model::{Family, Spec};

/// The API id `parse` reports for RFC 9457 problem details, which belong to no spec's family.
const PROBLEM: &str = "problem";

/// Read an error body and print its API, code, name, message and retry advice.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit status: 0 an error body, 1 not an error body (what it is goes to \
    stderr), 2 usage error or unreadable file."
)]
pub struct Args {
    /// Read the body strictly as this API's (a spec id, or `problem` for problem+json); a
    /// body of another family is reported as such.
    #[arg(long)]
    api: Option<String>,
    /// Print one JSON object: api, code, name, message, retry (name and retry null for a code
    /// the spec does not have); for a body that is not an error, `{"not_an_error": "why"}`
    /// (exit status 1).
    #[arg(long)]
    json: bool,
    /// A folder of your own specs, added to the bundled ones (ampache, lastfm, subsonic);
    /// a spec with a bundled one's id takes its place.
    #[arg(long, value_name = "DIR")]
    spec_dir: Option<PathBuf>,
    /// The body's file; `-` or none for standard input.
    file: Option<PathBuf>,
}

/// What `--api` asks for.
#[derive(Debug, Clone, Copy)]
enum Expected<'s> {
    Any,
    Spec(&'s Spec),
    Problem,
}

pub fn run(args: &Args) -> Outcome {
    let loaded = specs::load(args.spec_dir.as_deref())?;
    let expected = match args.api.as_deref() {
        None => Expected::Any,
        Some(id) if id == PROBLEM && loaded.iter().all(|l| l.spec.id != id) => Expected::Problem,
        Some(id) => Expected::Spec(specs::api(&loaded, id, args.spec_dir.as_deref())?),
    };
    // The bundled specs come first: a body of a bundled API is theirs before a user's spec
    // of the same family is considered.
    let mut specs: Vec<&specs::Loaded> = loaded.iter().collect();
    specs.sort_by_key(|l| !l.bundled);
    let specs: Vec<&Spec> = specs.into_iter().map(|l| &l.spec).collect();
    let (source, bytes) = read_body(args.file.as_ref())
        .map_err(|message| Failure::Usage(format!("error: {message}")))?;
    let parsed = match expected {
        Expected::Any => errors_wire::parse(&bytes),
        Expected::Spec(spec) => match spec.family {
            Family::Ampache => errors_wire::ampache::parse(&bytes),
            Family::Lastfm => errors_wire::lastfm::parse(&bytes),
            Family::Subsonic => errors_wire::subsonic::parse(&bytes),
            Family::Problem => errors_wire::problem::parse(&bytes),
        },
        Expected::Problem => errors_wire::problem::parse(&bytes),
    };
    let body = match parsed {
        Ok(body) => body,
        Err(error) => {
            let why = describe(&error);
            if args.json {
                // Still one JSON object on standard output, so a script reading it always
                // has one; the exit status stays 1.
                let object = serde_json::json!({ "not_an_error": why });
                crate::say!("{object}");
            }
            return Err(Failure::Findings(format!("{source}: {why}")));
        }
    };
    let report = Report::new(&specs, expected, &body);
    if args.json {
        match serde_json::to_string(&report) {
            Ok(line) => crate::say!("{line}"),
            Err(error) => {
                return Err(Failure::Findings(format!(
                    "error: cannot write JSON: {error}"
                )));
            }
        }
    } else {
        print_text(&report, std::io::stdout().is_terminal())?;
    }
    Ok(())
}

/// Reads the body from `file`, or stdin for none or `-`; returns how to name the source and
/// the bytes. Reading stops one byte past what errors-wire reads, which still lets it tell a
/// body that is too large.
fn read_body(file: Option<&PathBuf>) -> Result<(String, Vec<u8>), String> {
    let limit = u64::try_from(errors_wire::MAX_BODY_LEN)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut bytes = Vec::new();
    match file {
        Some(path) if path.as_os_str() != "-" => {
            let name = crate::paths::quoted(path);
            // Opening a FIFO blocks until something writes to it; `/dev/zero` never ends.
            let meta =
                std::fs::metadata(path).map_err(|error| format!("cannot read {name}: {error}"))?;
            if let Some(kind) = errors_codegen::special_file_kind(&meta) {
                return Err(format!(
                    "cannot read {name}: it is {kind}, not a plain file (give `-` to read standard input)"
                ));
            }
            std::fs::File::open(path)
                .and_then(|f| f.take(limit).read_to_end(&mut bytes))
                .map_err(|error| format!("cannot read {name}: {error}"))?;
            Ok((name, bytes))
        }
        _ => {
            std::io::stdin()
                .lock()
                .take(limit)
                .read_to_end(&mut bytes)
                .map_err(|error| format!("cannot read standard input: {error}"))?;
            Ok(("<stdin>".to_owned(), bytes))
        }
    }
}

/// What the body is, for a body that is not an error body.
fn describe(error: &ParseError) -> String {
    match error {
        ParseError::WrongFamily { .. } => format!("not the API asked for: {error}"),
        ParseError::NotAnError { .. } | ParseError::Html { .. } | ParseError::Empty => {
            format!("not an error body: {error}")
        }
        // Said as they are: an error body may be behind either.
        ParseError::TooLarge { .. } | ParseError::Ambiguous { .. } => error.to_string(),
        _ => format!("not an error body that can be read: {error}"),
    }
}

/// What `parse` prints, in the order it prints it.
#[derive(Debug, Serialize)]
struct Report<'a> {
    api: &'a str,
    code: u32,
    name: Option<&'a str>,
    message: &'a str,
    retry: Option<&'static str>,
    /// The spec the code was looked up in, when one fits the body.
    #[serde(skip)]
    spec: Option<&'a str>,
    #[serde(skip)]
    advice: Option<&'static str>,
}

impl<'a> Report<'a> {
    fn new(specs: &[&'a Spec], expected: Expected<'a>, body: &'a ErrorBody<'a>) -> Self {
        let (api, spec) = match (&body.shape, expected) {
            (_, Expected::Spec(spec)) => (spec.id.as_str(), Some(spec)),
            (Shape::Problem { type_uri, .. }, _) => {
                (PROBLEM, problem_spec(specs, type_uri.as_deref(), body.code))
            }
            _ => {
                let family = body.family();
                let candidates = || specs.iter().copied().filter(move |s| s.family == family);
                // Only a spec of the body's own family can name its code. Several of one
                // family (a user's API beside the bundled one): the one that knows the code
                // says most about it, a bundled one first.
                let spec = candidates()
                    .find(|s| s.codes.contains_key(&body.code))
                    .or_else(|| candidates().next());
                (spec.map_or(family.as_str(), |s| s.id.as_str()), spec)
            }
        };
        let code = spec.and_then(|s| s.codes.get(&body.code));
        Report {
            api,
            code: body.code,
            name: code.map(|c| c.name.as_str()),
            message: &body.message,
            retry: code.map(|c| c.retry.as_str()),
            spec: spec.map(|s| s.id.as_str()),
            advice: code.map(|c| facts::retry_advice(c.retry)),
        }
    }
}

/// The spec a problem details body was rendered from: errors-core writes the catalog's
/// docs URL as the `type`, so a `type` naming a spec's docs and a code that spec has
/// identify it; anything else stays anonymous.
fn problem_spec<'s>(specs: &[&'s Spec], type_uri: Option<&str>, code: u32) -> Option<&'s Spec> {
    let type_uri = type_uri.filter(|t| !t.is_empty())?;
    specs
        .iter()
        .copied()
        .find(|s| s.docs_url == type_uri && s.codes.contains_key(&code))
}

fn print_text(report: &Report<'_>, colour: bool) -> Outcome {
    let label = |name: &str| {
        let padded = format!("{name}:{:width$}", "", width = 8 - name.len());
        if colour {
            format!("\x1b[1m{padded}\x1b[0m")
        } else {
            padded
        }
    };
    let name = report.name.unwrap_or("unknown code");
    let retry = match (report.retry, report.advice) {
        (Some(keyword), Some(advice)) => format!("{keyword} ({advice})"),
        _ => match report.spec {
            Some(spec) => format!("unknown: {spec} has no code {}", report.code),
            None => "unknown: no spec describes this body".to_owned(),
        },
    };
    let api = match report.spec {
        Some(spec) if spec != report.api => format!("{} ({spec})", report.api),
        _ => report.api.to_owned(),
    };
    crate::say!(
        "{}{api}\n{}{}\n{}{name}\n{}{}\n{}{retry}",
        label("api"),
        label("code"),
        report.code,
        label("name"),
        label("message"),
        shown(report.message),
        label("retry")
    );
    Ok(())
}

/// `text` from the wire as a terminal may show it: each control character (which could move
/// the cursor, recolour, or start a line that forges another field) and each bidirectional
/// control or line separator (which could reorder or break the line) as its escape (`\n`,
/// `\u{1b}`, `\u{202e}`), so every field stays on its one line.
fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        c.is_control()
            || matches!(
                c,
                '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
                    | '\u{2028}' | '\u{2029}'
            )
    };
    if !text.contains(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::shown;

    #[test]
    fn wire_text_stays_on_its_line() {
        assert_eq!(shown("User not found"), "User not found");
        assert_eq!(shown("caf\u{e9} \\ ok"), "caf\u{e9} \\ ok");
        assert_eq!(
            shown("a\u{1b}[31mRED\u{1b}[0m\nretry:   spoofed\u{7}\r\t\u{202e}x\u{2028}\u{85}"),
            "a\\u{1b}[31mRED\\u{1b}[0m\\nretry:   spoofed\\u{7}\\r\\t\\u{202e}x\\u{2028}\\u{85}"
        );
    }
}
