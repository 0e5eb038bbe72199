//! `errors-codegen`: check specs, generate docs and fixtures, explain codes, render and
//! parse error bodies, and diff two revisions of the specs; a thin layer over the errors-codegen library, one module per
//! subcommand.
//!
//! Exit status, the same for every command: 0 when all is well, 1 when there are findings (a
//! spec problem, a body that is not an error, a file `generate` left alone or would change, a
//! breaking change `diff` found), 2 for usage errors, unreadable input and output that cannot
//! be written (an unknown subcommand, flag, API, version, code, rule or git revision; a flag
//! the chosen body does not carry; a file or folder that cannot be read, named or in a folder
//! of specs; a folder without specs; no `git`; a full disk under standard output or a
//! generated file). A closed standard output or standard error changes none of them.

mod check;
mod diff;
mod explain;
mod generate;
mod parse;
mod paths;
mod render;
mod specs;

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Why a command stopped early: the message for standard error and the kind of failure.
/// Every command reports its failures through this one type, and `main` alone turns it
/// into an exit status.
#[derive(Debug)]
enum Failure {
    /// A problem with what was asked: an unknown API, code or version, a folder or file that
    /// cannot be read (exit status 2).
    Usage(String),
    /// Findings in the input (spec problems, a body that is not an error, a file `generate`
    /// left alone) (exit status 1).
    Findings(String),
    /// Output that cannot be written: standard output or error (other than a closed pipe),
    /// a file `generate` writes or removes (exit status 2, as input that cannot be read).
    Output(String),
}

/// What a command ends with.
type Outcome = Result<(), Failure>;

/// `println!` that never panics. A closed pipe on standard output (`| head -1`) is not an
/// error: the rest of the output is dropped and the command goes on, so `generate` never
/// stops half-way; any other failure to write is an output failure.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::write_out(&format!($($arg)*), "\n")?
    };
}
pub(crate) use say;

/// Writes `text` and `end` to standard output; see [`say!`].
fn write_out(text: &str, end: &str) -> Outcome {
    write_to(
        &mut std::io::stdout().lock(),
        &[text.as_bytes(), end.as_bytes()],
        "standard output",
    )
}

/// Writes `text` and a line break to standard error, a closed pipe counting as success:
/// for what a command shows besides its result (warnings).
fn write_err(text: &str) -> Outcome {
    write_to(
        &mut std::io::stderr().lock(),
        &[text.as_bytes(), b"\n"],
        "standard error",
    )
}

/// Writes `parts` to `out` (called `name` in an error) and flushes it, a closed pipe counting as success.
fn write_to(out: &mut impl Write, parts: &[&[u8]], name: &str) -> Outcome {
    let written = parts
        .iter()
        .try_for_each(|part| out.write_all(part))
        .and_then(|()| out.flush());
    match written {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::Output(
            format!("error: cannot write to {name}: {error}"),
        )),
        _ => Ok(()),
    }
}

/// `1 file`, `2 files`, `0 files`: the count with the noun agreeing with it.
fn count_of(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// clap's message for a command line it refuses, with each argument of the user's that it
/// quotes shown as every message quotes user input ([`errors_codegen::excerpt`]: control
/// and bidirectional characters escaped, cut to a bounded length), never as given.
fn command_line_error(error: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue};
    use std::io::IsTerminal as _;
    // With clap's styles, whose plain rendering would drop the escape sequences of the
    // user's argument and so hide it from the replacement below.
    let mut text = error.render().ansi().to_string();
    for (kind, value) in error.context() {
        let given = matches!(
            kind,
            ContextKind::InvalidArg | ContextKind::InvalidValue | ContextKind::InvalidSubcommand
        );
        let values: Vec<&str> = match value {
            ContextValue::String(value) if given => vec![value.as_str()],
            ContextValue::Strings(values) if given => values.iter().map(String::as_str).collect(),
            _ => continue,
        };
        for raw in values {
            let shown = errors_codegen::excerpt(raw);
            if shown != raw {
                text = text.replace(raw, &shown);
            }
        }
    }
    if std::io::stderr().is_terminal() {
        text
    } else {
        // Only clap's own styles are left to drop.
        clap::builder::StyledStr::from(text).to_string()
    }
}

impl Failure {
    /// The exit status and the message: the one table of statuses.
    fn parts(self) -> (u8, String) {
        match self {
            Failure::Findings(message) => (1, message),
            Failure::Usage(message) | Failure::Output(message) => (2, message),
        }
    }

    /// Both failures: the messages one after the other, with the status of the graver.
    fn and(self, later: Failure) -> Failure {
        let (first, mut message) = self.parts();
        let (second, more) = later.parts();
        message.push('\n');
        message.push_str(&more);
        if first.max(second) == 2 {
            Failure::Output(message)
        } else {
            Failure::Findings(message)
        }
    }

    /// Prints the message and gives the exit status.
    fn report(self) -> ExitCode {
        let (status, message) = self.parts();
        let _ = writeln!(std::io::stderr(), "{message}");
        ExitCode::from(status)
    }
}

#[derive(Debug, Parser)]
#[command(
    name = "errors-codegen",
    version,
    about = "Check error-code specs and generate Rust, docs and fixtures from them",
    after_help = "The bundled specs (ampache, lastfm, subsonic) are built in: explain, render \
and parse work from any folder, and --spec-dir adds your own; they do not read ./spec unless \
told (a folder named spec often holds other YAML), and say to add --spec-dir spec when ./spec \
holds an API you name. generate and check read spec/ (or the folder or files given).

Exit status, for every command:
  0  ok (check and generate: also when the specs have warnings only)
  1  findings: spec problems, a body that is not an error, a file generate left alone, \
(generate --check) generated files to regenerate, or an error-level change diff found
  2  usage error, unreadable input or unwritable output: an unknown command, flag, API, \
version, code, rule or git revision; a flag the chosen body does not carry; a file or folder \
that cannot be read (a FIFO or a device included, named or in a folder of specs); a folder \
without specs; diff --against without git; standard output or a generated file that cannot \
be written (a full disk)

Output to a closed pipe (`| head -1`) is dropped quietly; the status stays the same."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Write docs/, fixtures/ and the spec schema from the specs; only files generate
    /// wrote itself are ever overwritten or removed.
    Generate(generate::Args),
    /// Check specs and report every problem as file:line:column.
    Check(check::Args),
    /// Print one code's page: description, facts and example bodies.
    Explain(explain::Args),
    /// Render one error body from plain values: the body on stdout, status and Content-Type
    /// on stderr.
    Render(render::Args),
    /// Read an error body and tell its API, code, name, message and retry advice.
    Parse(parse::Args),
    /// Report the changes between two revisions of the specs (OLD NEW, or --against a git
    /// revision); fail on those that break clients.
    Diff(diff::Args),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            return match error.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    let _ = error.print();
                    ExitCode::SUCCESS
                }
                _ => {
                    let _ = write!(std::io::stderr(), "{}", command_line_error(&error));
                    ExitCode::from(2)
                }
            };
        }
    };
    let outcome = match cli.command {
        Command::Generate(args) => generate::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Render(args) => render::run(&args),
        Command::Parse(args) => parse::run(&args),
        Command::Diff(args) => diff::run(&args),
    };
    outcome.map_or_else(Failure::report, |()| ExitCode::SUCCESS)
}
