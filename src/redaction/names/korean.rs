//! Korean names told by the words around them. Hangul has no capitals and a name is
//! written like any other word, but the words beside it are few and fixed:
//!
//! - a title or kin word after it, written apart (`박정수 사장`, `민재 오빠`, `이성민 목사`);
//! - a work title glued to a bare surname, or after it (`박사장님이`, `장실장`, `박 사장님`);
//! - a kin word before a full name (`제 아들 한지호가`, `엄마 윤미경이고`).

use super::context::Ctx;
use super::detector::name_span;
use super::lexicon::*;
use super::other_scripts::{hangul_stem, is_surname, is_surname_char, HANGUL_ENDINGS};
use super::tokens::Token;
use crate::redaction::kind::Role;
use crate::redaction::span::Span;
use crate::redaction::text::word_hash;

/// Titles of work, said of a boss or an agent by surname alone or by full name; and a
/// church's (pastor's wife, deacon, elder, evangelist), where recruiting through a church
/// is common.
const WORK_TITLES: &[&str] = &[
    "사장",
    "실장",
    "부장",
    "과장",
    "팀장",
    "반장",
    "대표",
    "선생",
    "목사",
    "선장",
    "소장",
    "감독",
    "사모",
    "집사",
    "장로",
    "권사",
    "전도사",
];
/// Honorifics and kin words said after a given name (`민재 오빠`).
const HONORIFICS: &[&str] = &["씨", "님", "오빠", "언니", "누나", "형"];
/// Kin words said before a relative's full name (`제 동생 이수진이`).
const KIN_BEFORE: &[&str] = &[
    "아들",
    "딸",
    "딸아이",
    "동생",
    "남동생",
    "여동생",
    "엄마",
    "아빠",
    "어머니",
    "아버지",
    "조카",
    "사촌",
    "언니",
    "누나",
    "오빠",
    "형",
];
/// One-syllable particles that seldom end a name.
const PARTICLES: &str = "가를을의도와과는에";
/// Surname syllables that are as often a pronoun or a determiner before a title: `이 사장님`
/// is "this boss", `전 사장님께` "I ... to the boss", `제 사장님` "my boss".
const NOT_A_LONE_SURNAME: &[&str] = &["이", "그", "저", "전", "제", "내", "우리"];
/// Words a surname and a title make that mean something else: vice-president, chairman,
/// deputy representative.
const NOT_A_SURNAME_AND_TITLE: &[&str] = &["부사장", "이사장", "부대표", "부팀장", "부반장"];

/// Names around Hangul token `k`.
pub(super) fn around(lex: &Lexicon, text: &str, tokens: &[Token], k: usize, spans: &mut Vec<Span>) {
    before_title(lex, text, tokens, k, spans);
    surname_glued_to_title(lex, text, &tokens[k], spans);
    after_kin(lex, text, tokens, k, spans);
}

/// The title `word` opens with, if the rest of it is no more than `님` and a particle
/// (`사장이`, `사장님은`, `씨는`), not a word that opens like one (`씨푸드` "seafood").
fn title_of<'a>(word: &str, titles: &[&'a str]) -> Option<&'a str> {
    titles.iter().copied().find(|title| {
        word.strip_prefix(title).is_some_and(|rest| {
            let rest = rest.strip_prefix('님').unwrap_or(rest);
            rest.is_empty() || HANGUL_ENDINGS.contains(&rest)
        })
    })
}

/// Three syllables opening with a listed surname, and no word listed as no name
/// (`한국인`, `연락처`): the shape of a Korean full name.
pub(super) fn full_name(lex: &Lexicon, word: &str) -> bool {
    word.chars().count() == 3
        && word.chars().next().is_some_and(|c| is_surname_char(lex, c))
        && lex.flags(word_hash(word)) & (STOP | COMMON) == 0
}

/// A name before a title written apart: a full name before any title (`박정수 사장`,
/// `최영수 씨이고`), a given name of two before an honorific (`민재 오빠`), or a lone
/// surname before a work title (`박 사장님이`). (Not before a copula alone: `한국인입니다`
/// "I am Korean" opens with a surname's syllable too.)
fn before_title(lex: &Lexicon, text: &str, tokens: &[Token], k: usize, spans: &mut Vec<Span>) {
    let t = &tokens[k];
    let Some(next) = tokens.get(k + 1) else {
        return;
    };
    if text[t.end..next.start] != *" " {
        return;
    }
    let word = &text[t.start..t.end];
    let title = &text[next.start..next.end];
    let syllables = word.chars().count();
    let named = if title_of(title, HONORIFICS).is_some() {
        syllables == 3 || (syllables == 2 && t.flags & (STOP | COMMON) == 0)
    } else if title_of(title, WORK_TITLES).is_some() {
        full_name(lex, word)
            || (syllables == 1 && is_surname(lex, word) && !NOT_A_LONE_SURNAME.contains(&word))
    } else {
        false
    };
    if named {
        spans.push(name_span(t.start, t.end, Ctx::Strong(Role::Other)));
    }
}

