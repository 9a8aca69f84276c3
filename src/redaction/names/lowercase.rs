//! Names written in lower case (`my name is liisa`, `the boss faleafa aumua`): taken
//! only right after a strong cue, and only words that are no English word, function
//! word or role (a word also in a name list stays a name); after a cue that points at a
//! person, only a listed given name (`call simon on ...`).

use super::context::{context, Ctx};
use super::detector::{name_span, person_verb_after};
use super::lexicon::*;
use super::script::Script;
use super::tokens::Token;
use crate::redaction::kind::Role;
use crate::redaction::span::Span;
use crate::redaction::text::word_hash;

/// At most this many words of a lower-case name (particles aside).
const MAX_WORDS: usize = 4;

/// Latin letters only: in Cyrillic or Greek a writer who leaves a name in lower case is
/// rare, and the word after `я` is a verb (`я работаю`).
fn latin(word: &str) -> bool {
    word.chars().next().is_some_and(|c| u32::from(c) < 0x0250)
}

fn namelike(lex: &Lexicon, text: &str, t: &Token) -> bool {
    let word = &text[t.start..t.end];
    if t.capitalised || t.script != Script::Cased || word.chars().count() < 2 || !latin(word) {
        return false;
    }
    let hash = word_hash(word);
    let f = lex.flags(hash);
    let known = f & (GIVEN | SURNAME) != 0;
    f & (STOP | COMMON | ROLE | BUSINESS | PARTICLE) == 0 && (known || lex.dictionary(hash) == 0)
}

/// A given name in lower case that is no other word (`simon`, not `will`).
/// After the writer introduces themselves (`my name is rangi`, `this is sina`), a listed
/// name is taken even when it is also a common word or a personal article, though not
/// when it is an English word (`this is long`).
fn introduced(lex: &Lexicon, text: &str, t: &Token) -> bool {
    let word = &text[t.start..t.end];
    if t.capitalised || t.script != Script::Cased || word.chars().count() < 3 || !latin(word) {
        return false;
    }
    let hash = word_hash(word);
    let f = lex.flags(hash);
    f & (GIVEN | SURNAME) != 0 && f & (STOP | BUSINESS) == 0 && lex.dictionary(hash) == 0
}

/// A word with the ending of a Spanish or Portuguese noun for what someone is (`soy
/// mochilero`, `sou voluntária`, `soy trabajadora`): where the writer capitalises
/// names, such a word after `soy` is what they do, not who they are.
fn romance_noun(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ero", "era", "eiro", "eira", "ario", "aria", "ária", "ista", "dor", "dora", "ante",
        "ente", "ado", "ada",
    ];
    let lower = word.to_lowercase();
    ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// Words for "name" that a name follows (`his name is sunny`, `contractor ka naam sunny
/// hai`).
const NAME_WORDS: &[&str] = &["name is", "name was", "name", "naam", "nam", "naav", "naa"];

/// Function words that carry an English clause on (`will be`, `is`): no name sits before
/// them.
const ENGLISH_WORDS: &[&str] = &[
    "be", "is", "was", "are", "were", "been", "have", "has", "had", "do", "does", "did", "not",
    "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "the", "a", "an", "it",
];

/// A listed given name right after a word for "name": the name, though it is also an
/// English word (`sunny`, `rose`).
fn named_by_a_name_word(lex: &Lexicon, text: &str, t: &Token) -> bool {
    let before = text[..t.start].trim_end_matches([' ', ':']);
    let after_name = NAME_WORDS.iter().any(|w| {
        before.len() >= w.len()
            && before.is_char_boundary(before.len() - w.len())
            && before[before.len() - w.len()..].eq_ignore_ascii_case(w)
            && !before[..before.len() - w.len()].ends_with(char::is_alphanumeric)
    });
    let hash = word_hash(&text[t.start..t.end]);
    let f = lex.flags(hash);
    // An English word is the name only where no English clause goes on after it (`the
    // name will be changed`): at a mark or before a word of another language (`hai`).
    let rest = text[t.end..].trim_start_matches(' ');
    let next = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let english = |w: &str| ENGLISH_WORDS.contains(&w) || lex.dictionary(word_hash(w)) != 0;
    let clause_ends = next.is_empty() || !english(next);
    after_name
        && (lex.dictionary(hash) == 0 || clause_ends)
        && !t.capitalised
        && t.script == Script::Cased
        && t.end - t.start >= 3
        && f & GIVEN != 0
        && f & (STOP | BUSINESS | ROLE) == 0
}

