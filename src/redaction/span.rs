//! Spans and the rendering of a text with typed placeholders.

use super::kind::{Kind, Role};
use serde::Serialize;
use std::collections::HashMap;

/// One redacted region of a text: UTF-8 byte offsets, end exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// The rule that found it, or `handler` for a redaction a handler added.
    pub rule: String,
    pub role: Role,
}

/// A text with its spans replaced by placeholders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Redaction {
    pub redacted: String,
    pub spans: Vec<Span>,
}

/// Replaces each span with `[KIND-n]`. The same value (compared case-insensitively and
/// ignoring spaces and punctuation) gets the same number within one text, so a reader can
/// still follow who did what. Spans must be sorted, non-overlapping, in bounds and on
/// character boundaries; `normalise` makes them so.
pub fn render(text: &str, spans: &[Span]) -> String {
    let mut numbers: HashMap<(Kind, String), usize> = HashMap::new();
    let mut next: HashMap<Kind, usize> = HashMap::new();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for span in spans {
        out.push_str(&text[at..span.start]);
        let key = (span.kind, identity(&text[span.start..span.end]));
        let n = *numbers.entry(key).or_insert_with(|| {
            let n = next.entry(span.kind).or_insert(0);
            *n += 1;
            *n
        });
        out.push_str(&format!("[{}-{}]", span.kind, n));
        at = span.end;
    }
    out.push_str(&text[at..]);
    out
}

fn identity(value: &str) -> String {
    value
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Sorts spans, drops empty or out-of-range ones, snaps them to character boundaries
/// (widening, so no byte of a detail is left behind) and merges overlaps. Where two
/// overlap, the merged span keeps the kind, rule and role of the longer one.
pub fn normalise(text: &str, mut spans: Vec<Span>) -> Vec<Span> {
    for s in &mut spans {
        s.end = s.end.min(text.len());
        while s.start > 0 && !text.is_char_boundary(s.start) {
            s.start -= 1;
        }
        while s.end < text.len() && !text.is_char_boundary(s.end) {
            s.end += 1;
        }
    }
    spans.retain(|s| s.start < s.end);
    spans.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match merged.last_mut() {
            Some(last) if s.start < last.end => {
                if s.end - s.start > last.end - last.start {
                    last.kind = s.kind;
                    last.rule = s.rule;
                    last.role = s.role;
                }
                last.end = last.end.max(s.end);
            }
            _ => merged.push(s),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, kind: Kind) -> Span {
        Span {
            start,
            end,
            kind,
            rule: "t".into(),
            role: Role::Other,
        }
    }

    #[test]
    fn same_value_gets_same_placeholder() {
        let text = "call 021 555 1234 or 0215551234 or 09 555 1234";
        let spans = normalise(
            text,
            vec![
                span(5, 17, Kind::Phone),
                span(21, 31, Kind::Phone),
                span(35, 46, Kind::Phone),
            ],
        );
        assert_eq!(
            render(text, &spans),
            "call [PHONE-1] or [PHONE-1] or [PHONE-2]"
        );
    }

    #[test]
    fn overlaps_merge_and_keep_the_longer_kind() {
        let text = "abcdefghij";
        let spans = normalise(text, vec![span(2, 5, Kind::Ip), span(0, 8, Kind::Url)]);
        assert_eq!(spans, vec![span(0, 8, Kind::Url)]);
    }

    #[test]
    fn spans_widen_to_char_boundaries() {
        let text = "Ngā mihi";
        let spans = normalise(text, vec![span(0, 3, Kind::Name), span(50, 60, Kind::Name)]);
        assert_eq!(spans, vec![span(0, 4, Kind::Name)]);
    }
}
