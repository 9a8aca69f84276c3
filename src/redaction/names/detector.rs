//! The detector: runs of capitalised words, split and judged by the lists and the cues;
//! then the passes for names in lower case, in other scripts, and repeated.

use super::context::{context, family_name, intro_after, role_after, self_presented, Ctx};
use super::lexicon::*;
use super::script::Script;
use super::tokens::{tokens, Token};
use super::{
    alias, caseless, chat_senders, edges, enumeration, glued_kin, greeting, kunya, lowercase,
    name_field, opening, other_scripts, pronoun_intro, repeat, roster, rule, vietnamese_kin,
};
use crate::redaction::kind::{Kind, Role};
use crate::redaction::span::Span;
use crate::redaction::spec::RulesError;
use crate::redaction::text::{fold, phrase_hash, word_hash};
use std::cell::OnceCell;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Blocked,
    /// A common word: part of a name only right next to a name.
    Soft,
    Ambiguous,
    Known,
    Unknown,
    /// `van`, `de`, `bin`, or a capitalised `Te`, `De`, `Van`: inside a name, never one
    /// alone.
    Particle,
}

/// The compiled name detector.
#[derive(Debug)]
pub struct NameDetector {
    pub file: String,
    lex: Lexicon,
    pub must_match: Vec<String>,
    pub no_match: Vec<String>,
}

