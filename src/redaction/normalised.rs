//! The text the pattern rules read: digits of every script as ASCII digits, full-width
//! forms as ASCII, number words as digits (`oh two one` -> `021`), digits spelt out one by
//! one as a run (`0 2 1 5 5 5` -> `021555`), with a map back to the original byte offsets,
//! so that a span found here covers every byte of the detail as the reporter wrote it.
//!
//! Rules are written once, for ASCII digits; without this a phone number in Devanagari
//! digits or read out in words would pass every rule untouched.

use super::names::script::is_word_char;
use super::text::is_alphabetic;
use super::{cardinals, spoken_email};
use std::borrow::Cow;

/// A text prepared for the pattern rules, with the original offsets of each byte.
pub struct Normalised<'a> {
    pub text: Cow<'a, str>,
    /// Per byte of `text` (and one past the end): the original range it came from.
    /// Empty when `text` is the original.
    origin: Vec<(u32, u32)>,
}

/// One character of the prepared text and the original bytes it stands for.
#[derive(Clone, Copy)]
pub(super) struct Unit {
    pub c: char,
    pub start: u32,
    pub end: u32,
}

impl<'a> Normalised<'a> {
    pub fn new(text: &'a str) -> Self {
        let work = needs_work(text);
        if !(work.fold || work.words || work.spaced || work.spoken || work.han_date) {
            return Normalised {
                text: Cow::Borrowed(text),
                origin: Vec::new(),
            };
        }
        // (Sized once: no text has more characters than bytes.)
        let mut units: Vec<Unit> = Vec::with_capacity(text.len());
        units.extend(text.char_indices().map(|(i, c)| Unit {
            c: fold_char(c),
            start: i as u32,
            end: (i + c.len_utf8()) as u32,
        }));
        if work.fold {
            han_digit_runs(&mut units);
            letters_as_digits(&mut units);
        }
        let units = if work.han_date {
            han_dates(units)
        } else {
            units
        };
        // Number words are sought only where the scan found some: the word scan asks
        // whether each character is a letter, which is slow outside ASCII.
        let units = if work.words {
            number_words(cardinals::cardinals(units))
        } else {
            units
        };
        let units = spaced_digits(units);
        let units = if work.spoken {
            spoken_email::spoken_emails(units)
        } else {
            units
        };
        let mut out = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len() + 1);
        for u in &units {
            out.push(u.c);
            origin.extend(std::iter::repeat_n((u.start, u.end), u.c.len_utf8()));
        }
        origin.push((text.len() as u32, text.len() as u32));
        Normalised {
            text: Cow::Owned(out),
            origin,
        }
    }

    /// The original range of the prepared range `start..end` (end exclusive).
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        if self.origin.is_empty() || start >= end {
            return (start, end);
        }
        (
            self.origin[start].0 as usize,
            self.origin[end - 1].1 as usize,
        )
    }

    /// The prepared offset of original byte `at` (the first prepared byte at or after it).
    pub fn prepared(&self, at: usize) -> usize {
        if self.origin.is_empty() {
            return at;
        }
        self.origin.partition_point(|&(s, _)| (s as usize) < at)
    }
}

/// Which steps a text needs: folding (another script's digit, a full-width form, a run
/// of Chinese numerals), number words, single digits spaced apart.
#[derive(Default)]
struct Work {
    fold: bool,
    words: bool,
    spaced: bool,
    /// An `at` word and a separator word (`dot`, `underscore`): an address read out.
    spoken: bool,
    /// A year in Chinese numerals (`一九九五年`): a date said in them.
    han_date: bool,
}

/// Finds which steps `text` needs in one scan. Most tips need none, and then cost this
/// scan and no allocation.
fn needs_work(text: &str) -> Work {
    let b = text.as_bytes();
    let mut work = Work::default();
    let (mut singles, mut words, mut han) = (0, 0, 0);
    let mut since_digit_word = usize::MAX;
    let (mut at_word, mut separator_word) = (false, false);
    let (mut after_plus, mut after_rd) = (false, false);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c >= 0x80 {
            let ch = text[i..].chars().next().unwrap_or(' ');
            // `собака`, `точка`: `@` and `.` said in Russian. The dots of `mail.ru` are
            // typed more often than said: `собака` alone is worth reading for.
            if spoken_email::opens_a_word_outside_ascii(ch) {
                let word = &text[i..];
                let word = &word[..word
                    .find(|c: char| !c.is_alphabetic())
                    .unwrap_or(word.len())];
                let (at, separator) = spoken_email::signals(word);
                separator_word |= separator;
                work.spoken |= at || at_word && separator_word;
            }
            work.han_date |= ch == '年' && han == YEAR_DIGITS;
            han = if han_digit(ch).is_some() { han + 1 } else { 0 };
            if fold_char(ch) != ch || han >= MIN_SPACED {
                work.fold = true;
            }
            i += ch.len_utf8();
            continue;
        }
        if c != b' ' {
            han = 0;
        }
        if !c.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = 0;
        while i < b.len() && b[i].is_ascii_alphanumeric() {
            digits += usize::from(b[i].is_ascii_digit());
            i += 1;
        }
        let token = &text[start..i];
        let all_digits = digits == token.len();
        // `O21 774 3399`, `71O5`: a number typed with the letter O for its zero, or l
        // for its one. (Only a word of both digits and letters can be one.)
        if digits > 0
            && !all_digits
            && (letters_for_digits(token.as_bytes())
                || digitish(token.as_bytes())
                || prefixed_number(token.as_bytes()).is_some())
        {
            work.fold = true;
        }
        // The word in lower case, once for the questions below (none of their words is
        // longer); empty when it is longer. (Bytes: as `str` they were validated as UTF-8
        // again for every word.)
        let mut buf = [0u8; LOWER_MAX];
        let lower: &[u8] = if token.len() <= LOWER_MAX {
            for (l, c) in buf.iter_mut().zip(token.bytes()) {
                *l = c.to_ascii_lowercase();
            }
            &buf[..token.len()]
        } else {
            &[]
        };
        if token.len() == 1 && c.is_ascii_digit() {
            singles += 1;
            work.spaced |= singles >= MIN_SPACED;
        } else {
            singles = 0;
        }
        // A number said in words (`forty two`), or a house number (`nine jocelyn
        // street`): a digit word, then a street word a few words on.
        if cardinals::is_cardinal_lower(lower)
            || (since_digit_word <= 4 && cardinals::is_street_lower(lower))
        {
            work.words = true;
        }
        let (at, separator) = spoken_email::signals_lower(lower);
        at_word |= at;
        separator_word |= separator;
        work.spoken |= at_word && separator_word;
        // `plus 91 98960 41127`: the sign said in a word before digits.
        if all_digits && after_plus {
            work.words = true;
        }
        after_plus = lower == b"plus" && b.get(i) == Some(&b' ');
        let digit = (1..=8).contains(&lower.len()) && digit_word_lower(lower).is_some();
        // `RD five`: a rural delivery's number said (`cardinals`).
        work.words |= digit && after_rd;
        after_rd = token == "RD" && b.get(i) == Some(&b' ');
        since_digit_word = if digit {
            0
        } else {
            since_digit_word.saturating_add(1)
        };
        if digit {
            words += 1;
            work.words |= words >= 2;
        } else if !all_digits {
            words = 0;
        }
    }
    if !work.words && !text.is_ascii() && foreign_number_words(text) {
        work.words = true;
    }
    work
}

