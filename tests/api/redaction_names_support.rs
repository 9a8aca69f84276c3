//! What the name tests share: the embedded engine, built once, and checks on the names
//! it finds (value and role).

use std::sync::OnceLock;
use tipline::redaction::{Engine, Kind, Role};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::embedded().expect("embedded rules load"))
}

/// The names found in `text`, with their roles.
pub fn names(text: &str) -> Vec<(String, Role)> {
    engine()
        .find(text)
        .into_iter()
        .filter(|s| s.kind == Kind::Name)
        .map(|s| (text[s.start..s.end].to_owned(), s.role))
        .collect()
}

/// `text` as a handler would forward it.
pub fn redacted(text: &str) -> String {
    engine().redact(text).redacted
}

/// `value` is found as one whole name with `role`: the writer's (`Reporter`) or not
/// (`Other`; whether someone else is the subject or a third party is
/// `tests/api/redaction_roles.rs`'s to check).
#[track_caller]
pub fn name(text: &str, value: &str, role: Role) {
    let got = names(text);
    let writers = |r: Role| r == Role::Reporter;
    assert!(
        got.iter()
            .any(|(v, r)| v == value && writers(*r) == writers(role)),
        "expected NAME {value:?} ({role:?}) in {text:?}, got {got:?}"
    );
}

/// No name is found in `text`.
#[track_caller]
pub fn no_name(text: &str) {
    let got = names(text);
    assert!(got.is_empty(), "expected no NAME in {text:?}, got {got:?}");
}
