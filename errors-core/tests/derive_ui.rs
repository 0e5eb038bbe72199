//! Compile-fail tests of `#[derive(ApiError)]`: one file per misuse in `tests/ui/`, each with
//! the exact diagnostics expected in its `.stderr`; and programs that must compile, in
//! `tests/ui/pass/`. Regenerate the expectations with `TRYBUILD=overwrite`, then read every
//! changed `.stderr`.
//!
//! They live here rather than in errors-tests because trybuild builds every dev-dependency
//! of the crate it runs in: here that is the derive as users reach it, without the
//! benchmarks and the 10,000-code test catalog.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
    t.pass("tests/ui/pass/*.rs");
}
