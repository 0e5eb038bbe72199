//! Generates the bundled catalogs from spec/*.yaml into OUT_DIR.

fn main() -> Result<(), errors_codegen::Report> {
    errors_codegen::Build::new()
        .spec_dir("../spec")
        .generate()?;
    Ok(())
}
