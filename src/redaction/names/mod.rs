//! The name detector: people's names found by gazetteers, context and the shape of text.
//!
//! A text is split into word tokens. Capitalised tokens separated only by spaces (with
//! lower-case particles such as `van`, `de`, `bin` allowed between them) form *runs*.
//! Each token is then classed:
//!
//! - **blocked**: a function word, place or other non-name from the `not_names` lists
//!   (and not in a name list), or part of a multi-word place (`Hawke's Bay`). Blocked
//!   tokens split a run.
//! - **ambiguous**: a word that is also a name (`Will`, `Grace`, `May`), or a common word
//!   from the `common_words` lists right next to a known name (`Little` in `Marie
//!   Little`); other common words are blocked. An ambiguous token can be part of a name
//!   next to a known one, or open a name after a strong context.
//! - **known**: in the given-name or surname lists (compared without case or diacritics).
//! - **unknown**: any other capitalised word.
//!
//! A run holding a business word (`Ltd`, `Orchards`, `Hospitality`) is a business name and
//! is left alone; so is a run followed by a street or place word (`Andrew Street`) or
//! preceded by one (`Mount Albert`). What is left is a name when:
//!
//! 1. a *strong context* comes just before it: a self-introduction or sign-off
//!    (`my name is`, `I am`, `Regards,`, a closing `- `) or a role or title
//!    (`the manager`, `my boss`, `driver is`, `Mr`, `called`): up to 4 tokens, known or
//!    not (only the run's blocked words are not names);
//! 2. or it has two or more tokens and at least one is known (`Warhi Sengupta`), or all
//!    are in no list at all (`Ekavir Bose`: two capitalised non-words side by side), or
//!    it runs from a given name to a surname (`Alexandra Nelson`);
//! 3. or it is one known given name, or one known surname after a *weak context*
//!    (`tell`, `by`, `with` ...).
//!
//! Finally every token of a name found so far is looked for alone elsewhere in the text
//! (`Andrew Potter ... Andrew`), so that a first name alone is caught too.
//!
//! Files: `lexicon` (the lists, compiled), `tokens` (words and their flags), `context`
//! (the cues before and after a candidate), `detector` (runs, groups, repeats).

mod context;
mod detector;
mod lexicon;
mod tokens;

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
    /// The id the detector's own examples are reported under by `check-rules`.
    pub const DETECTOR: &str = "names";
}
