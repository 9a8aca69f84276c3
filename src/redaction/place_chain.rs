//! Places told as a chain between commas, smallest first (`Nabouwalu, Bua, Vanua Levu`,
//! `Vava'u, Neiafu, Fungamisi, the house next to the LDS chapel`), and what the chain
//! points at nearby (`Auki, Malaita, klosap long Kilu'ufi hospitol`, `Baglung
//! Municipality-4, Baglung, near Kalika temple`).
//!
//! Each address format abroad has its own words and order, too many to list; what they
//! share is their shape: parts between commas, each a name of one to three words, some
//! of them places the lists know, often with a landmark after a word for "near". Read by
//! that shape, in two ways:
//!
//! - a found address (numbered, described, a village by its units) takes the known places
//!   written before and after it between commas, and, when it has no number, a landmark
//!   after a word for near (with a number, the number finds the door);
//! - two parts or more with a landmark after a word for near are an address of their own,
//!   unless they are a list (`and` or `or` before a further name, or a country before the
//!   last part).
//!
//! A chain of places alone is no address: `Auckland, Hamilton, Christchurch` and `Tanna,
//! Malekula, Efate` are lists as often as `Nabouwalu, Bua, Vanua Levu` is a village (on
//! the dev parts, taking three known parts caught nothing more and took lists of towns,
//! regions and countries). A place is known when the lists have it (`is_place`):
//! capitalised words alone may be people (`Rangi, Tevita, Sione, the boys next door`).

use super::address::{self, NOT_PLACES};
use super::described_place;
use super::kind::Kind;
use super::names::script::is_word_char;
use super::span::Span;
use super::text::FxSet;
use super::village_abroad;
use regex::Regex;
use std::sync::LazyLock;

/// The rule id of a chain found on its own (`Span::rule`).
pub const RULE: &str = "place-chain";

/// Lower-case words inside a place's name (`Koro o Naduri`, `Duque de Caxias`).
const PARTICLES: &[&str] = &[
    "o", "i", "ni", "de", "da", "do", "das", "dos", "del", "la", "di",
];

/// A word for "near", "next to", "behind" at the start of a text, before a landmark: in
/// English, and in the other languages our reporters write (`described_place`'s), and
/// "from the" after a house counted from a landmark (Samoan `fale lona lua mai le
/// Ekalesia`, Tongan `ʻapi hono 3 mei he falekoloa`).
static NEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?i:near|next to|beside|behind|opposite|across from|close to|klosap lo|ofi ki|mai le|mei he|{}) ",
        described_place::PLACING_ELSEWHERE
    ))
    .expect("the near pattern compiles")
});

/// Words that open no place's name, which in capitals look capitalised.
const FUNCTION_WORDS: &[&str] = &[
    "in", "at", "on", "to", "of", "is", "are", "near", "behind", "with", "family", "live", "lives",
    "stay", "stays", "home",
];

/// Words a landmark's description may run to, past the word for near.
const MOST_LANDMARK_WORDS: usize = 6;

/// Separators of a chain's parts: a comma, and the comma of Arabic script.
const SEPARATORS: &[&str] = &[", ", "، "];

