//! `generate`: write the docs, fixtures and schema for every spec; only changed files are
//! rewritten, so two runs leave identical trees and the second writes nothing.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::artifacts::{Artifact, artifacts};
use crate::cli::{FINDINGS, USAGE};
use crate::write::{Written, write_if_changed};

/// Generate docs/, fixtures/ and the spec schema from the specs.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The directory of specs.
    #[arg(long, default_value = "spec")]
    spec_dir: PathBuf,
    /// Where docs/ and fixtures/ go.
    #[arg(long, default_value = ".")]
    out: PathBuf,
}

pub fn run(args: &Args) -> ExitCode {
    let files = match crate::spec_files(&args.spec_dir) {
        Ok(files) => files,
        Err(error) => {
            eprintln!("error: cannot list {}: {error}", args.spec_dir.display());
            return ExitCode::from(USAGE);
        }
    };
    let specs = match crate::load_all(&files) {
        Ok(specs) => specs,
        Err(report) => {
            eprintln!("{report}");
            return ExitCode::from(FINDINGS);
        }
    };
    let artifacts = artifacts(&args.spec_dir, &specs);
    let (mut changed, mut unchanged) = (0usize, 0usize);
    for artifact in &artifacts {
        let target = args.out.join(&artifact.path);
        match write_if_changed(&target, &artifact.content) {
            Ok(Written::Changed) => {
                changed += 1;
                println!("wrote {}", artifact.path.display());
            }
            Ok(Written::Unchanged) => unchanged += 1,
            Err(error) => {
                eprintln!("error: cannot write {}: {error}", target.display());
                return ExitCode::from(FINDINGS);
            }
        }
    }
    let removed = match remove_strays(&args.out, &artifacts) {
        Ok(removed) => removed,
        Err(error) => {
            eprintln!("error: cannot remove a stale file: {error}");
            return ExitCode::from(FINDINGS);
        }
    };
    let codes: usize = specs.iter().map(|(_, s)| s.codes.len()).sum();
    let apis: Vec<&str> = specs.iter().map(|(_, s)| s.id.as_str()).collect();
    println!(
        "{} APIs ({}), {codes} codes: {changed} files written, {unchanged} unchanged, \
         {removed} stale removed",
        apis.len(),
        apis.join(", ")
    );
    ExitCode::SUCCESS
}

/// Removes the files in the generated folders that generation no longer produces (the
/// fixtures of a code taken out of a spec, say), so the tree is exactly what the specs give.
fn remove_strays(root: &Path, artifacts: &[Artifact]) -> std::io::Result<usize> {
    let strays = crate::artifacts::strays(root, artifacts)?;
    for stray in &strays {
        std::fs::remove_file(root.join(stray))?;
        println!("removed {}", stray.display());
    }
    Ok(strays.len())
}
