//! The redaction engine: every rule compiled once; a first pass over sets of rules
//! (`first_pass`) picks the rules that can match, so the cost of a scan grows little with
//! the number of rules. Names are found by the name detector (gazetteers, context and
//! shape: see `names`).
//!
//! Overlapping findings are merged into one span covering both (no byte of either is left
//! readable). The merged span takes the kind of the finding that contains the other; when
//! neither contains the other (or both cover the same bytes), of the higher-priority
//! finding, in the order of `Kind::priority`: EMAIL, HANDLE, URL, IP, CARD, BANK, IRD,
//! ID, NHI, PASSPORT, LICENCE, PLATE, PHONE, DOB, ADDRESS, NAME; between equals, the longer.

use super::address;
use super::admin_units;
use super::described_place;
use super::first_pass::PatternSet;
use super::kind::{Kind, Role};
use super::lists;
use super::lived_in;
use super::names::{self, NameDetector};
use super::normalised::Normalised;
use super::phone_extension;
use super::place_chain;
use super::residence;
use super::role;
use super::rules::{self, Rule, RuleSet};
use super::span::{normalise, render, Redaction, Span};
use super::spec::RulesError;
use super::subject;
use super::table_columns;
use super::text::{ceil_boundary, floor_boundary};
use super::village_abroad;
use std::path::Path;

pub struct Engine {
    rules: Vec<Rule>,
    first_pass: Vec<RuleGroup>,
    names: Option<NameDetector>,
}

/// A few rules' patterns as one set, and which rules they are.
struct RuleGroup {
    set: PatternSet,
    rules: Vec<usize>,
}

/// A detector of addresses with no number: the byte ranges it finds in a text.
type FindPlaces = fn(&str) -> Vec<(usize, usize)>;

/// The detectors of addresses with no number, by rule id: their spans are not carried
/// over a numbered address's head and tail (places described, villages by their units,
/// places lived in told by their landmarks, villages abroad down to their country,
/// places lived in told around a street in the writer's language).
const UNNUMBERED: [(&str, FindPlaces); 5] = [
    (described_place::RULE, described_place::find),
    (admin_units::RULE, admin_units::find),
    (residence::RULE, residence::find),
    (village_abroad::RULE, village_abroad::find),
    (lived_in::RULE, lived_in::find),
];

/// Rules per set of the first pass. One set of every rule has a lazy DFA whose states
/// multiply with the rules it holds: on text unlike what it has seen it keeps building
/// states (most of a scan's time, and tens of MiB of cache per thread), and a smaller
/// cache is cleared again and again. Sets of sixteen need far fewer states, built sooner
/// (on a cold engine and on unseen text the set of all needed several times the time),
/// at the cost of a few more passes over each text. With the long repetition in a set
/// of its own (`set_members`), the first pass over the generated corpus took 27-31 ms
/// (warm) in sets of 16 against 43 in sets of 8 and 83-92 in sets of 20 (whose states
/// multiply again), and as long cold; on the dev corpus 1.3 ms against 2.2 warm, 28-31
/// against 19 cold (a set's state built once for many texts).
const RULES_PER_SET: usize = 16;

/// The most memory each set's lazy DFA may hold, per thread that runs it. Measured on the
/// generated corpus (callgrind, after warming on 300 tips): 4 MiB cost nothing on text
/// seen before and 3% on unseen text, against 16 MiB; under the load tool the sets'
/// caches were most of the single thread's heap (`examples/rules_memory.rs`: 115 MiB
/// after the mixed corpora at 16 MiB, 90 MiB with the sets at 2 MiB).
const SET_CACHE: usize = 4 << 20;

/// The rules of each set of the first pass: a rule with a long counted repetition (one
/// that `matcher` searches) alone, the others by `RULES_PER_SET` in rule order. Beside
/// others, a long repetition's states multiply with theirs: the set of `address-label`
/// and seven others took 57 of the 75 ms of the whole first pass on the generated corpus,
/// where `address-label` alone takes 2 and the others about 3 a set of eight.
fn set_members(rules: &[Rule]) -> Vec<Vec<usize>> {
    let (long, short): (Vec<usize>, Vec<usize>) =
        (0..rules.len()).partition(|&i| rules[i].anchored.is_some());
    let alone = long.into_iter().map(|i| vec![i]);
    short
        .chunks(RULES_PER_SET)
        .map(<[usize]>::to_vec)
        .chain(alone)
        .collect()
}

