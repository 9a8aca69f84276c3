//! Validators: Rust functions that a rule names (`validator = "luhn"`) to confirm that a
//! pattern match is a real identifier and not, say, an amount or a date.
//!
//! Each takes the matched text (separators and all) and answers yes or no. None panics,
//! whatever it is given.

/// The validators a rule file may name.
pub const NAMES: &[&str] = &[
    "luhn",
    "ird",
    "nz-bank",
    "phone",
    "phone-national",
    "digit-run",
    "nhi",
    "date",
    "iban",
    "aadhaar",
    "cn-resident-id",
    "us-ssn",
    "mx-curp",
    "hkid",
    "mx-rfc",
    "cl-rut",
    "ar-cuil",
    "th-id",
    "ro-cnp",
    "mrz",
    "handle",
    "id-like",
    "street-words",
    "wallet",
    "plate",
];

/// Validators whose answer depends only on how many of the characters beside each a value
/// holds: on a whole match holding none of them outside its `value` group they answer as
/// on the value. A rule with `validator_holds_around = true` (whose pattern `rules`
/// checks) is validated on the whole match before its value group is sought, and most of
/// its matches never need the slower search for their groups.
pub const HOLD_AROUND: &[(&str, &str)] = &[("masked", "0123456789xX*•")];

use super::checksums;
use super::text::FxSet;
use std::sync::LazyLock;

/// A check that a matched value is a real identifier.
pub type Validator = fn(&str) -> bool;

/// Looks a validator up by the name used in rule files.
pub fn by_name(name: &str) -> Option<Validator> {
    Some(match name {
        "luhn" => luhn,
        "ird" => ird,
        "nz-bank" => nz_bank,
        "phone" => phone,
        "phone-national" => phone_national,
        "digit-run" => digit_run,
        "nhi" => nhi,
        "date" => date,
        "iban" => checksums::iban,
        "aadhaar" => checksums::aadhaar,
        "cn-resident-id" => checksums::cn_resident_id,
        "us-ssn" => checksums::us_ssn,
        "mx-curp" => checksums::mx_curp,
        "hkid" => checksums::hkid,
        "mx-rfc" => checksums::mx_rfc,
        "cl-rut" => checksums::cl_rut,
        "ar-cuil" => checksums::ar_cuil,
        "th-id" => checksums::th_id,
        "ro-cnp" => checksums::ro_cnp,
        "mrz" => checksums::mrz,
        "handle" => handle,
        "id-like" => id_like,
        "wallet" => wallet,
        "plate" => plate,
        "masked" => masked,
        "street-words" => crate::redaction::address::street_words,
        "places-and-postcode" => crate::redaction::address::places_and_postcode,
        _ => return None,
    })
}

fn digits(s: &str) -> Vec<u8> {
    s.bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect()
}

