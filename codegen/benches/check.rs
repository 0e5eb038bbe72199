//! What `check` costs as problems and codes grow: 1,000 and 10,000 problems in one spec
//! (every code outside the declared range; every code also with an unknown key), and valid
//! specs of 10,000 and 40,000 codes. The contender for a valid spec is what a user would
//! write without this crate: serde-saphyr reading the text straight into the model (no
//! positions kept, no rules, and it stops at the first problem), with its budget lifted so
//! that it reads 40,000 codes at all.

use std::hint::black_box;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use errors_codegen::model::Spec;

/// A synthetic spec of `count` codes, each outside the declared range: `count` problems.
fn out_of_range(count: u32) -> String {
    errors_codegen::synthetic::spec_text("many", count).replacen(
        "code_ranges: [[0, 4000000000]]",
        "code_ranges: [[1, 2]]",
        1,
    )
}

/// As [`out_of_range`], every code also with an unknown key: `2 * count` problems, half of
/// them structural.
fn mixed(count: u32) -> String {
    out_of_range(count).replace("    retry: never\n", "    retry: never\n    colour: red\n")
}

fn problems(c: &mut Criterion) {
    let mut group = c.benchmark_group("check_problems");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    for count in [1_000u32, 10_000] {
        for (kind, text, expected) in [
            ("out_of_range", out_of_range(count), count as usize),
            ("mixed", mixed(count), 2 * count as usize),
        ] {
            let (_, report) = errors_codegen::check_str("many.yaml", &text);
            assert_eq!(report.len(), expected, "{kind} {count}");
            group.throughput(Throughput::Elements(expected as u64));
            group.bench_with_input(BenchmarkId::new(kind, expected), &text, |b, text| {
                // Checking and printing: what `errors-codegen check` does.
                b.iter(|| {
                    let (_, report) = errors_codegen::check_str("many.yaml", black_box(text));
                    report.to_string().len()
                });
            });
        }
    }
    group.finish();
}

fn codes(c: &mut Criterion) {
    let mut group = c.benchmark_group("check_codes");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    for count in [10_000u32, 40_000] {
        let text = errors_codegen::synthetic::spec_text("big", count);
        let (spec, report) = errors_codegen::check_str("big.yaml", &text);
        assert!(spec.is_some() && report.is_empty(), "{report}");
        group.throughput(Throughput::Elements(u64::from(count)));
        group.bench_with_input(BenchmarkId::new("check_str", count), &text, |b, text| {
            b.iter(|| {
                let (spec, _) = errors_codegen::check_str("big.yaml", black_box(text));
                spec.map(|s| s.codes.len())
            });
        });
        group.bench_with_input(BenchmarkId::new("serde_saphyr", count), &text, |b, text| {
            b.iter(|| {
                let mut options = serde_saphyr::Options::default();
                options.budget = None;
                serde_saphyr::from_str_with_options::<Spec>(black_box(text), options)
                    .map(|s| s.codes.len())
            });
        });
    }
    group.finish();
}

criterion_group!(benches, problems, codes);
criterion_main!(benches);
