//! `check`: lint specs and print every problem as `file:line:column: message`.

use std::path::PathBuf;

use crate::{Failure, Outcome, specs};

/// Check spec files (or every spec in a directory) and report all problems.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit status: 0 no problems, or warnings only (each printed as \
file:line:column: warning: ...), 1 problems (each printed as file:line:column), 2 usage error: \
a file that cannot be read or is not a plain file (a FIFO, a device), named or in a folder \
(the other specs' problems are still printed), a folder that cannot be listed or holds no \
spec; or standard output that cannot be written."
)]
pub struct Args {
    /// Spec files or directories of specs.
    #[arg(default_value = "spec")]
    paths: Vec<PathBuf>,
}

pub fn run(args: &Args) -> Outcome {
    let mut files = Vec::new();
    for path in &args.paths {
        if path.is_dir() {
            // A folder without specs is a mistyped folder, not a folder without problems.
            for found in specs::spec_files(path)? {
                if !files.contains(&found) {
                    files.push(found);
                }
            }
        } else if let Err(why) = specs::readable(path) {
            // A file that cannot be read is a usage error, as in `parse` and `explain`.
            return Err(Failure::Usage(format!(
                "error: cannot read {}: {why}",
                crate::paths::quoted(path)
            )));
        } else if !files.contains(path) {
            // The same file named twice is one spec, not two with the same id.
            files.push(path.clone());
        }
    }
    let (specs, report) = errors_codegen::check_all(&files);
    if report.has_errors() {
        return Err(specs::problems(&files, &report));
    }
    // Warnings are shown and do not fail the check.
    if !report.is_empty() {
        crate::write_err(&report.to_string())?;
    }
    let codes: usize = specs.iter().map(|(_, s)| s.codes.len()).sum();
    let warnings = match report.warning_count() {
        0 => String::new(),
        1 => ", 1 warning".to_owned(),
        n => format!(", {n} warnings"),
    };
    crate::say!(
        "{}, {}: no problems{warnings}",
        crate::count_of(specs.len(), "spec", "specs"),
        crate::count_of(codes, "code", "codes")
    );
    Ok(())
}
