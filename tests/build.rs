//! Generates this crate's own catalogs the way a downstream user would: the small `shop`
//! spec, and a synthetic spec of 10,000 codes that proves generation and lookup scale.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    errors_codegen::Build::new()
        .spec("spec/shop.yaml")
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
    Ok(())
}
