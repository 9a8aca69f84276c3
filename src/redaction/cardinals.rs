//! Numbers written out as people say them (`forty two`, `two hundred and six`,
//! `nineteen ninety one`, `plus six four ...`), as digits, for the pattern rules: a
//! voicemail transcript or a careful writer gives a house number, a year of birth or a
//! phone number this way, and a rule written for digits must still see it.
//!
//! Runs of single digit words (`oh two one`) are `normalised::number_words`' work; this
//! pass takes the words that make a number bigger than a digit, and a lone digit word
//! that is a house number (`nine jocelyn street`).

use super::normalised::{substitute, Unit};
use super::text::is_alphabetic;

// English, Spanish and French: reporters from Latin America and French speakers read
// their numbers out in their own language (`cero veintidós`, `quarante-sept`); words
// are compared with their accents taken off.
fn unit(w: &[u8]) -> Option<u32> {
    Some(match w {
        b"one" | b"uno" | b"un" | b"une" => 1,
        b"two" | b"dos" | b"deux" => 2,
        b"three" | b"tres" | b"trois" => 3,
        b"four" | b"cuatro" | b"quatre" => 4,
        b"five" | b"cinco" | b"cinq" => 5,
        b"six" | b"seis" => 6,
        b"seven" | b"siete" | b"sept" => 7,
        b"eight" | b"ocho" | b"huit" => 8,
        b"nine" | b"nueve" | b"neuf" => 9,
        _ => return None,
    })
}

fn teen(w: &[u8]) -> Option<u32> {
    Some(match w {
        b"ten" | b"diez" => 10,
        // Not `once` (English) nor `seize`: Spanish eleven and French sixteen.
        b"eleven" | b"onze" => 11,
        b"twelve" | b"doce" | b"douze" => 12,
        b"thirteen" | b"trece" | b"treize" => 13,
        b"fourteen" | b"catorce" | b"quatorze" => 14,
        b"fifteen" | b"quince" | b"quinze" => 15,
        b"sixteen" | b"dieciseis" => 16,
        b"seventeen" | b"diecisiete" => 17,
        b"eighteen" | b"dieciocho" => 18,
        b"nineteen" | b"diecinueve" => 19,
        b"veintiuno" | b"veintiun" => 21,
        b"veintidos" => 22,
        b"veintitres" => 23,
        b"veinticuatro" => 24,
        b"veinticinco" => 25,
        b"veintiseis" => 26,
        b"veintisiete" => 27,
        b"veintiocho" => 28,
        b"veintinueve" => 29,
        _ => return None,
    })
}

fn tens(w: &[u8]) -> Option<u32> {
    Some(match w {
        // `dix` is a ten in French counting: `dix-sept`, `soixante-dix`.
        b"dix" => 10,
        b"twenty" | b"veinte" | b"vingt" | b"vingts" => 20,
        b"thirty" | b"treinta" | b"trente" => 30,
        b"forty" | b"fourty" | b"cuarenta" | b"quarante" => 40,
        b"fifty" | b"cincuenta" | b"cinquante" => 50,
        b"sixty" | b"sesenta" | b"soixante" => 60,
        b"seventy" | b"setenta" => 70,
        b"eighty" | b"ochenta" => 80,
        b"ninety" | b"noventa" => 90,
        _ => return None,
    })
}

fn is_hundred(w: &[u8]) -> bool {
    // Not `cent`: an English word too (`50 cent`).
    matches!(w, b"hundred" | b"cien" | b"ciento")
}

fn is_thousand(w: &[u8]) -> bool {
    matches!(w, b"thousand" | b"mille" | b"mil")
}

/// A Latin letter as ASCII, accents taken off (`ó` -> `o`), or `None`.
fn ascii_letter(c: char) -> Option<char> {
    if c.is_ascii_alphabetic() {
        return Some(c.to_ascii_lowercase());
    }
    Some(match c.to_lowercase().next().unwrap_or(c) {
        'á' | 'à' | 'â' | 'ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        _ => return None,
    })
}

/// Whether `w` (a word of ASCII letters and digits, in lower case) makes a number bigger
/// than one digit: the texts that hold one need this pass. Called for every word of every
/// text: no allocation, and most words fail the length or first-letter test.
pub fn is_cardinal_lower(w: &[u8]) -> bool {
    (3..=MAX_LETTERS).contains(&w.len())
        && matches!(w[0], b'c'..=b'v')
        && (teen(w).is_some() || tens(w).is_some() || is_hundred(w) || is_thousand(w))
}

