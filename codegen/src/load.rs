//! The one way into a spec: read, parse, check the structure, read the model, validate.
//!
//! One pass reports every problem of a file at once: the structural check prunes what it
//! reports and the model is read from what is left, so the rules still run when a part of
//! the file is broken. Work and memory stay linear in the size of the file, which is bounded.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Pos, Report, Source};
use crate::model::Spec;
use crate::validate::Unread;

use crate::yaml::{Node, Value};
use crate::{schema, structure, validate, yaml, yaml_tags};

/// The largest spec file read, in bytes (16 MiB); a larger one is refused unread.
pub const MAX_SPEC_BYTES: usize = 16 * 1024 * 1024;

/// The most codes one spec may hold; a spec with more is refused before it is checked.
pub const MAX_CODES: usize = 100_000;

/// Load one spec file; every problem in it comes back at once.
///
/// # Errors
/// A [`Report`] with every error of the file (and its warnings) when it has any error: it
/// cannot be read, is larger than [`MAX_SPEC_BYTES`], is not UTF-8 or YAML, or breaks the
/// format or its rules. Warnings alone are no error; [`check_all`] returns them.
pub fn load(path: &Path) -> Result<Spec, Report> {
    into_result(check_file(path))
}

/// Load a spec from bytes; `name` is how diagnostics name the file.
///
/// # Errors
/// As [`load`].
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Spec, Report> {
    into_result(check_bytes(name, bytes))
}

/// Load a spec from text; `name` is how diagnostics name the file.
///
/// # Errors
/// As [`load`].
pub fn load_str(name: &str, text: &str) -> Result<Spec, Report> {
    into_result(check_str(name, text))
}

/// Load several specs, reporting the problems of all of them and ids used twice.
///
/// # Errors
/// A [`Report`] with every problem of every spec, when any of them is an error.
pub fn load_all(paths: &[PathBuf]) -> Result<Vec<(PathBuf, Spec)>, Report> {
    let (specs, report) = check_all(paths);
    if report.has_errors() {
        Err(report)
    } else {
        Ok(specs)
    }
}

/// Check several specs: every spec without an error, with its path, in the order given; and
/// every problem of all of them (ids used twice included), errors and warnings, in file
/// order. A spec with warnings only is among the specs, and its warnings in the report.
pub fn check_all(paths: &[PathBuf]) -> (Vec<(PathBuf, Spec)>, Report) {
    let mut report = Report::default();
    let mut specs: Vec<(PathBuf, Spec)> = Vec::new();
    for path in paths {
        let name = file_name(path);
        let (spec, problems, bytes) = match read_file(path) {
            Ok(bytes) => {
                let (spec, problems) = check_bytes(&name, &bytes);
                (spec, problems, bytes)
            }
            Err(problem) => (None, problem, Vec::new()),
        };
        report.extend(problems);
        let Some(spec) = spec else { continue };
        if let Some((first, _)) = specs.iter().find(|(_, s)| s.id == spec.id) {
            // The spec loaded, so its text is UTF-8 YAML with an `id`.
            let text = String::from_utf8_lossy(&bytes);
            let pos = id_pos(&text).unwrap_or(Pos::START);
            let source = Source::new(name, text.into_owned());
            report.extend(Report::from(vec![Diagnostic::new(
                &source,
                pos,
                format!(
                    "API id `{}` is already used by {}",
                    spec.id,
                    first.display()
                ),
            )]));
        } else {
            specs.push((path.clone(), spec));
        }
    }
    (specs, report)
}

/// Where the value of a spec's top-level `id` is, read again from its text (only for the
/// rare report of an id used twice).
fn id_pos(text: &str) -> Option<Pos> {
    yaml::parse(text).ok()?.get("id").map(|node| node.pos)
}

