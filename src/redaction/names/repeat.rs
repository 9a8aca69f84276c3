//! The repeat rule: a name found once is found again wherever it recurs in the same
//! text, whole or by one of its words (`Andrew Potter ... Andrew`), so that a first
//! name alone after the full name is caught too, with the particles before it (`dela
//! Cruz`). Particles (`Te`, `van`), initials and
//! listed words are never repeated alone: `Te` from `Hēmi Te Rangi` must not take the
//! `Te` of `Te Puke`.

use super::lexicon::*;
use super::rule;
use super::script::Script;
use super::tokens::Token;
use crate::redaction::kind::{Kind, Role};
use crate::redaction::span::Span;
use crate::redaction::text::{word_hash, FxMap};

/// A name seen capitalised, written again in lower case (`Biju Mathew ... biju phone
/// ...`), when the word is no English or common word (`Mark ... mark`, `Rob ... rob`).
fn lower_case_repeat(lex: &Lexicon, text: &str, t: &Token, initials: u32) -> bool {
    let word = &text[t.start..t.end];
    let first = word.as_bytes()[0];
    if t.capitalised
        || t.script != Script::Cased
        || word.len() < 3
        || !first.is_ascii_lowercase()
        || initials & (1 << (first - b'a')) == 0
    {
        return false;
    }
    let hash = word_hash(word);
    (lex.flags(hash) | lex.dictionary(hash)) & (STOP | COMMON | DICT | ROLE | BUSINESS | PARTICLE)
        == 0
}

/// Everyday words of other languages, in lower case, that are also names capitalised:
/// Vietnamese kin words and `thì`, Tagalog `daw`, `lang`, `din`, Samoan and Nepali `ma`
/// ("and", "in"), Fijian `dua` ("one"), Hindi `ji`. A name `Anh` or `Ma` found in the
/// text is not found again in them.
const LOWER_CASE_WORDS_ELSEWHERE: &[&str] = &[
    "anh", "chị", "chi", "em", "cháu", "chau", "ông", "ong", "bà", "cô", "chú", "thì", "thi",
    "tiền", "daw", "lang", "din", "rin", "naman", "ma", "dua", "ji", "ha",
];

/// Particles that are also the word `of` in Spanish, Portuguese, Italian and French,
/// as written in lower case.
const PREPOSITIONS: &[&str] = &["de", "da", "do", "di", "du", "del", "dos", "das"];

fn span(start: usize, end: usize, role: Role) -> Span {
    Span {
        start,
        end,
        kind: Kind::Name,
        rule: rule::REPEAT.into(),
        role,
    }
}

