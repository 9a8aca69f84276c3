//! Another name for someone named, written against their name: a nickname in quotes after
//! it (`Chaminda ("Chami")`, `Marcos Vinícius (o "Marcão")`, `Daljit "DJ" Sandhu`) or in
//! brackets alone (`Santiago Paz (Santi)`), or the name in brackets after the nickname
//! (`al Flaco (Felipe Soto)`, `Ate Baby (Rosalinda Macaraeg)`). Writers give both so the
//! reader knows whom the nickname means; the repeat pass, which runs next, then finds the
//! nickname wherever it recurs.

use super::context::{context, Ctx};
use super::lexicon::*;
use super::rule;
use super::script::Script;
use super::tokens::Token;
use crate::redaction::kind::{Kind, Role};
use crate::redaction::span::Span;
use crate::redaction::text::word_hash;

/// The most words of a nickname in brackets (`(Big Mike)`).
const MAX_WORDS: usize = 2;

/// Words that may stand in the brackets before a quoted nickname (`(o "Marcão")`, `(aka
/// "TJ")`), lower case.
const BEFORE_QUOTE: &[&str] = &["o", "a", "el", "la", "aka", "alias", "or", "called"];

const OPENING_QUOTES: &[char] = &['"', '“', '\'', '«'];
const CLOSING_QUOTES: &[char] = &['"', '”', '\'', '»'];

/// Flags of a word that is no nickname: a function word, a role (`boss`), a business, a
/// place, a particle.
const NEVER: u16 = STOP | ROLE | BUSINESS | PLACE | PARTICLE;

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
    let mut spans_found = Vec::new();
    for &(start, end, role) in &names {
        // After the name: a quoted nickname, else one in brackets alone (`(Santi)`).
        let name = Span {
            start,
            end,
            kind: Kind::Name,
            rule: rule::ALIAS.into(),
            role,
        };
        if let Some(quoted) = quoted(lex, text, &name) {
            spans_found.extend(quoted);
        } else if text[end..].starts_with(" (") {
            let k = tokens.partition_point(|t| t.start < end);
            let opens = tokens.get(k).is_some_and(|t| t.start == end + 2);
            if let Some(last) = opens.then(|| bracketed(text, tokens, k)).flatten() {
                let (s, e) = (tokens[k].start, tokens[last].end);
                if text[e..].starts_with(')') && !taken(s, e) {
                    found.push((s, e, role));
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
    spans.extend(spans_found);
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

/// The last token of a nickname of up to `MAX_WORDS` words in brackets from `tokens[k]`:
/// capitalised words in no list of words.
fn bracketed(text: &str, tokens: &[Token], k: usize) -> Option<usize> {
    let mut last = None;
    for i in k..(k + MAX_WORDS).min(tokens.len()) {
        let t = &tokens[i];
        if i > k && text[tokens[i - 1].end..t.start] != *" " {
            break;
        }
        if !t.capitalised || t.shouted || t.flags & (NEVER | COMMON | DICT) != 0 || t.is_initial() {
            break;
        }
        last = Some(i);
    }
    last
}

/// A nickname in quotes right after a name, and a capitalised surname after it
/// (`Chaminda ("Chami")`, `Paz («Santi»)`, `Vinícius (o "Marcão")`, `Daljit "DJ"
/// Sandhu`): the quoted word is the name people know.
fn quoted(lex: &Lexicon, text: &str, name: &Span) -> Option<Vec<Span>> {
    let after = &text[name.end..];
    let open = after.strip_prefix(' ')?;
    let (open, bracket) = match open.strip_prefix('(') {
        Some(rest) => (rest, 1),
        None => (open, 0),
    };
    // `(o "Marcão")`, `(aka "TJ")`: a word before the quote, inside the brackets.
    let article = BEFORE_QUOTE
        .iter()
        .filter(|_| bracket == 1)
        .find(|w| {
            open.strip_prefix(**w)
                .and_then(|r| r.strip_prefix(' '))
                .is_some_and(|r| r.starts_with(OPENING_QUOTES))
        })
        .map_or(0, |w| w.len() + 1);
    let open = &open[article..];
    let quote = open.chars().next().filter(|c| OPENING_QUOTES.contains(c))?;
    let inner = &open[quote.len_utf8()..];
    let close = inner.find(CLOSING_QUOTES)?;
    let nickname = &inner[..close];
    let words = nickname.split(' ').count();
    if nickname.is_empty()
        || words > 2
        || nickname.len() > 24
        || !nickname.starts_with(|c: char| c.is_uppercase())
    {
        return None;
    }
    let start = name.end + 1 + bracket + article + quote.len_utf8();
    // `"Sandhu saab"`, `"Mizan bhai"`: the honorific after the nickname is no part of it.
    let kept = match nickname.rsplit_once(' ') {
        Some((first, last)) => {
            let f = lex.flags(word_hash(last)) | lex.small(word_hash(last));
            if f & ROLE != 0 && f & (GIVEN | SURNAME) == 0 {
                first.len()
            } else {
                close
            }
        }
        None => close,
    };
    let end = start + close;
    let mut found = vec![Span {
        start,
        end: start + kept,
        rule: rule::ALIAS.into(),
        ..name.clone()
    }];
    let closing = inner[close..].chars().next().map_or(1, char::len_utf8);
    // `"DJ" Sandhu`: a capitalised word straight after the closing quote.
    let rest = &text[end + closing..];
    if bracket == 0 {
        if let Some(surname) = rest
            .strip_prefix(' ')
            .filter(|r| r.starts_with(|c: char| c.is_uppercase()))
        {
            let word = surname
                .find(|c: char| !(c.is_alphabetic() || c == '-' || c == '\''))
                .unwrap_or(surname.len());
            if word >= 2 {
                let from = end + closing + 1;
                found.push(Span {
                    start: from,
                    end: from + word,
                    rule: rule::ALIAS.into(),
                    ..name.clone()
                });
            }
        }
    }
    Some(found)
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