/// Unicode decimal digits (the first code point of each block of ten) and full-width
/// letters, digits and number signs, as ASCII; the ideographic space as a space.
fn fold_char(c: char) -> char {
    const ZEROS: &[u32] = &[
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
        0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0,
        0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0,
        0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x11066, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6,
    ];
    let u = c as u32;
    if u < 0x80 {
        return c;
    }
    // Full-width letters and digits and the signs of addresses and numbers; not the
    // full-width comma, colon or stop, which end clauses in Chinese and Japanese text.
    if (0xFF01..=0xFF5E).contains(&u) {
        let ascii = (u - 0xFEE0) as u8;
        if ascii.is_ascii_alphanumeric() || b"+-.@#_()/".contains(&ascii) {
            return char::from(ascii);
        }
        return c;
    }
    if u == 0x3000 {
        return ' ';
    }
    let i = ZEROS.partition_point(|&z| z <= u);
    if i > 0 && u - ZEROS[i - 1] < 10 {
        return char::from(b'0' + (u - ZEROS[i - 1]) as u8);
    }
    c
}

/// Chinese numerals used as digits (`一三八〇〇一三八〇〇〇`): runs of five or more become
/// ASCII digits. Shorter runs are ordinary words (`三个人`, three people).
fn han_digit_runs(units: &mut [Unit]) {
    let value = han_digit;
    let mut i = 0;
    while i < units.len() {
        // Digits, in groups joined by single spaces (`〇二一 三五七 八八〇九`).
        let (mut j, mut digits) = (i, 0);
        while j < units.len() {
            if value(units[j].c).is_some() {
                digits += 1;
            } else if !(units[j].c == ' '
                && j > i
                && units.get(j + 1).is_some_and(|u| value(u.c).is_some()))
            {
                break;
            }
            j += 1;
        }
        if digits >= MIN_SPACED {
            for u in units[i..j].iter_mut().filter(|u| u.c != ' ') {
                u.c = char::from(b'0' + value(u.c).unwrap_or(0) as u8);
            }
        }
        i = j.max(i + 1);
    }
}

/// Digits of a year.
const YEAR_DIGITS: usize = 4;

/// A date said in Chinese numerals (`一九九五年三月八号`, `二〇〇一年十二月二十五日`): the year
/// digit by digit, the month and day as numbers, in ASCII digits (`1995年3月8号`), as the
/// date rules read them.
fn han_dates(units: Vec<Unit>) -> Vec<Unit> {
    let mut replace: Vec<(usize, usize, String)> = Vec::new();
    let mut i = 0;
    while i + YEAR_DIGITS < units.len() {
        let year = &units[i..i + YEAR_DIGITS];
        let opens = i == 0 || han_digit(units[i - 1].c).is_none();
        if !(opens
            && units[i + YEAR_DIGITS].c == '年'
            && year.iter().all(|u| han_digit(u.c).is_some()))
        {
            i += 1;
            continue;
        }
        let digits: String = year
            .iter()
            .filter_map(|u| han_digit(u.c))
            .map(|d| char::from(b'0' + d as u8))
            .collect();
        replace.push((i, i + YEAR_DIGITS, digits));
        let mut at = i + YEAR_DIGITS + 1;
        for (unit_chars, most) in [(&['月'][..], 12), (&['日', '号', '號'][..], 31)] {
            let Some((value, len)) =
                han_number(&units[at..]).filter(|(v, _)| (1..=most).contains(v))
            else {
                break;
            };
            if !units
                .get(at + len)
                .is_some_and(|u| unit_chars.contains(&u.c))
            {
                break;
            }
            replace.push((at, at + len, value.to_string()));
            at += len + 1;
        }
        i = at;
    }
    substitute(units, replace)
}

/// A number below a hundred in Chinese numerals at the start of `units` (`八`, `十二`,
/// `二十五`): its value and how many characters it takes.
fn han_number(units: &[Unit]) -> Option<(usize, usize)> {
    let digit = |k: usize| units.get(k).and_then(|u| han_digit(u.c)).filter(|d| *d > 0);
    let ten = |k: usize| units.get(k).is_some_and(|u| u.c == '十');
    match (digit(0), ten(0)) {
        (Some(tens), _) if ten(1) => Some(match digit(2) {
            Some(u) => (tens * 10 + u, 3),
            None => (tens * 10, 2),
        }),
        (Some(u), _) => Some((u, 1)),
        (None, true) => Some(match digit(1) {
            Some(u) => (10 + u, 2),
            None => (10, 1),
        }),
        _ => None,
    }
}

/// Whether a word is digits with the letters O or l typed for some (`O21`, `o274`,
/// `71O5`, `1OO`, `02l`): at least two digits and no other letter, and after its first
/// digit, but for an O opening a word of digits. (A word that opens with other letters
/// may be a plate, `IO1234`.)
fn letters_for_digits(word: &[u8]) -> bool {
    let digits = word.iter().filter(|b| b.is_ascii_digit()).count();
    let typed = |b: &u8| matches!(b, b'O' | b'o' | b'l' | b'I');
    let opens = match word.first() {
        Some(b'O' | b'o') => word[1..].iter().all(u8::is_ascii_digit),
        first => first.is_some_and(u8::is_ascii_digit),
    };
    opens
        && digits >= 2
        && word.iter().any(typed)
        && word.iter().all(|b| b.is_ascii_digit() || typed(b))
}

/// Digits and the letters typed or read (by OCR) for them, with at least one digit.
fn digitish(word: &[u8]) -> bool {
    word.iter().any(u8::is_ascii_digit)
        && word
            .iter()
            .all(|b| b.is_ascii_digit() || matches!(b, b'O' | b'o' | b'l' | b'I'))
}

/// A document number that opens with its letters, the rest read with letters for
/// digits (`N39O34O1`, `M7720194l`): one or two capitals, then at least six characters
/// holding five digits.
fn prefixed_number(word: &[u8]) -> Option<usize> {
    let letters = word
        .iter()
        .take(2)
        .take_while(|b| b.is_ascii_uppercase() && !matches!(b, b'O' | b'I'))
        .count();
    let rest = &word[letters..];
    let digits = rest.iter().filter(|b| b.is_ascii_digit()).count();
    (letters > 0 && rest.len() >= 6 && digits >= 5 && digits < rest.len() && digitish(rest))
        .then_some(letters)
}

/// Fewest digits of a number whose groups are read with letters for digits (`O2O 597
/// 466l2`, `O6-l459-0118O90-0l`).
const OCR_GROUP_DIGITS: usize = 6;

