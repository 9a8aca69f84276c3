//! The matches of a pattern with Unicode word boundaries (`\b`), found at the fast
//! engines' speed.
//!
//! The regex crate's lazy DFA cannot decide a Unicode `\b` beside a character outside
//! ASCII: on a text with one (a macron, a curly quote) it gives up and the whole search
//! runs in the slowest engine. `described_place` found most of its places that way, a
//! fifth of all time on the generated corpus. Here a copy of the pattern without its word
//! boundaries, which the lazy DFA runs on any text, says where a match may start: every
//! match of the pattern is a match of the copy (an assertion only ever removes matches),
//! so none starts before the copy's leftmost one. There an anchored search of the real
//! pattern decides; where it finds none, the copy is asked again one byte on. The
//! matches are the regex crate's `find_iter`: the leftmost match starts at the first
//! position where an anchored match exists, and is that anchored match.

use regex_automata::meta;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input};
use regex_syntax::hir::{Capture, Hir, HirKind, Look, Repetition};

pub struct WordBounded {
    exact: meta::Regex,
    loose: meta::Regex,
}

impl WordBounded {
    /// The pattern as `regex::Regex::new` compiles it. Panics on a bad pattern or one
    /// that matches the empty string (whose iteration rules are not repeated here): the
    /// patterns are ours, built at first use.
    pub fn new(pattern: &str) -> Self {
        let syntax = syntax::Config::new().utf8(true);
        let hir = syntax::parse_with(pattern, &syntax).expect("the pattern parses");
        assert!(
            hir.properties().minimum_len().is_some_and(|n| n > 0),
            "a word-bounded pattern must not match the empty string"
        );
        let config = meta::Config::new()
            .match_kind(regex_automata::MatchKind::LeftmostFirst)
            .utf8_empty(true);
        let build = |hir: &Hir| {
            meta::Builder::new()
                .configure(config.clone())
                .build_from_hir(hir)
                .expect("the pattern compiles")
        };
        WordBounded {
            exact: build(&hir),
            loose: build(&without_word_boundaries(&hir)),
        }
    }

    /// Where the group `name` starts in the pattern's first match in `haystack`, as
    /// `regex::Regex::captures` finds it (the pattern compiled once, not again for its
    /// groups).
    pub fn group_start(&self, haystack: &str, name: &str) -> Option<usize> {
        let mut caps = self.exact.create_captures();
        self.exact.search_captures(&Input::new(haystack), &mut caps);
        caps.get_group_by_name(name).map(|span| span.start)
    }

    /// The byte ranges of the matches in `text`, in order, as `regex::Regex::find_iter`
    /// gives them.
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, usize)> + 't {
        let mut at = 0;
        std::iter::from_fn(move || {
            while at <= text.len() {
                let candidate = self.loose.search(&Input::new(text).range(at..))?;
                let start = candidate.start();
                let here = Input::new(text).range(start..).anchored(Anchored::Yes);
                if let Some(m) = self.exact.search(&here) {
                    at = m.end();
                    return Some((m.start(), m.end()));
                }
                at = start + 1;
            }
            None
        })
    }
}

/// `hir` with every word boundary taken out: it matches wherever `hir` does, and more.
pub(super) fn without_word_boundaries(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Look(look) => match look {
            Look::Start
            | Look::End
            | Look::StartLF
            | Look::EndLF
            | Look::StartCRLF
            | Look::EndCRLF => hir.clone(),
            _ => Hir::empty(),
        },
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            sub: Box::new(without_word_boundaries(&r.sub)),
            ..r.clone()
        }),
        HirKind::Capture(c) => Hir::capture(Capture {
            sub: Box::new(without_word_boundaries(&c.sub)),
            ..c.clone()
        }),
        HirKind::Concat(all) => Hir::concat(all.iter().map(without_word_boundaries).collect()),
        HirKind::Alternation(all) => {
            Hir::alternation(all.iter().map(without_word_boundaries).collect())
        }
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) => hir.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both searches agree, on texts where `\b` beside letters outside ASCII matters.
    #[test]
    fn matches_are_the_regex_crates() {
        let pattern = r"\b(?i:the|a)\s+\p{L}+\s+(?i:house|hut)\b";
        let fast = WordBounded::new(pattern);
        let slow = regex::Regex::new(pattern).unwrap();
        for text in [
            "the big house",
            "ōthe big house, a green hut and the red houseō; a Māori hut",
            "the the the ā house the x hutā hut",
            "",
            "nothing here ā",
        ] {
            let want: Vec<(usize, usize)> =
                slow.find_iter(text).map(|m| (m.start(), m.end())).collect();
            assert_eq!(fast.find_iter(text).collect::<Vec<_>>(), want, "{text}");
        }
    }
}
