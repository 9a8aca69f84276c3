//! E-mail addresses and handles read out (`ana underscore leota at yahoo dot co dot nz`,
//! `vale.gomez arroba gmail punto com`, `at sebas underscore rojas`), written as they
//! would be typed, for the pattern rules. A voicemail transcript or a careful writer
//! spells an address this way, and the EMAIL and HANDLE rules must still see it.
//!
//! The local part is read back from `at` over the words joined to it, with or without a
//! spoken separator, up to a word that introduces it (`is`, `email`, `me`).

use super::normalised::{substitute, Unit};
use std::sync::LazyLock;

/// Top-level domains an address read out ends with.
const TLDS: &[&str] = &[
    "com", "net", "org", "nz", "au", "in", "ph", "cn", "edu", "gov", "io", "uk", "us", "info",
    "vn", "id", "fj", "ws", "to", "jp", "kr", "tw", "hk", "sg", "my", "th", "mx", "br", "ar", "cl",
    "pe", "co", "de", "fr", "ru", "ua", "lk", "np", "bd", "pk", "me", "ca", "es", "it", "nl", "eu",
    "ch", "ie", "pl", "za",
];

/// Mail providers named without their domain (`at gmail`).
const PROVIDERS: &[&str] = &[
    "gmail",
    "yahoo",
    "hotmail",
    "outlook",
    "icloud",
    "protonmail",
];

/// Words that introduce an address: the local part starts after them.
const BEFORE_ADDRESS: &[&str] = &[
    "is", "me", "my", "his", "her", "their", "email", "e-mail", "mail", "address", "to", "on",
    "at", "its", "it's", "contact", "write", "send", "the", "or", "and", "es", "mi", "su",
    "correo", "ko", "ang", "ni", "si", "was", "try", "use", "emailed", "from", "by", "via", "of",
    "for", "with", "tip", "came", "reach", "wrote", "sent", "reply", "he", "she", "they", "we",
    "i", "you", "a", "an", "be", "can", "get", "gmail", "yahoo", "as", "spelled", "spelt",
    // Mandarin in pinyin: `(wo de) youxiang shi ...`, "(my) mailbox is".
    "shi", "youxiang",
];

/// Words said for `@`: English, Spanish and Portuguese, Russian (`собака`, "dog").
const AT_WORDS: &[&str] = &["at", "arroba", "собака", "sobaka"];

/// Separators said between the parts of an address, and what they stand for: English,
/// Spanish, Portuguese, Indonesian, German, Russian, Mandarin in pinyin (`dian`, 点).
const SEPARATORS: &[(&str, char)] = &[
    ("underscore", '_'),
    ("dot", '.'),
    ("punto", '.'),
    ("ponto", '.'),
    ("titik", '.'),
    ("punkt", '.'),
    ("точка", '.'),
    ("tochka", '.'),
    ("dian", '.'),
    ("dash", '-'),
    ("hyphen", '-'),
];

fn separator(word: &str) -> Option<char> {
    SEPARATORS
        .iter()
        .find(|(said, _)| *said == word)
        .map(|&(_, sep)| sep)
}

fn at_sign(word: &str) -> bool {
    AT_WORDS.contains(&word)
}

/// Whether `c` opens one of the words said for `@` or a separator outside ASCII
/// (`собака`, `точка`), which the ASCII scan of `normalised` does not see as words.
pub fn opens_a_word_outside_ascii(c: char) -> bool {
    // Asked of every character outside ASCII: the first letters are read off the lists
    // once.
    static FIRST_LETTERS: LazyLock<Vec<char>> = LazyLock::new(|| {
        AT_WORDS
            .iter()
            .copied()
            .chain(SEPARATORS.iter().map(|&(said, _)| said))
            .filter(|w| !w.is_ascii())
            .filter_map(|w| w.chars().next())
            .collect()
    });
    FIRST_LETTERS.contains(&c)
}

/// What a word says toward an address read out: (an `at` word, a separator word).
pub fn signals(token: &str) -> (bool, bool) {
    // Called for every word of every text: no allocation.
    let is = |w: &&str| w.eq_ignore_ascii_case(token);
    (
        AT_WORDS.iter().any(is),
        SEPARATORS.iter().any(|(said, _)| is(said)),
    )
}

/// A token of address text: letters, digits and the signs an address may hold.
struct Token {
    start: usize,
    end: usize,
    text: String,
}