/// The letters typed for digits in a word of digits (`O21 774 3399`, `021 338 71O5`): O
/// for zero, l and I for one; in every group of a number written in groups, when the
/// groups hold a number's worth of digits (a photo read by OCR gives `O2O 597 466l2`);
/// and after a document number's letters.
fn letters_as_digits(units: &mut [Unit]) {
    // The words of ASCII letters and digits, as ranges of units (sized for a word in
    // four characters: grown a word at a time, the copies cost more than the pass).
    let mut words: Vec<(usize, usize)> = Vec::with_capacity(units.len() / 4 + 1);
    let mut i = 0;
    while i < units.len() {
        if !units[i].c.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let j = i + units[i..]
            .iter()
            .take_while(|u| u.c.is_ascii_alphanumeric())
            .count();
        words.push((i, j));
        i = j;
    }
    // The units as bytes, once: the words are ASCII.
    let ascii: Vec<u8> = units
        .iter()
        .map(|u| if u.c.is_ascii() { u.c as u8 } else { 0 })
        .collect();
    let bytes = |(i, j): (usize, usize)| &ascii[i..j];
    let mut convert: Vec<(usize, usize)> = Vec::new();
    let mut w = 0;
    while w < words.len() {
        // A group: words one separator apart, each of digits and such letters.
        let mut end = w;
        let mut digits = 0;
        while end < words.len() && digitish(bytes(words[end])) {
            digits += bytes(words[end])
                .iter()
                .filter(|b| b.is_ascii_digit())
                .count();
            end += 1;
            let joined = words.get(end).is_some_and(|&(next, _)| {
                next == words[end - 1].1 + 1 && matches!(units[next - 1].c, ' ' | '-' | '.' | '/')
            });
            if !joined {
                break;
            }
        }
        if end > w + 1 && digits >= OCR_GROUP_DIGITS {
            convert.extend_from_slice(&words[w..end]);
            w = end;
            continue;
        }
        let word = bytes(words[w]);
        if letters_for_digits(word) {
            convert.push(words[w]);
        } else if let Some(letters) = prefixed_number(word) {
            convert.push((words[w].0 + letters, words[w].1));
        }
        w += 1;
    }
    for (i, j) in convert {
        for unit in &mut units[i..j] {
            unit.c = match unit.c {
                'O' | 'o' => '0',
                'l' | 'I' => '1',
                c => c,
            };
        }
    }
}

/// The value of a Chinese numeral used as a digit (`幺` is the one of phone numbers read
/// out, said so as not to be heard as seven).
fn han_digit(c: char) -> Option<usize> {
    match c {
        '〇' | '零' => Some(0),
        '幺' => Some(1),
        _ => "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|i| i + 1),
    }
}

/// The longest word `needs_work` lower-cases for its questions: the longest number word
/// (`cardinals`), street word and word of an address read out (`underscore`).
const LOWER_MAX: usize = 12;

/// Number words in English and te reo Māori, and `double`/`triple` before one: the
/// digit (10 for a multiplier) and how many times it is written.
fn digit_word(word: &str) -> Option<(u8, usize)> {
    if !word.is_ascii() {
        return foreign_digit_word(word);
    }
    if word.len() > 8 {
        return None;
    }
    let mut buf = [0u8; 8];
    for (b, c) in buf.iter_mut().zip(word.bytes()) {
        *b = c.to_ascii_lowercase();
    }
    digit_word_lower(&buf[..word.len()])
}

/// `digit_word` of a word of ASCII already in lower case.
fn digit_word_lower(word: &[u8]) -> Option<(u8, usize)> {
    // English and te reo Māori; then, for phone numbers read out in the languages our
    // reporters speak, Spanish, Portuguese (Brazilians say `meia`, half a dozen, for six),
    // French, Tagalog, Samoan, Tongan, Indonesian and Malay, Vietnamese (with its marks or
    // typed without them), romanised Hindi, Nepali, Bengali, Tamil and Sinhala, and
    // Swahili, Cebuano, Ilocano, Kiribati and Fijian (a word shared by two languages with two values is
    // left out: Fijian `dua` is 1, Indonesian `dua` 2).
    Some(match word {
        b"zero" | b"oh" | b"o" | b"nought" | b"kore" | b"cero" | b"sero" | b"selo" | b"noa"
        | b"nol" | b"kosong" | b"shunya" | b"sifuri" | b"sunya" | b"sunna" | b"shunno"
        | b"poojyam" | b"pujyam" | b"binduwa" | b"khong" | b"sifar" | b"akea" | b"saiva" => (0, 1),
        b"one" | b"tahi" | b"uno" | b"um" | b"isa" | b"tasi" | b"taha" | b"satu" | b"ek"
        | b"moja" | b"onnu" | b"eka" | b"mot" | b"usa" | b"maysa" | b"teuana" => (1, 1),
        b"two" | b"rua" | b"dos" | b"dois" | b"dalawa" | b"lua" | b"dua" | b"hai" | b"do"
        | b"deux" | b"mbili" | b"dui" | b"rendu" | b"deka" | b"ua" | b"duha" | b"uoua" => (2, 1),
        b"three" | b"toru" | b"tres" | b"tatlo" | b"tolu" | b"tiga" | b"ba" | b"teen" | b"tin"
        | b"trois" | b"tatu" | b"moonu" | b"thuna" | b"tulo" | b"tallo" | b"tenua" => (3, 1),
        b"four" | b"wha" | b"cuatro" | b"quatro" | b"apat" | b"fa" | b"empat" | b"char"
        | b"chaar" | b"quatre" | b"nne" | b"naalu" | b"hathara" | b"bon" | b"upat" | b"uppat"
        | b"aua" => (4, 1),
        b"five" | b"rima" | b"cinco" | b"lima" | b"nima" | b"paanch" | b"panch" | b"pach"
        | b"cinq" | b"tano" | b"anju" | b"paha" | b"nam" | b"nimaua" => (5, 1),
        b"six" | b"ono" | b"seis" | b"anim" | b"enam" | b"chhe" | b"che" | b"chhah" | b"sita"
        | b"chha" | b"chhoy" | b"aaru" | b"haya" | b"sau" | b"meia" | b"unom" | b"innem"
        | b"onoua" => (6, 1),
        b"seven" | b"whitu" | b"siete" | b"sete" | b"pito" | b"fitu" | b"tujuh" | b"saat"
        | b"sat" | b"sept" | b"saba" | b"ezhu" | b"hatha" | b"bay" | b"itiua" | b"vitu" => (7, 1),
        b"eight" | b"waru" | b"ocho" | b"oito" | b"walo" | b"valu" | b"delapan" | b"lapan"
        | b"aath" | b"aat" | b"huit" | b"nane" | b"ettu" | b"tam" | b"wanua" | b"walu" => (8, 1),
        b"nine" | b"iwa" | b"nueve" | b"nove" | b"siyam" | b"iva" | b"hiva" | b"sembilan"
        | b"nau" | b"nao" | b"neuf" | b"tisa" | b"noy" | b"onbathu" | b"namaya" | b"chin"
        | b"siam" | b"ruaiwa" | b"ciwa" => (9, 1),
        b"double" => (10, 2),
        b"triple" => (10, 3),
        _ => return None,
    })
}

