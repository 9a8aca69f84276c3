//! Which of a few rules' patterns match a text anywhere: one walk of a lazy DFA over the
//! text, noting the patterns of each match state it passes through.
//!
//! `RegexSet::matches` answers the same question by an overlapping search, which returns
//! to its caller at every match and resumes from there: on a text where some pattern
//! matches at nearly every byte (a run of digit groups, each byte ending a phone-like
//! match) that cost some 150 instructions a byte, and 37 on the generated tips, where
//! this walk takes a few. The answer is the same: every match ends in a match state of
//! the DFA of all the patterns (`MatchKind::All`, so none hides another).

use regex::RegexSet;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::hybrid::LazyStateID;
use regex_automata::nfa::thompson;
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_automata::{Input, MatchKind};
use std::sync::OnceLock;

type CachePool = Pool<Cache, Box<dyn Fn() -> Cache + Send + Sync>>;

/// A set of patterns: the walk of its lazy DFA, and the regex crate's set where the walk
/// cannot answer (a pattern the lazy DFA does not support, or a cache cleared so often
/// that the lazy DFA gives up). That set is built only when first needed: building
/// both for every set cost a tenth more set-up.
pub struct PatternSet {
    walk: Option<(DFA, CachePool)>,
    patterns: Vec<String>,
    nfa_limit: usize,
    cache: usize,
    /// `None` inside when the set cannot be built: then every pattern may match.
    set: OnceLock<Option<RegexSet>>,
}

impl PatternSet {
    /// The patterns as `RegexSetBuilder` compiles them with these limits.
    pub fn new(patterns: &[&str], nfa_limit: usize, cache: usize) -> Result<Self, regex::Error> {
        let ours = PatternSet {
            walk: walker(patterns, nfa_limit, cache),
            patterns: patterns.iter().map(|&p| p.to_owned()).collect(),
            nfa_limit,
            cache,
            set: OnceLock::new(),
        };
        if ours.walk.is_none() {
            // Errors in the patterns are reported here, at start.
            let _ = ours.set.set(Some(ours.regex_set()?));
        }
        Ok(ours)
    }

    fn regex_set(&self) -> Result<RegexSet, regex::Error> {
        regex::RegexSetBuilder::new(&self.patterns)
            .size_limit(self.nfa_limit)
            .dfa_size_limit(self.cache)
            .build()
    }

    /// Calls `found` with the index of each pattern that matches somewhere in `text`
    /// (or may: every pattern, where no engine can answer), once each, in no particular
    /// order.
    pub fn matches(&self, text: &str, mut found: impl FnMut(usize)) {
        let walked = self.walk.as_ref().and_then(|(dfa, pool)| {
            let mut cache = pool.get();
            walk(dfa, &mut cache, text, self.patterns.len())
        });
        if let Some(hits) = walked {
            for (i, _) in hits.iter().enumerate().filter(|(_, &hit)| hit) {
                found(i);
            }
            return;
        }
        match self.set.get_or_init(|| self.regex_set().ok()) {
            Some(set) => set.matches(text).iter().for_each(found),
            None => (0..self.patterns.len()).for_each(found),
        }
    }
}

/// The lazy DFA of all the patterns, configured as the regex crate's set configures its
/// own (the same limits, and giving up as soon as a cache proves no faster than the
/// slower engines); `None` where it cannot be built (a Unicode word boundary).
fn walker(patterns: &[&str], nfa_limit: usize, cache: usize) -> Option<(DFA, CachePool)> {
    let nfa = thompson::Compiler::new()
        .syntax(syntax::Config::new().utf8(true))
        .configure(
            thompson::Config::new()
                .nfa_size_limit(Some(nfa_limit))
                .which_captures(thompson::WhichCaptures::None),
        )
        .build_many(patterns)
        .ok()?;
    let dfa = DFA::builder()
        .configure(
            DFA::config()
                .match_kind(MatchKind::All)
                .cache_capacity(cache)
                .minimum_cache_clear_count(Some(3))
                .minimum_bytes_per_state(Some(10)),
        )
        .build_from_nfa(nfa)
        .ok()?;
    let for_pool = dfa.clone();
    let pool: CachePool = Pool::new(Box::new(move || for_pool.create_cache()));
    Some((dfa, pool))
}