/// The length of one part at the start of `s`: one to three words, the first capitalised
/// and no function word, later ones capitalised or a particle between two capitalised
/// words; an abbreviation's dot is kept (`Kec. Abiansemal`).
fn part(s: &str) -> Option<usize> {
    let mut n = 0;
    for k in 0..3 {
        let rest = &s[n..];
        let particle = PARTICLES.iter().find_map(|p| {
            let after = rest.strip_prefix(p)?.strip_prefix(' ')?;
            (k > 0 && after.starts_with(char::is_uppercase)).then_some(p.len() + 1)
        });
        let rest = &rest[particle.unwrap_or(0)..];
        if !opens_capitalised(rest) {
            break;
        }
        let len = word_len(rest);
        // In capitals, function words look like names too (`MY FAMILY IN TONGA`).
        if opens_no_part(&rest[..len]) {
            break;
        }
        // An abbreviated unit opens a part (`Kec. Abiansemal`, `Brgy. Malinta`); a dot
        // after a later word, or after one ending in a vowel as Pacific places do
        // (`Upolu. Faafetai`), ends a sentence.
        let abbreviation = len <= 5 && !rest[..len].ends_with(['a', 'e', 'i', 'o', 'u']);
        let dot = usize::from(k == 0 && abbreviation && rest[len..].starts_with(". "));
        n += particle.unwrap_or(0) + len + dot;
        match s[n..].strip_prefix(' ') {
            Some(next) if next.starts_with(char::is_uppercase) || k < 2 && particle_next(next) => {
                n += 1;
            }
            _ => break,
        }
    }
    let n = s[..n].trim_end().len();
    let whole = !s[n..].starts_with(|c: char| is_word_char(c));
    (n > 0 && whole).then_some(n)
}

/// Whether `word` is one of `NOT_PLACES` or `FUNCTION_WORDS`, in any ASCII case: one
/// hashed look-up of the word lower-cased on the stack: a scan of both lists (some 90
/// entries) for each capitalised word cost more, and more or less as the compiler
/// inlined it.
fn opens_no_part(word: &str) -> bool {
    /// Longer than every listed word (the longest, a Tamil one, is 21 bytes).
    const MOST_BYTES: usize = 32;
    static LOWER: LazyLock<FxSet<Vec<u8>>> = LazyLock::new(|| {
        NOT_PLACES
            .iter()
            .chain(FUNCTION_WORDS)
            .map(|w| w.as_bytes().to_ascii_lowercase())
            .collect()
    });
    let mut buf = [0u8; MOST_BYTES];
    let Some(lower) = buf.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    LOWER.contains(&*lower)
}

/// Whether `s` opens with a capital, perhaps after the ʻokina or an apostrophe written for
/// it (`ʻOhonua`, `'Eua`).
fn opens_capitalised(s: &str) -> bool {
    s.strip_prefix(['ʻ', '\'', '‘', '’'])
        .unwrap_or(s)
        .starts_with(char::is_uppercase)
}

fn particle_next(s: &str) -> bool {
    PARTICLES.iter().any(|p| {
        s.strip_prefix(p)
            .and_then(|after| after.strip_prefix(' '))
            .is_some_and(|after| after.starts_with(char::is_uppercase))
    })
}

/// A character of a place's name: letters, marks, apostrophes and hyphens (`Vava'u`,
/// `Vaitele-uta`).
fn name_char(c: char) -> bool {
    is_word_char(c) || matches!(c, '\'' | '’' | 'ʻ' | '‘' | '-')
}

/// The length of the word at the start of `s`.
fn word_len(s: &str) -> usize {
    s.char_indices()
        .find(|&(_, c)| !name_char(c))
        .map_or(s.len(), |(i, _)| i)
}

/// Whether a part is a place the lists know: the whole part, or one of its words
/// (`Kab. Badung`, `Baglung Municipality-4`).
fn known(part: &str, is_place: &dyn Fn(&str) -> bool) -> bool {
    // (The lists drop the ʻokina, not an apostrophe written for it: `'Eua`.)
    let part = part.trim_end_matches('.').trim_start_matches('\'');
    is_place(part)
        || part.contains(' ')
            && part
                .split(' ')
                .any(|w| w.len() > 2 && is_place(w.trim_end_matches('.')))
}

/// The parts written before `start`, each ending in a separator right before the next:
/// `(start, end)` of each, nearest first.
fn parts_before(text: &str, mut start: usize) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    while parts.len() < 4 {
        let Some(sep) = SEPARATORS.iter().find(|s| text[..start].ends_with(**s)) else {
            break;
        };
        let end = start - sep.len();
        // The part's first word: up to three words back, the longest that reads as a part.
        let Some(begin) = word_starts_before(text, end)
            .into_iter()
            .rev()
            .find(|&b| part(&text[b..end]) == Some(end - b))
        else {
            break;
        };
        parts.push((begin, end));
        start = begin;
    }
    parts
}