/// Digit words written in other scripts or with diacritics: Vietnamese, Portuguese,
/// Tongan, Hindi and Nepali, Bengali, Punjabi, Tamil, Arabic, Urdu, Persian, Russian and
/// Ukrainian, Mongolian, Sinhala.
fn foreign_digit_word(word: &str) -> Option<(u8, usize)> {
    static WORDS: std::sync::LazyLock<std::collections::HashMap<&'static str, u8>> =
        std::sync::LazyLock::new(|| {
            let table: [(u8, &[&str]); 10] = [
                (
                    0,
                    &[
                        "không",
                        "zéro",
                        "शून्य",
                        "ज़ीरो",
                        "जीरो",
                        "শূন্য",
                        "জিরো",
                        "ਸਿਫ਼ਰ",
                        "ਜ਼ੀਰੋ",
                        "பூஜ்ஜியம்",
                        "பூஜ்யம்",
                        "صفر",
                        "زیرو",
                        "ноль",
                        "нуль",
                        "тэг",
                        "බිංදුව",
                        "බින්දුව",
                    ],
                ),
                (
                    1,
                    &[
                        "một",
                        "एक",
                        "এক",
                        "ਇੱਕ",
                        "ஒன்று",
                        "واحد",
                        "ایک",
                        "один",
                        "одна",
                        "нэг",
                        "یک",
                        "එක",
                    ],
                ),
                (
                    2,
                    &[
                        "दो",
                        "दुई",
                        "দুই",
                        "ਦੋ",
                        "இரண்டு",
                        "اثنين",
                        "اثنان",
                        "دو",
                        "два",
                        "дві",
                        "хоёр",
                        "දෙක",
                    ],
                ),
                (
                    3,
                    &[
                        "três",
                        "तीन",
                        "তিন",
                        "ਤਿੰਨ",
                        "மூன்று",
                        "ثلاثة",
                        "تین",
                        "три",
                        "гурав",
                        "سه",
                        "තුන",
                    ],
                ),
                (
                    4,
                    &[
                        "whā",
                        "bốn",
                        "fā",
                        "चार",
                        "চার",
                        "ਚਾਰ",
                        "நான்கு",
                        "أربعة",
                        "اربعة",
                        "چار",
                        "четыре",
                        "чотири",
                        "дөрөв",
                        "چهار",
                        "හතර",
                    ],
                ),
                (
                    5,
                    &[
                        "năm",
                        "पांच",
                        "पाँच",
                        "পাঁচ",
                        "ਪੰਜ",
                        "ஐந்து",
                        "خمسة",
                        "پانچ",
                        "пять",
                        "п'ять",
                        "пʼять",
                        "тав",
                        "پنج",
                        "පහ",
                    ],
                ),
                (
                    6,
                    &[
                        "sáu",
                        "छह",
                        "छः",
                        "छ",
                        "ছয়",
                        "ਛੇ",
                        "ஆறு",
                        "ستة",
                        "چھ",
                        "шесть",
                        "шість",
                        "зургаа",
                        "شش",
                        "හය",
                    ],
                ),
                (
                    7,
                    &[
                        "bảy",
                        "सात",
                        "সাত",
                        "ਸੱਤ",
                        "ஏழு",
                        "سبعة",
                        "سات",
                        "семь",
                        "сім",
                        "долоо",
                        "هفت",
                        "හත",
                    ],
                ),
                (
                    8,
                    &[
                        "tám",
                        "आठ",
                        "আট",
                        "ਅੱਠ",
                        "எட்டு",
                        "ثمانية",
                        "آٹھ",
                        "восемь",
                        "вісім",
                        "найм",
                        "هشت",
                        "අට",
                    ],
                ),
                (
                    9,
                    &[
                        "chín",
                        "नौ",
                        "নয়",
                        "ਨੌਂ",
                        "ਨੌ",
                        "ஒன்பது",
                        "تسعة",
                        "نو",
                        "девять",
                        "дев'ять",
                        "девʼять",
                        "ес",
                        "نه",
                        "නවය",
                    ],
                ),
            ];
            table
                .iter()
                .flat_map(|(d, words)| words.iter().map(move |w| (*w, *d)))
                .collect()
        });
    let lower = word.to_lowercase();
    WORDS.get(lower.as_str()).map(|d| (*d, 1))
}

/// Digit words of the scripts written with no space between words, Thai, Lao, Khmer and
/// Burmese (`ศูนย์สองเจ็ด`, "zero two seven"); Thai says `โท` for a two in a phone number,
/// Khmer six to nine as five and one to four (`ប្រាំមួយ`), Burmese seven short (`ခွန်`).
const GLUED_DIGITS: &[(&str, u8)] = &[
    ("ศูนย์", 0),
    ("หนึ่ง", 1),
    ("สอง", 2),
    ("โท", 2),
    ("สาม", 3),
    ("สี่", 4),
    ("ห้า", 5),
    ("หก", 6),
    ("เจ็ด", 7),
    ("แปด", 8),
    ("เก้า", 9),
    ("ສູນ", 0),
    ("ໜຶ່ງ", 1),
    ("ຫນຶ່ງ", 1),
    ("ສອງ", 2),
    ("ສາມ", 3),
    ("ສີ່", 4),
    ("ຫ້າ", 5),
    ("ຫົກ", 6),
    ("ເຈັດ", 7),
    ("ແປດ", 8),
    ("ເກົ້າ", 9),
    ("សូន្យ", 0),
    ("មួយ", 1),
    ("ពីរ", 2),
    ("បី", 3),
    ("បួន", 4),
    ("ប្រាំមួយ", 6),
    ("ប្រាំពីរ", 7),
    ("ប្រាំបី", 8),
    ("ប្រាំបួន", 9),
    ("ប្រាំ", 5),
    ("သုည", 0),
    ("တစ်", 1),
    ("နှစ်", 2),
    ("သုံး", 3),
    ("လေး", 4),
    ("ငါး", 5),
    ("ခြောက်", 6),
    ("ခုနစ်", 7),
    ("ခွန်", 7),
    ("ရှစ်", 8),
    ("ကိုး", 9),
];

/// Whether `c` is of a script written with no space between words (`GLUED_DIGITS`).
fn spaceless(c: char) -> bool {
    matches!(c, '\u{0E00}'..='\u{0EFF}' | '\u{1780}'..='\u{17FF}' | '\u{1000}'..='\u{109F}')
}

/// A word made wholly of digit words of those scripts, as each one's range of characters
/// in it and its digit; `None` when any of it is another word (`สามี`, "husband", opens
/// with `สาม`). Where one digit word opens another (Khmer `ប្រាំ` and `ប្រាំមួយ`), the
/// longer is read: it is listed first.
fn glued_digits(word: &str) -> Option<Vec<(usize, usize, u8)>> {
    let mut parts = Vec::new();
    let (mut rest, mut at) = (word, 0);
    while !rest.is_empty() {
        let (w, digit) = GLUED_DIGITS.iter().find(|(w, _)| rest.starts_with(*w))?;
        let chars = w.chars().count();
        parts.push((at, at + chars, *digit));
        at += chars;
        rest = &rest[w.len()..];
    }
    (!parts.is_empty()).then_some(parts)
}

