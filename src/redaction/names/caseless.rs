//! Names in text whose case says nothing: a chat typed all in lower case, a voicemail
//! transcript, a message in capitals (`tevita took our passports`, `raymond tan the
//! driver`, `MIKE HARRIS IS THE BOSS`). There the shape of a word cannot mark a name, so
//! the lists must: a run of listed names is a name, as is one listed name that is no
//! English word (nor a word of te reo or a Pacific language). Listed words that are also common words, roles, places or particles
//! never open a name here.
//!
//! Only texts with almost no capitalised words are read this way; in ordinary prose a
//! lower-case word is no name unless a cue says so (`lowercase`).

use super::context::{context, Ctx};
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

/// Words a caller says before their name when a voicemail opens (`yeah hi its um`).
pub(super) const OPENERS: &[&str] = &[
    "hi",
    "hello",
    "hey",
    "yes",
    "yeah",
    "yep",
    "um",
    "umm",
    "uh",
    "er",
    "ok",
    "okay",
    "good",
    "morning",
    "afternoon",
    "evening",
    "talofa",
    "lava",
    "malo",
    "lelei",
    "bula",
    "vinaka",
    "kia",
    "ora",
    "namaste",
    "namaskar",
    "howzit",
    "mauri",
    "salam",
    "its",
    "it's",
    "it",
    "is",
    "this",
    "im",
    "i'm",
    "i",
    "am",
    "my",
    "name",
    "so",
    // Hindi and Nepali typed in Latin letters (`namaste sir main deepak bol raha hu`)
    "sir",
    "madam",
    "ji",
    "main",
    "mai",
    "mera",
    "mero",
    "naam",
    "nam",
    "hum",
    "ham",
];
/// Self-introductions that a name follows (`my name is`, `this is`, `its`).
const INTRODUCTIONS: &[&[&str]] = &[
    &["my", "name", "is"],
    &["my", "name"],
    &["name", "is"],
    &["this", "is"],
    &["its"],
    &["it's"],
    &["i", "am"],
    &["im"],
    &["i'm"],
];
/// Words that end a caller's name (`sione taufa from tonga`, `lerato here`, `deepak bol
/// raha hu`).
const AFTER_NAME: &[&str] = &[
    "from", "here", "calling", "speaking", "again", "and", "bol", "bolta", "bolti", "hu", "hoon",
    "hun", "hai", "ho",
];

/// A lower-case word that may be part of a name when a self-introduction says one
/// follows: no function word, role, business word or particle (an English word may be:
/// `junior tuhaika`).
fn plain(lex: &Lexicon, text: &str, t: &Token) -> bool {
    t.script == Script::Cased
        && !t.capitalised
        && flags(lex, &text[t.start..t.end]) & (STOP | COMMON | ROLE | BUSINESS | PARTICLE) == 0
}

/// Whether a word is no English word, or a listed name: what makes a run a name.
fn namelike(lex: &Lexicon, text: &str, t: &Token) -> bool {
    let word = &text[t.start..t.end];
    listed(lex, text, t) || (word.len() >= 2 && lex.dictionary(word_hash(word)) == 0)
}

/// The caller's own name in a transcript: after the greetings that open it, or after a
/// self-introduction anywhere (`good morning um sione taumalolo calling`, `hi this is
/// junior tuhaika from ...`, `my name is gideon wale my phone ...`): one to four plain
/// words, one of them no English word, ending at a function word or `from`, `here` ...
fn introductions(lex: &Lexicon, text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    let word = |k: usize| text[tokens[k].start..tokens[k].end].to_lowercase();
    let opening = tokens
        .iter()
        .position(|t| !OPENERS.contains(&text[t.start..t.end].to_lowercase().as_str()))
        .filter(|&k| k > 0);
    let introduced = (1..tokens.len()).filter(|&k| {
        INTRODUCTIONS.iter().any(|cue| {
            k >= cue.len()
                && cue
                    .iter()
                    .enumerate()
                    .all(|(n, w)| word(k - cue.len() + n) == *w)
        })
    });
    for (k, after_greeting) in opening
        .map(|k| (k, true))
        .into_iter()
        .chain(introduced.map(|k| (k, false)))
    {
        let mut j = k;
        while j < tokens.len()
            && j - k < MAX_WORDS
            && plain(lex, text, &tokens[j])
            && !AFTER_NAME.contains(&word(j).as_str())
        {
            if j > k && text[tokens[j - 1].end..tokens[j].start] != *" " {
                break;
            }
            j += 1;
        }
        if j == k || !tokens[k..j].iter().any(|t| namelike(lex, text, t)) {
            continue;
        }
        let next = tokens.get(j).map(|t| text[t.start..t.end].to_lowercase());
        let ends = match next.as_deref() {
            None => true,
            Some(w) if AFTER_NAME.contains(&w) => true,
            // After a self-introduction, a function word or a mark also ends the name.
            Some(_) => {
                !after_greeting
                    && (flags(lex, &text[tokens[j].start..tokens[j].end]) & STOP != 0
                        || text[tokens[j - 1].end..tokens[j].start].trim() != "")
            }
        };
        let (start, end) = (tokens[k].start, tokens[j - 1].end);
        // The opening and a self-introduction may find the same name.
        if ends
            && !spans
                .last()
                .is_some_and(|s| s.start == start && s.end == end)
        {
            let ctx = super::context::Ctx::Strong(crate::redaction::kind::Role::Reporter);
            spans.push(name_span(start, end, ctx));
        }
    }
}

/// `english`: whether the text's lower-case words are English (`detector::Shape`).
pub fn find(lex: &Lexicon, text: &str, tokens: &[Token], english: bool, spans: &mut Vec<Span>) {
    if !is_caseless(text, tokens) {
        return;
    }
    introductions(lex, text, tokens, spans);
    // In another language typed without capitals, one listed name alone is as often a
    // word of that language (`una`, `trong`): only a run of names, or a cue, makes one.
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
            let cued = !matches!(context(lex, text, tokens[i].start), Ctx::None | Ctx::Weak);
            (english || cued)
                && !PACIFIC_WORDS_ALSO_NAMES.contains(&word.as_str())
                && distinctive(lex, text, &tokens[i])
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
    fn a_caller_introducing_themselves() {
        assert_eq!(
            found("good morning um sione taumalolo calling again about my wife"),
            vec![("sione taumalolo", Reporter)]
        );
        assert_eq!(
            found("hi this is junior tuhaika from the solomon islands im in blenheim"),
            vec![("junior tuhaika", Reporter)]
        );
        assert!(found("hi yes i am tired and the boss is angry every day").is_empty());
        assert!(found("hello its a big farm and we work long hours there").is_empty());
        assert_eq!(
            found("namaste sir main deepak bol raha hu, auckland me ek labour hire"),
            vec![("deepak", Reporter)]
        );
        assert!(found("main thing is the boss is angry every day").is_empty());
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
        // A word of another language that is also a listed name, alone.
        assert!(found("en una dairy farm cerca de te awamutu el patrón no paga").is_empty());
        // Te reo words that are also names (`ana`, `aroha`) stay words.
        assert!(found("kia ora aroha mai kei te awamutu ahau e mahi ana ki te pāmu").is_empty());
        // In prose with capitals a lower-case word is no name without a cue.
        assert!(
            found("The farm is big. He was tired, tevita said, and the boss was angry.").is_empty()
        );
    }
}
