//! Check digits of other countries' identifiers, so that rules can match them without a
//! context word: a random number of the same shape passes one in ten or one in 97.

fn alnum_upper(s: &str) -> Vec<u8> {
    s.bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|b| b.to_ascii_uppercase())
        .collect()
}

/// An IBAN: country letters, two check digits, 11 to 30 more letters and digits, whose
/// number (letters as 10..35, the first four moved to the end) is 1 mod 97 (ISO 13616).
pub fn iban(s: &str) -> bool {
    let c = alnum_upper(s);
    if !(15..=34).contains(&c.len())
        || !c[..2].iter().all(u8::is_ascii_uppercase)
        || !c[2..4].iter().all(u8::is_ascii_digit)
    {
        return false;
    }
    let mut rem: u32 = 0;
    for &b in c[4..].iter().chain(&c[..4]) {
        let v = if b.is_ascii_digit() {
            u32::from(b - b'0')
        } else {
            u32::from(b - b'A') + 10
        };
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    rem == 1
}

/// An Aadhaar number (India): 12 digits, not starting 0 or 1, Verhoeff check digit.
pub fn aadhaar(s: &str) -> bool {
    const D: [[u8; 10]; 10] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ];
    const P: [[u8; 10]; 8] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
        [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
        [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ];
    let d = alnum_upper(s);
    if d.len() != 12 || !d.iter().all(u8::is_ascii_digit) || d[0] < b'2' {
        return false;
    }
    let c = d.iter().rev().enumerate().fold(0u8, |c, (i, &x)| {
        D[usize::from(c)][usize::from(P[i % 8][usize::from(x - b'0')])]
    });
    c == 0
}

/// A resident identity number of the People's Republic of China: 6-digit area, birth
/// date, 3-digit sequence, and an ISO 7064 MOD 11-2 check character (0-9 or X).
pub fn cn_resident_id(s: &str) -> bool {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let c = alnum_upper(s);
    if c.len() != 18 || !c[..17].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let num =
        |r: std::ops::Range<usize>| c[r].iter().fold(0u32, |a, &b| a * 10 + u32::from(b - b'0'));
    let (year, month, day) = (num(6..10), num(10..12), num(12..14));
    if !(1900..=2099).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return false;
    }
    let sum: u32 = c[..17]
        .iter()
        .zip(W)
        .map(|(&b, w)| u32::from(b - b'0') * w)
        .sum();
    let check = (12 - sum % 11) % 11;
    let expected = if check == 10 {
        b'X'
    } else {
        b'0' + check as u8
    };
    c[17] == expected
}

/// A Hong Kong identity card number: `A123456(3)` or `AB123456(9)`; letters count
/// A=10 .. Z=35 (a missing second letter 36), weights 9 down to 2, check (11 - sum mod
/// 11) mod 11, written `A` for 10.
pub fn hkid(s: &str) -> bool {
    let chars: Vec<char> = s.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    let letters = chars.iter().take_while(|c| c.is_ascii_uppercase()).count();
    if !(1..=2).contains(&letters) || chars.len() != letters + 7 {
        return false;
    }
    let value = |c: char| c.to_digit(36);
    let mut sum = if letters == 1 { 36 * 9 } else { 0 };
    let mut weight = if letters == 1 { 8 } else { 9 };
    for &c in &chars[..letters + 6] {
        let Some(v) = value(c) else { return false };
        sum += v * weight;
        weight -= 1;
    }
    let check = (11 - sum % 11) % 11;
    let given = chars[letters + 6];
    if check == 10 {
        given == 'A'
    } else {
        given.to_digit(10) == Some(check)
    }
}

/// A Mexican CURP: 4 letters, a birth date, H or M, 5 letters, a letter or digit and
/// a check digit over the first 17 characters (weights 18 down to 2, mod 10).
pub fn mx_curp(s: &str) -> bool {
    const ALPHABET: &str = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ";
    let chars: Vec<char> = s.chars().collect();
    if chars.len() != 18 || !valid_yymmdd(&chars[4..10]) {
        return false;
    }
    let mut sum = 0;
    for (i, c) in chars[..17].iter().enumerate() {
        let Some(v) = ALPHABET.chars().position(|a| a == *c) else {
            return false;
        };
        sum += v * (18 - i);
    }
    chars[17].to_digit(10) == Some(((10 - sum % 10) % 10) as u32)
}

/// A Mexican RFC of a person: 4 letters, a birth date (YYMMDD) and 3 letters or digits.
pub fn mx_rfc(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    chars.len() == 13 && valid_yymmdd(&chars[4..10])
}

