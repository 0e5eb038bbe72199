//! Generation cost for 100, 1,000 and 10,000 codes: loading (parse, schema check, validation)
//! and emitting formatted Rust, separately.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn generation(c: &mut Criterion) {
    let mut group = c.benchmark_group("generate");
    group.sample_size(10);
    for count in [100u32, 1_000, 10_000] {
        let text = errors_codegen::synthetic::spec_text("synthetic", count);
        let spec =
            errors_codegen::load_str("synthetic.yaml", &text).expect("synthetic spec is valid");
        group.throughput(Throughput::Elements(u64::from(count)));
        group.bench_with_input(BenchmarkId::new("load", count), &text, |b, text| {
            b.iter(|| errors_codegen::load_str("synthetic.yaml", text).map(|s| s.codes.len()));
        });
        group.bench_with_input(BenchmarkId::new("emit_rust", count), &spec, |b, spec| {
            b.iter(|| errors_codegen::emit::rust::render(spec, "synthetic.yaml").len());
        });
    }
    group.finish();
}

criterion_group!(benches, generation);
criterion_main!(benches);
