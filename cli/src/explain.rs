//! `explain <api> <code>`: one code's page on the terminal, like `rustc --explain`.

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::{Outcome, specs};
use errors_codegen::code_section;

/// Print everything the spec says about one code, with example bodies.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The API's id (ampache, lastfm, subsonic, or a spec of your own).
    api: String,
    /// The code, by number (4704) or by name (NotFound).
    code: String,
    /// A folder of your own specs, added to the bundled ones (ampache, lastfm, subsonic);
    /// a spec with a bundled one's id takes its place.
    #[arg(long, value_name = "DIR")]
    spec_dir: Option<PathBuf>,
}

pub fn run(args: &Args) -> Outcome {
    let specs = specs::load(args.spec_dir.as_deref())?;
    let spec = specs::api(&specs, &args.api, args.spec_dir.as_deref())?;
    let (number, code) = specs::code(spec, &args.code)?;
    let page = code_section(spec, number, code);
    let colour = std::io::stdout().is_terminal();
    crate::say!("{} error {number}\n", spec.title);
    for line in page.lines() {
        if colour && line.starts_with('#') {
            crate::say!("\x1b[1m{line}\x1b[0m");
        } else {
            crate::say!("{line}");
        }
    }
    Ok(())
}