/// A name span found by the detector.
pub fn name_span(start: usize, end: usize, ctx: Ctx) -> Span {
    let (rule, role) = match ctx {
        Ctx::Strong(role) => (rule::CONTEXT, role),
        _ => (rule::GAZETTEER, Role::Other),
    };
    Span {
        start,
        end,
        kind: Kind::Name,
        rule: rule.into(),
        role,
    }
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

    /// The compiled lists, for the unit tests of this module.
    #[cfg(test)]
    pub(crate) fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// Whether `phrase` (one word or several, as written) is a place in the place lists
    /// (`Karaka Lakes`, `Kaharoa`).
    pub fn is_place(&self, phrase: &str) -> bool {
        // `word_hash` folds without allocating an ASCII word, and the phrase's hash is
        // taken as its words are read.
        let mut words = 0;
        let hash = phrase_hash(phrase.split_whitespace().map(|w| {
            words += 1;
            word_hash(w)
        }));
        match words {
            0 => false,
            1 => self.lex.flags(hash) & PLACE != 0,
            _ => self.lex.is_place_phrase(hash),
        }
    }

    /// Counts of the lists, for `check-rules`: given names, surnames, non-names.
    pub fn list_sizes(&self) -> (usize, usize, usize) {
        self.lex.sizes()
    }

    fn class(t: &Token) -> Class {
        let f = t.flags;
        let known = f & (GIVEN | SURNAME) != 0;
        if t.particle || (f & PARTICLE != 0 && !known) {
            return Class::Particle;
        }
        let hard = f & (STOP | BUSINESS | ROLE) != 0;
        // A place that is a listed name too (`Moala`) stays a known name.
        let soft = f & COMMON != 0 || (f & PLACE != 0 && !known);
        match (known, hard, soft) {
            (true, true, _) | (true, _, true) => Class::Ambiguous,
            (true, false, false) => Class::Known,
            (false, true, _) => Class::Blocked,
            (false, false, true) => Class::Soft,
            (false, false, false) if f & DICT != 0 => Class::Soft,
            (false, false, false) => Class::Unknown,
        }
    }

    /// Finds names in `text`.
    pub fn find(&self, text: &str) -> Vec<Span> {
        let tokens = tokens(&self.lex, text);
        let shape = Shape::of(text, &tokens);
        let mut spans = Vec::new();
        // An initial without a full stop ("B") joins a name but does not open one.
        let dotted = |t: &Token| text[t.end..].starts_with('.');
        let mut i = 0;
        while i < tokens.len() {
            let t = &tokens[i];
            if !(t.capitalised || t.shouted) || (t.is_initial() && !dotted(t)) {
                i += 1;
                continue;
            }
            // Gather a run: capitalised tokens (particles between them) separated by
            // spaces only.
            let mut j = i + 1;
            while j < tokens.len() {
                let prev = &tokens[j - 1];
                let gap = &text[prev.end..tokens[j].start];
                let after_initial = prev.is_initial()
                    && gap.len() <= 3
                    && gap.starts_with('.')
                    && gap[1..].bytes().all(|b| b == b' ');
                let spaced = after_initial
                    || (!gap.is_empty() && gap.len() <= 2 && gap.bytes().all(|b| b == b' '));
                let next = &tokens[j];
                if !spaced || !(next.capitalised || next.shouted || next.particle) {
                    break;
                }
                j += 1;
            }
            // Do not end a run on a particle.
            let mut end = j;
            while end > i + 1 && tokens[end - 1].particle {
                end -= 1;
            }
            // A sentence that opens with a cue for a person (`Contact Sunny 027 ...`,
            // `Call Rose on ...`): the name starts after it, and the cue is its context.
            let opening_cue = t.flags & PERSON_TAIL != 0 && t.flags & (GIVEN | SURNAME) == 0;
            let start = if opening_cue && end > i + 1 { i + 1 } else { i };
            self.run(text, &tokens, start, end, shape, &mut spans);
            i = j.max(i + 1);
        }
        lowercase::find(&self.lex, text, &tokens, &mut spans);
        lowercase::possessors(&self.lex, text, &tokens, &mut spans);
        caseless::find(&self.lex, text, &tokens, shape.english, &mut spans);
        other_scripts::find(&self.lex, text, &tokens, &mut spans);
        pronoun_intro::find(&self.lex, text, &tokens, &mut spans);
        opening::find(&self.lex, text, &tokens, &mut spans);
        name_field::find(&self.lex, text, &tokens, &mut spans);
        kunya::find(&self.lex, text, &tokens, &mut spans);
        glued_kin::find(&self.lex, text, &tokens, &mut spans);
        vietnamese_kin::find(text, &tokens, &mut spans);
        greeting::find(text, &tokens, &mut spans);
        chat_senders::find(&self.lex, text, &mut spans);
        alias::find(&self.lex, text, &tokens, &mut spans);
        repeat::find(&self.lex, text, &tokens, &mut spans);
        // The items of a list (and the heads of a pasted list's rows) are found from the
        // names (and repeats) around them, and are repeated in turn; a repeat already
        // found is not found twice.
        let before = spans.len();
        enumeration::find(&self.lex, text, &tokens, &mut spans);
        roster::find(&self.lex, text, &tokens, &mut spans);
        if spans.len() > before {
            repeat::find(&self.lex, text, &tokens, &mut spans);
        }
        edges::widen(&self.lex, text, &mut spans);
        spans
    }

    fn run(
        &self,
        text: &str,
        tokens: &[Token],
        from: usize,
        to: usize,
        shape: Shape,
        out: &mut Vec<Span>,
    ) {
        let run = &tokens[from..to];
        if let Some(b) = run.iter().position(|t| t.flags & BUSINESS != 0) {
            // After a cue, `NZ` closing the run is where the person is (`Mera bhai Pankaj
            // Sharma NZ me hai`), not the end of a company's name (`Sharma Builders NZ`).
            let country = b > 0 && b == run.len() - 1 && text[run[b].start..run[b].end] == *"NZ";
            if country && matches!(context(&self.lex, text, run[0].start), Ctx::Strong(_)) {
                self.run(text, tokens, from, to - 1, shape, out);
            }
            // Indonesian and Malay `di` ("at") between a known name and a business
            // (`Heather McLeod di Taieri Care Home`): the name is a run of its own.
            let at = run[..b].iter().position(|t| text[t.start..t.end] == *"di");
            if let Some(at) = at
                .filter(|&at| at > 0 && run[..at].iter().any(|t| t.flags & (GIVEN | SURNAME) != 0))
            {
                self.run(text, tokens, from, from + at, shape, out);
            }
            return;
        }
        // A title opening the run (`Mrs Grace Mukono`, `Mrs Mukono`) is the cue of
        // the words after it, which are read as a run of their own: a place among them is
        // then a name's, as after any cue.
        let title = |t: &Token| {
            t.flags & (GIVEN | SURNAME) == 0 && is_title(&self.lex, &text[t.start..t.end])
        };
        // (Not in capitals, where a cue takes the words after it up to four: `MR JOHN
        // SMITH CAME`.)
        let in_capitals = |t: &Token| !text[t.start..t.end].chars().any(char::is_lowercase);
        if run.len() > 1 && title(&run[0]) && !title(&run[1]) && !in_capitals(&run[1]) {
            self.run(text, tokens, from + 1, to, shape, out);
            return;
        }
        // The context before the run, read once however many ask (`group` too, for a
        // group that opens the run).
        let first_ctx = OnceCell::new();
        let ctx0 = || *first_ctx.get_or_init(|| context(&self.lex, text, run[0].start));
        let mut classes: Vec<Class> = run.iter().map(Self::class).collect();
        // Multi-word places and phrases, longest first.
        let mut k = 0;
        while k < run.len() {
            let mut matched = 0;
            let starts_phrase = run[k].flags & (PHRASE_START | PLACE_START) != 0;
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
            // A listed place that is also a given name, followed by a known name, is a
            // person (`Te Aroha Waititi`).
            let person = matched > 0
                && self
                    .lex
                    .flags(phrase_hash(run[k..k + matched].iter().map(|t| t.hash)))
                    & GIVEN
                    != 0
                && run
                    .get(k + matched)
                    .is_some_and(|t| t.flags & (GIVEN | SURNAME) != 0);
            if person {
                k += matched;
            } else if matched > 0 {
                for c in &mut classes[k..k + matched] {
                    *c = Class::Blocked;
                }
                k += matched;
            } else {
                k += 1;
            }
        }
        // A role or function word that is also a surname, opening the run, is a cue
        // (`Ko` in `Ko ʻOfa Tuʻipulotu au`, `Nā` in `Nā Mere`), not part of the name.
        let f0 = run[0].flags;
        // Hindi and Punjabi `Main` ("I") opening a sentence before a known name (`Main
        // Ankit Sharma, ...`) is the writer's introduction too.
        let hindi_i = text[run[0].start..run[0].end] == *"Main"
            && run.get(1).is_some_and(|t| t.flags & (GIVEN | SURNAME) != 0);
        let cue_word = f0 & (ROLE | STOP) != 0 && f0 & GIVEN == 0;
        if ((classes[0] == Class::Ambiguous && cue_word) || hindi_i) && run.len() > 1 {
            classes[0] = Class::Blocked;
        }
        // Words in capitals and common words need a cue (or a known name beside them):
        // the context is read only for runs that hold one.
        let cue_before = from > 0 && tokens[from - 1].flags & CUE_TAIL != 0;
        let needs_cue = (0..run.len()).any(|k| {
            let unknown_beside =
                |k: Option<usize>| k.and_then(|k| classes.get(k)) == Some(&Class::Unknown);
            run[k].shouted
                || (classes[k] == Class::Soft
                    && (unknown_beside(k.checked_sub(1))
                        || unknown_beside(Some(k + 1))
                        || cue_before))
        });
        let strong = needs_cue && matches!(ctx0(), Ctx::Strong(_));
        // In a text in capitals a whole sentence is one run: a cue inside it (`MY NEPHEW
        // FOLAU IS ...`) counts for the words after it, up to the next blocked word.
        let mut cued = vec![false; run.len()];
        for k in 1..run.len() {
            // (A listed name in capitals after the cue carries it on to the unlisted
            // family name right after it: `MY NAME JERICHO MANALASTAS`.)
            let strong_at =
                |k: usize| matches!(context(&self.lex, text, run[k].start), Ctx::Strong(_));
            cued[k] = if classes[k - 1] == Class::Blocked {
                run[k].shouted && strong_at(k)
            } else if k >= 2
                && run[k].shouted
                && run[k].flags & (STOP | COMMON | DICT) == 0
                && classes[k - 1] == Class::Known
                && classes[k - 2] == Class::Blocked
                && in_capitals(&run[k - 1])
            {
                strong_at(k - 1)
            } else {
                cued[k - 1]
            };
        }
        for k in 0..classes.len() {
            if run[k].shouted && !strong && !cued[k] && classes[k] != Class::Known {
                classes[k] = Class::Blocked;
            }
        }
        // A common word is part of a name only right next to a known name, after a
        // particle (`van der Berg`) or, after a cue, next to any name; an English word
        // right after a cue is a name (`we call him Bongo`).
        // A common word alone right after a cue is a nickname (`the owner Sunny`, `his
        // girlfriend "Candy"`).
        let alone = classes.len() == 1;
        // A place alone after a cue for a person is their family name (`I saw Vunisea`);
        // so is any word alone between such a cue and a phone number, whose number it is
        // (`Contact Sunny 027 486 7172`, `call Rose on 021 ...`).
        if alone
            && (classes[0] == Class::Soft && only_a_place(&run[0])
                || matches!(classes[0], Class::Soft | Class::Ambiguous)
                    && phone_follows(&text[run[0].end..]))
            && matches!(ctx0(), Ctx::Person | Ctx::Strong(_))
        {
            classes[0] = Class::Unknown;
        }
        // After a cue, a common word beside a listed name is part of it, even when that
        // name is also a word (`my name is Snow Yang`: Indonesian `yang`).
        let listed = |k: Option<usize>| {
            k.and_then(|k| run.get(k))
                .is_some_and(|t| t.flags & (GIVEN | SURNAME) != 0)
        };
        for k in 0..classes.len() {
            let beside_listed = listed(k.checked_sub(1)) || listed(Some(k + 1));
            if classes[k] == Class::Soft
                && strong
                && (run[k].flags & COMMON == 0 || alone || beside_listed)
            {
                classes[k] = Class::Unknown;
            } else if classes[k] == Class::Soft {
                // A place that is no other word is a family name beside any other word
                // of a name (`Taoing Bauro`).
                let place = only_a_place(&run[k]);
                let name = |c: Option<&Class>| {
                    c == Some(&Class::Known) || ((strong || place) && c == Some(&Class::Unknown))
                };
                let beside = name(classes.get(k + 1))
                    || (k > 0 && name(classes.get(k - 1)))
                    || (k > 0 && classes[k - 1] == Class::Particle);
                classes[k] = if beside {
                    Class::Ambiguous
                } else {
                    Class::Blocked
                };
            }
        }
        // Split at blocked tokens into candidate groups; a group neither starts with a
        // lower-case particle nor ends with any particle.
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
            let group = Group {
                range: from + a..from + e,
                run_ctx: (a == 0).then_some(&first_ctx),
            };
            self.group(text, tokens, group, &classes[a..e], shape, out);
            a = b;
        }
    }

    fn group(
        &self,
        text: &str,
        tokens: &[Token],
        group: Group<'_>,
        classes: &[Class],
        shape: Shape,
        out: &mut Vec<Span>,
    ) {
        let (from, mut to) = (group.range.start, group.range.end);
        while to > from && tokens[to - 1].end - tokens[to - 1].start == 1 {
            to -= 1;
        }
        if to == from {
            return;
        }
        let classes = &classes[..to - from];
        let g = &tokens[from..to];
        if classes.iter().all(|c| *c == Class::Particle) {
            return;
        }

        // Street and place shapes around the group.
        if let Some(next) = tokens.get(to) {
            let gap = &text[g[g.len() - 1].end..next.start];
            let gap = gap
                .strip_prefix("'s")
                .or_else(|| gap.strip_prefix("’s"))
                .unwrap_or(gap);
            // (Not across a line: `Regards,\nHannah Smith\nSchool Social Worker` is a
            // name above a job title.)
            if gap.trim().is_empty() && !gap.contains('\n') && next.flags & NOT_BEFORE != 0 {
                return;
            }
        }
        if from > 0 {
            let prev = &tokens[from - 1];
            let gap = &text[prev.end..g[0].start];
            // `Mauri. Ngai Teuea Tebano, ...`: a one-word self-introduction opening its
            // sentence before a full name is the cue (Kiribati `Ngai`), not an iwi's
            // first word.
            let sentence_start = text[..prev.start]
                .trim_end_matches([' ', '\t'])
                .chars()
                .next_back()
                .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n'));
            let introduces = g.len() >= 2
                && sentence_start
                && self.lex.intro.contains(&fold(&text[prev.start..prev.end]));
            if gap.trim().is_empty()
                && !gap.contains('\n')
                && prev.flags & NOT_AFTER != 0
                && !introduces
            {
                // In lower case (`tiếng Anh Tony`: "the English name Tony"), the word
                // is the people or language, and a name may follow it.
                // (Not from a particle: `người Việt tên Tuấn`, `tên` "named" read as `ten`.)
                let rest = 1 + g[1..].iter().take_while(|t| t.particle).count();
                if !prev.capitalised && rest < g.len() {
                    let rest_of_it = Group {
                        range: from + rest..to,
                        run_ctx: None,
                    };
                    self.group(text, tokens, rest_of_it, &classes[rest..], shape, out);
                }
                return;
            }
        }
        let last_end = g[g.len() - 1].end;
        let read = || context(&self.lex, text, g[0].start);
        let mut ctx = match group.run_ctx {
            Some(cell) => *cell.get_or_init(read),
            None => read(),
        };
        // (Not a sign-off alone on its line: `Cordialement`, `Atentamente`.)
        let sign_off = g.len() == 1 && self.lex.intro.contains(&fold(&text[g[0].start..last_end]));
        if !matches!(ctx, Ctx::Strong(_)) && g.len() <= 3 && !sign_off {
            // A name alone on the last line is a signature.
            let line_start = text[..g[0].start]
                .trim_end_matches([' ', '\t'])
                .ends_with('\n');
            let rest = text[last_end..].trim_matches(|c: char| c.is_whitespace() || c == '.');
            if line_start && rest.is_empty() {
                ctx = Ctx::Strong(Role::Reporter);
            }
        }
        // (`My aunty`: a determiner before a kin word, though `My` is a Vietnamese name.)
        let determiner = g.len() == 1
            && [
                "my", "our", "his", "her", "your", "their", "the", "this", "that",
            ]
            .iter()
            .any(|d| text[g[0].start..last_end].eq_ignore_ascii_case(d));
        if !matches!(ctx, Ctx::Strong(_))
            && !determiner
            && (role_after(&self.lex, text, last_end) || family_name(text, g[0].start, last_end))
        {
            // "Losana, my supervisor, ..." / "Tevita (the driver)".
            ctx = Ctx::Strong(Role::Other);
        }
        if ctx == Ctx::Strong(Role::Other) && intro_after(&self.lex, text, last_end) {
            // "Ko Hēmi Te Rangi ahau": "I am Hēmi Te Rangi".
            ctx = Ctx::Strong(Role::Reporter);
        }
        let strong = matches!(ctx, Ctx::Strong(_));
        // "St Mary's", "Mount Albert": a place word (that is not also a given name, like
        // Glen) opens the group.
        if g.len() >= 2 && g[0].flags & NOT_AFTER != 0 && g[0].flags & GIVEN == 0 && !strong {
            return;
        }
        // A group that ends in a street or place word is a place (Albert Park).
        if g.len() >= 2 && g[g.len() - 1].flags & NOT_BEFORE != 0 && !strong {
            return;
        }
        let count = |c: Class| classes.iter().filter(|x| **x == c).count();
        // A place of one word beside an unknown word counts as unknown: `Taoing Bauro`.
        let places = g
            .iter()
            .zip(classes)
            .filter(|(t, c)| **c == Class::Ambiguous && only_a_place(t))
            .count();
        let (known, unknown) = (count(Class::Known), count(Class::Unknown) + places);
        // Words that count: particles stand between names, they are not names.
        let n = g.len() - count(Class::Particle);
        let mut named = g
            .iter()
            .zip(classes)
            .filter(|(_, c)| **c != Class::Particle);
        let first = named.next().map(|(t, _)| t.flags).unwrap_or(0);
        let last = named.next_back().map(|(t, _)| t.flags).unwrap_or(first);
        let given_then_surname = n >= 2 && first & GIVEN != 0 && last & SURNAME != 0;
        // A given name that is also a word, then words in no list (`Grace Oyelaran`,
        // `Jasmine Ruatara`): `Hope Street` and `Grace Church` end in listed words.
        let given_then_unlisted = n >= 2
            && first & GIVEN != 0
            && classes[0] == Class::Ambiguous
            && classes[1..]
                .iter()
                .all(|c| matches!(c, Class::Unknown | Class::Particle));
        let inner_particle = (1..classes.len().saturating_sub(1))
            .any(|k| classes[k] == Class::Particle && classes[0] != Class::Particle);
        // A town that is also a family name, alone after a word that puts a thing in a
        // place or after a comma, is the town even beside a cue (`a restaurant in
        // Wellington, the owner`, `commercial cleaner, Wellington`).
        let town_alone = n == 1
            && classes[0] == Class::Ambiguous
            && g[0].flags & STOP != 0
            && (in_a_place_before(&text[..g[0].start])
                || text[..g[0].start].trim_end().ends_with(','));
        let accept = match ctx {
            Ctx::Strong(_) if town_alone => false,
            Ctx::Strong(_) => {
                classes[0] != Class::Ambiguous || g[0].flags & (GIVEN | SURNAME) != 0 || known > 0
            }
            // Shape: a known name with more capitalised words beside it, or two or more
            // capitalised words that are in no word list, or a given name and a surname
            // that are also common words or places (Alexandra Nelson).
            // A particle between two words (`Pieter van der Berg`) is a name's shape too.
            _ if n >= 2 => {
                known >= 1
                    || known + unknown == n
                    || given_then_surname
                    || given_then_unlisted
                    || inner_particle
            }
            // One word: a known given name; a known surname after a weak cue; any word in
            // no list after a cue that points at a person (`driven by Selim`).
            _ => {
                // `L Chen`: an initial before a surname makes it a name (`edges` takes
                // the initial in).
                (known == 1
                    && (first & GIVEN != 0
                        || ctx != Ctx::None
                        || edges::initials_before(&text[..g[0].start]) > 0
                        || person_verb_after(&text[g[0].end..])))
                    || (unknown == 1
                        && (ctx == Ctx::Person
                            || lone_word_is_name(&self.lex, text, tokens, from, to, shape)))
                    // A given name that is also a word, before a verb only a person does
                    // (`Rose told me`, `Precious said no`).
                    || (classes[0] == Class::Ambiguous
                        && first & GIVEN != 0
                        && first & (STOP | ROLE | BUSINESS) == 0
                        && person_verb_after(&text[g[0].end..]))
            }
        };
        if !accept {
            return;
        }
        // After a cue, at most four words of name (particles aside).
        let mut end = g.len();
        if strong {
            let mut words = 0;
            for (k, c) in classes.iter().enumerate() {
                words += usize::from(*c != Class::Particle);
                if words == 4 {
                    end = k + 1;
                    break;
                }
            }
        }
        let mut span = name_span(g[0].start, g[end - 1].end, ctx);
        if !strong && self_presented(&self.lex, text, span.start, span.end) {
            span.role = Role::Reporter;
        }
        out.push(span);
    }
}