/// The longest number word (`veinticuatro`).
const MAX_LETTERS: usize = 12;

/// Street words after which a lone digit word is a house number (`is_street_lower`).
const STREET_TYPES: &[&[u8]] = &[
    b"street",
    b"st",
    b"road",
    b"rd",
    b"avenue",
    b"ave",
    b"drive",
    b"lane",
    b"place",
    b"crescent",
    b"terrace",
    b"grove",
    b"highway",
    b"parade",
    b"track",
    b"boulevard",
];

/// Words that place a thing against a street rather than start its name.
const PLACING: &[&[u8]] = &[
    b"on", b"in", b"at", b"off", b"of", b"the", b"near", b"by", b"behind", b"past", b"up", b"down",
    b"along",
];

/// Whether `w`, in lower case, is a street word (`road`, `st`).
pub fn is_street_lower(w: &[u8]) -> bool {
    STREET_TYPES.contains(&w)
}

/// A word of the text: its units and its lower-case ASCII letters (accents taken off;
/// empty for a longer word or one of other letters), kept inline: no allocation a word,
/// and compared as bytes (as `str`, each look validated them as UTF-8 again).
struct Word {
    start: usize,
    end: usize,
    letters: [u8; MAX_LETTERS],
    len: usize,
}

impl Word {
    fn text(&self) -> &[u8] {
        &self.letters[..self.len]
    }
}

fn words(units: &[Unit]) -> Vec<Word> {
    // Sized for a word in four characters: grown a word at a time, the copies were a
    // tenth of `cardinals`.
    let mut out = Vec::with_capacity(units.len() / 4 + 1);
    let mut i = 0;
    while i < units.len() {
        if !is_alphabetic(units[i].c) {
            i += 1;
            continue;
        }
        let start = i;
        while i < units.len() && is_alphabetic(units[i].c) {
            i += 1;
        }
        let mut letters = [0u8; MAX_LETTERS];
        let mut len = 0;
        if i - start <= MAX_LETTERS {
            for u in &units[start..i] {
                match ascii_letter(u.c) {
                    Some(c) => {
                        letters[len] = c as u8;
                        len += 1;
                    }
                    None => {
                        len = 0;
                        break;
                    }
                }
            }
        }
        out.push(Word {
            start,
            end: i,
            letters,
            len,
        });
    }
    out
}

