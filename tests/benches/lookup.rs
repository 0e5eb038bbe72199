//! Code lookup by number and by name: a 15-code catalog against a 10,000-code one. Constant
//! time means the two take about the same per lookup, hits and misses alike.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use errors_core::{Catalog, ampache};
use errors_tests::synthetic;

/// Every 667th code of a catalog: 15 codes spread over the whole range of the big one.
fn sample<C: Catalog>() -> Vec<C> {
    let step = (C::ALL.len() / 15).max(1);
    C::ALL.iter().copied().step_by(step).take(15).collect()
}

fn bench_catalog<C: Catalog>(c: &mut Criterion, label: &str) {
    let codes = sample::<C>();
    let numbers: Vec<u32> = codes.iter().map(|c| c.as_u32()).collect();
    let names: Vec<&str> = codes.iter().map(|c| c.name()).collect();
    // Numbers no code of either catalog has (the synthetic codes are 1..=10_000 and the
    // Ampache ones 400..=4742), spread like the hits.
    let misses: Vec<u32> = (0..15).map(|i| 20_000 + i * 7_919).collect();

    let mut group = c.benchmark_group("lookup");
    group.bench_with_input(
        BenchmarkId::new("from_code hit", label),
        &numbers,
        |b, n| {
            b.iter(|| n.iter().filter_map(|&n| C::from_code(black_box(n))).count());
        },
    );
    group.bench_with_input(
        BenchmarkId::new("from_code miss", label),
        &misses,
        |b, n| {
            b.iter(|| n.iter().filter_map(|&n| C::from_code(black_box(n))).count());
        },
    );
    group.bench_with_input(BenchmarkId::new("from_name hit", label), &names, |b, n| {
        b.iter(|| n.iter().filter_map(|&n| C::from_name(black_box(n))).count());
    });
    group.finish();
}

fn lookup(c: &mut Criterion) {
    bench_catalog::<ampache::ErrorCode>(c, "ampache (15 codes)");
    bench_catalog::<synthetic::ErrorCode>(c, "synthetic (10,000 codes)");
}

criterion_group!(benches, lookup);
criterion_main!(benches);
