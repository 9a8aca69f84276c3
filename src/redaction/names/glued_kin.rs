//! Kin words and titles written against a name in scripts without spaces.
//!
//! - Thai: `พี่ต้อม`, `น้องแพร`, `เจ๊หมวย`, `นายสมชาย ใจดี`: the rest of the word after the
//!   kin word is the name, when it is short (a nickname) and not itself a word the kin
//!   word makes (`พี่น้อง` "siblings", `นายจ้าง` "employer"); after the formal `นาย`,
//!   `นาง`, `นางสาว` the next word is the surname.
//! - Japanese: a name in katakana before `さん`, `様`, `ちゃん`, `くん`, `氏` (`スミスさん`;
//!   a Han name before a title is also `other_scripts`' work: `田中さん`), a listed
//!   surname and the given name after it, together or apart, before a title or `です`
//!   (`山本健太さん`, `鈴木 健太です`, `佐藤です`), and the name before `と申します`, in
//!   hiragana alone too (`たかはしと申します`).

use super::context::Ctx;
use super::detector::name_span;
use super::lexicon::*;
use super::script::Script;
use super::tokens::Token;
use crate::redaction::kind::Role;
use crate::redaction::span::Span;
use crate::redaction::text::{match_places, word_hash};
use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

/// Thai kin words and titles said before a (nick)name, longest first.
const THAI_KIN: &[&str] = &[
    "นางสาว",
    "พี่",
    "น้อง",
    "เจ๊",
    "เฮีย",
    "เสี่ย",
    "นาย",
    "นาง",
    "ป้า",
    "ลุง",
];
/// Formal titles: a surname follows the given name.
const THAI_FORMAL: &[&str] = &["นางสาว", "นาย", "นาง"];
/// What a kin word makes with the word after it: no name.
const THAI_COMPOUNDS: &[&str] = &[
    "จ้าง",
    "หน้า",
    "น้อง",
    "สาว",
    "ชาย",
    "ทุน",
    "กอง",
    "ที่",
    "ๆ",
    "เลี้ยง",
    "ใหญ่",
    "ทำ",
    "ได้",
    "ไม่",
    "งาน",
    "ความ",
    "การ",
    "เขา",
    "เรา",
    "หนู",
    "คน",
    "ของ",
    "ก็",
    "ค่ะ",
    "ครับ",
    "จะ",
    "ว่า",
    "บอก",
    "ยัง",
    "มา",
    "ไป",
    "ให้",
    "อยู่",
    "ด้วย",
    "แล้ว",
    "เคย",
    "ต้อง",
    "กับ",
    "และ",
    "หรือ",
];
/// Endings that follow a name inside the word (`ฝนค่ะ`).
const THAI_ENDINGS: &[&str] = &[
    "ค่ะ",
    "คะ",
    "ครับ",
    "นะ",
    "จ้ะ",
    "ด้วย",
    "ก็",
    "เขา",
    "บอก",
    "คือ",
    "ที่",
    "ได้",
    "ว่า",
    "เป็น",
    "จะ",
    "ไม่",
    "มา",
    "ไป",
    "ให้",
    "กับ",
    "และ",
    "เอง",
    "เลย",
];
/// A nickname is short; a longer rest is the rest of a clause written without spaces.
const THAI_MAX_CHARS: usize = 5;
const THAI_MAX_GIVEN: usize = 10;

/// Japanese titles after a name.
const JAPANESE_TITLES: &[&str] = &["さん", "様", "ちゃん", "くん", "氏"];
const JAPANESE_INTRO_AFTER: &[&str] = &["と申します", "といいます", "と言います"];
/// `です` after a name that opens with a listed surname (`佐藤です`, `中村あかりです`).
const JAPANESE_COPULA: &str = "です";

pub fn find(lex: &Lexicon, text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    for (k, t) in tokens.iter().enumerate() {
        match t.script {
            Script::Thai => thai(text, tokens, k, spans),
            Script::Han => japanese(lex, text, t, k.checked_sub(1).map(|p| &tokens[p]), spans),
            _ => {}
        }
    }
}

