//! Text helpers shared by the redaction modules: folding words for comparison and the
//! fast hashes of folded words. A leaf: it imports nothing from the rest of redaction.

use aho_corasick::AhoCorasick;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use unicode_normalization::UnicodeNormalization;

/// A set keyed by the fast `Fx` hash.
pub type FxSet<T> = HashSet<T, BuildHasherDefault<Fx>>;
/// A map keyed by the fast `Fx` hash.
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;
/// A map whose keys are already hashes (`word_hash`): no string compare, no pointer to
/// chase.
pub type HashTable<V> = HashMap<u64, V, BuildHasherDefault<Id>>;

/// A fast hasher for the fixed word lists (the Fx hash of rustc). The tables are built
/// once from our own lists, so a text cannot grow their collision chains.
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
pub fn folded_hash(folded: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in folded.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

/// The hash of a word as written: `folded_hash(fold(word))`, without allocating when the
/// word is ASCII.
pub fn word_hash(word: &str) -> u64 {
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
pub fn phrase_hash(words: impl Iterator<Item = u64>) -> u64 {
    let mut words = words;
    let Some(first) = words.next() else {
        return 0;
    };
    words.fold(first, |h, w| {
        mix(h.rotate_left(29) ^ w ^ 0x9e37_79b9_7f4a_7c15)
    })
}

/// Lower-cases and strips diacritics (`Ōtāhuhu` -> `otahuhu`), with `’` as `'` and
/// without the ʻokina, which lists and writers often leave out (`Tuʻipulotu` ->
/// `tuipulotu`).
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    // Characters that fold to themselves and start a combining sequence (most letters
    // of Chinese, Devanagari, Thai ...) are copied as they are: decomposition never
    // reorders across them, so the runs between them fold alone, to the same result as
    // the whole text at once, without the cost of decomposing every character. The
    // pending stretch `from..i` is all copied characters (`copying`) or all to fold, and
    // goes out in one piece (a character at a time was a third of `fold`'s own cost).
    let mut out = String::with_capacity(word.len());
    let bytes = word.as_bytes();
    // (Once, not per character: each access is an atomic load and a branch.)
    let tables = tables();
    let (mut from, mut copying) = (0, false);
    let flush = |out: &mut String, from: usize, to: usize, copying: bool| {
        if from < to {
            if copying {
                out.push_str(&word[from..to]);
            } else {
                fold_run(&word[from..to], out);
            }
        }
    };
    let mut i = 0;
    while i < word.len() {
        if bytes[i].is_ascii() {
            // A run of ASCII copied at once: the text around a name outside ASCII is
            // mostly ASCII but for a macron or a curly quote.
            let end = bytes[i..]
                .iter()
                .position(|b| !b.is_ascii())
                .map_or(word.len(), |n| i + n);
            flush(&mut out, from, i, copying);
            let ascii = &word[i..end];
            if ascii.contains('`') {
                out.extend(ascii.bytes().map(|b| match b {
                    b'`' => '\'',
                    b => char::from(b.to_ascii_lowercase()),
                }));
            } else {
                let at = out.len();
                out.push_str(ascii);
                out[at..].make_ascii_lowercase();
            }
            (from, i) = (end, end);
            continue;
        }
        let Some(c) = word[i..].chars().next() else {
            break;
        };
        if folds_unchanged(tables, c) {
            if !copying {
                flush(&mut out, from, i, copying);
                (from, copying) = (i, true);
            }
        } else if HANGUL.contains(&c) {
            flush(&mut out, from, i, copying);
            hangul_jamo(c, &mut out);
            from = i + c.len_utf8();
        } else if copying {
            flush(&mut out, from, i, copying);
            (from, copying) = (i, false);
        }
        i += c.len_utf8();
    }
    flush(&mut out, from, word.len(), copying);
    out
}

/// Korean syllables: each decomposes into two or three jamo, all starters (class 0)
/// with no lower case, so a syllable folds alone as within a run; computed as
/// Unicode's decomposition does (3.12), not by decomposing every Korean word.
const HANGUL: std::ops::RangeInclusive<char> = '\u{AC00}'..='\u{D7A3}';

/// The jamo of a syllable in `HANGUL`.
fn hangul_jamo(syllable: char, out: &mut String) {
    let s = syllable as u32 - 0xAC00;
    let (lead, vowel, tail) = (0x1100 + s / 588, 0x1161 + (s % 588) / 28, 0x11A7 + s % 28);
    out.extend(char::from_u32(lead));
    out.extend(char::from_u32(vowel));
    if tail != 0x11A7 {
        out.extend(char::from_u32(tail));
    }
}

/// `fold_decomposed` of a run between characters `fold` copies. Most runs are one
/// character (`ā`, `’`, `É`), answered from a table: decomposing them one at a time was
/// a twentieth of all time on the generated corpus.
fn fold_run(run: &str, out: &mut String) {
    let mut chars = run.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if let Some(folded) = tables().fold_single.get(&c) {
            out.extend(*folded);
            return;
        }
    }
    fold_decomposed(run, out);
}

