//! Loading the specs a subcommand works on, and finding one API and one code in them, with
//! the messages a user sees when a name is wrong.
//!
//! The bundled specs are compiled into the binary, so `explain`, `render` and `parse` work
//! from any folder; `--spec-dir` adds a user's own.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::Failure;
use errors_codegen::Report;
use errors_codegen::model::{Code, Spec};

/// The bundled specs, as file name and text. They are this package's copies of the
/// repository's `spec/` (`cargo package` takes only what is inside the package), kept equal
/// to it by the `embedded_specs_are_the_repository_specs` test.
pub const BUNDLED: [(&str, &str); 3] = [
    ("ampache.yaml", include_str!("../spec/ampache.yaml")),
    ("lastfm.yaml", include_str!("../spec/lastfm.yaml")),
    ("subsonic.yaml", include_str!("../spec/subsonic.yaml")),
];

/// One spec a command works on.
#[derive(Debug)]
pub struct Loaded {
    /// The spec.
    pub spec: Spec,
    /// Whether it is one of the bundled specs (else it is the user's, from `--spec-dir`).
    pub bundled: bool,
}

/// The bundled specs, then every spec in `dir` (a user's own); a user's spec with the id of
/// a bundled one takes its place. A folder that cannot be listed or holds no spec is a
/// usage error; a spec with problems is a finding.
pub fn load(dir: Option<&Path>) -> Result<Vec<Loaded>, Failure> {
    let mut loaded = Vec::new();
    for (name, text) in BUNDLED {
        let spec = errors_codegen::load_str(&format!("<bundled>/{name}"), text)
            .map_err(|report| Failure::Findings(report.to_string()))?;
        loaded.push(Loaded {
            spec,
            bundled: true,
        });
    }
    if let Some(dir) = dir {
        for (_, spec) in user_specs(dir)? {
            loaded.retain(|other| !(other.bundled && other.spec.id == spec.id));
            loaded.push(Loaded {
                spec,
                bundled: false,
            });
        }
    }
    Ok(loaded)
}

/// Every spec in `dir`, checked; an unreadable or empty folder is a usage error.
pub fn user_specs(dir: &Path) -> Result<Vec<(PathBuf, Spec)>, Failure> {
    let files = spec_files(dir)?;
    let (specs, report) = errors_codegen::check_all(&files);
    if report.has_errors() {
        return Err(problems(&files, &report));
    }
    Ok(specs)
}

/// The failure of specs `files` whose `report` has errors: a usage error when one of the
/// files cannot be read (a FIFO, a device, no permission), as when it is named alone, else
/// a finding; every problem is told either way.
pub fn problems(files: &[PathBuf], report: &Report) -> Failure {
    if files.iter().any(|file| readable(file).is_err()) {
        Failure::Usage(report.to_string())
    } else {
        Failure::Findings(report.to_string())
    }
}

/// Whether `path` is a plain file that opens, checked before it is opened: opening a FIFO
/// blocks until something writes to it, and a device such as `/dev/zero` never ends.
pub fn readable(path: &Path) -> Result<(), String> {
    let meta = std::fs::metadata(path).map_err(|error| error.to_string())?;
    if let Some(kind) = errors_codegen::special_file_kind(&meta) {
        return Err(format!("it is {kind}, not a plain file"));
    }
    std::fs::File::open(path)
        .map(drop)
        .map_err(|error| error.to_string())
}

/// The spec files in `dir`, at least one: a folder that cannot be listed or holds no spec
/// is a usage error (a mistyped folder must not look like a folder without problems).
pub fn spec_files(dir: &Path) -> Result<Vec<PathBuf>, Failure> {
    let files = errors_codegen::spec_files(dir).map_err(|error| {
        Failure::Usage(format!(
            "error: cannot list {}: {error}",
            crate::paths::quoted(dir)
        ))
    })?;
    if files.is_empty() {
        return Err(Failure::Usage(format!(
            "error: {} holds no spec (*.yaml or *.yml)",
            crate::paths::quoted(dir)
        )));
    }
    Ok(files)
}