/// Whether a word is one of the rule file's titles; a short ASCII word is lower-cased on
/// the stack (asked of the first word of most runs of capitals: no `String` for each).
fn is_title(lex: &Lexicon, word: &str) -> bool {
    let mut buf = [0u8; 16];
    match buf.get_mut(..word.len()) {
        Some(lower) if word.is_ascii() => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).is_ok_and(|w| lex.titles.contains(w))
        }
        _ => lex.titles.contains(&fold(word)),
    }
}

/// A place from the place lists that is in no other list (no name, common or English
/// word): alone it is the place, beside a name a family name.
fn only_a_place(t: &Token) -> bool {
    t.flags & (PLACE | COMMON | DICT | GIVEN | SURNAME) == PLACE
}

/// Words before which a capitalised word is more often a place than a person (`went to
/// Ruatoria`, `in Pukekohe`, `from Dubai`).
const PLACE_BEFORE: &[&str] = &[
    "to", "in", "at", "from", "near", "of", "around", "towards", "toward", "via", "into",
    "outside", "inside", "across", "through", "past", "between", "off", "on", "up", "down",
    "round", "the", "a", "an", "our", "their", "this", "that", "visit", "visited", "live", "lives",
    "living", "based", "stay", "stays", "moved", "back", "over", "under", "by",
    // A vehicle, a card, a language: `drives a silver Navara`, `his Mastercard`, `speaks Tetum`.
    "his", "her", "my", "your", "its", "white", "black", "silver", "grey", "gray", "red", "blue",
    "green", "speaks", "speak", "speaking", "every", "last", "next",
];

