//! The value of a name field on a form, payslip, tenancy or bank slip, as one name:
//! `NAME: TE MOANA, RAWIRI    EMP#: ...`, `Employee: DELA CRUZ, JOMAR S.`, `Tenant: Do Thi
//! Thu Trang`. Such a value is written family name first, with a comma, or with particles
//! and syllables each of which alone reads as a word (`Do`, `Te`): word by word the
//! detector finds parts of it; the field says the whole is one name.

use super::context::{context, Ctx};
use super::detector::name_span;
use super::lexicon::*;
use super::script::Script;
use super::tokens::Token;
use crate::redaction::kind::Role;
use crate::redaction::span::Span;
use crate::redaction::text::{floor_boundary, word_hash};

/// Labels of a field whose value is a person's name (compared without case), in
/// English and the languages of the documents our reporters paste.
const LABELS: &[&str] = &[
    "name",
    "full name",
    "employee",
    "employee name",
    "worker",
    "worker name",
    "staff name",
    "tenant",
    "tenant name",
    "applicant",
    "applicant name",
    "client name",
    "account name",
    "payee",
    "beneficiary",
    "passenger",
    "nama",
    "nama lengkap",
    "pangalan",
    "hingoa",
    "igoa",
    "ingoa",
    "nombre",
    "nome",
];
/// Bytes before a colon that hold its label (the longest label and a wide gap).
const LABEL_WINDOW: usize = 24;
/// Most words of a name field's value.
const MAX_WORDS: usize = 6;

pub fn find(lex: &Lexicon, text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    for (at, _) in text.match_indices(':') {
        // The label: the words before the colon since the line's start or a wide gap,
        // read in a short window (a line of colons stays linear).
        let window = floor_boundary(text, at.saturating_sub(LABEL_WINDOW));
        let before = &text[window..at];
        let label_start = [
            before.rfind(['\n', '\t', '|']).map(|n| n + 1),
            before.rfind("  ").map(|n| n + 2),
        ]
        .into_iter()
        .flatten()
        .max();
        let label = match label_start {
            Some(n) => &before[n..],
            None if window == 0 => before,
            None => continue,
        }
        .trim();
        // The tip form's own field (`Your name (optional):`): what follows is what the
        // reporter typed, in any case or as an initial, and it is theirs.
        let (label, form) = form_label(label);
        if !LABELS.iter().any(|l| l.eq_ignore_ascii_case(label)) {
            continue;
        }
        let value_start =
            at + 1 + (text[at + 1..].len() - text[at + 1..].trim_start_matches([' ', '\t']).len());
        // The value runs to the line's end or a wide gap before the next field.
        let rest = &text[value_start..];
        let value_end = value_start
            + [
                rest.find('\n'),
                rest.find('\t'),
                rest.find("  "),
                rest.find('|'),
            ]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(rest.len());
        let value = text[value_start..value_end].trim_end_matches([' ', ',', ';']);
        let value_end = value_start + value.len();
        if value.is_empty() {
            continue;
        }
        let from = tokens.partition_point(|t| t.start < value_start);
        let to = tokens.partition_point(|t| t.start < value_end);
        if is_name(lex, text, &tokens[from..to], value_start, value_end, form) {
            let ctx = match context(lex, text, value_start) {
                c @ Ctx::Strong(_) => c,
                _ if form => Ctx::Strong(Role::Reporter),
                _ => Ctx::None,
            };
            spans.push(name_span(value_start, value_end, ctx));
        }
    }
}

/// A label without the form's `your` and `(optional)`, and whether it had either.
fn form_label(label: &str) -> (&str, bool) {
    let mut form = false;
    let mut label = label;
    for optional in ["(optional)", "(opsyonal)", "(opcional)"] {
        if let Some(rest) = label.strip_suffix(optional) {
            (label, form) = (rest.trim_end(), true);
        }
    }
    if let Some(rest) = label
        .get(..5)
        .filter(|your| your.eq_ignore_ascii_case("your "))
        .map(|_| &label[5..])
    {
        (label, form) = (rest, true);
    }
    (label, form)
}

/// Whether the words of a field's value make a name: one to six words of Latin letters,
/// each capitalised (or a particle; in the tip form's own field, in any case), no
/// function word, role or business word, spaced or after a comma or an initial's stop,
/// and not all of them English words (`Not Provided`, `Anonymous`).
fn is_name(
    lex: &Lexicon,
    text: &str,
    words: &[Token],
    start: usize,
    end: usize,
    form: bool,
) -> bool {
    if words.is_empty()
        || words.len() > MAX_WORDS
        || words[0].start != start
        || words[words.len() - 1].end + 1 < end
    {
        return false;
    }
    let mut english = 0;
    for (k, t) in words.iter().enumerate() {
        let word = &text[t.start..t.end];
        let f = lex.flags(word_hash(word));
        let particle = t.particle || f & PARTICLE != 0;
        if t.script != Script::Cased
            || !(form
                || t.capitalised
                || t.shouted
                || particle
                || word.chars().all(char::is_uppercase))
            || (f & (STOP | ROLE | BUSINESS) != 0 && !particle && f & (GIVEN | SURNAME) == 0)
        {
            return false;
        }
        if f & (GIVEN | SURNAME) == 0 && lex.dictionary(word_hash(word)) != 0 {
            english += 1;
        }
        let gap = words.get(k + 1).map_or("", |n| &text[t.end..n.start]);
        if !matches!(gap, "" | " " | ", " | "," | ". " | ".") {
            return false;
        }
    }
    // An initial's stop may close the value (`JOMAR S.`).
    let tail = &text[words[words.len() - 1].end..end];
    english < words.len() && matches!(tail, "" | ".")
}

#[cfg(test)]
mod tests {
    use crate::redaction::names::found_names;

    #[test]
    fn a_name_field_is_one_name() {
        assert!(
            found_names("NAME: TE MOANA, RAWIRI    EMP#: ECF-117").contains(&"TE MOANA, RAWIRI")
        );
        assert!(
            found_names("Employee: DELA CRUZ, JOMAR S.          Emp No: 47")
                .contains(&"DELA CRUZ, JOMAR S.")
        );
        assert!(
            found_names("Tenant: Do Thi Thu Trang\nPremises: Room 3").contains(&"Do Thi Thu Trang")
        );
    }

    #[test]
    fn the_tip_forms_name_field_takes_what_was_typed() {
        use crate::redaction::names::found;
        use crate::redaction::Role::Reporter;
        assert!(found("Your name (optional): K.\nWhere").contains(&("K.", Reporter)));
        assert!(found("Name (optional): esther\nWhat is happening: i clean")
            .contains(&("esther", Reporter)));
        assert!(found_names("Your name (optional): not given\nWhere").is_empty());
    }

    #[test]
    fn a_field_that_holds_no_name_is_left() {
        assert!(found_names("Name: Not Provided\nPhone: none").is_empty());
        assert!(found_names("Employee: Southern Harvest Ltd").is_empty());
    }
}
