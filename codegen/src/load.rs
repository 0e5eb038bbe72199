//! The one way into a spec: read, parse, check the structure, deserialize, validate.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Pos, Report, Source};
use crate::model::Spec;
use crate::{schema, structure, validate, yaml};

/// Load one spec file; every problem in it comes back at once.
pub fn load(path: &Path) -> Result<Spec, Report> {
    let name = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => load_bytes(&name, &bytes),
        Err(error) => Err(Report::from(vec![Diagnostic::new(
            &Source::new(name, ""),
            Pos::START,
            format!("cannot read the spec: {error}"),
        )])),
    }
}

/// Load a spec from bytes; `name` is how diagnostics name the file.
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Spec, Report> {
    match std::str::from_utf8(bytes) {
        Ok(text) => load_str(name, text),
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
            let line_start = valid.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&valid[line_start..])
                .chars()
                .count()
                + 1;
            let pos = Pos {
                line: u32::try_from(line).unwrap_or(u32::MAX),
                column: u32::try_from(column).unwrap_or(u32::MAX),
                len: 1,
            };
            let source = Source::new(name, String::from_utf8_lossy(bytes).into_owned());
            Err(Report::from(vec![Diagnostic::new(
                &source,
                pos,
                "the spec is not valid UTF-8",
            )]))
        }
    }
}

/// Load a spec from text; `name` is how diagnostics name the file.
pub fn load_str(name: &str, text: &str) -> Result<Spec, Report> {
    let source = Source::new(name, text);
    let tree = match yaml::parse(text) {
        Ok(tree) => tree,
        Err(error) => {
            return Err(Report::from(vec![Diagnostic::new(
                &source,
                error.pos,
                format!("YAML syntax error: {}", error.message),
            )]));
        }
    };
    let structural = structure::check(&tree, &schema::schema(), &source);
    // Values of the right type but outside the schema's bounds still deserialize; then the
    // rules below run too, so one run reports everything.
    let spec: Spec = match serde_saphyr::from_str(text) {
        Ok(spec) => spec,
        Err(_) if !structural.is_empty() => return Err(Report::from(structural)),
        Err(error) => {
            let pos = error.location().map_or(Pos::START, |l| Pos {
                line: l.line().max(1) as u32,
                column: l.column().max(1) as u32,
                len: 1,
            });
            let message = error.to_string();
            let first = message
                .lines()
                .next()
                .unwrap_or_default()
                .trim_start_matches("error: ");
            return Err(Report::from(vec![Diagnostic::new(
                &source,
                pos,
                first.to_string(),
            )]));
        }
    };
    // A rule that restates a structural problem at the same node adds nothing.
    let semantic: Vec<Diagnostic> = validate::check(&spec, &tree, &source)
        .into_iter()
        .filter(|problem| !structural.iter().any(|p| p.pos == problem.pos))
        .collect();
    let mut problems = structural;
    problems.extend(semantic);
    if problems.is_empty() {
        Ok(spec)
    } else {
        Err(Report::from(problems))
    }
}

/// Load several specs, reporting the problems of all of them and ids used twice.
pub fn load_all(paths: &[PathBuf]) -> Result<Vec<(PathBuf, Spec)>, Report> {
    let mut report = Report::default();
    let mut specs: Vec<(PathBuf, Spec)> = Vec::new();
    for path in paths {
        match load(path) {
            Ok(spec) => {
                if let Some((first, _)) = specs.iter().find(|(_, s)| s.id == spec.id) {
                    let text = std::fs::read_to_string(path).unwrap_or_default();
                    let source = Source::new(path.display().to_string(), text);
                    report.extend(Report::from(vec![Diagnostic::new(
                        &source,
                        Pos::START,
                        format!(
                            "API id `{}` is already used by {}",
                            spec.id,
                            first.display()
                        ),
                    )]));
                }
                specs.push((path.clone(), spec));
            }
            Err(problems) => report.extend(problems),
        }
    }
    if report.is_empty() {
        Ok(specs)
    } else {
        Err(report)
    }
}

/// The spec files in a directory (`*.yaml` and `*.yml`), sorted so output is deterministic.
pub fn spec_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")))
        .collect();
    files.sort();
    Ok(files)
}