/// Where each of the up to three words before `end` starts, nearest first.
fn word_starts_before(text: &str, end: usize) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut at = end;
    while starts.len() < 3 {
        let word = text[..at]
            .char_indices()
            .rev()
            // (With an abbreviation's dot: `Kec.`.)
            .take_while(|&(_, c)| name_char(c) || c == '.')
            .last()
            .map(|(i, _)| i);
        let Some(begin) = word.filter(|&b| b < at) else {
            break;
        };
        starts.push(begin);
        if !text[..begin].ends_with(' ') || begin == 0 {
            break;
        }
        at = begin - 1;
    }
    starts
}

/// Where a house number with a slash (`58/12 `, `12/3A `) ends right before `at`, its start.
fn slashed_number_before(text: &str, at: usize) -> Option<usize> {
    let head = text[..at].strip_suffix(' ')?;
    let word = head.rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + 1);
    let number = &head[word..];
    let (a, b) = number.split_once('/')?;
    let digits = |s: &str| (1..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    let b = b.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    (digits(a) && digits(b)).then_some(word)
}

/// The parts written after `end`, each after a separator: `(start, end)` of each.
fn parts_after(text: &str, mut end: usize) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    while parts.len() < 4 {
        let Some(sep) = SEPARATORS.iter().find(|s| text[end..].starts_with(**s)) else {
            break;
        };
        let begin = end + sep.len();
        let Some(n) = part(&text[begin..]) else {
            break;
        };
        parts.push((begin, begin + n));
        end = begin + n;
    }
    parts
}

/// How far the chain of parts reaches outward: to its outermost known place (an unknown
/// part is taken only with a known one beyond it).
fn reach(parts: &[(usize, usize)], text: &str, is_place: &dyn Fn(&str) -> bool) -> usize {
    parts
        .iter()
        .rposition(|&(s, e)| known(&text[s..e], is_place))
        .map_or(0, |i| i + 1)
}

/// How far the parts after an address reach: as `reach`, and past a country right after
/// its outermost known place, where an address ends (`..., South Tarawa, Kiribati`).
fn reach_after(parts: &[(usize, usize)], text: &str, is_place: &dyn Fn(&str) -> bool) -> usize {
    let reach = reach(parts, text, is_place);
    match parts.get(reach) {
        Some(&(s, e)) if village_abroad::is_country(&text[s..e]) => reach + 1,
        _ => reach,
    }
}

