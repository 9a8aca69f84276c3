//! Throughput of the whole rule set on one thread, in CPU time as well as wall time, so
//! that a busy machine (other builds running) does not hide the engine's own speed.
//! `cargo run --release --example throughput [-- tips.jsonl [seconds]]`; with
//! `THROUGHPUT_EACH=1`, the rate of each text alone (for the adversarial inputs of
//! `bench_corpus adversarial`); with `THROUGHPUT_UNSEEN=other.jsonl`, also the rate on
//! that corpus once, after the warm-up on the first. The criterion benchmark (`cargo bench --bench
//! redaction`) gives the wall-clock figure.

use std::time::{Duration, Instant};
use tipline::redaction::Engine;

/// CPU time of this thread so far, from /proc (clock ticks of 1/100 s).
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(Duration::from_millis((utime + stime) * 10))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "../shared/corpus/dev-tips.jsonl".into());
    let seconds: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(10);
    let texts: Vec<String> = std::fs::read_to_string(&path)
        .expect("corpus")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let engine = if std::env::var_os("THROUGHPUT_NO_NAMES").is_some() {
        // The pattern rules alone, to see what the name detector costs.
        Engine::new(tipline::redaction::rules::load_embedded().expect("rules")).expect("rules")
    } else {
        Engine::embedded().expect("embedded rules load")
    };
    if std::env::var_os("THROUGHPUT_EACH").is_some() {
        for (i, text) in texts.iter().enumerate() {
            std::hint::black_box(engine.redact(text));
            let (wall, cpu) = (Instant::now(), thread_cpu());
            let mut passes = 0u64;
            while wall.elapsed() < Duration::from_secs(seconds) {
                std::hint::black_box(engine.redact(text));
                passes += 1;
            }
            let bytes = (text.len() as u64 * passes) as f64 / (1024.0 * 1024.0);
            let cpu = thread_cpu().zip(cpu).map(|(a, b)| (a - b).as_secs_f64());
            println!(
                "text {i} ({} bytes): {passes} passes, {:.1} MiB/s wall, {} CPU",
                text.len(),
                bytes / wall.elapsed().as_secs_f64(),
                cpu.map_or("?".into(), |c| format!("{:.1} MiB/s", bytes / c))
            );
        }
        return;
    }
    for _ in 0..20 {
        for t in &texts {
            std::hint::black_box(engine.redact(t));
        }
    }
    // Text the warmed engine has not seen (`bench_corpus tips 1000 15`): its lazy DFAs
    // must build states again.
    if let Some(unseen) = std::env::var_os("THROUGHPUT_UNSEEN") {
        let fresh: Vec<String> = std::fs::read_to_string(&unseen)
            .expect("corpus")
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_owned))
            .collect();
        let fresh_bytes: usize = fresh.iter().map(String::len).sum();
        let cpu = thread_cpu();
        for t in &fresh {
            std::hint::black_box(engine.redact(t));
        }
        if let Some(secs) = thread_cpu().zip(cpu).map(|(a, b)| (a - b).as_secs_f64()) {
            println!(
                "unseen text, once: {:.1} MiB/s of thread CPU time",
                fresh_bytes as f64 / (1024.0 * 1024.0) / secs
            );
        }
    }
    let (wall, cpu) = (Instant::now(), thread_cpu());
    let mut passes = 0u64;
    while wall.elapsed() < Duration::from_secs(seconds) {
        for t in &texts {
            std::hint::black_box(engine.redact(t));
        }
        passes += 1;
    }
    let wall = wall.elapsed().as_secs_f64();
    let total = (bytes as u64 * passes) as f64 / (1024.0 * 1024.0);
    println!("{passes} passes over {} tips ({bytes} bytes)", texts.len());
    println!("wall clock: {:.1} MiB/s", total / wall);
    if let (Some(before), Some(after)) = (cpu, thread_cpu()) {
        let cpu = (after - before).as_secs_f64();
        println!(
            "thread CPU time: {:.1} MiB/s ({cpu:.2} s of CPU in {wall:.2} s)",
            total / cpu
        );
    }
}
