//! Any rule file (and name list) through the loader: either a clear error or an engine
//! that redacts without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tipline::redaction::rules::{assemble, RulesError};
use tipline::redaction::Engine;

fuzz_target!(|data: &[u8]| {
    // The input is a rule file, then optionally a NUL and the text of every name list.
    let (source, list) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &b"Aroha\nSmith\n"[..]),
    };
    let source = String::from_utf8_lossy(source).into_owned();
    let list = String::from_utf8_lossy(list).into_owned();
    let read = |name: &str| -> Result<String, RulesError> {
        if name.len() > 64 {
            return Err(RulesError::Syntax {
                file: name.into(),
                message: "too long".into(),
            });
        }
        Ok(list.clone())
    };
    let Ok(set) = assemble(vec![("fuzz.toml".into(), source)], &read, "fuzz") else {
        return;
    };
    let Ok(engine) = Engine::with_names(set) else {
        return;
    };
    let _ = engine.check_examples();
    let _ = engine.redact("My name is Aroha Smith, call me on 021 555 1234. Regards, Aroha");
});
