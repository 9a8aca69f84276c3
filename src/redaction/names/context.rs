//! The cues around a candidate name: what comes just before it (an introduction, a
//! sign-off, a role or title, a weaker verb or preposition) and a role just after it.

use super::lexicon::{Lexicon, CUE_INTRO, CUE_PERSON, CUE_ROLE, CUE_WEAK};
use crate::redaction::kind::Role;
use crate::redaction::text::{floor_boundary, fold, Folded, FxSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    None,
    /// A word that may precede a name (`with`, `tell`): a known surname alone is one.
    Weak,
    /// A word that points at a person (`driven by`): any word in no list alone is one.
    Person,
    /// An introduction, sign-off, role or title: what follows is a name.
    Strong(Role),
}

/// The context just before byte `at`.
pub fn context(lex: &Lexicon, text: &str, at: usize) -> Ctx {
    // 64 bytes: a few words of context even in scripts of three bytes a letter.
    let lo = floor_boundary(text, at.saturating_sub(64));
    let folded = Folded::new(&text[lo..at]);
    let pre = folded.as_str().trim_end();
    // A closing "- Name" or "— Name" after the end of a sentence or line.
    for dash in ['-', '—', '–', '~'] {
        if let Some(rest) = pre.strip_suffix(dash) {
            let rest = rest.trim_end_matches([' ', '\t']);
            if rest.is_empty()
                || rest.ends_with(['.', '!', '?', '\n'])
                || (lo == 0 && rest.trim().is_empty())
                || ends_with_phone(rest)
            {
                return Ctx::Strong(Role::Reporter);
            }
        }
    }
    if let Some(role) = answer_to_a_name_question(text, at) {
        return Ctx::Strong(role);
    }
    // `0919 514 4022 (Weng)`: whose number it is, in brackets after it.
    if pre
        .strip_suffix('(')
        .is_some_and(|rest| ends_with_phone(rest.trim_end()))
    {
        return Ctx::Person;
    }
    let pre = pre
        .trim_end_matches([',', ':', '(', '：', '，', '៖', '"', '“', '«'])
        .trim_end();
    // "his name is", "the boss's name:", "Boss name": someone else's name, though the
    // phrase ends like a self-introduction.
    if let Some(owner) = strip_name_link(pre) {
        let owner = owner.strip_suffix("'s").unwrap_or(owner);
        let other = ["his", "her", "their", "the"];
        if lex.roles.ends(owner) || other.iter().any(|o| ends_word(owner, o)) {
            return Ctx::Strong(Role::Other);
        }
        // `His name is Sunny (real name Sandeep Gill)`: the last possessive before the
        // name says whose it is.
        let last = owner
            .rsplit(|c: char| !c.is_alphanumeric())
            .find(|w| matches!(*w, "my" | "our" | "his" | "her" | "their"));
        if last.is_some_and(|w| !matches!(w, "my" | "our")) {
            return Ctx::Strong(Role::Other);
        }
    }
    // The introductions, roles and lesser cues that end `pre`, in one scan.
    let cues = lex.cue_endings(pre);
    if cues & CUE_INTRO != 0 {
        if !pre.is_ascii() && role_in_sentence(lex, pre) {
            return Ctx::Strong(Role::Other);
        }
        return Ctx::Strong(Role::Reporter);
    }
    // "the driver is X", "a man called X", "the manager, X".
    let mut core = pre;
    for link in [" is", " was", " named", " called", " name"] {
        if let Some(h) = core.strip_suffix(link) {
            core = h.trim_end_matches([',', ' ']);
            break;
        }
    }
    let role_ends = if core.len() == pre.len() {
        cues & CUE_ROLE != 0
    } else {
        lex.roles.ends(core)
    };
    if role_ends || pre.ends_with(" named") || pre.ends_with(" called") {
        return Ctx::Strong(Role::Other);
    }
    // Cues glued to the name in scripts without spaces (`我叫王伟`).
    if !pre.is_ascii() {
        if let Some((cue, role)) = lex.glued_ending(pre) {
            // `ថៅកែ​ទូក​ឈ្មោះ Kim` ("the boat's owner, named Kim"): a role in the same
            // sentence before the cue for a name makes the name theirs.
            if role == Role::Reporter && role_in_sentence(lex, &pre[..pre.len() - cue]) {
                return Ctx::Strong(Role::Other);
            }
            return Ctx::Strong(role);
        }
    }
    // A person cue wins over a weak one that ends it (`happened to`, `to`).
    if cues & CUE_PERSON != 0 {
        Ctx::Person
    } else if cues & CUE_WEAK != 0 {
        Ctx::Weak
    } else {
        Ctx::None
    }
}