/// A lone capitalised word in no list, with no cue before it, is a name where shape says
/// so: inside a sentence (a capital there is no sentence's), not after a word that leads
/// to places; or any Latin word in a text written mostly in another script.
fn lone_word_is_name(
    lex: &Lexicon,
    text: &str,
    tokens: &[Token],
    from: usize,
    to: usize,
    shape: Shape,
) -> bool {
    let t = &tokens[from];
    // In no list at all: not even the first word of a listed place or organisation
    // (whose flags do not carry the dictionary's).
    let listed = NOT_BEFORE | NOT_AFTER | DICT | COMMON | STOP | BUSINESS | ROLE | PHRASE_START;
    let in_a_list = t.flags & listed != 0 || lex.dictionary(t.hash) != 0;
    if to != from + 1 || t.end - t.start < 3 || t.shouted || in_a_list {
        return false;
    }
    // Alone: no capitalised word beside it (`Cannons Creek`, `Central Java`).
    let beside = |k: usize| {
        tokens.get(k).is_some_and(|n| {
            n.capitalised
                && text[t.end.min(n.end)..t.start.max(n.start)]
                    .trim()
                    .is_empty()
        })
    };
    if (from > 0 && beside(from - 1)) || beside(from + 1) {
        return false;
    }
    // A plural of a nationality or place word (`Peruvians`).
    let word = &text[t.start..t.end];
    if let Some(stem) = word.strip_suffix('s') {
        if lex.flags(word_hash(stem)) & (STOP | COMMON | DICT) != 0 {
            return false;
        }
    }
    if !shape.mostly_cased || person_verb_after(&text[t.end..]) {
        return true;
    }
    // In other languages written in Latin or Cyrillic letters, a capital inside a sentence
    // is as often a place, a month or a noun after a preposition we do not know.
    if !shape.english {
        return false;
    }
    let before = text[..t.start].trim_end_matches([' ', '\t', '"', '“', '(']);
    let Some(prev) = from.checked_sub(1).map(|k| &tokens[k]) else {
        return false;
    };
    if before.len() != prev.end && !before.ends_with(',') {
        return false;
    }
    let word = text[prev.start..prev.end].to_lowercase();
    !PLACE_BEFORE.contains(&word.as_str())
}