/// Check one spec text (`name` is how diagnostics name the file): the spec when it has no
/// error, and every problem found, errors and warnings, in file order.
pub fn check_str(name: &str, text: &str) -> (Option<Spec>, Report) {
    if text.len() > MAX_SPEC_BYTES {
        return (None, too_large(name, text.len()));
    }
    let source = Source::new(name, text);
    let refuse = |pos, message: String| {
        let report = Report::from(vec![Diagnostic::new(&source, pos, message)]);
        (None, report)
    };
    // A tag may change what the parse reads (`!!binary` decodes base64) or make it fail
    // (`!custom`): tags are reported first, and a parse error on a tag's line is theirs.
    let tags: Vec<Diagnostic> = yaml_tags::tags(text)
        .into_iter()
        .map(|tag| Diagnostic::new(&source, tag.pos, tag_message(&tag.text)))
        .collect();
    let tree = match yaml::parse(text) {
        Ok(tree) => tree,
        Err(error) if tags.iter().any(|t| t.pos.line == error.pos.line) => {
            return (None, Report::from(tags));
        }
        Err(error) => {
            let mut problems = tags;
            problems.push(Diagnostic::new(&source, error.pos, error.message));
            return (None, Report::from(problems));
        }
    };
    if let Some((
        key,
        Node {
            value: Value::Map(codes),
            ..
        },
    )) = tree.entry("codes")
        && codes.len() > MAX_CODES
    {
        let message = format!(
            "`codes` holds {} codes; a spec may hold at most {MAX_CODES}",
            codes.len()
        );
        return refuse(key.pos, message);
    }
    let codes = code_numbers(&tree);
    let checked = structure::check(tree, &schema::schema(), &source);
    let mut problems = tags;
    problems.extend(checked.problems);
    let unread = Unread {
        incomplete: checked.incomplete,
        codes,
    };
    if let Some(tree) = checked.tree {
        match yaml::from_tree::<Spec>(&tree) {
            Ok(spec) => {
                problems.extend(validate::check(&spec, &tree, &source, &unread));
                let report = Report::from(problems);
                return if report.has_errors() {
                    (None, report)
                } else {
                    (Some(spec), report)
                };
            }
            // The structural check prunes whatever the model cannot hold; this reports a
            // gap between the two instead of letting the spec through.
            Err(error) => problems.push(Diagnostic::new(
                &source,
                error.pos.unwrap_or(Pos::START),
                format!("cannot read the spec: {error}"),
            )),
        }
    }
    (None, Report::from(problems))
}

/// Why a spec refuses the YAML tag written `tag`.
fn tag_message(tag: &str) -> String {
    format!(
        "the YAML tag `{tag}` is not allowed in a spec: a tag changes how YAML reads the value \
         (`!!binary` decodes base64, `!!str` makes text of a number) or names a type no spec \
         has; remove it, and quote a string YAML would read otherwise"
    )
}

/// Every number under `codes` in a parsed file, before any of its codes is pruned.
fn code_numbers(tree: &Node) -> HashSet<u32> {
    let Some(Node {
        value: Value::Map(entries),
        ..
    }) = tree.get("codes")
    else {
        return HashSet::new();
    };
    entries
        .iter()
        .filter_map(|(key, _)| match &key.value {
            Value::Int(number) => u32::try_from(*number).ok(),
            Value::Str(text) => text.parse().ok(),
            _ => None,
        })
        .collect()
}

/// `path` as diagnostics name it: as a message shows any value, its control and
/// bidirectional characters escaped, so that a file name cannot forge or reorder a line.
fn file_name(path: &Path) -> String {
    crate::diagnostic::escape(&path.display().to_string())
}

fn check_file(path: &Path) -> (Option<Spec>, Report) {
    match read_file(path) {
        Ok(bytes) => check_bytes(&file_name(path), &bytes),
        Err(report) => (None, report),
    }
}

/// The bytes of the spec file at `path`, or why it is refused unread.
fn read_file(path: &Path) -> Result<Vec<u8>, Report> {
    let name = file_name(path);
    let refuse = |message: String| {
        let source = Source::new(name.clone(), "");
        Report::from(vec![Diagnostic::new(&source, Pos::START, message)])
    };
    // A file too large is refused before it is read into memory; anything but a plain file
    // (a FIFO, which blocks, `/dev/zero`, which never ends, a folder) is refused unread.
    match std::fs::metadata(path) {
        Ok(meta) if let Some(kind) = special_file_kind(&meta) => Err(refuse(format!(
            "cannot read the spec: it is {kind}, not a plain file"
        ))),
        Ok(meta) if meta.len() > MAX_SPEC_BYTES as u64 => {
            let len = usize::try_from(meta.len()).unwrap_or(usize::MAX);
            Err(too_large(&name, len))
        }
        Ok(_) => {
            read_at_most(path).map_err(|error| refuse(format!("cannot read the spec: {error}")))
        }
        Err(error) => Err(refuse(format!("cannot read the spec: {error}"))),
    }
}

/// The file's bytes, but no more than one past [`MAX_SPEC_BYTES`]: a file that grew since
/// its size was read is still refused as too large, not read whole.
fn read_at_most(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_SPEC_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// What a file is when it is not a plain file (`a folder`, `a named pipe (FIFO)`, `a
/// device`, `a socket`), for a refusal; `None` for a plain file. Reading a FIFO blocks until
/// something writes to it and a device such as `/dev/zero` never ends, so a command that
/// reads a named file refuses such files before opening them. `meta` follows symbolic links
/// ([`std::fs::metadata`]).
pub fn special_file_kind(meta: &std::fs::Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("a device");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    Some("a special file")
}

fn check_bytes(name: &str, bytes: &[u8]) -> (Option<Spec>, Report) {
    if bytes.len() > MAX_SPEC_BYTES {
        return (None, too_large(name, bytes.len()));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => check_str(name, text),
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
            let report = Report::from(vec![Diagnostic::new(
                &source,
                pos,
                "the spec is not valid UTF-8",
            )]);
            (None, report)
        }
    }
}