/// Whether a role written in a script without spaces stands in the sentence that ends
/// with a cue for a name (`ថៅកែ​ទូក​ឈ្មោះ Kim`, "the boat's owner, named Kim"): the name is
/// then the role's, not the writer's.
fn role_in_sentence(lex: &Lexicon, pre: &str) -> bool {
    let sentence = pre
        .rsplit(['.', '។', '!', '?', '\n', '。'])
        .next()
        .unwrap_or(pre);
    lex.roles_not_ascii.is_match(sentence)
}

/// A line that answers a handler's question about a name on the line before (`> Can
/// you tell us your full name?` / `RODEL BALAGTAS MANALASTAS`): the writer's when the
/// question asks for theirs, another's otherwise (`What is the boss's name?`).
fn answer_to_a_name_question(text: &str, at: usize) -> Option<Role> {
    let before = text[..at].trim_end_matches([' ', '\t']);
    let before = before.strip_suffix('\n')?.trim_end_matches('\r');
    let lo = floor_boundary(before, before.len().saturating_sub(200));
    let question = before[lo..].rsplit('\n').next()?.trim_end();
    if !question.ends_with('?') {
        return None;
    }
    let folded = fold(question);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .collect();
    if !words
        .iter()
        .any(|w| matches!(*w, "name" | "names" | "called"))
    {
        return None;
    }
    let yours = words.iter().any(|w| matches!(*w, "your" | "you"));
    Some(if yours { Role::Reporter } else { Role::Other })
}

/// Whether `s` ends with a phone number (six digits or more, spaced or not): the writer
/// signs after it (`call me 021 0866 3175 - Gurleen`).
fn ends_with_phone(s: &str) -> bool {
    let tail = s.len()
        - s.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ')
            .len();
    s.ends_with(|c: char| c.is_ascii_digit())
        && s[s.len() - tail..]
            .bytes()
            .filter(u8::is_ascii_digit)
            .count()
            >= 6
}

/// `pre` without a final "name", "name is" or "name was", when it ends so.
fn strip_name_link(pre: &str) -> Option<&str> {
    ["name is", "name was", "name"]
        .iter()
        .find_map(|l| pre.strip_suffix(l))
        .map(|h| h.trim_end())
        .filter(|h| !h.is_empty())
}

/// Whether `s` ends with the word `w`.
fn ends_word(s: &str, w: &str) -> bool {
    s.strip_suffix(w)
        .is_some_and(|h| h.is_empty() || h.ends_with(|c: char| !c.is_alphanumeric()))
}

/// Whether a word that makes the name the writer's own follows byte `at`:
/// `Ko Hēmi ahau` ("I am Hēmi").
pub fn intro_after(lex: &Lexicon, text: &str, at: usize) -> bool {
    word_after_in(text, at, &lex.intro_after)
}

fn word_after_in(text: &str, at: usize, set: &FxSet<String>) -> bool {
    let rest = text[at..].trim_start_matches([' ', ',']);
    let word = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    !word.is_empty() && word.len() <= 8 && set.contains(&fold(word))
}

