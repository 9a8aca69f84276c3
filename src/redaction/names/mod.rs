//! The name detector: people's names found by gazetteers, context and the shape of text.
//!
//! A text is split into word tokens (`tokens`; letters with their marks, one script a
//! token, the ʻokina inside a word). Capitalised tokens separated only by spaces (with
//! particles such as `van`, `de`, `dela`, `bin`, `Te` allowed between them, and initials,
//! with or without a full stop, inside them) form *runs*. Each token is then classed:
//!
//! - **blocked**: a function word, place, nationality or other non-name from the
//!   `not_names` lists (and not in a name list), or part of a multi-word place (`Hawke's
//!   Bay`). Blocked tokens split a run.
//! - **soft**: a common word (`common_words`), an English word (`dictionary`) or a place
//!   of one word (`places`) in no name list. It is part of a name only next to a known
//!   name (`Little` in `Marie Little`), after a particle (`van der Berg`), or after a
//!   strong context; otherwise blocked, so that `Border Force`, `Aroha mai` and `in
//!   Pāengaroa and Maketū` are no names. A place is also part of a name next to an
//!   unknown word (`Taoing Bauro`): many places are family names too.
//! - **ambiguous**: a word that is also a name (`Will`, `Grace`, `May`). It can be part of
//!   a name next to a known one, or open a name after a strong context.
//! - **known**: in the given-name or surname lists (compared without case or diacritics).
//! - **particle**: `van`, `de`, `bin`, or a capitalised `Te`, `De`: inside a name only.
//! - **unknown**: any other capitalised word. Words in capitals (`STOKES`) count only
//!   after a strong context.
//!
//! A run holding a business word (`Ltd`, `Orchards`, `Hospitality`) is a business name and
//! is left alone; so is a run followed by a street or place word (`Andrew Street`) or
//! preceded by one (`Mount Albert`, `Ngāti Porou`). What is left is a name when:
//!
//! 1. a *strong context* comes just before it (`context`): a self-introduction or
//!    sign-off (`my name is`, `I am`, `Regards,`, a closing `- `, and the same in te reo
//!    Māori, Samoan, Tongan, Tagalog, Hindi, Korean ...: `Ko ... ahau`, `o lo'u igoa o`,
//!    `ang pangalan ko ay`) or a role or title (`the manager`, `my boss`, `driver is`,
//!    `Mr`, `called`, `ki a`): up to 4 words, known or not;
//! 2. or it has two or more words and at least one is known (`Warhi Sengupta`), or all
//!    are in no list at all (`Ekavir Bose`), or it runs from a given name to a surname
//!    (`Alexandra Nelson`), or a particle stands between two of them;
//! 3. or it is one known given name, one known surname after a *weak context* (`tell`,
//!    `with` ...), or one word in no list after a cue that points at a person (`driven
//!    by`, `happened to`).
//!
//! More passes: `opening` (a message whose first words say who writes it: `its tevita
//! again`), `name_field` (the value of a form's name field as one name: `NAME: TE MOANA,
//! RAWIRI`), `kunya` (an Arabic name by a child's name: `أبو خالد`), `roster` (the names of
//! a pasted list of people), `glued_kin` (a kin word or title written against a name in a
//! script without spaces: Thai `พี่ต้อม`, Japanese `スミスさん`), `vietnamese_kin` (a
//! Vietnamese kin word before a capitalised name, `chị Mai`, read only with its marks), `greeting`
//! (the name a message greets: `Hi Jun,`), `pronoun_intro` (`I` and a name opening a line in a script
//! without capitals, closed by a comma or a copula: `আমি রফিকুল, ...`; a Korean
//! `저는 ... 김민지입니다`; romanised Hindi and Punjabi `main Gurjant haan`), `chat_senders` (who wrote each line of a pasted chat export, by the
//! export's layout: `[05.06.2024 06:12] Виктор: ...`), `lowercase` (names written in lower case right after a strong
//! context, when they are no English word), `caseless` (in a text typed all in lower
//! case or all in capitals, a run of listed names, or one listed name that is no
//! English word), `other_scripts` (Devanagari, Thai, Hangul,
//! Han ...: after cues, standing apart in Latin text, Han surname + given name),
//! `enumeration` (the other items of a list holding a name: `Kalo, Samson Natuman,
//! Rolenas and Peter Kaltang`), `alias` (a nickname in brackets or quotes against a name
//! found: `Santiago Paz ("Santi")`, `Flaco (Felipe Soto)`), and `repeat` (every word of
//! a name found so far, found again alone, with the particles before it; never a particle
//! or listed word alone, nor in lower case an everyday word of another language: `anh`,
//! `daw`).
//!
//! Last, `edges` widens each name over what belongs to it at its edges (`Md.`, `W.M.`,
//! `K.C.`, an initial's full stop, a leading ʻokina typed as `'`).
//!
//! A span's role is the writer's (`reporter`) when its cue is a self-introduction or
//! sign-off, or when where it stands says so (`context::self_presented`: a label such
//! as `FROM:`, a sentence of its own opening or closing the text, `X here`).
//!
//! Files: `lexicon` (the lists, compiled), `script` (writing systems), `tokens`,
//! `context` (the cues before and after a candidate), `detector` (runs and groups),
//! `lowercase`, `caseless`, `other_scripts` (with `korean`: titles and kin words around a
//! Hangul name), `glued_kin`, `vietnamese_kin`, `greeting`, `pronoun_intro`, `opening`,
//! `name_field`, `kunya`, `roster`, `chat_senders`, `enumeration`, `alias`, `repeat`.