/// A listed given name in lower case that is also a word, right after a role and before
/// `he`, `she` or a verb only a person does (`the supervisor rose she take half my
/// hours`, `the boss tama took there licences`): the word acts, so it is the person.
fn given_word_acting(lex: &Lexicon, text: &str, t: &Token) -> bool {
    if t.capitalised || t.script != Script::Cased || t.end - t.start < 3 {
        return false;
    }
    let f = lex.flags(word_hash(&text[t.start..t.end]));
    let rest = &text[t.end..];
    let pronoun = [" she ", " he ", " they "].iter().any(|p| {
        rest.len() >= p.len()
            && rest.is_char_boundary(p.len())
            && rest[..p.len()].eq_ignore_ascii_case(p)
    });
    f & GIVEN != 0
        && f & (STOP | ROLE | BUSINESS | PARTICLE) == 0
        && (pronoun || person_verb_after(rest))
}

fn given(lex: &Lexicon, text: &str, t: &Token) -> bool {
    if t.capitalised || t.script != Script::Cased || t.end - t.start < 3 {
        return false;
    }
    let f = lex.flags(word_hash(&text[t.start..t.end]));
    f & GIVEN != 0 && f & (STOP | COMMON | ROLE | BUSINESS | PARTICLE) == 0
}

/// Cues after which only a capitalised word is a name: `I` in Khmer, Bengali and Tetum
/// typed in Latin letters (`knhom chong tov`, "I want to go"; `ami ekta ghor e thaki`),
/// and Thai "name" (`chue chan`, "my name"), whose next word is as often a verb.
const CAPITALISED_ONLY_CUES: &[&str] =
    &["knhom", "khnhom", "kh'nhom", "ami", "aami", "chue", "len"];

