//! Fixture files: one body per code and shape, laid out as the reference corpus is
//! (`fixtures/<api>/api<version>/<format>/error-<code>.<ext>` for Ampache and problem
//! details, whose bodies differ between versions, `fixtures/<api>/<format>/error-<code>.<ext>`
//! for families whose versions send the same bytes), so the Ampache fixtures can be compared
//! with the corpus file by file.

use std::path::PathBuf;

use crate::emit::bodies::{self, Sample};
use crate::model::Spec;
use crate::resolved::Resolved;

/// The folder all fixtures live in, relative to the workspace root.
pub const DIR: &str = "fixtures";

/// The folder of one API's fixtures.
pub fn api_dir(spec: &Spec) -> PathBuf {
    PathBuf::from(DIR).join(&spec.id)
}

/// Where the fixture of `sample` of code `number` goes.
pub fn path(spec: &Spec, number: u32, sample: &Sample<'_>) -> PathBuf {
    let mut path = api_dir(spec);
    if let Some(version) = sample.version {
        path.push(format!("api{}", version.id));
    }
    path.push(bodies::extension(sample.format));
    path.push(format!(
        "error-{number}.{}",
        bodies::extension(sample.format)
    ));
    path
}

/// Every fixture of a spec as its path and body, codes in ascending order.
pub(crate) fn fixtures(resolved: &Resolved<'_>) -> Vec<(PathBuf, Vec<u8>)> {
    resolved
        .codes
        .iter()
        .flat_map(|code| {
            bodies::samples(resolved, code)
                .into_iter()
                .map(|sample| (path(resolved.spec, code.number, &sample), sample.body))
        })
        .collect()
}