/// A landmark told after `end` with a word for near (`, near Kalika temple`, `
/// klosap long Presbyterian jos`), up to the end of its clause, at most
/// `MOST_LANDMARK_WORDS` words after the word for near; perhaps after the house it places
/// (`, the yellow house behind ...`, `, fale lona lua mai le ...`).
fn landmark_after(text: &str, end: usize) -> Option<Landmark> {
    let rest = &text[end..];
    let gap = if rest.starts_with(", ") {
        2
    } else {
        usize::from(rest.starts_with(' '))
    };
    if gap == 0 {
        return None;
    }
    let after = &rest[gap..];
    let house = house_before_near(after);
    let after = &after[house.unwrap_or(0)..];
    let gap = gap + house.unwrap_or(0);
    let cue = NEAR.find(after)?.end();
    let described = &after[cue..];
    let clause = described
        .find(['.', ',', ';', '!', '?', '\n', '(', ')', '।', '。'])
        .unwrap_or(described.len());
    let landmark = described[..clause].trim_end_matches(' ');
    let words = landmark.split(' ').filter(|w| !w.is_empty()).count();
    if words == 0 || words > MOST_LANDMARK_WORDS || landmark.contains(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    Some(Landmark {
        end: end + gap + cue + landmark.len(),
        house: house.is_some(),
    })
}

struct Landmark {
    end: usize,
    /// Whether a house is told by it (`the yellow house behind the church`), which is a
    /// home, not a town and something in it.
    house: bool,
}

/// The length of the house told before a word for near at the start of `s`: an article
/// and up to two words (`the yellow `), the word for a dwelling, and up to two words
/// that count or number it (`lona lua `, `hono 3 `), with the space before the word for
/// near; none when no word for near follows.
fn house_before_near(s: &str) -> Option<usize> {
    let body = ["the ", "a ", "le ", "ang ", "te ", "he "]
        .iter()
        .find_map(|a| s.strip_prefix(a))
        .unwrap_or(s);
    let mut at = s.len() - body.len();
    let words: Vec<&str> = body.splitn(6, ' ').collect();
    let dwelling = words
        .iter()
        .take(3)
        .position(|w| described_place::is_dwelling(w))?;
    for (k, word) in words.iter().enumerate().take(dwelling + 3) {
        at += word.len() + 1;
        if k >= dwelling && s.get(at..).is_some_and(|next| NEAR.is_match(next)) {
            return Some(at);
        }
    }
    None
}

/// Carries each ADDRESS span over the known places written between commas before and
/// after it, and a landmark after a word for near; two addresses with only a comma
/// between them are one (`Phum Trapeang Thom, Khum Prey Kabbas, Srok Prey Kabbas`, each
/// unit found alone).
pub fn extend(text: &str, spans: &mut [Span], is_place: &dyn Fn(&str) -> bool) {
    let mut addresses: Vec<(usize, usize)> = spans
        .iter()
        .filter(|s| s.kind == Kind::Address)
        .map(|s| (s.start, s.end))
        .collect();
    addresses.sort_unstable();
    for span in spans.iter_mut().filter(|s| s.kind == Kind::Address) {
        let before = parts_before(text, span.start);
        if let Some(&(start, _)) = before[..reach(&before, text, is_place)].last() {
            span.start = start;
        }
        // `58/12 Nguyễn Văn Lượng, phường 17`: a house number before a street named after
        // a person, whose name the lists cannot know for a place.
        if let Some(&(start, _)) = before.first() {
            if let Some(number) = slashed_number_before(text, start) {
                span.start = span.start.min(number);
            }
        }
        let after = parts_after(text, span.end);
        if let Some(&(_, end)) = after[..reach_after(&after, text, is_place)].last() {
            span.end = end;
        }
        // A number finds the door; a landmark is told where there is none. (`Baglung
        // Municipality-4, Baglung, near Kalika temple` stops at the town.)
        let numbered = text[span.start..span.end].contains(|c: char| c.is_ascii_digit());
        if let Some(landmark) = landmark_after(text, span.end).filter(|_| !numbered) {
            span.end = landmark.end;
        }
        let next = SEPARATORS.iter().find_map(|sep| {
            let at = span.end + sep.len();
            let i = addresses
                .binary_search_by_key(&at, |&(start, _)| start)
                .ok()?;
            Some(addresses[i].1)
        });
        if let Some(end) = next {
            span.end = end;
        }
        span.end += address::town_postcode_after(text, span.end);
    }
}

/// Chains with a landmark near them (see the module's comment), as byte ranges.
pub fn find(text: &str, is_place: &dyn Fn(&str) -> bool) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find(", ").map(|i| from + i) {
        from = at + 2;
        // Chains are read from their first comma only.
        if found.last().is_some_and(|&(_, end)| at < end) {
            continue;
        }
        let before = parts_before(text, at + 2);
        let Some(&(start, _)) = before.first() else {
            continue;
        };
        // The first part: not itself after a comma of the same chain.
        if SEPARATORS.iter().any(|s| text[..start].ends_with(*s)) {
            continue;
        }
        let mut parts = vec![(start, at)];
        parts.extend(parts_after(text, at));
        // The first part may be a village the lists do not know, when known places
        // after it say it is one (below).
        let reach = reach(&parts, text, is_place).max(1);
        let parts = &parts[..reach];
        let end = parts[reach - 1].1;
        let countries = parts[..reach - 1]
            .iter()
            .any(|&(s, e)| village_abroad::is_country(&text[s..e]));
        if countries || a_list_goes_on(&text[end..]) {
            continue;
        }
        let Some(landmark) = landmark_after(text, end) else {
            continue;
        };
        let landmark_end = landmark.end;
        // `Lenakel, haos klosap long Presbyterian church, Tanna`: the places may go on
        // after the landmark.
        let after = parts_after(text, landmark_end);
        let after = &after[..reach_after(&after, text, is_place)];
        let known = parts
            .iter()
            .chain(after)
            .filter(|&&(s, e)| known(&text[s..e], is_place))
            .count();
        // Two known places, or one and a house told by its landmark (`Blacksands, the
        // yellow house behind the SDA church, Port Vila`).
        if known >= 2 || known == 1 && landmark.house {
            found.push((start, after.last().map_or(landmark_end, |&(_, e)| e)));
        }
    }
    found
}