/// English verbs that only a person does, after the word that does them (`Lafaele told
/// me`, `Tavita said`): the cue a lone word opening a sentence lacks.
const PERSON_VERBS: &[&str] = &[
    "told",
    "tells",
    "said",
    "says",
    "asked",
    "asks",
    "rang",
    "texted",
    "messaged",
    "shouted",
    "yelled",
    "screamed",
    "screams",
    "threatened",
    "threatens",
    "promised",
    "hit",
    "slapped",
    "punched",
    "swore",
    "took",
    "keeps",
    "kept",
    "holds",
    "owes",
    "drove",
    "touched",
    "grabbed",
];

/// Whether `rest` opens with a space and one of `PERSON_VERBS`, then a space or a mark.
pub(super) fn person_verb_after(rest: &str) -> bool {
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    let len = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    PERSON_VERBS.contains(&&rest[..len]) && !rest[len..].starts_with(['-', '\''])
}

/// Whether `before` ends in a word that puts what follows in a place (`in`, `at`, `from`;
/// Portuguese and Spanish `em`, `en`, Malay `di`, Tagalog `sa`, Māori and Pacific `i`,
/// `ki`).
fn in_a_place_before(before: &str) -> bool {
    const IN_A_PLACE: &[&str] = &[
        "in", "at", "from", "near", "to", "around", "outside", "em", "en", "di", "sa", "i", "ki",
        "ʻi", "'i",
    ];
    let before = before.trim_end();
    let word = &before[before
        .rfind(|c: char| c.is_whitespace())
        .map_or(0, |i| i + 1)..];
    IN_A_PLACE.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether `rest` opens with a phone number, straight after a word or after `on`, `at`,
/// `:` or a dash: seven digits or more, spaced or not.
fn phone_follows(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', ':', '-', '–']);
    let rest = ["on ", "at ", "- ", "– "]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest)
        .trim_start_matches(['(', '+']);
    let number = rest
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')')))
        .unwrap_or(rest.len());
    rest.starts_with(|c: char| c.is_ascii_digit())
        && rest[..number].bytes().filter(u8::is_ascii_digit).count() >= 7
}