/// `fold` of a text that is not all ASCII, character by character after decomposition.
fn fold_decomposed(text: &str, out: &mut String) {
    out.extend(
        text.nfd()
            .filter(|c| !is_combining(*c) && !matches!(c, 'ʻ' | '‘'))
            .map(|c| match c {
                '’' | '`' => '\'',
                'đ' | 'Đ' => 'd',
                'ø' | 'Ø' => 'o',
                'ł' | 'Ł' => 'l',
                c => c,
            })
            .flat_map(char::to_lowercase),
    );
}

/// Per character of the Basic Multilingual Plane, one bit: computed once from the
/// standard library's and `fold_decomposed`'s own answers, so a lookup answers exactly
/// as they do, without their binary searches through Unicode's tables.
struct Tables {
    alphabetic: Vec<u64>,
    alphanumeric: Vec<u64>,
    /// A non-ASCII character that `fold_decomposed` leaves as it is, and that starts a
    /// combining sequence (class 0); for the first two planes, so that emoji count.
    fold_unchanged: Vec<u64>,
    /// `fold_decomposed` of a character alone that `fold` does not copy, where that is at
    /// most one character.
    fold_single: FxMap<char, Option<char>>,
}

fn tables() -> &'static Tables {
    static TABLES: std::sync::OnceLock<Tables> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let mut tables = Tables {
            alphabetic: vec![0; 1024],
            alphanumeric: vec![0; 1024],
            fold_unchanged: vec![0; 2048],
            fold_single: FxMap::default(),
        };
        let mut buf = [0u8; 4];
        let mut folded = String::new();
        for c in (0..=0x1FFFF_u32).filter_map(char::from_u32) {
            let (word, bit) = (c as usize / 64, 1u64 << (c as usize % 64));
            if c.is_alphabetic() && word < 1024 {
                tables.alphabetic[word] |= bit;
            }
            if c.is_alphanumeric() && word < 1024 {
                tables.alphanumeric[word] |= bit;
            }
            if c.is_ascii() {
                continue;
            }
            folded.clear();
            fold_decomposed(c.encode_utf8(&mut buf), &mut folded);
            if unicode_normalization::char::canonical_combining_class(c) == 0
                && folded.len() == c.len_utf8()
                && folded.starts_with(c)
            {
                tables.fold_unchanged[word] |= bit;
                continue;
            }
            let mut one = folded.chars();
            if let (first, None) = (one.next(), one.next()) {
                tables.fold_single.insert(c, first);
            }
        }
        tables
    })
}

/// Whether `fold` copies `c` as it is (see `Tables::fold_unchanged`).
fn folds_unchanged(tables: &Tables, c: char) -> bool {
    let c = c as usize;
    c <= 0x1FFFF && tables.fold_unchanged[c / 64] & (1 << (c % 64)) != 0
}

fn bmp_bit(table: &[u64], c: char) -> bool {
    let c = c as usize;
    c <= 0xFFFF && table[c / 64] & (1 << (c % 64)) != 0
}

/// `c.is_alphanumeric()`, by table lookup for the Basic Multilingual Plane.
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if (c as u32) <= 0xFFFF {
        bmp_bit(&tables().alphanumeric, c)
    } else {
        c.is_alphanumeric()
    }
}

/// `c.is_alphabetic()`, by table lookup for the Basic Multilingual Plane.
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if (c as u32) <= 0xFFFF {
        bmp_bit(&tables().alphabetic, c)
    } else {
        c.is_alphabetic()
    }
}

/// `text.to_lowercase()`, but of the last `chars` characters of `text` only, into `out`
/// (a buffer kept from call to call): enough to compare its end with a few lower-case
/// words without lower-casing a whole long text. (Lower-cased a character at a time: a
/// final sigma comes out as `σ`, and is no letter of a word compared here either way.)
pub fn lowercase_tail(text: &str, chars: usize, out: &mut String) {
    let start = match chars.checked_sub(1) {
        Some(last) => text.char_indices().rev().nth(last).map_or(0, |(i, _)| i),
        None => text.len(),
    };
    out.clear();
    let tail = &text[start..];
    if tail.is_ascii() {
        out.push_str(tail);
        out.make_ascii_lowercase();
    } else {
        out.extend(tail.chars().flat_map(char::to_lowercase));
    }
}

