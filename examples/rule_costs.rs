//! Time of each rule over a corpus (on the texts the first pass picks it for), slowest first, beside the first pass
//! (the rules' `RegexSet`s, as the engine builds them) and the normalisation, to find
//! what makes a scan slow. Each is timed on the
//! best of ten passes after a first that warms its lazy DFA.
//! `cargo run --release --example rule_costs [-- tips.jsonl]`.

use std::time::Instant;
use tipline::redaction::normalised::Normalised;
use tipline::redaction::Engine;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus/dev-tips.jsonl".into());
    let texts: Vec<String> = std::fs::read_to_string(&path)
        .expect("corpus")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    let engine = Engine::embedded().expect("embedded rules load");
    let time = |f: &dyn Fn(&str) -> usize| {
        for text in &texts {
            std::hint::black_box(f(text));
        }
        // The least of ten passes: other work on the machine only ever adds time.
        (0..10)
            .map(|_| {
                let t = Instant::now();
                for text in &texts {
                    std::hint::black_box(f(text));
                }
                t.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
    };
    // A rule runs on the texts the first pass says it matches, as in the engine.
    let mut costs: Vec<(f64, String)> = engine
        .rules()
        .iter()
        .enumerate()
        .map(|(i, rule)| {
            let picks = |t: &str| engine.candidates(t).contains(&i);
            let run = |t: &str| {
                if !picks(t) {
                    return 0;
                }
                rule.regex.captures_iter(t).count()
            };
            let base = time(&|t| usize::from(picks(t)));
            let picked = texts.iter().filter(|t| picks(t)).count();
            (
                time(&run) - base,
                format!("{} (picked for {picked} texts)", rule.id),
            )
        })
        .collect();
    costs.push((time(&|t| engine.candidates(t).len()), "(first pass)".into()));
    costs.push((
        time(&|t| Normalised::new(t).text.len()),
        "(normalisation)".into(),
    ));
    costs.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (secs, id) in costs {
        println!("{:8.3} ms  {id}", secs * 1e3);
    }
}
