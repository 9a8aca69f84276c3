//! Redaction rules: TOML files in `redaction-rules/`, loaded and validated at start.
//!
//! ```toml
//! [[rule]]
//! id = "passport"                  # letters, digits and dashes; unique across all files
//! kind = "PASSPORT"                # one of the kinds in `Kind`
//! description = "A passport number near the word passport"
//! pattern = '''\b[A-Z]{1,2}[0-9]{6,8}[A-Z]?\b'''
//! validator = "luhn"               # optional: a Rust check named in `validators::NAMES`
//! context = { require_any = ["passport"], suppress_any = ["invoice"], window = 40 }
//! role = "reporter"                # optional: force the role hint of every match
//! examples = { match = ["passport LA123456"], no_match = ["invoice LA123456"] }
//! ```
//!
//! **Patterns** use the `regex` crate's syntax. When a pattern has a capture group named
//! `value`, only that group is redacted: the rest of the match is context that must be
//! present (the crate has no look-behind), as in `born on (?P<value>...)`.
//!
//! **Validators** confirm a match (`luhn`, `ird`, `nz-bank`, `phone`, `nhi`, `date`); the
//! validator sees the redacted value only. `validator_holds_around = true` says that it
//! answers the same on the whole match (`validators::HOLD_AROUND`; checked at load), so
//! that a match it refuses is dropped before its `value` group is sought.
//!
//! **Context** looks at `window` bytes (default 40) on both sides of the value, lower-cased.
//! `require_any`: at least one of the words must be there; `suppress_any`: the match is
//! dropped when one of them is there. Words match whole words (`car` does not match
//! `card`); a trailing `*` matches any word starting so (`passport*` matches `passports`).
//! Words in scripts written without spaces (`出生`) match anywhere.
//! Entries that start or end with punctuation (`$`, `a/c`) match anywhere. `side = "before"` or `"after"` narrows the
//! window to one side. `suppress_window` (default `window`) gives the suppressing words a
//! window of their own: a word that rules a match out must usually stand right beside it
//! (`flight NZ123`), where the word that vouches for it may be a sentence away.
//!
//! **Examples**: every `match` example must be wholly redacted, with at least one span of
//! the rule's kind, by the full engine; every `no_match` example must come out untouched.
//! `tipline check-rules` runs them; so does a unit test.
//!
//! A file may also hold one `[names]` table configuring the name detector: see
//! `names::NameSpec`. Name lists are plain text files (one entry a line, `#` comments)
//! beside the rule files, named relative to the rules directory.

use super::kind::{Kind, Role};
use super::matcher::AnchoredStarts;
use super::names::{NameDetector, NameSpec};
use super::spec::Examples;
pub use super::spec::RulesError;
use super::text::{ceil_boundary, floor_boundary, is_alphanumeric};
use super::validators::{self, Validator};
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use include_dir::{include_dir, Dir};
use regex::Regex;
use regex_syntax::hir::{Class, Hir, HirKind};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The default rules, compiled into the binary so that `tipline serve` needs no files.
pub static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/redaction-rules");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    #[serde(default)]
    rule: Vec<RuleSpec>,
    names: Option<NameSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    id: String,
    kind: String,
    description: String,
    pattern: String,
    validator: Option<String>,
    #[serde(default)]
    validator_holds_around: bool,
    context: Option<ContextSpec>,
    role: Option<Role>,
    #[serde(default)]
    examples: Examples,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ContextSpec {
    #[serde(default)]
    require_any: Vec<String>,
    #[serde(default)]
    suppress_any: Vec<String>,
    #[serde(default = "default_window")]
    window: usize,
    suppress_window: Option<usize>,
    #[serde(default)]
    side: Side,
}

fn default_window() -> usize {
    40
}

/// Which side of a match a rule's context window covers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    #[default]
    Both,
    Before,
    After,
}

/// Context words around a match: see the module documentation.
#[derive(Debug, Clone)]
pub struct Context {
    pub require_any: Words,
    pub suppress_any: Words,
    pub window: usize,
    pub suppress_window: usize,
    pub side: Side,
}

/// A list of context words, searched for all at once (ASCII case-insensitively).
#[derive(Debug, Clone)]
pub struct Words {
    /// Per word: whether it must start / end at a word boundary.
    edges: Vec<(bool, bool)>,
    automaton: Option<AhoCorasick>,
}

