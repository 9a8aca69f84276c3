//! Where a rule's matches are, found without the reverse scan that finds a match's start.
//!
//! The regex crate finds a match's end with a forward lazy DFA, then its start with a
//! reverse one. For a label rule (a cue, any words up to a colon, then up to 120
//! characters of value: `address-label`) the reverse DFA's states multiply with every
//! place the value could have started, its cache is cleared again and again and the
//! search falls back to the slow engines: on the generated corpus that rule alone took
//! most of a scan. Here the forward DFA says where the first match ends (the earliest
//! end it sees), and the start is the first position before it where an anchored
//! forward search matches: only positions where the pattern's first part (its cue)
//! matches are tried. The matches are the regex crate's: the leftmost match starts at
//! the first position where an anchored match exists, and is that anchored match. One
//! difference: after a match with a value, the next is sought from inside the value.

use super::word_bounded::without_word_boundaries;
use regex_automata::meta;
use regex_automata::util::captures::Captures;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input};
use regex_syntax::hir::{Hir, HirKind};

/// A rule's pattern compiled for the anchored search, with the part that opens every
/// match and the index of its `value` group.
#[derive(Debug)]
pub struct AnchoredStarts {
    regex: meta::Regex,
    /// Finds where a match may start; `None` where the pattern's first part may match
    /// the empty string (every position is tried).
    opens: Option<meta::Regex>,
    value: Option<usize>,
}

impl AnchoredStarts {
    /// The pattern as the regex crate compiles it (`RegexBuilder` with these limits),
    /// when it counts a repetition up to `LONG_REPETITION` or more (what makes the reverse
    /// DFA slow; on other rules the regex crate's search is faster). `None` too when a
    /// match may be empty (the regex crate's rules for empty matches are not repeated
    /// here).
    pub fn new(pattern: &str, nfa_limit: usize, cache: usize) -> Option<Self> {
        let syntax = syntax::Config::new().utf8(true);
        let hir = syntax::parse_with(pattern, &syntax).ok()?;
        if !long_repetition(&hir) || hir.properties().minimum_len().is_none_or(|n| n == 0) {
            return None;
        }
        let config = meta::Config::new()
            .match_kind(regex_automata::MatchKind::LeftmostFirst)
            .utf8_empty(true)
            .nfa_size_limit(Some(nfa_limit))
            .hybrid_cache_capacity(cache);
        let regex = meta::Builder::new()
            .configure(config.clone())
            .syntax(syntax)
            .build(pattern)
            .ok()?;
        let value = regex
            .group_info()
            .to_index(regex_automata::PatternID::ZERO, "value");
        Some(AnchoredStarts {
            regex,
            opens: openings(&hir, &config),
            value,
        })
    }

    /// Calls `found` with each match (its `value` group when the pattern has one, when
    /// that group took part), in order, as the regex crate's `captures_iter` would,
    /// except that the search after a value resumes inside it, not after it.
    pub fn each(&self, text: &str, mut found: impl FnMut(usize, usize)) {
        let mut caps: Option<Captures> = None;
        let mut at = 0;
        while at <= text.len() {
            let ahead = Input::new(text).range(at..).earliest(true);
            let Some(first_end) = self.regex.search_half(&ahead) else {
                return;
            };
            // A match ends at `first_end`, so the leftmost one starts at or before it.
            let leftmost = self.starts(text, at, first_end.offset()).find_map(|start| {
                let here = Input::new(text).range(start..).anchored(Anchored::Yes);
                self.regex.search_half(&here).map(|m| (start, m.offset()))
            });
            // Never `None`: a match was found above. Then the regex crate's own search,
            // rather than a match lost.
            let Some((start, end)) = leftmost.or_else(|| {
                let m = self.regex.search(&Input::new(text).range(at..))?;
                Some((m.start(), m.end()))
            }) else {
                return;
            };
            at = end;
            match self.value {
                None => found(start, end),
                Some(group) => {
                    let caps = caps.get_or_insert_with(|| self.regex.create_captures());
                    let span = Input::new(text).span(start..end).anchored(Anchored::Yes);
                    self.regex.search_captures(&span, caps);
                    if let Some(value) = caps.get_group(group) {
                        found(value.start, value.end);
                        // A value runs to 120 characters, over a sentence's end that the
                        // rule's extent cuts it at later (`... Hastings 4120. My family
                        // address is Ward No. 6, ...`): a label inside it opens its own
                        // match, which resuming after the whole match would miss.
                        at = value.start.max(start + 1);
                    }
                }
            }
        }
    }

    /// The positions from `from` to `to` (inclusive) where a match may start, in order:
    /// where the first part matches. Trying every position whose first byte opens a
    /// prefix ran an anchored search at nearly every byte (`address-label`'s prefixes,
    /// a cue in either case, are too many to list): 1,300 searches a tip.
    fn starts<'t>(
        &'t self,
        text: &'t str,
        from: usize,
        to: usize,
    ) -> impl Iterator<Item = usize> + 't {
        let mut next = from;
        std::iter::from_fn(move || {
            let start = match &self.opens {
                Some(opens) if next <= to => opens.find(Input::new(text).range(next..))?.start(),
                _ => next,
            };
            (start <= to).then(|| {
                next = start + 1;
                start
            })
        })
    }
}

/// A counted repetition this long or longer (`[^\n;]{3,120}`) gets the anchored search.
/// Every rule with a shorter one (at most `{1,71}` today) ran 1.5 to 10 times as fast
/// with the regex crate's search; `address-label` ran 45 times as fast anchored.
const LONG_REPETITION: u32 = 100;

/// Whether `hir` counts a repetition up to `LONG_REPETITION` or more.
fn long_repetition(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Repetition(r) => {
            r.max.is_some_and(|max| max >= LONG_REPETITION) || long_repetition(&r.sub)
        }
        HirKind::Capture(c) => long_repetition(&c.sub),
        HirKind::Concat(all) | HirKind::Alternation(all) => all.iter().any(long_repetition),
        _ => false,
    }
}

/// A search for where matches of `hir` may start: the leftmost match of its first part
/// (its cue, without word boundaries, so that the lazy DFA runs on any text) starts at
/// the first such position at or after where the search starts. A match of `hir` opens
/// with a match of that part, so it starts at one of them.
fn openings(hir: &Hir, config: &meta::Config) -> Option<meta::Regex> {
    let first = match hir.kind() {
        HirKind::Concat(all) => all.first()?,
        _ => hir,
    };
    if first.properties().minimum_len().is_none_or(|n| n == 0) {
        return None;
    }
    meta::Builder::new()
        .configure(config.clone())
        .build_from_hir(&without_word_boundaries(first))
        .ok()
}