/// The refusal of a file of `len` bytes, over [`MAX_SPEC_BYTES`].
fn too_large(name: &str, len: usize) -> Report {
    let mib = |bytes: usize| bytes as f64 / (1024.0 * 1024.0);
    let message = format!(
        "the spec is {:.1} MiB ({len} bytes); a spec may be at most {:.0} MiB ({MAX_SPEC_BYTES} bytes)",
        mib(len),
        mib(MAX_SPEC_BYTES)
    );
    Report::from(vec![Diagnostic::new(
        &Source::new(name, ""),
        Pos::START,
        message,
    )])
}

/// A checked spec as a loader returns it: the spec when there is no error.
fn into_result((spec, report): (Option<Spec>, Report)) -> Result<Spec, Report> {
    match spec {
        Some(spec) if !report.has_errors() => Ok(spec),
        _ => Err(report),
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

    /// Reading the model in one pass gives what serde-saphyr gives from the text, for the
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
            assert_eq!(load_str("spec.yaml", text).ok(), Some(expected));
        }
    }

    /// Where YAML reads a plain scalar as a number or boolean but the format expects a string
    /// (`1.10`, `yes`, `12`), or a key is quoted, the loader reads what serde-saphyr reads
    /// from the text: the text as written.
    #[test]
    fn plain_scalars_read_as_serde_saphyr_reads_them() {
        let base = crate::synthetic::spec_text("odd", 3);
        let variants = [
            base.replace("id: \"1\"", "id: 1.10"),
            base.replace("title: Error 3\n", "title: yes\n"),
            base.replace("title: Error 3\n", "title: 12\n"),
            base.replace(
                "retry: never\n",
                "retry: never\n    http_status: {\"1\": 404}\n",
            ),
            base.replace("  3:\n", "  \"3\":\n"),
        ];
        for text in &variants {
            assert_ne!(text, &base);
            let expected = saphyr(text).unwrap_or_else(|| panic!("serde-saphyr reads {text}"));
            let loaded = load_str("odd.yaml", text).unwrap_or_else(|r| panic!("{r}"));
            assert_eq!(loaded, expected, "{text}");
        }
        assert_eq!(
            load_str("odd.yaml", &variants[0])
                .ok()
                .map(|s| s.versions[0].id.clone()),
            Some("1.10".to_owned()),
            "the version is read as written"
        );
    }

    /// A message is a string or a map of strings, and a plain number is a string where the
    /// format expects one; so is a number as a key of a per-version status map (serde-saphyr's
    /// reading of an untagged value refuses both; the schema does not).
    #[test]
    fn a_number_as_a_message_is_its_text() {
        let base = crate::synthetic::spec_text("odd", 3);
        let plain = base.replace("message: Error number 3\n", "message: 3.50\n");
        let spec = load_str("odd.yaml", &plain).unwrap_or_else(|r| panic!("{r}"));
        assert_eq!(
            spec.codes[&3].message,
            crate::model::Message::Plain("3.50".into())
        );
        let localized = base.replace("message: Error number 3\n", "message: {en: 3.50}\n");
        let spec = load_str("odd.yaml", &localized).unwrap_or_else(|r| panic!("{r}"));
        assert_eq!(
            spec.codes[&3].message.get("en", "en"),
            Some("3.50"),
            "{localized}"
        );
        let status = base.replacen(
            "retry: never\n",
            "retry: never\n    http_status: {1: 404}\n",
            1,
        );
        let spec = load_str("odd.yaml", &status).unwrap_or_else(|r| panic!("{r}"));
        assert_eq!(spec.codes[&3].http_status_in(&spec.versions[0]), 404);
    }

    /// `default_version` names a declared version; otherwise the newest is the default.
    #[test]
    fn the_default_version_is_a_declared_one() {
        let base = crate::synthetic::spec_text("versions", 3);
        let spec = load_str("versions.yaml", &base).expect("the synthetic spec loads");
        let newest = spec.versions.last().map(|v| v.id.clone());
        assert_eq!(Some(spec.default_version().to_owned()), newest);

        let first = spec.versions[0].id.clone();
        let named = format!("default_version: \"{first}\"\n{base}");
        let loaded = load_str("versions.yaml", &named).expect("a declared version is accepted");
        assert_eq!(loaded.default_version(), first);

        let unknown = format!("default_version: \"9.9\"\n{base}");
        let report = load_str("versions.yaml", &unknown)
            .err()
            .map(|report| report.to_string())
            .unwrap_or_default();
        assert!(
            report.contains("default version `9.9` is not the id of one of `versions`"),
            "{report}"
        );
    }
}