impl Words {
    pub fn new(words: Vec<String>) -> Self {
        let mut plain = Vec::with_capacity(words.len());
        let mut edges = Vec::with_capacity(words.len());
        for word in words {
            let (w, prefix) = match word.strip_suffix('*') {
                Some(w) => (w.to_owned(), true),
                None => (word, false),
            };
            // Scripts written without spaces (Han, Thai) have no word edges to ask for.
            let start = w.starts_with(|c: char| c.is_ascii_alphanumeric());
            let end = !prefix && w.ends_with(|c: char| c.is_ascii_alphanumeric());
            edges.push((start, end));
            plain.push(w);
        }
        let automaton = if plain.is_empty() {
            None
        } else {
            // A DFA even past the 100 words the crate's own choice allows one for (the
            // reporter cues, plates' context): the same matches, found faster, for a
            // table of a few hundred KiB.
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&plain)
                .ok()
        };
        Words { edges, automaton }
    }

    pub fn is_empty(&self) -> bool {
        self.edges.is_empty()
    }

    /// Whether one of the words occurs in `window` with the boundaries it asks for.
    pub fn found_in(&self, window: &str) -> bool {
        self.find_in(window).is_some()
    }

    /// Where the first of the words occurs in `window` with the boundaries it asks for.
    pub fn find_in(&self, window: &str) -> Option<std::ops::Range<usize>> {
        let ac = self.automaton.as_ref()?;
        let edge = |c: Option<char>| c.is_none_or(|c| !is_alphanumeric(c));
        ac.find_overlapping_iter(window)
            .find(|m| {
                let (start, end) = self.edges[m.pattern().as_usize()];
                (!start || edge(window[..m.start()].chars().next_back()))
                    && (!end || edge(window[m.end()..].chars().next()))
            })
            .map(|m| m.range())
    }
}

impl Context {
    /// Whether the context around `text[start..end]` lets the match stand.
    pub fn allows(&self, text: &str, start: usize, end: usize) -> bool {
        if self
            .suppress_any
            .found_in(self.window(text, start, end, self.suppress_window))
        {
            return false;
        }
        self.require_any.is_empty()
            || self
                .require_any
                .found_in(self.window(text, start, end, self.window))
    }

    /// The required context word found around `text[start..end]`, as written there.
    pub fn cue<'t>(&self, text: &'t str, start: usize, end: usize) -> Option<&'t str> {
        let window = self.window(text, start, end, self.window);
        self.require_any.find_in(window).map(|r| &window[r])
    }

    fn window<'t>(&self, text: &'t str, start: usize, end: usize, width: usize) -> &'t str {
        let lo = match self.side {
            Side::After => start,
            _ => start.saturating_sub(width),
        };
        let hi = match self.side {
            Side::Before => end,
            _ => end.saturating_add(width).min(text.len()),
        };
        &text[floor_boundary(text, lo)..ceil_boundary(text, hi)]
    }
}

/// The most memory a rule's lazy DFA may hold, per thread that runs it. Label rules (a
/// list of words in many scripts, then a value: `address-label`, `masked-number`) need
/// more than the default 2 MiB, or their states are rebuilt text after text (the dev
/// corpus took 54% more instructions, the generated one twice as many); at 4 MiB the dev
/// corpus took 11 times as many, the cache filled and cleared on every few texts. 8 MiB
/// costs nothing against 16 MiB on the dev corpus and on text seen before, 10% on
/// unseen generated tips, and holds less under load (DESIGN.md, Scale).
const RULE_CACHE: usize = 8 << 20;

/// A validated, compiled rule.
#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub kind: Kind,
    /// What the rule finds, in words (`tipline redact --explain` shows it).
    pub description: String,
    pub regex: Regex,
    pub file: String,
    /// Whether the pattern has a `value` group: only that group is redacted.
    pub value_group: bool,
    /// The same pattern for a search that finds a match's start without the reverse
    /// DFA (`matcher`): for the rules whose reverse scan is slow.
    pub anchored: Option<AnchoredStarts>,
    pub validator: Option<Validator>,
    /// The validator answers on the whole match as on its value (`validators::HOLD_AROUND`).
    pub validator_holds_around: bool,
    pub context: Option<Context>,
    /// A role that every match of this rule gets, instead of the engine's guess.
    pub role: Option<Role>,
    pub must_match: Vec<String>,
    pub no_match: Vec<String>,
}

