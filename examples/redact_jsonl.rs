//! `tipline redact --jsonl` without the rest of the service: reads `{"id", "text"}` lines
//! on stdin, writes `{"id", "redacted", "spans"}` lines on stdout. Used to score the
//! engine: `cargo run --release --example redact_jsonl < tips.jsonl > pred.jsonl`.

use std::io::{stdin, stdout, BufWriter};
use tipline::redaction::{jsonl, Engine};

fn main() {
    let engine = match Engine::embedded() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("rules: {e}");
            std::process::exit(2);
        }
    };
    let out = BufWriter::new(stdout().lock());
    if let Err(e) = jsonl::run(&engine, stdin().lock(), out) {
        eprintln!("redact: {e}");
        std::process::exit(1);
    }
}
