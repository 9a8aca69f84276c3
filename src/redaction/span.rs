//! Spans and the rendering of a text with typed placeholders.

use super::kind::{Kind, Role};
use super::text::{ceil_boundary, floor_boundary, is_alphanumeric, FxMap, FxSet};
use serde::{Deserialize, Serialize};
use std::fmt::Write;

/// One redacted region of a text: UTF-8 byte offsets, end exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// The rule that found it, or `handler` for a redaction a handler added.
    pub rule: String,
    #[serde(default)]
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
/// still follow who did what; a NAME that is one word, or the last words, of a longer NAME
/// in the same text (`Andrew` after `Andrew Potter`, `dela Cruz` after `Ronaldo dela
/// Cruz`) gets the longer name's number. Spans that are
/// unsorted, overlapping, out of bounds or off character boundaries are first put right
/// with `normalise`, so any spans can be given.
pub fn render(text: &str, spans: &[Span]) -> String {
    let tidy = spans.windows(2).all(|w| w[0].end <= w[1].start)
        && spans.iter().all(|s| {
            s.start < s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        });
    if !tidy {
        return render(text, &normalise(text, spans.to_vec()));
    }
    // Parts of a longer name: each word (`Andrew`) and each run of words to its end
    // (`dela Cruz`).
    let mut alias: FxMap<String, String> = FxMap::default();
    // A name written again adds no part its first mention did not (a part keeps the
    // first name it was given): each is read once.
    let mut read: FxSet<&str> = FxSet::default();
    for span in spans.iter().filter(|s| s.kind == Kind::Name) {
        let value = &text[span.start..span.end];
        if value.split_whitespace().nth(1).is_some() && read.insert(value) {
            let words: Vec<String> = value.split_whitespace().map(identity).collect();
            let full = words.concat();
            // (All parts of one name map to it, so the order they go in does not matter.)
            for from in 1..words.len().saturating_sub(1) {
                let tail = words[from..].concat();
                if !tail.is_empty() {
                    alias.entry(tail).or_insert_with(|| full.clone());
                }
            }
            for word in words.into_iter().filter(|w| !w.is_empty()) {
                alias.entry(word).or_insert_with(|| full.clone());
            }
        }
    }
    let mut numbers: FxMap<(Kind, String), usize> = FxMap::default();
    let mut next: FxMap<Kind, usize> = FxMap::default();
    // The number of a value as written: the same text has the same identity, taken once
    // (on a text of many spans of a few values, identities and their keys were most of
    // the cost).
    let mut as_written: FxMap<(Kind, &str), usize> = FxMap::default();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for span in spans {
        out.push_str(&text[at..span.start]);
        let written = &text[span.start..span.end];
        let n = *as_written.entry((span.kind, written)).or_insert_with(|| {
            let mut value = identity(written);
            if span.kind == Kind::Name {
                if let Some(full) = alias.get(&value) {
                    value = full.clone();
                }
            }
            *numbers.entry((span.kind, value)).or_insert_with(|| {
                let n = next.entry(span.kind).or_insert(0);
                *n += 1;
                *n
            })
        });
        out.push('[');
        out.push_str(span.kind.as_str());
        out.push('-');
        // (In place: `to_string` allocated a string per span.)
        let _ = write!(out, "{n}");
        out.push(']');
        at = span.end;
    }
    out.push_str(&text[at..]);
    out
}

fn identity(value: &str) -> String {
    if value.is_ascii() {
        let mut s = String::with_capacity(value.len());
        s.extend(
            value
                .bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
        return s;
    }
    // (`text::is_alphanumeric` answers as `char::is_alphanumeric`, from a table: the
    // standard library's search of Unicode's ranges was most of the cost of a text of
    // spans in another script's digits.)
    value
        .chars()
        .filter(|&c| is_alphanumeric(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Sorts spans, drops empty or out-of-range ones, snaps them to character boundaries
/// (widening, so no byte of a detail is left behind) and merges overlaps. Where two
/// overlap, the merged span covers both. It keeps the kind and rule of the one that
/// contains the other (a phone number that happens to hold a valid IRD number is a phone
/// number); when neither contains the other, or both cover the same bytes, of the one
/// whose kind has the higher `Kind::priority`, then of the longer. A `reporter` role is
/// kept when either was the reporter's.
pub fn normalise(text: &str, mut spans: Vec<Span>) -> Vec<Span> {
    for s in &mut spans {
        s.end = s.end.min(text.len());
        s.start = s.start.min(s.end);
        s.start = floor_boundary(text, s.start);
        s.end = ceil_boundary(text, s.end);
    }
    spans.retain(|s| s.start < s.end);
    spans.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match merged.last_mut() {
            Some(last) if s.start < last.end => {
                let reporter = last.role == Role::Reporter || s.role == Role::Reporter;
                let inside = s.end <= last.end && (s.start, s.end) != (last.start, last.end);
                let wins = !inside
                    && (s.kind.priority(), s.end - s.start)
                        > (last.kind.priority(), last.end - last.start);
                if wins {
                    last.kind = s.kind;
                    last.rule = s.rule;
                }
                if reporter {
                    last.role = Role::Reporter;
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
    fn overlaps_take_the_higher_priority_kind() {
        let text = "abcdefghij";
        let spans = normalise(text, vec![span(0, 8, Kind::Name), span(2, 9, Kind::Email)]);
        assert_eq!(spans, vec![span(0, 9, Kind::Email)]);
        let spans = normalise(text, vec![span(0, 8, Kind::Phone), span(2, 5, Kind::Ird)]);
        assert_eq!(spans, vec![span(0, 8, Kind::Phone)]);
        let spans = normalise(text, vec![span(0, 8, Kind::Phone), span(0, 8, Kind::Ird)]);
        assert_eq!(spans, vec![span(0, 8, Kind::Ird)]);
    }

    #[test]
    fn a_first_name_alone_gets_the_full_names_number() {
        let text = "Andrew Potter hit Sam Lee. Andrew left.";
        let spans = vec![
            span(0, 13, Kind::Name),
            span(18, 25, Kind::Name),
            span(27, 33, Kind::Name),
        ];
        assert_eq!(
            render(text, &spans),
            "[NAME-1] hit [NAME-2]. [NAME-1] left."
        );
    }

    #[test]
    fn the_last_words_of_a_name_get_its_number() {
        let text = "Ronaldo dela Cruz hired us. Later dela Cruz left.";
        let spans = vec![span(0, 17, Kind::Name), span(34, 43, Kind::Name)];
        assert_eq!(
            render(text, &spans),
            "[NAME-1] hired us. Later [NAME-1] left."
        );
    }

    #[test]
    fn render_accepts_untidy_spans() {
        let text = "Ngā mihi, Aroha";
        let spans = vec![
            span(10, 15, Kind::Name),
            span(0, 2, Kind::Name),
            span(1, 99, Kind::Name),
        ];
        assert_eq!(render(text, &spans), "[NAME-1]");
    }

    #[test]
    fn spans_widen_to_char_boundaries() {
        let text = "Ngā mihi";
        let spans = normalise(text, vec![span(0, 3, Kind::Name), span(50, 60, Kind::Name)]);
        assert_eq!(spans, vec![span(0, 4, Kind::Name)]);
    }
}