/// Everything loaded from a rules directory: the pattern rules and the name detector.
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub names: Option<NameDetector>,
}

/// Parses one rule file. `file` names it in errors.
pub fn parse_file(file: &str, source: &str) -> Result<Vec<Rule>, RulesError> {
    Ok(parse_file_full(file, source)?.0)
}

fn parse_file_full(file: &str, source: &str) -> Result<(Vec<Rule>, Option<NameSpec>), RulesError> {
    let parsed: RuleFile = toml::from_str(source).map_err(|e| RulesError::Syntax {
        file: file.to_owned(),
        message: e.to_string(),
    })?;
    let rules = parsed
        .rule
        .into_iter()
        .map(|spec| compile(file, spec))
        .collect::<Result<_, _>>()?;
    Ok((rules, parsed.names))
}

fn compile(file: &str, spec: RuleSpec) -> Result<Rule, RulesError> {
    let fail = |message: String| RulesError::Rule {
        file: file.to_owned(),
        rule: spec.id.clone(),
        message,
    };
    if spec.id.is_empty()
        || !spec
            .id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Err(fail(
            "id must be non-empty letters, digits and dashes".into(),
        ));
    }
    // Handlers and `check-rules` readers rely on every rule saying what it finds.
    if spec.description.trim().is_empty() {
        return Err(fail("description must not be empty".into()));
    }
    let kind: Kind = spec
        .kind
        .parse()
        .map_err(|e: super::kind::UnknownKind| fail(e.to_string()))?;
    if spec.pattern.len() > 20_000 {
        return Err(fail("pattern is longer than 20000 bytes".into()));
    }
    if let Some(word) = boundary_beside_non_ascii(&spec.pattern) {
        return Err(fail(format!(
            "`\\b` before `{word}` never matches: word boundaries are ASCII here; \
             write `(?:^|[^\\p{{L}}])` and a `value` group instead"
        )));
    }
    let pattern = ascii_word_boundaries(&spec.pattern);
    let regex = regex::RegexBuilder::new(&pattern)
        .size_limit(8 << 20)
        .dfa_size_limit(RULE_CACHE)
        .build()
        .map_err(|e| fail(format!("bad pattern: {e}")))?;
    if regex.is_match("") {
        return Err(fail("pattern matches the empty string".into()));
    }
    let value_group = regex.capture_names().any(|n| n == Some("value"));
    if spec.validator_holds_around {
        let counted = validators::HOLD_AROUND
            .iter()
            .find(|(name, _)| Some(*name) == spec.validator.as_deref())
            .map(|(_, counted)| *counted);
        let holds = counted.is_some_and(|counted| {
            value_group
                && regex_syntax::parse(&pattern)
                    .is_ok_and(|hir| !counted_outside_value(&hir, counted, false))
        });
        if !holds {
            return Err(fail(
                "validator_holds_around needs a `value` group, a validator of \
                 validators::HOLD_AROUND and no character it counts outside the group"
                    .into(),
            ));
        }
    }
    let validator = match spec.validator {
        None => None,
        Some(name) => match validators::by_name(&name) {
            f @ Some(_) => f,
            None => {
                return Err(fail(format!(
                    "unknown validator `{name}`; expected one of {}",
                    validators::NAMES.join(", ")
                )))
            }
        },
    };
    let context = match spec.context {
        None => None,
        Some(c) => {
            let lower = |v: Vec<String>| -> Result<Vec<String>, RulesError> {
                v.into_iter()
                    .map(|w| {
                        if w.trim().is_empty() {
                            Err(fail("context words must not be empty".into()))
                        } else {
                            Ok(w.to_lowercase())
                        }
                    })
                    .collect()
            };
            let suppress_window = c.suppress_window.unwrap_or(c.window);
            if [c.window, suppress_window]
                .iter()
                .any(|&w| w == 0 || w > 1000)
            {
                return Err(fail("context windows must be 1..=1000 bytes".into()));
            }
            Some(Context {
                require_any: Words::new(lower(c.require_any)?),
                suppress_any: Words::new(lower(c.suppress_any)?),
                window: c.window,
                suppress_window,
                side: c.side,
            })
        }
    };
    Ok(Rule {
        id: spec.id,
        kind,
        description: spec.description,
        regex,
        file: file.to_owned(),
        value_group,
        anchored: AnchoredStarts::new(&pattern, 8 << 20, RULE_CACHE),
        validator,
        validator_holds_around: spec.validator_holds_around,
        context,
        role: spec.role,
        must_match: spec.examples.must_match,
        no_match: spec.examples.no_match,
    })
}

