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

use super::kind::{Kind, Role};
use super::rules::{Examples, RulesError};
use super::span::Span;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};

/// A set keyed by the fast `Fx` hash.
pub type FxSet<T> = HashSet<T, BuildHasherDefault<Fx>>;
use std::hash::{BuildHasherDefault, Hasher};
use unicode_normalization::UnicodeNormalization;

const GIVEN: u16 = 1;
const SURNAME: u16 = 1 << 1;
const STOP: u16 = 1 << 2;
const PHRASE: u16 = 1 << 3;
const COMMON: u16 = 1 << 4;
const BUSINESS: u16 = 1 << 5;
const ROLE: u16 = 1 << 6;
const PARTICLE: u16 = 1 << 7;
const NOT_BEFORE: u16 = 1 << 8;
const NOT_AFTER: u16 = 1 << 9;
const PHRASE_START: u16 = 1 << 10;
const INTRO_TAIL: u16 = 1 << 11;

/// A fast hasher for the fixed word lists (the Fx hash of rustc). The table is built once
/// from our own lists, so a text cannot grow its collision chains.
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Word lists keyed by `word_hash`: no string compare, no pointer to chase.
type Table = HashMap<u64, u16, BuildHasherDefault<Id>>;

/// A hasher for keys that are already hashes.
#[derive(Default, Clone, Copy)]
pub struct Id(u64);

impl Hasher for Id {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

fn mix(mut z: u64) -> u64 {
    // splitmix64's finaliser.
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A 64-bit hash of an already folded word. Lists hold a few thousand words, so two
/// words sharing a hash is a chance of about one in 10^15 a lookup.
fn folded_hash(folded: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in folded.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

/// The hash of a word as written: `folded_hash(fold(word))`, without allocating when the
/// word is ASCII.
fn word_hash(word: &str) -> u64 {
    if word.is_ascii() {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in word.bytes() {
            h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3);
        }
        mix(h)
    } else {
        folded_hash(&fold(word))
    }
}

/// The hash of a phrase from the hashes of its words.
fn phrase_hash(words: impl Iterator<Item = u64>) -> u64 {
    let mut words = words;
    let Some(first) = words.next() else {
        return 0;
    };
    words.fold(first, |h, w| {
        mix(h.rotate_left(29) ^ w ^ 0x9e37_79b9_7f4a_7c15)
    })
}

/// The `[names]` table of a rule file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameSpec {
    pub description: String,
    /// Files of given names, one a line.
    pub given: Vec<String>,
    /// Files of surnames, one a line.
    pub surnames: Vec<String>,
    /// Files of words that are never part of a name (function words, places,
    /// nationalities, organisations). Multi-word entries are matched as phrases.
    pub not_names: Vec<String>,
    /// Files of common words that are not names alone but may be part of one right next
    /// to a known name (`Little` in `Marie Little`).
    #[serde(default)]
    pub common_words: Vec<String>,
    /// Files of words that make a run a business name (`Ltd`, `Farms`).
    pub business: Vec<String>,
    /// Words that, just after a run, show it is a street or place (`Street`, `Bay`).
    #[serde(default)]
    pub not_before: Vec<String>,
    /// Words that, just before a run, show it is a place (`Mount`, `Lake`).
    #[serde(default)]
    pub not_after: Vec<String>,
    /// Lower-case particles allowed inside a name (`van`, `bin`, `de`).
    #[serde(default)]
    pub particles: Vec<String>,
    /// Phrases after which a name is the writer's own (`my name is`, `regards`).
    pub intro: Vec<String>,
    /// Roles and titles after which a capitalised word is a name (`manager`, `mr`).
    pub roles: Vec<String>,
    /// Phrases after which a known surname alone is taken as a name (`tell`, `by`).
    #[serde(default)]
    pub weak: Vec<String>,
    #[serde(default)]
    pub examples: Examples,
}

/// The compiled name detector.
#[derive(Debug)]
pub struct NameDetector {
    pub file: String,
    pub description: String,
    /// Every listed word and phrase, with flags saying which lists hold it: one lookup
    /// per token.
    lexicon: Table,
    /// Particles and the last words of self-introductions: the only lower-case words
    /// looked up for every token (a small table that stays in cache).
    small: Table,
    sizes: (usize, usize, usize),
    intro: FxSet<String>,
    roles: FxSet<String>,
    weak: FxSet<String>,
    pub must_match: Vec<String>,
    pub no_match: Vec<String>,
}

/// Lower-cases and strips diacritics (`Ōtāhuhu` -> `otahuhu`), with `’` as `'`.
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            '’' | '‘' | 'ʻ' | '`' => '\'',
            'đ' | 'Đ' => 'd',
            'ø' | 'Ø' => 'o',
            'ł' | 'Ł' => 'l',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// `fold(s)`, kept on the stack when `s` is short ASCII (the usual case for the few words
/// of context around a candidate).
pub enum Folded {
    Stack([u8; 128], usize),
    Heap(String),
}

impl Folded {
    pub fn new(s: &str) -> Self {
        if s.is_ascii() && s.len() <= 128 {
            let mut buf = [0u8; 128];
            for (b, c) in buf.iter_mut().zip(s.bytes()) {
                *b = c.to_ascii_lowercase();
            }
            Folded::Stack(buf, s.len())
        } else {
            Folded::Heap(fold(s))
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            // Lower-cased ASCII is valid UTF-8.
            Folded::Stack(buf, len) => std::str::from_utf8(&buf[..*len]).unwrap_or(""),
            Folded::Heap(s) => s,
        }
    }
}

fn parse_list(name: &str, source: &str) -> Result<Vec<String>, RulesError> {
    let mut out = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if line.chars().any(|c| c.is_ascii_digit() || c.is_control()) {
            return Err(RulesError::Syntax {
                file: name.to_owned(),
                message: format!("line {}: an entry must be words, not {line:?}", n + 1),
            });
        }
        out.push(fold(line));
    }
    Ok(out)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Blocked,
    /// A common word: part of a name only right next to a known name.
    Soft,
    Ambiguous,
    Known,
    Unknown,
}

