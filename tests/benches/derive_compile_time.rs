//! Compile-time cost of `#[derive(ApiError)]` against `#[derive(thiserror::Error)]`, on the
//! same 1,000-variant enum, compiled on the same machine in the same run.
//!
//! Four crates are generated under `target/tmp/derive-compile-time/`: the enum with only
//! `#[derive(Debug)]` (the baseline), with thiserror, and twice with `ApiError`: with codes of
//! the Ampache catalog, which the 1,000 variants share (15 codes, by number and by name), and
//! with 1,000 distinct codes by number, the worst case, where every variant's code is checked
//! on its own, from a 1,000-code catalog that a fifth crate generates in its build script the
//! way a downstream user would. Their dependencies are built once; each sample then touches one crate's source, has cargo
//! compile that crate alone, and times the rustc process that compiles it. Three ways:
//! `check` and `build` from scratch (incremental compilation off), and `rebuild`, an
//! incremental build of the unchanged source, where little but the macro expansion itself is
//! redone. What a derive costs is its crate's time minus the baseline's.
//!
//! rustc is timed rather than cargo because cargo's own work differs between the crates for
//! reasons that have nothing to do with the derives: before building the `ApiError` crate it
//! checks every file of its path dependencies (errors-core, errors-derive, the codegen crate
//! and the specs) for changes, while thiserror comes from the registry and is not checked.
//! To time rustc, this bench runs itself as cargo's `RUSTC_WRAPPER`.
//!
//! `cargo bench -p errors-tests --bench derive_compile_time`

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode};
use errors_core::{Catalog, ampache};

const VARIANTS: usize = 1_000;
const CRATES: [&str; 4] = ["plain", "thiserror", "api_error", "api_error_distinct"];
/// Codes in the downstream catalog of the distinct-codes case.
const CATALOG_CODES: u32 = 1_000;
const MODES: [&str; 3] = ["check", "build", "rebuild"];

/// Set when this binary runs as cargo's rustc wrapper: the file to record rustc's time in.
const TIMING_FILE: &str = "DERIVE_BENCH_TIMING_FILE";

fn main() {
    if let Some(timing_file) = std::env::var_os(TIMING_FILE) {
        wrap_rustc(Path::new(&timing_file));
    }

    let workspace = Workspace::create();
    for mode in MODES {
        workspace.compile(mode, None);
    }

    let timings = Mutex::new(Vec::<(String, Duration)>::new());
    let mut criterion = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(1))
        .measurement_time(Duration::from_millis(1))
        .configure_from_args();
    let mut group = criterion.benchmark_group("derive_1000_variants");
    group.sampling_mode(SamplingMode::Flat);
    for mode in MODES {
        for krate in CRATES {
            let id = format!("{mode}/{krate}");
            group.bench_function(&id, |b| {
                b.iter_custom(|iterations| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iterations {
                        workspace.touch(krate);
                        let elapsed = workspace.compile(mode, Some(krate));
                        total += elapsed;
                        timings
                            .lock()
                            .expect("no panics while held")
                            .push((id.clone(), elapsed));
                    }
                    total
                });
            });
        }
    }
    group.finish();
    criterion.final_summary();

    summarize(&timings.into_inner().expect("no panics while held"));
}

/// Runs the rustc command cargo gave, and records how long it took when it compiled one of
/// the bench crates.
fn wrap_rustc(timing_file: &Path) -> ! {
    let mut args = std::env::args_os().skip(1);
    let rustc = args.next().expect("cargo passes rustc's path first");
    let args: Vec<_> = args.collect();
    let measured = args
        .windows(2)
        .any(|pair| pair[0] == "--crate-name" && pair[1].to_string_lossy().starts_with("bench_"));
    let start = Instant::now();
    let status = Command::new(rustc).args(&args).status().expect("run rustc");
    if measured {
        let nanos = start.elapsed().as_nanos().to_string();
        std::fs::write(timing_file, nanos).expect("record rustc's time");
    }
    std::process::exit(status.code().unwrap_or(1));
}

