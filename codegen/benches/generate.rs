//! Generation cost for 100, 1,000 and 10,000 codes: the whole pipeline a `generate` run goes
//! through (load the YAML text: parse, schema check, deserialize, validate; then every
//! artifact: schema, docs page and index, fixtures, and the Rust catalog), and each stage
//! alone, all through the crate's public functions.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use errors_codegen::artifacts::{artifacts, rust_catalogs};
use errors_codegen::model::Spec;

/// The total size of every artifact, so that none of them can be optimised away.
fn generate(text: &str) -> usize {
    let spec = errors_codegen::load_str("synthetic.yaml", text).expect("synthetic spec is valid");
    let specs = [(PathBuf::from("synthetic.yaml"), spec)];
    let docs = artifacts(Path::new("spec"), &specs);
    let rust = rust_catalogs(Path::new("src"), &specs);
    docs.iter().chain(&rust).map(|a| a.content.len()).sum()
}

fn generation(c: &mut Criterion) {
    let mut group = c.benchmark_group("generate");
    group.sample_size(10);
    // The 10,000-code rows take a second or more per iteration.
    group.sampling_mode(SamplingMode::Flat);
    for count in [100u32, 1_000, 10_000] {
        let text = errors_codegen::synthetic::spec_text("synthetic", count);
        let spec =
            errors_codegen::load_str("synthetic.yaml", &text).expect("synthetic spec is valid");
        let specs: [(PathBuf, Spec); 1] = [(PathBuf::from("synthetic.yaml"), spec)];
        group.throughput(Throughput::Elements(u64::from(count)));
        group.bench_with_input(BenchmarkId::new("pipeline", count), &text, |b, text| {
            b.iter(|| generate(black_box(text)));
        });
        group.bench_with_input(BenchmarkId::new("load", count), &text, |b, text| {
            b.iter(|| {
                errors_codegen::load_str("synthetic.yaml", black_box(text)).map(|s| s.codes.len())
            });
        });
        group.bench_with_input(
            BenchmarkId::new("docs_fixtures", count),
            &specs,
            |b, specs| {
                b.iter(|| artifacts(Path::new("spec"), black_box(specs)).len());
            },
        );
        group.bench_with_input(BenchmarkId::new("rust", count), &specs, |b, specs| {
            b.iter(|| {
                rust_catalogs(Path::new("src"), black_box(specs))[0]
                    .content
                    .len()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, generation);
criterion_main!(benches);
