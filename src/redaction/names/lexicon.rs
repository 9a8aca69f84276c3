//! The name lists, compiled: one table from every listed word and phrase to flags saying
//! which lists hold it, and the cue phrases that come before a name.

use crate::redaction::kind::Role;
use crate::redaction::spec::{Examples, RulesError};
use crate::redaction::text::{
    ceil_boundary, fold, folded_hash, phrase_hash, FxMap, FxSet, HashTable, Phrases,
};
use aho_corasick::AhoCorasick;
use serde::Deserialize;

pub const GIVEN: u16 = 1;
pub const SURNAME: u16 = 1 << 1;
pub const STOP: u16 = 1 << 2;
pub const PHRASE: u16 = 1 << 3;
pub const COMMON: u16 = 1 << 4;
pub const BUSINESS: u16 = 1 << 5;
pub const ROLE: u16 = 1 << 6;
pub const PARTICLE: u16 = 1 << 7;
pub const NOT_BEFORE: u16 = 1 << 8;
pub const NOT_AFTER: u16 = 1 << 9;
pub const PHRASE_START: u16 = 1 << 10;
/// The last word of a cue (`is` of `my name is`, `boss`): a lower-case word or a word
/// in another script after it may be a name.
pub const CUE_TAIL: u16 = 1 << 11;
/// An English word (`dictionary`): not a name alone unless it is also in a name list.
pub const DICT: u16 = 1 << 12;
/// A one-word person cue (`by`, `call`): a lower-case given name after it may be a name.
pub const PERSON_TAIL: u16 = 1 << 13;
/// A place from the `places` lists: not a name alone, part of one beside any name-like
/// word (many are family names too: `Moala`, `Tainui`).
pub const PLACE: u16 = 1 << 14;
/// The first word of a place of several words from the `places` lists: it opens a
/// phrase to look up, but alone it is still a word in no list (`Durie` of `Durie Hill`
/// is a family name).
pub const PLACE_START: u16 = 1 << 15;

/// The sets of `Lexicon::cue_endings`: an introduction, a role, a weak cue, a cue for a
/// person.
pub const CUE_INTRO: u8 = 1;
pub const CUE_ROLE: u8 = 1 << 1;
pub const CUE_WEAK: u8 = 1 << 2;
pub const CUE_PERSON: u8 = 1 << 3;

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
    /// Files of places: a place of several words is never part of a name (as `not_names`);
    /// one of a single word is not a name alone, but may be part of one beside any other
    /// word of a name, since many places are family names too.
    #[serde(default)]
    pub places: Vec<String>,
    /// Files of ordinary words of a language (English): capitalised, they are names only
    /// beside a name; in lower case after a cue, they are not names at all. A word also
    /// in a name list stays a name.
    #[serde(default)]
    pub dictionary: Vec<String>,
    /// Files of words that are no names as written, with their marks, though they fold
    /// to a listed name (Vietnamese `Họ` "they" folds to the family name `Ho`).
    #[serde(default)]
    pub not_names_as_written: Vec<String>,
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
    /// Phrases after which any capitalised word alone, in no list, is taken as a name:
    /// they point at a person (`driven by`, `happened to`, `call`).
    #[serde(default)]
    pub person: Vec<String>,
    /// Words that, just after a name, make it the writer's own (Māori and Tongan
    /// `Ko Hēmi ahau`: "I am Hēmi").
    #[serde(default)]
    pub intro_after: Vec<String>,
    /// Labels that, with a colon, put the writer's own name after them (`FROM:`, `ME:`).
    #[serde(default)]
    pub labels: Vec<String>,
    /// Words after a name at the start of a line that make it the writer's own
    /// (`Rahul here`).
    #[serde(default)]
    pub signed_after: Vec<String>,
    /// Cues written without a space before the name, in scripts without spaces
    /// (`我叫王伟`, `ผมชื่อ...`): the writer's own name follows.
    #[serde(default)]
    pub glued_intro: Vec<String>,
    /// As `glued_intro`, someone else's name follows (`老板张建国`).
    #[serde(default)]
    pub glued_roles: Vec<String>,
    /// Titles written before a name (`Mrs`, `Dr`): one opening a run of capitalised
    /// words is the cue of the words after it.
    #[serde(default)]
    pub titles: Vec<String>,
    #[serde(default)]
    pub examples: Examples,
}

