//! Any text through the full embedded rule set: never a panic, and every span is in
//! bounds, on character boundaries, sorted, disjoint and replaced by a placeholder.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use tipline::redaction::Engine;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::embedded().expect("embedded rules load"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let red = engine().redact(&text);
    let mut at = 0;
    let mut out = red.redacted.as_str();
    for s in &red.spans {
        assert!(at <= s.start && s.start < s.end && s.end <= text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        out = out
            .strip_prefix(&text[at..s.start])
            .expect("outside text kept");
        let stem = format!("[{}-", s.kind);
        out = out.strip_prefix(stem.as_str()).expect("placeholder");
        let digits = out.bytes().take_while(u8::is_ascii_digit).count();
        assert!(digits > 0 && out.as_bytes()[digits] == b']');
        out = &out[digits + 1..];
        at = s.end;
    }
    assert_eq!(out, &text[at..]);
});
