//! The specs of a git revision, read with the `git` command: `git ls-tree` lists a folder
//! at the revision, `git show REV:./file` gives a file's text.

use std::path::Path;
use std::process::{Command, Output};

use crate::Failure;

/// Runs `git -C dir args...`; a missing `git` is a usage error.
fn git(dir: &Path, args: &[&str]) -> Result<Output, Failure> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|error| {
            Failure::Usage(format!(
                "error: --against needs the `git` command, which cannot be run: {error}"
            ))
        })
}

/// Fails with a usage error unless `dir` is inside a git work tree where `rev` names a
/// commit.
pub fn check_revision(dir: &Path, rev: &str) -> Result<(), Failure> {
    let inside = git(dir, &["rev-parse", "--is-inside-work-tree"])?;
    if !inside.status.success() {
        return Err(Failure::Usage(format!(
            "error: --against {}: {} is not inside a git work tree",
            errors_codegen::excerpt(rev),
            crate::paths::quoted(dir)
        )));
    }
    let commit = format!("{rev}^{{commit}}");
    let found = git(dir, &["rev-parse", "--verify", "--quiet", &commit])?;
    if !found.status.success() {
        return Err(Failure::Usage(format!(
            "error: --against {}: no such git revision (a branch, tag or commit)",
            errors_codegen::excerpt(rev)
        )));
    }
    Ok(())
}

/// The names of the spec files (`*.yaml`, `*.yml`) directly in `dir` at `rev`, sorted; none
/// when the folder did not exist then.
pub fn spec_names(dir: &Path, rev: &str) -> Result<Vec<String>, Failure> {
    let listed = git(dir, &["ls-tree", "-z", rev, "--", "."])?;
    if !listed.status.success() {
        return Err(Failure::Usage(format!(
            "error: git ls-tree {} failed: {}",
            errors_codegen::excerpt(rev),
            errors_codegen::escape(String::from_utf8_lossy(&listed.stderr).trim())
        )));
    }
    // Each entry: `<mode> <type> <object>\t<name>\0`.
    let mut names: Vec<String> = listed
        .stdout
        .split(|byte| *byte == 0)
        .filter_map(|entry| {
            let entry = std::str::from_utf8(entry).ok()?;
            let (head, name) = entry.split_once('\t')?;
            let is_file = head.split(' ').nth(1) == Some("blob");
            let is_spec = name.ends_with(".yaml") || name.ends_with(".yml");
            (is_file && is_spec).then(|| name.to_owned())
        })
        .collect();
    names.sort();
    Ok(names)
}

/// The text of `file` (in `dir`) at `rev`; `None` when the revision has no such file.
pub fn show(dir: &Path, file: &str, rev: &str) -> Result<Option<Vec<u8>>, Failure> {
    let shown = git(dir, &["show", &format!("{rev}:./{file}")])?;
    Ok(shown.status.success().then_some(shown.stdout))
}