/// A cardinal read from `ws`: its value, how many words it took, and whether it needs
/// more than one digit word to say (`forty two`, not `four`).
fn cardinal(ws: &[Word], joined: impl Fn(usize) -> bool) -> Option<(u32, usize, bool)> {
    let word = |i: usize| ws.get(i).map(Word::text).unwrap_or(&[]);
    // Below a hundred, from word `i`: (value, words).
    let small = |i: usize| -> Option<(u32, usize)> {
        let w = word(i);
        // French `quatre-vingt(s)`: eighty.
        let (tens_value, at) = if w == b"quatre" && joined(i) && word(i + 1).starts_with(b"vingt") {
            (Some(80), i + 1)
        } else {
            (tens(w), i)
        };
        if let Some(t) = tens_value {
            let taken = at - i + 1;
            // `treinta y dos`, `vingt et un`.
            if matches!(word(at + 1), b"y" | b"et") && joined(at) && joined(at + 1) {
                if let Some(u) = unit(word(at + 2)) {
                    return Some((t + u, taken + 2));
                }
            }
            // French seventy and ninety: `soixante-dix-sept`, `quatre-vingt-onze`.
            if (t == 60 || t == 80) && joined(at) {
                let next = word(at + 1);
                if let Some(v) = teen(next).filter(|v| *v < 20) {
                    return Some((t + v, taken + 1));
                }
                if tens(next) == Some(10) {
                    let extra = unit(word(at + 2)).filter(|_| joined(at + 1));
                    return Some((
                        t + 10 + extra.unwrap_or(0),
                        taken + 1 + usize::from(extra.is_some()),
                    ));
                }
            }
            return Some(match unit(word(at + 1)) {
                Some(u) if joined(at) && t != 10 || (t == 10 && u >= 7 && joined(at)) => {
                    (t + u, taken + 1)
                }
                _ => (t, taken),
            });
        }
        teen(w).or(unit(w)).map(|v| (v, 1))
    };
    let first = word(0);
    // A year said in two halves: `nineteen ninety one`, `nineteen oh five`.
    if let Some(century) = teen(first).filter(|_| joined(0)) {
        if tens(word(1)).is_some() {
            let (v, n) = small(1)?;
            return Some((century * 100 + v, 1 + n, true));
        }
        if matches!(word(1), b"oh" | b"o") && joined(1) {
            if let Some(u) = unit(word(2)) {
                return Some((century * 100 + u, 3, true));
            }
        }
    }
    // An ordinal (`twenty-first`) is a day for the date rules to read as words.
    const ORDINALS: &[&[u8]] = &[
        b"first", b"second", b"third", b"fourth", b"fifth", b"sixth", b"seventh", b"eighth",
        b"ninth",
    ];
    if tens(first).is_some() && joined(0) && ORDINALS.contains(&word(1)) {
        return None;
    }
    let (mut value, mut n) = small(0)?;
    let mut big = unit(first).is_none() || n > 1;
    // `and` joins only what follows a hundred or a thousand: `two hundred and six`.
    let rest = |value: &mut u32, n: &mut usize| {
        if word(*n) == b"and" && joined(*n - 1) && joined(*n) {
            if let Some((v, k)) = small(*n + 1) {
                *value += v;
                *n += 1 + k;
            }
        } else if joined(*n - 1) {
            if let Some((v, k)) = small(*n) {
                *value += v;
                *n += k;
            }
        }
    };
    if is_hundred(word(n)) && joined(n - 1) {
        value *= 100;
        n += 1;
        big = true;
        rest(&mut value, &mut n);
    }
    if is_thousand(word(n)) && joined(n - 1) {
        value *= 1000;
        n += 1;
        big = true;
        if unit(word(n)).is_some() && is_hundred(word(n + 1)) && joined(n) {
            let (h, _) = small(n)?;
            value += h * 100;
            n += 2;
        }
        rest(&mut value, &mut n);
    }
    Some((value, n, big))
}

/// Replaces the cardinals of `units` by their digits, and `plus` before a number by `+`.
pub(super) fn cardinals(units: Vec<Unit>) -> Vec<Unit> {
    let ws = words(&units);
    // Whether word `i` and the next are one space or hyphen apart.
    let gap = |i: usize| -> bool {
        let (Some(a), Some(b)) = (ws.get(i), ws.get(i + 1)) else {
            return false;
        };
        let between = &units[a.end..b.start];
        (1..=2).contains(&between.len()) && between.iter().all(|u| matches!(u.c, ' ' | '-'))
    };
    let mut replace: Vec<(usize, usize, String)> = Vec::new();
    let mut w = 0;
    while w < ws.len() {
        // A cardinal opens with a word below a hundred (`cardinal`'s `small`): most
        // words are none, and are not read further.
        let first = ws[w].text();
        let opens = teen(first).is_some() || tens(first).is_some() || unit(first).is_some();
        let found = if opens {
            cardinal(&ws[w..], |i| gap(w + i))
        } else {
            None
        };
        let Some((value, used, big)) = found else {
            // `plus 91 98960 41127`: the sign said in a word before digits.
            let digits_after = ws[w].end + 1;
            if first == b"plus"
                && units.get(ws[w].end).is_some_and(|u| u.c == ' ')
                && units
                    .get(digits_after)
                    .is_some_and(|u| u.c.is_ascii_digit())
            {
                replace.push((ws[w].start, digits_after, "+".into()));
            }
            w += 1;
            continue;
        };
        // `the one on Te Matai Road` is a place, not number one: the words up to the
        // street word name the street.
        // A digit word next to another is one digit of a number read out digit by digit
        // (`two one eight Kiwitahi Road`): `number_words` joins them.
        let digit_word = |i: usize| {
            ws.get(i)
                .is_some_and(|n| unit(n.text()).is_some() || matches!(n.text(), b"zero" | b"oh"))
        };
        let in_digits = (w > 0 && gap(w - 1) && digit_word(w - 1)) || (gap(w) && digit_word(w + 1));
        // A street word one to four words after word `last`, the words between naming it.
        let street_after = |last: usize| {
            (1..=4).any(|k| {
                ws.get(last + k)
                    .is_some_and(|n| STREET_TYPES.contains(&n.text()))
                    && (last..last + k).all(&gap)
                    && !ws[last + 1..last + k]
                        .iter()
                        .any(|n| PLACING.contains(&n.text()))
            })
        };
        // A house number said in two halves, as a year is: `two ten Grey Street` (210),
        // `one twenty-five Main Road` (125).
        if !big && gap(w) {
            let halves = unit(ws[w].text()).and_then(|hundreds| {
                let (tail, n, _) = cardinal(&ws[w + 1..], |i| gap(w + 1 + i))?;
                ((10..=99).contains(&tail) && street_after(w + n))
                    .then_some((hundreds * 100 + tail, n))
            });
            if let Some((value, n)) = halves {
                replace.push((ws[w].start, ws[w + n].end, value.to_string()));
                w += 1 + n;
                continue;
            }
        }
        // `Skeet Road, RD five`: a rural delivery's number.
        let rural_delivery = w > 0
            && gap(w - 1)
            && units[ws[w - 1].start..ws[w - 1].end]
                .iter()
                .map(|u| u.c)
                .eq("RD".chars());
        let house = !big && !in_digits && (street_after(w) || rural_delivery);
        if big || house {
            if w > 0 && ws[w - 1].text() == b"plus" && gap(w - 1) {
                replace.push((ws[w - 1].start, ws[w].start, "+".into()));
            }
            replace.push((ws[w].start, ws[w + used - 1].end, value.to_string()));
            w += used;
        } else {
            // `plus six four two ...`: the digit words and their sign are
            // `number_words`' work.
            w += used;
        }
    }
    replace.sort_by_key(|r| r.0);
    replace.dedup_by_key(|r| r.0);
    substitute(units, replace)
}

