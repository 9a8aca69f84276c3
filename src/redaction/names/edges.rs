//! What belongs to a name at its edges, which the passes that find names leave out: an
//! initial's full stop (`Andriy B.`), initials after it (`Rabindra K.C.`), initials,
//! the abbreviations `Md.` and `Ma.` and the familiar `Ah` before it (`W.M. Kasun
//! Bandara`, `Md. Rafiqul Islam`, `Ma. Luisa Santos`, `Ah Seng`), and a leading ʻokina
//! typed as an apostrophe (`'Ana`); and
//! what does not belong: a Gujarati honorific glued to its end (`હિતેશભાઈ`).
//! A surname in capitals and the given names after its comma (`MEHTA, Dhruv K.`) are
//! one name.
//! Left out, each is a stub of the name in the redacted text.

use super::lexicon::*;
use super::other_scripts;
use super::script::{is_word_char, Script};
use crate::redaction::kind::Role;
use crate::redaction::span::Span;
use crate::redaction::text::word_hash;

/// Abbreviated first names that are part of the name (not titles like `Mr.`), and the
/// familiar `Ah` of Cantonese and Hokkien names (`Ah Seng`), by which such a person is
/// known.
const NAME_ABBREVIATIONS: &[&str] = &[
    "Md.", "MD.", "Ma.", "MA.", "Mohd.", "Muhd.", "Mst.", "Ah", "AH",
];

pub fn widen(lex: &Lexicon, text: &str, spans: &mut Vec<Span>) {
    let more: Vec<Span> = spans
        .iter()
        .filter_map(|s| other_form(lex, text, s))
        .collect();
    spans.extend(more);
    for s in spans.iter_mut() {
        if ends_in_initial(&text[s.start..s.end]) && text[s.end..].starts_with('.') {
            s.end += 1;
        } else {
            s.end += initials_after(&text[s.end..]);
        }
        s.end += generation_after(&text[s.start..s.end], &text[s.end..]);
        let before = &text[..s.start];
        let initials = initials_before(before);
        if initials > 0 {
            s.start -= initials;
        } else if let Some(abbreviation) = NAME_ABBREVIATIONS.iter().find(|a| {
            before
                .strip_suffix(' ')
                .and_then(|b| b.strip_suffix(**a))
                .is_some_and(opens)
        }) {
            s.start -= abbreviation.len() + 1;
        }
        let before = &text[..s.start];
        if let Some(mark) = before
            .chars()
            .next_back()
            .filter(|c| matches!(c, '\'' | 'ʻ' | '‘' | '`'))
        {
            if opens(&before[..before.len() - mark.len_utf8()]) {
                s.start -= mark.len_utf8();
            }
        }
    }
    join_split_names(text, spans);
    for s in spans.iter_mut() {
        if let Some(end) = glued_honorific(&text[s.start..s.end]) {
            s.end = s.start + end;
        }
    }
}

/// Honorifics written against the end of a name in Gujarati (`હિતેશભાઈ`, `મીનાબેન`): the
/// title, not the name, as `bhai` and `ben` written apart are.
const GLUED_HONORIFICS: &[&str] = &["ભાઈ", "ભાઇ", "બેન", "બહેન"];

/// Where a name ends before an honorific glued to the end of its last word (`હિતેશભાઈ`
/// is `હિતેશ`). Inside a name it stays: `ભરતભાઈ પટેલ` is a full name, the surname after.
fn glued_honorific(name: &str) -> Option<usize> {
    let h = GLUED_HONORIFICS.iter().find(|h| name.ends_with(**h))?;
    let rest = &name[..name.len() - h.len()];
    let last = rest.rsplit(' ').next().unwrap_or(rest);
    (last.chars().filter(|c| is_word_char(*c)).count() >= 2).then_some(rest.len())
}

