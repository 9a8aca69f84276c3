//! A message whose first words say who writes it: `its tevita again`, `hi ya its shane
//! the kiwi bloke`, `it's Junior aye`, `this is Grace.`, and in Hindi and Punjabi typed in
//! Latin letters `main Gurjant bol reha haan`, `mai Ravinder hu`.
//!
//! `its` and `main` are English words too (`its owner`, `the main gate`): the name is
//! taken only where the cue opens a line (after a greeting at most) and a closing word or
//! mark follows within two words. `caseless` reads texts typed wholly in lower case; this
//! pass reads the rest, where a name is left in lower case by a hurried writer.

use super::caseless::OPENERS;
use super::context::Ctx;
use super::detector::name_span;
use super::lexicon::*;
use super::script::Script;
use super::tokens::Token;
use crate::redaction::kind::Role;
use crate::redaction::span::Span;
use crate::redaction::text::word_hash;

/// What says "this is me" before the name.
const CUES: &[&[&str]] = &[
    &["its"],
    &["it's"],
    &["it’s"],
    &["it", "is"],
    &["this", "is"],
    &["main"],
    &["mai"],
    &["mein"],
];
/// Words after the writer's name in English (`again`, `here`, `from ...`, `the kiwi
/// bloke`), and the copulas and "speaking" of Hindi and Punjabi (`hu`, `haan`, `bol`).
const CLOSERS: &[&str] = &[
    "again", "here", "from", "the", "aye", "calling", "speaking", "bro", "ji", "hu", "hoon", "hun",
    "haan", "han", "aan", "bol", "bolda", "boldi", "bolta", "bolti",
];
/// Greetings of Punjabi, Hindi and Urdu speakers, beside `caseless::OPENERS`.
const GREETINGS: &[&str] = &[
    "sat",
    "sri",
    "shri",
    "akal",
    "bhai",
    "sahab",
    "saab",
    "ya",
    "hiya",
    "assalamualaikum",
    "salaam",
    "walaikum",
    "alaikum",
];
/// Greeting words before the cue on its line, at most.
const MAX_BEFORE: usize = 4;
const MAX_WORDS: usize = 2;

pub fn find(lex: &Lexicon, text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    let lower = |t: &Token| text[t.start..t.end].to_lowercase();
    let mut first = 0;
    while first < tokens.len() {
        // The first words of a line: greetings at most, then a cue.
        for at in first..tokens.len().min(first + MAX_BEFORE + 1) {
            let t = &tokens[at];
            if (at > first && text[tokens[at - 1].end..t.start].contains('\n'))
                || t.script != Script::Cased
            {
                break;
            }
            // The writer's name alone, then `here` or `again` (`malaga again.`, `Sina
            // here -`): a follow-up's first words.
            if let Some((start, end)) = bare_opening(lex, text, tokens, at) {
                if !spans.iter().any(|s| s.start < end && start < s.end) {
                    spans.push(name_span(start, end, Ctx::Strong(Role::Reporter)));
                }
                break;
            }
            // The word in lower case once, for every cue and the greetings (once a cue,
            // it was 9 strings allocated a word).
            let word = lower(t);
            let cue = CUES.iter().find(|cue| {
                cue.iter().enumerate().all(|(n, w)| match n {
                    0 => word == *w,
                    _ => tokens.get(at + n).is_some_and(|t| lower(t) == *w),
                })
            });
            if let Some(cue) = cue {
                if let Some((start, end)) = name_after(lex, text, tokens, at + cue.len()) {
                    if !spans.iter().any(|s| s.start < end && start < s.end) {
                        spans.push(name_span(start, end, Ctx::Strong(Role::Reporter)));
                    }
                }
                break;
            }
            if !OPENERS.contains(&word.as_str()) && !GREETINGS.contains(&word.as_str()) {
                break;
            }
        }
        // On to the next line's first word.
        first += 1;
        while first < tokens.len()
            && !text[tokens[first - 1].end..tokens[first].start].contains('\n')
        {
            first += 1;
        }
    }
}