/// Whether a match of `hir` may hold one of the `counted` characters outside its `value`
/// group (or a `value` group repeated, whose earlier rounds fall outside the value).
fn counted_outside_value(hir: &Hir, counted: &str, repeated: bool) -> bool {
    let any = |all: &[Hir]| {
        all.iter()
            .any(|h| counted_outside_value(h, counted, repeated))
    };
    match hir.kind() {
        HirKind::Capture(c) if c.name.as_deref() == Some("value") => repeated,
        HirKind::Capture(c) => counted_outside_value(&c.sub, counted, repeated),
        HirKind::Repetition(r) => {
            counted_outside_value(&r.sub, counted, repeated || r.max != Some(1))
        }
        HirKind::Concat(all) | HirKind::Alternation(all) => any(all),
        HirKind::Literal(l) => {
            std::str::from_utf8(&l.0).map_or(true, |s| s.contains(|c| counted.contains(c)))
        }
        HirKind::Class(Class::Unicode(class)) => counted.chars().any(|c| {
            class
                .ranges()
                .iter()
                .any(|r| (r.start()..=r.end()).contains(&c))
        }),
        // A class of bytes may match a piece of a character outside ASCII.
        HirKind::Class(Class::Bytes(class)) => class.ranges().iter().any(|r| {
            r.end() >= 0x80 || counted.bytes().any(|b| (r.start()..=r.end()).contains(&b))
        }),
        HirKind::Empty | HirKind::Look(_) => false,
    }
}

/// Rewrites `\b` as `(?-u:\b)`: an ASCII word boundary, which the regex crate's fast
/// DFA engines support on any text (a Unicode `\b` makes them give way to a slower
/// engine whenever a text has a non-ASCII character, as many tips do). The boundaries in
/// these rules sit next to digits, ASCII letters and punctuation, where both agree.
pub fn ascii_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push_str("(?-u:\\b)"),
            Some(next) => {
                out.push('\\');
                out.push(next);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// The first word of a branch that a `\b` opens with a letter outside ASCII (`\b(?:Trần|Đỗ)`:
/// `Đỗ`), which an ASCII boundary never matches before; `None` when there is none.
fn boundary_beside_non_ascii(pattern: &str) -> Option<String> {
    let mut at = 0;
    while let Some(k) = pattern[at..].find("\\b") {
        let i = at + k;
        at = i + 2;
        // `\\b` is a backslash and a `b`, not a boundary.
        let escaped = pattern[..i]
            .chars()
            .rev()
            .take_while(|&c| c == '\\')
            .count()
            % 2
            == 1;
        if !escaped {
            if let Some(word) = opening_non_ascii(&pattern[i + 2..]) {
                return Some(word);
            }
        }
    }
    None
}

/// The first word of any branch `rest` can open with, when it opens with a letter
/// outside ASCII: through groups and their alternatives.
fn opening_non_ascii(rest: &str) -> Option<String> {
    let Some(group) = rest.strip_prefix('(') else {
        let first = rest.chars().next()?;
        return (!first.is_ascii() && first.is_alphabetic())
            .then(|| rest.chars().take_while(|c| c.is_alphabetic()).collect());
    };
    let group = ["?:", "?i:", "?-u:"]
        .iter()
        .find_map(|p| group.strip_prefix(p))
        .unwrap_or(group);
    // The group's top-level alternatives: no `|` inside a nested group, a class or after
    // a backslash.
    let (mut depth, mut class, mut escaped, mut from) = (0usize, false, false, 0);
    for (k, c) in group.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '[' if !class => class = true,
            ']' if class => class = false,
            _ if class => {}
            '(' => depth += 1,
            ')' if depth == 0 => return opening_non_ascii(&group[from..k]),
            ')' => depth -= 1,
            '|' if depth == 0 => {
                if let Some(word) = opening_non_ascii(&group[from..k]) {
                    return Some(word);
                }
                from = k + 1;
            }
            _ => {}
        }
    }
    None
}