pub fn find(lex: &Lexicon, text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    if spans.is_empty() {
        return;
    }
    // One sweep over tokens and sorted spans: which tokens lie inside a name, which
    // touch one. (Linear, so a long text of capitalised words stays fast.)
    spans.sort_by_key(|s| s.start);
    // `inside`: the role of the name a token lies in; `cued`: that name was found after
    // a cue (`nickname Bee`, `her son Junior`).
    let mut inside = vec![None; tokens.len()];
    let mut cued = vec![false; tokens.len()];
    let mut touched = vec![false; tokens.len()];
    let (mut k, mut reach_start, mut reach_end, mut reach_role) = (0, 0, 0, Role::Other);
    let mut reach_cued = false;
    for (i, t) in tokens.iter().enumerate() {
        while k < spans.len() && spans[k].start < t.end {
            if spans[k].end > reach_end {
                reach_start = spans[k].start;
                reach_end = spans[k].end;
                reach_role = spans[k].role;
                reach_cued = spans[k].rule == rule::CONTEXT || spans[k].rule == rule::ALIAS;
            }
            k += 1;
        }
        touched[i] = reach_end > t.start;
        inside[i] = (reach_start <= t.start && t.end <= reach_end).then_some(reach_role);
        cued[i] = inside[i].is_some() && reach_cued;
    }
    // A word may be repeated alone when it is a name in its own right.
    // (A given name that is also a word, `Rangi`, `Grace`, is one; `Little` of `Marie
    // Little` is not.)
    let repeatable = |t: &Token| {
        t.flags & (STOP | BUSINESS | ROLE | PARTICLE) == 0
            && (t.flags & (COMMON | DICT) == 0 || t.flags & GIVEN != 0)
            && !t.is_initial()
            && !t.particle
            && t.end - t.start >= 2
    };
    // Words in capitals or another script are compared by hash; lower-case words (not
    // hashed when tokenised) by their own hash, only when a lower-case name was found.
    let hash = |t: &Token| {
        if t.hash == 0 {
            word_hash(&text[t.start..t.end])
        } else {
            t.hash
        }
    };
    // An English word given as a name after a cue (`Bee`, `Junior`), or a word that is
    // also a role elsewhere (Samoan `pule` "boss" as `my cousin Pule`), is repeated where
    // it is capitalised: a mention left readable names the person as well as the first.
    // So is a listed given name that is a function word in another language (Samoan
    // `Lagi`, Indonesian "again"), once a cue has shown it is the name here; not one in
    // English (`My`, a Vietnamese name), whose capitals open sentences.
    let foreign_word_name = |t: &Token| t.flags & GIVEN != 0 && lex.dictionary(hash(t)) == 0;
    let word_name = |t: &Token| {
        t.capitalised
            && t.flags & (BUSINESS | PARTICLE) == 0
            && (t.flags & STOP == 0 || foreign_word_name(t))
            && t.flags & (COMMON | DICT | ROLE | STOP) != 0
            && !t.is_initial()
            && !t.particle
    };
    // Each word's role: the writer's, if any name holding it is the writer's.
    let mut seen: FxMap<u64, Role> = FxMap::default();
    // The first letters (a to z) of the Latin names seen: a cheap test before a
    // lower-case word is hashed and looked up.
    let mut initials: u32 = 0;
    let mut words_seen: FxMap<u64, Role> = FxMap::default();
    let mut lower = false;
    // Vietnamese tells words apart by their marks alone (`Thị` of a name, `thì` "then",
    // `Tiến` and `tiền` "money"): there a repeat must be written as the name was.
    let marks_count = super::vietnamese_kin::vietnamese(text);
    let mut forms: Vec<String> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let Some(role) = inside[i] else {
            continue;
        };
        if cued[i] && word_name(t) {
            let entry = words_seen.entry(hash(t)).or_insert(role);
            if role == Role::Reporter {
                *entry = role;
            }
        }
        // A name in capitals (`MY FRIEND RAMIL`) is repeated in capitals too.
        if repeatable(t) && (t.capitalised || t.shouted || t.script != Script::Cased || t.hash == 0)
        {
            lower |= !t.capitalised && !t.shouted && t.script == Script::Cased;
            if let Some(first) = text.as_bytes()[t.start..]
                .first()
                .filter(|b| b.is_ascii_alphabetic())
            {
                initials |= 1 << (first.to_ascii_lowercase() - b'a');
            }
            let entry = seen.entry(hash(t)).or_insert(role);
            if role == Role::Reporter {
                *entry = role;
            }
            if marks_count {
                forms.push(text[t.start..t.end].to_lowercase());
            }
        }
    }
    let written_as_seen =
        |t: &Token| !marks_count || forms.contains(&text[t.start..t.end].to_lowercase());
    // A name found on its own (`Ronaldo`, a listed given name) that repeats words of
    // the writer's own name is the writer's too.
    for s in spans.iter_mut().filter(|s| s.role == Role::Other) {
        let from = tokens.partition_point(|t| t.start < s.start);
        let words = tokens[from..]
            .iter()
            .take_while(|t| t.end <= s.end)
            .filter(|t| repeatable(t));
        let mut any = false;
        if words
            .inspect(|_| any = true)
            .all(|t| seen.get(&hash(t)) == Some(&Role::Reporter))
            && any
        {
            s.role = Role::Reporter;
        }
    }
    let found = spans.len();
    for (i, t) in tokens.iter().enumerate() {
        // A lower-case word that is also an English word (`will` of a name `lani will`)
        // is that word far more often than the name. (The list is read last: few words
        // get that far.)
        let elsewhere =
            || !t.capitalised && LOWER_CASE_WORDS_ELSEWHERE.contains(&&text[t.start..t.end]);
        let candidate = t.capitalised
            || t.shouted
            || t.script != Script::Cased
            || ((lower && t.flags & (COMMON | DICT) == 0)
                || lower_case_repeat(lex, text, t, initials))
                && !elsewhere();
        let role = if candidate && !touched[i] && repeatable(t) {
            seen.get(&hash(t)).copied().filter(|_| written_as_seen(t))
        } else if !touched[i] && word_name(t) {
            words_seen.get(&hash(t)).copied()
        } else {
            None
        };
        if let Some(role) = role {
            // The particles before a surname go with it (`dela Cruz`, `Te Rangi`), but not
            // one that is also the Romance `of` (`la novia de Santi`).
            let mut start = i;
            while start > 0
                && !touched[start - 1]
                && (tokens[start - 1].particle || tokens[start - 1].flags & PARTICLE != 0)
                && !PREPOSITIONS.contains(&&text[tokens[start - 1].start..tokens[start - 1].end])
                && text[tokens[start - 1].end..tokens[start].start] == *" "
            {
                start -= 1;
            }
            spans.push(span(tokens[start].start, t.end, role));
        }
    }
    // Names inside words of scripts without spaces (`中介李桂兰的电话`): found again as
    // text.
    // Each distinct name once: a long text of the same name stays linear.
    let mut glued: FxMap<&str, Role> = FxMap::default();
    for s in &spans[..found] {
        let value = &text[s.start..s.end];
        if value
            .chars()
            .next()
            .is_some_and(|c| Script::of(c).unspaced())
        {
            let role = glued.entry(value).or_insert(s.role);
            if s.role == Role::Reporter {
                *role = Role::Reporter;
            }
            // A Chinese name of three characters is a surname and a given name, and
            // family and friends call the person by the given name (`张婷婷 ... 婷婷`).
            let mut chars = value.char_indices();
            if value.chars().count() == 3 && value.chars().all(is_han) {
                if let Some((given, _)) = chars.nth(1) {
                    let role = glued.entry(&value[given..]).or_insert(s.role);
                    if s.role == Role::Reporter {
                        *role = Role::Reporter;
                    }
                }
            }
        }
    }
    if glued.is_empty() {
        return;
    }
    // The names found so far, merged (they are sorted by start): a place is free when
    // none covers it.
    let mut covered: Vec<(usize, usize)> = Vec::new();
    for s in &spans[..found] {
        match covered.last_mut() {
            Some(last) if s.start <= last.1 => last.1 = last.1.max(s.end),
            _ => covered.push((s.start, s.end)),
        }
    }
    let free = |a: usize, b: usize| {
        let k = covered.partition_point(|c| c.1 <= a);
        k == covered.len() || covered[k].0 >= b
    };
    for (name, role) in glued {
        for (at, _) in text.match_indices(name) {
            if free(at, at + name.len()) {
                spans.push(span(at, at + name.len(), role));
            }
        }
    }
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