/// The compiled lists.
#[derive(Debug)]
pub struct Lexicon {
    /// Every listed word and phrase, with flags saying which lists hold it: one lookup
    /// per token.
    table: HashTable<u16>,
    /// Particles and the last words of self-introductions: the only lower-case words
    /// looked up for every token (a small table that stays in cache).
    small: HashTable<u16>,
    /// The `dictionary` words (flag `DICT`).
    dictionary: HashTable<u16>,
    /// `not_names_as_written`, by `hash_as_written`.
    as_written: FxSet<u64>,
    /// The places of several words (`phrase_hash`), apart from the other phrases: in
    /// `table` they share the flag `PHRASE` with the non-names.
    place_phrases: FxSet<u64>,
    sizes: (usize, usize, usize),
    pub intro: Phrases,
    pub roles: Phrases,
    /// The roles written in a script other than Latin, found inside a sentence at once.
    pub roles_not_ascii: AhoCorasick,
    /// `intro`, `roles` and the `weak` and `person` phrases at once, each phrase with the bits of the sets that
    /// hold it (`CUE_INTRO` ...): the end of a context window is read once for the three
    /// (`cue_endings`), not once for each.
    cues: Phrases<u8>,
    pub intro_after: FxSet<String>,
    pub labels: Phrases,
    pub signed_after: FxSet<String>,
    pub titles: FxSet<String>,
    /// `glued_intro` and `glued_roles`, folded, longest first, with the role they give.
    pub glued: Vec<(String, Role)>,
    /// Whether a word holds any of `glued`: most words of other scripts hold none, and
    /// looking for each cue in turn took 4% of all time on the generated corpus.
    pub glued_any: AhoCorasick,
    /// `glued` by cue, the first of equal cues kept; the longest cue, in bytes; the
    /// characters cues end with: an ending of a context window is looked up in a few
    /// steps (`glued_ending`), where asking each cue in turn took 2% of all time on the
    /// generated corpus.
    glued_by_cue: FxMap<String, Role>,
    glued_longest: usize,
    glued_last: FxSet<char>,
}

