//! Words of a text with their flags from the lexicon.

use super::lexicon::{
    Lexicon, COMMON, CUE_TAIL, DICT, GIVEN, PARTICLE, PERSON_TAIL, STOP, SURNAME,
};
use super::script::{is_word_char, Script};
use crate::redaction::text::{fold, folded_hash, is_alphabetic, word_hash};

#[derive(Debug, Clone)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// `word_hash` of the folded word (0 for lower-case Latin words, which are looked up
    /// only after a cue).
    pub hash: u64,
    pub flags: u16,
    /// Starts with a capital (after any ʻokina), or is an initial: may open a name.
    pub capitalised: bool,
    /// In capitals throughout and in no name list (`STOKES`): a name only after a cue.
    pub shouted: bool,
    /// A lower-case particle (`van`, `de`, `bin`) that may sit inside a name.
    pub particle: bool,
    pub script: Script,
}

impl Token {
    pub fn is_initial(&self) -> bool {
        self.capitalised && self.end - self.start == 1
    }
}

/// Marks that may open a word without being its capital: the ʻokina (`ʻOfa`).
fn okina(c: char) -> bool {
    matches!(c, 'ʻ' | '‘' | '\'' | '’')
}

/// Splits `text` into word tokens: letters (with their marks) of one script, with `'`,
/// `’` and `-` inside a word.
pub fn tokens(lex: &Lexicon, text: &str) -> Vec<Token> {
    // Sized for a word in four bytes or more: grown a token at a time, the copies cost a
    // tenth of `tokens`.
    let mut out = Vec::with_capacity(text.len() / 4 + 1);
    let bytes = text.as_bytes();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        // A word opens with a letter, or with an ʻokina typed as a quote (`‘Ofa`).
        let opens =
            is_alphabetic(c) || (c == '‘' && iter.peek().is_some_and(|&(_, d)| d.is_uppercase()));
        if !opens {
            continue;
        }
        let script = Script::of(c);
        let start = i;
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            // ASCII first: most text is, and needs no script lookup.
            let inside = if d.is_ascii() {
                d.is_ascii_alphabetic() && script == Script::Cased
            } else {
                is_word_char(d) && Script::of(d) == script
            };
            if inside {
                end = j + d.len_utf8();
                iter.next();
            } else if matches!(d, '\'' | '’' | '-' | 'ʻ' | '‘' | '`') {
                // Inside a word only: O'Brien, Mary-Jane, Hawke's, Tuʻipulotu (and the
                // ʻokina typed as a backtick, Fusitu`a).
                let after = text[j + d.len_utf8()..].chars().next();
                if after.is_some_and(is_alphabetic) {
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
        let plain = Token {
            start,
            end,
            hash: 0,
            flags: 0,
            capitalised: false,
            shouted: false,
            particle: false,
            script,
        };
        if glued(before) || glued(after) || dotted_after || dotted_before {
            out.push(plain);
            continue;
        }
        if script != Script::Cased {
            // Scripts without capitals: every word is looked up (they are rare, and a
            // name in them is found by cues and by standing apart from Latin text).
            let hash = word_hash(word);
            out.push(Token {
                hash,
                flags: lex.flags(hash) | lex.small(hash),
                ..plain
            });
            continue;
        }
        // A possessive is not part of the name (in capitals either: `JOMAR'S`).
        let possessive = ["'s", "’s", "'S", "’S"];
        let (word, end) = match possessive.iter().find_map(|s| word.strip_suffix(s)) {
            Some(w) if !w.is_empty() => (w, start + w.len()),
            _ => (word, end),
        };
        let first = match word.chars().next() {
            Some(c) if okina(c) => word.trim_start_matches(okina).chars().next().unwrap_or(' '),
            c => c.unwrap_or(' '),
        };
        if !first.is_uppercase() {
            // Lower-case words matter as particles (van, bin, de) and as the end of a
            // cue; names written in lower case are looked up only after a cue
            // (`lowercase`).
            let flags = if word.len() <= 10 {
                lex.small(word_hash(word))
            } else {
                0
            };
            out.push(Token {
                end,
                flags,
                particle: flags & PARTICLE != 0,
                ..plain
            });
            continue;
        }
        let rest_upper = word.chars().skip(1).any(char::is_uppercase)
            && !word.chars().skip(1).any(char::is_lowercase);
        let hash = word_hash(word);
        let mut flags = lex.flags(hash) | (lex.small(hash) & (CUE_TAIL | PERSON_TAIL | PARTICLE));
        if flags == 0 && word.contains(['\'', '’', 'ʻ', '‘']) {
            // Tu'ipulotu as Tuʻipulotu: lists write the ʻokina's word without it.
            let bare: String = fold(word).chars().filter(|&c| c != '\'').collect();
            flags = lex.flags(folded_hash(&bare));
        }
        if flags == 0 && word.contains('-') {
            // Mary-Jane, Jun-seo, Tūhoe-Ngata: a name if a part is one. Fijian-Indian,
            // Samoan-Kiwi, Pacific-language: no name if every part is a listed word.
            let parts: Vec<u16> = word
                .split('-')
                .map(|part| {
                    let hash = word_hash(part);
                    lex.flags(hash) | lex.dictionary(hash)
                })
                .collect();
            flags = parts.iter().fold(0, |a, f| a | (f & (GIVEN | SURNAME)));
            if flags == 0 && parts.iter().all(|&f| f != 0) {
                flags = parts.iter().fold(0, |a, f| a | f) & (STOP | COMMON | DICT);
            }
        }
        if flags & !(CUE_TAIL | PERSON_TAIL | PARTICLE) == 0 {
            flags |= lex.dictionary(hash);
        }
        // (`Họ` "they" folds to the family name `Ho`.)
        if !word.is_ascii() && lex.not_a_name_as_written(word) {
            flags = STOP;
        }
        // Irish particles as written (`Ruairí Ó Briain`, `Siobhán Ní Bhriain`): folded they
        // are Fijian and Samoan `o` and Ilocano `ni`, which open a clause, not a name.
        if ["Ó", "Ní", "Uí"].contains(&word) {
            flags = PARTICLE;
        }
        // An initial: "J. Smith", "Jennifer B Eiffel" (joined to a run only between
        // names or before a full stop: see the detector).
        let initial = word.len() == 1 && first.is_ascii_uppercase() && word != "I";
        if initial {
            flags = 0;
        }
        let known = flags & (GIVEN | SURNAME) != 0;
        let long = word.chars().count() >= 2;
        let capitalised = initial || (long && (!rest_upper || known));
        out.push(Token {
            end,
            hash,
            flags,
            capitalised,
            shouted: long && rest_upper && !known,
            particle: !capitalised && flags & PARTICLE != 0,
            ..plain
        });
    }
    for k in 0..out.len() {
        if out[k].flags & GIVEN != 0 && month_as_date(text, &out, k) {
            out[k].flags = STOP;
        }
    }
    out
}

/// Months that are given names too (`April`, `May`, `June`, `Jan`), and the others for
/// ranges (`Jan-Mar`).
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Words before a month that make it a time (`in June`, `since May`).
const BEFORE_A_MONTH: &[&str] = &[
    "in", "since", "until", "till", "from", "by", "of", "last", "next", "early", "late", "mid",
    "end", "before", "after", "during", "this",
];

/// Whether the `k`th token, a given name, is a month in a date: before a year or a day
/// (`June 2022`, `May 3`), after a day (`12 June`), in a range (`Jan-Mar`), or after a
/// word of time (`In June Greg made us ...`).
fn month_as_date(text: &str, tokens: &[Token], k: usize) -> bool {
    let t = &tokens[k];
    let word = &text[t.start..t.end];
    if !t.capitalised || word.len() > 9 || !word.is_ascii() {
        return false;
    }
    let month = |w: &str| MONTHS.iter().any(|m| m.eq_ignore_ascii_case(w));
    // (Not a doubled name: `Jun-Jun`.)
    if let Some((a, b)) = word.split_once('-') {
        return month(a) && month(b) && !a.eq_ignore_ascii_case(b);
    }
    if !month(word) {
        return false;
    }
    let after = text[t.end..].trim_start_matches([' ', ',']);
    let before = text[..t.start].trim_end_matches(' ');
    let time_word = k > 0 && {
        let p = &tokens[k - 1];
        p.end == before.len()
            && BEFORE_A_MONTH
                .iter()
                .any(|w| w.eq_ignore_ascii_case(&text[p.start..p.end]))
    };
    // A day or a year, not a phone number (`call June 021 ...`).
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let then = after[digits..].trim_start_matches(['s', 't', 'n', 'd', 'r', 'h']);
    let year = digits == 4 && (after.starts_with("19") || after.starts_with("20"));
    let day_after =
        (1..=2).contains(&digits) && !then.trim_start().starts_with(|c: char| c.is_ascii_digit());
    let day_digits = before
        .trim_end_matches(['s', 't', 'n', 'd', 'r', 'h'])
        .bytes()
        .rev()
        .take_while(u8::is_ascii_digit)
        .count();
    let day_before = (1..=2).contains(&day_digits)
        && !before[..before.len() - day_digits]
            .trim_end_matches(' ')
            .ends_with(|c: char| c.is_ascii_digit());
    year || day_after || day_before || time_word
}

#[cfg(test)]
mod tests {
    use super::tokens;
    use crate::redaction::names::embedded;

    fn words(text: &str) -> Vec<(&str, bool, bool)> {
        tokens(embedded().lexicon(), text)
            .iter()
            .map(|t| (&text[t.start..t.end], t.capitalised, t.shouted))
            .collect()
    }

    #[test]
    fn okina_marks_and_initials_stay_in_words() {
        assert_eq!(words("ʻOfa"), vec![("ʻOfa", true, false)]);
        assert_eq!(words("Tuʻipulotu's"), vec![("Tuʻipulotu", true, false)]);
        assert_eq!(words("प्रिया"), vec![("प्रिया", false, false)]);
        assert_eq!(words("B"), vec![("B", true, false)]);
        assert_eq!(words("I"), vec![("I", false, false)]);
    }

    #[test]
    fn a_month_in_a_date_is_no_name() {
        use crate::redaction::names::found;
        assert!(found("- June 2022: Hired as a digger operator.").is_empty());
        assert!(found("On 12 June the boss came.").is_empty());
        assert!(found("Jan-Mar: apples at an orchard").is_empty());
        assert!(!found("my cousins Jun-Jun and Arvin").is_empty());
        assert_eq!(
            found("In June Greg made us build a fence.")
                .iter()
                .map(|(n, _)| *n)
                .collect::<Vec<_>>(),
            vec!["Greg"]
        );
        // A given name before a phone number is the person's.
        assert!(!found("please call June 021 555 0192 after work").is_empty());
    }

    #[test]
    fn capitals_only_words_are_shouted_unless_listed() {
        assert_eq!(
            words("JOSEPH KRZYWANEK"),
            vec![("JOSEPH", true, false), ("KRZYWANEK", false, true)]
        );
    }
}