/// Which patterns match in `text`, by pattern index; `None` when the lazy DFA gave up.
fn walk(dfa: &DFA, cache: &mut Cache, text: &str, patterns: usize) -> Option<Vec<bool>> {
    let mut hits = vec![false; patterns];
    let mut left = patterns;
    // How many of the patterns of match state `sid` are new.
    let mut note = |cache: &Cache, sid| {
        let mut new = 0;
        for i in 0..dfa.match_len(cache, sid) {
            let p = dfa.match_pattern(cache, sid, i).as_usize();
            new += usize::from(!std::mem::replace(&mut hits[p], true));
        }
        new
    };
    // The match states noted lately: a run of matches (digit groups) passes through the
    // same few again and again, and reading a state's patterns cost more than the walk.
    // Forgotten when the cache is cleared, which gives their ids to other states.
    let mut recent = [None; 8];
    let mut slot = 0;
    let mut clears = cache.clear_count();
    let input = Input::new(text);
    let mut sid = dfa.start_state_forward(cache, &input).ok()?;
    cache.search_start(0);
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if !sid.is_tagged() {
            (sid, at) = plain_run(dfa, cache, sid, bytes, at);
            if at == bytes.len() {
                break;
            }
        }
        let byte = bytes[at];
        // The table's transition where it is known; a state is built (and the search's
        // progress told, for the cache's give-up rule) only where it is not.
        let known = (!sid.is_tagged())
            .then(|| dfa.next_state_untagged(cache, sid, byte))
            .filter(|next| !next.is_unknown());
        sid = match known {
            Some(next) => next,
            None => {
                cache.search_update(at);
                dfa.next_state(cache, sid, byte).ok()?
            }
        };
        at += 1;
        if sid.is_tagged() {
            if sid.is_match() {
                if cache.clear_count() != clears {
                    (recent, clears) = ([None; 8], cache.clear_count());
                }
                if !recent.contains(&Some(sid)) {
                    recent[slot % recent.len()] = Some(sid);
                    slot += 1;
                    left -= note(cache, sid);
                    if left == 0 {
                        break;
                    }
                }
            } else if sid.is_dead() {
                break;
            } else if sid.is_quit() {
                return None;
            }
        }
    }
    if left > 0 && !sid.is_dead() {
        sid = dfa.next_eoi_state(cache, sid).ok()?;
        if sid.is_match() {
            note(cache, sid);
        }
    }
    cache.search_finish(text.len());
    Some(hits)
}

/// The walk from untagged state `sid` at `at` through untagged states, as far as the
/// table knows them: to the end of `bytes`, or to the byte whose transition is unknown or
/// leads to a match, dead or quit state. Most bytes: a lookup and a test each, the table
/// borrowed shared so that its address stays in a register (the whole step for every
/// byte, with its `Option`s and two tests of tags, took some 7 instructions more).
fn plain_run(
    dfa: &DFA,
    cache: &Cache,
    mut sid: LazyStateID,
    bytes: &[u8],
    mut at: usize,
) -> (LazyStateID, usize) {
    while let Some(&byte) = bytes.get(at) {
        let next = dfa.next_state_untagged(cache, sid, byte);
        if next.is_tagged() {
            break;
        }
        sid = next;
        at += 1;
    }
    (sid, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The walk finds what the regex crate's set finds.
    #[test]
    fn matches_are_the_sets() {
        let patterns = [
            r"[0-9]{3} [0-9]{3}",
            r"(?i:passport)\s*[A-Z0-9]+",
            r"^a",
            r"z$",
        ];
        let ours = PatternSet::new(&patterns, 1 << 20, 1 << 20).unwrap();
        assert!(ours.walk.is_some());
        for text in [
            "",
            "a 021 555",
            "PASSPORT LA1234 z",
            "ba z",
            "xyz",
            "ā021 555ā",
        ] {
            let mut got = Vec::new();
            ours.matches(text, |i| got.push(i));
            let want: Vec<usize> = ours.regex_set().unwrap().matches(text).iter().collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
