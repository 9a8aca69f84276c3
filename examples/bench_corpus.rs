//! Writes the generated benchmark corpus (`benches/support/corpus.rs`) as JSON lines
//! `{"id", "text"}`, for `tipline redact --jsonl` and `examples/throughput.rs`:
//! `cargo run --release --example bench_corpus [-- tips [COUNT [SEED]] | adversarial]`
//! (another seed gives other texts of the same kinds: text the engine has not seen).

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let what = args.next().unwrap_or_else(|| "tips".into());
    let texts: Vec<(String, String)> = match what.as_str() {
        "tips" => {
            let count = args.next().and_then(|n| n.parse().ok()).unwrap_or(2000);
            let seed = args.next().and_then(|n| n.parse().ok()).unwrap_or(14);
            corpus::tips(count, seed)
                .into_iter()
                .enumerate()
                .map(|(i, t)| (format!("bench-{i:05}"), t))
                .collect()
        }
        "adversarial" => corpus::adversarial()
            .into_iter()
            .map(|(name, t)| (name.replace(' ', "-"), t))
            .collect(),
        other => {
            eprintln!("unknown corpus {other:?}: expected `tips [COUNT]` or `adversarial`");
            std::process::exit(2);
        }
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (id, text) in texts {
        let line = serde_json::json!({ "id": id, "text": text });
        writeln!(out, "{line}").expect("stdout");
    }
}