/// Whether a date or a phone-like run of digits ending at `end` is a message's time stamp
/// in a pasted chat (`[08.02.2024 21:14]`, `02/08/2024, 20:01 - Rodrigo:`): a time follows
/// the date, or the run's last digits are the hour of one.
fn timestamp(kind: Kind, text: &str, end: usize) -> bool {
    let rest = &text.as_bytes()[end..];
    let time_at = |i: usize| {
        rest.get(i).is_some_and(|&c| c == b':')
            && rest.get(i + 1).is_some_and(u8::is_ascii_digit)
            && rest.get(i + 2).is_some_and(u8::is_ascii_digit)
    };
    match kind {
        Kind::Phone => time_at(0),
        Kind::Dob => {
            let skip = usize::from(rest.first() == Some(&b','));
            rest.get(skip) == Some(&b' ')
                && rest.get(skip + 1).is_some_and(u8::is_ascii_digit)
                && (time_at(skip + 2)
                    || (rest.get(skip + 2).is_some_and(u8::is_ascii_digit) && time_at(skip + 3)))
        }
        _ => false,
    }
}

/// One failed example in a rule file, as reported by `tipline check-rules`.
#[derive(Debug)]
pub struct ExampleFailure {
    pub file: String,
    pub rule: String,
    pub message: String,
}

impl Engine {
    /// An engine of pattern rules only, without a name detector.
    pub fn new(rules: Vec<Rule>) -> Result<Self, RulesError> {
        Self::with_names(RuleSet { rules, names: None })
    }

    /// An engine of pattern rules and (when configured) the name detector.
    pub fn with_names(set: RuleSet) -> Result<Self, RulesError> {
        let first_pass = set_members(&set.rules)
            .iter()
            .map(|rules| {
                let sources: Vec<&str> =
                    rules.iter().map(|&i| set.rules[i].regex.as_str()).collect();
                let patterns = PatternSet::new(&sources, 64 << 20, SET_CACHE).map_err(|e| {
                    RulesError::Syntax {
                        file: "rule set".into(),
                        message: e.to_string(),
                    }
                })?;
                Ok(RuleGroup {
                    set: patterns,
                    rules: rules.clone(),
                })
            })
            .collect::<Result<_, RulesError>>()?;
        Ok(Engine {
            rules: set.rules,
            first_pass,
            names: set.names,
        })
    }

    /// The default rules, compiled into the binary.
    pub fn embedded() -> Result<Self, RulesError> {
        Self::with_names(rules::load_embedded_full()?)
    }

    pub fn from_dir(dir: &Path) -> Result<Self, RulesError> {
        Self::with_names(rules::load_dir_full(dir)?)
    }