/// Medians, the derives' cost over the baseline, and the ratio the target is about.
fn summarize(timings: &[(String, Duration)]) {
    let median = |id: &str| {
        let mut samples: Vec<f64> = timings
            .iter()
            .filter(|(name, _)| name == id)
            .map(|(_, time)| time.as_secs_f64())
            .collect();
        if samples.is_empty() {
            return None;
        }
        samples.sort_by(f64::total_cmp);
        Some(samples[samples.len() / 2])
    };
    println!("\nmedian rustc time for the {VARIANTS}-variant enum (seconds):");
    for mode in MODES {
        let [Some(plain), Some(thiserror), Some(shared), Some(distinct)] =
            CRATES.map(|krate| median(&format!("{mode}/{krate}")))
        else {
            continue;
        };
        let this_cost = thiserror - plain;
        println!("{mode}: baseline {plain:.3}, thiserror {thiserror:.3} (+{this_cost:.3})");
        for (name, time) in [("shared codes", shared), ("distinct codes", distinct)] {
            let cost = time - plain;
            println!(
                "    ApiError, {name}: {time:.3} (+{cost:.3}); derive cost ratio to thiserror \
                 {:.2}, whole-crate ratio {:.2}",
                cost / this_cost,
                time / thiserror,
            );
        }
    }
}

struct Workspace {
    root: PathBuf,
}

impl Workspace {
    fn create() -> Self {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("derive-compile-time");
        let errors_core = Path::new(env!("CARGO_MANIFEST_DIR")).join("../errors-core");
        let errors_core = errors_core
            .canonicalize()
            .expect("errors-core is next to tests/");
        let codegen = Path::new(env!("CARGO_MANIFEST_DIR")).join("../codegen");
        let codegen = codegen.canonicalize().expect("codegen is next to tests/");
        let lock = Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.lock");

        write(
            &root.join("Cargo.toml"),
            &format!(
                "[workspace]\nresolver = \"3\"\nmembers = [\"catalog\", {}]\n",
                {
                    let members: Vec<String> =
                        CRATES.iter().map(|krate| format!("{krate:?}")).collect();
                    members.join(", ")
                }
            ),
        );
        let catalog = root.join("catalog");
        write(
            &catalog.join("Cargo.toml"),
            &format!(
                "[package]\nname = \"bench_catalog\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
                 publish = false\n\n[dependencies]\nerrors-core = {{ path = {errors_core:?} }}\n\n\
                 [build-dependencies]\nerrors-codegen = {{ path = {codegen:?} }}\n"
            ),
        );
        write(
            &catalog.join("build.rs"),
            "fn main() {\n    errors_codegen::Build::new().spec(\"bench.yaml\").generate().expect(\"valid spec\");\n}\n",
        );
        write(
            &catalog.join("bench.yaml"),
            &errors_codegen::synthetic::spec_text("bench", CATALOG_CODES),
        );
        write(
            &catalog.join("src/lib.rs"),
            "errors_core::include_catalog!(\"bench\");\n",
        );
        // The workspace's lock file pins the same dependency versions as the real build.
        std::fs::copy(lock, root.join("Cargo.lock")).expect("copy Cargo.lock");
        for krate in CRATES {
            let dependency = match krate {
                "thiserror" => "thiserror = \"2\"".to_owned(),
                "api_error" => format!("errors-core = {{ path = {errors_core:?} }}"),
                "api_error_distinct" => format!(
                    "errors-core = {{ path = {errors_core:?} }}\n\
                     bench_catalog = {{ path = \"../catalog\" }}"
                ),
                _ => String::new(),
            };
            write(
                &root.join(krate).join("Cargo.toml"),
                &format!(
                    "[package]\nname = \"bench_{krate}\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
                     publish = false\n\n[dependencies]\n{dependency}\n"
                ),
            );
            write(&root.join(krate).join("src/lib.rs"), &source(krate));
        }
        Workspace { root }
    }