fn tokens(units: &[Unit]) -> Vec<Token> {
    // Cyrillic letters too, for the words said in Russian (`собака`, `точка`): an address's
    // own parts are ASCII (`ascii`).
    let part = |c: char| {
        c.is_ascii_alphanumeric()
            || matches!(c, '.' | '_' | '-' | '+')
            || ('\u{400}'..='\u{4ff}').contains(&c)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < units.len() {
        if !part(units[i].c) {
            i += 1;
            continue;
        }
        let start = i;
        while i < units.len() && part(units[i].c) {
            i += 1;
        }
        let text: String = units[start..i]
            .iter()
            .flat_map(|u| u.c.to_lowercase())
            .collect();
        let text = text.trim_end_matches('.').to_owned();
        let end = start + text.chars().count();
        if !text.is_empty() {
            out.push(Token { start, end, text });
        }
    }
    out
}

/// Writes each address read out in `units` as typed.
pub(super) fn spoken_emails(units: Vec<Unit>) -> Vec<Unit> {
    let ts = tokens(&units);
    // Tokens `i` and `i + 1` are one space apart.
    let spaced = |i: usize| {
        ts.get(i + 1)
            .is_some_and(|n| n.start == ts[i].end + 1 && units[ts[i].end].c == ' ')
    };
    let mut replace = Vec::new();
    // Tokens before this one are taken by an address already found.
    let mut taken = 0;
    let mut k = 1;
    while k + 1 < ts.len() {
        if !at_sign(&ts[k].text) || !spaced(k - 1) || !spaced(k) {
            k += 1;
            continue;
        }
        // `at the rate`, as `@` is said in India.
        let at_the_rate = ts[k].text == "at"
            && ts.get(k + 2).is_some_and(|t| t.text == "rate")
            && ts[k + 1].text == "the"
            && spaced(k + 1)
            && spaced(k + 2);
        let domain_at = if at_the_rate { k + 3 } else { k + 1 };
        let Some(first_part) = ts.get(domain_at) else {
            break;
        };
        // The domain: parts joined by spoken separators, ending in a known TLD (or a
        // mail provider's name alone: `at gmail`).
        let mut domain = first_part.text.clone();
        let mut end = domain_at;
        // `at g mail dot com`: a provider's name said in two words.
        if let Some(second) = ts.get(domain_at + 1).filter(|_| spaced(domain_at)) {
            let joined = format!("{domain}{}", second.text);
            if PROVIDERS.contains(&joined.as_str()) {
                domain = joined;
                end += 1;
            }
        }
        if !domain.is_ascii() {
            k += 1;
            continue;
        }
        let mut dots = usize::from(domain.contains('.'));
        while end + 2 < ts.len() && spaced(end) && spaced(end + 1) {
            match separator(&ts[end + 1].text) {
                Some(sep) if ts[end + 2].text.is_ascii() => {
                    domain.push(sep);
                    domain.push_str(&ts[end + 2].text);
                    dots += usize::from(sep == '.');
                    end += 2;
                }
                _ => break,
            }
        }
        let tld = domain.rsplit('.').next().unwrap_or("");
        let known_tld = dots > 0 && TLDS.contains(&tld);
        let provider = dots == 0 && PROVIDERS.contains(&domain.as_str());
        if provider {
            domain.push_str(".com");
        }
        let is_domain = known_tld || provider;
        // The local part, read back from `at`.
        let mut local: Vec<String> = Vec::new();
        let mut first = k;
        let mut said_separator = false;
        while first > taken && local.len() < 8 && (first == k || spaced(first - 1)) {
            let word = &ts[first - 1].text;
            // A letter spelled out among others (`a n a dot tupou`) is the address's,
            // though `a` alone introduces one.
            let single = |t: Option<&Token>| t.is_some_and(|t| t.text.len() == 1);
            let spelled = word.len() == 1
                && (local
                    .last()
                    .is_some_and(|w| w.len() == 1 && !separator_char(w))
                    || (first >= 2 && spaced(first - 2) && single(ts.get(first - 2))));
            if BEFORE_ADDRESS.contains(&word.as_str()) && !spelled || !word.is_ascii() {
                break;
            }
            match separator(word) {
                Some(sep) if !local.is_empty() => {
                    local.push(sep.to_string());
                    said_separator = true;
                }
                Some(_) => break,
                None => local.push(word.clone()),
            }
            first -= 1;
        }
        // Not a separator first: `dot` must join two words.
        while local.last().is_some_and(|w| separator_char(w)) {
            local.pop();
            first += 1;
        }
        let words = local.iter().filter(|w| !separator_char(w)).count();
        // A provider alone only with a separator said before it: `I work at gmail` is
        // no address.
        if is_domain && words > 0 && (!provider || said_separator) {
            local.reverse();
            let address = format!("{}@{domain}", local.concat());
            replace.push((ts[first].start, ts[end].end, address));
            k = end + 1;
            taken = k;
            continue;
        }
        // `at sebas underscore rojas`: a handle, when a separator is said in it.
        let mut handle = String::from("@");
        let mut last = k;
        while last + 1 < ts.len() && spaced(last) {
            let word = &ts[last + 1].text;
            match separator(word) {
                Some(sep) if last > k => {
                    said_separator |= sep == '_' || sep == '.';
                    handle.push(sep);
                }
                Some(_) => break,
                None if last == k || handle.ends_with(['_', '.', '-']) => handle.push_str(word),
                None => break,
            }
            last += 1;
        }
        let handle = handle.trim_end_matches(['_', '.', '-']).to_owned();
        // `at jun dot villanueva at gmail dot com`: the local part of an address.
        let address_follows = ts.get(last + 1).is_some_and(|t| at_sign(&t.text));
        if said_separator && handle.len() > 1 && !is_domain && !address_follows {
            let end = ts[k + 1..=last]
                .iter()
                .rev()
                .find(|t| separator(&t.text).is_none())
                .map_or(ts[k].end, |t| t.end);
            replace.push((ts[k].start, end, handle));
            k = last + 1;
            taken = k;
            continue;
        }
        k += 1;
    }
    substitute(units, replace)
}

fn separator_char(w: &str) -> bool {
    matches!(w, "_" | "." | "-")
}

#[cfg(test)]
mod tests {
    use crate::redaction::normalised::Normalised;

    fn norm(s: &str) -> String {
        Normalised::new(s).text.into_owned()
    }

    #[test]
    fn at_the_rate_and_a_provider_alone() {
        assert_eq!(
            norm("my email is tharshan siva at the rate outlook dot com and"),
            "my email is tharshansiva@outlook.com and"
        );
        assert_eq!(
            norm("my gmail is manu dot tangitau 88 at gmail, no caps"),
            "my gmail is manu.tangitau88@gmail.com, no caps"
        );
        assert_eq!(
            norm("we meet at the rate they say"),
            "we meet at the rate they say"
        );
        assert_eq!(
            norm("Caller spelled email as a n a dot tupou 77 at gmail dot com."),
            "Caller spelled email as ana.tupou77@gmail.com."
        );
    }

    #[test]
    fn addresses_read_out_are_written_as_typed() {
        assert_eq!(
            norm("its ana underscore leota at yahoo dot co dot nz ok"),
            "its ana_leota@yahoo.co.nz ok"
        );
        assert_eq!(
            norm("email is laxmi magar two three at gmail dot com"),
            "email is laxmimagartwothree@gmail.com"
        );
        assert_eq!(
            norm("mi correo vale.gomez.ar arroba gmail punto com"),
            "mi correo vale.gomez.ar@gmail.com"
        );
        assert_eq!(
            norm("Meine Mail: f punkt brandt93 at web punkt de. Gruß"),
            "Meine Mail: f.brandt93@web.de. Gruß"
        );
    }

    #[test]
    fn addresses_read_out_in_other_languages() {
        assert_eq!(
            norm("El nuevo es camila punto fuentes punto r arroba proton punto me. Gracias"),
            "El nuevo es camila.fuentes.r@proton.me. Gracias"
        );
        assert_eq!(
            norm("моя почта alina.k93 собака mail.ru пишите"),
            "моя почта alina.k93@mail.ru пишите"
        );
        assert_eq!(
            norm("youxiang shi chen.xm88 at 163 dian com, dianhua"),
            "youxiang shi chen.xm88@163.com, dianhua"
        );
        assert_eq!(
            norm("my email is jay dot patel 91 at g mail dot com"),
            "my email is jay.patel91@gmail.com"
        );
    }

    #[test]
    fn a_handle_read_out_with_its_separators() {
        assert_eq!(
            norm("insta at sebas underscore rojas underscore nz thanks"),
            "insta @sebas_rojas_nz thanks"
        );
    }

    #[test]
    fn two_addresses_in_a_row_stay_apart() {
        assert_eq!(
            norm("ana at b dot com at c dot com"),
            "ana@b.com at c dot com"
        );
        assert_eq!(norm("x1 at b dot com x2 at c dot nz"), "x1@b.com x2@c.nz");
        assert_eq!(
            norm("email me at jun dot villanueva at gmail dot com"),
            "email me at jun.villanueva@gmail.com"
        );
    }

    #[test]
    fn at_in_prose_is_left() {
        assert_eq!(norm("we met at the farm dot"), "we met at the farm dot");
        assert_eq!(norm("i am at work"), "i am at work");
    }
}