#[derive(Debug, Clone)]
struct Token {
    start: usize,
    end: usize,
    /// `word_hash` of the folded word.
    hash: u64,
    flags: u16,
    capitalised: bool,
    particle: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ctx {
    None,
    Weak,
    Strong(Role),
}

impl NameDetector {
    pub fn build(
        file: &str,
        spec: NameSpec,
        read_list: &dyn Fn(&str) -> Result<String, RulesError>,
    ) -> Result<Self, RulesError> {
        let load = |files: &[String]| -> Result<Vec<String>, RulesError> {
            let mut all = Vec::new();
            for f in files {
                if f.contains("..") || f.starts_with('/') {
                    return Err(RulesError::Syntax {
                        file: file.to_owned(),
                        message: format!("name list {f:?} must be inside the rules directory"),
                    });
                }
                all.extend(parse_list(f, &read_list(f)?)?);
            }
            Ok(all)
        };
        let mut lexicon = Table::default();
        let mut add = |words: Vec<String>, flag: u16| {
            for w in words {
                let flag = if flag == STOP && w.contains(' ') {
                    let first = w.split(' ').next().unwrap_or("");
                    *lexicon.entry(folded_hash(first)).or_insert(0) |= PHRASE_START;
                    PHRASE
                } else {
                    flag
                };
                *lexicon
                    .entry(phrase_hash(w.split(' ').map(folded_hash)))
                    .or_insert(0) |= flag;
            }
        };
        let given = load(&spec.given)?;
        let surnames = load(&spec.surnames)?;
        let not_names = load(&spec.not_names)?;
        let common = load(&spec.common_words)?;
        if given.is_empty() || surnames.is_empty() {
            return Err(RulesError::Syntax {
                file: file.to_owned(),
                message: "[names] needs non-empty given and surname lists".into(),
            });
        }
        let sizes = (given.len(), surnames.len(), not_names.len() + common.len());
        add(given, GIVEN);
        add(surnames, SURNAME);
        add(not_names, STOP);
        add(common, COMMON);
        add(load(&spec.business)?, BUSINESS);
        let folded = |v: &[String]| -> Vec<String> { v.iter().map(|w| fold(w)).collect() };
        add(folded(&spec.not_before), NOT_BEFORE);
        add(folded(&spec.not_after), NOT_AFTER);
        add(folded(&spec.particles), PARTICLE);
        let phrases = |v: Vec<String>| -> FxSet<String> {
            v.iter()
                .map(|w| fold(w).trim_end_matches([',', ':']).trim().to_owned())
                .filter(|w| !w.is_empty())
                .collect()
        };
        let roles = phrases(spec.roles);
        let intro = phrases(spec.intro);
        let mut small = Table::default();
        for p in &spec.particles {
            *small.entry(folded_hash(&fold(p))).or_insert(0) |= PARTICLE;
        }
        for p in &intro {
            if let Some(last) = p.split_whitespace().next_back() {
                *small.entry(folded_hash(last)).or_insert(0) |= INTRO_TAIL;
            }
        }

        add(
            roles.iter().filter(|r| !r.contains(' ')).cloned().collect(),
            ROLE,
        );
        Ok(NameDetector {
            file: file.to_owned(),
            description: spec.description,
            lexicon,
            small,
            sizes,
            intro,
            roles,
            weak: phrases(spec.weak),
            must_match: spec.examples.must_match,
            no_match: spec.examples.no_match,
        })
    }

