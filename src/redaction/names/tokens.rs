//! Words of a text with their flags from the lexicon.

use super::lexicon::{Lexicon, GIVEN, INTRO_TAIL, PARTICLE, SURNAME};
use crate::redaction::text::{is_combining, word_hash};

#[derive(Debug, Clone)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// `word_hash` of the folded word.
    pub hash: u64,
    pub flags: u16,
    pub capitalised: bool,
    pub particle: bool,
}

/// Splits `text` into word tokens.
pub fn tokens(lex: &Lexicon, text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !c.is_alphabetic() {
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if d.is_alphabetic() || is_combining(d) {
                end = j + d.len_utf8();
                iter.next();
            } else if matches!(d, '\'' | '’' | '-') {
                // Inside a word only: O'Brien, Mary-Jane, Hawke's.
                let after = text[j + d.len_utf8()..].chars().next();
                if after.is_some_and(char::is_alphabetic) {
                    end = j + d.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let word = &text[start..end];
        // Tokens glued to e-mail, web or number syntax are not words of prose.
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let glued = |c: Option<char>| {
            c.is_some_and(|c| c.is_ascii_digit() || matches!(c, '@' | '/' | '_' | '\\'))
        };
        let dotted_after = after == Some('.')
            && bytes
                .get(end + 1)
                .is_some_and(|b| b.is_ascii_alphanumeric());
        let dotted_before = before == Some('.')
            && start >= 2
            && bytes
                .get(start - 2)
                .is_some_and(|b| b.is_ascii_alphanumeric());
        if glued(before) || glued(after) || dotted_after || dotted_before {
            out.push(Token {
                start,
                end,
                hash: 0,
                flags: 0,
                capitalised: false,
                particle: false,
            });
            continue;
        }
        // A possessive is not part of the name.
        let (word, end) = match word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")) {
            Some(w) if !w.is_empty() => (w, start + w.len()),
            _ => (word, end),
        };
        let first = word.chars().next().unwrap_or(' ');
        if !first.is_uppercase() {
            // Lower-case words matter as particles (van, bin, de) and as the end of
            // a self-introduction; names written in lower case are looked up only
            // after one (`lowercase_introductions`).
            let flags = if word.len() <= 8 {
                lex.small(word_hash(word))
            } else {
                0
            };
            let particle = flags & PARTICLE != 0;
            out.push(Token {
                start,
                end,
                hash: 0,
                flags,
                capitalised: false,
                particle,
            });
            continue;
        }
        let rest_upper = word.chars().skip(1).any(char::is_uppercase)
            && !word.chars().skip(1).any(char::is_lowercase);
        let hash = word_hash(word);
        let mut flags = lex.flags(hash) | (lex.small(hash) & INTRO_TAIL);
        if flags == 0 && word.contains('-') {
            // Mary-Jane, Jun-seo, Tūhoe-Ngata: a name if a part is one.
            flags = word
                .split('-')
                .map(|part| lex.flags(word_hash(part)) & (GIVEN | SURNAME))
                .fold(0, |a, b| a | b);
        }
        // An initial: "J. Smith".
        let initial =
            word.len() == 1 && first.is_ascii_uppercase() && after == Some('.') && word != "I";
        if initial {
            flags = 0;
        }
        let capitalised = initial
            || (first.is_uppercase()
                && (!rest_upper || flags & (GIVEN | SURNAME) != 0)
                && word.chars().count() >= 2);
        let particle = !capitalised && flags & PARTICLE != 0;
        out.push(Token {
            start,
            end,
            hash,
            flags,
            capitalised,
            particle,
        });
    }
    out
}