    /// The rules that can match `text` at all (the first pass), in rule order.
    pub fn candidates(&self, text: &str) -> Vec<usize> {
        let mut found = Vec::new();
        for group in &self.first_pass {
            group.set.matches(text, |i| found.push(group.rules[i]));
        }
        found.sort_unstable();
        found
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The name detector, when the rules configure one.
    pub fn names(&self) -> Option<&NameDetector> {
        self.names.as_ref()
    }

    /// Rule counts per kind, for `check-rules`; the name detector counts as one NAME rule.
    pub fn rule_counts(&self) -> Vec<(Kind, usize)> {
        Kind::ALL
            .into_iter()
            .map(|k| {
                let n = self.rules.iter().filter(|r| r.kind == k).count()
                    + usize::from(k == Kind::Name && self.names.is_some());
                (k, n)
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// Finds every identifying detail in `text`: sorted, non-overlapping spans on
    /// character boundaries, each with a role hint.
    pub fn find(&self, original: &str) -> Vec<Span> {
        // The pattern rules read the prepared text (see `normalised`); their spans are
        // mapped back to the original before names, roles and merging, which read it.
        let prepared = Normalised::new(original);
        let text: &str = &prepared.text;
        let mut spans = Vec::new();
        let mut decided = Vec::new();
        for index in self.candidates(text) {
            let rule = &self.rules[index];
            let mut push = |start: usize, end: usize| {
                if start >= end {
                    return;
                }
                let value = &text[start..end];
                if timestamp(rule.kind, text, end) {
                    return;
                }
                if let Some(valid) = &rule.validator {
                    if !valid(value) {
                        return;
                    }
                }
                if let Some(context) = &rule.context {
                    if !context.allows(text, start, end) {
                        return;
                    }
                }
                spans.push(Span {
                    start,
                    end,
                    kind: rule.kind,
                    rule: rule.id.clone(),
                    role: rule.role.unwrap_or_default(),
                });
                decided.push(rule.role.is_some());
            };
            if let Some(anchored) = &rule.anchored {
                anchored.each(text, push);
            } else if let Some(valid) = rule.validator.filter(|_| rule.validator_holds_around) {
                // The validator refuses the whole match as it would its value: only the
                // matches it takes are searched again for their groups. A match found by
                // `find_iter` is the one `captures_iter` finds, and the search for groups
                // from its start finds it again.
                for m in rule.regex.find_iter(text).filter(|m| valid(m.as_str())) {
                    let caps = rule.regex.captures_at(text, m.start());
                    if let Some(v) = caps.as_ref().and_then(|c| c.name("value")) {
                        push(v.start(), v.end());
                    }
                }
            } else if rule.value_group {
                for caps in rule.regex.captures_iter(text) {
                    if let Some(m) = caps.name("value") {
                        push(m.start(), m.end());
                    }
                }
            } else {
                for m in rule.regex.find_iter(text) {
                    push(m.start(), m.end());
                }
            }
        }
        let before_lists = spans.len();
        lists::extend(text, &mut spans);
        // Addresses with no number to keep them: places described, villages by their units.
        let unnumbered = UNNUMBERED
            .iter()
            .flat_map(|(rule, find)| find(text).into_iter().map(move |range| (range, *rule)));
        for ((start, end), rule) in unnumbered {
            spans.push(Span {
                start,
                end,
                kind: Kind::Address,
                rule: rule.into(),
                role: Role::default(),
            });
        }
        decided.extend(spans[before_lists..].iter().map(|_| false));
        for span in &mut spans {
            let unnumbered = UNNUMBERED.iter().any(|(rule, _)| *rule == span.rule)
                || address::WHOLE_AS_FOUND.contains(&span.rule.as_str());
            if span.kind == Kind::Address && !unnumbered {
                let is_place =
                    |phrase: &str| self.names.as_ref().is_some_and(|n| n.is_place(phrase));
                (span.start, span.end) = address::extent(
                    text,
                    span.start,
                    span.end,
                    span.rule == address::LABEL_RULE,
                    &is_place,
                );
            }
            if span.kind == Kind::Phone {
                span.end = phone_extension::extended(text, span.end);
            }
            let (start, end) = prepared.original(span.start, span.end);
            // Whatever the mapping, a span covers whole characters of the original: the
            // role cues and the rendering slice the text there.
            (span.start, span.end) = (
                floor_boundary(original, start),
                ceil_boundary(original, end),
            );
        }
        let text = original;
        if let Some(names) = &self.names {
            let is_place = |phrase: &str| names.is_place(phrase);
            place_chain::extend(text, &mut spans, &is_place);
            for (start, end) in place_chain::find(text, &is_place) {
                decided.push(false);
                spans.push(Span {
                    start,
                    end,
                    kind: Kind::Address,
                    rule: place_chain::RULE.into(),
                    role: Role::default(),
                });
            }
        }
        // Cells of a pasted table under a column its header names (`Name | Passport`).
        for (start, end, kind) in table_columns::find(text) {
            decided.push(false);
            spans.push(Span {
                start,
                end,
                kind,
                rule: table_columns::RULE.into(),
                role: Role::default(),
            });
        }
        if let Some(detector) = &self.names {
            // The detector reads a name's role from its own cues: a clause opening
            // "Call X on ..." asks to call X, not the writer.
            for span in detector.find(text) {
                decided.push(true);
                spans.push(span);
            }
        }
        // A signature sits below a sign-off line: a text of one line has none, and asking
        // span by span scanned the whole line each time.
        let lines = text.contains('\n');
        let mut cues = subject::WriterCues::default();
        for (span, decided) in spans.iter_mut().zip(decided) {
            if !decided
                && (cues.before(text, span.start) || lines && role::in_signature(text, span.start))
            {
                span.role = Role::Reporter;
            }
        }
        let mut spans = normalise(text, spans);
        // A detail in the same sentence as the writer's own, with no other person named
        // in between, is the writer's too ("I am X, phone Y").
        for i in 1..spans.len() {
            let (prev, cur) = (&spans[i - 1], &spans[i]);
            if prev.role == Role::Reporter
                && cur.role == Role::Other
                && cur.kind != Kind::Name
                && cur.rule != names::rule::CONTEXT
                && !role::sentence_break(&text[prev.end..cur.start])
            {
                spans[i].role = Role::Reporter;
            }
        }
        // Whose the rest are: the subject's on a cue, else a third party's.
        subject::propose(text, &mut spans, &mut cues);
        spans
    }

    pub fn redact(&self, text: &str) -> Redaction {
        let spans = self.find(text);
        Redaction {
            redacted: render(text, &spans),
            spans,
        }
    }

    /// Runs every rule's examples. In a `match` example, the part in square brackets (or
    /// the whole example when it has none) must be wholly redacted by the full engine,
    /// with at least one span of the rule's kind and nothing else redacted; a `no_match`
    /// example must get no span of the rule's kind (another rule may still redact it: an
    /// e-mail address is no `@handle`). The name detector's `no_match` examples must come
    /// through wholly untouched.
    pub fn check_examples(&self) -> Vec<ExampleFailure> {
        let mut failures = Vec::new();
        let mut check = |file: &str, id: &str, kind: Kind, yes: &[String], no: &[String]| {
            let fail = |message: String| ExampleFailure {
                file: file.to_owned(),
                rule: id.to_owned(),
                message,
            };
            for example in yes {
                let (text, lo, hi) = match (example.find('['), example.rfind(']')) {
                    (Some(a), Some(b)) if a < b => {
                        let text = format!(
                            "{}{}{}",
                            &example[..a],
                            &example[a + 1..b],
                            &example[b + 1..]
                        );
                        (text, a, b - 1)
                    }
                    _ => {
                        let lo = example.len() - example.trim_start().len();
                        let hi = example.trim_end().len();
                        (example.clone(), lo, hi)
                    }
                };
                let spans = self.find(&text);
                let covered = text[lo..hi].char_indices().all(|(i, c)| {
                    c.is_whitespace() || spans.iter().any(|s| s.start <= lo + i && lo + i < s.end)
                });
                let by_kind = spans
                    .iter()
                    .any(|s| s.kind == kind && s.start < hi && lo < s.end);
                let outside = spans.iter().any(|s| s.end <= lo || s.start >= hi);
                if !covered || !by_kind || outside {
                    failures.push(fail(format!(
                        "example {example:?} is not redacted exactly as {kind}: got {:?}",
                        render(&text, &spans)
                    )));
                }
            }
            for example in no {
                let spans = self.find(example);
                let strict = id == names::rule::DETECTOR;
                if spans.iter().any(|s| strict || s.kind == kind) {
                    failures.push(fail(format!(
                        "example {example:?} should not be redacted: got {:?}",
                        render(example, &spans)
                    )));
                }
            }
        };
        for rule in &self.rules {
            check(
                &rule.file,
                &rule.id,
                rule.kind,
                &rule.must_match,
                &rule.no_match,
            );
        }
        if let Some(detector) = &self.names {
            check(
                &detector.file,
                names::rule::DETECTOR,
                Kind::Name,
                &detector.must_match,
                &detector.no_match,
            );
        }
        failures
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_examples_all_pass() {
        let engine = Engine::embedded().unwrap();
        let failures = engine.check_examples();
        let report: Vec<String> = failures
            .iter()
            .map(|f| format!("{} {}: {}", f.file, f.rule, f.message))
            .collect();
        assert!(report.is_empty(), "{}", report.join("\n"));
    }

    #[test]
    fn roles_follow_the_text() {
        let engine = Engine::embedded().unwrap();
        let text = "The driver is Amaira Karnik. I am Marie Harding, phone +91 95650 88995.";
        let spans = engine.find(text);
        let roles: Vec<(&str, Role)> = spans
            .iter()
            .map(|s| (&text[s.start..s.end], s.role))
            .collect();
        assert_eq!(
            roles,
            vec![
                ("Amaira Karnik", Role::Other),
                ("Marie Harding", Role::Reporter),
                ("+91 95650 88995", Role::Reporter),
            ]
        );
    }
}