/// Whether the text presents a name found without an introduction (`text[start..end]`)
/// as the writer's own, by where it stands: after a label (`FROM: Priya Natarajan`); at
/// the start of a line before `here` (`RAHUL here`); as a sentence of its own opening or
/// closing the text (`Help. Tran Van Dung. ...`, `... the van he owns. Viliami`); as a
/// closing `from Ana` (`nā Mere`); or before the writer's details (`Ravi Chandran, my passport ...`).
pub fn self_presented(lex: &Lexicon, text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\t']);
    let after = &text[end..];
    if let Some(label) = before.strip_suffix(':') {
        let lo = floor_boundary(label, label.len().saturating_sub(24));
        if lex.labels.ends(&fold(&label[lo..])) {
            return true;
        }
    }
    let line_start = before.is_empty() || before.ends_with('\n');
    if line_start && word_after_in(text, end, &lex.signed_after) {
        return true;
    }
    let sentence_start = line_start || before.ends_with(['.', '!', '?']);
    let rest = after.trim_start_matches([' ', '\t']);
    let sentence_end = rest.is_empty() || rest.starts_with(['.', '!', '?', '\n']);
    let opens_text = before.len() <= 16 && !before.contains('\n');
    let closes_text = rest
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!'))
        .is_empty();
    if sentence_start && sentence_end && (opens_text || closes_text) {
        return true;
    }
    let closing = after.len() <= 40 && !after.trim_end().contains(['.', '\n', '?']);
    // `from Ana`, te reo `nā Mere` (only the last few bytes are read: a text may be long).
    if closing {
        let last = fold(&before[floor_boundary(before, before.len().saturating_sub(8))..]);
        if ends_word(&last, "from") || ends_word(&last, "na") {
            return true;
        }
    }
    after.starts_with(", my ")
}

/// Whether a role follows byte `at`: `, my supervisor`, ` (the driver)`.
/// Honorifics that follow a name in South Asian, Pacific and Japanese use.
const HONORIFICS_AFTER: &[&str] = &[
    "sir", "ji", "jee", "bhai", "bhaiya", "saab", "sahab", "sahib", "madam", "didi", "san",
    "sensei", "aunty", "uncle",
];
/// `the Grewal family`: a family's name, after `the` and before one of these in lower case.
const FAMILY: &[&str] = &[" family", " whānau", " whanau"];

/// Whether the name from `start` to `end` is a family's (`the Grewal family`).
pub fn family_name(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end();
    let the = before.len() >= 3
        && before.is_char_boundary(before.len() - 3)
        && before[before.len() - 3..].eq_ignore_ascii_case("the")
        && !before[..before.len() - 3].ends_with(|c: char| c.is_alphanumeric());
    the && FAMILY.iter().any(|f| {
        text[end..]
            .strip_prefix(f)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
    })
}