/// The same name in another script, in brackets after it or before it (`محمود عبد
/// الرحمن (Mahmoud Abdelrahman)`, `黃嘉欣（Kayan Wong）`): one to four words, none of
/// them in the name's own script.
fn other_form(lex: &Lexicon, text: &str, name: &Span) -> Option<Span> {
    const MAX_BYTES: usize = 60;
    let latin = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| u32::from(c) < 0x0250)
    };
    let own_latin = latin(&text[name.start..name.end]);
    let words_ok = |w: &str| {
        let w = w.trim();
        !w.is_empty()
            && w.len() <= MAX_BYTES
            && w.split_whitespace().count() <= 4
            && w.chars()
                .all(|c| is_word_char(c) || matches!(c, ' ' | '.' | '\''))
            && latin(w) != own_latin
    };
    // After: `NAME (OTHER)`.
    let after = &text[name.end..];
    let inside = after
        .strip_prefix(" (")
        .or_else(|| after.strip_prefix('('))
        .or_else(|| after.strip_prefix('（'))
        .or_else(|| after.strip_prefix(" （"));
    if let Some(inside) = inside {
        let close = inside.find([')', '）'])?;
        let start = name.end + (after.len() - inside.len());
        // `老周（周海涛）`: a familiar Han name, then the full one.
        let full_han =
            || other_scripts::han_name(lex, text, start, start + close) == Some(start + close);
        if words_ok(&inside[..close]) || full_han() {
            return Some(Span {
                start,
                end: start + close,
                ..name.clone()
            });
        }
        return None;
    }
    // Before: `OTHER (NAME)`.
    let before = &text[..name.start];
    let open = before
        .strip_suffix('(')
        .or_else(|| before.strip_suffix('（'))?;
    let open = open.trim_end();
    let from = open
        .rfind(|c: char| !(is_word_char(c) || matches!(c, ' ' | '.')))
        .map_or(0, |i| {
            i + open[i..].chars().next().map_or(1, char::len_utf8)
        });
    let words = &open[from..];
    let lead = words.len() - words.trim_start_matches([' ', '.']).len();
    let words = words.trim_start_matches([' ', '.']);
    // Only the last four words before the bracket, after any cue or function word.
    let all: Vec<&str> = words.split(' ').collect();
    let mut keep = 0;
    for w in all.iter().rev().take(4) {
        let hash = word_hash(w);
        if (lex.flags(hash) | lex.small(hash)) & (STOP | ROLE | CUE_TAIL | PERSON_TAIL) != 0 {
            break;
        }
        keep += 1;
    }
    let skip: usize = all[..all.len() - keep].iter().map(|w| w.len() + 1).sum();
    let words = &words[skip.min(words.len())..];
    // In a script without spaces a word may be a whole clause (`我是從台灣來...的陳怡君`):
    // only a short one, a name's length, is taken.
    let unspaced = words.chars().any(|c| Script::of(c).unspaced());
    if unspaced && (words.contains(' ') || words.chars().count() > 4) {
        return None;
    }
    if !words_ok(words) {
        return None;
    }
    let mut start = from + lead + skip;
    // `，叫赵雪（Zhao Xue）`: in Han text the word may hold its cue; the name is the part
    // that opens with a listed surname and runs to the bracket.
    if words.chars().any(|c| Script::of(c) == Script::Han) {
        let end = start + words.len();
        if let Some((at, _)) = words
            .char_indices()
            .find(|&(at, _)| other_scripts::han_name(lex, text, start + at, end) == Some(end))
        {
            start += at;
            return Some(Span {
                start,
                end,
                ..name.clone()
            });
        }
    }
    Some(Span {
        start,
        end: start + words.len(),
        ..name.clone()
    })
}

/// Whether what comes before a word lets it open one: the text's start, a space, a
/// bracket or a quote.
fn opens(before: &str) -> bool {
    before
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '«' | '['))
}

/// `Andriy B`: a name whose last word is one capital letter.
fn ends_in_initial(name: &str) -> bool {
    // `Bautista Jr.`: the suffix's full stop is the name's too.
    if [" Jr", " Sr", " Jnr", " Snr"]
        .iter()
        .any(|s| name.ends_with(s))
    {
        return true;
    }
    let mut chars = name.chars().rev();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.next().is_none_or(|c| c == ' ' || c == '.')
}

/// Bytes of ` III` right after a name of two words or more (`Arnel dela Rosa III`): the
/// generation is the name's, as `Jr` is.
fn generation_after(name: &str, after: &str) -> usize {
    let Some(numeral) = ["III", "II", "IV"].iter().find(|n| {
        after
            .strip_prefix(' ')
            .and_then(|a| a.strip_prefix(**n))
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    }) else {
        return 0;
    };
    if name.contains(' ') {
        1 + numeral.len()
    } else {
        0
    }
}

/// Bytes of ` K.C.` right after a name.
fn initials_after(after: &str) -> usize {
    let mut len = 0;
    let bytes = after.as_bytes();
    // ` K.C.`: a space, then one to three capital letters each with a full stop.
    if bytes.first() == Some(&b' ') {
        let mut i = 1;
        let mut letters = 0;
        while i + 1 < bytes.len() && bytes[i].is_ascii_uppercase() && bytes[i + 1] == b'.' {
            i += 2;
            letters += 1;
        }
        let ends = bytes.get(i).is_none_or(|b| !b.is_ascii_alphanumeric());
        if (1..=3).contains(&letters) && ends {
            len = i;
        }
        // `I'm Sione K` at a line's end: an initial with no full stop (not `I` or `A`,
        // which are words).
        let closes = |b: Option<&u8>| b.is_none_or(|b| matches!(b, b'\n' | b',' | b':' | b')'));
        if letters == 0
            && bytes
                .get(1)
                .is_some_and(|b| b.is_ascii_uppercase() && !matches!(b, b'I' | b'A'))
            && closes(bytes.get(2))
        {
            len = 2;
        }
    }
    len
}