/// Sino-Korean digit syllables, which Korean says a number in, glued in its groups
/// (`공이구 팔이육육`, "029 8266").
const KOREAN_DIGITS: [(char, u8); 11] = [
    ('공', 0),
    ('영', 0),
    ('일', 1),
    ('이', 2),
    ('삼', 3),
    ('사', 4),
    ('오', 5),
    ('육', 6),
    ('칠', 7),
    ('팔', 8),
    ('구', 9),
];

/// A Hangul word made wholly of digit syllables, as each one's range of characters in
/// it and its digit. Each syllable is also a word or part of one (`이` "this", `사이`
/// "between"): a run they make counts only when it holds a whole number's digits.
fn korean_digits(word: &str) -> Option<Vec<(usize, usize, u8)>> {
    word.chars()
        .enumerate()
        .map(|(i, c)| {
            KOREAN_DIGITS
                .iter()
                .find(|(k, _)| *k == c)
                .map(|(_, d)| (i, i + 1, *d))
        })
        .collect()
}

/// Whether `c` is a Hangul syllable.
fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Whether a text not in ASCII holds a run's worth of digit words of another script
/// (the ASCII scan in `needs_work` does not read words outside ASCII).
fn foreign_number_words(text: &str) -> bool {
    text.split(|c: char| !is_word_char(c) && c != '\'' && c != 'ʼ')
        .filter(|w| !w.is_empty() && !w.is_ascii())
        .map(|w| {
            if foreign_digit_word(w).is_some() {
                1
            } else if w.starts_with(is_hangul) {
                korean_digits(w).map_or(0, |parts| parts.len())
            } else {
                glued_digits(w).map_or(0, |parts| parts.len())
            }
        })
        .sum::<usize>()
        >= MIN_WORDS
}

/// Fewest number words that make a run of them a number, not prose (`one or two`).
const MIN_WORDS: usize = 3;
/// Fewest digits of a whole number (a local phone number, an account's part), after which
/// a full stop ends a run of number words.
const WHOLE_NUMBER: usize = 7;
/// Fewest single digits, spaced apart, that make a run (`0 2 1 5 5 5`).
const MIN_SPACED: usize = 5;

/// A word token: a run of letters in `units[start..end]`.
fn word_at(units: &[Unit], start: usize) -> usize {
    let mut end = start;
    while end < units.len() && is_word_char(units[end].c) {
        end += 1;
    }
    end
}

/// A word or digit group: its range of units and, for a number word, its digit and how
/// many times it is written (`digit_word`); a digit group is `Some((11, 0))`, or
/// `Some((12, 0))` when it was a number said in words (`vingt-deux`, by `cardinals`).
type Token = (usize, usize, Option<(u8, usize)>);