fn thai(text: &str, tokens: &[Token], k: usize, spans: &mut Vec<Span>) {
    let t = &tokens[k];
    let word = &text[t.start..t.end];
    // The last kin word in the word: what comes after it runs to the word's end.
    let Some((at, kin)) = THAI_KIN
        .iter()
        .filter_map(|kin| word.rfind(kin).map(|at| (at, *kin)))
        .max_by_key(|&(at, kin)| (at + kin.len(), kin.len()))
    else {
        return;
    };
    let from = t.start + at + kin.len();
    let mut rest = &text[from..t.end];
    if let Some(stripped) = THAI_ENDINGS
        .iter()
        .filter_map(|ending| rest.strip_suffix(ending))
        .min_by_key(|stripped| stripped.len())
    {
        rest = stripped;
    }
    let chars = rest.chars().count();
    // After a formal title comes a full given name, longer than a nickname.
    let most = if THAI_FORMAL.contains(&kin) {
        THAI_MAX_GIVEN
    } else {
        THAI_MAX_CHARS
    };
    if !(2..=most).contains(&chars)
        || THAI_COMPOUNDS.iter().any(|c| rest.starts_with(c))
        || THAI_KIN.iter().any(|c| rest.starts_with(c))
    {
        return;
    }
    let mut end = from + rest.len();
    if THAI_FORMAL.contains(&kin) && rest.len() == t.end - from {
        if let Some(next) = tokens.get(k + 1).filter(|n| {
            n.script == Script::Thai
                && text[t.end..n.start] == *" "
                && n.flags & (STOP | COMMON) == 0
                && text[n.start..n.end].chars().count() <= 12
        }) {
            end = next.end;
        }
    }
    spans.push(name_span(from, end, Ctx::Strong(Role::Other)));
}

fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー' | '・')
}

/// `prev`: the word before `t`, where a surname written apart may stand (`山田 彩花と申します`).
fn japanese(lex: &Lexicon, text: &str, t: &Token, prev: Option<&Token>, spans: &mut Vec<Span>) {
    // The titles, the copula and the introductions, found in one search (most words of
    // Han are Chinese, and hold none of them).
    static CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
        let cues = (JAPANESE_TITLES.iter())
            .chain([&JAPANESE_COPULA])
            .chain(JAPANESE_INTRO_AFTER);
        AhoCorasick::new(cues).expect("the Japanese cues build")
    });
    let copula = JAPANESE_TITLES.len();
    let word = &text[t.start..t.end];
    let mut introduced = None;
    for (n, at) in match_places(&CUES, word) {
        let before = &word[..at];
        if n < copula {
            // Katakana right before the title: a foreign name (`スミスさん`).
            let kana = before
                .char_indices()
                .rev()
                .take_while(|&(_, c)| is_katakana(c))
                .last()
                .map(|(i, _)| i);
            if let Some(i) = kana.filter(|&i| before[i..].trim_matches('・').chars().count() >= 2)
            {
                spans.push(name_span(
                    t.start + i,
                    t.start + at,
                    Ctx::Strong(Role::Other),
                ));
            } else if let Some(start) = surname_before(lex, before)
                .map(|i| t.start + i)
                .or_else(|| spaced_surname(lex, text, t, prev, before))
            {
                // A listed surname and a given name before the title (`山本健太さん`,
                // `山本 健太さん`).
                spans.push(name_span(start, t.start + at, Ctx::Strong(Role::Other)));
            }
        } else if n == copula {
            if let Some(start) = surname_before(lex, before)
                .map(|i| t.start + i)
                .or_else(|| spaced_surname(lex, text, t, prev, before))
            {
                spans.push(name_span(start, t.start + at, Ctx::Strong(Role::Reporter)));
            }
        } else if introduced != Some(n) {
            // Each introduction at its first place only.
            introduced = Some(n);
            // The name: kanji and katakana back to a kana particle or the word's start.
            let start = before
                .char_indices()
                .rev()
                .take_while(|&(_, c)| !matches!(c, '\u{3041}'..='\u{3096}'))
                .last()
                .map(|(i, _)| i)
                .filter(|&i| before[i..].chars().count() >= 2)
                // A given name in hiragana after a listed surname (`山本さくら`).
                .or_else(|| surname_before(lex, before))
                // A name in hiragana alone opening the word (`たかはしと申します`).
                .or_else(|| {
                    let n = before.chars().count();
                    ((2..=6).contains(&n) && before.chars().all(is_hiragana)).then_some(0)
                });
            if let Some(i) = start {
                // The family name before a space, when the given name opens the word.
                let surname = prev.filter(|p| {
                    i == 0
                        && p.script == Script::Han
                        && text[p.end..t.start] == *" "
                        && text[p.start..p.end].chars().all(is_kanji)
                        && (1..=3).contains(&text[p.start..p.end].chars().count())
                });
                spans.push(name_span(
                    surname.map_or(t.start + i, |p| p.start),
                    t.start + at,
                    Ctx::Strong(Role::Reporter),
                ));
            }
        }
    }
}

