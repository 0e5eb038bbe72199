// build.rs
fn main() -> Result<(), errors_codegen::Error> {
    errors_codegen::Build::new()
        .spec("spec/shop.yaml")
        .generate()?;
    Ok(())
}