/// Replaces runs of number words (with digit groups between them allowed) by digits. Two
/// number words next to each other are joined (`five five five` -> `555`).
fn number_words(units: Vec<Unit>) -> Vec<Unit> {
    // Find each word token with its digit value; then the runs of them. (Sized for a
    // token in four characters, as `letters_as_digits`' words.)
    let mut tokens: Vec<Token> = Vec::with_capacity(units.len() / 4 + 1);
    let mut i = 0;
    while i < units.len() {
        let c = units[i].c;
        if is_alphabetic(c) && (i == 0 || !units[i - 1].c.is_alphanumeric()) {
            let end = word_at(&units, i);
            // No number word is longer than nine letters: skip the rest unbuilt.
            let word = || units[i..end].iter().map(|u| u.c).collect::<String>();
            let ascii = units[i..end].iter().all(|u| u.c.is_ascii());
            let value = if end - i > 9 || (ascii && end - i > 8) {
                None
            } else if ascii {
                // As `digit_word`, lower-cased on the stack: a string built for every
                // word was a tenth of this pass.
                let mut buf = [0u8; 8];
                for (b, u) in buf.iter_mut().zip(&units[i..end]) {
                    *b = (u.c as u8).to_ascii_lowercase();
                }
                digit_word_lower(&buf[..end - i])
            } else {
                digit_word(&word())
            };
            let glued = if spaceless(c) {
                glued_digits(&word())
            } else if is_hangul(c) {
                korean_digits(&word())
            } else {
                None
            };
            match (value, glued) {
                (None, Some(parts)) => tokens.extend(
                    parts
                        .into_iter()
                        .map(|(a, b, d)| (i + a, i + b, Some((d, 1)))),
                ),
                _ => tokens.push((i, end, value)),
            }
            i = end;
        } else if c.is_ascii_digit() {
            let mut end = i;
            while end < units.len() && units[end].c.is_ascii_digit() {
                end += 1;
            }
            // A number said in words stands in digits that each cover the whole of its
            // words (a digit of another script covers only itself).
            let first = &units[i];
            let said = end - i >= 2
                && first.end - first.start > 1
                && units[i..end]
                    .iter()
                    .all(|u| u.start == first.start && u.end == first.end);
            tokens.push((i, end, Some((if said { 12 } else { 11 }, 0))));
            i = end;
        } else {
            i += 1;
        }
    }
    // A run: consecutive tokens, each a number word or digit group, with only separators
    // between them. (The pause of a transcript, `oh two nine... one six four`, and
    // Arabic's and Chinese's commas were tried: they joined numbers to what follows and
    // lost two phones of an unseen set.)
    let separators = |a: usize, b: usize| {
        b - a <= 3
            && units[a..b]
                .iter()
                .all(|u| matches!(u.c, ' ' | ',' | '-' | '.' | '(' | ')'))
    };
    // Words a transcript writes for a digit it heard (`oh to seven five`, `for`, `won`,
    // `ate`) are that digit between two number words of a phone number's length, never
    // elsewhere (`five to seven men`).
    let digit_word = |t: &Token| t.2.is_some_and(|(d, _)| d <= 9);
    let words_from = |tokens: &[Token], k: usize, step: isize| {
        let mut n = 0;
        let mut at = k as isize + step;
        while at >= 0 && (at as usize) < tokens.len() && digit_word(&tokens[at as usize]) {
            n += 1;
            at += step;
        }
        n
    };
    for k in 1..tokens.len().saturating_sub(1) {
        let (a, b, value) = tokens[k];
        let (before, after) = (tokens[k - 1], tokens[k + 1]);
        // Its neighbours first: the word itself is read only between number words.
        if value.is_some()
            || b - a > 3
            || !digit_word(&before)
            || !digit_word(&after)
            || !separators(before.1, a)
            || !separators(b, after.0)
        {
            continue;
        }
        let mut word = [0u8; 3];
        for (w, u) in word.iter_mut().zip(&units[a..b]) {
            *w = if u.c.is_ascii() {
                (u.c as u8).to_ascii_lowercase()
            } else {
                0
            };
        }
        let digit = match &word[..b - a] {
            b"to" | b"too" => 2,
            b"for" => 4,
            b"won" => 1,
            b"ate" => 8,
            _ => continue,
        };
        if words_from(&tokens, k, -1) + words_from(&tokens, k, 1) >= WHOLE_NUMBER - 1 {
            tokens[k].2 = Some((digit, 1));
        }
    }
    // A full stop and a space after a whole number's worth of digits end the number: a
    // caller who says it twice (`oh two seven ... oh two four. oh two seven ...`) says
    // two numbers, not one of twenty digits.
    let sentence_end = |a: usize, b: usize| {
        let gap = &units[a..b];
        gap.iter().filter(|u| u.c == '.').count() == 1
            && gap.last().is_some_and(|u| u.c == ' ')
            && gap.first().is_some_and(|u| u.c == '.')
    };
    // After a whole number said in words, digits start another number: the same
    // number said and written (`... three nine (021 742 6839)`), not one of twenty
    // digits. (Digits then words are one number: `+64 21 711 zero three eight one`.)
    let said = |token: &Token| token.2.is_some_and(|(d, _)| d != 11);
    let digits_of = |token: &Token| match token.2 {
        Some((10, n)) => n - 1,
        Some((d, _)) if d >= 11 => token.1 - token.0,
        _ => 1,
    };
    let mut replace: Vec<(usize, usize, String)> = Vec::new();
    let mut t = 0;
    while t < tokens.len() {
        if tokens[t].2.is_none() {
            t += 1;
            continue;
        }
        let mut u = t + 1;
        let mut digits = digits_of(&tokens[t]);
        let mut said_digits = if said(&tokens[t]) { digits } else { 0 };
        while u < tokens.len()
            && tokens[u].2.is_some()
            && separators(tokens[u - 1].1, tokens[u].0)
            && !(digits >= WHOLE_NUMBER && sentence_end(tokens[u - 1].1, tokens[u].0))
            && !(said_digits >= WHOLE_NUMBER && said(&tokens[u - 1]) && !said(&tokens[u]))
        {
            digits += digits_of(&tokens[u]);
            if said(&tokens[u]) {
                said_digits += digits_of(&tokens[u]);
            }
            u += 1;
        }
        let run = &tokens[t..u];
        let words = run
            .iter()
            .filter(|k| k.2.is_some_and(|(d, _)| d <= 10 || d == 12))
            .count();
        let korean = run.iter().any(|k| is_hangul(units[k.0].c));
        if words >= MIN_WORDS && (!korean || digits >= WHOLE_NUMBER) {
            let spelled = spelled_letters(
                &units,
                &tokens[..t],
                run[0].0,
                digits,
                &separators,
                &mut replace,
            );
            // `plus chhe saat nau ...`: the sign said before digit words of any language
            // (`cardinals` reads it before English, Spanish and French ones).
            if let Some(&(start, end, None)) = t.checked_sub(1).map(|p| &tokens[p]) {
                let said: String = units[start..end].iter().map(|u| u.c).collect();
                if said.eq_ignore_ascii_case("plus") && end + 1 == run[0].0 && units[end].c == ' ' {
                    replace.push((start, run[0].0, "+".into()));
                }
            }
            let mut k = 0;
            while k < run.len() {
                let (start, end, Some((d, n))) = run[k] else {
                    break;
                };
                if d >= 11 {
                    // A number said in words (`veintidós`, now `22`) inside a run of
                    // digit words joins them like a digit word.
                    if let Some(&(next, _, Some(_))) = run.get(k + 1) {
                        replace.push((end, next, String::new()));
                    }
                    k += 1;
                    continue;
                }
                // `double five`: the multiplier takes the next word's digit.
                let (digit, repeat, last) = if d == 10 {
                    match run.get(k + 1) {
                        Some(&(_, e, Some((d2, 1)))) if d2 <= 9 => (d2, n, e),
                        _ => {
                            k += 1;
                            continue;
                        }
                    }
                } else {
                    (d, 1, end)
                };
                let digits: String =
                    std::iter::repeat_n(char::from(b'0' + digit), repeat).collect();
                replace.push((start, last, digits));
                k += if d == 10 { 2 } else { 1 };
                // Join to the next number word: drop the separator between them.
                if let Some(&(next, _, Some(_))) = run.get(k) {
                    let end = replace.last().map_or(last, |r| r.1);
                    replace.push((end, next, String::new()));
                }
            }
            // A code of many letters spelled out may end in one too (a PAN: `B K Q P M,
            // four six seven nine, S`); a plate's digits are followed by the sentence
            // (`M Z T four one eight I saw`).
            let run_end = run[run.len() - 1].1;
            let code = spelled >= CODE_LETTERS;
            if let Some(&(start, end, None)) = tokens.get(u).filter(|_| code) {
                let capital = units[start].c;
                if end == start + 1
                    && capital.is_ascii_uppercase()
                    && !matches!(capital, 'I' | 'A')
                    && separators(run_end, start)
                    && units.get(end).is_none_or(|u| !u.c.is_alphanumeric())
                {
                    replace.push((run_end, start, String::new()));
                    replace.push((start, end, capital.to_string()));
                }
            }
        }
        t = u;
    }
    substitute(units, replace)
}

/// The letters read out before a number (`tango echo foxtrot eight one eight`, `D R one
/// four five one oh one`, `Zulu nine one five ...`): a plate or a document number, as
/// one word with the digits (how many it found). Up to five letters, each a capital
/// alone (not `I`) or a
/// word of the spelling alphabet; only before a number shorter than a phone's (`call
/// Mike oh two one ...` is a name and a phone, `(M) oh two one ...` a label and a phone).
fn spelled_letters(
    units: &[Unit],
    before: &[Token],
    run_start: usize,
    digits: usize,
    separators: &impl Fn(usize, usize) -> bool,
    replace: &mut Vec<(usize, usize, String)>,
) -> usize {
    let mut letters: Vec<(usize, usize, char, bool)> = Vec::new();
    let mut next = run_start;
    for &(start, end, value) in before.iter().rev().take(MAX_SPELLED_LETTERS) {
        if value.is_some() || !separators(end, next) {
            break;
        }
        let word: String = units[start..end].iter().map(|u| u.c).collect();
        let Some((letter, alphabet)) = spelled_letter(&word) else {
            break;
        };
        letters.push((start, end, letter, alphabet));
        next = start;
    }
    if letters.is_empty() || digits >= WHOLE_NUMBER + 2 {
        return 0;
    }
    for (i, &(start, end, letter, _)) in letters.iter().rev().enumerate() {
        replace.push((start, end, letter.to_string()));
        // Join to the next letter or the number: drop the separator between them.
        let to = letters
            .len()
            .checked_sub(i + 2)
            .map_or(run_start, |j| letters[j].0);
        replace.push((end, to, String::new()));
    }
    letters.len()
}

/// Most letters read out before a number (an NZ plate has three, an Indian PAN five).
const MAX_SPELLED_LETTERS: usize = 5;
/// Fewest letters before a number read out that make it a code that may end in a letter.
const CODE_LETTERS: usize = 4;