/// Where the patterns of `ac` stand in `s`, as (pattern, start): in the patterns' order,
/// each left to right as `str::match_indices` finds it (none overlapping the one before;
/// `ac` of the standard match kind, the one that reports overlapping matches).
/// One search for all of them: a search for each (a `StrSearcher` built for each pattern
/// and word) was 1% of all time on the generated corpus.
pub fn match_places(ac: &AhoCorasick, s: &str) -> Vec<(usize, usize)> {
    let mut all: Vec<(usize, usize, usize)> = (ac.find_overlapping_iter(s))
        .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
        .collect();
    all.sort_unstable();
    let mut places = Vec::with_capacity(all.len());
    let mut last: Option<(usize, usize)> = None;
    for (n, start, end) in all {
        if last.is_some_and(|(pattern, last_end)| pattern == n && start < last_end) {
            continue;
        }
        last = Some((n, end));
        places.push((n, start));
    }
    places
}

/// A combining diacritical mark (the marks `fold` strips).
pub fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
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

/// Folded phrases looked up at the end of a text, each with a value (`()` for a set).
#[derive(Debug)]
pub struct Phrases<V = ()> {
    map: FxMap<String, V>,
    /// The longest phrase in ASCII and the longest of all, in bytes: an ending longer
    /// than both is none of them, so the lookup stops there (context windows of 64
    /// bytes, phrases of at most 23 in ASCII).
    longest_ascii: usize,
    longest: usize,
}

impl<V> FromIterator<(String, V)> for Phrases<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(phrases: I) -> Self {
        let map: FxMap<String, V> = phrases.into_iter().collect();
        let longest = |ascii: bool| {
            map.keys()
                .filter(|p| !ascii || p.is_ascii())
                .map(String::len)
                .max()
                .unwrap_or(0)
        };
        Phrases {
            longest_ascii: longest(true),
            longest: longest(false),
            map,
        }
    }
}

impl FromIterator<String> for Phrases {
    fn from_iter<I: IntoIterator<Item = String>>(phrases: I) -> Self {
        phrases.into_iter().map(|p| (p, ())).collect()
    }
}

impl<V> Phrases<V> {
    pub fn contains(&self, phrase: &str) -> bool {
        self.map.contains_key(phrase)
    }

    /// Whether `s` ends with one of the phrases, starting at a word start.
    pub fn ends(&self, s: &str) -> bool {
        self.ending_where(s, |_| Some(())).is_some()
    }

    /// What `find` answers for the value of the shortest ending of `s` (up to six words,
    /// starting at a word start) that is a phrase and for whose value it answers at all:
    /// looks up the last few words of `s` rather than trying every phrase.
    pub fn ending_where<T>(&self, s: &str, find: impl Fn(&V) -> Option<T>) -> Option<T> {
        let reach = if s.is_ascii() {
            self.longest_ascii
        } else {
            self.longest
        };
        let look = |ending: &str| self.map.get(ending).and_then(&find);
        let mut words = 0;
        let mut prev_alnum = false;
        for (i, c) in s.char_indices().rev() {
            let alnum = is_alphanumeric(c);
            if prev_alnum && !alnum {
                let found = look(&s[i + c.len_utf8()..]);
                if found.is_some() {
                    return found;
                }
                words += 1;
                if words >= 6 {
                    return None;
                }
            }
            // Every ending from here on is longer than any phrase.
            if s.len() - i > reach {
                return None;
            }
            prev_alnum = alnum;
        }
        if prev_alnum {
            look(s)
        } else {
            None
        }
    }
}

/// Whether the character `c` at byte `i` of `s` ends a sentence: a full stop before a
/// space or the end (not the one inside `St.`), a question or exclamation mark (full-width
/// too), a semicolon, a bracket, a line break, `|`, a danda or a Khmer full stop.
pub fn is_sentence_end(s: &str, i: usize, c: char) -> bool {
    matches!(
        c,
        '!' | '?' | '\n' | ';' | '(' | '|' | '。' | '！' | '？' | '।' | '॥' | '។'
    ) || (c == '.' && s[i + 1..].chars().next().is_none_or(char::is_whitespace))
}

