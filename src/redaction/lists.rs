//! Siblings in a list: a label names the first value only (`employee numbers CX-20471,
//! CX-20472 and CX-20488`), so a value found after its label passes its kind to the
//! values of the same shape listed right after it. A code with letters of its own
//! (`TK-20417`) passes its kind further, to every code in the text with the same letters
//! and its digits in the same places (`Manpreet Gill (TK-20433)`): a roster labels its
//! first row only.

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

/// What the rule id of a value found by its list says: `employee-id+list`.
pub const LISTED_SUFFIX: &str = "+list";
/// What the rule id of a code found by its letters elsewhere says: `employee-id+same`.
pub const SAME_SUFFIX: &str = "+same";

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
                rule: format!("{}{LISTED_SUFFIX}", span.rule),
                role: span.role,
            });
            end = next;
        }
    }
    spans.extend(found);
    same_letters_elsewhere(text, spans);
}

/// The fewest digits in a code whose letters and shape are followed through the text:
/// `AB12` is a plate or a flight as often as anyone's number.
const FEWEST_DIGITS: usize = 4;

/// Adds a span for each code elsewhere in `text` written as a found one is: the same
/// letters, digits in the same places (`TK-20417`, `TK-20433`).
fn same_letters_elsewhere(text: &str, spans: &mut Vec<Span>) {
    let mut keys: Vec<(String, usize)> = Vec::new();
    for (i, span) in spans.iter().enumerate() {
        if !LISTED.contains(&span.kind) {
            continue;
        }
        let value = &text[span.start..span.end];
        let digits = value.bytes().filter(u8::is_ascii_digit).count();
        let lettered = value.bytes().any(|b| b.is_ascii_alphabetic());
        let key = code_key(value);
        if lettered && digits >= FEWEST_DIGITS && !keys.iter().any(|(k, _)| *k == key) {
            keys.push((key, i));
        }
    }
    if keys.is_empty() {
        return;
    }
    // Where spans lie, merged and in order, so that each code is looked up, not compared
    // with every span.
    let mut covered: Vec<(usize, usize)> = spans.iter().map(|s| (s.start, s.end)).collect();
    covered.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(covered.len());
    for (start, end) in covered {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    let free = |start: usize, end: usize| {
        let k = merged.partition_point(|c| c.1 <= start);
        k == merged.len() || merged[k].0 >= end
    };
    let mut found = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let Some(skip) = rest.find(|c: char| c.is_ascii_alphanumeric()) else {
            break;
        };
        let start = at + skip;
        let len = text[start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '/')))
            .unwrap_or(text.len() - start);
        let value = text[start..start + len].trim_end_matches(['.', '/', '-']);
        let end = start + value.len();
        at = start + len.max(1);
        // A code stands alone: not the tail of a word in another script or a longer run.
        let whole = !text[..start].ends_with(|c: char| c.is_alphanumeric());
        if !whole || !free(start, end) {
            continue;
        }
        if let Some(&(_, i)) = keys.iter().find(|(k, _)| written_as(value, k)) {
            let like = &spans[i];
            found.push(Span {
                start,
                end,
                kind: like.kind,
                rule: format!("{}{SAME_SUFFIX}", like.rule),
                role: like.role,
            });
        }
    }
    spans.extend(found);
}

/// Whether `value` is written as the code whose key is `key` (see `code_key`).
fn written_as(value: &str, key: &str) -> bool {
    value.len() == key.len()
        && value.bytes().zip(key.bytes()).all(|(v, k)| {
            if v.is_ascii_digit() {
                k == b'9'
            } else {
                v.to_ascii_uppercase() == k
            }
        })
}

/// A code's letters (upper-cased) and its separators as written, its digits as `9`.
fn code_key(value: &str) -> String {
    value
        .chars()
        .map(|c| match c {
            '0'..='9' => '9',
            c => c.to_ascii_uppercase(),
        })
        .collect()
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
    fn a_code_with_the_same_letters_elsewhere_shares_its_kind() {
        let out = redacted(
            "Ioane Salave'a (emp no. TK-20417), Manpreet Gill (TK-20433) and Losaline Vake \
             (TK-20452). Room TX-20001.",
        );
        assert!(!out.contains("TK-2"), "{out}");
        // Other letters are another code.
        assert!(out.contains("TX-20001"), "{out}");
    }

    #[test]
    fn a_value_of_another_shape_ends_the_list() {
        let out = redacted("employee no. CX-20471, 3 shifts a week");
        assert!(out.contains("3 shifts"), "{out}");
    }
}
