//! Loading the specs a subcommand works on, and finding one API and one code in them, with
//! the messages a user sees when a name is wrong.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::Failure;
use errors_codegen::model::{Code, Spec};

/// Every spec in `dir`; on failure the problem is printed and the exit status returned.
pub fn load(dir: &Path) -> Result<Vec<(PathBuf, Spec)>, Failure> {
    let files = errors_codegen::spec_files(dir).map_err(|error| {
        Failure::Usage(format!("error: cannot list {}: {error}", dir.display()))
    })?;
    errors_codegen::load_all(&files).map_err(|report| Failure::Findings(report.to_string()))
}

/// The spec whose id is `id`, or a usage error naming the ones that exist.
pub fn api<'s>(specs: &'s [(PathBuf, Spec)], id: &str) -> Result<&'s Spec, Failure> {
    specs
        .iter()
        .map(|(_, spec)| spec)
        .find(|spec| spec.id.eq_ignore_ascii_case(id))
        .ok_or_else(|| {
            let known: Vec<&str> = specs.iter().map(|(_, s)| s.id.as_str()).collect();
            Failure::Usage(format!(
                "error: no API `{id}`; the APIs are: {}",
                known.join(", ")
            ))
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
    let mut message = match reserved {
        Some(why) => format!(
            "error: {key} is not a code of {}: it is reserved. {}",
            spec.id,
            why.trim()
        ),
        None => format!("error: {key} is not a code of {}", spec.id),
    };
    let _ = write!(message, "\nthe codes of {} are:", spec.id);
    for (number, code) in &spec.codes {
        let _ = write!(message, "\n  {number:>5}  {}", code.name);
    }
    Err(Failure::Usage(message))
}
