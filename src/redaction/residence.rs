//! Where someone lives, told as a list of places and landmarks after a word for living
//! there, the way addresses are given in villages of the Pacific: `o lo'u tuatusi
//! Vaitele-uta, i tua o le falesa EFKS, Upolu, Samoa`, `'Oku ou nofo 'i Kolofo'ou,
//! Nuku'alofa, fale lanu pulū ofi ki he Siasi Uesiliana`, `mi stap long Blacksands, klosap
//! long Presbyterian jos, Port Vila`, `We live at Bikenibeu, near the Catholic church,
//! South Tarawa, Kiribati`.
//!
//! There is no number and often no street, yet a family is found by it. It is taken only
//! after a cue for living somewhere, as a list of at least two parts up to the end of the
//! sentence, that names a landmark (a church, a market, a shop, a house) and holds at least
//! two names of places (capitalised words), and no number: `we live at the back of the
//! shop, no heating` names no place, `we live in Apia, Samoa` no landmark, and a numbered
//! address is the address rules' to find.

use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

/// The rule id of such an address (`Span::rule`).
pub const RULE: &str = "residence";

/// Words for living somewhere, or for one's address, in English, Samoan, Tongan, Bislama
/// and Tok Pisin, Kiribati and Fijian, compared without case.
const CUES: &[&str] = &[
    "we live at",
    "we live in",
    "i live at",
    "i live in",
    "we stay at",
    "i stay at",
    "my address is",
    "our address is",
    "my home address is",
    "tuatusi",
    "nonofo i",
    "nofo i",
    "nofo 'i",
    "nofo ʻi",
    "nofo ‘i",
    "fale 'i",
    "fale ʻi",
    "stap long",
    "stap lo",
    "tiku i",
    "maeka i",
    "bula tiko e",
    "tiko e",
];

/// Landmarks and dwellings a place abroad is told by (the church, the market, the shop,
/// the school, the house), in the same languages, compared without case. Its own list,
/// narrower than `described_place`'s: with that one's dwellings (`place`, `room`, `home`)
/// a sentence after `we live in` is taken far more often for a place.
const LANDMARKS: &[&str] = &[
    "church",
    "market",
    "shop",
    "store",
    "school",
    "house",
    "hospital",
    "wharf",
    "hall",
    "falesa",
    "ekalesia",
    "maketi",
    "faleoloa",
    "aoga",
    "ā'oga",
    "fale",
    "siasi",
    "falelotu",
    "jos",
    "sios",
    "haus",
    "stoa",
    "skul",
    "maket",
    "valenilotu",
    "makete",
    "sitoa",
];

/// At most this many bytes of a place after its cue.
const MAX_LEN: usize = 160;

static CUE: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(CUES)
        .expect("the residence cues build an automaton")
});

/// Whether `c` may stand next to a cue or a landmark: the words must be whole.
pub(super) fn outside_word(c: Option<char>) -> bool {
    c.is_none_or(|c| !c.is_alphanumeric() && c != '\'' && c != 'ʻ')
}

fn whole_word(text: &str, start: usize, end: usize) -> bool {
    outside_word(text[..start].chars().next_back()) && outside_word(text[end..].chars().next())
}

/// The places in `text` told after a cue for living there, as byte ranges.
pub fn find(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for cue in CUE.find_iter(text) {
        if !whole_word(text, cue.start(), cue.end()) {
            continue;
        }
        let rest = &text[cue.end()..];
        let sentence = super::text::sentence_end(rest);
        if sentence > MAX_LEN {
            continue;
        }
        let mut place = &rest[..sentence];
        let mut start = cue.end();
        // `fale 'i Tonga: Houma, Tongatapu, ...`: the place after a label's colon.
        if let Some(colon) = place.find(": ") {
            start += colon + 2;
            place = &place[colon + 2..];
        }
        start += place.len() - place.trim_start().len();
        let place = place.trim();
        let end = start + place.len();
        // A place with a number is a numbered address: its own rules find it, to its
        // end and no further (`I stay at 3/27 Church Street, Onehunga with 4 others`).
        let numbered = place.chars().any(|c| c.is_numeric());
        if !numbered
            && place.split(',').count() >= 2
            && landmark(place)
            && capitalised_words(place) >= 2
        {
            found.push((start, end));
        }
    }
    found
}

fn landmark(place: &str) -> bool {
    let lower = place.to_lowercase();
    LANDMARKS.iter().any(|word| {
        lower
            .match_indices(word)
            .any(|(at, _)| whole_word(&lower, at, at + word.len()))
    })
}

/// Capitalised words that do not open the place: the names in it.
fn capitalised_words(place: &str) -> usize {
    place
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn a_village_place_after_a_cue_for_living_there() {
        assert_eq!(
            places(
                "ma o lo'u tuatusi Vaitele-uta, i tua o le falesa EFKS, Upolu, Samoa. Fa'amolemole"
            ),
            vec!["Vaitele-uta, i tua o le falesa EFKS, Upolu, Samoa"]
        );
        assert_eq!(
            places("Ko homau fale 'i Tonga: Houma, Tongatapu, ofi ki he Siasi Uesiliana."),
            vec!["Houma, Tongatapu, ofi ki he Siasi Uesiliana"]
        );
        assert_eq!(
            places(
                "mi stap long Blacksands, klosap long Presbyterian jos, Port Vila, Vanuatu. Tankyu"
            ),
            vec!["Blacksands, klosap long Presbyterian jos, Port Vila, Vanuatu"]
        );
        assert_eq!(
            places(
                "We live at Bikenibeu, near the Catholic church, South Tarawa, Kiribati. my email"
            ),
            vec!["Bikenibeu, near the Catholic church, South Tarawa, Kiribati"]
        );
    }

    #[test]
    fn no_landmark_or_no_names_no_place() {
        assert!(places("We live in Apia, Samoa. It is hot.").is_empty());
        assert!(places("we live at the back of the shop, no heating, no power.").is_empty());
        assert!(places("I live in fear, every day, near the church of my village").is_empty());
        assert!(places("The shop is in Apia, near the market, on Upolu.").is_empty());
        assert!(places(
            "I stay at 3/27 Church Street, Onehunga, with 4 others, Gary owns the house."
        )
        .is_empty());
    }
}
