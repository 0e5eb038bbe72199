//! `check`: lint specs and print every problem as `file:line:column: message`.

use std::path::PathBuf;

use crate::{Failure, Outcome};

/// Check spec files (or every spec in a directory) and report all problems.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Spec files or directories of specs.
    #[arg(default_value = "spec")]
    paths: Vec<PathBuf>,
}

pub fn run(args: &Args) -> Outcome {
    let mut files = Vec::new();
    for path in &args.paths {
        if path.is_dir() {
            match errors_codegen::spec_files(path) {
                Ok(found) => files.extend(found),
                Err(error) => {
                    return Err(Failure::Usage(format!(
                        "error: cannot list {}: {error}",
                        path.display()
                    )));
                }
            }
        } else if let Err(error) = std::fs::File::open(path) {
            // A file that cannot be read is a usage error, as in `parse` and `explain`.
            return Err(Failure::Usage(format!(
                "error: cannot read {}: {error}",
                path.display()
            )));
        } else if !files.contains(path) {
            // The same file named twice is one spec, not two with the same id.
            files.push(path.clone());
        }
    }
    match errors_codegen::load_all(&files) {
        Ok(specs) => {
            let codes: usize = specs.iter().map(|(_, s)| s.codes.len()).sum();
            crate::say!("{} spec(s), {codes} codes: no problems", specs.len());
            Ok(())
        }
        Err(report) => Err(Failure::Findings(report.to_string())),
    }
}