/// The start of a listed surname of two or three kanji written apart before `t`
/// (`山本 健太です`), when `given`, what `t` holds before the title or copula, is a
/// given name's size: one to three kanji or hiragana.
fn spaced_surname(
    lex: &Lexicon,
    text: &str,
    t: &Token,
    prev: Option<&Token>,
    given: &str,
) -> Option<usize> {
    let p = prev.filter(|p| text[p.end..t.start] == *" ")?;
    let sized = (1..=3).contains(&given.chars().count())
        && given.chars().all(|c| is_kanji(c) || is_hiragana(c));
    if !sized {
        return None;
    }
    let word = &text[p.start..p.end];
    let chars: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
    [2, 3]
        .into_iter()
        .filter(|&n| n <= chars.len())
        .find_map(|n| {
            let at = chars[chars.len() - n];
            let surname = &word[at..];
            let listed =
                surname.chars().all(is_kanji) && lex.flags(word_hash(surname)) & SURNAME != 0;
            listed.then_some(p.start + at)
        })
}

fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}')
}

fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '々')
}

/// The start of a name ending `before`: kanji opening with a listed surname of two
/// characters, and up to three hiragana of a given name after them (`中村あかり`).
fn surname_before(lex: &Lexicon, before: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = before.char_indices().collect();
    let mut k = chars.len();
    let mut kana = 0;
    while k > 0 && is_hiragana(chars[k - 1].1) && kana < 3 {
        k -= 1;
        kana += 1;
    }
    let kanji_end = k;
    while k > 0 && is_kanji(chars[k - 1].1) {
        k -= 1;
    }
    if kanji_end - k < 2 {
        return None;
    }
    // The surname may be the whole kanji run or its first two or three characters.
    let start = chars[k].0;
    let surname_ends = [k + 2, k + 3]
        .into_iter()
        .filter(|&e| e <= kanji_end)
        .map(|e| chars.get(e).map_or(before.len(), |c| c.0));
    surname_ends
        .into_iter()
        .any(|e| lex.flags(word_hash(&before[start..e])) & SURNAME != 0)
        .then_some(start)
}

#[cfg(test)]
mod tests {
    use crate::redaction::names::{found, found_names as names};
    use crate::redaction::Role::*;

    #[test]
    fn thai_nicknames_after_kin_words() {
        assert!(names("เจ้าของร้านคือเจ๊หมวย เขาบอกว่า").contains(&"หมวย"));
        assert!(names("พี่ต้อม NZ Agency: โอนมา").contains(&"ต้อม"));
        assert!(names("ไลน์ของพี่แอนคือ @annvip").contains(&"แอน"));
        assert!(names("สามีของดิฉัน นายสมชาย ใจดี ทำงาน").contains(&"สมชาย ใจดี"));
        assert!(names("นายจ้างไม่จ่ายเงิน พี่น้องของเราก็เหมือนกัน").is_empty());
    }

    #[test]
    fn japanese_names_before_titles() {
        assert!(names("オーナーのスミスさんは払いません").contains(&"スミス"));
        assert!(names("オーナーの田中さんが時給").contains(&"田中"));
        assert!(names("店長の山本健太さんがビザを").contains(&"山本健太"));
        assert!(names("店長の山本 健太さんがビザを").contains(&"山本 健太"));
        assert!(names("工場で働いている鈴木 健太です。社長").contains(&"鈴木 健太"));
        assert!(names("こんにちは。たかはしと申します。").contains(&"たかはし"));
        // A sentence in hiragana before the cue is no name.
        assert!(names("よろしくおねがいしますといいます").is_empty());
        assert!(found("山本と申します。").contains(&("山本", Reporter)));
        assert!(found("はじめまして。山本さくらと申します。").contains(&("山本さくら", Reporter)));
        assert!(names("みなさん、こんにちは").is_empty());
        assert!(found("寿司屋で働いている佐藤です。").contains(&("佐藤", Reporter)));
        assert!(found("はじめまして。中村あかりです（").contains(&("中村あかり", Reporter)));
        assert!(names("今日は休みです。").is_empty());
    }
}
