//! Generates this crate's own catalogs the way a downstream user would, into OUT_DIR:
//! - the small `shop` spec;
//! - the spec case whose id is the weak keyword `union`, under that id;
//! - a synthetic spec of 10,000 codes that proves generation and lookup scale;
//! - every spec case of `cases/specs/` that `check` accepts ([`cases`]);
//! - a batch of random specs that `check` accepts ([`random_specs`]).
//!
//! The crate compiles all of them under `#![deny(warnings)]` and runs their doctests: a spec
//! that passes `check` must give code that builds anywhere.

mod cases;
mod random_specs;

use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    errors_codegen::Build::new()
        .spec("spec/shop.yaml")
        .generate()?;
    // A case whose id is a weak keyword, generated under that id: `pub mod union` builds.
    errors_codegen::Build::new()
        .quiet()
        .spec("cases/specs/weak-keyword-id.yaml")
        .generate()?;

    let out_dir = PathBuf::from(std::env::var("OUT_DIR")?);
    let synthetic = out_dir.join("synthetic.yaml");
    errors_codegen::write_if_changed(
        &synthetic,
        errors_codegen::synthetic::spec_text("synthetic", 10_000).as_bytes(),
    )?;
    errors_codegen::Build::new()
        .quiet()
        .spec(&synthetic)
        .generate()?;

    println!("cargo:rerun-if-changed=cases/specs");
    let cases = cases::generate(Path::new("cases/specs"), &out_dir)?;
    write_module(&out_dir, "cases", &cases)?;

    println!("cargo:rerun-if-env-changed={}", random_specs::SEED_VAR);
    println!("cargo:rerun-if-env-changed={}", random_specs::COUNT_VAR);
    let random = random_specs::generate(&out_dir)?;
    write_module(&out_dir, "random_specs", &random)?;
    Ok(())
}

/// A spec that went through `check`: compiled into the crate, or refused with `report`.
#[derive(Debug)]
pub struct Outcome {
    /// The spec's file name, or the random spec's number.
    pub name: String,
    /// The module its catalog got, when `check` accepted it.
    pub module: Option<String>,
    /// What `check` said: its warnings, or the problems it refused the spec for.
    pub report: String,
}

impl Outcome {
    /// The outcome of `check` on the spec `name`: when it was accepted, its catalog is written
    /// to `catalog` with `module` as its id, so that specs sharing an id coexist in the crate.
    pub fn of(
        name: String,
        module: String,
        checked: Result<errors_codegen::model::Spec, errors_codegen::Report>,
        catalog: &Path,
    ) -> std::io::Result<Self> {
        Ok(match checked {
            Ok(mut spec) => {
                spec.id.clone_from(&module);
                let code = errors_codegen::rust_source(&spec, &name);
                errors_codegen::write_if_changed(catalog, code.as_bytes())?;
                Outcome {
                    name,
                    module: Some(module),
                    report: String::new(),
                }
            }
            Err(report) => Outcome {
                name,
                module: None,
                report: report.to_string(),
            },
        })
    }
}

/// Writes `<out>/<name>.rs`: the catalogs of the accepted specs, each included in place, and
/// `OUTCOMES`, the list of `(spec, module or "", report)` for the tests to look at.
fn write_module(out_dir: &Path, name: &str, outcomes: &[Outcome]) -> std::io::Result<()> {
    use std::fmt::Write as _;
    let mut text = String::new();
    for outcome in outcomes {
        if let Some(module) = &outcome.module {
            let _ = writeln!(
                text,
                "include!(concat!(env!(\"OUT_DIR\"), \"/{name}/{module}.rs\"));"
            );
        }
    }
    text.push_str(
        "\n/// Each spec: its name, its module (empty when refused), what `check` said.\n",
    );
    text.push_str("pub const OUTCOMES: &[(&str, &str, &str)] = &[\n");
    for outcome in outcomes {
        let _ = writeln!(
            text,
            "    ({:?}, {:?}, {:?}),",
            outcome.name,
            outcome.module.as_deref().unwrap_or(""),
            outcome.report
        );
    }
    text.push_str("];\n");
    text.push_str(
        "\n/// Calls `visitor` with each compiled catalog's `ErrorCode` and its module name.\n\
         pub fn visit(visitor: &mut impl crate::VisitCatalog) {\n",
    );
    for outcome in outcomes {
        if let Some(module) = &outcome.module {
            let _ = writeln!(
                text,
                "    visitor.visit::<{module}::ErrorCode>({module:?});"
            );
        }
    }
    text.push_str("}\n");
    errors_codegen::write_if_changed(&out_dir.join(format!("{name}.rs")), text.as_bytes())?;
    Ok(())
}
