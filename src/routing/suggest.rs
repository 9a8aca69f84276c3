//! Suggestions for the handler: which agencies a tip looks like it is for, and why.
//! They read only what may leave (the redacted text and the kinds of detail found), and
//! each carries its reasons, shown beside the agency's tick box.

use super::config::Routing;
use crate::domain::{Category, Draft};
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub agency: String,
    /// Why, one line per rule that suggested it, the category's first.
    pub reasons: Vec<String>,
}

/// Placeholders such as `[PASSPORT-1]`: what was removed is not a word of the tip.
fn placeholders() -> &'static Regex {
    static PLACEHOLDER: OnceLock<Regex> = OnceLock::new();
    PLACEHOLDER.get_or_init(|| Regex::new(r"\[[A-Z]+-\d+\]").expect("a valid pattern"))
}

/// The agencies suggested for a tip, in the order of `routing.toml`.
pub fn suggest(routing: &Routing, category: Category, draft: &Draft) -> Vec<Suggestion> {
    let text = placeholders().replace_all(&draft.redacted, " ");
    let mut suggestions: Vec<Suggestion> = routing
        .agencies
        .iter()
        .map(|a| Suggestion {
            agency: a.id.clone(),
            reasons: a
                .categories
                .contains(&category)
                .then(|| format!("the category ({}) is in its remit", category.label()))
                .into_iter()
                .collect(),
        })
        .collect();
    for rule in &routing.rules {
        let found_kind = rule
            .kinds
            .iter()
            .find(|k| draft.spans.iter().any(|s| s.kind == **k));
        let matched_word = rule
            .words
            .as_ref()
            .and_then(|w| w.find(&text))
            .map(|m| m.as_str().to_lowercase());
        let reason = match (matched_word, found_kind) {
            (Some(word), _) => format!("{} (\u{201c}{word}\u{201d})", rule.reason),
            (None, Some(kind)) => format!("{} ({kind} found)", rule.reason),
            (None, None) => continue,
        };
        for agency in &rule.agencies {
            if let Some(s) = suggestions.iter_mut().find(|s| &s.agency == agency) {
                s.reasons.push(reason.clone());
            }
        }
    }
    suggestions.retain(|s| !s.reasons.is_empty());
    suggestions
}
