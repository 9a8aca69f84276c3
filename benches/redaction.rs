//! Throughput of the whole rule set on one thread, over the dev corpus.
//!
//! `cargo bench --bench redaction` (set `TIPLINE_CORPUS` to use another JSONL file).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use tipline::redaction::Engine;

fn corpus() -> Vec<String> {
    let path = std::env::var("TIPLINE_CORPUS").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/corpus/dev-tips.jsonl"
        )
        .into()
    });
    let texts: Vec<String> = match std::fs::read_to_string(&path) {
        Ok(source) => source
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_owned))
            .collect(),
        Err(_) => Vec::new(),
    };
    if texts.is_empty() {
        // No corpus beside the repository: a synthetic stand-in of the same shape.
        (0..400)
            .map(|i| {
                format!(
                    "My name is Sione Taufa and I work at Sunrise Orchards Ltd in Te Puke. The manager \
                     Rajesh Kumar keeps our passports (A66907{i:02}). Call me on 021 555 {i:04}. \
                     I live at {i} Karaka Lane, Frankton. Account 12-3140-0171323-50."
                )
            })
            .collect()
    } else {
        texts
    }
}

fn bench(c: &mut Criterion) {
    let engine = Engine::embedded().expect("embedded rules load");
    let texts = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("redaction");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("redact dev corpus", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(engine.redact(black_box(t)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