fn valid_yymmdd(d: &[char]) -> bool {
    let n: Option<Vec<u32>> = d.iter().map(|c| c.to_digit(10)).collect();
    let Some(n) = n else { return false };
    let (month, day) = (n[2] * 10 + n[3], n[4] * 10 + n[5]);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// A US Social Security number, AAA-GG-SSSS: no area 000, 666 or 900-999, no group 00,
/// no serial 0000 (the numbers the SSA never issues).
pub fn us_ssn(s: &str) -> bool {
    let d = alnum_upper(s);
    if d.len() != 9 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let area = &d[..3];
    area != b"000" && area != b"666" && area[0] != b'9' && &d[3..5] != b"00" && &d[5..] != b"0000"
}

/// The ASCII digits of `s`, each as a number.
fn digits_of(s: &str) -> Vec<u32> {
    s.chars().filter_map(|c| c.to_digit(10)).collect()
}

/// A Chilean RUT or RUN (`12.345.678-5`): the body's digits from the right weighted 2 to
/// 7 over and over; the check is 11 - sum mod 11, written 0 for 11 and K for 10.
pub fn cl_rut(s: &str) -> bool {
    let Some((body, check)) = s.rsplit_once('-') else {
        return false;
    };
    let body = digits_of(body);
    if !(7..=8).contains(&body.len()) {
        return false;
    }
    let sum: u32 = body
        .iter()
        .rev()
        .zip([2, 3, 4, 5, 6, 7].iter().cycle())
        .map(|(d, w)| d * w)
        .sum();
    let expected = match 11 - sum % 11 {
        11 => '0',
        10 => 'K',
        n => char::from_digit(n, 10).unwrap_or('?'),
    };
    check.eq_ignore_ascii_case(&expected.to_string())
}

/// An Argentine CUIL or CUIT (`20-12345678-6`): eleven digits, weights 5 4 3 2 7 6 5 4
/// 3 2; the check is 11 - sum mod 11 (0 for 11; 10 is never issued).
pub fn ar_cuil(s: &str) -> bool {
    let d = digits_of(s);
    if d.len() != 11 {
        return false;
    }
    let sum: u32 = d
        .iter()
        .zip([5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
        .map(|(d, w)| d * w)
        .sum();
    match 11 - sum % 11 {
        11 => d[10] == 0,
        10 => false,
        n => d[10] == n,
    }
}

/// A Thai national identity number (`1-2345-67890-12-1`): thirteen digits, the first
/// twelve weighted 13 down to 2; the check is (11 - sum mod 11) mod 10.
pub fn th_id(s: &str) -> bool {
    let d = digits_of(s);
    if d.len() != 13 || d[0] == 0 {
        return false;
    }
    let sum: u32 = d[..12].iter().zip((2..=13).rev()).map(|(d, w)| d * w).sum();
    d[12] == (11 - sum % 11) % 10
}

/// A Romanian personal numeric code (CNP): sex and century 1-8, a birth date YYMMDD, a
/// county, a serial, and a check over weights 2 7 9 1 4 6 3 5 8 2 7 9 (mod 11, 10 -> 1).
pub fn ro_cnp(s: &str) -> bool {
    let d = digits_of(s);
    if d.len() != 13 || !(1..=8).contains(&d[0]) {
        return false;
    }
    let (month, day) = (d[3] * 10 + d[4], d[5] * 10 + d[6]);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return false;
    }
    let sum: u32 = d[..12]
        .iter()
        .zip([2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9])
        .map(|(d, w)| d * w)
        .sum();
    let check = match sum % 11 {
        10 => 1,
        n => n,
    };
    d[12] == check
}

/// The data line of a passport's machine-readable zone (`P<`, letters, digits and `<`
/// fillers, 30 to 44 characters): what a phone's text scanner reads off the photo page.
pub fn mrz(s: &str) -> bool {
    let fillers = s.bytes().filter(|&b| b == b'<').count();
    let digits = s.bytes().filter(u8::is_ascii_digit).count();
    (30..=44).contains(&s.len()) && s.contains("<<") && (digits >= 6 || fillers >= 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hong_kong_identity_card() {
        assert!(hkid("G123456(A)"));
        assert!(hkid("AB987654(3)"));
        assert!(!hkid("G123456(7)"));
    }

    #[test]
    fn mexican_curp_and_rfc() {
        assert!(mx_curp("BADD110313HCMLNS06"));
        assert!(!mx_curp("BADD110313HCMLNS07"));
        assert!(!mx_curp("BADD111313HCMLNS06"));
        assert!(mx_rfc("TAGR500114UD5"));
        assert!(!mx_rfc("TAGR501314UD5"));
    }

    #[test]
    fn ibans() {
        assert!(iban("GB82 WEST 1234 5698 7654 32"));
        assert!(iban("DE89370400440532013000"));
        assert!(iban("SV62 CENR 0000 0000 0000 0070 0025"));
        assert!(!iban("GB82 WEST 1234 5698 7654 33"));
        assert!(!iban("GB82"));
    }

    #[test]
    fn aadhaar_numbers() {
        assert!(aadhaar("2349 1065 4912"));
        assert!(aadhaar("234123412346"));
        assert!(!aadhaar("234123412347"));
        assert!(!aadhaar("123412341234"));
    }

    #[test]
    fn chinese_resident_ids() {
        assert!(cn_resident_id("11010519491231002X"));
        assert!(cn_resident_id("420802198412179272"));
        assert!(!cn_resident_id("110105194912310021"));
        assert!(!cn_resident_id("110105194913310028"));
    }

    #[test]
    fn latin_american_and_european_identity_numbers() {
        assert!(cl_rut("12.345.678-5"));
        assert!(cl_rut("12345678-5"));
        assert!(!cl_rut("12.345.678-4"));
        assert!(ar_cuil("20-12345678-6"));
        assert!(!ar_cuil("20-12345678-7"));
        assert!(ro_cnp("1800101221144"));
        assert!(!ro_cnp("1800101221145"));
        assert!(!ro_cnp("1801301221144"));
    }

    #[test]
    fn thai_identity_numbers_and_passport_zones() {
        assert!(th_id("1234567890121"));
        assert!(th_id("1-2345-67890-12-1"));
        assert!(!th_id("1234567890122"));
        assert!(mrz("P<NZLSMITH<<JOHN<<<<<<<<<<<<<<<<<<<<<<<<<<<"));
        assert!(mrz("LA1234567<8NZL8001014M3001011<<<<<<<<<<<<<04"));
        assert!(!mrz("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"));
    }

    #[test]
    fn social_security_numbers() {
        assert!(us_ssn("123-45-6789"));
        assert!(!us_ssn("666-45-6789"));
        assert!(!us_ssn("923-45-6789"));
        assert!(!us_ssn("123-00-6789"));
        assert!(!us_ssn("123-45-0000"));
    }
}