/// English words common in any English sentence, and seldom words of other languages.
/// As byte patterns, matched by length first: a list compared word by word cost a
/// comparison of strings for every entry, at every lower-case word.
#[rustfmt::skip]
fn english_marker(word: &[u8]) -> bool {
    matches!(
        word,
        b"the" | b"and" | b"is" | b"was" | b"are" | b"were" | b"he" | b"she" | b"they" | b"we"
            | b"his" | b"her" | b"their" | b"my" | b"with" | b"not" | b"but" | b"have" | b"has"
            | b"had" | b"this" | b"that" | b"for" | b"you" | b"said" | b"says" | b"will"
            | b"would" | b"who" | b"there" | b"of" | b"to" | b"it"
    )
}

/// Tokens `range` of a run that may be a name, with the run's context when they open
/// the run (`run` may have read it already: it is read once for both).
struct Group<'c> {
    range: std::ops::Range<usize>,
    run_ctx: Option<&'c OnceCell<Ctx>>,
}

/// What the whole text is written in, read once a text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Shape {
    /// Half its words or more are in a cased script (Latin, Cyrillic ...).
    pub mostly_cased: bool,
    /// Its lower-case Latin words are English often enough (one in ten of them a common
    /// English word) that its capitals follow English use.
    pub english: bool,
}

