//! Throughput of the whole rule set on one thread: over the dev corpus, over a corpus
//! generated here in other phrasings (`support/corpus.rs`), and over each adversarial
//! 64 KiB input.
//!
//! `cargo bench --bench redaction` (set `TIPLINE_CORPUS` to use another JSONL file in
//! place of the dev corpus).

#[path = "support/corpus.rs"]
mod corpus;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;
use tipline::redaction::Engine;

fn dev_corpus() -> Option<Vec<String>> {
    let path = std::env::var("TIPLINE_CORPUS").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/corpus/dev-tips.jsonl"
        )
        .into()
    });
    let texts: Vec<String> = std::fs::read_to_string(path)
        .ok()?
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    (!texts.is_empty()).then_some(texts)
}

fn bench(c: &mut Criterion) {
    let engine = Engine::embedded().expect("embedded rules load");
    let mut corpora = vec![("generated corpus", corpus::tips(2000, 14))];
    if let Some(dev) = dev_corpus() {
        corpora.insert(0, ("dev corpus", dev));
    }
    let mut group = c.benchmark_group("redaction");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for (name, texts) in &corpora {
        let bytes: usize = texts.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(*name, |b| {
            b.iter(|| {
                for t in texts {
                    black_box(engine.redact(black_box(t)));
                }
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("adversarial 64 KiB");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(3));
    for (name, text) in corpus::adversarial() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| black_box(engine.redact(black_box(&text))))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