mod alias;
mod caseless;
mod chat_senders;
mod context;
mod detector;
mod edges;
mod enumeration;
mod glued_kin;
mod greeting;
mod korean;
mod kunya;
mod lexicon;
mod lowercase;
mod name_field;
mod opening;
mod other_scripts;
mod pronoun_intro;
mod repeat;
mod roster;
pub(crate) mod script;
mod tokens;
mod vietnamese_kin;

pub use detector::NameDetector;
pub use lexicon::NameSpec;

/// The rule ids the detector gives its spans (`Span::rule`).
pub mod rule {
    /// Found after a cue (an introduction, a sign-off, a role or title).
    pub const CONTEXT: &str = "name-context";
    /// Found by the lists and the shape of the text alone.
    pub const GAZETTEER: &str = "name-gazetteer";
    /// A word of a name found earlier, found again alone.
    pub const REPEAT: &str = "name-repeat";
    /// Another name for someone named, in brackets or quotes against their name.
    pub const ALIAS: &str = "name-alias";
    /// The id the detector's own examples are reported under by `check-rules`.
    pub const DETECTOR: &str = "names";
}

/// The detector of the embedded rules, built once, for the unit tests of this module.
#[cfg(test)]
pub(crate) fn embedded() -> &'static NameDetector {
    static DETECTOR: std::sync::OnceLock<NameDetector> = std::sync::OnceLock::new();
    DETECTOR.get_or_init(|| {
        crate::redaction::rules::load_embedded_full()
            .expect("embedded rules load")
            .names
            .expect("embedded rules configure names")
    })
}

/// The names `find` gives for `text`, values only.
#[cfg(test)]
pub(crate) fn found_names(text: &str) -> Vec<&str> {
    found(text).into_iter().map(|(name, _)| name).collect()
}

/// The names `find` gives for `text`, as (value, role).
#[cfg(test)]
pub(crate) fn found(text: &str) -> Vec<(&str, crate::redaction::Role)> {
    let mut spans = embedded().find(text);
    spans.sort_by_key(|s| s.start);
    spans
        .iter()
        .map(|s| (&text[s.start..s.end], s.role))
        .collect()
}
