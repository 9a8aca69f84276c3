//! E-mail addresses and handles read out (`ana underscore leota at yahoo dot co dot nz`,
//! `vale.gomez arroba gmail punto com`, `at sebas underscore rojas`), written as they
//! would be typed, for the pattern rules. A voicemail transcript or a careful writer
//! spells an address this way, and the EMAIL and HANDLE rules must still see it.
//!
//! The local part is read back from `at` over the words joined to it, with or without a
//! spoken separator, up to a word that introduces it (`is`, `email`, `me`).

use super::normalised::{substitute, Unit};
use super::text::FxMap;
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
    // Spanish: `guion` is a hyphen, `guion bajo` an underscore (`tokens` joins the two).
    ("guion", '-'),
];

/// Words said for `/` in a profile's address (`facebook dot com slash jeffrey dot santos`).
const SLASH_WORDS: &[&str] = &["slash", "barra"];

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

/// What a word says toward an address read out: (an `at` or a `slash` word, which opens
/// an address's domain or a profile's path; a separator word).
pub fn signals(token: &str) -> (bool, bool) {
    // Called for every word of every text: no allocation.
    let is = |w: &&str| w.eq_ignore_ascii_case(token);
    (
        AT_WORDS.iter().chain(SLASH_WORDS).any(is),
        SEPARATORS.iter().any(|(said, _)| is(said)),
    )
}