    /// Counts of the lists, for `check-rules`: given names, surnames, non-names.
    pub fn list_sizes(&self) -> (usize, usize, usize) {
        self.sizes
    }

    fn flags(&self, hash: u64) -> u16 {
        self.lexicon.get(&hash).copied().unwrap_or(0)
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

    fn tokens(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let bytes = text.as_bytes();
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if !c.is_alphabetic() {
                continue;
            }
            let start = i;
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if d.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&d) {
                    end = j + d.len_utf8();
                    iter.next();
                } else if matches!(d, '\'' | '’' | '-') {
                    // Inside a word only: O'Brien, Mary-Jane, Hawke's.
                    let after = text[j + d.len_utf8()..].chars().next();
                    if after.is_some_and(char::is_alphabetic) {
                        end = j + d.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            let word = &text[start..end];
            // Tokens glued to e-mail, web or number syntax are not words of prose.
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            let glued = |c: Option<char>| {
                c.is_some_and(|c| c.is_ascii_digit() || matches!(c, '@' | '/' | '_' | '\\'))
            };
            let dotted_after = after == Some('.')
                && bytes
                    .get(end + 1)
                    .is_some_and(|b| b.is_ascii_alphanumeric());
            let dotted_before = before == Some('.')
                && start >= 2
                && bytes
                    .get(start - 2)
                    .is_some_and(|b| b.is_ascii_alphanumeric());
            if glued(before) || glued(after) || dotted_after || dotted_before {
                out.push(Token {
                    start,
                    end,
                    hash: 0,
                    flags: 0,
                    capitalised: false,
                    particle: false,
                });
                continue;
            }
            // A possessive is not part of the name.
            let (word, end) = match word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")) {
                Some(w) if !w.is_empty() => (w, start + w.len()),
                _ => (word, end),
            };
            let first = word.chars().next().unwrap_or(' ');
            if !first.is_uppercase() {
                // Lower-case words matter as particles (van, bin, de) and as the end of
                // a self-introduction; names written in lower case are looked up only
                // after one (`lowercase_introductions`).
                let flags = if word.len() <= 8 {
                    self.small.get(&word_hash(word)).copied().unwrap_or(0)
                } else {
                    0
                };
                let particle = flags & PARTICLE != 0;
                out.push(Token {
                    start,
                    end,
                    hash: 0,
                    flags,
                    capitalised: false,
                    particle,
                });
                continue;
            }
            let rest_upper = word.chars().skip(1).any(char::is_uppercase)
                && !word.chars().skip(1).any(char::is_lowercase);
            let hash = word_hash(word);
            let mut flags =
                self.flags(hash) | (self.small.get(&hash).copied().unwrap_or(0) & INTRO_TAIL);
            if flags == 0 && word.contains('-') {
                // Mary-Jane, Jun-seo, Tūhoe-Ngata: a name if a part is one.
                flags = word
                    .split('-')
                    .map(|part| self.flags(word_hash(part)) & (GIVEN | SURNAME))
                    .fold(0, |a, b| a | b);
            }
            // An initial: "J. Smith".
            let initial =
                word.len() == 1 && first.is_ascii_uppercase() && after == Some('.') && word != "I";
            if initial {
                flags = 0;
            }
            let capitalised = initial
                || (first.is_uppercase()
                    && (!rest_upper || flags & (GIVEN | SURNAME) != 0)
                    && word.chars().count() >= 2);
            let particle = !capitalised && flags & PARTICLE != 0;
            out.push(Token {
                start,
                end,
                hash,
                flags,
                capitalised,
                particle,
            });
        }
        out
    }

