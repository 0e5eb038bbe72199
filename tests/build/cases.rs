//! The spec cases (`cases/specs/`, each one kind of spec that once broke generated code):
//! each is either refused by `check` or generated into this crate, which must then build.

use std::path::Path;

use crate::Outcome;

/// Checks every case spec; writes the catalog of each accepted one as
/// `<out>/cases/case_<stem>.rs`, under that module name so that cases sharing an id coexist.
pub fn generate(dir: &Path, out_dir: &Path) -> Result<Vec<Outcome>, Box<dyn std::error::Error>> {
    let files = errors_codegen::spec_files(dir)?;
    let mut outcomes = Vec::new();
    for file in files {
        let stem = file
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        let name = file
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let module = format!("case_{}", stem.replace('-', "_").to_lowercase());
        let catalog = out_dir.join("cases").join(format!("{module}.rs"));
        let outcome = Outcome::of(name, module, errors_codegen::load(&file), &catalog)?;
        outcomes.push(outcome);
    }
    Ok(outcomes)
}