    fn touch(&self, krate: &str) {
        let path = self.root.join(krate).join("src/lib.rs");
        let file = std::fs::File::options()
            .append(true)
            .open(&path)
            .expect("open lib.rs");
        file.set_modified(std::time::SystemTime::now())
            .expect("touch lib.rs");
    }

    /// Has cargo compile `krate` (or everything) in `mode`, and returns how long rustc took
    /// to compile the crate.
    fn compile(&self, mode: &str, krate: Option<&str>) -> Duration {
        let (subcommand, incremental) = match mode {
            "check" => ("check", false),
            "build" => ("build", false),
            _ => ("build", true),
        };
        // Apart, so that switching modes never invalidates the other mode's artefacts.
        let target = self.root.join(if incremental {
            "target-incremental"
        } else {
            "target"
        });
        let timing_file = self.root.join("rustc-time");
        let _ = std::fs::remove_file(&timing_file);
        let mut command = Command::new(env!("CARGO"));
        command
            .arg(subcommand)
            .arg("--quiet")
            .arg("--offline")
            .arg("--manifest-path")
            .arg(self.root.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", target)
            .env("CARGO_INCREMENTAL", if incremental { "1" } else { "0" })
            .env("RUSTC_WRAPPER", std::env::current_exe().expect("own path"))
            .env(TIMING_FILE, &timing_file)
            .env_remove("RUSTFLAGS")
            .env_remove("CARGO_ENCODED_RUSTFLAGS");
        if let Some(krate) = krate {
            command.arg("-p").arg(format!("bench_{krate}"));
        }
        let status = command.status().expect("run cargo");
        assert!(
            status.success(),
            "cargo {mode} failed in {}",
            self.root.display()
        );
        let nanos = std::fs::read_to_string(&timing_file).unwrap_or_default();
        Duration::from_nanos(nanos.parse().unwrap_or(0))
    }
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("file in a directory")).expect("mkdir");
    // Rewriting identical sources would change their mtime and force rebuilds of the
    // warm-up, so only changes are written.
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).expect("write source");
    }
}

/// The same enum for every crate: a third unit variants, a third with a named field and a
/// third with a tuple field, each with its own message; the `ApiError` ones also with a code.
fn source(krate: &str) -> String {
    let shared = ampache::ErrorCode::ALL;
    let mut out = String::new();
    match krate {
        "thiserror" => out.push_str("#[derive(Debug, thiserror::Error)]\n"),
        "api_error" => out.push_str(
            "use errors_core::ApiError;\n\n#[derive(Debug, ApiError)]\n#[api_error(catalog = errors_core::ampache::ErrorCode)]\n",
        ),
        "api_error_distinct" => out.push_str(
            "use errors_core::ApiError;\n\n#[derive(Debug, ApiError)]\n\
             #[api_error(catalog = bench_catalog::bench::ErrorCode)]\n",
        ),
        _ => out.push_str("#[derive(Debug)]\n"),
    }
    out.push_str("pub enum BigError {\n");
    for i in 0..VARIANTS {
        let (fields, message) = match i % 3 {
            0 => (String::new(), format!("error number {i}")),
            1 => (
                " { id: u64 }".to_owned(),
                format!("error number {i} for {{id}}"),
            ),
            _ => ("(String)".to_owned(), format!("error number {i}: {{0}}")),
        };
        match krate {
            "thiserror" => {
                let _ = writeln!(out, "    #[error(\"{message}\")]");
            }
            "api_error" => {
                let code = shared[i % shared.len()];
                let code = if i % 2 == 0 {
                    Catalog::as_u32(code).to_string()
                } else {
                    Catalog::name(code).to_owned()
                };
                let _ = writeln!(
                    out,
                    "    #[api_error(code = {code}, message = \"{message}\")]"
                );
            }
            "api_error_distinct" => {
                // The numbers `synthetic::spec_text` gives its codes.
                let code = i * 7 + 3;
                let _ = writeln!(
                    out,
                    "    #[api_error(code = {code}, message = \"{message}\")]"
                );
            }
            _ => {}
        }
        let _ = writeln!(out, "    Variant{i}{fields},");
    }
    out.push_str("}\n");
    out
}