#[cfg(test)]
mod tests {
    use crate::redaction::normalised::Normalised;

    fn norm(s: &str) -> String {
        Normalised::new(s).text.into_owned()
    }

    #[test]
    fn numbers_said_in_words_become_digits() {
        assert_eq!(norm("forty two Inkerman Street"), "42 Inkerman Street");
        assert_eq!(norm("two hundred and six tauhei road"), "206 tauhei road");
        assert_eq!(
            norm("born september fifteen nineteen ninety"),
            "born september 15 1990"
        );
        assert_eq!(norm("in nineteen oh five"), "in 1905");
        assert_eq!(norm("two thousand and three"), "2003");
        assert_eq!(norm("twenty-one"), "21");
    }

    #[test]
    fn spanish_and_french_numbers() {
        assert_eq!(
            norm("mi número es cero veintidós cuatro uno nueve cero siete tres tres"),
            "mi número es 0224190733"
        );
        assert_eq!(norm("treinta y dos"), "32");
        assert_eq!(norm("quarante-sept"), "47");
        assert_eq!(norm("soixante-dix-huit"), "78");
        assert_eq!(norm("quatre-vingt-un"), "81");
        assert_eq!(
            norm("I once saw them seize 50 cent"),
            "I once saw them seize 50 cent"
        );
        assert_eq!(norm("dix-sept"), "17");
        assert_eq!(
            norm("zéro vingt-deux, trente et un, quarante-sept, quatre-vingt-un."),
            "022314781."
        );
    }

    #[test]
    fn a_lone_digit_word_only_before_a_street() {
        assert_eq!(norm("at nine jocelyn street"), "at 9 jocelyn street");
        assert_eq!(norm("one of the men"), "one of the men");
        assert_eq!(norm("the one on Te Matai Road"), "the one on Te Matai Road");
    }

    #[test]
    fn a_house_number_said_in_halves() {
        assert_eq!(
            norm("The shop is two ten Grey Street, Hamilton East"),
            "The shop is 210 Grey Street, Hamilton East"
        );
        assert_eq!(norm("one twenty-five Main Road"), "125 Main Road");
        assert_eq!(norm("two twenty dollar notes"), "two 20 dollar notes");
        assert_eq!(
            norm("Skeet Road, RD five, Hāwera"),
            "Skeet Road, RD 5, Hāwera"
        );
    }

    #[test]
    fn plus_before_digits_is_their_sign() {
        assert_eq!(
            norm("mera phone plus 91 98960 41127"),
            "mera phone +91 98960 41127"
        );
        assert_eq!(norm("plus tax"), "plus tax");
    }

    #[test]
    fn plus_before_a_number_is_its_sign() {
        assert_eq!(
            norm("call plus six four two one six three four nine eight"),
            "call +642163498"
        );
    }
}
