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
    // A structurally sound tree is read as the model without parsing the text again. Any
    // other, and one the strict tree reader declines, is read by serde-saphyr from the text.
    let from_tree = if structural.is_empty() {
        yaml::from_tree::<Spec>(&tree).ok()
    } else {
        None
    };
    // Values of the right type but outside the schema's bounds still deserialize; then the
    // rules below run too, so one run reports everything.
    let spec: Spec = match from_tree.map_or_else(|| serde_saphyr::from_str(text), Ok) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn saphyr(text: &str) -> Option<Spec> {
        serde_saphyr::from_str(text).ok()
    }

    fn tree(text: &str) -> Option<Spec> {
        yaml::from_tree(&yaml::parse(text).ok()?).ok()
    }

    /// Reading the model from the tree gives what serde-saphyr gives from the text, for the
    /// shipped specs and synthetic ones.
    #[test]
    fn the_tree_reads_as_the_text_does() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
        let mut texts: Vec<String> = spec_files(&dir)
            .expect("spec/ is listable")
            .iter()
            .map(|file| std::fs::read_to_string(file).expect("readable"))
            .collect();
        texts.push(crate::synthetic::spec_text("synthetic", 50));
        assert!(texts.len() > 1);
        for text in &texts {
            let expected = saphyr(text).expect("a shipped spec reads");
            assert_eq!(tree(text).as_ref(), Some(&expected));
            assert_eq!(load_str("spec.yaml", text).ok(), Some(expected));
        }
    }

    /// Where YAML's plain scalars would have to be re-read as strings (`1.10`, `yes`) or
    /// differ in type, the tree declines and the loader reads the text with serde-saphyr:
    /// the same spec, or the same error, either way.
    #[test]
    fn the_tree_declines_what_it_cannot_read_the_same() {
        let base = crate::synthetic::spec_text("odd", 3);
        let variants = [
            base.replace("id: \"1\"", "id: 1.10"),
            base.replace("title: Error 3\n", "title: yes\n"),
            base.replace("title: Error 3\n", "title: 12\n"),
            base.replace("title: Error 3\n", "title: ~\n"),
            base.replace("message: Error number 3\n", "message: 3\n"),
            base.replace(
                "retry: never\n",
                "retry: never\n    http_status: {1: 404}\n",
            ),
            base.replace(
                "retry: never\n",
                "retry: never\n    http_status: {\"1\": 404}\n",
            ),
            base.replace("retry: never\n", "retry: never\n    legacy: \"10\"\n"),
        ];
        for text in &variants {
            assert_ne!(text, &base);
            let expected = saphyr(text);
            if let Some(from_tree) = tree(text) {
                assert_eq!(Some(&from_tree), expected.as_ref(), "{text}");
            }
            // (A spec serde-saphyr reads may still break a structural check or a rule.)
            if let (Some(spec), Ok(loaded)) = (&expected, load_str("odd.yaml", text)) {
                assert_eq!(spec, &loaded);
            }
        }
        assert!(
            tree(&variants[0]).is_none(),
            "a float is not read as a string"
        );
        assert_eq!(
            load_str("odd.yaml", &variants[0])
                .ok()
                .map(|s| s.versions[0].id.clone()),
            Some("1.10".to_owned()),
            "serde-saphyr reads the version as written"
        );
    }
}