/// `signals` of a word of ASCII letters and digits in lower case, asked of every word of
/// every text: one lookup, not one comparison a listed word, and most words need none
/// (no listed word opens with their letter and is as long).
pub fn signals_lower(word: &[u8]) -> (bool, bool) {
    /// The listed words in ASCII, in lower case, with what they signal; per first byte,
    /// the lengths (below 16) of those it opens.
    struct Signals {
        words: FxMap<Vec<u8>, (bool, bool)>,
        lengths: [u16; 128],
    }
    static SIGNALS: LazyLock<Signals> = LazyLock::new(|| {
        let mut words: FxMap<Vec<u8>, (bool, bool)> = FxMap::default();
        let ats = AT_WORDS
            .iter()
            .chain(SLASH_WORDS)
            .map(|w| (w, (true, false)));
        let separators = SEPARATORS.iter().map(|(w, _)| (w, (false, true)));
        // Only a listed word in ASCII is equal to an ASCII word but for case.
        for (w, (at, separator)) in ats.chain(separators).filter(|(w, _)| w.is_ascii()) {
            let entry = words
                .entry(w.to_ascii_lowercase().into_bytes())
                .or_default();
            entry.0 |= at;
            entry.1 |= separator;
        }
        let mut lengths = [0u16; 128];
        for w in words.keys().filter(|w| w.len() < 16) {
            if let Some(&b) = w.first() {
                lengths[usize::from(b)] |= 1 << w.len();
            }
        }
        Signals { words, lengths }
    });
    let signals = &*SIGNALS;
    if let Some(&b) = word.first() {
        let length = 1u16.checked_shl(word.len() as u32).unwrap_or(0);
        if b < 128 && word.len() < 16 && signals.lengths[usize::from(b)] & length == 0 {
            return (false, false);
        }
    }
    signals.words.get(word).copied().unwrap_or_default()
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
    // Two words said for one sign: `guion bajo` (`_`), `at sign` (`@`).
    let mut joined: Vec<Token> = Vec::with_capacity(out.len());
    for token in out {
        let pair = joined.last().and_then(|last| {
            let next_to = token.start == last.end + 1 && units[last.end].c == ' ';
            match (last.text.as_str(), token.text.as_str()) {
                ("guion", "bajo") if next_to => Some("underscore"),
                ("at", "sign") if next_to => Some("at"),
                _ => None,
            }
        });
        match (pair, joined.last_mut()) {
            (Some(sign), Some(last)) => {
                last.end = token.end;
                last.text = sign.to_owned();
            }
            _ => joined.push(token),
        }
    }
    joined
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
        // Up to eight words, letters spelled one by one counted as one word.
        let within_reach =
            |local: &[String]| local.len() < 24 && local.iter().filter(|w| w.len() > 1).count() < 8;
        while first > taken && within_reach(&local) && (first == k || spaced(first - 1)) {
            let word = &ts[first - 1].text;
            // A letter spelled out among others (`a n a dot tupou`) is the address's,
            // though `a` alone introduces one.
            let single = |t: Option<&Token>| t.is_some_and(|t| t.text.len() == 1);
            let spelled = word.len() == 1
                && (local
                    .last()
                    .is_some_and(|w| w.len() == 1 && !separator_char(w))
                    || (first >= 2 && spaced(first - 2) && single(ts.get(first - 2))));
            // A word that would introduce an address is the address's own between two
            // separators said (`jo dot an dot ocampo`).
            let between_separators = local.last().is_some_and(|w| separator_char(w))
                && first >= 2
                && spaced(first - 2)
                && separator(&ts[first - 2].text).is_some();
            if BEFORE_ADDRESS.contains(&word.as_str()) && !spelled && !between_separators
                || !word.is_ascii()
            {
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
    replace.extend(profile_paths(&ts, &spaced));
    replace.sort_by_key(|r| r.0);
    substitute(units, replace)
}

/// Profile addresses read out: `facebook dot com slash jeffrey dot santos dot 775` ->
/// `facebook.com/jeffrey.santos.775`.
fn profile_paths(ts: &[Token], spaced: &impl Fn(usize) -> bool) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for k in 3..ts.len().saturating_sub(1) {
        if !SLASH_WORDS.contains(&ts[k].text.as_str()) || !spaced(k - 1) || !spaced(k) {
            continue;
        }
        // The domain, read back: words joined by said dots, ending in a known TLD.
        if !TLDS.contains(&ts[k - 1].text.as_str()) {
            continue;
        }
        let mut first = k - 1;
        while first >= 2
            && separator(&ts[first - 1].text) == Some('.')
            && spaced(first - 2)
            && spaced(first - 1)
            && ts[first - 2].text.is_ascii()
            && separator(&ts[first - 2].text).is_none()
        {
            first -= 2;
        }
        if first == k - 1 {
            continue;
        }
        let domain: String = ts[first..k]
            .iter()
            .map(|t| separator(&t.text).map_or(t.text.clone(), String::from))
            .collect();
        // The path: a word, then separators said and words.
        let mut path = String::new();
        let mut last = k;
        while last + 1 < ts.len() && spaced(last) && ts[last + 1].text.is_ascii() {
            let word = &ts[last + 1].text;
            match separator(word) {
                Some(sep) if !path.is_empty() => path.push(sep),
                Some(_) => break,
                None if path.is_empty() || path.ends_with(['_', '.', '-']) => path.push_str(word),
                None => break,
            }
            last += 1;
        }
        while path.ends_with(['_', '.', '-']) {
            path.pop();
            last -= 1;
        }
        if !path.is_empty() {
            out.push((ts[first].start, ts[last].end, format!("{domain}/{path}")));
        }
    }
    out
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
        assert_eq!(
            norm("email me r o s a l i e dot t 9 1 at gmail dot com"),
            "email me rosalie.t91@gmail.com"
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
    fn signs_said_in_two_words() {
        assert_eq!(
            norm("instagram arroba cami punto rojas guion bajo noventa y ocho gracias"),
            "instagram @cami.rojas_98 gracias"
        );
        assert_eq!(
            norm("online he's at sign kuya underscore jepoy underscore NZ that's"),
            "online he's @kuya_jepoy_nz that's"
        );
        assert_eq!(
            norm("spelled jo dot an dot ocampo at outlook dot com"),
            "spelled jo.an.ocampo@outlook.com"
        );
    }

    #[test]
    fn a_profile_address_read_out() {
        assert_eq!(
            norm(
                "his facebook is facebook dot com slash jeffrey dot santos dot seven seven five he"
            ),
            "his facebook is facebook.com/jeffrey.santos.775 he"
        );
        assert_eq!(norm("half slash half"), "half slash half");
    }

    #[test]
    fn at_in_prose_is_left() {
        assert_eq!(norm("we met at the farm dot"), "we met at the farm dot");
        assert_eq!(norm("i am at work"), "i am at work");
    }
}
