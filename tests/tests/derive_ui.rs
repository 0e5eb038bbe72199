//! Compile-fail tests of `#[derive(ApiError)]`: one file per misuse in `ui/`, each with the
//! exact diagnostics expected in its `.stderr`; and programs that must compile, in `ui/pass/`.
//! Regenerate the expectations with `TRYBUILD=overwrite`, then read every changed `.stderr`.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*.rs");
    t.pass("ui/pass/*.rs");
}
