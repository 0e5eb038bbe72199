//! `errors-codegen`: check specs and generate docs and fixtures from them.
//!
//! Exit status: 0 when all is well, 1 when there are findings (a spec problem, a body that
//! is not an error), 2 for usage errors (unknown subcommand, API or code).

use std::process::ExitCode;

fn main() -> ExitCode {
    errors_codegen::cli::run()
}