/// The spec whose id is `id`, or a usage error: "did you mean" for a near miss, a hint to
/// add `--spec-dir spec` when `./spec` holds that API and `spec_dir` is not it, else the
/// APIs that exist.
pub fn api<'s>(
    specs: &'s [Loaded],
    id: &str,
    spec_dir: Option<&Path>,
) -> Result<&'s Spec, Failure> {
    if let Some(spec) = specs
        .iter()
        .map(|loaded| &loaded.spec)
        .find(|spec| spec.id.eq_ignore_ascii_case(id))
    {
        return Ok(spec);
    }
    let known: Vec<&str> = specs.iter().map(|l| l.spec.id.as_str()).collect();
    let asked = errors_codegen::quote(id);
    let local = Path::new(SPEC_DIR);
    let reads_local = spec_dir.is_some_and(|dir| same_folder(dir, local));
    let message = if !reads_local && folder_holds(local, id) {
        format!(
            "error: no API {asked} (the APIs are: {}); ./{SPEC_DIR} holds it: add \
             `--spec-dir {SPEC_DIR}`",
            known.join(", ")
        )
    } else if let Some(near) = errors_codegen::nearest(id, known.iter().copied()) {
        format!("error: no API {asked}; did you mean `{near}`?")
    } else {
        format!("error: no API {asked}; the APIs are: {}", known.join(", "))
    };
    Err(Failure::Usage(message))
}

/// The folder `check` and `generate` read by default, relative to the current folder.
const SPEC_DIR: &str = "spec";

/// Whether `a` and `b` name the same folder.
fn same_folder(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Whether `dir` holds a spec of API `id`: a file `<id>.yaml` (or `.yml`), or a spec that
/// loads with that id. Unreadable files and broken specs count as not holding it.
fn folder_holds(dir: &Path, id: &str) -> bool {
    let Ok(files) = errors_codegen::spec_files(dir) else {
        return false;
    };
    files.iter().any(|file| {
        file.file_stem()
            .is_some_and(|stem| stem.eq_ignore_ascii_case(id))
            || errors_codegen::load(file).is_ok_and(|spec| spec.id.eq_ignore_ascii_case(id))
    })
}

/// The code `key` names in `spec`, by number or by variant name, or a usage error listing
/// the codes that exist (and the reason when the number is reserved).
pub fn code<'s>(spec: &'s Spec, key: &str) -> Result<(u32, &'s Code), Failure> {
    let found = match key.parse::<u32>() {
        Ok(number) => spec.codes.get_key_value(&number),
        Err(_) => spec
            .codes
            .iter()
            .find(|(_, code)| code.name.eq_ignore_ascii_case(key)),
    };
    if let Some((&number, code)) = found {
        return Ok((number, code));
    }
    let reserved = key
        .parse::<u32>()
        .ok()
        .and_then(|number| spec.reserved.get(&number));
    let asked = errors_codegen::excerpt(key);
    let mut message = match reserved {
        Some(why) => format!(
            "error: {asked} is not a code of {}: it is reserved. {}",
            spec.id,
            why.trim()
        ),
        None => format!("error: {asked} is not a code of {}", spec.id),
    };
    // A near miss of a name gets the name it misses, not the whole list.
    let names = spec.codes.values().map(|code| code.name.as_str());
    if let Some(near) = key
        .parse::<u32>()
        .is_err()
        .then(|| errors_codegen::nearest(key, names))
        .flatten()
    {
        let _ = write!(message, "; did you mean `{near}`?");
        return Err(Failure::Usage(message));
    }
    let _ = write!(message, "\nthe codes of {} are:", spec.id);
    for (number, code) in &spec.codes {
        let _ = write!(message, "\n  {number:>5}  {}", code.name);
    }
    Err(Failure::Usage(message))
}