/// One or two words of a name from token `from`, closed by a mark, the end of the text
/// or a closing word.
fn name_after(lex: &Lexicon, text: &str, tokens: &[Token], from: usize) -> Option<(usize, usize)> {
    let mut end = from;
    while end < tokens.len()
        && end - from < MAX_WORDS
        && text[tokens[end - 1].end..tokens[end].start] == *" "
        && !CLOSERS.contains(
            &text[tokens[end].start..tokens[end].end]
                .to_lowercase()
                .as_str(),
        )
        && word_of_name(lex, text, &tokens[end])
    {
        end += 1;
    }
    if end == from {
        return None;
    }
    let last = &tokens[end - 1];
    let closed = match tokens.get(end) {
        None => text[last.end..].trim().is_empty() || closing_mark(&text[last.end..]),
        Some(next) => {
            let gap = &text[last.end..next.start];
            closing_mark(gap)
                || (gap == " "
                    && CLOSERS.contains(&text[next.start..next.end].to_lowercase().as_str()))
        }
    };
    closed.then_some((tokens[from].start, last.end))
}

/// The name at token `at` when `here` or `again` and a mark (or the end) follow it.
fn bare_opening(lex: &Lexicon, text: &str, tokens: &[Token], at: usize) -> Option<(usize, usize)> {
    let (t, next) = (&tokens[at], tokens.get(at + 1)?);
    let closer = &text[next.start..next.end];
    if text[t.end..next.start] != *" "
        || !(closer.eq_ignore_ascii_case("here") || closer.eq_ignore_ascii_case("again"))
        || !word_of_name(lex, text, t)
    {
        return None;
    }
    let closed = match tokens.get(at + 2) {
        None => text[next.end..].trim().is_empty() || closing_mark(&text[next.end..]),
        Some(after) => closing_mark(&text[next.end..after.start]),
    };
    closed.then_some((t.start, t.end))
}

fn closing_mark(gap: &str) -> bool {
    gap.trim_start_matches(' ')
        .starts_with(['.', ',', '!', '?', '\n', ';', ':', '-', '—', '('])
}

/// A word that may be a name here: capitalised and no function word, role or English
/// word unless a listed name (`Grace`, not `Sunday`); in lower case, no English or
/// common word (`tevita`, not `kinda`; Hindi `main theek hu`, "I am fine", is in the
/// not-names lists).
fn word_of_name(lex: &Lexicon, text: &str, t: &Token) -> bool {
    let word = &text[t.start..t.end];
    if t.script != Script::Cased || word.chars().count() < 2 {
        return false;
    }
    let hash = word_hash(word);
    let f = lex.flags(hash);
    if f & (STOP | ROLE | BUSINESS | PARTICLE | PLACE) != 0 {
        return false;
    }
    let listed = f & (GIVEN | SURNAME) != 0;
    let english = lex.dictionary(hash) != 0;
    if t.capitalised {
        return listed || !english;
    }
    f & COMMON == 0 && !english
}

#[cfg(test)]
mod tests {
    use crate::redaction::names::found;
    use crate::redaction::Role::*;

    #[test]
    fn a_message_that_opens_with_who_writes_it() {
        assert!(found("its tevita again, he moved all of us to the flat")
            .contains(&("tevita", Reporter)));
        assert!(found("hi ya its shane the kiwi bloke at the farm").contains(&("shane", Reporter)));
        assert!(found("its Grace. moved last night").contains(&("Grace", Reporter)));
        assert!(
            found("sat sri akal ji main Gurjant bol reha haan, dairy farm")
                .contains(&("Gurjant", Reporter))
        );
        assert!(found("bhai sahab namaste, mai ravinder hu, Pukekohe me")
            .contains(&("ravinder", Reporter)));
    }

    #[test]
    fn a_follow_up_that_opens_with_the_name_and_here_or_again() {
        assert_eq!(
            found("malaga again. The boss took the van"),
            vec![("malaga", Reporter)]
        );
        assert!(found("Sorry again, the boss took the van").is_empty());
        assert!(found("Me again. The boss took the van").is_empty());
        assert!(found("still here. no pay").is_empty());
    }

    #[test]
    fn its_and_main_in_a_sentence_are_no_cue() {
        assert!(found("its owner is away again").is_empty());
        assert!(found("its kinda bad here, the boss yells").is_empty());
        assert!(found("main theek hu, but the Boss keeps my passport").is_empty());
        assert!(found("its Sunday again and no pay").is_empty());
        assert!(found("We went to the main gate. Its closed.").is_empty());
    }
}
