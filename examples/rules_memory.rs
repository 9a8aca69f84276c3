//! Measures the heap held by the compiled rules: a counting global allocator records live
//! bytes before and after `Engine::embedded()`, and again after redacting a corpus (the
//! regex engines grow lazy caches as they run). Run with
//! `cargo run --release --example rules_memory [-- tips.jsonl]`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use tipline::redaction::Engine;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus/dev-tips.jsonl".into());
    let texts: Vec<String> = std::fs::read_to_string(&path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let engine = Engine::embedded().expect("embedded rules load");
    let compiled = LIVE.load(Ordering::Relaxed) - before;
    let peak_build = PEAK.load(Ordering::Relaxed) - before;
    for t in &texts {
        std::hint::black_box(engine.redact(t));
    }
    let warmed = LIVE.load(Ordering::Relaxed) - before;
    let peak = PEAK.load(Ordering::Relaxed) - before;
    let rules = engine.rules().len();
    let (given, surnames, not_names) = engine.names().map(|n| n.list_sizes()).unwrap_or_default();
    println!("rules: {rules} pattern rules, name lists: {given} given names, {surnames} surnames, {not_names} non-names");
    println!(
        "compiled rules, live heap: {:.2} MiB (peak while compiling {:.2} MiB)",
        mib(compiled),
        mib(peak_build)
    );
    println!(
        "after redacting {} tips, live heap: {:.2} MiB (peak {:.2} MiB)",
        texts.len(),
        mib(warmed),
        mib(peak)
    );
}
