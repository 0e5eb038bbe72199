//! `diff OLD NEW` and `diff --against REV`: the changes between two revisions of the specs,
//! each under a rule with a severity; exit status 1 when one of them is an error.

mod git;

use std::path::{Path, PathBuf};

use errors_codegen::Severity;
use errors_codegen::diff::{self, Change, Policy, Rule, SpecFile};
use serde::Serialize;

use crate::{Failure, Outcome, paths, specs};

/// Report what changed between two revisions of the specs, and fail on breaking changes.
#[derive(Debug, clap::Args)]
#[command(after_help = after_help())]
pub struct Args {
    /// OLD and NEW: two spec files or two folders of specs. With --against: the spec files
    /// or folders of the work tree (default: spec).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Compare the work tree's specs with the same paths at this git revision (a branch,
    /// tag or commit: origin/main, HEAD, v1.2.0).
    #[arg(long, value_name = "REV")]
    against: Option<String>,
    /// text: one change per paragraph, as `check` prints problems; json: one object.
    #[arg(long, value_enum, default_value_t = Output::Text)]
    format: Output,
    /// Report no change of this rule (repeatable).
    #[arg(long, value_name = "RULE")]
    allow: Vec<Rule>,
    /// Report this rule's changes as warnings (repeatable).
    #[arg(long, value_name = "RULE")]
    warn: Vec<Rule>,
    /// Report this rule's changes as errors, failing the run (repeatable; wins over
    /// --allow and --warn).
    #[arg(long, value_name = "RULE")]
    deny: Vec<Rule>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Output {
    Text,
    Json,
}

pub fn run(args: &Args) -> Outcome {
    let mut policy = Policy::default();
    // In this order, so that --deny wins over --warn and --warn over --allow.
    for rule in &args.allow {
        policy.allow(*rule);
    }
    for rule in &args.warn {
        policy.warn(*rule);
    }
    for rule in &args.deny {
        policy.deny(*rule);
    }
    let (old, new) = match &args.against {
        Some(rev) => against(rev, &args.paths)?,
        None => match args.paths.as_slice() {
            [old, new] => (read(old)?, read(new)?),
            _ => {
                return Err(Failure::Usage(
                    "error: diff takes two paths, OLD and NEW (or --against REV and the work \
                     tree's paths)"
                        .to_owned(),
                ));
            }
        },
    };
    let changes = diff::diff(&load(old)?, &load(new)?, &policy);
    let count = |severity| changes.iter().filter(|c| c.severity() == severity).count();
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    match args.format {
        Output::Text => {
            for change in &changes {
                crate::say!("{change}");
            }
            crate::say!("{}", summary(errors, warnings, infos));
        }
        Output::Json => {
            let report = Report {
                changes: &changes,
                errors,
                warnings,
                infos,
            };
            let json = serde_json::to_string_pretty(&report).map_err(|error| {
                Failure::Findings(format!("error: cannot write the report: {error}"))
            })?;
            crate::say!("{json}");
        }
    }
    if errors > 0 {
        return Err(Failure::Findings(format!(
            "error: {errors} breaking change{} (--allow RULE or --warn RULE accepts one)",
            if errors == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

/// The rules by severity, the output and the exit status, for `--help`.
fn after_help() -> String {
    let mut help = String::from("Rules (id), by default severity:\n");
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let ids: Vec<&str> = Rule::ALL
            .iter()
            .filter(|rule| rule.default_severity() == severity)
            .map(|rule| rule.id())
            .collect();
        help.push_str(&format!("  {severity}: {}\n", ids.join(", ")));
    }
    help.push_str(
        "\nEach change is printed as file:line:column: SEVERITY rule-id: message, with the \
line, at the line of NEW (of OLD for what NEW no longer has). Specs are paired by their id.

In CI: errors-codegen diff --against origin/main

Exit status: 0 no error-level change; 1 an error-level change, or a spec with problems; \
2 usage error: a path that cannot be read, a folder without specs, an unknown rule, no git, \
not a git work tree, or an unknown revision.",
    );
    help
}

/// What `--format json` prints.
#[derive(Serialize)]
struct Report<'a> {
    changes: &'a [Change],
    errors: usize,
    warnings: usize,
    infos: usize,
}

fn summary(errors: usize, warnings: usize, infos: usize) -> String {
    if errors + warnings + infos == 0 {
        return "no changes".to_owned();
    }
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}: {}, {}, {}",
        plural(errors + warnings + infos, "change", "changes"),
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings"),
        plural(infos, "info", "infos"),
    )
}

/// A spec file's name as shown and its bytes.
type Text = (String, Vec<u8>);

/// The spec files `path` names (a file, or the specs of a folder), read.
fn read(path: &Path) -> Result<Vec<Text>, Failure> {
    let files = if path.is_dir() {
        specs::spec_files(path)?
    } else {
        vec![path.to_path_buf()]
    };
    files
        .iter()
        .map(|file| {
            let cannot = |why: String| {
                Failure::Usage(format!("error: cannot read {}: {why}", paths::quoted(file)))
            };
            // Opening a FIFO blocks until something writes to it; `/dev/zero` never ends.
            let meta = std::fs::metadata(file).map_err(|error| cannot(error.to_string()))?;
            if let Some(kind) = errors_codegen::special_file_kind(&meta) {
                return Err(cannot(format!("it is {kind}, not a plain file")));
            }
            let bytes = std::fs::read(file).map_err(|error| cannot(error.to_string()))?;
            Ok((paths::shown(file).to_string(), bytes))
        })
        .collect()
}

/// Every spec loaded and checked; specs with problems are findings, reported all at once.
fn load(texts: Vec<Text>) -> Result<Vec<SpecFile>, Failure> {
    let mut loaded = Vec::new();
    let mut problems = Vec::new();
    for (name, bytes) in texts {
        match SpecFile::load(&name, &bytes) {
            Ok(spec) => loaded.push(spec),
            Err(report) => problems.push(report.to_string()),
        }
    }
    if problems.is_empty() {
        Ok(loaded)
    } else {
        Err(Failure::Findings(problems.join("\n")))
    }
}

/// The work tree's specs at `paths` (default `spec`), and the same paths at `rev`, named
/// `REV:path`.
fn against(rev: &str, paths: &[PathBuf]) -> Result<(Vec<Text>, Vec<Text>), Failure> {
    let default = [PathBuf::from("spec")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let (mut old, mut new) = (Vec::new(), Vec::new());
    for path in paths {
        new.extend(read(path)?);
        let (dir, names) = if path.is_dir() {
            git::check_revision(path, rev)?;
            (path.as_path(), git::spec_names(path, rev)?)
        } else {
            let dir = match path.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent,
                _ => Path::new("."),
            };
            git::check_revision(dir, rev)?;
            let name = path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            (dir, vec![name])
        };
        for name in names {
            if let Some(bytes) = git::show(dir, &name, rev)? {
                let shown = paths::shown(&dir.join(&name));
                old.push((format!("{}:{shown}", errors_codegen::excerpt(rev)), bytes));
            }
        }
    }
    Ok((old, new))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_each_severity() {
        assert_eq!(summary(0, 0, 0), "no changes");
        assert_eq!(summary(1, 0, 2), "3 changes: 1 error, 0 warnings, 2 infos");
    }
}
