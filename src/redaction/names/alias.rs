//! Another name for someone named, written against their name: a nickname in brackets or
//! quotes after it (`Santiago Gutiérrez Paz ("Santi")`, `Marcos Vinícius (o "Marcão")`),
//! or the name in brackets after the nickname (`al Flaco (Felipe Soto)`, `Ate Baby
//! (Rosalinda Macaraeg)`). Writers give both so the reader knows whom the nickname means;
//! the repeat pass then finds the nickname wherever it recurs.

use super::context::{context, Ctx};
use super::lexicon::*;
use super::rule;
use super::script::Script;
use super::tokens::Token;
use crate::redaction::kind::{Kind, Role};
use crate::redaction::span::Span;

/// The most words of a nickname (`"Big Mike"`).
const MAX_WORDS: usize = 2;

/// Words that may stand in the brackets before a quoted nickname (`(o "Marcão")`, `(aka
/// "TJ")`), lower case.
const BEFORE_QUOTE: &[&str] = &["o", "a", "el", "la", "aka", "alias", "or", "called"];

/// Flags of a word that is no nickname: a function word, a role (`boss`), a business, a
/// place, a particle.
const NEVER: u16 = STOP | ROLE | BUSINESS | PLACE | PARTICLE;

fn opening_quote(gap: &str) -> bool {
    gap.ends_with(['"', '“', '«'])
}

fn closing(after: &str, quoted: bool) -> bool {
    let after = after.trim_start_matches(['"', '”', '»']);
    if quoted {
        after.starts_with(')') || after.is_empty() || !after.starts_with(char::is_alphanumeric)
    } else {
        after.starts_with(')')
    }
}

pub fn find(lex: &Lexicon, text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    let mut names: Vec<(usize, usize, Role)> = spans
        .iter()
        .filter(|s| s.kind == Kind::Name)
        .map(|s| (s.start, s.end, s.role))
        .collect();
    names.sort_unstable_by_key(|n| n.0);
    // The furthest end of the names up to each one: whether any name overlaps a range is
    // then one binary search (a long text of names stays linear).
    let reach: Vec<usize> = names
        .iter()
        .scan(0, |most, n| {
            *most = (*most).max(n.1);
            Some(*most)
        })
        .collect();
    let taken = |start: usize, end: usize| {
        let before = names.partition_point(|n| n.0 < end);
        before > 0 && reach[before - 1] > start
    };
    let mut found = Vec::new();
    for &(start, end, role) in &names {
        // After the name: ` ("Santi")`, ` (o "Marcão")`, ` "Boyet"`, ` (Santi)`.
        let next = tokens.partition_point(|t| t.start < end);
        if let Some(k) = (next < tokens.len()).then_some(next) {
            let mut k = k;
            let mut gap = &text[end..tokens[k].start];
            let bracketed = gap.starts_with(" (") || gap.starts_with('(');
            if gap.trim() == "(" && k + 1 < tokens.len() {
                let word = text[tokens[k].start..tokens[k].end].to_lowercase();
                let next_gap = &text[tokens[k].end..tokens[k + 1].start];
                if BEFORE_QUOTE.contains(&word.as_str()) && opening_quote(next_gap) {
                    k += 1;
                    gap = &text[end..tokens[k].start];
                }
            }
            let quoted = opening_quote(gap.trim_end()) && gap.len() <= 16;
            let opens = quoted || gap == " (" || gap == "(";
            if opens && (bracketed || gap.trim_start().len() == 1) {
                if let Some(last) = nickname(text, tokens, k, quoted) {
                    let (s, e) = (tokens[k].start, tokens[last].end);
                    if closing(&text[e..], quoted) && !taken(s, e) {
                        found.push((s, e, role));
                    }
                }
            }
        }
        // Before the name, which the brackets hold whole: `Flaco (Felipe Soto)`.
        let held = text[..start].ends_with(" (") && text[end..].starts_with(')');
        if !held {
            continue;
        }
        let k = tokens.partition_point(|t| t.end + 2 < start);
        if tokens.get(k).is_none_or(|t| t.end + 2 != start) {
            continue;
        }
        let t = &tokens[k];
        let word_only = t.flags & NEVER == 0;
        let plain = t.flags & (COMMON | DICT) == 0 || t.flags & (GIVEN | SURNAME) != 0;
        // A word that is also an English one (`Baby`, `Boy`) only after a kin word or
        // title (`Ate Baby`).
        let titled = matches!(context(lex, text, t.start), Ctx::Strong(_));
        if t.capitalised
            && !t.is_initial()
            && t.script == Script::Cased
            && word_only
            && (plain || titled)
            && !taken(t.start, t.end)
        {
            found.push((t.start, t.end, role));
        }
    }
    for (start, end, role) in found {
        spans.push(Span {
            start,
            end,
            kind: Kind::Name,
            rule: rule::ALIAS.into(),
            role,
        });
    }
}

/// The last token of a nickname of up to `MAX_WORDS` words from `tokens[k]`; in quotes
/// any word that is no function word, role or place (`"TJ"`, `"Marcão"`), in brackets
/// alone a capitalised word in no list of words.
fn nickname(text: &str, tokens: &[Token], k: usize, quoted: bool) -> Option<usize> {
    let mut last = None;
    for i in k..(k + MAX_WORDS).min(tokens.len()) {
        let t = &tokens[i];
        if i > k && text[tokens[i - 1].end..t.start] != *" " {
            break;
        }
        let fits = if quoted {
            t.flags & NEVER == 0 && t.capitalised
        } else {
            t.capitalised && !t.shouted && t.flags & (NEVER | COMMON | DICT) == 0 && !t.is_initial()
        };
        if !fits {
            break;
        }
        last = Some(i);
    }
    last
}

#[cfg(test)]
mod tests {
    use crate::redaction::names::found_names;

    #[test]
    fn a_nickname_in_brackets_or_quotes_after_a_name() {
        let found = found_names(
            "mi hijo Santiago Nicolás Gutiérrez Paz (\"Santi\"), la novia de Santi, Agustina",
        );
        assert!(found.contains(&"Santi"), "{found:?}");
        let found = found_names("un cara chamado Marcos Vinícius (o \"Marcão\"). Ele cobra NZ$220");
        assert!(found.contains(&"Marcão"), "{found:?}");
    }

    #[test]
    fn the_name_in_brackets_after_a_nickname() {
        let found = found_names("Nos deben 4 semanas a mí, al Flaco (Felipe Soto) y a la Cata.");
        assert!(found.contains(&"Flaco"), "{found:?}");
        let found =
            found_names("para sa kaibigan ko si Ate Baby (Rosalinda Macaraeg). Si Ate Baby ay");
        assert_eq!(
            found.iter().filter(|n| **n == "Baby").count(),
            2,
            "{found:?}"
        );
    }

    #[test]
    fn brackets_that_hold_no_second_name() {
        let found = found_names("Our boss Mike Chen (Manager) and Sione Taufa (Tonga) came.");
        assert!(
            !found.contains(&"Manager") && !found.contains(&"Tonga"),
            "{found:?}"
        );
        let found = found_names("The Boss (Mike Chen) took our passports.");
        assert!(!found.iter().any(|n| n.contains("Boss")), "{found:?}");
    }
}
