//! Numbers written out as people say them (`forty two`, `two hundred and six`,
//! `nineteen ninety one`, `plus six four ...`), as digits, for the pattern rules: a
//! voicemail transcript or a careful writer gives a house number, a year of birth or a
//! phone number this way, and a rule written for digits must still see it.
//!
//! Runs of single digit words (`oh two one`) are `normalised::number_words`' work; this
//! pass takes the words that make a number bigger than a digit, and a lone digit word
//! that is a house number (`nine jocelyn street`).

use super::normalised::{substitute, Unit};

fn unit(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        _ => return None,
    })
}

fn teen(w: &str) -> Option<u32> {
    Some(match w {
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

fn tens(w: &str) -> Option<u32> {
    Some(match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" | "fourty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Whether `token` (as written) makes a number bigger than one digit: the texts that
/// hold one need this pass.
pub fn is_cardinal_word(token: &str) -> bool {
    // Called for every word of every text: no allocation, and most words fail the
    // length or first-letter test.
    if !(3..=9).contains(&token.len()) || !matches!(token.as_bytes()[0] | 0x20, b'e'..=b't') {
        return false;
    }
    let mut buf = [0u8; 9];
    for (b, c) in buf.iter_mut().zip(token.bytes()) {
        *b = c.to_ascii_lowercase();
    }
    let w = std::str::from_utf8(&buf[..token.len()]).unwrap_or("");
    teen(w).is_some() || tens(w).is_some() || w == "hundred" || w == "thousand"
}

/// Street words after which a lone digit word is a house number (`is_street_word`).
const STREET_TYPES: &[&str] = &[
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "drive",
    "lane",
    "place",
    "crescent",
    "terrace",
    "grove",
    "highway",
    "parade",
    "track",
    "boulevard",
];

pub fn is_street_word(token: &str) -> bool {
    STREET_TYPES.iter().any(|t| t.eq_ignore_ascii_case(token))
}

/// A word of the text: its units and its lower-case ASCII letters.
struct Word {
    start: usize,
    end: usize,
    text: String,
}

fn words(units: &[Unit]) -> Vec<Word> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < units.len() {
        if !units[i].c.is_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < units.len() && units[i].c.is_alphabetic() {
            i += 1;
        }
        let ascii = units[start..i].iter().all(|u| u.c.is_ascii());
        let text = if ascii && i - start <= 9 {
            units[start..i]
                .iter()
                .map(|u| u.c.to_ascii_lowercase())
                .collect()
        } else {
            String::new()
        };
        out.push(Word {
            start,
            end: i,
            text,
        });
    }
    out
}

/// A cardinal read from `ws`: its value, how many words it took, and whether it needs
/// more than one digit word to say (`forty two`, not `four`).
fn cardinal(ws: &[Word], joined: impl Fn(usize) -> bool) -> Option<(u32, usize, bool)> {
    let word = |i: usize| ws.get(i).map(|w| w.text.as_str()).unwrap_or("");
    // Below a hundred, from word `i`: (value, words).
    let small = |i: usize| -> Option<(u32, usize)> {
        let w = word(i);
        if let Some(t) = tens(w) {
            return Some(match unit(word(i + 1)) {
                Some(u) if joined(i) => (t + u, 2),
                _ => (t, 1),
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
        if matches!(word(1), "oh" | "o") && joined(1) {
            if let Some(u) = unit(word(2)) {
                return Some((century * 100 + u, 3, true));
            }
        }
    }
    // An ordinal (`twenty-first`) is a day for the date rules to read as words.
    const ORDINALS: &[&str] = &[
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    ];
    if tens(first).is_some() && joined(0) && ORDINALS.contains(&word(1)) {
        return None;
    }
    let (mut value, mut n) = small(0)?;
    let mut big = unit(first).is_none();
    // `and` joins only what follows a hundred or a thousand: `two hundred and six`.
    let rest = |value: &mut u32, n: &mut usize| {
        if word(*n) == "and" && joined(*n - 1) && joined(*n) {
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
    if word(n) == "hundred" && joined(n - 1) {
        value *= 100;
        n += 1;
        big = true;
        rest(&mut value, &mut n);
    }
    if word(n) == "thousand" && joined(n - 1) {
        value *= 1000;
        n += 1;
        big = true;
        if unit(word(n)).is_some() && word(n + 1) == "hundred" && joined(n) {
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
        let found = cardinal(&ws[w..], |i| gap(w + i));
        let Some((value, used, big)) = found else {
            w += 1;
            continue;
        };
        let house = !big
            && (1..=4).any(|k| {
                ws.get(w + k)
                    .is_some_and(|n| STREET_TYPES.contains(&n.text.as_str()))
                    && (w..w + k).all(&gap)
            });
        if big || house {
            if w > 0 && ws[w - 1].text == "plus" && gap(w - 1) {
                replace.push((ws[w - 1].start, ws[w].start, "+".into()));
            }
            replace.push((ws[w].start, ws[w + used - 1].end, value.to_string()));
            w += used;
        } else {
            // `plus six four two ...`: the digit words are `number_words`' work, but
            // the sign is this pass's.
            if w > 0 && ws[w - 1].text == "plus" && gap(w - 1) && gap(w) {
                replace.push((ws[w - 1].start, ws[w].start, "+".into()));
            }
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
    fn a_lone_digit_word_only_before_a_street() {
        assert_eq!(norm("at nine jocelyn street"), "at 9 jocelyn street");
        assert_eq!(norm("one of the men"), "one of the men");
    }

    #[test]
    fn plus_before_a_number_is_its_sign() {
        assert_eq!(
            norm("call plus six four two one six three four nine eight"),
            "call +642163498"
        );
    }
}