/// The length of the sentence that `rest` opens (see `is_sentence_end`).
pub fn sentence_end(rest: &str) -> usize {
    rest.char_indices()
        .find(|&(i, c)| is_sentence_end(rest, i, c))
        .map_or(rest.len(), |(i, _)| i)
}

/// The largest character boundary of `text` at or below `at`.
pub fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest character boundary of `text` at or above `at`.
pub fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
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
        assert_eq!(fold("Tuʻipulotu"), "tuipulotu");
        assert_eq!(fold("Tu’ipulotu"), "tu'ipulotu");
    }

    /// `fold` as it was written first: the whole text decomposed at once.
    fn fold_whole(word: &str) -> String {
        if word.is_ascii() {
            return word.to_ascii_lowercase();
        }
        let mut out = String::new();
        fold_decomposed(word, &mut out);
        out
    }

    #[test]
    fn folding_runs_apart_is_folding_the_whole() {
        let samples = [
            "Ōtāhuhu",
            "Nguyễn Văn",
            "김영숙 사장",
            "我叫王伟，电话",
            "मेरा नाम रवि है। क़",
            "ज़्",
            "สมชาย",
            "a`b é`",
            "Ǆemal",
            "ﬁne",
            "Ａｂｃ",
            "e\u{301}\u{327}x",
            "ﾊﾟ",
            "Ω K Å",
            "İstanbul",
            "Tuʻipulotu ‘x’",
            "\u{0915}\u{093C}\u{094D}\u{0937}",
            "ÀÉÎ-ÕÜ",
            "日本語のテキスト",
            "Ελληνικά Σ",
            "ườ ô\u{316}\u{958}\u{93C}\u{951}x",
        ];
        for text in samples {
            assert_eq!(fold(text), fold_whole(text), "{text:?}");
        }
        // Every character of the first two planes, alone and between others (in a run of
        // characters folded apart, and before a mark).
        for c in (0..=0x1FFFF_u32).filter_map(char::from_u32) {
            let texts = [
                format!("{c}"),
                format!("é{c}\u{301}A{c}\u{94d}"),
                format!("é{c}{c}ô."),
            ];
            for text in texts {
                assert_eq!(fold(&text), fold_whole(&text), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn is_alphanumeric_answers_as_the_standard_library() {
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            assert_eq!(
                is_alphanumeric(c),
                c.is_alphanumeric(),
                "U+{:04X}",
                c as u32
            );
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn a_lowercase_tail_is_the_end_of_the_lowercase_whole() {
        for text in [
            "Hİ Jun, ",
            "ΟΔΟΣ Hi ",
            "dear ",
            "",
            "Kia Ora ",
            "ÉCOLE Olá ",
        ] {
            let whole = text.to_lowercase();
            for chars in 0..12 {
                let mut tail = String::new();
                lowercase_tail(text, chars, &mut tail);
                // A final sigma cut from the letters before it is lower-cased as a
                // medial one.
                let sigma = |s: &str| s.replace('ς', "σ");
                assert!(
                    sigma(&whole).ends_with(&sigma(&tail)),
                    "{text:?} {chars}: {tail:?}"
                );
                assert!(tail.chars().count() >= chars.min(text.chars().count()));
            }
        }
        let mut tail = String::from("left from before");
        lowercase_tail("Hello Dear ", 5, &mut tail);
        assert_eq!(tail, "dear ");
        lowercase_tail("Hi", 9, &mut tail);
        assert_eq!(tail, "hi");
    }

    #[test]
    fn word_hash_is_the_hash_of_the_folded_word() {
        assert_eq!(word_hash("Sione"), folded_hash("sione"));
        assert_eq!(word_hash("Ōtāhuhu"), folded_hash("otahuhu"));
    }

    #[test]
    fn phrase_suffixes() {
        let set: Phrases = ["my name is", "boss", "i'm", "ō"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert!(set.ends("hello, my name is"));
        assert!(set.ends("the boss"));
        assert!(set.ends("boss"));
        assert!(!set.ends("the subboss"));
        assert!(set.ends("so i'm"));
        assert!(!set.ends(""));
        assert!(set.ends("a long way before it, in ō, my name is"));
        assert!(!set.ends("a long way before it: bossmy name is"));
    }

    #[test]
    fn floor_boundary_never_splits_a_character() {
        let s = "aā";
        assert_eq!(floor_boundary(s, 2), 1);
        assert_eq!(floor_boundary(s, 99), 3);
        assert_eq!(ceil_boundary(s, 2), 3);
        assert_eq!(ceil_boundary(s, 1), 1);
    }
}