pub fn find(lex: &Lexicon, text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    let found = spans.len();
    // Where the writer capitalises, a lower-case word after a role (`Хозяин агентства`,
    // `ko ʻeku fika`) is seldom a name they forgot to capitalise: only a listed one is.
    let capitalising = tokens.iter().any(|t| t.capitalised);
    let mut i = 1;
    while i < tokens.len() {
        let first = &tokens[i];
        let cue = &tokens[i - 1];
        // Most words follow no cue: the list of cues below is read only after one.
        if first.capitalised || cue.flags & (CUE_TAIL | PERSON_TAIL) == 0 {
            i += 1;
            continue;
        }
        let cue_word = &text[cue.start..cue.end];
        let after = if CAPITALISED_ONLY_CUES
            .iter()
            .any(|c| c.eq_ignore_ascii_case(cue_word))
        {
            0
        } else {
            cue.flags
        };
        // After a person cue only a listed given name (`call simon on`); after a strong
        // cue any word that is no English word.
        let person = after & PERSON_TAIL != 0 && given(lex, text, first);
        let acting = given_word_acting(lex, text, first);
        let named = after & CUE_TAIL != 0 && named_by_a_name_word(lex, text, first);
        let cued = named
            || after & CUE_TAIL != 0
                && (namelike(lex, text, first) || introduced(lex, text, first));
        if after & (CUE_TAIL | PERSON_TAIL) == 0 || !(person || cued || acting) || {
            // Names found so far are in text order: look at the one before.
            let before = spans[..found].partition_point(|s| s.start <= first.start);
            before > 0 && spans[before - 1].end > first.start
        } {
            i += 1;
            continue;
        }
        let ctx = context(lex, text, first.start);
        let listed = lex.flags(word_hash(&text[first.start..first.end])) & (GIVEN | SURNAME) != 0;
        let strong = match ctx {
            _ if named => true,
            Ctx::Strong(Role::Other) if capitalising => listed && namelike(lex, text, first),
            Ctx::Strong(Role::Reporter) if capitalising && !listed => {
                namelike(lex, text, first) && !romance_noun(&text[first.start..first.end])
            }
            Ctx::Strong(Role::Reporter) => {
                namelike(lex, text, first) || introduced(lex, text, first)
            }
            Ctx::Strong(_) => namelike(lex, text, first),
            _ => false,
        };
        let acted = acting && matches!(ctx, Ctx::Strong(_) | Ctx::Person);
        if !(strong || ctx == Ctx::Person && person || acted) {
            i += 1;
            continue;
        }
        if !strong {
            // One listed given name, and a listed surname after it.
            let mut end = first.end;
            if let Some(next) = tokens.get(i + 1).filter(|n| {
                text[first.end..n.start] == *" "
                    && !n.capitalised
                    && n.script == Script::Cased
                    && lex.flags(word_hash(&text[n.start..n.end])) & SURNAME != 0
                    && namelike(lex, text, n)
            }) {
                end = next.end;
            }
            spans.push(name_span(first.start, end, ctx));
            i += 1;
            continue;
        }
        let (mut j, mut words) = (i + 1, 1);
        while j < tokens.len()
            && words < MAX_WORDS
            && text[tokens[j - 1].end..tokens[j].start] == *" "
        {
            let t = &tokens[j];
            let after_particle = tokens[j - 1].particle || tokens[j - 1].flags & PARTICLE != 0;
            // A third word in lower case only when listed: past a given name and a family
            // name, an unlisted word is the sentence's verb (`prasetyo sihotang menahan`).
            let listed = lex.flags(word_hash(&text[t.start..t.end])) & (GIVEN | SURNAME) != 0;
            if namelike(lex, text, t) && (words < 2 || listed)
                || (t.capitalised && t.flags & (STOP | ROLE | BUSINESS) == 0)
                || (after_particle && introduced(lex, text, t))
            {
                words += 1;
                j += 1;
            } else if (t.particle || t.flags & PARTICLE != 0)
                && tokens.get(j + 1).is_some_and(|n| {
                    // After a one-letter particle only a listed word: a lone `e` is as
                    // often a verb's marker (Samoan `sefo e galue`, "Sefo works").
                    let listed = lex.flags(word_hash(&text[n.start..n.end])) & (GIVEN | SURNAME);
                    (t.end - t.start > 1 || listed != 0)
                        && (namelike(lex, text, n) || introduced(lex, text, n))
                })
                && text[t.end..tokens[j + 1].start] == *" "
            {
                // `samuel da costa`: a particle between two words of the name.
                j += 2;
                words += 1;
            } else {
                break;
            }
        }
        spans.push(name_span(first.start, tokens[j - 1].end, ctx));
        i = j;
    }
}

/// What a person has that a tip gives the details of: a lower-case word no English word
/// before `'s` and one of these is that person's name (`abena's number`, `jared's ute`).
const OWNED: &[&str] = &[
    "number", "phone", "mobile", "cell", "email", "e-mail", "whatsapp", "ute", "car", "van",
    "truck", "office", "address", "house", "wife", "husband", "partner", "passport",
];

/// Names in lower case before a possessive and what the person has (`rhonda's office
/// is on Grey Street`): the possessive and the thing are the cue a name before a verb
/// lacks.
pub fn possessors(lex: &Lexicon, text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    for (k, t) in tokens.iter().enumerate() {
        let rest = &text[t.end..];
        let Some(after) = rest
            .strip_prefix("'s ")
            .or_else(|| rest.strip_prefix("’s "))
        else {
            continue;
        };
        let owned = after
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .next()
            .unwrap_or("");
        // A lower-case word right after a capitalised name is a kin word or honorific
        // (Tamil `Kumar anna's wife`, "elder brother").
        let after_a_name = k > 0 && {
            let p = &tokens[k - 1];
            p.capitalised && text[p.end..t.start] == *" "
        };
        if after_a_name
            || !OWNED.iter().any(|o| o.eq_ignore_ascii_case(owned))
            || !namelike(lex, text, t)
            || t.end - t.start < 3
            || spans.iter().any(|s| s.start < t.end && t.start < s.end)
        {
            continue;
        }
        spans.push(name_span(t.start, t.end, context(lex, text, t.start)));
    }
}

