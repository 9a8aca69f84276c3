//! Where a rule's matches are, found without the reverse scan that finds a match's start.
//!
//! The regex crate finds a match's end with a forward lazy DFA, then its start with a
//! reverse one. For a label rule (a cue, any words up to a colon, then up to 120
//! characters of value: `address-label`) the reverse DFA's states multiply with every
//! place the value could have started, its cache is cleared again and again and the
//! search falls back to the slow engines: on the generated corpus that rule alone took
//! most of a scan. Here the forward DFA says where the first match ends (the earliest
//! end it sees), and the start is the first position before it where an anchored
//! forward search matches: only positions that can open a match (its first bytes, from
//! the pattern's prefixes) are tried, and an anchored DFA dies within a byte or two
//! where no cue begins. The matches are the regex crate's: the leftmost match starts at
//! the first position where an anchored match exists, and is that anchored match.

use regex_automata::meta;
use regex_automata::util::captures::Captures;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind};

/// A rule's pattern compiled for the anchored search, with the bytes that may open a
/// match and the index of its `value` group.
#[derive(Debug)]
pub struct AnchoredStarts {
    regex: meta::Regex,
    opens: [bool; 256],
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
            .configure(config)
            .syntax(syntax)
            .build(pattern)
            .ok()?;
        let value = regex
            .group_info()
            .to_index(regex_automata::PatternID::ZERO, "value");
        Some(AnchoredStarts {
            regex,
            opens: opening_bytes(&hir),
            value,
        })
    }

    /// Calls `found` with each match (its `value` group when the pattern has one, when
    /// that group took part), in order, as the regex crate's `captures_iter` would.
    pub fn each(&self, text: &str, mut found: impl FnMut(usize, usize)) {
        let bytes = text.as_bytes();
        let mut caps: Option<Captures> = None;
        let mut at = 0;
        while at <= text.len() {
            let ahead = Input::new(text).range(at..).earliest(true);
            let Some(first_end) = self.regex.search_half(&ahead) else {
                return;
            };
            // A match ends at `first_end`, so the leftmost one starts at or before it.
            let leftmost = (at..=first_end.offset()).find_map(|start| {
                let opens = bytes
                    .get(start)
                    .is_some_and(|&b| self.opens[usize::from(b)]);
                let here = Input::new(text).range(start..).anchored(Anchored::Yes);
                opens
                    .then(|| self.regex.search_half(&here))
                    .flatten()
                    .map(|m| (start, m.offset()))
            });
            // Never `None`: a match was found above. Then the regex crate's own search,
            // rather than a match lost.
            let Some((start, end)) = leftmost.or_else(|| {
                let m = self.regex.search(&Input::new(text).range(at..))?;
                Some((m.start(), m.end()))
            }) else {
                return;
            };
            match self.value {
                None => found(start, end),
                Some(group) => {
                    let caps = caps.get_or_insert_with(|| self.regex.create_captures());
                    let span = Input::new(text).span(start..end).anchored(Anchored::Yes);
                    self.regex.search_captures(&span, caps);
                    if let Some(value) = caps.get_group(group) {
                        found(value.start, value.end);
                    }
                }
            }
            at = end;
        }
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

/// The bytes a match of `hir` may start with: the first bytes of its prefixes when they
/// are a finite set, else every byte.
fn opening_bytes(hir: &Hir) -> [bool; 256] {
    let seq = Extractor::new().kind(ExtractKind::Prefix).extract(hir);
    let mut opens = [false; 256];
    match seq.literals() {
        Some(literals) if literals.iter().all(|l| !l.as_bytes().is_empty()) => {
            for literal in literals {
                opens[usize::from(literal.as_bytes()[0])] = true;
            }
        }
        _ => opens = [true; 256],
    }
    opens
}
