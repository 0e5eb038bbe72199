//! `check`: lint specs and print every problem as `file:line:column: message`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::{FINDINGS, USAGE};

/// Check spec files (or every spec in a directory) and report all problems.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Spec files or directories of specs.
    #[arg(default_value = "spec")]
    paths: Vec<PathBuf>,
}

pub fn run(args: &Args) -> ExitCode {
    let mut files = Vec::new();
    for path in &args.paths {
        if path.is_dir() {
            match errors_codegen::spec_files(path) {
                Ok(found) => files.extend(found),
                Err(error) => {
                    eprintln!("error: cannot list {}: {error}", path.display());
                    return ExitCode::from(USAGE);
                }
            }
        } else {
            files.push(path.clone());
        }
    }
    match errors_codegen::load_all(&files) {
        Ok(specs) => {
            let codes: usize = specs.iter().map(|(_, s)| s.codes.len()).sum();
            println!("{} spec(s), {codes} codes: no problems", specs.len());
            ExitCode::SUCCESS
        }
        Err(report) => {
            let _ = writeln!(std::io::stderr(), "{report}");
            ExitCode::from(FINDINGS)
        }
    }
}