/// Bytes of `W.M. `, `J. ` or `K A ` right before a name.
pub(super) fn initials_before(before: &str) -> usize {
    let Some(rest) = before.strip_suffix(' ') else {
        return 0;
    };
    let bytes = rest.as_bytes();
    let mut i = bytes.len();
    let mut letters = 0;
    while i >= 2 && bytes[i - 1] == b'.' && bytes[i - 2].is_ascii_uppercase() && letters < 3 {
        i -= 2;
        letters += 1;
    }
    if letters > 0 && opens(&rest[..i]) {
        return before.len() - i;
    }
    // Initials without full stops, as a bank prints an account's holder (`S ARORA`, `K A
    // Whitlock`): up to two single capitals, not `I`, and not `A` alone (an article).
    // An initial may open its line (`...\n\nL Chen is the owner`), though not a word of
    // one letter that opens a sentence (Samoan `O`, Portuguese `E`); none is taken from
    // the line before.
    let initial = |w: &str| w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase() && w != "I";
    let mut words = rest.rsplit(' ');
    let nearest = words.next().unwrap_or("");
    let (nearest, more) = match nearest.rsplit_once('\n') {
        Some((_, "O" | "E")) => return 0,
        Some((_, w)) => (w, None),
        None => (nearest, words.next()),
    };
    // (Counted, not collected: this is asked before every name.)
    let (taken, bytes) = [Some(nearest), more]
        .into_iter()
        .flatten()
        .take_while(|w| initial(w))
        .fold((0, 0), |(taken, bytes), w| (taken + 1, bytes + w.len() + 1));
    if taken == 0 || (taken == 1 && nearest == "A") {
        0
    } else {
        bytes
    }
}

/// A name found in pieces is one, so that no mark is left standing between placeholders:
/// a name with a nickname in quotes or brackets inside it (`Mandeep "Sunny" Gill`,
/// `Margaret (Meg) Holloway`), found as three names, and a surname in capitals before
/// the given names and its comma (`MEHTA, Dhruv K.`). (A name in another script in
/// brackets after a name, `Li Ming (李明)`, stays apart: nothing follows it.)
fn join_split_names(text: &str, spans: &mut Vec<Span>) {
    spans.sort_by_key(|s| (s.start, s.end));
    // A nickname found both in its run and by `alias` is one word (the
    // writer's, if either finding says so).
    spans.dedup_by(|later, kept| {
        let same = (later.start, later.end) == (kept.start, kept.end);
        if same && later.role == Role::Reporter {
            kept.role = Role::Reporter;
        }
        same
    });
    let gap = |a: &Span, b: &Span| text.get(a.end..b.start).unwrap_or("");
    let mut joined: Vec<Span> = Vec::with_capacity(spans.len());
    let mut i = 0;
    while i < spans.len() {
        if let [first, nickname, last, ..] = &spans[i..] {
            let opens = matches!(gap(first, nickname), " \"" | " (" | " “");
            let closes = matches!(gap(nickname, last), "\" " | ") " | "” ");
            if opens && closes {
                let mut whole = first.clone();
                whole.end = last.end;
                joined.push(whole);
                i += 3;
                continue;
            }
        }
        // A surname in capitals, a comma, the given names (`MEHTA, Dhruv K.`), as
        // payslips, passports and rosters write a name: one name, the comma inside.
        if let [surname, given, ..] = &spans[i..] {
            let shouted = |s: &str| {
                s.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !s.chars().any(char::is_lowercase)
            };
            let mixed = |s: &str| s.chars().nth(1).is_some_and(char::is_lowercase);
            if gap(surname, given) == ", "
                && shouted(&text[surname.start..surname.end])
                && mixed(&text[given.start..given.end])
            {
                let mut whole = surname.clone();
                whole.end = given.end;
                joined.push(whole);
                i += 2;
                continue;
            }
        }
        joined.push(spans[i].clone());
        i += 1;
    }
    *spans = joined;
}

#[cfg(test)]
mod tests {
    use crate::redaction::names::found_names as names;