/// A surname written against its work title (`박사장님이`, `최사장님:`, `장실장`).
fn surname_glued_to_title(lex: &Lexicon, text: &str, t: &Token, spans: &mut Vec<Span>) {
    let word = &text[t.start..t.end];
    let Some(surname) = word.chars().next() else {
        return;
    };
    let rest = &word[surname.len_utf8()..];
    let surname = &word[..surname.len_utf8()];
    if title_of(rest, WORK_TITLES).is_some()
        && is_surname(lex, surname)
        && !NOT_A_SURNAME_AND_TITLE
            .iter()
            .any(|other| word.starts_with(other))
    {
        spans.push(name_span(
            t.start,
            t.start + surname.len(),
            Ctx::Strong(Role::Other),
        ));
    }
}

/// A work title with no particle (`선장`, `사장님`), as it stands before a name: `사장이
/// 나빠요` is "the boss is bad".
fn bare_title(word: &str) -> bool {
    let word = word.strip_suffix('님').unwrap_or(word);
    WORK_TITLES.contains(&word)
}

/// A full name after a kin word or a work title (`제 아들 한지호가`, `엄마 윤미경이고`,
/// `선장 최성훈이`), its particle off; not a word that only has a name's shape (`동생
/// 연락처는`, "my brother's contact").
fn after_kin(lex: &Lexicon, text: &str, tokens: &[Token], k: usize, spans: &mut Vec<Span>) {
    let Some(before) = k.checked_sub(1).map(|b| &tokens[b]) else {
        return;
    };
    let t = &tokens[k];
    let cue = &text[before.start..before.end];
    if text[before.end..t.start] != *" " || !(KIN_BEFORE.contains(&cue) || bare_title(cue)) {
        return;
    }
    let stem = hangul_stem(&text[t.start..t.end]);
    // Three syllables that end in a particle are a word of two and its particle (`나이가`
    // "age"); names seldom end in one.
    let particle_last = stem
        .chars()
        .next_back()
        .is_some_and(|c| PARTICLES.contains(c));
    if full_name(lex, stem) && !particle_last {
        spans.push(name_span(
            t.start,
            t.start + stem.len(),
            Ctx::Strong(Role::Other),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::redaction::names::found;
    use crate::redaction::Role::*;

    #[test]
    fn korean_names_before_titles_and_copulas() {
        assert_eq!(
            found("네 맞아요. 박정수 사장. 차는 흰색이에요."),
            vec![("박정수", Other)]
        );
        assert_eq!(
            found("같이 일한 사람은 민재 오빠, 그리고 대만에서 온 친구"),
            vec![("민재", Other)]
        );
        assert_eq!(found("저희 교회 이성민 목사 드림"), vec![("이성민", Other)]);
        assert_eq!(
            found("목사님과 최은혜 사모님이 데려와서"),
            vec![("최은혜", Other)]
        );
        assert!(found("저는 학생입니다. 회사 사장이 나빠요.").is_empty());
        assert!(found("사업주: 키위 씨푸드 대표").is_empty());
    }

    #[test]
    fn a_surname_with_a_work_title() {
        assert_eq!(
            found("컨트랙터 박사장님이 시급을 18불만 줘요"),
            vec![("박", Other)]
        );
        assert_eq!(found("최사장님: 이번 주 급여는"), vec![("최", Other)]);
        assert_eq!(
            found("호텔 일을 하는데 박 사장님이 시급"),
            vec![("박", Other)]
        );
        // A pronoun or a determiner, a vice-president, a chairman: no names.
        assert!(found("이 사장님이 월급을 안 줘요").is_empty());
        assert!(found("부사장님이 왔어요. 이사장도 왔어요").is_empty());
    }

    #[test]
    fn a_full_name_after_a_kin_word() {
        assert_eq!(
            found("제 아들 한지호가 뉴질랜드에서 일해요"),
            vec![("한지호", Other)]
        );
        assert_eq!(
            found("제 동생 이수진이 네일샵에서"),
            vec![("이수진", Other)]
        );
        // Not a word that is no name (`나이가` "age"): two syllables.
        assert!(found("제 아들 나이가 스물이에요").is_empty());
        // Nor a word of a name's shape that is listed as none (`연락처`, "contact").
        assert!(found("동생 연락처는 021 123 4567").is_empty());
        assert_eq!(
            found("원양어선에서 일하고 있는데, 선장 최성훈이 여권을 보관하고"),
            vec![("최성훈", Other)]
        );
    }
}