impl Shape {
    pub(super) fn of(text: &str, tokens: &[Token]) -> Shape {
        let cased = tokens.iter().filter(|t| t.script == Script::Cased).count();
        let (mut words, mut english) = (0usize, 0usize);
        for t in tokens
            .iter()
            .filter(|t| t.script == Script::Cased && !t.capitalised)
        {
            words += 1;
            english += usize::from(english_marker(&text.as_bytes()[t.start..t.end]));
        }
        Shape {
            mostly_cased: cased * 2 >= tokens.len(),
            english: words > 0 && english * 10 >= words,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::redaction::names::{found, found_names};
    use crate::redaction::Role::*;

    #[test]
    fn a_title_is_the_cue_of_the_name_after_it() {
        // A place (`Mukono`) after a title or beside the given name after it is the
        // family name.
        assert_eq!(found_names("I told Mrs Mukono about it"), vec!["Mukono"]);
        assert_eq!(
            found_names("an agency run by Mrs Grace Mukono, who charged me"),
            vec!["Grace Mukono"]
        );
        assert_eq!(found_names("I told Mr Bell about it"), vec!["Bell"]);
        assert_eq!(found_names("MR JOHN SMITH CAME"), vec!["JOHN SMITH"]);
    }

    #[test]
    fn initials_and_particles_inside_names() {
        assert_eq!(
            found("Jennifer B Eiffel signs."),
            vec![("Jennifer B Eiffel", Other)]
        );
        assert_eq!(
            found("Mr. Ronaldo dela Cruz came."),
            vec![("Ronaldo dela Cruz", Other)]
        );
        assert_eq!(
            found("Pieter van der Merwe pays."),
            vec![("Pieter van der Merwe", Other)]
        );
        assert!(found("B Block is where we sleep.").is_empty());
        assert!(found("Tél. 021 843 1902\nCordialement").is_empty());
        assert!(found("I work in Manukau.\n\nMy aunty is here.").is_empty());
        assert_eq!(
            found("When Rose told me about the pay she cried."),
            vec![("Rose", Other)]
        );
        assert!(found("The Rose Garden told us to leave.").is_empty());
        assert_eq!(
            found("I'm back in Galway. I'm Ruairí Ó Briain, IRD"),
            vec![("Ruairí Ó Briain", Reporter)]
        );
        // Folded, `Ó` is Fijian `o`: `Yacaqu o` ("my name is") opens no name.
        assert_eq!(
            found("Yacaqu o Samisoni Rokotuiveikau, noqu koro"),
            vec![("Samisoni Rokotuiveikau", Other)]
        );
    }

    #[test]
    fn a_capitalised_self_introduction_opening_a_sentence_is_a_cue() {
        assert_eq!(
            found("Mauri. Ngai Teuea Tebano, I work on a longliner."),
            vec![("Teuea Tebano", Reporter)]
        );
        assert!(found("Kia ora. Ngai Te Rangi iwi runs it.").is_empty());
        assert!(found("Kia ora. Ngāi Tahu Property owns it.").is_empty());
    }

    #[test]
    fn what_people_call_someone_is_a_cue_in_the_writers_language() {
        assert_eq!(found("Everyone calls me Bongo."), vec![("Bongo", Reporter)]);
        // `me dicen` is also "they tell me": only a capitalised name after it.
        assert_eq!(found("Todos me dicen Chuy aquí."), vec![("Chuy", Other)]);
        assert!(found("Siempre me dicen mentiras.").is_empty());
        assert_eq!(
            found("Al capataz le decimos el Gato."),
            vec![("Gato", Other)]
        );
        assert!(found("Todos me dicen que no.").is_empty());
    }

    #[test]
    fn english_words_capitalised_need_a_name_beside_them_or_a_cue() {
        assert!(found("Border Force came to the Mission Statement talk.").is_empty());
        assert!(found("young Indian and Fijian-Indian men, he is Samoan-Kiwi").is_empty());
        assert!(found("arrives daily in a white Mercedes NLV191").is_empty());
        assert_eq!(found("We call him Bongo."), vec![("Bongo", Other)]);
        // A word between a cue for a person and a phone number is whose number it is.
        assert_eq!(
            found("Contact Sunny 027 486 7172 today."),
            vec![("Sunny", Other)]
        );
        assert_eq!(found("Call Rose on 021 555 0192."), vec![("Rose", Other)]);
        assert!(found("Contact Sunny Days Ltd for work.").is_empty());
        assert!(found("Call Monday 8am.").is_empty());
        assert_eq!(found("Marie Little drives."), vec![("Marie Little", Other)]);
        assert_eq!(
            found("My English name is Snow Yang."),
            vec![("Snow Yang", Reporter)]
        );
    }

    #[test]
    fn a_people_or_a_language_after_its_word_in_lower_case_is_no_name() {
        assert!(found("một hội người Việt ở Auckland").is_empty());
        assert!(found("toi khong biet tieng Anh, nho chau gai").is_empty());
        assert!(found("they sleep on the trawler Southern Endeavour").is_empty());
        assert_eq!(
            found_names("chủ tiệm là chị Loan người Việt."),
            vec!["Loan"]
        );
        // Capitalised at a sentence's start, with their marks: "they", "the grandchild".
        assert!(found("Họ phải trả phí rất cao. Cháu kể là công ty giữ").is_empty());
        assert_eq!(found_names("ông chủ là Hồ Văn Nam."), vec!["Hồ Văn Nam"]);
    }

    #[test]
    fn places_alone_are_no_names_beside_a_name_they_are_family_names() {
        assert!(found("houses in Te Puke, Pāengaroa and Maketū and around Okaihau").is_empty());
        assert_eq!(
            found_names("One of them, Taoing Bauro, says"),
            vec!["Taoing Bauro"]
        );
        assert_eq!(found_names("My name is Moala."), vec!["Moala"]);
        assert_eq!(
            found_names("Yesterday I saw Vunisea at the farm."),
            vec!["Vunisea"]
        );
        // The first word of a place is no list of its own: `Durie` of `Durie Hill`.
        assert_eq!(
            found_names("Yesterday I saw Durie at the farm."),
            vec!["Durie"]
        );
    }

    #[test]
    fn towns_named_after_families() {
        assert_eq!(
            found_names("The owner, Bruce Hastings, has another farm in Hastings."),
            vec!["Bruce Hastings"]
        );
        assert!(found("I work for a restaurant in Wellington, the owner is kind.").is_empty());
        assert!(found("Brazilian, commercial cleaner, Wellington. Calls at night.").is_empty());
    }

    #[test]
    fn a_given_name_that_is_a_word_before_a_surname_in_no_list() {
        assert_eq!(
            found_names("I met Jasmine Ruatara yesterday. Grace Oyelaran works nights."),
            vec!["Jasmine Ruatara", "Grace Oyelaran"]
        );
        assert!(found("Hope Street is near the Grace Church hall.").is_empty());
    }

    #[test]
    fn a_surname_after_an_initial() {
        assert_eq!(
            found_names("TRANSFER TO L CHEN\n\nL Chen is the owner, A Smith is not."),
            vec!["L CHEN", "L Chen"]
        );
    }

    #[test]
    fn capitals_only_after_a_cue() {
        assert_eq!(
            found("I am ADAM KRZYWANEK."),
            vec![("ADAM KRZYWANEK", Reporter)]
        );
        assert!(found("WE ARE NOT PAID.").is_empty());
    }

    #[test]
    fn a_name_seen_capitalised_is_found_again_in_lower_case() {
        assert_eq!(
            found_names("his employer Biju Mathew takes half his salary. biju phone 027 491"),
            vec!["Biju Mathew", "biju"]
        );
        // Not an English word: `mark` of `Mark Smith` is the verb.
        assert_eq!(
            found_names("The boss Mark Smith said to mark the hours."),
            vec!["Mark Smith"]
        );
    }

    #[test]
    fn a_cue_inside_a_sentence_in_capitals() {
        assert_eq!(
            found_names("HELLO MY NEPHEW FOLAU IS WORKING FOR A BUILDER IN SOUTH AUCKLAND"),
            vec!["FOLAU"]
        );
        assert!(found_names("MY BOSS TOLD US TO WORK ON SUNDAY").is_empty());
    }

    #[test]
    fn nz_after_a_name_that_follows_a_cue_is_the_country() {
        assert_eq!(
            found_names("Mera bhai Pankaj Sharma NZ me hai."),
            vec!["Pankaj Sharma"]
        );
        assert!(found_names("We work for Sharma Builders NZ in Pukekohe.").is_empty());
    }

    #[test]
    fn a_name_before_indonesian_di_and_a_business_is_a_name() {
        assert_eq!(
            found_names("Manajer saya Heather Brown di Taieri Care Home."),
            vec!["Heather Brown"]
        );
        assert!(found_names("Saya kerja di Taieri Care Home.").is_empty());
    }

    #[test]
    fn te_reo_keeps_its_words() {
        assert!(found("Kia ora, aroha mai, kei Te Awamutu ahau e mahi ana").is_empty());
        assert!(found("Aroha mai. Nō Ngāti Porou ahau.").is_empty());
    }

    #[test]
    fn one_word_in_no_list_after_a_person_cue() {
        assert_eq!(found("It happened to Losaline."), vec![("Losaline", Other)]);
        // A weak cue is not enough for a word in no list.
        assert!(found("We went to Ruatoria.").is_empty());
    }

    #[test]
    fn a_listed_name_in_capitals_after_a_cue_carries_it_on() {
        assert_eq!(
            found_names("THE HOUSE IS BIG.\nMY NAME JERICHO MANALASTAS. PHONE 021 319 8824."),
            vec!["JERICHO MANALASTAS"]
        );
        // Not a verb after the name.
        assert_eq!(
            found_names("MY DAUGHTER LOSANA WORKS AT A REST HOME."),
            vec!["LOSANA"]
        );
    }

    #[test]
    fn hindi_main_before_a_name_is_the_introduction() {
        assert_eq!(
            found_names("Namaste sir. Main Ankit Sharma, Hamilton mein kaam karta hoon."),
            vec!["Ankit Sharma"]
        );
    }

    #[test]
    fn one_word_in_no_list_before_a_verb_only_a_person_does() {
        assert_eq!(
            found_names("Fa'amolemole. Lafaele told me he hasnt been paid."),
            vec!["Lafaele"]
        );
        assert!(found_names("Fa'amolemole. Lafaele is far away.").is_empty());
    }

    #[test]
    fn one_word_in_no_list_inside_an_english_sentence() {
        assert_eq!(
            found("The money goes to the supervisor and Zorvan keeps half of it."),
            vec![("Zorvan", Other)]
        );
        // After a word that leads to places, in a list's words, in another language.
        assert!(found("They took us to Ruatoria on the bus and we slept there.").is_empty());
        assert!(found("He said Innovation and Employment never checks.").is_empty());
        assert!(found("Ko au e mahi ana i Wairau, ka hoki mai ki Ōtaki.").is_empty());
        // A Latin word in a text written in another script.
        assert_eq!(
            found("අපි තුන්දෙනෙක් එක්ක Ruwani වැඩ කරනවා"),
            vec![("Ruwani", Other)]
        );
    }
}