    /// The context just before byte `at`.
    fn context(&self, text: &str, at: usize) -> Ctx {
        let mut lo = at.saturating_sub(48);
        while lo > 0 && !text.is_char_boundary(lo) {
            lo -= 1;
        }
        let folded = Folded::new(&text[lo..at]);
        let pre = folded.as_str().trim_end();
        // A closing "- Name" or "— Name" after the end of a sentence or line.
        for dash in ['-', '—', '–', '~'] {
            if let Some(rest) = pre.strip_suffix(dash) {
                let rest = rest.trim_end_matches([' ', '\t']);
                if rest.is_empty()
                    || rest.ends_with(['.', '!', '?', '\n'])
                    || (lo == 0 && rest.trim().is_empty())
                {
                    return Ctx::Strong(Role::Reporter);
                }
            }
        }
        let pre = pre.trim_end_matches([',', ':', '(']).trim_end();
        if ends_with_any(pre, &self.intro) {
            return Ctx::Strong(Role::Reporter);
        }
        // "the driver is X", "a man called X", "the manager, X".
        let mut core = pre;
        for link in [" is", " was", " named", " called", " name"] {
            if let Some(h) = core.strip_suffix(link) {
                core = h.trim_end_matches([',', ' ']);
                break;
            }
        }
        if ends_with_any(core, &self.roles) || pre.ends_with(" named") || pre.ends_with(" called") {
            return Ctx::Strong(Role::Other);
        }
        if ends_with_any(pre, &self.weak) {
            return Ctx::Weak;
        }
        Ctx::None
    }

    /// Whether a role follows byte `at`: `, my supervisor`, ` (the driver)`.
    fn role_after(&self, text: &str, at: usize) -> bool {
        let mut hi = (at + 40).min(text.len());
        while !text.is_char_boundary(hi) {
            hi -= 1;
        }
        let folded = Folded::new(&text[at..hi]);
        let after = folded.as_str();
        let Some(rest) = after
            .strip_prefix(", ")
            .or_else(|| after.strip_prefix(" ("))
            .or_else(|| after.strip_prefix(" - "))
        else {
            return false;
        };
        let rest = ["the ", "my ", "our ", "his ", "her ", "their ", "a ", "an "]
            .iter()
            .find_map(|d| rest.strip_prefix(d))
            .unwrap_or(rest);
        let words: Vec<&str> = rest
            .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
            .take(2)
            .collect();
        words.first().is_some_and(|w| self.roles.contains(*w))
            || (words.len() == 2 && self.roles.contains(&words.join(" ")))
    }

    /// Finds names in `text`.
    pub fn find(&self, text: &str) -> Vec<Span> {
        let tokens = self.tokens(text);
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
            let flags = self.flags(word_hash(&text[t.start..t.end]));
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
                || self.context(text, first.start) != Ctx::Strong(Role::Reporter)
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
                rule: "name-context".into(),
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
                if self.flags(phrase_hash(run[k..k + len].iter().map(|t| t.hash))) & PHRASE != 0 {
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
        let mut ctx = self.context(text, g[0].start);
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
        if ctx == Ctx::None && self.role_after(text, g[g.len() - 1].end) {
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
                Ctx::Strong(_) => "name-context",
                Ctx::Weak => "name-gazetteer",
                Ctx::None => "name-gazetteer",
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
                    rule: "name-repeat".into(),
                    role: Role::Other,
                });
            }
        }
    }
}

/// Whether `s` ends with one of the phrases in `set`, starting at a word start: looks up
/// the last few words of `s` rather than trying every phrase.
fn ends_with_any(s: &str, set: &FxSet<String>) -> bool {
    let mut words = 0;
    let mut prev_alnum = false;
    for (i, c) in s.char_indices().rev() {
        let alnum = c.is_alphanumeric();
        if prev_alnum && !alnum {
            let tail = &s[i + c.len_utf8()..];
            if set.contains(tail) {
                return true;
            }
            words += 1;
            if words >= 6 {
                return false;
            }
        }
        prev_alnum = alnum;
    }
    prev_alnum && set.contains(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_strips_diacritics() {
        assert_eq!(fold("Ōtāhuhu"), "otahuhu");
        assert_eq!(fold("Nguyễn"), "nguyen");
        assert_eq!(fold("Đặng"), "dang");
        assert_eq!(fold("Hawke’s"), "hawke's");
    }

    #[test]
    fn phrase_suffixes() {
        let set: FxSet<String> = ["my name is", "boss", "i'm"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert!(ends_with_any("hello, my name is", &set));
        assert!(ends_with_any("the boss", &set));
        assert!(ends_with_any("boss", &set));
        assert!(!ends_with_any("the subboss", &set));
        assert!(ends_with_any("so i'm", &set));
        assert!(!ends_with_any("", &set));
    }
}