/// A payment card number: 13 to 19 digits passing the Luhn check.
pub fn luhn(s: &str) -> bool {
    let d = digits(s);
    if !(13..=19).contains(&d.len()) || d.iter().all(|&x| x == d[0]) {
        return false;
    }
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &x)| {
            let x = u32::from(x);
            if i % 2 == 1 {
                let y = x * 2;
                if y > 9 {
                    y - 9
                } else {
                    y
                }
            } else {
                x
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// A New Zealand IRD (tax) number: 8 or 9 digits with the Inland Revenue check digit
/// (weights 3,2,7,6,5,4,3,2 mod 11, then 7,4,3,2,5,2,7,6 when the first gives 10).
pub fn ird(s: &str) -> bool {
    let d = digits(s);
    if !(8..=9).contains(&d.len()) {
        return false;
    }
    let (base, check) = d.split_at(d.len() - 1);
    let mut padded = [0u8; 8];
    padded[8 - base.len()..].copy_from_slice(base);
    if padded.iter().all(|&x| x == 0) {
        return false;
    }
    for weights in [[3, 2, 7, 6, 5, 4, 3, 2], [7, 4, 3, 2, 5, 2, 7, 6]] {
        let sum: u32 = padded
            .iter()
            .zip(weights)
            .map(|(&x, w)| u32::from(x) * w)
            .sum();
        let rem = sum % 11;
        let expected = if rem == 0 { 0 } else { 11 - rem };
        if expected != 10 {
            return expected == u32::from(check[0]);
        }
    }
    false
}

/// A New Zealand bank account, BB-bbbb-AAAAAAA-SS(S): a bank code that exists, a 4-digit
/// branch, a 7 (or 8) digit account and a 2 or 3 digit suffix. The bank's modulus check is
/// deliberately not applied: a mistyped account number still points at a person.
pub fn nz_bank(s: &str) -> bool {
    let groups: Vec<&str> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let shape_ok = match groups.as_slice() {
        [b, br, acc, suf] => {
            b.len() == 2
                && br.len() == 4
                && (7..=8).contains(&acc.len())
                && (2..=4).contains(&suf.len())
        }
        [one] => (15..=18).contains(&one.len()),
        _ => false,
    };
    if !shape_ok {
        return false;
    }
    let bank: u32 = s
        .bytes()
        .filter(u8::is_ascii_digit)
        .take(2)
        .fold(0, |a, b| a * 10 + u32::from(b - b'0'));
    matches!(bank, 1..=6 | 8 | 10..=31 | 33 | 35 | 38 | 88)
}

/// A telephone number in the New Zealand number plan, or an international number whose
/// country code exists and whose length is plausible for it.
pub fn phone(s: &str) -> bool {
    let t = s.trim_start_matches(['(', ' ']);
    let d: String = s.chars().filter(char::is_ascii_digit).collect();
    let international = t.starts_with('+') || d.starts_with("00");
    if international {
        let rest = if t.starts_with('+') { &d[..] } else { &d[2..] };
        if let Some(national) = rest.strip_prefix("64") {
            let national = national.strip_prefix('0').unwrap_or(national);
            return nz_national(&format!("0{national}"));
        }
        return international_number(rest);
    }
    nz_national(&d)
}

/// A number written the way a country of our reporters writes it at home, without the
/// country code: a trunk 0 and 9 to 12 digits (NZ, Australia, the Philippines, Vietnam,
/// Indonesia, Thailand, Japan, Korea, Pacific mobiles with a 0 ...), a Chinese mobile
/// (1[3-9] and 11 digits), an Indian mobile (6-9 and 10 digits), a North American number
/// (NXX NXX XXXX, perhaps after 1). NZ numbers must also fit the NZ plan.
pub fn phone_national(s: &str) -> bool {
    let d: Vec<u8> = s.bytes().filter(u8::is_ascii_digit).collect();
    if d.len() < 9 || d.iter().all(|&x| x == d[0]) {
        return false;
    }
    let nanp = |n: &[u8]| n.len() == 10 && n[0] >= b'2' && n[3] >= b'2';
    match d[0] {
        // Nine digits is the NZ landline length: then the NZ plan decides.
        b'0' if d.len() == 9 => nz_national(std::str::from_utf8(&d).unwrap_or("")),
        b'0' => d.len() <= 12 && d[1] != b'0',
        b'1' => (d.len() == 11 && (b'3'..=b'9').contains(&d[1])) || nanp(&d[1..]),
        b'6'..=b'9' if d.len() == 10 => true,
        _ => nanp(&d),
    }
}

/// A long run of digits after a phone word: 7 to 15 digits, not all the same.
pub fn digit_run(s: &str) -> bool {
    let d: Vec<u8> = s.bytes().filter(u8::is_ascii_digit).collect();
    (7..=15).contains(&d.len()) && d.iter().any(|&x| x != d[0])
}

/// An identifier after its label: at least five digits, at most 34 letters and digits,
/// not a year or a plain amount (`2019`, `1,200`).
pub fn id_like(s: &str) -> bool {
    let digits = s.bytes().filter(u8::is_ascii_digit).count();
    let alnum = s.bytes().filter(u8::is_ascii_alphanumeric).count();
    // Four digits after letters (`VSM-1183`) is a number of a register; four alone may
    // be a year, and before letters an amount (`9.000 USD`).
    let lettered = s.starts_with(|c: char| c.is_ascii_alphabetic());
    (digits >= 5 || (digits == 4 && lettered)) && alnum <= 34 && !s.contains(',')
}

/// A plate whose letters are not a word of a sentence in capitals (`DROPS 10 TO 12
/// WORKERS`, `ARE 25 OF US`); written as one word (`ME4079`) they are a plate's. The
/// words are the name detector's English function words.
pub fn plate(s: &str) -> bool {
    static FUNCTION_WORDS: LazyLock<FxSet<String>> = LazyLock::new(|| {
        let list = super::rules::EMBEDDED
            .get_file("names/not-names-function-words.txt")
            .and_then(|f| f.contents_utf8())
            .unwrap_or_default();
        list.lines()
            .map(|l| l.split('#').next().unwrap_or("").trim().to_lowercase())
            .filter(|w| !w.is_empty() && !w.contains(' '))
            .collect()
    });
    let letters: String = s.chars().filter(char::is_ascii_alphabetic).collect();
    !s.contains(' ') || !FUNCTION_WORDS.contains(&letters.to_ascii_lowercase())
}

/// A wallet address, by its shape: hex after `0x`, or base58 (and bech32) mixing digits
/// and letters of both cases, as a random key does and a word or a number does not.
pub fn wallet(s: &str) -> bool {
    if let Some(hex) = s.strip_prefix("0x") {
        return hex.bytes().any(|b| b.is_ascii_digit())
            && hex.bytes().any(|b| b.is_ascii_alphabetic());
    }
    let body = &s[1..];
    let digits = body.bytes().filter(u8::is_ascii_digit).count();
    let upper = body.bytes().filter(u8::is_ascii_uppercase).count();
    let lower = body.bytes().filter(u8::is_ascii_lowercase).count();
    if s.starts_with("bc1") {
        return digits >= 3 && lower >= 3;
    }
    digits >= 2 && upper >= 3 && lower >= 3
}

/// A number partly hidden (`027 xxx 8810`, `XX4471`, `***.670.293-**`): three digits
/// or more still shown and two hiding characters or more, so `2x4` and `xxx` are not.
pub fn masked(s: &str) -> bool {
    let digits = s.bytes().filter(u8::is_ascii_digit).count();
    let hidden = s
        .chars()
        .filter(|c| matches!(c, 'x' | 'X' | '*' | '•'))
        .count();
    digits >= 3 && hidden >= 2 && digits + hidden >= 6
}

/// A user name on a messaging or social platform: a letter or digit, then letters,
/// digits, `_`, `.` or `-`, holding a digit, `_` or `.` (an ordinary word is no handle)
/// and a part of three letters or more (`v1.2.3` is a version), and not a domain or a
/// file name.
pub fn handle(s: &str) -> bool {
    const NOT_LAST: &[&str] = &[
        "com", "net", "org", "nz", "au", "co", "io", "gov", "edu", "uk", "txt", "pdf", "jpg",
        "png", "doc", "docx", "html", "m", "e", "i",
    ];
    let marked = s
        .bytes()
        .any(|b| b.is_ascii_digit() || b == b'_' || b == b'.');
    let last = s.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    let worded = s
        .split(['.', '_', '-'])
        .any(|w| w.bytes().filter(u8::is_ascii_alphabetic).count() >= 3);
    (4..=40).contains(&s.len())
        && marked
        && worded
        && !s
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        && !(s.contains('.') && NOT_LAST.contains(&last.as_str()))
}

fn nz_national(d: &str) -> bool {
    let b = d.as_bytes();
    if b.len() < 9 || b[0] != b'0' {
        return false;
    }
    match b[1] {
        // Mobiles: 02x then 6 to 8 digits.
        b'2' => (9..=11).contains(&b.len()),
        // Landlines: area code 3, 4, 6, 7, 9 then 7 digits.
        b'3' | b'4' | b'6' | b'7' | b'9' => b.len() == 9 || (d.starts_with("0900") && b.len() == 9),
        // Free and shared numbers: 0800, 0508 then 6 or 7 digits.
        b'8' | b'5' => {
            (d.starts_with("0800") || d.starts_with("0508")) && (10..=11).contains(&b.len())
        }
        _ => false,
    }
}

/// Country codes with the national significant number lengths in use there. Codes not
/// listed fall back to 6..=12 digits when the code itself is assigned.
const COUNTRY_LENGTHS: &[(&str, u8, u8)] = &[
    ("1", 10, 10),
    ("7", 10, 10),
    ("20", 9, 10),
    ("27", 9, 9),
    ("33", 9, 9),
    ("34", 9, 9),
    ("39", 6, 11),
    ("44", 9, 10),
    ("49", 6, 13),
    // Mexico: ten digits, eleven with the `1` mobiles were dialled with until 2019.
    ("52", 10, 11),
    ("55", 10, 11),
    ("60", 8, 10),
    ("61", 9, 9),
    ("62", 8, 12),
    ("63", 8, 10),
    ("65", 8, 8),
    ("66", 8, 9),
    ("81", 9, 10),
    ("82", 8, 10),
    ("84", 9, 10),
    ("86", 9, 11),
    ("91", 10, 10),
    ("92", 9, 10),
    ("94", 9, 9),
    ("95", 7, 10),
    ("675", 7, 8),
    ("676", 5, 7),
    ("677", 5, 7),
    ("678", 5, 7),
    ("679", 7, 7),
    ("682", 5, 5),
    ("683", 4, 5),
    ("685", 5, 7),
    ("686", 5, 8),
    ("688", 5, 7),
    ("880", 10, 10),
    ("977", 8, 10),
];

/// Assigned country calling codes other than those in `COUNTRY_LENGTHS`.
const OTHER_CODES: &[&str] = &[
    "30", "31", "32", "36", "40", "41", "43", "45", "46", "47", "48", "51", "53", "54", "56", "57",
    "58", "90", "93", "98", "211", "212", "213", "216", "218", "220", "221", "223", "224", "225",
    "226", "227", "228", "229", "230", "231", "232", "233", "234", "235", "236", "237", "238",
    "239", "240", "241", "242", "243", "244", "245", "246", "248", "249", "250", "251", "252",
    "253", "254", "255", "256", "257", "258", "260", "261", "262", "263", "264", "265", "266",
    "267", "268", "269", "290", "291", "297", "298", "299", "350", "351", "352", "353", "354",
    "355", "356", "357", "358", "359", "370", "371", "372", "373", "374", "375", "376", "377",
    "378", "380", "381", "382", "383", "385", "386", "387", "389", "420", "421", "423", "500",
    "501", "502", "503", "504", "505", "506", "507", "508", "509", "590", "591", "592", "593",
    "594", "595", "596", "597", "598", "599", "670", "672", "673", "674", "680", "681", "687",
    "689", "690", "691", "692", "850", "852", "853", "855", "856", "960", "961", "962", "963",
    "964", "965", "966", "967", "968", "970", "971", "972", "973", "974", "975", "976", "992",
    "993", "994", "995", "996", "998",
];

fn international_number(d: &str) -> bool {
    if d.len() > 15 {
        return false;
    }
    for cc_len in 1..=3 {
        if d.len() <= cc_len {
            return false;
        }
        let (cc, national) = d.split_at(cc_len);
        if let Some(&(_, lo, hi)) = COUNTRY_LENGTHS.iter().find(|(c, _, _)| *c == cc) {
            return (usize::from(lo)..=usize::from(hi)).contains(&national.len());
        }
        if OTHER_CODES.contains(&cc) {
            return (6..=12).contains(&national.len());
        }
    }
    false
}

/// A National Health Index number: the old form AAANNNC (check digit mod 11) or the new
/// form AAANNAX (check letter mod 23). I and O are never used.
pub fn nhi(s: &str) -> bool {
    let c: Vec<u8> = s
        .bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|b| b.to_ascii_uppercase())
        .collect();
    if c.len() != 7 {
        return false;
    }
    let letter = |b: u8| -> Option<u32> {
        if !b.is_ascii_uppercase() || b == b'I' || b == b'O' {
            return None;
        }
        let mut v = u32::from(b - b'A') + 1;
        if b > b'I' {
            v -= 1;
        }
        if b > b'O' {
            v -= 1;
        }
        Some(v)
    };
    let mut sum = 0;
    for (i, &b) in c[..3].iter().enumerate() {
        match letter(b) {
            Some(v) => sum += v * (7 - i as u32),
            None => return false,
        }
    }
    if !c[3].is_ascii_digit() || !c[4].is_ascii_digit() {
        return false;
    }
    sum += u32::from(c[3] - b'0') * 4 + u32::from(c[4] - b'0') * 3;
    if c[5].is_ascii_digit() && c[6].is_ascii_digit() {
        sum += u32::from(c[5] - b'0') * 2;
        let rem = sum % 11;
        if rem == 0 {
            return false;
        }
        let check = (11 - rem) % 10;
        u32::from(c[6] - b'0') == check
    } else {
        let Some(v) = letter(c[5]) else { return false };
        sum += v * 2;
        let rem = sum % 23;
        let check = 23 - rem;
        letter(c[6]) == Some(check)
    }
}

/// A plausible calendar date (day, month, year in 1900..=2099) in the forms the DOB rules
/// match: 17/06/1999, 17-6-99, 1999-06-17, 4/18/1960 (month first when it must be),
/// 1995年3月12日, 17 June 1999, June 17, 1999, 12-Aug-1986.
pub fn date(s: &str) -> bool {
    let nums: Vec<u32> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty() && p.len() <= 4)
        .filter_map(|p| p.parse().ok())
        .collect();
    let month_word = month_of(s);
    let (day, month, year) = match (nums.as_slice(), month_word) {
        // Year first (`1990 Sept 3`).
        ([y, d], Some(m)) if *y > 31 => (*d, m, *y),
        ([d, y], Some(m)) => (*d, m, *y),
        ([y], Some(m)) => match ordinal_day(s) {
            Some(d) => (d, m, *y),
            None => return false,
        },
        ([a, b, c], None) if *a > 31 => (*c, *b, *a),
        // Month first (4/18/1960) when the day cannot be a month.
        ([a, b, c], None) if *b > 12 && *a <= 12 => (*b, *a, *c),
        ([a, b, c], None) => (*a, *b, *c),
        _ => return false,
    };
    let year = if year < 100 { year + 1900 } else { year };
    // Afghanistan and Iran date in the solar hijri calendar (1370 is 1991).
    let solar_hijri = (1300..=1399).contains(&year);
    // The Thai Buddhist era, 543 years ahead (2538 is 1995).
    let buddhist_era = (2443..=2642).contains(&year);
    (1..=31).contains(&day)
        && (1..=12).contains(&month)
        && ((1900..=2099).contains(&year) || solar_hijri || buddhist_era)
}

