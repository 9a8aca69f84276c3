//! Names in text whose case says nothing: a chat typed all in lower case, a voicemail
//! transcript, a message in capitals (`tevita took our passports`, `raymond tan the
//! driver`, `MIKE HARRIS IS THE BOSS`). There the shape of a word cannot mark a name, so
//! the lists must: a run of listed names is a name, as is one listed name that is no
//! English word (nor a word of te reo or a Pacific language). Listed words that are also common words, roles, places or particles
//! never open a name here.
//!
//! Only texts with almost no capitalised words are read this way; in ordinary prose a
//! lower-case word is no name unless a cue says so (`lowercase`).

use super::context::context;
use super::detector::name_span;
use super::lexicon::*;
use super::script::Script;
use super::tokens::Token;
use crate::redaction::span::Span;
use crate::redaction::text::word_hash;

/// At most this many words of a name.
const MAX_WORDS: usize = 4;

/// Whether case carries no information in `text`: at least this many cased words, and
/// at most one in `MIXED_EVERY` of them in mixed case (`Tevita`), the rest all lower or
/// all upper case.
const MIN_WORDS: usize = 6;
const MIXED_EVERY: usize = 12;

pub fn is_caseless(text: &str, tokens: &[Token]) -> bool {
    let (mut words, mut mixed) = (0usize, 0usize);
    for t in tokens.iter().filter(|t| t.script == Script::Cased) {
        let word = &text[t.start..t.end];
        if word.len() < 2 {
            continue;
        }
        words += 1;
        let upper = word.chars().filter(|c| c.is_uppercase()).count();
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if upper > 0 && upper < letters {
            mixed += 1;
            // Ordinary prose: decided long before its end.
            if mixed * MIXED_EVERY > tokens.len() {
                return false;
            }
        }
    }
    words >= MIN_WORDS && mixed * MIXED_EVERY <= words
}

/// Words of te reo Māori and Pacific languages that are also given names in the lists
/// (`e mahi ana`: is working; `tasi`: one; `kura`: school): without capitals to tell, one
/// of them alone is read as the word.
const PACIFIC_WORDS_ALSO_NAMES: &[&str] = &[
    "ana", "mai", "mau", "tasi", "kura", "ona", "lea", "tala", "sina", "manu", "rangi", "tama",
];

/// The lexicon's flags of a word in any case.
fn flags(lex: &Lexicon, word: &str) -> u16 {
    lex.flags(word_hash(word))
}

/// A listed given name or surname that is no function word, role, business word or
/// particle (it may be a common word: `tan` of `raymond tan`).
fn listed(lex: &Lexicon, text: &str, t: &Token) -> bool {
    if t.script != Script::Cased || t.end - t.start < 2 {
        return false;
    }
    let f = flags(lex, &text[t.start..t.end]);
    f & (GIVEN | SURNAME) != 0 && f & (STOP | ROLE | BUSINESS | PARTICLE | PHRASE) == 0
}

/// A listed name that is no common or English word either (`tevita`, not `grant`).
fn distinctive(lex: &Lexicon, text: &str, t: &Token) -> bool {
    let word = &text[t.start..t.end];
    t.end - t.start >= 3
        && listed(lex, text, t)
        && flags(lex, word) & COMMON == 0
        && lex.dictionary(word_hash(word)) == 0
}

pub fn find(lex: &Lexicon, text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    if !is_caseless(text, tokens) {
        return;
    }
    let found = spans.len();
    let mut i = 0;
    while i < tokens.len() {
        if !listed(lex, text, &tokens[i]) {
            i += 1;
            continue;
        }
        // A run of listed names, particles between them (`pham van long`).
        let (mut j, mut words) = (i + 1, 1);
        while j < tokens.len() && words < MAX_WORDS {
            let gap = &text[tokens[j - 1].end..tokens[j].start];
            if gap != " " {
                break;
            }
            if listed(lex, text, &tokens[j]) {
                words += 1;
                j += 1;
            } else if tokens[j].particle
                && tokens
                    .get(j + 1)
                    .is_some_and(|n| text[tokens[j].end..n.start] == *" " && listed(lex, text, n))
            {
                words += 1;
                j += 2;
            } else {
                break;
            }
        }
        // `solomon islands`, `mount albert`: a place, as in `detector`.
        let place = tokens
            .get(j)
            .is_some_and(|n| flags(lex, &text[n.start..n.end]) & NOT_BEFORE != 0)
            || i > 0 && flags(lex, &text[tokens[i - 1].start..tokens[i - 1].end]) & NOT_AFTER != 0;
        if place {
            i = j;
            continue;
        }
        let (start, end) = (tokens[i].start, tokens[j - 1].end);
        let named = if words >= 2 {
            tokens[i..j].iter().any(|t| distinctive(lex, text, t))
        } else {
            let word = text[tokens[i].start..tokens[i].end].to_lowercase();
            !PACIFIC_WORDS_ALSO_NAMES.contains(&word.as_str()) && distinctive(lex, text, &tokens[i])
        };
        // Overlapping a name found before is fine (spans are merged), inside one is news
        // to nobody.
        let inside = spans[..found]
            .iter()
            .any(|s| s.start <= start && end <= s.end);
        if named && !inside {
            spans.push(name_span(start, end, context(lex, text, start)));
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use crate::redaction::names::found;
    use crate::redaction::Role::*;

    #[test]
    fn in_lower_case_text_listed_names_are_names() {
        assert_eq!(
            found("hi its about the farm, raymond tan the driver takes our pay every week"),
            vec![("raymond tan", Other)]
        );
        assert_eq!(
            found("pls help tevita took all our passports and we cant leave the house"),
            vec![("tevita", Other)]
        );
    }

    #[test]
    fn in_capitals_too() {
        assert_eq!(
            found("THE BOSS IS MIKE HARRIS AND HE SHOUTS AT US EVERY DAY"),
            vec![("MIKE HARRIS", Other)]
        );
    }

    #[test]
    fn english_words_and_ordinary_prose_are_left() {
        assert!(found("we will grant you more hours if you work on sunday pls").is_empty());
        // Te reo words that are also names (`ana`, `aroha`) stay words.
        assert!(found("kia ora aroha mai kei te awamutu ahau e mahi ana ki te pāmu").is_empty());
        // In prose with capitals a lower-case word is no name without a cue.
        assert!(
            found("The farm is big. He was tired, tevita said, and the boss was angry.").is_empty()
        );
    }
}
