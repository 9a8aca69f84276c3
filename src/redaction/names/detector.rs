//! The detector: runs of capitalised words, split and judged by the lists and the cues.

use super::context::{context, role_after, Ctx};
use super::lexicon::*;
use super::rule;
use super::tokens::{tokens, Token};
use crate::redaction::kind::{Kind, Role};
use crate::redaction::span::Span;
use crate::redaction::spec::RulesError;
use crate::redaction::text::{phrase_hash, word_hash, FxSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Blocked,
    /// A common word: part of a name only right next to a known name.
    Soft,
    Ambiguous,
    Known,
    Unknown,
}

/// The compiled name detector.
#[derive(Debug)]
pub struct NameDetector {
    pub file: String,
    lex: Lexicon,
    pub must_match: Vec<String>,
    pub no_match: Vec<String>,
}

impl NameDetector {
    pub fn build(
        file: &str,
        mut spec: NameSpec,
        read_list: &dyn Fn(&str) -> Result<String, RulesError>,
    ) -> Result<Self, RulesError> {
        let examples = std::mem::take(&mut spec.examples);
        Ok(NameDetector {
            file: file.to_owned(),
            lex: Lexicon::build(file, spec, read_list)?,
            must_match: examples.must_match,
            no_match: examples.no_match,
        })
    }

    /// Counts of the lists, for `check-rules`: given names, surnames, non-names.
    pub fn list_sizes(&self) -> (usize, usize, usize) {
        self.lex.sizes()
    }

    fn class(&self, t: &Token) -> Class {
        let f = t.flags;
        let known = f & (GIVEN | SURNAME) != 0;
        let hard = f & (STOP | BUSINESS | ROLE) != 0;
        let soft = f & COMMON != 0;
        match (known, hard, soft) {
            (true, true, _) | (true, _, true) => Class::Ambiguous,
            (true, false, false) => Class::Known,
            (false, true, _) => Class::Blocked,
            (false, false, true) => Class::Soft,
            (false, false, false) => Class::Unknown,
        }
    }

