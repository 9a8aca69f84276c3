//! Siblings in a list: a label names the first value only (`employee numbers CX-20471,
//! CX-20472 and CX-20488`), so a value found after its label passes its kind to the
//! values of the same shape listed right after it.

use super::kind::Kind;
use super::span::Span;

/// Kinds whose values come in lists under one label and whose shape says enough: a
/// value of exactly the same shape (letters, digits and separators in the same places)
/// right after one of them is another of them.
const LISTED: &[Kind] = &[
    Kind::Id,
    Kind::Passport,
    Kind::Licence,
    Kind::Plate,
    Kind::Bank,
    Kind::Ird,
];

/// Adds a span for each value listed right after a span of a `LISTED` kind with the
/// same shape. `text` is the text the spans index.
pub fn extend(text: &str, spans: &mut Vec<Span>) {
    let mut found = Vec::new();
    for span in spans.iter().filter(|s| LISTED.contains(&s.kind)) {
        let shape = shape_of(&text[span.start..span.end]);
        if !shape.contains('9') {
            continue;
        }
        let mut end = span.end;
        while let Some((start, next)) = next_in_list(text, end) {
            if shape_of(&text[start..next]) != shape {
                break;
            }
            found.push(Span {
                start,
                end: next,
                kind: span.kind,
                rule: format!("{}+list", span.rule),
                role: span.role,
            });
            end = next;
        }
    }
    spans.extend(found);
}

/// The next item of a list after byte `from`: a separator (a comma, `and`, `&`, `/`,
/// `;`) then a value, up to the next space or list mark; its start and end.
fn next_in_list(text: &str, from: usize) -> Option<(usize, usize)> {
    let rest = &text[from..];
    let trimmed = rest.trim_start_matches([' ', ',', ';', '/', '&']);
    let trimmed = trimmed
        .strip_prefix("and ")
        .or_else(|| trimmed.strip_prefix("or "))
        .unwrap_or(trimmed)
        .trim_start();
    let gap = &rest[..rest.len() - trimmed.len()];
    if gap.is_empty() || gap.contains('\n') || gap.len() > 6 {
        return None;
    }
    let start = from + gap.len();
    let len = trimmed
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '/')))
        .unwrap_or(trimmed.len());
    // A full stop or slash at the end closes the sentence or the list, not the value.
    let value = trimmed[..len].trim_end_matches(['.', '/']);
    (!value.is_empty()).then(|| (start, start + value.len()))
}

/// Letters as `A`/`a`, digits as `9`, every other character as itself.
fn shape_of(value: &str) -> String {
    value
        .chars()
        .map(|c| match c {
            'A'..='Z' => 'A',
            'a'..='z' => 'a',
            '0'..='9' => '9',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::redaction::Engine;

    fn redacted(text: &str) -> String {
        Engine::embedded().unwrap().redact(text).redacted
    }

    #[test]
    fn values_listed_after_a_labelled_one_share_its_kind() {
        let out = redacted("employee numbers CX-20471, CX-20472 and CX-20488 on the payslips.");
        assert!(!out.contains("CX-2"), "{out}");
    }

    #[test]
    fn a_value_of_another_shape_ends_the_list() {
        let out = redacted("employee no. CX-20471, 3 shifts a week");
        assert!(out.contains("3 shifts"), "{out}");
    }
}