pub fn role_after(lex: &Lexicon, text: &str, at: usize) -> bool {
    let hi = floor_boundary(text, at + 40);
    let folded = Folded::new(&text[at..hi]);
    let after = folded.as_str();
    // An honorific written after the name (`Rajendra sir`, `Sandeep ji`, `Tanaka-san`).
    let honorific = after
        .strip_prefix([' ', '-'])
        .and_then(|rest| HONORIFICS_AFTER.iter().find_map(|h| rest.strip_prefix(h)))
        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()));
    if honorific {
        return true;
    }
    let Some(rest) = after
        .strip_prefix(", ")
        .or_else(|| after.strip_prefix(" ("))
        .or_else(|| after.strip_prefix(" - "))
    else {
        return false;
    };
    let rest = ["the ", "my ", "our ", "his ", "her ", "their ", "a ", "an "]
        .iter()
        .find_map(|d| rest.strip_prefix(d))
        .unwrap_or(rest);
    let words: Vec<&str> = rest
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .take(2)
        .collect();
    words.first().is_some_and(|w| lex.roles.contains(w))
        || (words.len() == 2 && lex.roles.contains(&words.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::{ends_word, strip_name_link};
    use crate::redaction::names::found;
    use crate::redaction::Role::*;

    #[test]
    fn name_links() {
        assert_eq!(strip_name_link("his name is"), Some("his"));
        assert_eq!(strip_name_link("boss name"), Some("boss"));
        assert_eq!(strip_name_link("name"), None);
        assert!(ends_word("the boss", "boss"));
        assert!(!ends_word("subboss", "boss"));
    }

    #[test]
    fn whose_name_the_cues_say() {
        assert_eq!(
            found("His name is Farid Haidari."),
            vec![("Farid Haidari", Other)]
        );
        assert_eq!(
            found("My name is Farid Haidari."),
            vec![("Farid Haidari", Reporter)]
        );
        assert_eq!(
            found("Ko Mere Tipene ahau."),
            vec![("Mere Tipene", Reporter)]
        );
        assert_eq!(
            found("Ko Mere Tipene te rangatira."),
            vec![("Mere Tipene", Other)]
        );
    }

    #[test]
    fn a_name_signed_after_the_writers_number() {
        assert_eq!(
            found("you can call me 021 0866 3175 - Gurleen\n\npasted:"),
            vec![("Gurleen", Reporter)]
        );
        assert!(found("we are paid 15 - Countdown pays 23").is_empty());
    }

    #[test]
    fn a_glued_name_cue_after_a_role_names_someone_else() {
        assert_eq!(
            found("ខ្ញុំឈ្មោះ សុខ វណ្ណា។ ថៅកែ\u{200b}ទូក\u{200b}ឈ្មោះ Kim Sung-min លេខ"),
            vec![("សុខ វណ្ណា", Reporter), ("Kim Sung-min", Other)]
        );
    }

    #[test]
    fn whose_real_name_the_possessive_before_says() {
        assert_eq!(
            found("His name is Sunny (real name Sandeep Gill)."),
            vec![("Sunny", Other), ("Sandeep Gill", Other)]
        );
        assert_eq!(
            found("Hi. My full name is Sione Tui."),
            vec![("Sione Tui", Reporter)]
        );
    }

    #[test]
    fn a_name_answering_a_question_about_a_name() {
        assert_eq!(
            found("> Can you tell us your full name as on your passport?\nRODEL BALAGTAS MANALASTAS\n> date of birth?"),
            vec![("RODEL BALAGTAS MANALASTAS", Reporter)]
        );
        assert_eq!(
            found("What is the boss's name?\nHemi Walker"),
            vec![("Hemi Walker", Other)]
        );
        assert!(found("Where do you stay now?\nPapatoetoe").is_empty());
    }

    #[test]
    fn a_name_in_brackets_after_a_number_is_whose_it_is() {
        assert_eq!(
            found("my cousin's number: 0919 514 4022 (Weng)."),
            vec![("Weng", Other)]
        );
        assert!(found("call 0919 514 4022 (Mobile) or 09 555 0123 (Home)").is_empty());
    }

    #[test]
    fn whose_name_its_place_says() {
        assert_eq!(
            found("FROM: Priya Natarajan\nhelp"),
            vec![("Priya Natarajan", Reporter)]
        );
        assert_eq!(
            found("RAHUL here, my boss is bad"),
            vec![("RAHUL", Reporter)]
        );
        assert_eq!(
            found("We sleep in the van. Viliami"),
            vec![("Viliami", Reporter)]
        );
        assert_eq!(
            found("It is bad here. thanks from Ana"),
            vec![("Ana", Reporter)]
        );
        assert_eq!(
            found("Ravi Chandran, my passport is gone"),
            vec![("Ravi Chandran", Reporter)]
        );
        assert_eq!(
            found("We told Ravi Chandran about it."),
            vec![("Ravi Chandran", Other)]
        );
    }
}