    /// Finds names in `text`.
    pub fn find(&self, text: &str) -> Vec<Span> {
        let tokens = tokens(&self.lex, text);
        let mut spans = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if !tokens[i].capitalised {
                i += 1;
                continue;
            }
            // Gather a run: capitalised tokens (particles between them) separated by
            // spaces only.
            let mut j = i + 1;
            while j < tokens.len() {
                let gap = &text[tokens[j - 1].end..tokens[j].start];
                let after_initial = tokens[j - 1].end - tokens[j - 1].start == 1
                    && gap.len() <= 3
                    && gap.starts_with('.')
                    && gap[1..].bytes().all(|b| b == b' ');
                let spaced = after_initial
                    || (!gap.is_empty() && gap.len() <= 2 && gap.bytes().all(|b| b == b' '));
                if !spaced || !(tokens[j].capitalised || tokens[j].particle) {
                    break;
                }
                j += 1;
            }
            // Do not end a run on a particle.
            let mut end = j;
            while end > i + 1 && tokens[end - 1].particle {
                end -= 1;
            }
            self.run(text, &tokens, i, end, &mut spans);
            i = j.max(i + 1);
        }
        self.lowercase_introductions(text, &tokens, &mut spans);
        self.repeat(&tokens, &mut spans);
        spans
    }

    /// `my name is sione taufa`: after a self-introduction, names written in lower case,
    /// when every word is a known name and no common word.
    fn lowercase_introductions(&self, text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
        let plain = |t: &Token| {
            if t.capitalised {
                return false;
            }
            let flags = self.lex.flags(word_hash(&text[t.start..t.end]));
            flags & (GIVEN | SURNAME) != 0 && flags & (STOP | COMMON | ROLE | BUSINESS) == 0
        };
        let found = spans.len();
        let mut at = 0;
        while at < tokens.len() {
            let first = &tokens[at];
            let i = at;
            at += 1;
            if first.capitalised
                || i == 0
                || tokens[i - 1].flags & INTRO_TAIL == 0
                || !plain(first)
                || {
                    // Names found so far are in text order: look at the one before.
                    let before = spans[..found].partition_point(|s| s.start <= first.start);
                    before > 0 && spans[before - 1].end > first.start
                }
                || !plain(first)
                || context(&self.lex, text, first.start) != Ctx::Strong(Role::Reporter)
            {
                continue;
            }
            let mut j = i + 1;
            while j < tokens.len()
                && j < i + 3
                && plain(&tokens[j])
                && text[tokens[j - 1].end..tokens[j].start] == *" "
            {
                j += 1;
            }
            spans.push(Span {
                start: tokens[i].start,
                end: tokens[j - 1].end,
                kind: Kind::Name,
                rule: rule::CONTEXT.into(),
                role: Role::Reporter,
            });
        }
    }

    fn run(&self, text: &str, tokens: &[Token], from: usize, to: usize, out: &mut Vec<Span>) {
        let run = &tokens[from..to];
        if run.iter().any(|t| t.flags & BUSINESS != 0) {
            return;
        }
        let mut classes: Vec<Class> = run
            .iter()
            .map(|t| {
                if t.particle {
                    Class::Unknown
                } else {
                    self.class(t)
                }
            })
            .collect();
        // Multi-word places and phrases, longest first.
        let mut k = 0;
        while k < run.len() {
            let mut matched = 0;
            let starts_phrase = run[k].flags & PHRASE_START != 0;
            for len in (2..=4.min(run.len() - k)).rev().filter(|_| starts_phrase) {
                if self
                    .lex
                    .flags(phrase_hash(run[k..k + len].iter().map(|t| t.hash)))
                    & PHRASE
                    != 0
                {
                    matched = len;
                    break;
                }
            }
            if matched > 0 {
                for c in &mut classes[k..k + matched] {
                    *c = Class::Blocked;
                }
                k += matched;
            } else {
                k += 1;
            }
        }
        // A common word is part of a name only right next to a known name.
        for k in 0..classes.len() {
            if classes[k] == Class::Soft {
                let next_known = |c: Option<&Class>| c == Some(&Class::Known);
                let by_known =
                    next_known(classes.get(k + 1)) || (k > 0 && next_known(classes.get(k - 1)));
                classes[k] = if by_known {
                    Class::Ambiguous
                } else {
                    Class::Blocked
                };
            }
        }
        // Split at blocked tokens into candidate groups.
        let mut a = 0;
        while a < run.len() {
            if classes[a] == Class::Blocked || run[a].particle {
                a += 1;
                continue;
            }
            let mut b = a;
            while b < run.len() && classes[b] != Class::Blocked {
                b += 1;
            }
            let mut e = b;
            while e > a + 1 && run[e - 1].particle {
                e -= 1;
            }
            self.group(text, tokens, from + a, from + e, &classes[a..e], out);
            a = b;
        }
    }

    fn group(
        &self,
        text: &str,
        tokens: &[Token],
        from: usize,
        to: usize,
        classes: &[Class],
        out: &mut Vec<Span>,
    ) {
        let mut to = to;
        while to > from && tokens[to - 1].end - tokens[to - 1].start == 1 {
            to -= 1;
        }
        if to == from {
            return;
        }
        let classes = &classes[..to - from];
        let g = &tokens[from..to];
        // Street and place shapes around the group.
        if let Some(next) = tokens.get(to) {
            let gap = &text[g[g.len() - 1].end..next.start];
            let gap = gap
                .strip_prefix("'s")
                .or_else(|| gap.strip_prefix("’s"))
                .unwrap_or(gap);
            if gap.trim().is_empty() && next.flags & NOT_BEFORE != 0 {
                return;
            }
        }

        if from > 0 {
            let prev = &tokens[from - 1];
            let gap = &text[prev.end..g[0].start];
            if gap.trim().is_empty() && prev.flags & NOT_AFTER != 0 {
                return;
            }
        }
        let mut ctx = context(&self.lex, text, g[0].start);
        if ctx != Ctx::Strong(Role::Reporter) && g.len() <= 3 {
            // A name alone on the last line is a signature.
            let line_start = text[..g[0].start]
                .trim_end_matches([' ', '\t'])
                .ends_with('\n');
            let rest =
                text[g[g.len() - 1].end..].trim_matches(|c: char| c.is_whitespace() || c == '.');
            if line_start && rest.is_empty() {
                ctx = Ctx::Strong(Role::Reporter);
            }
        }
        if ctx == Ctx::None && role_after(&self.lex, text, g[g.len() - 1].end) {
            // "Losana, my supervisor, ..." / "Tevita (the driver)".
            ctx = Ctx::Strong(Role::Other);
        }
        // "St Mary's", "Mount Albert": a place word (that is not also a given name, like
        // Glen) opens the group.
        if g.len() >= 2
            && g[0].flags & NOT_AFTER != 0
            && g[0].flags & GIVEN == 0
            && !matches!(ctx, Ctx::Strong(_))
        {
            return;
        }
        // A group that ends in a street or place word is a place (Albert Park).
        if g.len() >= 2 && g[g.len() - 1].flags & NOT_BEFORE != 0 && !matches!(ctx, Ctx::Strong(_))
        {
            return;
        }
        let known = classes.iter().filter(|c| **c == Class::Known).count();
        let unknown = classes.iter().filter(|c| **c == Class::Unknown).count();
        let n = g.len();
        let given_then_surname = n >= 2 && g[0].flags & GIVEN != 0 && g[n - 1].flags & SURNAME != 0;
        let accept_len = match ctx {
            Ctx::Strong(_) => {
                let strong_ok = classes[0] != Class::Ambiguous
                    || g[0].flags & (GIVEN | SURNAME) != 0
                    || known > 0;
                if strong_ok {
                    n.min(4)
                } else {
                    0
                }
            }
            // Shape: a known name with more capitalised words beside it, or two or more
            // capitalised words that are in no word list, or a given name and a surname
            // that are also common words or places (Alexandra Nelson).
            _ if n >= 2 && (known >= 1 || known + unknown == n || given_then_surname) => n,
            _ if n == 1 && known == 1 => {
                let given = g[0].flags & GIVEN != 0;
                if given || ctx == Ctx::Weak {
                    1
                } else {
                    0
                }
            }
            _ => 0,
        };
        if accept_len == 0 {
            return;
        }
        let role = match ctx {
            Ctx::Strong(r) => r,
            _ => Role::Other,
        };
        out.push(Span {
            start: g[0].start,
            end: g[accept_len - 1].end,
            kind: Kind::Name,
            rule: match ctx {
                Ctx::Strong(_) => rule::CONTEXT,
                Ctx::Weak | Ctx::None => rule::GAZETTEER,
            }
            .into(),
            role,
        });
    }

    /// Every capitalised token of a name found so far, found again alone.
    fn repeat(&self, tokens: &[Token], spans: &mut Vec<Span>) {
        if spans.is_empty() {
            return;
        }
        // One sweep over tokens and sorted spans: which tokens lie inside a name, which
        // touch one. (Linear, so a long text of capitalised words stays fast.)
        spans.sort_by_key(|s| s.start);
        let mut inside = vec![false; tokens.len()];
        let mut touched = vec![false; tokens.len()];
        let (mut k, mut reach_start, mut reach_end) = (0, 0, 0);
        for (i, t) in tokens.iter().enumerate() {
            while k < spans.len() && spans[k].start < t.end {
                if spans[k].end > reach_end {
                    reach_start = spans[k].start;
                    reach_end = spans[k].end;
                }
                k += 1;
            }
            touched[i] = reach_end > t.start;
            inside[i] = reach_start <= t.start && t.end <= reach_end;
        }
        let mut seen: FxSet<u64> = FxSet::default();
        for (i, t) in tokens.iter().enumerate() {
            if t.capitalised && inside[i] && t.flags & (STOP | COMMON | BUSINESS | ROLE) == 0 {
                seen.insert(t.hash);
            }
        }
        for (i, t) in tokens.iter().enumerate() {
            if t.capitalised && !touched[i] && seen.contains(&t.hash) {
                spans.push(Span {
                    start: t.start,
                    end: t.end,
                    kind: Kind::Name,
                    rule: rule::REPEAT.into(),
                    role: Role::Other,
                });
            }
        }
    }
}