    #[test]
    fn a_surname_in_capitals_before_the_given_names_is_one_name() {
        assert!(names("Employee: MEHTA, Dhruv K.\nIRD: 076").contains(&"MEHTA, Dhruv K."));
    }

    #[test]
    fn initials_and_abbreviations_go_with_the_name() {
        assert!(names("married to Md. Rafiqul Islam who works").contains(&"Md. Rafiqul Islam"));
        assert!(names("Received from: W.M. Kasun Bandara").contains(&"W.M. Kasun Bandara"));
        assert!(names("recruited by Ma. Luisa Santos of an agency").contains(&"Ma. Luisa Santos"));
        assert!(names("the towkay Ah Keong keeps our passports").contains(&"Ah Keong"));
        assert!(names("eSewa, name Rabindra K.C.").contains(&"Rabindra K.C."));
        assert!(names("Please call Jomar P. on Monday").contains(&"Jomar P."));
        assert!(
            names("from our group chat, I'm Sione K\n[02/03/25] Sione K: boss")
                .contains(&"Sione K")
        );
        assert!(
            names("and Arnel dela Rosa III. Kieran told Arnel").contains(&"Arnel dela Rosa III")
        );
        assert!(names("Employee: Rommel D. Santiago Jr.\nEmployee address")
            .contains(&"Rommel D. Santiago Jr."));
        assert!(names("Ko hoku hingoa ko 'Ana Latu, mei Kolofo'ou").contains(&"'Ana Latu"));
    }

    #[test]
    fn a_glued_gujarati_honorific_is_left_out() {
        assert!(names("માલિક હિતેશભાઈ મને પગાર આપતા નથી").contains(&"હિતેશ"));
        // Inside a full name it stays: the surname after it is the name's too.
        assert!(names("માલિક ભરતભાઈ પટેલ પગાર નથી આપતા").contains(&"ભરતભાઈ પટેલ"));
    }

    #[test]
    fn initials_without_full_stops_before_a_name() {
        assert!(names("into an account in the name of S ARORA, 03-0404").contains(&"S ARORA"));
        assert!(
            names("Kylie Whitlock, also on the account as K A Whitlock.").contains(&"K A Whitlock")
        );
        assert!(names("paid to Kylie Whitlock and K Patel").contains(&"K Patel"));
        assert!(names("A Patel family lives there")
            .iter()
            .all(|n| !n.starts_with('A')));
    }

    #[test]
    fn a_name_with_its_nickname_inside_is_one_name() {
        assert_eq!(
            names("The supervisor Mandeep \"Sunny\" Gill collects passports"),
            vec!["Mandeep \"Sunny\" Gill"]
        );
        assert_eq!(
            names("Client: Rosalinda \"Linda\" Pacheco\nClient DOB: 11/11/1979"),
            vec!["Rosalinda \"Linda\" Pacheco"]
        );
        let apart = names("The boss is Li Ming (李明), he keeps");
        assert!(apart.contains(&"Li Ming") && apart.contains(&"李明"));
    }

    #[test]
    fn a_quoted_nickname_after_a_name() {
        assert!(names("Owner Chaminda (\"Chami\"), his wife").contains(&"Chami"));
        assert!(names("Owner Chaminda “Chami” Perera runs it")
            .iter()
            .any(|n| n.contains("Perera")));
        assert!(names("a contractor, Daljit \"DJ\" Sandhu, who drives")
            .iter()
            .any(|n| n.contains("Sandhu")));
        assert!(names("a contractor, Daljit \"DJ\" Sandhu, who drives")
            .iter()
            .any(|n| n.contains("DJ")));
    }

    #[test]
    fn the_same_name_in_another_script_in_brackets() {
        assert!(names("আমার নাম মোঃ সাইফুল ইসলাম (Md Saiful Islam)। আমি").contains(&"মোঃ সাইফুল ইসলাম"));
        assert!(
            names("السلام عليكم، اسمي محمود عبد الرحمن (Mahmoud Abdelrahman)، أعمل")
                .contains(&"محمود عبد الرحمن")
        );
        // In Han text the cue glued before the name stays out.
        let glued = names("我是来打工度假的，叫赵雪（Zhao Xue），在 Cromwell 摘樱桃");
        assert!(glued.contains(&"赵雪") && glued.contains(&"Zhao Xue"));
        assert!(names("中介老周（周海涛）在小红书上招人").contains(&"周海涛"));
    }

    #[test]
    fn a_title_and_an_apostrophe_inside_a_word_stay_out() {
        assert!(names("The boss is Mr. Rajesh Kumar.").contains(&"Rajesh Kumar"));
        assert!(!names("It is Sione's. K.C. said so")
            .iter()
            .any(|n| n.contains("K.C.")));
    }
}