/// Whether a list of places goes on after its chain (`, Tauranga and Napier`).
fn a_list_goes_on(rest: &str) -> bool {
    ["and ", "or ", "& ", "y ", "e ", "dan ", "at ", "and/or "]
        .iter()
        .any(|joint| {
            rest.strip_prefix(' ')
                .or_else(|| rest.strip_prefix(", "))
                .and_then(|r| r.strip_prefix(joint))
                .is_some_and(|r| r.starts_with(char::is_uppercase))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLACES: &[&str] = &[
        "Nabouwalu",
        "Upolu",
        "ʻEua",
        "Bua",
        "Vanua Levu",
        "Auki",
        "Malaita",
        "Neiafu",
        "Vava'u",
        "Baglung",
        "Auckland",
        "Hamilton",
        "Tauranga",
        "Napier",
        "Samoa",
        "Tonga",
        "Fiji",
    ];

    fn is_place(p: &str) -> bool {
        PLACES.contains(&p)
    }

    fn chains(text: &str) -> Vec<&str> {
        find(text, &is_place)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    fn extended(text: &str, address: &str) -> String {
        let start = text.find(address).unwrap();
        let mut spans = [Span {
            start,
            end: start + address.len(),
            kind: Kind::Address,
            rule: "test".into(),
            role: Default::default(),
        }];
        extend(text, &mut spans, &is_place);
        text[spans[0].start..spans[0].end].to_owned()
    }

    #[test]
    fn a_town_takes_its_postcode() {
        let text = "in the cabin by the packhouse, Roxburgh 9500. Pay is late";
        assert_eq!(
            extended(text, "the cabin by the packhouse, Roxburgh"),
            "the cabin by the packhouse, Roxburgh 9500"
        );
        let text = "in the cabin by the packhouse, Roxburgh 9500 kg a day";
        assert_eq!(
            extended(text, "the cabin by the packhouse, Roxburgh"),
            "the cabin by the packhouse, Roxburgh"
        );
    }

    #[test]
    fn addresses_with_only_a_comma_between_them_join() {
        let text = "Phum Trapeang Thom, Khum Prey Kabbas, Takeo";
        let span = |start: usize, end: usize| Span {
            start,
            end,
            kind: Kind::Address,
            rule: "test".into(),
            role: Default::default(),
        };
        let second = text.find("Khum").unwrap();
        let mut spans = [span(0, second - 2), span(second, text.len() - 7)];
        extend(text, &mut spans, &is_place);
        assert_eq!(
            &text[spans[0].start..spans[0].end],
            "Phum Trapeang Thom, Khum Prey Kabbas"
        );
    }

    #[test]
    fn two_places_and_a_landmark_near_them() {
        assert_eq!(
            chains(
                "Famili blong mi stap long Auki, Malaita, klosap long Kilu'ufi hospitol. Tanggio"
            ),
            vec!["Auki, Malaita, klosap long Kilu'ufi hospitol"]
        );
    }

    #[test]
    fn a_house_near_a_landmark_between_places() {
        assert_eq!(
            chains("mama i stap yet long Auki, haos klosap long Presbyterian church, Malaita\n"),
            vec!["Auki, haos klosap long Presbyterian church, Malaita"]
        );
        // One place alone with a landmark: a town and something in it.
        assert!(chains("we work in Auki, near the market.").is_empty());
    }

    #[test]
    fn a_house_counted_from_a_landmark_in_a_village_the_lists_do_not_know() {
        assert_eq!(
            chains("Loʻu aiga: Vaitele-uta, fale lona lua mai le Ekalesia Metotisi, Upolu. Fa"),
            vec!["Vaitele-uta, fale lona lua mai le Ekalesia Metotisi, Upolu"]
        );
        assert_eq!(
            chains("Ko homau ʻapi: ʻOhonua, ʻEua, ʻapi hono 3 mei he falekoloa ʻa Fifita."),
            vec!["ʻOhonua, ʻEua, ʻapi hono 3 mei he falekoloa ʻa Fifita"]
        );
        // No known place: a person and a house.
        assert!(chains("I told Sione, the fale next to the church is his").is_empty());
    }

    #[test]
    fn lists_of_towns_and_countries_are_no_address() {
        assert!(chains("crews in Auckland, Hamilton, Tauranga and Napier").is_empty());
        assert!(chains("workers from Tonga, Samoa, Fiji came").is_empty());
        assert!(chains("we went to Auckland, Hamilton.").is_empty());
        assert!(chains("Rangi, Tevita, Sione, the boys next door").is_empty());
        assert!(chains("mai na koro o Nabouwalu, Bua, Vanua Levu. Au cakacaka").is_empty());
        assert!(chains("crews in Auckland, Hamilton and Napier, near the port").is_empty());
    }

    #[test]
    fn a_found_address_takes_the_places_around_it() {
        assert_eq!(
            extended(
                "Our aiga is in Vava'u, Neiafu, Fungamisi, the house next to the LDS chapel.",
                "the house next to the LDS chapel"
            ),
            "Vava'u, Neiafu, Fungamisi, the house next to the LDS chapel"
        );
        assert_eq!(
            extended(
                "Home Baglung Municipality-4, Baglung, near Kalika temple. Phone",
                "Baglung Municipality-4, Baglung"
            ),
            "Baglung Municipality-4, Baglung"
        );
        assert_eq!(
            extended(
                "Ko homau 'api 'i Fungamisi, the fale by the church, ofi ki he Siasi Uesiliana.",
                "the fale by the church"
            ),
            "the fale by the church, ofi ki he Siasi Uesiliana"
        );
        assert_eq!(
            extended(
                "Nhà em ở 58/12 Nguyễn Văn Lượng, phường 17, quận Gò Vấp.",
                "phường 17, quận Gò Vấp"
            ),
            "58/12 Nguyễn Văn Lượng, phường 17, quận Gò Vấp"
        );
        assert_eq!(
            extended(
                "Family: Bairiki, the house opposite the causeway, South Tarawa, Kiribati. Phone",
                "Bairiki, the house opposite the causeway, South Tarawa"
            ),
            "Bairiki, the house opposite the causeway, South Tarawa, Kiribati"
        );
        // An unknown name before it, with no known place beyond: a person's, not a place's.
        assert_eq!(
            extended(
                "I told Rangi, the house next to the church is empty",
                "the house next to the church"
            ),
            "the house next to the church"
        );
    }
}
