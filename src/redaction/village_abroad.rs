//! A village abroad told by its places down to the country, with no number and no cue:
//! `Vailele-uta, Upolu, Samoa`, `Koro o Naduri, Macuata, Vanua Levu, Fiji`, `Bairiki,
//! South Tarawa, Kiribati`.
//!
//! Where a worker's family lives is told this way in the Pacific and much of Asia, and in a
//! village of a few hundred people it points at one family. Taken when three to five
//! parts between commas, each one to three capitalised words, end in a country of the
//! list and no earlier part is a country: `workers from Tonga, Samoa, Fiji` is a list of
//! countries, and `Apia, Samoa` (two parts) names a town.

use super::text::fold;
use super::word_bounded::WordBounded;
use std::sync::LazyLock;

/// The rule id of such an address (`Span::rule`).
pub const RULE: &str = "village-abroad";

/// Countries our reporters' families live in, as they write them.
const COUNTRIES: &[&str] = &[
    "Samoa",
    "Sāmoa",
    "American Samoa",
    "Tonga",
    "Fiji",
    "Kiribati",
    "Tuvalu",
    "Vanuatu",
    "Solomon Islands",
    "Papua New Guinea",
    "PNG",
    "Cook Islands",
    "Niue",
    "Tokelau",
    "Nauru",
    "Timor-Leste",
    "India",
    "Nepal",
    "Bangladesh",
    "Sri Lanka",
    "Pakistan",
    "Philippines",
    "Pilipinas",
    "Vietnam",
    "Viet Nam",
    "Việt Nam",
    "Indonesia",
    "Thailand",
    "Cambodia",
    "Myanmar",
    "Burma",
    "Laos",
    "Malaysia",
    "China",
    "Brazil",
    "Brasil",
    "Chile",
    "Argentina",
    "Peru",
    "Colombia",
    "Mexico",
    "México",
    "Ukraine",
    "Russia",
    "Kenya",
    "Uganda",
];

/// One part: a capitalised word, then up to two more, capitalised or a short particle
/// (`Koro o Naduri`, `Vanua Levu`).
const PART: &str =
    r"\p{Lu}[\p{L}\p{M}'’ʻ\-]*(?: (?:\p{Lu}[\p{L}\p{M}'’ʻ\-]*|o|i|ni|de|da|la)){0,2}";

// Word-bounded: the `\b`s beside a macron would otherwise take the slowest engine.
static VILLAGE: LazyLock<WordBounded> = LazyLock::new(|| {
    let countries = COUNTRIES.join("|");
    WordBounded::new(&format!(r"\b(?:{PART},\s*){{2,4}}(?i:{countries})\b"))
});

static COUNTRY_NAMES: LazyLock<Vec<String>> =
    LazyLock::new(|| COUNTRIES.iter().map(|c| fold(c)).collect());

/// Whether `part` is one of the countries (`Samoa`, `sri lanka`).
pub fn is_country(part: &str) -> bool {
    COUNTRY_NAMES.contains(&fold(part))
}

/// The villages abroad in `text`, as byte ranges.
pub fn find(text: &str) -> Vec<(usize, usize)> {
    VILLAGE
        .find_iter(text)
        .filter(|&(start, end)| {
            let parts: Vec<&str> = text[start..end].split(',').map(str::trim).collect();
            !parts[..parts.len() - 1].iter().any(|p| is_country(p))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn villages(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn a_village_down_to_its_country() {
        assert_eq!(
            villages("my family is in Vailele-uta, Upolu, Samoa and they"),
            vec!["Vailele-uta, Upolu, Samoa"]
        );
        assert_eq!(
            villages("Koro o Naduri, Macuata, Vanua Levu, Fiji."),
            vec!["Koro o Naduri, Macuata, Vanua Levu, Fiji"]
        );
        assert_eq!(
            villages("HOME: KOLOFO'OU, NUKU'ALOFA, TONGATAPU, TONGA"),
            vec!["KOLOFO'OU, NUKU'ALOFA, TONGATAPU, TONGA"]
        );
    }

    #[test]
    fn countries_and_towns_alone_are_no_village() {
        assert!(villages("workers from Tonga, Samoa, Fiji and Vanuatu").is_empty());
        assert!(villages("he went home to Apia, Samoa last week").is_empty());
        assert!(villages("Auckland, Hamilton, Tauranga and Napier").is_empty());
    }
}