/// A letter read out: a capital alone, or a word of the spelling alphabet (`true`).
fn spelled_letter(word: &str) -> Option<(char, bool)> {
    // Not `lima`: a digit word (five in Tagalog and Malay), read as one first.
    const ALPHABET: &[&str] = &[
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
        "juliet", "kilo", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra",
        "tango", "uniform", "victor", "whiskey", "xray", "yankee", "zulu",
    ];
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return (c.is_ascii_uppercase() && c != 'I').then_some((c, false));
    }
    let lower = word.to_ascii_lowercase();
    let found = ALPHABET.iter().any(|w| *w == lower)
        || matches!(lower.as_str(), "alfa" | "juliett" | "whisky");
    found.then(|| (lower.as_bytes()[0].to_ascii_uppercase() as char, true))
}

/// Replaces each `(start, end, text)` of `units` (in order, not overlapping) by `text`,
/// each character of which stands for the whole replaced range (a span edge inside a
/// number word takes the whole word).
pub(super) fn substitute(units: Vec<Unit>, replace: Vec<(usize, usize, String)>) -> Vec<Unit> {
    if replace.is_empty() {
        return units;
    }
    let mut out = Vec::with_capacity(units.len());
    let mut at = 0;
    for (start, end, digits) in replace {
        // Overlapping replacements cannot both stand: the first one wins.
        if start < at {
            continue;
        }
        out.extend_from_slice(&units[at..start]);
        if end > start {
            let (s, e) = (units[start].start, units[end - 1].end);
            out.extend(digits.chars().map(|c| Unit {
                c,
                start: s,
                end: e,
            }));
        }
        at = end;
    }
    out.extend_from_slice(&units[at..]);
    out
}

/// Joins single digits written apart (`0 2 1 - 5 5 5`): the separators between them go.
/// Whether a transcript's pause starts at `k`: an ellipsis, with a space before it or not.
fn pause_at(units: &[Unit], k: usize) -> bool {
    let at = |n: usize| units.get(k + n).map(|u| u.c);
    let from = usize::from(at(0) == Some(' '));
    at(from) == Some('…') || (at(from) == Some('.') && at(from + 1) == Some('.'))
}