/// Loads the rules compiled into the binary (pattern rules only).
pub fn load_embedded() -> Result<Vec<Rule>, RulesError> {
    Ok(load_embedded_full()?.rules)
}

/// Loads every `*.toml` file in a directory, in name order, with the name lists the
/// `[names]` table refers to.
pub fn load_dir_full(dir: &Path) -> Result<RuleSet, RulesError> {
    let io = |source| RulesError::Io {
        path: dir.to_owned(),
        source,
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let mut files = Vec::new();
    for path in &paths {
        let source = std::fs::read_to_string(path).map_err(|source| RulesError::Io {
            path: path.clone(),
            source,
        })?;
        files.push((path.display().to_string(), source));
    }
    let read_list = |name: &str| -> Result<String, RulesError> {
        let path = dir.join(name);
        std::fs::read_to_string(&path).map_err(|source| RulesError::Io { path, source })
    };
    assemble(files, &read_list, &dir.display().to_string())
}

/// Loads the rules compiled into the binary, with their name lists.
pub fn load_embedded_full() -> Result<RuleSet, RulesError> {
    let mut entries: Vec<_> = EMBEDDED
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "toml"))
        .collect();
    entries.sort_by_key(|f| f.path());
    let mut files = Vec::new();
    for f in entries {
        let name = format!("redaction-rules/{}", f.path().display());
        let source = f.contents_utf8().ok_or_else(|| RulesError::Syntax {
            file: name.clone(),
            message: "not UTF-8".into(),
        })?;
        files.push((name, source.to_owned()));
    }
    let read_list = |name: &str| -> Result<String, RulesError> {
        let file = EMBEDDED.get_file(name).ok_or_else(|| RulesError::Io {
            path: PathBuf::from(format!("redaction-rules/{name}")),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such embedded file"),
        })?;
        file.contents_utf8()
            .map(str::to_owned)
            .ok_or_else(|| RulesError::Syntax {
                file: format!("redaction-rules/{name}"),
                message: "not UTF-8".into(),
            })
    };
    assemble(files, &read_list, "the embedded rules")
}