#[cfg(test)]
mod tests {
    use crate::redaction::names::found;
    use crate::redaction::Role::*;

    #[test]
    fn a_repeat_keeps_the_role_and_takes_the_particles_before_it() {
        assert_eq!(
            found("My name is Ronaldo dela Cruz. Ask for dela Cruz or Ronaldo."),
            vec![
                ("Ronaldo dela Cruz", Reporter),
                ("dela Cruz", Reporter),
                ("Ronaldo", Reporter)
            ]
        );
    }

    #[test]
    fn a_word_given_as_a_name_is_repeated_where_capitalised() {
        assert_eq!(
            found("Her son Junior works nights. They took Junior's passport. Junior cries."),
            vec![("Junior", Other), ("Junior", Other), ("Junior", Other)]
        );
        let lagi = found("His niece, we call her Lagi. Lagi cooks. They took Lagi's passport.");
        assert_eq!(lagi.iter().filter(|(name, _)| *name == "Lagi").count(), 3);
        let shouted = found("ONE IS JOMAR. JOMAR'S FB IS DOWN");
        assert_eq!(
            shouted.iter().filter(|(name, _)| *name == "JOMAR").count(),
            2
        );
        // A name found in capitals is found again in capitals, inside another sentence.
        let shouted = found("MY FRIEND RAMIL WORKS HERE. WHEN RAMIL HURT HIS KNEE HE CRIED.");
        assert_eq!(
            shouted.iter().filter(|(name, _)| *name == "RAMIL").count(),
            2
        );
    }

    #[test]
    fn everyday_words_of_other_languages_are_no_repeat_in_lower_case() {
        let names = found("Chủ là Nguyễn Tuấn Anh. Giờ anh ấy giữ hộ chiếu của em");
        assert!(names.iter().all(|(n, _)| *n != "anh"), "{names:?}");
        let names = found("Boss si Lito Lang. Sabi niya bayad lang daw kami");
        assert!(names.iter().all(|(n, _)| *n != "lang"), "{names:?}");
    }

    #[test]
    fn a_chinese_given_name_is_repeated_alone() {
        assert_eq!(
            found("我是张婷婷的妈妈。婷婷去年九月去新西兰读书"),
            vec![("张婷婷", Other), ("婷婷", Other)]
        );
    }

    #[test]
    fn particles_are_never_repeated_alone() {
        assert_eq!(
            found("Hēmi Te Rangi drives. We live in Te Puke."),
            vec![("Hēmi Te Rangi", Other)]
        );
    }

    #[test]
    fn a_vietnamese_repeat_keeps_its_marks() {
        let names = found("Chủ nhà là bà Nguyễn Thị Hoa. Ai nói thì bị đuổi. Hoa giữ hộ chiếu.");
        assert!(names.iter().any(|(n, _)| *n == "Hoa"));
        assert!(!names.iter().any(|(n, _)| *n == "thì"));
    }
}
