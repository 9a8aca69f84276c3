//! `tipline redact --jsonl`: the contract in DESIGN.md that scoring tools rely on.

use super::engine::Engine;
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Write};

#[derive(Deserialize)]
struct Input {
    id: serde_json::Value,
    text: String,
}

#[derive(Serialize)]
struct Output<'a> {
    id: serde_json::Value,
    redacted: String,
    spans: &'a [super::Span],
    #[serde(skip_serializing_if = "Option::is_none")]
    explain: Option<Vec<super::explain::Explanation>>,
}

#[derive(Debug, thiserror::Error)]
pub enum JsonlError {
    #[error("line {line}: {message}")]
    Input { line: usize, message: String },
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Reads `{"id", "text"}` lines and writes `{"id", "redacted", "spans"}` lines.
/// Blank lines are skipped; a malformed line is an error naming its number.
pub fn run(engine: &Engine, input: impl BufRead, output: impl Write) -> Result<usize, JsonlError> {
    run_with(engine, input, output, false)
}

/// `run`, and with `explain` an `explain` field on each line: the reasons for each span
/// (`Engine::explain`).
pub fn run_with(
    engine: &Engine,
    input: impl BufRead,
    mut output: impl Write,
    explain: bool,
) -> Result<usize, JsonlError> {
    let mut count = 0;
    for (n, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: Input = serde_json::from_str(&line).map_err(|e| JsonlError::Input {
            line: n + 1,
            message: e.to_string(),
        })?;
        let redaction = engine.redact(&doc.text);
        let out = Output {
            id: doc.id,
            redacted: redaction.redacted,
            spans: &redaction.spans,
            explain: explain.then(|| engine.explain(&doc.text)),
        };
        serde_json::to_writer(&mut output, &out).map_err(std::io::Error::from)?;
        output.write_all(b"\n")?;
        count += 1;
    }
    output.flush()?;
    Ok(count)
}