/// Parses rule files given as (name, source) pairs; `read_list` fetches a name list by
/// its path relative to the rules directory. Used by both loaders and by fuzzing.
pub fn assemble(
    files: Vec<(String, String)>,
    read_list: &dyn Fn(&str) -> Result<String, RulesError>,
    origin: &str,
) -> Result<RuleSet, RulesError> {
    let mut rules = Vec::new();
    let mut names: Option<(String, NameSpec)> = None;
    for (file, source) in &files {
        let (file_rules, spec) = parse_file_full(file, source)?;
        rules.extend(file_rules);
        if let Some(spec) = spec {
            if let Some((first, _)) = &names {
                return Err(RulesError::Syntax {
                    file: file.clone(),
                    message: format!("a second [names] table (the first is in {first})"),
                });
            }
            names = Some((file.clone(), spec));
        }
    }
    let names = match names {
        Some((file, spec)) => Some(NameDetector::build(&file, spec, read_list)?),
        None => None,
    };
    if rules.is_empty() && names.is_none() {
        return Err(RulesError::Empty(origin.to_owned()));
    }
    for (i, rule) in rules.iter().enumerate() {
        if let Some(first) = rules[..i].iter().find(|r| r.id == rule.id) {
            return Err(RulesError::Rule {
                file: rule.file.clone(),
                rule: rule.id.clone(),
                message: format!("id already used in {}", first.file),
            });
        }
    }
    Ok(RuleSet { rules, names })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_regex_names_file_and_rule() {
        let err = parse_file(
            "x.toml",
            "[[rule]]\nid = \"broken\"\nkind = \"PHONE\"\ndescription = \"d\"\npattern = \"(\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.starts_with("x.toml: rule `broken`: bad pattern"),
            "{err}"
        );
    }

    #[test]
    fn unknown_kind_is_named() {
        let err = parse_file(
            "x.toml",
            "[[rule]]\nid = \"r\"\nkind = \"SHOE\"\ndescription = \"d\"\npattern = \"a\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("unknown kind `SHOE`"), "{err}");
    }

    #[test]
    fn unknown_validator_is_named() {
        let err = parse_file(
            "x.toml",
            "[[rule]]\nid = \"r\"\nkind = \"CARD\"\ndescription = \"d\"\npattern = \"a\"\nvalidator = \"lune\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("unknown validator `lune`"), "{err}");
    }

    #[test]
    fn a_validator_holds_around_only_when_nothing_it_counts_is_outside_the_value() {
        let rule = |pattern: &str| {
            format!(
                "[[rule]]\nid = \"r\"\nkind = \"ID\"\ndescription = \"d\"\npattern = '''{pattern}'''\nvalidator = \"masked\"\nvalidator_holds_around = true\n"
            )
        };
        assert!(parse_file(
            "x.toml",
            &rule(r"(?:^|[^0-9A-Za-z*•+])(?P<value>[0-9xX*]{3,9})")
        )
        .is_ok());
        for refused in [
            r"(?:^|[^A-Za-z])(?P<value>[0-9xX*]{3,9})",
            r"(?i:ex)(?P<value>[0-9xX*]{3,9})",
            r"(?:a(?P<value>[0-9xX*]{3,9}))+",
            r"a[0-9xX*]{3,9}",
        ] {
            let err = parse_file("x.toml", &rule(refused))
                .unwrap_err()
                .to_string();
            assert!(err.contains("validator_holds_around"), "{refused}: {err}");
        }
    }

    #[test]
    fn empty_description_is_refused() {
        let err = parse_file(
            "x.toml",
            "[[rule]]\nid = \"r\"\nkind = \"PHONE\"\ndescription = \" \"\npattern = \"a\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("description must not be empty"), "{err}");
    }

    #[test]
    fn unknown_field_is_a_syntax_error() {
        let err = parse_file("x.toml", "[[rule]]\nid = \"r\"\ncolour = 1\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("colour"), "{err}");
    }

    #[test]
    fn word_boundaries_become_ascii() {
        assert_eq!(ascii_word_boundaries(r"\bab\\b\d"), r"(?-u:\b)ab\\b\d");
        assert_eq!(
            boundary_beside_non_ascii(r"\b(?:Trần|Đỗ)\s+\p{Lu}"),
            Some("Đỗ".to_owned())
        );
        assert_eq!(
            boundary_beside_non_ascii(r"\bÉcole"),
            Some("École".to_owned())
        );
        assert_eq!(boundary_beside_non_ascii(r"\b(?:Trần|Lê)\b"), None);
        assert_eq!(
            boundary_beside_non_ascii(r"\b(?:[0-9]\s+(?:mar|ʻepe))"),
            None
        );
        assert_eq!(
            boundary_beside_non_ascii(r"\b(?:(?:Đỗ|Lê) [a-z]|x)"),
            Some("Đỗ".to_owned())
        );
        assert_eq!(ascii_word_boundaries(r"x\"), r"x\");
    }

    #[test]
    fn context_requires_and_suppresses() {
        let c = Context {
            require_any: Words::new(vec!["passport".into()]),
            suppress_any: Words::new(vec!["invoice".into()]),
            window: 20,
            suppress_window: 20,
            side: Side::Both,
        };
        let t = "my passport is LA123456 ok";
        assert!(c.allows(t, 15, 23));
        let t = "my nopassport is LA123456";
        assert!(!c.allows(t, 17, 25));
        let t = "my passports LA123456";
        assert!(!c.allows(t, 13, 21));
        let c = Context {
            require_any: Words::new(vec!["passport*".into()]),
            ..c
        };
        assert!(c.allows("PASSPORTS LA123456", 10, 18));
        assert!(c.allows(t, 13, 21));
        let t = "passport invoice LA123456";
        assert!(!c.allows(t, 17, 25));
        // A suppressing word past its own, narrower window no longer rules the match out,
        // while the required word still counts from the wider one.
        let c = Context {
            suppress_window: 8,
            ..c
        };
        let t = "invoice paid. passport LA123456";
        assert!(c.allows(t, 23, 31));
        assert!(!c.allows("passport invoice LA123456", 17, 25));
    }

    #[test]
    fn embedded_rules_load() {
        let set = load_embedded_full().unwrap();
        assert!(!set.rules.is_empty());
        assert!(set.names.is_some());
    }
}