impl Lexicon {
    /// Reads and compiles the lists a `[names]` table names; `read_list` fetches a list
    /// by its path relative to the rules directory.
    pub fn build(
        file: &str,
        spec: NameSpec,
        read_list: &dyn Fn(&str) -> Result<String, RulesError>,
    ) -> Result<Self, RulesError> {
        if spec.description.trim().is_empty() {
            return Err(RulesError::Syntax {
                file: file.to_owned(),
                message: "[names] description must not be empty".into(),
            });
        }
        let read_inside = |f: &str| -> Result<String, RulesError> {
            if f.contains("..") || f.starts_with('/') {
                return Err(RulesError::Syntax {
                    file: file.to_owned(),
                    message: format!("name list {f:?} must be inside the rules directory"),
                });
            }
            read_list(f)
        };
        let load = |files: &[String]| -> Result<Vec<String>, RulesError> {
            let mut all = Vec::new();
            for f in files {
                all.extend(parse_list(f, &read_inside(f)?)?);
            }
            Ok(all)
        };
        let mut as_written = FxSet::default();
        for f in &spec.not_names_as_written {
            let source = read_inside(f)?;
            for word in source
                .lines()
                .map(|l| l.split('#').next().unwrap_or("").trim())
            {
                if !word.is_empty() {
                    as_written.insert(hash_as_written(word));
                }
            }
        }
        let mut lexicon = HashTable::default();
        let mut place_phrases = FxSet::default();
        let mut add = |words: Vec<String>, flag: u16| {
            for w in words {
                let flag = if (flag == STOP || flag == PLACE) && w.contains(' ') {
                    let first = w.split(' ').next().unwrap_or("");
                    let start = if flag == STOP {
                        PHRASE_START
                    } else {
                        PLACE_START
                    };
                    *lexicon.entry(folded_hash(first)).or_insert(0) |= start;
                    if flag == PLACE {
                        place_phrases.insert(phrase_hash(w.split(' ').map(folded_hash)));
                    }
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
        let places = load(&spec.places)?;
        if given.is_empty() || surnames.is_empty() {
            return Err(RulesError::Syntax {
                file: file.to_owned(),
                message: "[names] needs non-empty given and surname lists".into(),
            });
        }
        let sizes = (
            given.len(),
            surnames.len(),
            not_names.len() + common.len() + places.len(),
        );
        add(given, GIVEN);
        add(surnames, SURNAME);
        add(not_names, STOP);
        add(common, COMMON);
        add(places, PLACE);
        add(load(&spec.business)?, BUSINESS);

        // Kept apart from the other lists: it is large, and looked up only for words in
        // no other list, so the main table stays small enough to stay in cache.
        let mut dictionary = HashTable::default();
        for w in load(&spec.dictionary)? {
            dictionary.insert(folded_hash(&w), DICT);
        }
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
        let mut small = HashTable::default();
        for p in &spec.particles {
            *small.entry(folded_hash(&fold(p))).or_insert(0) |= PARTICLE;
        }
        // Written in lower case too: `người Việt`, `tiếng Anh`, `the trawler Southern
        // Endeavour` (a lower-case word is looked up only in this table); not a word that
        // also introduces oneself (Kiribati `ngai` "I", before a name; `Ngāi Tahu`).
        for p in spec.not_after.iter().map(|p| fold(p)) {
            if !p.contains(' ') && !intro.contains(&p) {
                *small.entry(folded_hash(&p)).or_insert(0) |= NOT_AFTER;
            }
        }
        // Links between a role and its name: "the driver is", "a man called".
        let links = ["is", "was", "named", "called"];
        for p in intro.iter().chain(&roles).map(String::as_str).chain(links) {
            if let Some(last) = p.split_whitespace().next_back() {
                *small.entry(folded_hash(last)).or_insert(0) |= CUE_TAIL;
            }
        }
        // Only one-word person cues mark their word: the last words of longer ones
        // (`to` of `happened to`) are too common to look at every word after them.
        for p in phrases(spec.person.clone()) {
            if !p.contains(' ') {
                *small.entry(folded_hash(&p)).or_insert(0) |= PERSON_TAIL;
            }
        }
        // (A phrase in both lists is a person cue, as when `person` extended a map of `weak`.)
        let weak = phrases(spec.weak);
        let person = phrases(spec.person);
        let mut cues: FxMap<String, u8> = FxMap::default();
        for (set, bit) in [
            (&intro, CUE_INTRO),
            (&roles, CUE_ROLE),
            (&weak, CUE_WEAK),
            (&person, CUE_PERSON),
        ] {
            for p in set {
                *cues.entry(p.clone()).or_insert(0) |= bit;
            }
        }
        let mut glued: Vec<(String, Role)> = (spec.glued_intro.iter().map(|c| (c, Role::Reporter)))
            .chain(spec.glued_roles.iter().map(|c| (c, Role::Other)))
            .map(|(c, r)| (fold(c.trim()), r))
            .filter(|(c, _)| !c.is_empty())
            .collect();
        glued.sort_by_key(|(c, _)| std::cmp::Reverse(c.len()));
        let mut glued_by_cue: FxMap<String, Role> = FxMap::default();
        for (c, r) in &glued {
            glued_by_cue.entry(c.clone()).or_insert(*r);
        }
        let glued_longest = glued.iter().map(|(c, _)| c.len()).max().unwrap_or(0);
        let glued_last: FxSet<char> = glued
            .iter()
            .filter_map(|(c, _)| c.chars().next_back())
            .collect();
        let roles_not_ascii =
            AhoCorasick::new(roles.iter().filter(|r| !r.is_ascii())).map_err(|e| {
                RulesError::Syntax {
                    file: file.into(),
                    message: e.to_string(),
                }
            })?;
        let glued_any =
            AhoCorasick::new(glued.iter().map(|(c, _)| c)).map_err(|e| RulesError::Syntax {
                file: file.into(),
                message: e.to_string(),
            })?;

        add(
            roles.iter().filter(|r| !r.contains(' ')).cloned().collect(),
            ROLE,
        );
        Ok(Lexicon {
            table: lexicon,
            small,
            dictionary,
            as_written,
            place_phrases,
            sizes,
            intro: intro.into_iter().collect(),
            roles: roles.into_iter().collect(),
            roles_not_ascii,
            cues: cues.into_iter().collect(),
            intro_after: phrases(spec.intro_after),
            labels: phrases(spec.labels).into_iter().collect(),
            signed_after: phrases(spec.signed_after),
            titles: phrases(spec.titles),
            glued,
            glued_any,
            glued_by_cue,
            glued_longest,
            glued_last,
        })
    }

    /// The first cue of `glued` that `s` ends with (the longest), as its length in bytes
    /// and its role.
    pub fn glued_ending(&self, s: &str) -> Option<(usize, Role)> {
        let last = s.chars().next_back()?;
        if !self.glued_last.contains(&last) {
            return None;
        }
        // Every cue is whole characters: its endings from the longest cue's length on.
        let from = ceil_boundary(s, s.len().saturating_sub(self.glued_longest));
        s[from..].char_indices().find_map(|(k, _)| {
            let ending = &s[from + k..];
            self.glued_by_cue
                .get(ending)
                .map(|&role| (ending.len(), role))
        })
    }

    /// The sets (`CUE_INTRO`, `CUE_ROLE`, `CUE_WEAK`, `CUE_PERSON`) with a phrase that
    /// `s` ends with: `intro.ends(s)`, `roles.ends(s)` and which weak and person cues end it,
    /// from one scan of `s`'s last words. (Each set's own scan stops at its longest
    /// phrase, and no phrase of a set is longer: the one scan to the longest of all
    /// finds the same endings.)
    pub fn cue_endings(&self, s: &str) -> u8 {
        let bits = std::cell::Cell::new(0);
        self.cues.ending_where(s, |&b| {
            bits.set(bits.get() | b);
            None::<()>
        });
        bits.get()
    }

    /// Whether a phrase of several words (`phrase_hash`) is a listed place.
    pub fn is_place_phrase(&self, hash: u64) -> bool {
        self.place_phrases.contains(&hash)
    }

    /// Counts of the lists: given names, surnames, non-names.
    pub fn sizes(&self) -> (usize, usize, usize) {
        self.sizes
    }

    /// The flags of a word or phrase hash (`word_hash`, `phrase_hash`).
    pub fn flags(&self, hash: u64) -> u16 {
        self.table.get(&hash).copied().unwrap_or(0)
    }

    /// `DICT` when the word (`word_hash`) is in the dictionary.
    pub fn dictionary(&self, hash: u64) -> u16 {
        self.dictionary.get(&hash).copied().unwrap_or(0)
    }

    /// Whether a word is no name as written, with its marks (`not_names_as_written`).
    pub fn not_a_name_as_written(&self, word: &str) -> bool {
        self.as_written.contains(&hash_as_written(word))
    }

    /// The flags of a lower-case word in the small table (particles, introduction tails).
    pub fn small(&self, hash: u64) -> u16 {
        self.small.get(&hash).copied().unwrap_or(0)
    }
}

/// The hash of a word in lower case with its marks (`word_hash` folds them away), without
/// allocating.
fn hash_as_written(word: &str) -> u64 {
    word.chars()
        .flat_map(char::to_lowercase)
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, c| {
            (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3)
        })
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