#[cfg(test)]
mod tests {
    use crate::redaction::names::found;
    use crate::redaction::Role::*;

    #[test]
    fn after_a_cue_words_that_are_no_english_words() {
        assert_eq!(found("hello my name is liisa"), vec![("liisa", Reporter)]);
        assert_eq!(
            found("the boss faleafa aumua keeps them"),
            vec![("faleafa aumua", Other)]
        );
        // A known name stays a name even when lower-cased; a particle sits inside.
        assert_eq!(
            found("i am maria da costa."),
            vec![("maria da costa", Reporter)]
        );
        // A one-letter particle joins only a listed word: Samoan `e` marks the verb.
        assert_eq!(
            found("talofa o au o sefo e galue i le fale"),
            vec![("sefo", Reporter)]
        );
    }

    #[test]
    fn after_a_word_for_name_a_given_name_that_is_also_a_word() {
        assert_eq!(
            found("contractor ka naam sunny hai"),
            vec![("sunny", Other)]
        );
        assert!(found("the name will be changed").is_empty());
    }

    #[test]
    fn after_a_person_cue_only_a_listed_given_name() {
        assert_eq!(found("please call simon on monday"), vec![("simon", Other)]);
        assert!(found("we went by bus to town").is_empty());
        assert!(found("please call liisa on monday").is_empty());
    }

    #[test]
    fn after_a_role_a_given_name_that_is_also_a_word_when_it_acts() {
        assert_eq!(
            found("the supervisor rose she take half my hours"),
            vec![("rose", Other)]
        );
        assert_eq!(
            found("the boss tama took there licences"),
            vec![("tama", Other)]
        );
        assert!(found("the supervisor rose early and left").is_empty());
    }

    #[test]
    fn where_the_writer_capitalises_only_listed_words_after_a_role() {
        assert!(found("Хозяин агентства Зураб не платит.").is_empty());
        assert_eq!(found("The boss moepogi keeps them."), vec![]);
        assert_eq!(found("Then my name is liisa."), vec![("liisa", Reporter)]);
        // What a Spanish writer is, not who: `soy mochilero`, `soy voluntaria`.
        assert!(found("Hola, soy mochilero de Chile.").is_empty());
        assert!(found("Buenas tardes. Soy voluntaria en Auckland.").is_empty());
    }

    #[test]
    fn after_i_in_another_language_only_a_capitalised_name() {
        assert!(found("knhom chong tov phteah vinh tae ot mean passport").is_empty());
        assert!(found("hau hatene, ami na'in sanulu hela iha uma ida").is_empty());
        assert!(!found("Ploy mai mee ngoen. chan mai yak bok chue chan")
            .iter()
            .any(|(n, _)| *n == "chan"));
        assert!(found("sua sdei. knhom Srey Leak, prapuon Bunthoeun")
            .contains(&("Srey Leak", Reporter)));
    }

    #[test]
    fn before_a_possessive_and_what_a_person_has() {
        assert_eq!(
            found("she agrees to talk. abena's number is 021 802 3911"),
            vec![("abena", Other)]
        );
        assert!(found("the company's number is on the van").is_empty());
        assert!(found("the boss's car is white").is_empty());
        assert!(!found("the owner is Kumar anna's wife")
            .iter()
            .any(|(name, _)| *name == "anna"));
    }

    #[test]
    fn english_words_and_uncued_words_are_left() {
        assert!(found("i am tired and my boss is angry").is_empty());
        assert!(found("we saw liisa yesterday").is_empty());
    }
}