/// A day written as an ordinal word: `fourth`, `twenty-first`, `thirtieth`.
fn ordinal_day(s: &str) -> Option<u32> {
    const UNITS: [&str; 19] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    let lower = s.to_ascii_lowercase();
    let tens = if lower.contains("twentieth") {
        return Some(20);
    } else if lower.contains("thirtieth") {
        return Some(30);
    } else if lower.contains("twenty") {
        20
    } else if lower.contains("thirty") {
        30
    } else {
        0
    };
    // The teens are tried first, then the units.
    let unit = (0..UNITS.len())
        .rev()
        .find(|&i| lower.contains(UNITS[i]))
        .map(|i| i as u32 + 1)?;
    Some(tens + unit)
}

fn month_of(s: &str) -> Option<u32> {
    // English by the first three letters of any word (`Sept`, `June`); other languages
    // by their whole word, compared without diacritics or ʻokina.
    const ENGLISH: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    const OTHER: [&[&str]; 12] = [
        &[
            "enero",
            "janeiro",
            "januari",
            "janvier",
            "ianuari",
            "sanuali",
            "kohitatea",
            "janueri",
        ],
        &[
            "febrero",
            "fevereiro",
            "februari",
            "pebrero",
            "fevrier",
            "fepuari",
            "fepueli",
            "huitanguru",
            "feperueri",
        ],
        &[
            "marco",
            "maret",
            "mac",
            "marso",
            "mars",
            "mati",
            "maasi",
            "poututerangi",
            "maji",
        ],
        &[
            "abril",
            "avril",
            "aperila",
            "epeleli",
            "paengawhawha",
            "epereli",
        ],
        &["mayo", "maio", "mei", "mai", "me", "haratua"],
        &[
            "junio", "junho", "juni", "juin", "hunyo", "iuni", "sune", "pipiri", "jiune",
        ],
        &[
            "julio",
            "julho",
            "juli",
            "juillet",
            "hulyo",
            "iulai",
            "siulai",
            "hongongoi",
            "julai",
        ],
        &[
            "agosto",
            "agustus",
            "ogos",
            "aout",
            "aokuso",
            "aokosi",
            "hereturikoka",
            "okosita",
        ],
        &[
            "septiembre",
            "setiembre",
            "setembro",
            "setyembre",
            "septembre",
            "setema",
            "sepitema",
            "mahuru",
            "seviteba",
        ],
        &[
            "octubre",
            "outubro",
            "oktober",
            "oktubre",
            "octobre",
            "oketopa",
            "okatopa",
            "whiringa-a-nuku",
            "okotova",
        ],
        &[
            "noviembre",
            "novembro",
            "nobyembre",
            "novema",
            "whiringa-a-rangi",
            "noveba",
        ],
        &[
            "diciembre",
            "dezembro",
            "desember",
            "disember",
            "disyembre",
            "decembre",
            "tesema",
            "tisema",
            "hakihea",
            "tiseba",
        ],
    ];
    for word in s.split(|c: char| !(c.is_alphabetic() || c == 'ʻ' || c == '-')) {
        let folded = crate::redaction::text::fold(word);
        let folded = folded.trim_matches('-');
        if folded.len() < 2 {
            continue;
        }
        if let Some(i) = OTHER.iter().position(|names| names.contains(&folded)) {
            return Some(i as u32 + 1);
        }
        if let Some(i) = ENGLISH.iter().position(|m| folded.starts_with(m)) {
            return Some(i as u32 + 1);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_accepts_real_and_rejects_altered_numbers() {
        assert!(luhn("4111 1111 1111 1111"));
        assert!(luhn("4835 3374 0681 2411"));
        assert!(!luhn("4835 3374 0681 2412"));
        assert!(!luhn("1234"));
        assert!(!luhn("0000 0000 0000 0000"));
    }

    #[test]
    fn ird_check_digit() {
        assert!(ird("49-091-850"));
        assert!(ird("35-901-981"));
        assert!(ird("49-098-576"));
        assert!(ird("136-410-132"));
        assert!(!ird("136-410-133"));
        assert!(!ird("9125568"));
        assert!(ird("123-345-827"));
        assert!(!ird("000000000"));
    }

    #[test]
    fn bank_accounts() {
        assert!(nz_bank("12-3140-0171323-50"));
        assert!(nz_bank("38-9739-3328962-92"));
        assert!(nz_bank("01 0902 0068389 000"));
        assert!(!nz_bank("99-3140-0171323-50"));
        assert!(!nz_bank("12-314-0171323-50"));
    }

    #[test]
    fn phones_follow_the_number_plan() {
        for ok in [
            "021 555 1234",
            "+64 21 555 1234",
            "0064 27 123 4567",
            "(09) 442 4452",
            "03-036-5677",
            "0800 20 90 20",
            "+91 94890 68288",
            "+86 138 0635 1396",
            "+63 930 570 3617",
            "+64 (0)4 499 1234",
            "+676 12345",
        ] {
            assert!(phone(ok), "{ok}");
        }
        for bad in [
            "021 555",
            "05 555 1234",
            "+64 21",
            "0900 123",
            "+999 123 456 789",
            "+91 12345",
            "15000",
            "0011223344556677889",
        ] {
            assert!(!phone(bad), "{bad}");
        }
    }

    #[test]
    fn national_phone_plans() {
        for ok in [
            "0917 123 4567",
            "138 0013 8000",
            "98765 43210",
            "(555) 234-5678",
            "0412 345 678",
            "021 555 1234",
            "070-8129-3933",
        ] {
            assert!(phone_national(ok), "{ok}");
        }
        for bad in [
            "0000 000 000",
            "123 456 789",
            "05 555 1234",
            "555-123-4567",
            "12345678",
        ] {
            assert!(!phone_national(bad), "{bad}");
        }
    }

    #[test]
    fn plates_are_not_words_of_a_sentence_in_capitals() {
        assert!(!plate("TO 12"));
        assert!(!plate("OF 25"));
        assert!(plate("ME4079"));
        assert!(plate("KLD 607"));
    }

    #[test]
    fn handles() {
        assert!(handle("jun.delacruz.welder"));
        assert!(handle("wangwei_akl88"));
        assert!(!handle("kiwijobs.co.nz"));
        assert!(!handle("hello"));
        assert!(!handle("12.30"));
        assert!(!handle("v1.2.3"));
    }

    #[test]
    fn nhi_numbers() {
        assert!(nhi("ZAA0067"));
        assert!(nhi("ZZZ0016"));
        assert!(!nhi("ZZZ0017"));
        assert!(nhi("ZAC5361"));
        assert!(nhi("ZBN77VL"));
        assert!(!nhi("ZBN77VM"));
        assert!(!nhi("IOA1234"));
    }

    #[test]
    fn masked_numbers() {
        assert!(masked("027 xxx 8810"));
        assert!(masked("XX4471"));
        assert!(masked("***.670.293-**"));
        assert!(!masked("2x4"));
        assert!(!masked("xxxx"));
        assert!(!masked("4471"));
    }

    #[test]
    fn dates() {
        assert!(date("17/06/1999"));
        assert!(date("1999-06-17"));
        assert!(date("17 June 1999"));
        assert!(date("June 17, 1999"));
        assert!(date("4/18/1960"));
        assert!(date("1995年3月12日"));
        assert!(date("12-Aug-1986"));
        assert!(date("1370/05/12"));
        assert!(!date("1250/05/12"));
        assert!(date("1990 Sept 3"));
        assert!(date("August 12, 2538"));
        assert!(!date("August 12, 2738"));
        assert!(date("fourth of March 1991"));
        assert!(date("March twenty-first, 1988"));
        assert!(date("3 de enero de 1988"));
        assert!(date("14 ʻEpeleli 1991"));
        assert!(date("12 tháng 7 năm 1996"));
        assert!(date("9th oct 96"));
        assert!(!date("32/01/1999"));
        assert!(!date("17/13/1999"));
        assert!(!date("12/12/2300"));
    }

    #[test]
    fn register_numbers_and_wallets() {
        assert!(id_like("VSM-1183"));
        assert!(id_like("453 302 044"));
        assert!(!id_like("9.000 USD"));
        assert!(!id_like("2019"));
        assert!(wallet("TJVDT92aBs6K3vURNdUeA3Tje8S7uUpjRd"));
        assert!(wallet("0x52908400098527886E0F7030069857D2E4169EE7"));
        assert!(!wallet("TTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT"));
        assert!(!wallet("1234567890123456789012345678"));
    }

    #[test]
    fn every_named_validator_exists() {
        for name in NAMES {
            assert!(by_name(name).is_some(), "{name}");
        }
        assert!(by_name("nope").is_none());
    }
}
