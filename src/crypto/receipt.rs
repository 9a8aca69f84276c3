//! Receipt codes: what a reporter keeps to check back. 20 Crockford base32 characters
//! (100 bits), shown in groups of four; read back forgivingly (case, spaces and dashes
//! of any script, full-width letters and digits from a CJK keyboard, and the look-alikes
//! O/0, I/L/1). Stored only as a keyed hash.

use super::random_bytes;
use std::fmt;
use unicode_normalization::UnicodeNormalization;

/// Dashes a keyboard, a phone or a word processor may put between the groups (NFKC
/// leaves these as they are; the full-width hyphen it turns into `-`).
fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'
            ..='\u{2015}'
                | '\u{2212}'
                | '\u{2E3A}'
                | '\u{2E3B}'
                | '\u{FE58}'
                | '\u{FE63}'
                | '\u{30FC}'
                | '\u{301C}'
    )
}

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LEN: usize = 20;

/// A receipt code in canonical form (20 characters, no separators).
#[derive(Clone, PartialEq, Eq)]
pub struct Receipt(String);

impl Receipt {
    pub fn generate() -> Self {
        Self::from_bytes(&random_bytes::<LEN>())
    }

    /// The code for uniformly random bytes (the first 20 are used). 32 divides 256, so
    /// taking each byte modulo 32 keeps every symbol equally likely.
    pub fn from_bytes(bytes: &[u8]) -> Self {
        Receipt(
            bytes[..LEN]
                .iter()
                .map(|b| ALPHABET[(b % 32) as usize] as char)
                .collect(),
        )
    }

    /// Reads a code as a person might type it. `None` when it cannot be one.
    pub fn parse(input: &str) -> Option<Self> {
        let mut code = String::with_capacity(LEN);
        for c in input.nfkc() {
            if c.is_whitespace() || is_dash(c) {
                continue;
            }
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => c,
                _ => return None,
            };
            code.push(c);
        }
        (code.len() == LEN).then_some(Receipt(code))
    }

    /// The canonical form, the input to the keyed hash.
    pub fn canonical(&self) -> &str {
        &self.0
    }
}

/// The word said for each character when a code is read aloud: the ICAO spelling
/// alphabet for letters (Crockford's has no I, L, O or U), digits by their names.
fn spoken_word(c: char) -> &'static str {
    match c {
        '0' => "zero",
        '1' => "one",
        '2' => "two",
        '3' => "three",
        '4' => "four",
        '5' => "five",
        '6' => "six",
        '7' => "seven",
        '8' => "eight",
        '9' => "nine",
        'A' => "Alfa",
        'B' => "Bravo",
        'C' => "Charlie",
        'D' => "Delta",
        'E' => "Echo",
        'F' => "Foxtrot",
        'G' => "Golf",
        'H' => "Hotel",
        'J' => "Juliett",
        'K' => "Kilo",
        'M' => "Mike",
        'N' => "November",
        'P' => "Papa",
        'Q' => "Quebec",
        'R' => "Romeo",
        'S' => "Sierra",
        'T' => "Tango",
        'V' => "Victor",
        'W' => "Whiskey",
        'X' => "X-ray",
        'Y' => "Yankee",
        'Z' => "Zulu",
        _ => unreachable!("a receipt holds only its alphabet"),
    }
}

impl Receipt {
    /// The code as read aloud to a caller: groups of four, each character with its
    /// spelling word.
    pub fn spoken(&self) -> Vec<Vec<(char, &'static str)>> {
        self.0
            .as_bytes()
            .chunks(4)
            .map(|group| {
                group
                    .iter()
                    .map(|&b| (b as char, spoken_word(b as char)))
                    .collect()
            })
            .collect()
    }
}

/// Groups of four: `7K2M-…`.
impl fmt::Display for Receipt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, chunk) in self.0.as_bytes().chunks(4).enumerate() {
            if i > 0 {
                f.write_str("-")?;
            }
            f.write_str(std::str::from_utf8(chunk).expect("alphabet is ASCII"))?;
        }
        Ok(())
    }
}

/// Never print a receipt into logs by accident.
impl fmt::Debug for Receipt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Receipt(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_and_forgiving_parse() {
        let r = Receipt::generate();
        let shown = r.to_string();
        assert_eq!(shown.len(), 24);
        assert_eq!(shown.matches('-').count(), 4);
        assert_eq!(Receipt::parse(&shown).unwrap(), r);
        assert_eq!(
            Receipt::parse(&shown.to_lowercase().replace('-', " ")).unwrap(),
            r
        );
        assert_eq!(
            Receipt::parse("oooo-iiii-llll-0000-1111")
                .unwrap()
                .canonical(),
            "00001111111100001111"
        );
        assert!(Receipt::parse("too short").is_none());
        // As typed on other keyboards or pasted from other apps.
        let code = "7K2M-QX4P-9R3T-WV8Z-HN6J";
        let canonical = Receipt::parse(code).unwrap();
        for typed in [
            "７Ｋ２Ｍ－ＱＸ４Ｐ－９Ｒ３Ｔ－ＷＶ８Ｚ－ＨＮ６Ｊ", // full-width, full-width hyphen
            "7K2M\u{3000}QX4P\u{3000}9R3T\u{3000}WV8Z\u{3000}HN6J", // ideographic space
            "7K2M\u{00A0}QX4P\u{00A0}9R3T\u{00A0}WV8Z\u{00A0}HN6J", // no-break space
            "7K2M\u{2013}QX4P\u{2014}9R3T\u{2212}WV8Z\u{2010}HN6J", // en, em, minus, hyphen
            "7k2m\u{2011}qx4p\u{30FC}9r3t\u{301C}wv8z\u{202F}hn6j", // others, lower case
        ] {
            assert_eq!(
                Receipt::parse(typed).as_ref(),
                Some(&canonical),
                "{typed:?}"
            );
        }
        assert!(Receipt::parse("UUUU-UUUU-UUUU-UUUU-UUUU").is_none());
        assert!(format!("{r:?}").find(r.canonical()).is_none());
    }

    #[test]
    fn every_character_has_a_word_said_aloud() {
        let all = Receipt(String::from_utf8(ALPHABET[..20].to_vec()).unwrap());
        let rest = Receipt(String::from_utf8(ALPHABET[12..].to_vec()).unwrap());
        for code in [all, rest] {
            let groups = code.spoken();
            assert_eq!(groups.len(), 5);
            let said: String = groups.iter().flatten().map(|(c, _)| *c).collect();
            assert_eq!(said, code.canonical());
            assert!(groups.iter().flatten().all(|(_, w)| !w.is_empty()));
        }
        let words: std::collections::HashSet<_> =
            ALPHABET.iter().map(|&b| spoken_word(b as char)).collect();
        assert_eq!(words.len(), 32);
    }

    #[test]
    fn codes_differ() {
        let codes: std::collections::HashSet<_> =
            (0..1000).map(|_| Receipt::generate().0).collect();
        assert_eq!(codes.len(), 1000);
    }
}