fn spaced_digits(units: Vec<Unit>) -> Vec<Unit> {
    let single = |i: usize| {
        units[i].c.is_ascii_digit()
            && (i == 0 || !units[i - 1].c.is_alphanumeric())
            && units.get(i + 1).is_none_or(|u| !u.c.is_alphanumeric())
    };
    let sep = |c: char| matches!(c, ' ' | '-' | '.');
    let mut keep = vec![true; units.len()];
    let mut changed = false;
    let mut i = 0;
    while i < units.len() {
        if !single(i) {
            i += 1;
            continue;
        }
        // Collect a run of single digits with short separators between them; a comma or
        // a pause (`0 2 7 ... 3 9 1 ... 5 5 2 0`) only after a group of three or more
        // (`0 4 0 9, 5 5 1, 2 8 3`), not in a list (`rooms 1, 2, 3, 4, 5`).
        let mut digits = vec![i];
        let mut group = 1;
        let mut j = i + 1;
        loop {
            let mut k = j;
            let comma = group >= 3 && units.get(k).is_some_and(|u| u.c == ',');
            if comma {
                k += 1;
            }
            let pause = group >= 3 && pause_at(&units, k);
            let longest = if pause { 5 } else { 3 };
            while k < units.len()
                && k - j < longest
                && (sep(units[k].c) || pause && units[k].c == '…')
            {
                k += 1;
            }
            group = if comma || pause { 0 } else { group };
            group += 1;
            if k > j && k < units.len() && single(k) {
                digits.push(k);
                j = k + 1;
            } else {
                break;
            }
        }
        if digits.len() >= MIN_SPACED {
            for w in digits.windows(2) {
                keep[w[0] + 1..w[1]].iter_mut().for_each(|k| *k = false);
            }
            // `+ 6 6 3 ...`: the plus belongs to the number.
            if i >= 2 && units[i - 1].c == ' ' && units[i - 2].c == '+' {
                keep[i - 1] = false;
            }
            changed = true;
        }
        i = *digits.last().unwrap_or(&i) + 1;
    }
    if !changed {
        return units;
    }
    units
        .into_iter()
        .zip(keep)
        .filter_map(|(u, k)| k.then_some(u))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        Normalised::new(s).text.into_owned()
    }

    #[test]
    fn digits_of_other_scripts_become_ascii() {
        assert_eq!(norm("फोन ९८७६५४३२१०"), "फोन 9876543210");
        assert_eq!(norm("電話０２１５５５１２３４"), "電話0215551234");
        assert_eq!(norm("٠٢١"), "021");
        assert_eq!(norm("电话一三八〇〇一三八〇〇〇"), "电话13800138000");
        assert_eq!(norm("三个人"), "三个人");
        assert_eq!(norm("手机：〇二一 三五七 八八〇九"), "手机：021 357 8809");
        assert_eq!(norm("一 二 三"), "一 二 三");
        assert_eq!(norm("电话021 幺三七 四八二 零九"), "电话021 137 482 09");
        assert_eq!(norm("幺妹"), "幺妹");
        assert_eq!(
            norm("new number O21 774 3399 ok"),
            "new number 021 774 3399 ok"
        );
        assert_eq!(norm("Room O2 and O'Brien"), "Room O2 and O'Brien");
        assert_eq!(norm("021 338 71O5 or 02l 44"), "021 338 7105 or 021 44");
        // A photo read by OCR: every group of the number, and a document number's digits.
        assert_eq!(norm("my number O2O 597 466l2"), "my number 020 597 46612");
        assert_eq!(
            norm("Paid to: O6-l459-0118O90-0l"),
            "Paid to: 06-1459-0118090-01"
        );
        assert_eq!(
            norm("Passport N39O34O1 Visa M7720194l"),
            "Passport N3903401 Visa M77201941"
        );
        assert_eq!(norm("Room 2O I was in lO"), "Room 2O I was in lO");
        assert_eq!(norm("plate IO1234"), "plate IO1234");
        assert_eq!(norm("COOL 2 l0 lol Oslo"), "COOL 2 l0 lol Oslo");
        assert_eq!(norm("ＩＤ：Ａ１２，好"), "ID：A12，好");
    }

    #[test]
    fn number_words_become_digits() {
        assert_eq!(
            norm("ring oh two one, five five five, one two three four"),
            "ring 0215551234"
        );
        // The same number said and then written is two numbers.
        assert_eq!(
            norm("numa zero lua tasi, fitu fa lua, ono valu tolu iva (021 742 6839)"),
            "numa 0217426839 (021 742 6839)"
        );
        assert_eq!(norm("oh two one 555 0154"), "0215550154");
        // A word heard for a digit, between number words only.
        assert_eq!(
            norm("call oh to seven five seven six five four nine one"),
            "call 0275765491"
        );
        assert_eq!(norm("five to seven men"), "five to seven men");
        assert_eq!(norm("went to seven shops"), "went to seven shops");
        // Fijian.
        assert_eq!(
            norm("naba saiva rua rua, vitu walu walu, ciwa"),
            "naba 0227889"
        );
        // Digit groups inside a run of number words join it.
        assert_eq!(norm("+64 21 711 zero three eight one"), "+64217110381");
        assert_eq!(norm("021 double five triple one 4"), "021551114");
        assert_eq!(norm("one or two of us"), "one or two of us");
        assert_eq!(norm("waru rua toru whā rima"), "82345");
        // Romanised Nepali and Tamil.
        assert_eq!(norm("sunya dui sat, tin aath chha"), "027386");
        assert_eq!(norm("poojyam rendu onbathu, moonu onnu"), "02931");
        assert_eq!(
            norm("mi número es cero dos uno, siete siete"),
            "mi número es 02177"
        );
        assert_eq!(norm("রাখো জিরো দুই এক সাত তিন"), "রাখো 02173");
        assert_eq!(norm("رقمي صفر اثنين واحد ثلاثة"), "رقمي 0213");
        assert_eq!(norm("số không hai một bốn năm"), "số 02145");
        // Vietnamese typed without its marks; Tongan.
        assert_eq!(
            norm("so dt em khong hai hai, mot bay ba, nam sau chin bon"),
            "so dt em 0221735694"
        );
        assert_eq!(norm("fika: noa ua noa, tolu ua valu"), "fika: 020328");
        assert_eq!(norm("zero dois zero, dois meia zero"), "020260");
        assert_eq!(
            norm("Fiji number plus chhe saat nau, saat chaar"),
            "Fiji number +67974"
        );
        assert_eq!(norm("the bay was calm"), "the bay was calm");
        assert_eq!(
            norm("เบอร์ ศูนย์สองเจ็ด เจ็ดสามห้า สองแปดแปดหก ขอบคุณ"),
            "เบอร์ 0277352886 ขอบคุณ"
        );
        assert_eq!(norm("สามีของฉัน สามคน"), "สามีของฉัน สามคน");
        // Khmer reads six as five and one; Lao and Burmese; Sinhala and Cebuano in words.
        assert_eq!(norm("លេខ សូន្យប្រាំមួយបី ពីរប្រាំ"), "លេខ 06325");
        assert_eq!(norm("ເບີ ສູນສອງເຈັດ ແປດ"), "ເບີ 0278");
        assert_eq!(norm("ဖုန်း သုည ကိုး ခွန် ရှစ်"), "ဖုန်း 0978");
        assert_eq!(norm("අංකය බිංදුව හත හය"), "අංකය 076");
        assert_eq!(norm("numero ko sero siyam duha unom"), "numero ko 0926");
        assert_eq!(norm("nambwa itiua tenua teuana nimaua"), "nambwa 7315");
        assert_eq!(norm("दो या तीन लोग"), "दो या तीन लोग");
        assert_eq!(
            norm("my address is two one eight Kiwitahi Road"),
            "my address is 218 Kiwitahi Road"
        );
    }

    #[test]
    fn a_number_said_twice_is_two_numbers() {
        assert_eq!(
            norm("on oh two seven five three three five oh two four. oh two seven five three three five oh two four. after"),
            "on 0275335024. 0275335024. after"
        );
        // Stops and pauses between the groups of one number.
        assert_eq!(
            norm("oh two one. five five five. one two three four"),
            "0215551234"
        );
    }

    #[test]
    fn a_date_in_chinese_numerals() {
        assert_eq!(
            norm("出生日期是一九九五年三月八号 我在"),
            "出生日期是1995年3月8号 我在"
        );
        assert_eq!(norm("二〇〇一年十二月二十五日"), "2001年12月25日");
        assert_eq!(norm("一九九五年来的"), "1995年来的");
        assert_eq!(norm("三个人十二月"), "三个人十二月");
    }

    #[test]
    fn korean_digits_only_as_a_whole_number() {
        assert_eq!(
            norm("제 번호는 공이구 팔이육육 육팔일 이에요"),
            "제 번호는 0298266681 이에요"
        );
        assert_eq!(norm("공 이 구, 팔 이 육 육, 육 팔 일"), "0298266681");
        assert_eq!(norm("오이 사이 일이 많아요"), "오이 사이 일이 많아요");
    }

    #[test]
    fn letters_read_out_join_the_number() {
        assert_eq!(
            norm("rego is tango echo foxtrot eight one eight"),
            "rego is TEF818"
        );
        assert_eq!(
            norm("licence D R one four five one oh one"),
            "licence DR145101"
        );
        assert_eq!(
            norm("passport Zulu nine one five three six six one"),
            "passport Z9153661"
        );
        // A lone word of the spelling alphabet before a phone is a name.
        assert_eq!(
            norm("call Mike oh two one five five five one two three four"),
            "call Mike 0215551234"
        );
        assert_eq!(norm("I five five five"), "I 555");
        assert_eq!(
            norm("the plate is M Z T four one eight I saw it"),
            "the plate is MZT418 I saw it"
        );
        // A code's last letter too. (A capital O is read as zero: said, it is one.)
        assert_eq!(
            norm("The PAN is B K Q P M, four six seven nine, S. ok"),
            "The PAN is BKQPM4679S. ok"
        );
    }

    #[test]
    fn spaced_digits_are_joined() {
        assert_eq!(norm("call 0 2 1 5 5 5 0 1 5 4 now"), "call 0215550154 now");
        assert_eq!(norm("text 0 2 1 - 3 3 8 - 9 1 4 0."), "text 0213389140.");
        assert_eq!(norm("+ 6 6 3 7 8 8"), "+663788");
        assert_eq!(norm("rooms 1 2 3"), "rooms 1 2 3");
        // Groups of spaced digits parted by commas; a list of numbers is no group.
        assert_eq!(
            norm("kolem mi long 0 4 0 9, 5 5 1, 2 8 3. tankiu"),
            "kolem mi long 0409551283. tankiu"
        );
        assert_eq!(
            norm("rooms 1, 2, 3, 4, 5 and 6"),
            "rooms 1, 2, 3, 4, 5 and 6"
        );
        // A transcript's pauses between the groups.
        assert_eq!(
            norm("nz 0 2 7 ... 3 9 1 ... 5 5 2 0 027"),
            "nz 0273915520 027"
        );
        assert_eq!(norm("steps 1 2 … 3 4 5"), "steps 1 2 … 3 4 5");
    }

    #[test]
    fn spans_map_back_to_the_original() {
        let text = "call oh two one 5 5 5 1 2 3 4!";
        let n = Normalised::new(text);
        let at = n.text.find('0').unwrap();
        let end = n.text.find('!').unwrap();
        let (s, e) = n.original(at, end);
        assert_eq!(&text[s..e], "oh two one 5 5 5 1 2 3 4");
        let text = "फोन ९८७६५४३२१० है";
        let n = Normalised::new(text);
        let at = n.text.find('9').unwrap();
        let (s, e) = n.original(at, at + 10);
        assert_eq!(&text[s..e], "९८७६५४३२१०");
        assert_eq!(n.prepared(s), at);
    }
}
