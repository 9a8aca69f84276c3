//! Vietnamese kin words before a name: `với chị Mai`, `chủ tiệm là cô Hằng`, `anh Tuấn`.
//!
//! They are the pronouns of every Vietnamese sentence, and folded (`co`, `ba`, `di`) they
//! are words of other languages, so they are no cue in the shared lists. Here they are
//! compared as written, with their marks, only in text that has Vietnamese letters, and
//! only before a capitalised word: in Vietnamese a capital inside a sentence opens a name
//! or a place, and a place does not follow a kin word. So a listed word is taken too
//! (`Mai` is also "tomorrow", `Lan` a te reo word).

use super::context::Ctx;
use super::detector::name_span;
use super::lexicon::*;
use super::script::Script;
use super::tokens::Token;
use crate::redaction::kind::Role;
use crate::redaction::span::Span;

/// Kin words and titles, lower case; capitalised, they open a sentence (`Anh Tú sang NZ`).
const KIN: &[&str] = &[
    "anh", "chị", "em", "cô", "chú", "bác", "ông", "bà", "dì", "cậu", "thím", "mợ", "bé", "thầy",
];
/// The most syllables of a given name after a kin word (`chị Ngọc Anh`).
const MAX_SYLLABLES: usize = 3;

/// Letters only Vietnamese writes: without one, `em` and `anh` are other languages' words.
/// Read as UTF-8 bytes: their lead bytes found by `memchr3` (the characters decoded one
/// by one cost more in Chinese or Devanagari text), then the bytes after. `Ạ` to `ỹ`
/// (U+1EA0 to U+1EF9) are E1 BA A0-BF and E1 BB 80-B9; `ă Ă đ Đ` are C4 83, 82, 91, 90;
/// `ơ Ơ ư Ư` C6 A1, A0, B0, AF.
pub(super) fn vietnamese(text: &str) -> bool {
    let b = text.as_bytes();
    !text.is_ascii()
        && memchr::memchr3_iter(0xc4, 0xc6, 0xe1, b).any(|i| match b[i] {
            0xc4 => matches!(b.get(i + 1), Some(0x82 | 0x83 | 0x90 | 0x91)),
            0xc6 => matches!(b.get(i + 1), Some(0xa0 | 0xa1 | 0xaf | 0xb0)),
            _ => match (b.get(i + 1), b.get(i + 2)) {
                (Some(0xba), Some(&c)) => c >= 0xa0,
                (Some(0xbb), Some(&c)) => c <= 0xb9,
                _ => false,
            },
        })
}

pub fn find(text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    let kin = |t: &Token| {
        let word = &text[t.start..t.end];
        KIN.contains(&word)
            || (opens_sentence(text, t.start) && KIN.contains(&word.to_lowercase().as_str()))
    };
    // The letters first: most texts are not Vietnamese, and asking for kin words
    // lower-cases every word that opens a sentence.
    if !vietnamese(text) || !tokens.iter().any(kin) {
        return;
    }
    // Where each kin word followed by a name starts, and where the name after it does.
    let mut kin_before: Vec<(usize, usize)> = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        if t.script != Script::Cased || !kin(t) {
            continue;
        }
        let mut end = None;
        let mut prev = t;
        for next in tokens[k + 1..].iter().take(MAX_SYLLABLES) {
            let name_like = next.capitalised
                && next.script == Script::Cased
                && next.flags & (BUSINESS | ROLE | PARTICLE) == 0
                && !next.is_initial();
            if &text[prev.end..next.start] != " " || !name_like {
                break;
            }
            end = Some(next.end);
            prev = next;
        }
        if let Some(end) = end {
            let start = tokens[k + 1].start;
            kin_before.push((t.start, start));
            spans.push(name_span(start, end, Ctx::Strong(Role::Other)));
        }
    }
    // A name the lists found with its kin word (`Anh Trần Minh Quân` opening a sentence:
    // `Anh` is a given name too) starts after it, or the repeat pass takes every `anh` of
    // the text. (`kin_before` is in text order: one search a name.)
    for s in spans.iter_mut() {
        if let Ok(i) = kin_before.binary_search_by_key(&s.start, |&(kin, _)| kin) {
            let name = kin_before[i].1;
            if s.end > name {
                s.start = name;
            }
        }
    }
}

/// Whether a sentence opens at byte `at`: the text's start, or after `.`, `!`, `?` or a
/// line break.
fn opens_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(' ');
    before.is_empty() || before.ends_with(['.', '!', '?', '\n'])
}

#[cfg(test)]
mod tests {
    use crate::redaction::names::{found, found_names};
    use crate::redaction::Role::*;

    #[test]
    fn a_kin_word_opening_a_sentence_is_no_part_of_the_name() {
        let text = "Chào anh chị, em tên là Nguyễn Văn Hùng. Anh Trần Minh Quân nhận của em 9.500 USD. Zalo anh Quân: 0914 830 336.";
        let names = found_names(text);
        assert!(names.contains(&"Trần Minh Quân"), "{names:?}");
        assert!(
            !names.iter().any(|n| n.contains("Anh") || n.contains("anh")),
            "{names:?}"
        );
    }

    #[test]
    fn a_kin_word_points_at_the_name_after_it() {
        assert_eq!(
            found("Em làm chung tiệm nail với chị Mai. Chủ tiệm là cô Hằng."),
            vec![("Mai", Other), ("Hằng", Other)]
        );
        let got = found("em gái của Nguyễn Văn Tú. Anh Tú sang NZ làm ở vườn nho.");
        assert!(got.contains(&("Tú", Other)), "{got:?}");
    }

    #[test]
    fn only_in_vietnamese_text() {
        assert!(found_names("Tell em Monday is off.").is_empty());
    }

    /// The bytes read say what the characters did, for every character.
    #[test]
    fn vietnamese_letters_by_their_bytes() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let letter =
                matches!(c, 'ạ'..='ỹ' | 'Ạ'..='Ỹ' | 'đ' | 'Đ' | 'ơ' | 'ư' | 'Ơ' | 'Ư' | 'ă' | 'Ă');
            assert_eq!(super::vietnamese(&format!("a{c}")), letter, "{c:?}");
        }
    }
}
