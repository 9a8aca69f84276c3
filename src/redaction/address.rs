//! Where an address ends. A rule finds the start of an address (a street and number, a PO
//! Box, a label such as `home address:`); what follows it, the suburb, town, region,
//! postcode and country (`..., Greerton, Tauranga 3112`), identifies the reporter as
//! much as the street does, so every ADDRESS span is carried to the end of that tail.
//! A span is also cut at the end of its clause (a rule that reads on after a label, like
//! `lives at ...`, must stop at `and drives ...`), and dropped when no digit is left in it:
//! a rule's place with no number is a town or a street, which identifies nobody. (Places
//! that identify without a number are found on their own terms: `described_place`,
//! `admin_units`.)

use super::{address_head, described_place};
use crate::redaction::names::script::{is_word_char, Script};

/// Words that start a new clause, never a place: the tail stops before them.
pub(super) const NOT_PLACES: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "I",
    "We",
    "They",
    "My",
    "His",
    "Her",
    "Our",
    "Their",
    "This",
    "That",
    "There",
    "Please",
    "But",
    "And",
    "So",
    "Then",
    "Also",
    "Boss",
    "Mr",
    "Mrs",
    "Ms",
    "Phone",
    "Mobile",
    "Email",
    "Tel",
    "Call",
    "Text",
    "If",
    "When",
    "Since",
    "Now",
    "From",
    "Thanks",
    "Regards",
    "Cheers",
    "DOB",
    "IRD",
    "Passport",
    "Name",
    "Address",
    "Help",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Christmas",
    "Easter",
    "Diwali",
    // Tamil postpositions after a town: in, from
    "இல்",
    "இருந்து",
];

/// Abbreviations that open a place name (`Brgy. San Isidro`): their dot ends no sentence.
const ABBREVIATIONS: &[&str] = &[
    "Brgy", "Bgy", "St", "Mt", "Pt", "Ft", "Jl", "Gg", "Kab", "Kec", "Kel", "Prov", "Dist", "Sta",
    "Sto", "Col", "Av", "Fracc", "Jal", "Edo", "Mun", "Distt", "Teh", "Vill", "TP", "Urb", "Jr",
    "Mz", "Psje",
];

/// Lower-case words that open a part of an address by its unit (`, phường Hưng Bình`,
/// `, xã Quỳnh Hưng`, `, barangay San Isidro`): the capitalised name after them goes too.
const UNIT_BEFORE_NAME: &[&str] = &[
    "phường",
    "xã",
    "quận",
    "huyện",
    "tỉnh",
    "thị xã",
    "thị trấn",
    "thành phố",
    "tp.",
    "ấp",
    "thôn",
    "xóm",
    "barangay",
    "brgy.",
    "purok",
    "sitio",
    "kel.",
    "kec.",
    "kab.",
    "desa",
    "dusun",
    "kelurahan",
    "kecamatan",
    "kabupaten",
    "kampung",
    "distt.",
    "dist.",
    "district",
    "teh.",
    "tehsil",
    "vill.",
    "village",
    "p.o.",
    "urb.",
    // The same units without their marks, as phones type them (`, xa Thach Van, huyen
    // Thach Ha`); Khmer, Bengali and Hindi units in Latin letters (`, khet Svay Rieng`,
    // `, post office Char Jabbar`, `, zila Budaun`)
    "phuong",
    "xa",
    "quan",
    "huyen",
    "tinh",
    "thi xa",
    "thi tran",
    "thanh pho",
    "thon",
    "xom",
    "phum",
    "khum",
    "srok",
    "khet",
    "post office",
    "post",
    "upazila",
    "zila",
    "zilla",
    "thana",
    "gram",
    "gaon",
    // Latin American rural units, the longer form first (`, finca El Mirador, municipio
    // de Chinchiná`)
    "finca",
    "vereda",
    "municipio de",
    "municipio",
    "município de",
    "departamento de",
    "corregimiento de",
    "corregimiento",
    "provincia de",
    "comuna de",
    "parroquia",
    "caserío",
    "aldea",
    // Urban ones (`, barrio La Floresta, Medellín`, `, colonia Del Valle`, `, bairro
    // Jardim América`)
    "barrio",
    "bairro",
    "colonia",
    "col.",
    "urbanización",
    "urbanizacion",
    "distrito",
    "cantón",
    "delegación",
    "alcaldía",
];

/// The length in bytes of the longest word of `UNIT_BEFORE_NAME`.
const LONGEST_UNIT: usize = {
    let (mut longest, mut i) = (0, 0);
    while i < UNIT_BEFORE_NAME.len() {
        if UNIT_BEFORE_NAME[i].len() > longest {
            longest = UNIT_BEFORE_NAME[i].len();
        }
        i += 1;
    }
    longest
};

/// First words of places whose names have two (`te kuiti`, `mt wellington`).
const TWO_WORD_PLACE_OPENERS: &[&str] = &[
    "te",
    "mt",
    "mount",
    "new",
    "port",
    "upper",
    "lower",
    "north",
    "south",
    "east",
    "west",
    "glen",
    "st",
    "saint",
    "palmerston",
    "point",
    "kings",
    "queens",
];

/// Words that may follow a street with no comma: `Heretaunga Street West`.
const DIRECTIONS: &[&str] = &["North", "South", "East", "West", "Extension", "Ext"];

/// Words that are never part of a street's or a place's name in text without capitals:
/// `5 men on the road` is no address, `mangere east and ...` ends at `and`.
const NOT_IN_LOWER_CASE_ADDRESS: &[&str] = &[
    "the", "a", "an", "on", "in", "at", "to", "of", "for", "from", "by", "with", "near", "down",
    "up", "along", "across", "into", "my", "his", "her", "our", "their", "your", "this", "that",
    "and", "or", "but", "is", "are", "was", "were", "we", "they", "he", "she", "it", "i", "you",
    "men", "people", "workers", "hours", "hrs", "km", "kms", "mins", "minutes", "days", "weeks",
    "months", "years", "dollars", "times", "every", "each", "since", "until", "if", "when",
    "because", "so", "then", "there", "here", "now", "pls", "please", "boss", "phone", "call",
    "text", "ph", "no", "not", "have", "has", "had", "got", "get", "like", "go", "goes", "went",
    "live", "lives", "living", "work", "works", "working", "stay", "stays", "staying", "sleep",
    "do", "does", "did", "can", "will", "would", "said", "says", "told", "just", "also",
];

pub(super) fn lower_case_address_word(word: &str) -> bool {
    !NOT_IN_LOWER_CASE_ADDRESS.contains(&word.to_lowercase().as_str())
}

/// The `places-and-postcode` validator: places between commas that end in a postcode
/// (`Whitford, Auckland 2571`) hold no word that opens a clause or names a month or a
/// day (`Housing', March 2024`), and no company (`Orchards Ltd, Hastings 4156`).
pub fn places_and_postcode(value: &str) -> bool {
    // `the Post, Wellington 6011`: a thing named with `the` (a paper, a firm), no place;
    // `Ghar VPO Jatusana, ...`: a word for a house before the address, not part of it.
    let first = value.split([' ', ',']).next().unwrap_or("");
    if first.eq_ignore_ascii_case("the") || described_place::is_dwelling(first) {
        return false;
    }
    value
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty() && !w.starts_with(|c: char| c.is_ascii_digit()))
        .all(|w| !NOT_PLACES.contains(&w) && !COMPANY_WORDS.contains(&w))
}

/// Words that end a company's name.
const COMPANY_WORDS: &[&str] = &["Ltd", "Limited", "Inc", "Company", "Co", "LLC", "Pty"];

/// The `street-words` validator: a street written without capitals (`14 kauri st`) has
/// no function word, unit or counted noun between its number and its type (`5 men on
/// the road` is no address).
pub fn street_words(value: &str) -> bool {
    // The house number's letter (`14a puriri st`) is no word.
    let past_number = value.trim_start_matches(|c: char| !c.is_whitespace());
    let mut words: Vec<&str> = past_number
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    words.pop();
    !words.is_empty() && words.iter().all(|w| lower_case_address_word(w))
}

/// The extent of an ADDRESS span `start..end` in `text`: clipped to its clause, then
/// carried over its tail; `(start, start)` when it holds no digit.
pub fn extent(
    text: &str,
    start: usize,
    end: usize,
    labelled: bool,
    is_place: &dyn Fn(&str) -> bool,
) -> (usize, usize) {
    // `Mi dirección en Chile: Pasaje Los Aromos 1457`: the label's last word, then the
    // address.
    let start = if labelled {
        inner_label_end(text, start, end)
    } else {
        start
    };
    let mut end = clause_end(text, start, end);
    // A rule that stopped inside a word (`London SW` of `London SW1A 1AA`) gives the
    // word back, for the tail to read whole.
    // (In Han script, `300号的`, the next character opens the next word; in Korean,
    // `11번지에`, a particle is glued to the word it follows.)
    let han = |c: char| matches!(Script::of(c), Script::Han | Script::Hangul);
    if text[end..].starts_with(|c: char| c.is_alphanumeric() && !han(c)) {
        let word = text[start..end]
            .rfind(|c: char| !c.is_alphanumeric())
            .map_or(start, |i| start + i);
        end = start + text[start..word].trim_end().len();
    }
    // Digits of any script (`خانه ۱۱`, `ገዛ ቁጽሪ ፲፯`).
    let numbered = text[start..end].chars().any(char::is_numeric);
    if !(numbered || labelled && places_to_a_country(&text[start..end])) {
        return (start, start);
    }
    let lower = !text[start..end].chars().any(char::is_uppercase);
    let start = address_head::start(text, start, is_place);
    let start = address_head::start(
        text,
        described_place::dwelling_before(text, start),
        is_place,
    );
    let end = tail(text, end, lower);
    let described = match described_place::described_after(text, end) {
        same if same == end => described_place::dwelling_told_after(text, end),
        further => further,
    };
    // `RD 1, Tiniroto Road, past the Hangaroa bridge, Gisborne 4071`: the town after
    // the description.
    let end = if described > end {
        tail(text, described, lower)
    } else {
        end
    };
    (start, end)
}

/// Where a labelled value starting `start` begins past a word of its label and a colon
/// (`Chile: Pasaje ...`): up to three words with no digit before it.
fn inner_label_end(text: &str, start: usize, end: usize) -> usize {
    let value = &text[start..end];
    let Some(colon) = value.find(": ") else {
        return start;
    };
    let label = &value[..colon];
    if label.split(' ').count() <= 3 && !label.contains(|c: char| c.is_ascii_digit() || c == ',') {
        start + colon + 2
    } else {
        start
    }
}

/// Whether a labelled address with no number is still one: three or more parts between
/// commas, each capitalised (or in a script without case), as a village abroad is written after `My address:`
/// (`Vaitele-Uta, Upolu, Samoa`). Two parts (`Invercargill, Southland`) name a town.
fn places_to_a_country(value: &str) -> bool {
    let parts: Vec<&str> = value.split([',', '،']).map(str::trim).collect();
    // A part may carry its own label (`Village: Char Kukri Mukri`, `থানা: চরফ্যাশন`), and
    // a script without case has no capital to show a name.
    let place = |part: &str| {
        let part = part.split_once(": ").map_or(part, |(_, value)| value);
        part.starts_with(|c: char| c.is_alphabetic() && !c.is_lowercase())
            && part.split(' ').count() <= 3
    };
    parts.len() >= 3 && parts.iter().all(|p| place(p))
}

/// The rule that reads an address after its label (`address.toml`): its value may be a
/// village abroad with no number (`places_to_a_country`).
pub const LABEL_RULE: &str = "address-label";

/// Address rules whose match is the whole address, from the top unit down or from a
/// hamlet to its district: no head or tail to take, and a village (`东营村`) has no
/// number to prove it an address.
pub const WHOLE_AS_FOUND: &[&str] = &[
    "chinese-address",
    "korean-address",
    "thai-address",
    "japanese-address",
    "khmer-address",
    "burmese-address",
    "rural-locality",
    "persian-arabic-address",
    "sinhala-address",
    // Their abbreviations end in stops (`Mah.`, `Sok.`, `Mz.`, `Lt.`) a clause would end at.
    "turkish-address",
    "peruvian-block-and-lot",
];

/// Words that name a unit, flat, room, floor or lot before its number or letter (`Flat
/// 2, 17 Adelaide Road`, `Block C room 14`, `phòng 3`, `شقة 4`), in the languages our
/// reporters write.
pub(super) const UNITS: &[&str] = &[
    "flat",
    "flats",
    "unit",
    "units",
    "apt",
    "apartment",
    "room",
    "rooms",
    "rm",
    "flt",
    "lvl",
    "suite",
    "lot",
    "blk",
    "block",
    "house",
    "shop",
    "office",
    "no",
    "level",
    "floor",
    "bed",
    "bunk",
    "pokój",
    "pokoj",
    "cabin",
    "caravan",
    "site",
    "ʻiuniti",
    "iuniti",
    "yunit",
    "kwarto",
    "kamar",
    "phòng",
    "phong",
    "habitación",
    "habitacion",
    "cuarto",
    "quarto",
    "piso",
    "офис",
    "кв",
    "depto",
    "apto",
    "شقة",
    "ชั้น",
    "ห้อง",
    "층",
    "호",
];

/// Street words, lower case: they end the segment before an address (`1190 No 1 Road,
/// RD 2`), a town may follow them with no comma, and a described place names its street
/// by one (`described_place`).
pub(super) const STREET_TYPES: &[&str] = &[
    "road",
    "rd",
    "street",
    "st",
    "avenue",
    "ave",
    "drive",
    "dr",
    "lane",
    "ln",
    "place",
    "pl",
    "crescent",
    "cres",
    "terrace",
    "tce",
    "highway",
    "hwy",
    "way",
    "close",
    "court",
    "ct",
    "parade",
    "grove",
    "boulevard",
    "blvd",
    "quay",
    "esplanade",
    "track",
];

/// The end of the clause that `text[start..end]` starts, at most `end`.
fn clause_end(text: &str, start: usize, end: usize) -> usize {
    const BREAKS: &[&str] = &[
        " and ",
        " with ",
        " y ",
        " dan ",
        " at ",
        " but ",
        " where ",
        " which ",
        " who ",
        " so ",
        " - ",
        " – ",
        " — ",
        " (",
        "; ",
        ". ",
        " if ",
        " because ",
        " when ",
        " until ",
        " I think",
        " i think",
        " please ",
        " pls ",
        // The writer's next sentence, in text with no stops (a voicemail transcript).
        " my ",
        " My ",
        " our ",
        " Our ",
        " i ",
        " we ",
        " he ",
        " she ",
        " they ",
        " thank",
        " Thank",
    ];
    let s = &text[start..end];
    let cased = s.chars().any(|c| c.is_ascii_uppercase());
    let mut cut = s.len();
    for (i, c) in s.char_indices() {
        if matches!(
            c,
            '\n' | ';' | '|' | '。' | '।' | '۔' | '።' | '，' | '！' | '？' | '—' | '(' | '"'
        ) {
            cut = i;
            break;
        }
        if c == '.' && abbreviation_ends_at(s, i) {
            continue;
        }
        // Every break opens with a space, `;` or `.`, and `;` ended the clause above.
        if c == '.' || c == ' ' && BREAKS.iter().any(|b| s[i..].starts_with(b)) {
            cut = i;
            break;
        }
        if cased && c == ',' && writer_goes_on(s, i) {
            cut = i;
            break;
        }
        if let Some(n) = postcode_then_prose(s, i) {
            cut = i + n;
            break;
        }
    }
    let kept = s[..cut].trim_end_matches([' ', ',', '.', ':', '-']);
    start + kept.len()
}

/// Words that open the writer's next clause after an address and its comma, never a part
/// of the address (`, the house belongs to his wife`, `, boss is Raj`, `, mi celular
/// es`, `, nomor saya`, `, telefoni`, `, wala kaming`, `, dito rin`): in English and the
/// languages reporters mix into it. (Not any lower-case word: `, apto 704`, `, vườn táo
/// trên đường ...` are parts of the address.)
const CLAUSE_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "i",
    "im",
    "i'm",
    "we",
    "he",
    "she",
    "they",
    "it",
    "its",
    "it's",
    "my",
    "our",
    "his",
    "her",
    "their",
    "this",
    "that",
    "thats",
    "that's",
    "there",
    "boss",
    "phone",
    "ph",
    "tel",
    "mobile",
    "cell",
    "number",
    "email",
    "accommodation",
    "rent",
    "which",
    "who",
    "where",
    "please",
    "pls",
    "thanks",
    "thank",
    "post",
    "call",
    "text",
    "and",
    "but",
    "so",
    "owned",
    "run",
    "shared",
    "not",
    "no",
    "only",
    "also",
    "since",
    "until",
    "now",
    "near",
    "mi",
    "su",
    "mon",
    "ma",
    "nomor",
    "alamat",
    "telefoni",
    "telepono",
    "numero",
    "número",
    "celular",
    "wala",
    "dito",
    "ako",
    "kami",
    "sila",
    "yung",
    "ang",
    "saya",
    "dia",
    "rumah",
    "mipela",
    "mifala",
];

/// Whether the text after the comma at `s[comma]`, in an address written with capitals,
/// is the writer's sentence going on: it opens with one of `CLAUSE_OPENERS`.
fn writer_goes_on(s: &str, comma: usize) -> bool {
    let rest = s[comma + 1..].trim_start();
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '.')
        .collect();
    let first = word.chars().next();
    // `the` opens a dwelling told after the address (`, the cottage by the calf shed`),
    // which `described_place` takes; anything else after `the` is the writer's.
    if word == "the" {
        return described_place::described_after(s, comma) == comma;
    }
    first.is_some_and(char::is_lowercase) && CLAUSE_OPENERS.contains(&word.as_str())
}

/// Where a postcode (four to six digits after a place's name) is followed by the writer's
/// sentence rather than more of the address: the length of the text up to the postcode's
/// end, from byte `i` of `s` where the digits start. (`Papakura 2110 dito rin ako`,
/// `Matamata 3472の敷地内`, `ਬਠਿੰਡਾ 151103 ਜੀ ਕਿਰਪਾ ਕਰਕੇ`.)
fn postcode_then_prose(s: &str, i: usize) -> Option<usize> {
    let before = &s[..i];
    if !before.ends_with(' ') || !s[i..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let place = before.trim_end().rsplit(' ').next().unwrap_or("");
    let named = place.starts_with(char::is_uppercase) || place.starts_with(uncased);
    let digits = s[i..].bytes().take_while(u8::is_ascii_digit).count();
    if !named || !(4..=6).contains(&digits) || before.trim().is_empty() {
        return None;
    }
    let after = &s[i + digits..];
    let next = after.strip_prefix(' ').unwrap_or(after).chars().next()?;
    let glued = !after.starts_with(' ');
    let unit_mark = matches!(
        next,
        '号' | '號' | '호' | '동' | '室' | '楼' | '樓' | '层' | '層'
    );
    let prose = if glued {
        next.is_alphabetic() && !next.is_ascii() && !unit_mark
    } else {
        next.is_lowercase() || (uncased(next) && !unit_mark)
    };
    prose.then_some(digits)
}

/// Whether the `.` at `s[i]` ends a short abbreviation (`Brgy.`, `No.`, `H.No.`, `St.`),
/// not a sentence: a word of at most four letters before it, and after it more text
/// that does not open a clause.
fn abbreviation_ends_at(s: &str, i: usize) -> bool {
    let word = s[..i]
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let next = s[i + 1..].trim_start();
    let next_word = next
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    // A capitalised short word is an abbreviation only when it is a known one (`Brgy.`,
    // `Kec.`); otherwise it ends a place's name and the sentence (`Nghệ An. Chủ ...`).
    let known = ADDRESS_ABBREVIATIONS
        .iter()
        .any(|a| a.eq_ignore_ascii_case(word));
    // Any other short word in Latin letters ends the sentence (`belongs to his wife.
    // Rent ...`), but a letter alone is an initial (`H.No.`); in a script without case
    // a short word before a dot is an abbreviation (`मकान नं. 47`).
    let caseless = word.starts_with(uncased);
    // (Korean and Chinese write no initials: `202호. 문자 주세요` ends a sentence.)
    let initial = word.chars().count() == 1
        && !word.starts_with(|c: char| matches!(Script::of(c), Script::Hangul | Script::Han));
    !word.is_empty()
        && (known || (caseless || initial) && word.chars().count() <= 4)
        && !next.is_empty()
        && !NOT_PLACES.contains(&next_word)
}

/// Abbreviations written in addresses in New Zealand and the countries our reporters
/// come from: streets, units, districts (Indonesia's `Kel.`, `Kec.`; the Philippines'
/// `Brgy.`; India's `Distt.`, `Teh.`; Vietnam's `TP.`).
const ADDRESS_ABBREVIATIONS: &[&str] = &[
    "st",
    "rd",
    "ave",
    "av",
    "blvd",
    "dr",
    "ln",
    "pl",
    "cres",
    "tce",
    "hwy",
    "no",
    "nr",
    "nos",
    "apt",
    "flt",
    "lvl",
    "blk",
    "brgy",
    "bgy",
    "jl",
    "jln",
    "gg",
    "kel",
    "kec",
    // Russian and Kazakh: street, avenue, lane, district, region, flat, building
    "ул",
    "пр",
    "пер",
    "мкр",
    "обл",
    "кв",
    "корп",
    "стр",
    "kab",
    "kg",
    "kp",
    "rt",
    "rw",
    "tp",
    "tx",
    "col",
    "dist",
    "teh",
    "opp",
    "vill",
    "vpo",
    "po",
    "ps",
    "mt",
    "ft",
    "sq",
    "bldg",
    "fl",
    "cor",
    "ext",
    "ste",
    "mun",
    // Romanian: street, flat, county, block, stairway
    "str",
    "ap",
    "jud",
    "bl",
    "sc",
    "prov",
    "brg",
    // Santa, Santo in Philippine and Latin American places (`Barangay Sta. Lucia`)
    "sta",
    "sto",
    "urb",
    "jr",
    "mz",
    "psje",
    "ave",
    "apto",
    "depto",
    "av",
    "avda",
    "calle",
    "sr",
    "sra",
    "cra",
    "esq",
    "int",
    "ext",
    "ul",
    "ул",
    "д",
    "стр",
    "кв",
    "к",
    "пр",
    "просп",
    "пер",
    "наб",
    "бул",
    "пл",
    "вул",
    "буд",
    "г",
    "обл",
    "р",
    "м",
];

/// `end` carried over the tail of an address that ends there (see `tail`).
pub fn tail_of(text: &str, end: usize) -> usize {
    let lower = !text[..end]
        .rsplit(['.', ',', '\n'])
        .next()
        .unwrap_or("")
        .chars()
        .any(char::is_uppercase);
    tail(text, end, lower)
}

/// The length of ` 9500` after an address that ends in a town's name (`..., Roxburgh
/// 9500`), or 0: a four-digit postcode, not a count of something (`Roxburgh 9500 kg`).
pub fn town_postcode_after(text: &str, end: usize) -> usize {
    let town = text[..end]
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let Some(rest) = text[end..].strip_prefix(' ') else {
        return 0;
    };
    let prose = || {
        rest.get(4..).is_some_and(|after| {
            after
                .trim_start_matches(' ')
                .starts_with(char::is_lowercase)
        })
    };
    if town.starts_with(char::is_uppercase) && postcode(rest) == Some(4) && !prose() {
        5
    } else {
        0
    }
}

/// Whether `text[..end]` ends with a street's type (`Road`, `st`, `RD`).
fn ends_with_street(text: &str, end: usize) -> bool {
    let word = text[..end]
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    STREET_TYPES.contains(&word.to_lowercase().as_str())
}

/// Whether `text[..end]` ends with a highway's or a rural delivery's number (`State
/// Highway 1`, `RD 2`).
fn ends_with_numbered_route(text: &str, end: usize) -> bool {
    let mut words = text[..end].rsplit(' ');
    let number = words.next().unwrap_or("");
    // `R.D.2`, `RD2`: the rural delivery and its number as one word.
    let glued = ["R.D.", "RD"].iter().find_map(|rd| {
        number
            .get(..rd.len())
            .filter(|head| head.eq_ignore_ascii_case(rd))
            .map(|_| &number[rd.len()..])
    });
    if let Some(digits) = glued.filter(|d| (1..=2).contains(&d.len())) {
        return digits.bytes().all(|b| b.is_ascii_digit());
    }
    let route = words.next().unwrap_or("");
    (1..=3).contains(&number.len())
        && number.bytes().all(|b| b.is_ascii_digit())
        && ["highway", "hwy", "rd"]
            .iter()
            .any(|r| route.eq_ignore_ascii_case(r))
}

/// The length of ` 2` (a space, then one to `most` digits as a word of their own) at
/// the start of `rest`.
fn number_after(rest: &str, most: usize) -> Option<usize> {
    let rest = rest.strip_prefix(' ')?;
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let whole = !rest[digits..].starts_with(|c: char| c.is_alphanumeric());
    ((1..=most).contains(&digits) && whole).then_some(1 + digits)
}

/// The length of ` 2` after an address ending in `Highway` or `Hwy` at `end`.
fn highway_number(text: &str, end: usize) -> Option<usize> {
    let word = text[..end].rsplit(' ').next().unwrap_or("");
    let highway = word.eq_ignore_ascii_case("highway") || word.eq_ignore_ascii_case("hwy");
    highway.then(|| number_after(&text[end..], 3)).flatten()
}

/// Carries an address ending at `end` over its tail: comma-separated places (capitalised
/// words, perhaps with a postcode), postcodes, `RD n`, a direction after the street,
/// `in` and a town (`on Tui Street in Taihape`), and right after a street with no comma,
/// one town (`22 Awahuri Road Feilding the manager`, `7 RANFURLY RD MANUREWA WITH`).
fn tail(text: &str, mut end: usize, lower: bool) -> usize {
    let native = text[..end].chars().rev().take(24).any(uncased);
    // Whether the address now ends in a rural delivery number, after which its town may
    // follow with no comma (`rd 1 pokeno 2471`).
    let mut rural = false;
    for _ in 0..6 {
        if let Some(n) = glued_unit_mark(text, end) {
            end += n;
            continue;
        }
        if let Some(n) = town_after(text, end, lower) {
            end += n;
            continue;
        }
        let mut rest = &text[end..];
        // Rural delivery's number: after `rd` the rule read as the street's type
        // (`mangatawhiri road rd 1`), or, where the whole address is in lower case, `rd`
        // and its number after the address (`1622 state highway 6 rd 2 cromwell`).
        let rd_read = end >= 3 && text.as_bytes()[end - 3..end].eq_ignore_ascii_case(b" rd");
        let rd_next = lower && rest.len() > 3 && rest.as_bytes()[..4].eq_ignore_ascii_case(b" rd ");
        let rd_number = if rd_read {
            number_after(rest, 2)
        } else if rd_next {
            number_after(&rest[3..], 2).map(|n| 3 + n)
        } else {
            None
        };
        if let Some(n) = rd_number {
            end += n;
            rural = true;
            continue;
        }
        // `2219 State Highway 2, Te Puna`: a highway's number follows its type, and the
        // tail goes on after it.
        if let Some(n) = highway_number(text, end) {
            end += n;
            continue;
        }
        // `Sitamarhi, Bihar - 843302`: a postcode after a dash, as Indian addresses end.
        if let Some(after) = rest
            .strip_prefix(" - ")
            .or_else(|| rest.strip_prefix(" – "))
        {
            let state = BRAZILIAN_STATES
                .iter()
                .find(|st| after.starts_with(**st))
                .and_then(|st| boundary(after, st.len()));
            if let Some(n) = postcode(after).or(state) {
                end += rest.len() - after.len() + n;
                continue;
            }
        }
        // `天河路385号，邮编510620`, `, PIN 110006`: a postcode after its label.
        if let Some(n) = labelled_postcode(rest) {
            end += n;
            continue;
        }
        // `45 Kalayaan Ave., Brgy. Pinyahan`: the street type's dot, then the comma.
        if rest.starts_with(".,") && text[..end].ends_with(|c: char| c.is_alphabetic()) {
            end += 1;
            rest = &text[end..];
        }
        // An address written over lines, as on an envelope or a form: a line that is
        // only its rural delivery, town or postcode (`1562 Tram Road⏎RD 1⏎Kaiapoi 7691`).
        if let Some(line) = rest
            .strip_prefix('\n')
            .or_else(|| rest.strip_prefix("\r\n"))
        {
            let own = line.find(['\r', '\n']).unwrap_or(line.len());
            let whole = line[..own].trim_end();
            // A line of capitalised words alone may be a name: the town's line must
            // end in its postcode.
            let taken = rural_delivery(whole)
                .or_else(|| postcode(whole))
                .or_else(|| town_and_postcode(whole, native));
            if !whole.is_empty() && taken == Some(whole.len()) {
                end += rest.len() - line.len() + whole.len();
                continue;
            }
            // A suburb's line, then the town's with its postcode (`45 Cavendish
            // Drive⏎Manukau⏎Auckland 2104`): the postcode closes both.
            if let Some(n) = suburb_then_postcode_line(line, own, native) {
                end += rest.len() - line.len() + n;
                continue;
            }
            break;
        }
        // Arabic-script addresses part with `،`.
        let after_comma = rest.strip_prefix(',').or_else(|| rest.strip_prefix('،'));
        let comma = after_comma.is_some();
        let body = after_comma.unwrap_or(rest);
        let spaces = body.len() - body.trim_start_matches([' ', '\u{a0}']).len();
        if spaces > 2 || (spaces == 0 && !comma) {
            break;
        }
        let chunk = &body[spaces..];
        let taken = postcode(chunk)
            .or_else(|| comma.then(|| unit_and_name(chunk, native)).flatten())
            .or_else(|| rural_delivery(chunk))
            .or_else(|| numbered_part(chunk))
            .or_else(|| comma.then(|| unit_part(chunk)).flatten())
            .or_else(|| floor_and_unit(chunk))
            .or_else(|| places(chunk, comma, native))
            // Lower-case places that end in a postcode, anywhere in a lower-case address
            // (`newtown wellington 6021`, `north ipswich qld 4305`): the postcode says the
            // words before it are the town's.
            .or_else(|| lower.then(|| lower_town_and_postcode(chunk)).flatten())
            // Without a comma, only right after the street (`8 moana avenue mangere east`,
            // `5/9 Essex rd mt eden`: a street type in lower case is followed by its suburb
            // in lower case).
            .or_else(|| {
                let type_word = text[..end].rsplit(|c: char| !c.is_alphabetic()).next();
                let lower_type = ends_with_street(text, end)
                    && type_word.is_some_and(|w| w.chars().all(char::is_lowercase));
                ((lower || lower_type) && (comma || rural || ends_with_street(text, end)))
                    .then(|| lower_places(chunk))
                    .flatten()
            });
        match taken {
            Some(n) => {
                end += rest.len() - body.len() + spaces + n;
                rural = false;
            }
            None => break,
        }
    }
    end
}

/// Korean and Chinese marks written against a number for the floor, unit or room
/// (`Stafford Street 2층`, `2번 유닛`, `88號`), longest first.
const GLUED_UNIT_MARKS: &[&str] = &["번지", "번", "층", "호", "号", "號", "楼", "樓", "室"];

/// The length of a floor's or unit's mark glued to the number an address ends with (and
/// ` 유닛`, "unit", after it), or `None`.
fn glued_unit_mark(text: &str, end: usize) -> Option<usize> {
    if !text[..end].ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let rest = &text[end..];
    let mark = GLUED_UNIT_MARKS.iter().find(|m| rest.starts_with(**m))?;
    let unit = [" 유닛", "유닛"]
        .iter()
        .find(|u| rest[mark.len()..].starts_with(**u))
        .map_or(0, |u| u.len());
    Some(mark.len() + unit)
}

/// The town after an address ending at `end` with no comma: ` in Taihape`, ` in
/// ōpōtiki` (lower case when the address is), or right after a street a capitalised
/// word that no capitalised word follows (a town, not the start of a name or a clause:
/// `Road Feilding the`), or in text in capitals a word that is no function word.
fn town_after(text: &str, end: usize, lower: bool) -> Option<usize> {
    let rest = &text[end..];
    if let Some(town) = rest.strip_prefix(" in ") {
        let n =
            places(town, true, false).or_else(|| lower.then(|| lower_places(town)).flatten())?;
        // Two words at most: `in Te Puke`, not a sentence of capitals.
        if town[..n].split(' ').count() > 2 {
            return None;
        }
        return Some(4 + n);
    }
    let word_after = rest.strip_prefix(' ')?;
    // `PO Box 4412 Hamilton East 3247`: after a number, a town with its postcode.
    if text[..end].ends_with(|c: char| c.is_ascii_digit()) {
        if let Some(n) = town_and_postcode(word_after, false) {
            return Some(1 + n);
        }
        // `2210 State Highway 1 Seddon`, `455 LUND ROAD RD 2 KATIKATI`: after the number
        // of a highway or a rural delivery, its town, as after a street's type.
        if !ends_with_numbered_route(text, end) {
            return None;
        }
    } else if !ends_with_street(text, end) {
        return None;
    }
    let len = word_after
        .find(|c: char| !(c.is_alphabetic() || c == '-'))
        .unwrap_or(word_after.len());
    let word = &word_after[..len];
    let mut chars = word.chars();
    // `Te Puke`, `Mt Albert`: a short first word of a town of two.
    let opener = ["Te", "Mt", "St", "Pt"].contains(&word)
        && word_after[len..]
            .strip_prefix(' ')
            .is_some_and(|next| next.starts_with(char::is_uppercase));
    if (len < 3 && !opener)
        || !chars.next().is_some_and(char::is_uppercase)
        || NOT_PLACES.contains(&word)
    {
        return None;
    }
    let shouted = word.chars().all(|c| !c.is_lowercase());
    let street_shouted = !text[..end].chars().rev().take(4).any(char::is_lowercase);
    if shouted != street_shouted || (shouted && !lower_case_address_word(word)) {
        return None;
    }
    // In capitals every word is capitalised: the function-word list decides there.
    if shouted {
        return boundary(word_after, len).map(|n| 1 + n);
    }
    // A suburb and its town (`Frankton Hamilton it's`): two capitalised words, then no
    // third but at the end of a line.
    let mut taken = len;
    for _ in 0..3 {
        let rest = &word_after[taken..];
        let Some(next) = rest.strip_prefix(' ') else {
            break;
        };
        if !next.starts_with(char::is_uppercase) {
            break;
        }
        let next_len = next
            .find(|c: char| !(c.is_alphabetic() || c == '-'))
            .unwrap_or(next.len());
        let next_word = &next[..next_len];
        // A third capitalised word is a sentence or a name, not a town, unless the line
        // ends with it (`9 Rata St Flat Bush Auckland⏎`).
        let line_ends = next[next_len..].is_empty() || next[next_len..].starts_with(['\n', '\r']);
        if taken > len && !line_ends || NOT_PLACES.contains(&next_word) || next_len < 3 && !opener {
            return None;
        }
        taken += 1 + next_len;
    }
    boundary(word_after, taken).map(|n| 1 + n)
}

/// A unit word and the capitalised name after it (`phường Hưng Bình`, `tp. Vinh`).
fn unit_and_name(s: &str, native: bool) -> Option<usize> {
    // Only the start can hold a unit and its space (each character lower-cases to a byte
    // or more): `s` runs to the end of the text, and lower-casing all of it, per comma of
    // an address's tail, was a fiftieth of all time on the generated corpus.
    let lower: String = s
        .chars()
        .take(LONGEST_UNIT + 1)
        .flat_map(char::to_lowercase)
        .collect();
    let unit = UNIT_BEFORE_NAME
        .iter()
        .find(|u| lower.starts_with(*u) && lower[u.len()..].starts_with(' '))?;
    // (Lower-casing keeps these words' lengths: all their letters are one-to-one.)
    let name = &s[unit.len() + 1..];
    places(name, true, native).map(|n| unit.len() + 1 + n)
}

/// A town ending in its postcode at the start of `s` (`Hamilton East 3247`,
/// `Kaiapoi 7691`): a place's words, then a postcode as the last word. Without the
/// postcode, capitalised words alone may be a name.
fn town_and_postcode(s: &str, native: bool) -> Option<usize> {
    let n = places(s, true, native)?;
    let n = n + s[n..]
        .strip_prefix(' ')
        .and_then(postcode)
        .map_or(0, |c| c + 1);
    let (_, code) = s[..n].rsplit_once(' ')?;
    (postcode(code) == Some(code.len())).then_some(n)
}

/// Labels of a postcode, compared without ASCII case: English, Indian, Brazilian and
/// Mexican, Chinese, Japanese, Korean, Thai, Vietnamese, Indonesian, Russian.
const POSTCODE_LABELS: &[&str] = &[
    "postcode",
    "post code",
    "postal code",
    "zip code",
    "zip",
    "pin code",
    "pincode",
    "pin",
    "cep",
    "c.p.",
    "邮编",
    "郵編",
    "郵便番号",
    "〒",
    "우편번호",
    "รหัสไปรษณีย์",
    "mã bưu chính",
    "kode pos",
    "индекс",
];

/// The length of a postcode after its label at the start of `rest`, after a comma or a
/// space (`，邮编510620`, `, PIN: 110006`).
fn labelled_postcode(rest: &str) -> Option<usize> {
    let body = [", ", ",", "，", " "]
        .iter()
        .find_map(|sep| rest.strip_prefix(sep))?;
    let label = POSTCODE_LABELS.iter().find(|label| {
        body.get(..label.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(label))
    })?;
    let after = &body[label.len()..];
    let gap = after.len() - after.trim_start_matches([':', '：', ' ', '-']).len();
    if gap > 3 {
        return None;
    }
    let code = postcode(&after[gap..])?;
    Some(rest.len() - after.len() + gap + code)
}

/// A postcode at the start of `s`: 4 to 6 digits (a US ZIP+4 too), or a UK postcode.
fn postcode(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if (4..=6).contains(&digits) {
        let mut n = digits;
        // ZIP+4 (`96950-0123`), a Brazilian CEP (`01304-001`).
        let more = b[(n + 1).min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if b.get(n) == Some(&b'-') && (3..=4).contains(&more) {
            n += 1 + more;
        }
        // A Korean or Japanese ending may follow with no space (`Te Puke 3119예요`).
        let glued = s[n..]
            .chars()
            .next()
            .is_some_and(|c| matches!(Script::of(c), Script::Han | Script::Hangul | Script::Thai));
        return if glued { Some(n) } else { boundary(s, n) };
    }
    // UK: A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA.
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    if (1..=2).contains(&letters) {
        let mut n = letters;
        let d = b[n..].iter().take_while(|c| c.is_ascii_digit()).count();
        if (1..=2).contains(&d) {
            n += d;
            if b.get(n).is_some_and(u8::is_ascii_uppercase) && d == 1 {
                n += 1;
            }
            if b.get(n) == Some(&b' ')
                && b.get(n + 1).is_some_and(u8::is_ascii_digit)
                && b.get(n + 2).is_some_and(u8::is_ascii_uppercase)
                && b.get(n + 3).is_some_and(u8::is_ascii_uppercase)
            {
                return boundary(s, n + 4);
            }
            // Canada: A9A 9A9.
            if letters == 1
                && n == 3
                && b.get(n) == Some(&b' ')
                && b.get(n + 1).is_some_and(u8::is_ascii_digit)
                && b.get(n + 2).is_some_and(u8::is_ascii_uppercase)
                && b.get(n + 3).is_some_and(u8::is_ascii_digit)
            {
                return boundary(s, n + 4);
            }
        }
    }
    None
}

/// A numbered part of a building or an estate: `Phase 2`, `Sector 17-C`, `2nd Floor`,
/// `Purok 4`: a capitalised word and a number, or an ordinal and a capitalised word.
fn numbered_part(s: &str) -> Option<usize> {
    let mut parts = s.splitn(3, ' ');
    let (a, b) = (parts.next()?, parts.next()?);
    let b_len = b
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(b.len());
    let b = &b[..b_len];
    let number = |w: &str| w.starts_with(|c: char| c.is_ascii_digit()) && w.len() <= 6;
    let word = |w: &str| {
        (w.starts_with(char::is_uppercase) || w.starts_with(uncased)) && !NOT_PLACES.contains(&w)
    };
    let ordinal = |w: &str| {
        number(w) && ["st", "nd", "rd", "th"].iter().any(|o| w.ends_with(o)) && w.len() <= 4
    };
    let fits = (word(a) && number(b) && !b.ends_with("am") && !b.ends_with("pm"))
        || (ordinal(a) && (word(b) || b.eq_ignore_ascii_case("floor")));
    if !fits {
        return None;
    }
    boundary(s, a.len() + 1 + b.len())
}

/// A room or flat after the street (`, room 3`, `, unit 2 upstairs`), in any case.
fn unit_part(s: &str) -> Option<usize> {
    let mut parts = s.splitn(3, ' ');
    let (unit, number) = (parts.next()?, parts.next()?);
    let number = &number[..number
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(number.len())];
    let numbered = !number.is_empty()
        && number.len() <= 5
        && (number.starts_with(|c: char| c.is_ascii_digit())
            || (number.len() == 1 && number.starts_with(|c: char| c.is_ascii_uppercase())));
    if !UNITS.contains(&unit.to_lowercase().as_str()) || !numbered {
        return None;
    }
    let n = unit.len() + 1 + number.len();
    let floor = [" upstairs", " downstairs", " out the back", " at the back"]
        .iter()
        .find(|f| s[n..].starts_with(*f))
        .map_or(0, |f| f.len());
    boundary(s, n + floor)
}

/// A floor and unit as Singapore and Malaysia write them: `#03-118`.
fn floor_and_unit(s: &str) -> Option<usize> {
    let rest = s.strip_prefix('#')?;
    let floor = rest.bytes().take_while(u8::is_ascii_digit).count();
    let unit = rest[floor..].strip_prefix('-')?;
    let digits = unit.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&floor) || !(1..=5).contains(&digits) {
        return None;
    }
    boundary(s, 1 + floor + 1 + digits)
}

/// `RD 4`, `RD4`.
fn rural_delivery(s: &str) -> Option<usize> {
    // Also with stops, as some write it (`R.D.2`).
    let rest = ["RD", "R.D.", "R.D"]
        .iter()
        .find_map(|rd| s.strip_prefix(rd))?;
    let spaces = usize::from(rest.starts_with(' '));
    let d = rest[spaces..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    if (1..=2).contains(&d) {
        return boundary(s, s.len() - rest.len() + spaces + d);
    }
    None
}

/// Whether `c` is a letter of a script without capitals and with spaces between words
/// (Devanagari, Bengali, Khmer ...), where a place's name cannot be told by its shape.
fn uncased(c: char) -> bool {
    Script::of(c) == Script::Other && is_word_char(c)
}

/// One to four capitalised words (a suburb, town, region, state or country), perhaps
/// followed by a postcode. Without a comma before it, only a direction word. After a
/// comma, in an address written in a script without capitals (`native`), up to three
/// words of it (`, चांदनी चौक, दिल्ली 110006`): a part between commas that short is a
/// place, not a clause. (After a street in Latin letters, such words are the writer's
/// own sentence going on.)
fn places(s: &str, comma: bool, native: bool) -> Option<usize> {
    let mut n = 0;
    let mut words = 0;
    let most = if s.starts_with(uncased) { 3 } else { 4 };
    while words < most {
        let w = &s[n..];
        let first = w.chars().next()?;
        if !(first.is_uppercase() || (comma && native && uncased(first))) {
            break;
        }
        let len = w
            .char_indices()
            .find(|&(_, c)| !(is_word_char(c) || matches!(c, '\'' | '’' | '-')))
            .map_or(w.len(), |(i, _)| i);
        // An apostrophe inside a place's name (`Hawke's`), not the quote that closes it.
        let word = w[..len].trim_end_matches(['\'', '’', '-']);
        let len = word.len();
        if NOT_PLACES.contains(&word) || (!comma && !DIRECTIONS.contains(&word)) {
            break;
        }
        let mut len = len;
        if w[len..].starts_with(". ") && ABBREVIATIONS.contains(&word) {
            len += 1;
        }
        // Initials in a street's name (`M.G. Road`).
        if word.len() == 1 && w[1..].starts_with('.') {
            len = w
                .bytes()
                .take_while(|b| b.is_ascii_uppercase() || *b == b'.')
                .count();
        }
        n += len;
        words += 1;
        if !comma {
            break;
        }
        // `Duque de Caxias`, `Jardim das Flores`: a particle inside a place's name.
        let particle = s[n..].strip_prefix(' ').and_then(|next| {
            PLACE_PARTICLES.iter().find_map(|p| {
                let after = next.strip_prefix(p)?.strip_prefix(' ')?;
                after.starts_with(char::is_uppercase).then_some(p.len() + 1)
            })
        });
        match s[n..].strip_prefix(' ') {
            // A postcode of letters and digits closes the place (`Toronto, Ontario M5H 2N2`).
            Some(next) if next.starts_with(char::is_uppercase) && postcode(next).is_some() => {
                n += 1 + postcode(next).unwrap_or(0);
                break;
            }
            Some(next) if next.starts_with(char::is_uppercase) => n += 1,
            Some(_) if particle.is_some() => n += 1 + particle.unwrap_or(0),
            Some(next) if next.starts_with(uncased) && s.starts_with(uncased) => n += 1,
            Some(next) if next.starts_with(|c: char| c.is_ascii_digit()) => {
                let digits = next.bytes().take_while(u8::is_ascii_digit).count();
                if let Some(p) = postcode(next) {
                    n += 1 + p;
                } else if s.starts_with(uncased) && digits <= 3 && boundary(next, digits).is_some()
                {
                    // A numbered part in a script without capitals: `گلی نمبر 5` (lane 5).
                    n += 1 + digits;
                }
                break;
            }
            _ => break,
        }
    }
    if words == 0 {
        return None;
    }
    boundary(s, n)
}

/// Lower-case words inside a place's name in Spanish, Portuguese and Dutch (`Duque de
/// Caxias`, `Rua das Acácias`).
const PLACE_PARTICLES: &[&str] = &[
    "de", "da", "do", "das", "dos", "del", "de la", "de las", "de los", "van", "la",
];

/// The states of Brazil as its addresses end (`São Paulo - SP, 01304-001`).
const BRAZILIAN_STATES: &[&str] = &[
    "AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA", "PB", "PR",
    "PE", "PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO",
];

/// After a street written without capitals (`eight moana avenue mangere east`): up to
/// two lower-case words of its suburb or town, no function word among them.
fn lower_places(s: &str) -> Option<usize> {
    let mut n = 0;
    let mut first = "";
    for k in 0..2 {
        let w = &s[n..];
        let len = w
            .char_indices()
            .find(|&(_, c)| !c.is_alphabetic())
            .map_or(w.len(), |(i, _)| i);
        let word = &w[..len];
        if len == 0 || !word.chars().all(char::is_lowercase) || !lower_case_address_word(word) {
            break;
        }
        // A second word only where a place's name has two (`mangere east`, `te kuiti`):
        // otherwise it is the sentence going on (`feilding runs a crew`).
        if k == 1
            && !DIRECTIONS.iter().any(|d| d.eq_ignore_ascii_case(word))
            && !TWO_WORD_PLACE_OPENERS.contains(&first)
        {
            break;
        }
        first = word;
        n += len;
        if s[n..].starts_with(' ') && s[n + 1..].starts_with(char::is_lowercase) {
            n += 1;
        } else {
            break;
        }
    }
    let n = s[..n].trim_end().len();
    (n > 0).then_some(n)
}

/// Up to three lower-case words of a place (no function word among them) and the
/// postcode that ends them, at the start of `s`.
fn lower_town_and_postcode(s: &str) -> Option<usize> {
    let mut n = 0;
    for _ in 0..3 {
        let w = &s[n..];
        let len = w.find(|c: char| !c.is_alphabetic()).unwrap_or(w.len());
        let word = &w[..len];
        if len == 0 || !word.chars().all(char::is_lowercase) || !lower_case_address_word(word) {
            return None;
        }
        n += len;
        let next = s[n..].strip_prefix(' ')?;
        // The postcode ends the clause: `owe 2000 dollars` is an amount.
        if let Some(code) = postcode(next).filter(|&c| {
            next[c..]
                .chars()
                .next()
                .is_none_or(|c| matches!(c, '.' | ',' | ';' | '!' | '?' | '\n' | '\r' | ')'))
        }) {
            return Some(n + 1 + code);
        }
        n += 1;
    }
    None
}

/// `n` when `s[n..]` starts at a word edge.
fn boundary(s: &str, n: usize) -> Option<usize> {
    s[n..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
        .then_some(n)
}

/// The length of a suburb's line and the line after it (`Manukau⏎Auckland 2104`) when
/// that one is a town with its postcode or a postcode alone, `line` opening with the
/// suburb's line (its own length `own`): one to three capitalised words, no digits.
fn suburb_then_postcode_line(line: &str, own: usize, native: bool) -> Option<usize> {
    let suburb = line[..own].trim_end();
    let capitalised = |w: &str| {
        w.starts_with(|c: char| c.is_uppercase())
            && w.chars().all(|c| c.is_alphabetic() || "'’-".contains(c))
    };
    if suburb.is_empty() || suburb.split(' ').count() > 3 || !suburb.split(' ').all(capitalised) {
        return None;
    }
    let after = &line[own..];
    let next = after
        .strip_prefix('\n')
        .or_else(|| after.strip_prefix("\r\n"))?;
    let next_own = next.find(['\r', '\n']).unwrap_or(next.len());
    let town = next[..next_own].trim_end();
    let taken = postcode(town).or_else(|| town_and_postcode(town, native))?;
    (!town.is_empty() && taken == town.len()).then(|| line.len() - next.len() + town.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ext(text: &str, what: &str) -> String {
        let start = text.find(what).unwrap();
        let (s, e) = extent(text, start, start + what.len(), false, &|_| false);
        text[s..e].to_owned()
    }

    #[test]
    fn towns_after_an_address_with_no_comma() {
        assert_eq!(
            ext("9 Dunlop Rd Te Puke. 14 ppl", "9 Dunlop Rd"),
            "9 Dunlop Rd Te Puke"
        );
        assert_eq!(
            ext("he live 9 Rata St Flat Bush Auckland\ndrive", "9 Rata St"),
            "9 Rata St Flat Bush Auckland"
        );
        assert_eq!(
            ext("send to PO Box 4412 Hamilton East 3247 not", "PO Box 4412"),
            "PO Box 4412 Hamilton East 3247"
        );
        assert_eq!(
            ext("i am at 5/9 Essex rd mt eden", "5/9 Essex rd"),
            "5/9 Essex rd mt eden"
        );
        // A third capitalised word inside a line is the sentence going on.
        assert_eq!(
            ext("at 9 Rata St Flat Bush Manager Bob", "9 Rata St"),
            "9 Rata St"
        );
        assert_eq!(ext("PO Box 12 Auckland is far", "PO Box 12"), "PO Box 12");
        // The quote closing an address is not its town's.
        assert_eq!(
            ext(
                "said: '12 Skeet Road, RD 5, Hāwera'. Workers",
                "12 Skeet Road"
            ),
            "12 Skeet Road, RD 5, Hāwera"
        );
        assert_eq!(
            ext("at 4 Kent St, Hawke's Bay today", "4 Kent St"),
            "4 Kent St, Hawke's Bay"
        );
        // After the number of a highway or a rural delivery, its town.
        assert_eq!(
            ext(
                "nofo 'i he 2210 State Highway 1 Seddon ko e toko",
                "2210 State Highway 1"
            ),
            "2210 State Highway 1 Seddon"
        );
        assert_eq!(
            ext("'I 455 LUND ROAD RD 2 KATIKATI. TOKO 14", "455 LUND ROAD"),
            "455 LUND ROAD RD 2 KATIKATI"
        );
    }

    #[test]
    fn lower_case_places_that_end_in_a_postcode() {
        assert_eq!(
            ext(
                "kamre mein 220 adelaide road newtown wellington 6021. number",
                "220 adelaide road"
            ),
            "220 adelaide road newtown wellington 6021"
        );
        assert_eq!(
            ext(
                "rakhe 1622 state highway 6 rd 2 cromwell 9384. 2 toilet",
                "1622 state highway"
            ),
            "1622 state highway 6 rd 2 cromwell 9384"
        );
        assert_eq!(
            ext(
                "nofo 'i 32 jacaranda street, north ipswich qld 4305. ko e",
                "32 jacaranda street"
            ),
            "32 jacaranda street, north ipswich qld 4305"
        );
        // An amount is no postcode.
        assert_eq!(
            ext(
                "at 220 adelaide road newtown pay 2000 dollars",
                "220 adelaide road"
            ),
            "220 adelaide road newtown"
        );
    }

    #[test]
    fn a_dot_after_hangul_ends_the_sentence() {
        let t = "주소는 제주시 연동 273-4, 202호. 문자 주세요 027 883 2941";
        let start = t.find("제주시").unwrap();
        let (s, e) = extent(t, start, t.len(), true, &|_| false);
        assert_eq!(&t[s..e], "제주시 연동 273-4, 202호");
    }

    #[test]
    fn a_postcode_after_its_label_ends_the_address() {
        assert_eq!(
            ext(
                "老家地址：天河路385号3栋1502室，邮编510620。身份证",
                "天河路385号3栋1502室"
            ),
            "天河路385号3栋1502室，邮编510620"
        );
        assert_eq!(
            ext("12 MG Road, Indiranagar, PIN: 560038 and", "12 MG Road"),
            "12 MG Road, Indiranagar, PIN: 560038"
        );
        // A label with no postcode after it is the sentence's.
        assert_eq!(ext("12 MG Road, pin 4 digits", "12 MG Road"), "12 MG Road");
    }

    #[test]
    fn the_town_after_a_rural_delivery_written_as_one_word() {
        assert_eq!(
            ext(
                "WE ARE 7 PERSONS IN 56 PAHOIA RD R.D.2 TAURANGA. THE HOUSE",
                "56 PAHOIA RD"
            ),
            "56 PAHOIA RD R.D.2 TAURANGA"
        );
    }

    #[test]
    fn a_canadian_postcode_ends_the_address() {
        assert_eq!(
            ext(
                "at 5 Queen Street, Toronto, Ontario M5H 2N2, phone",
                "5 Queen Street"
            ),
            "5 Queen Street, Toronto, Ontario M5H 2N2"
        );
        assert_eq!(
            ext(
                "88 Markham Road, Scarborough, ON M1J 3C4, Canada, +1",
                "88 Markham Road"
            ),
            "88 Markham Road, Scarborough, ON M1J 3C4, Canada"
        );
    }

    #[test]
    fn a_house_number_before_a_numbered_cross_street() {
        assert_eq!(
            ext(
                "Meena, 12, 3rd Cross Street, Tambaram West, Chennai 600045. ok",
                "Cross Street, Tambaram West, Chennai 600045"
            ),
            "12, 3rd Cross Street, Tambaram West, Chennai 600045"
        );
        assert_eq!(
            ext(
                "மனைவி சென்னையில் 12, 3rd Cross Street, Chennai 600045. ok",
                "Cross Street, Chennai 600045"
            ),
            "12, 3rd Cross Street, Chennai 600045"
        );
    }

    #[test]
    fn an_address_over_lines_goes_to_its_last_line() {
        let t = "New address: Sharemilker's cottage\n1562 Tram Road\nRD 1\nKaiapoi 7691\nThe owner Gary";
        assert_eq!(
            ext(t, "1562 Tram Road"),
            "1562 Tram Road\nRD 1\nKaiapoi 7691"
        );
        let t = "Flat 3, 12 Kauri St\nThe boss took our passports";
        assert_eq!(ext(t, "12 Kauri St"), "Flat 3, 12 Kauri St");
        // A line of a name alone is no town.
        assert_eq!(
            ext("we live at 12 Kauri St\nSione Tui", "12 Kauri St"),
            "12 Kauri St"
        );
        // A suburb's line is taken when the town's line with its postcode follows it.
        let t = "He lives at:\n45 Cavendish Drive\nManukau\nAuckland 2104\nHe drives";
        assert_eq!(
            ext(t, "45 Cavendish Drive"),
            "45 Cavendish Drive\nManukau\nAuckland 2104"
        );
        assert_eq!(
            ext("at 12 Kauri St\nSione Tui\nthe boss", "12 Kauri St"),
            "12 Kauri St"
        );
    }

    #[test]
    fn rural_delivery_read_as_a_street_type_keeps_its_number_and_town() {
        let t =
            "next door to the place at 2290 mangatawhiri road rd 1 pokeno 2471 there are 3 lads";
        let start = t.find("2290").unwrap();
        let end = start + "2290 mangatawhiri road rd".len();
        let (s, e) = extent(t, start, end, false, &|_| false);
        assert_eq!(&t[s..e], "2290 mangatawhiri road rd 1 pokeno 2471");
        // With stops.
        let t = "WE ARE 7 PERSONS IN 56 PAHOIA RD R.D.2 TAURANGA THE HOUSE";
        assert!(ext(t, "56 PAHOIA RD").starts_with("56 PAHOIA RD R.D.2"));
    }

    #[test]
    fn a_state_highway_keeps_its_number_and_town() {
        let t = "a bunkhouse on the orchard at 2219 State Highway 2, Te Puna, Tauranga 3176. Karan";
        assert_eq!(
            ext(t, "2219 State Highway"),
            "2219 State Highway 2, Te Puna, Tauranga 3176"
        );
        let t = "we are at 45 Hwy 35 near the school";
        assert_eq!(ext(t, "45 Hwy"), "45 Hwy 35");
    }

    #[test]
    fn a_village_after_an_address_label_needs_no_number() {
        let t = "My address: Vaitele-Uta, Upolu, Samoa, telefoni +685 77 21 984.";
        let start = t.find("Vaitele").unwrap();
        let (s, e) = extent(t, start, t.len(), true, &|_| false);
        assert_eq!(&t[s..e], "Vaitele-Uta, Upolu, Samoa");
        let t = "I live at Invercargill, Southland now";
        let start = t.find("Inver").unwrap();
        assert_eq!(extent(t, start, t.len(), true, &|_| false), (start, start));
        // Parts with their own labels, and a script without capitals.
        let t = "Our address: Mollah house, Village: Char Kukri Mukri, District: Bhola";
        let start = t.find("Mollah").unwrap();
        let (s, e) = extent(t, start, t.len(), true, &|_| false);
        assert_eq!(
            &t[s..e],
            "Mollah house, Village: Char Kukri Mukri, District: Bhola"
        );
        let t = "ঠিকানা: মোল্লা বাড়ি, গ্রাম: চর কুকরি মুকরি, জেলা: ভোলা";
        let start = t.find("মোল্লা").unwrap();
        let (s, e) = extent(t, start, t.len(), true, &|_| false);
        assert_eq!(&t[s..e], "মোল্লা বাড়ি, গ্রাম: চর কুকরি মুকরি, জেলা: ভোলা");
        // Unlabelled, the same places are no address.
        let t = "we went to Mollah house, Village: Char Kukri Mukri, District: Bhola";
        let start = t.find("Mollah").unwrap();
        assert_eq!(extent(t, start, t.len(), false, &|_| false), (start, start));
    }

    #[test]
    fn a_number_in_any_script_makes_a_labelled_value_an_address() {
        let t = "آدرس: شهر هرات، جاده ولایت، کوچه باغ‌آزادی، خانه ۱۱. لطفاً";
        let start = t.find("شهر").unwrap();
        let (s, e) = extent(t, start, t.len(), true, &|_| false);
        assert!(t[s..e].ends_with("خانه ۱۱"), "{}", &t[s..e]);
    }

    #[test]
    fn an_address_ends_where_the_writers_sentence_goes_on() {
        for (text, address) in [
            (
                "living at 27 Helvetia Road, Pukekohe 2120, the house belongs to his wife. Rent",
                "27 Helvetia Road, Pukekohe 2120",
            ),
            (
                "bahay nila 33 Clevedon Road, Papakura 2110 dito rin ako natutulog",
                "33 Clevedon Road, Papakura 2110",
            ),
            (
                "住所は2245 Hinuera Road, RD 2, Matamata 3472の敷地内のキャビンです",
                "2245 Hinuera Road, RD 2, Matamata 3472",
            ),
            (
                "at 44 Songer Street, Stoke, Nelson 7011, boss is Raj Prasad ph 027",
                "44 Songer Street, Stoke, Nelson 7011",
            ),
            (
                "주소는 52 Jellicoe Street, Te Puke 3119예요. 사장님",
                "52 Jellicoe Street, Te Puke 3119",
            ),
            (
                "at 512 paterangi road, the cottage by the calf shed (not",
                "512 paterangi road, the cottage by the calf shed",
            ),
            (
                "Carrera 43A # 18 Sur-135, apto 704, El Poblado, Medellín, mi celular es",
                "Carrera 43A # 18 Sur-135, apto 704, El Poblado, Medellín",
            ),
        ] {
            let start = text.find(address).unwrap();
            let (s, e) = extent(text, start, text.len(), false, &|_| false);
            assert_eq!(&text[s..e], address, "{text}");
        }
    }

    #[test]
    fn an_address_read_out_ends_where_the_writer_goes_on() {
        let t = "my address is 218 Kiwitahi Station Road RD 3 Morrinsville my number is 027";
        assert_eq!(
            ext(
                t,
                "218 Kiwitahi Station Road RD 3 Morrinsville my number is 027"
            ),
            "218 Kiwitahi Station Road RD 3 Morrinsville"
        );
    }

    #[test]
    fn the_tail_goes_with_the_street() {
        let t = "at 17 Cameron Road, Greerton, Tauranga 3112. The boss is here";
        assert_eq!(
            ext(t, "17 Cameron Road"),
            "17 Cameron Road, Greerton, Tauranga 3112"
        );
        let t = "send to PO Box 2219, Tauranga 3140 — thats where";
        assert_eq!(ext(t, "PO Box 2219"), "PO Box 2219, Tauranga 3140");
        let t = "at 605 Heretaunga Street West, Hastings 4122. from me";
        assert_eq!(
            ext(t, "605 Heretaunga Street"),
            "605 Heretaunga Street West, Hastings 4122"
        );
        let t = "at 112 Thornton Road, RD 4, Whakatāne 3194. My number";
        assert_eq!(
            ext(t, "112 Thornton Road"),
            "112 Thornton Road, RD 4, Whakatāne 3194"
        );
        let t =
            "Received by NRIC S5648294F 512 Serangoon North Ave 4, #03-118, Singapore 550512 Now";
        assert_eq!(
            ext(t, "512 Serangoon North Ave 4"),
            "512 Serangoon North Ave 4, #03-118, Singapore 550512"
        );
        let t = "Premises: Room 3, Bed B, 41 Coronation Road, Papatoetoe, Auckland 2025 Occupant";
        assert_eq!(
            ext(t, "41 Coronation Road"),
            "Room 3, Bed B, 41 Coronation Road, Papatoetoe, Auckland 2025"
        );
        let t = "NRIC S5648294F\nBlk 512 Serangoon North Ave 4, #03-118, Singapore 550512\n\nNow";
        assert_eq!(
            ext(t, "512 Serangoon North Ave 4"),
            "Blk 512 Serangoon North Ave 4, #03-118, Singapore 550512"
        );
        let t = "at 12 Station Road, Sitamarhi, Bihar - 843302  my number";
        assert_eq!(
            ext(t, "12 Station Road"),
            "12 Station Road, Sitamarhi, Bihar - 843302"
        );
        let t = "Studio 55, West Gateway, Lake Dawnstad, L81 1YB.";
        assert_eq!(
            ext(t, "Studio 55, West Gateway"),
            "Studio 55, West Gateway, Lake Dawnstad, L81 1YB"
        );
        let t = "Flat 3, 27 High Street, London SW1A 1AA.";
        assert_eq!(
            ext(t, "Flat 3, 27 High Street, London SW"),
            "Flat 3, 27 High Street, London SW1A 1AA"
        );
        let t = "H.No. 308, Krishnan Path. The boss";
        assert_eq!(ext(t, "H.No. 308"), "H.No. 308, Krishnan Path");
        // A floor or unit glued to the number in Korean or Chinese.
        let t = "숙소를 Timaru 123 Stafford Street 2층으로 잡아줬는데";
        assert_eq!(ext(t, "123 Stafford Street 2"), "123 Stafford Street 2층");
        let t = "숙소는 48 Clarence Street 2번 유닛, Riccarton";
        assert_eq!(
            ext(t, "48 Clarence Street 2"),
            "48 Clarence Street 2번 유닛, Riccarton"
        );
        let t = "Eto yung bahay niya: 45 Kalayaan Ave., Brgy. Pinyahan, Quezon City.";
        assert_eq!(
            ext(t, "45 Kalayaan Ave"),
            "45 Kalayaan Ave., Brgy. Pinyahan, Quezon City"
        );
        let t =
            "office is Shop No. 14, 2nd Floor, Vikas Market, Laxmi Nagar, New Delhi 110092, name";
        assert_eq!(
            ext(t, "Shop No. 14"),
            "Shop No. 14, 2nd Floor, Vikas Market, Laxmi Nagar, New Delhi 110092"
        );
        let t = "home is Blk 12 Lot 7 Phase 2, Brgy. San Isidro, Cabuyao, Laguna 4025.";
        assert_eq!(
            ext(t, "Blk 12 Lot 7"),
            "Blk 12 Lot 7 Phase 2, Brgy. San Isidro, Cabuyao, Laguna 4025"
        );
        let t = "we sleep at 1190 No 1 Road, RD 2, Te Puke 3182, it is a old packhouse";
        assert_eq!(ext(t, "RD 2"), "1190 No 1 Road, RD 2, Te Puke 3182");
        let t = "nofo ʻi ʻiuniti 4, 19 Boucher Avenue, Te Puke 3119. Fika";
        assert_eq!(
            ext(t, "19 Boucher Avenue"),
            "ʻiuniti 4, 19 Boucher Avenue, Te Puke 3119"
        );
        let t = "we are 18 people, 19 Boucher Avenue is the house";
        assert_eq!(ext(t, "19 Boucher Avenue"), "19 Boucher Avenue");
        let t = "12 Elm St, Springfield, IL 62704-1234 and more";
        assert_eq!(ext(t, "12 Elm St"), "12 Elm St, Springfield, IL 62704-1234");
    }

    #[test]
    fn a_town_without_a_comma_goes_with_the_street() {
        let t = "he stays with us at 22 Awahuri Road Feilding the manager is Robbie";
        assert_eq!(ext(t, "22 Awahuri Road"), "22 Awahuri Road Feilding");
        let t = "THEY LIVE AT 7 RANFURLY RD MANUREWA WITH NO POWER";
        assert_eq!(ext(t, "7 RANFURLY RD"), "7 RANFURLY RD MANUREWA");
        let t = "its mere from 42 rata street in ōpōtiki the house next door";
        assert_eq!(ext(t, "42 rata street"), "42 rata street in ōpōtiki");
        let t = "they meet at 9 Tui Street in Taihape, round the back";
        assert_eq!(ext(t, "9 Tui Street"), "9 Tui Street in Taihape");
        let t = "at 12 number tawa crescent in porirua have like ten men";
        assert_eq!(
            ext(t, "12 number tawa crescent"),
            "12 number tawa crescent in porirua"
        );
        let t = "at 5 Kauri St in March we moved";
        assert_eq!(ext(t, "5 Kauri St"), "5 Kauri St");
    }

    #[test]
    fn a_unit_or_number_word_before_the_number_goes_with_it() {
        let t = "we sleep in unit 2 45 Commerce Street Frankton Hamilton it's two rooms";
        assert_eq!(
            ext(t, "45 Commerce Street"),
            "unit 2 45 Commerce Street Frankton Hamilton"
        );
        let t = "the guy at no. 7 fitzroy st, feilding runs a crew";
        assert_eq!(ext(t, "7 fitzroy st"), "no. 7 fitzroy st, feilding");
        let t = "Pay at our office Level 1, Lotemau Centre, Apia now";
        assert_eq!(ext(t, "1, Lotemau Centre"), "Level 1, Lotemau Centre, Apia");
        // A third capitalised word is a sentence going on, not a town.
        let t = "at 45 Commerce Street Frankton Hamilton East Coast";
        assert_eq!(ext(t, "45 Commerce Street"), "45 Commerce Street");
    }

    #[test]
    fn a_unit_word_opens_a_part_of_the_tail() {
        let t = "nhà ông ấy ở Số 88 đường Lê Lợi, phường Hưng Bình, TP. Vinh, Nghệ An. Ông";
        assert_eq!(
            ext(t, "Số 88 đường Lê Lợi"),
            "Số 88 đường Lê Lợi, phường Hưng Bình, TP. Vinh, Nghệ An"
        );
    }

    #[test]
    fn a_numbered_part_in_a_script_without_capitals() {
        let t = "پاکستان میں میرا گھر: مکان نمبر 27، گلی نمبر 5، محلہ اسلام پورہ، سیالکوٹ۔";
        assert_eq!(
            ext(t, "مکان نمبر 27"),
            "مکان نمبر 27، گلی نمبر 5، محلہ اسلام پورہ، سیالکوٹ"
        );
    }

    #[test]
    fn places_in_a_script_without_capitals_follow_an_address_in_it() {
        let t = "उसका ऑफिस मकान नं. 47, मोहल्ला कटरा नील, चांदनी चौक, दिल्ली 110006 में है";
        assert_eq!(
            ext(t, "मकान नं. 47"),
            "मकान नं. 47, मोहल्ला कटरा नील, चांदनी चौक, दिल्ली 110006"
        );
        // After a street in Latin letters, the writer's sentence goes on.
        let t = "Flat 2, 15 Kingsway Avenue, Papakura 2110, அதுவும் அவருடைய வீடுதான். என்";
        assert_eq!(
            ext(t, "15 Kingsway Avenue"),
            "Flat 2, 15 Kingsway Avenue, Papakura 2110"
        );
    }

    #[test]
    fn the_tail_stops_at_a_new_clause() {
        let t = "lives at 5 Kauri St, The boss said so";
        assert_eq!(ext(t, "5 Kauri St"), "5 Kauri St");
        let t = "lives at 5 Kauri St, and works";
        assert_eq!(ext(t, "5 Kauri St"), "5 Kauri St");
        let t = "at 5 Kauri St Monday";
        assert_eq!(ext(t, "5 Kauri St"), "5 Kauri St");
    }

    #[test]
    fn a_label_reads_to_the_end_of_its_clause() {
        let t = "home address Blk 7 Lot 22, Brgy. San Isidro, Cainta, Rizal 1900. Employer";
        assert_eq!(
            ext(
                t,
                "Blk 7 Lot 22, Brgy. San Isidro, Cainta, Rizal 1900. Employer"
            ),
            "Blk 7 Lot 22, Brgy. San Isidro, Cainta, Rizal 1900"
        );
        let t = "lives at 9 Rata Rd, Hamilton and drives a ute";
        assert_eq!(
            ext(t, "9 Rata Rd, Hamilton and drives a ute"),
            "9 Rata Rd, Hamilton"
        );
        let t = "lives at the farm near Motueka";
        assert_eq!(ext(t, "the farm near Motueka"), "");
        // A short capitalised place name before a full stop ends the sentence; a known
        // abbreviation does not.
        let t = "Địa chỉ: Số 47 ngõ 12, xã Quỳnh Hưng, Nghệ An. Chủ lao động bảo";
        assert_eq!(
            ext(t, "Số 47 ngõ 12, xã Quỳnh Hưng, Nghệ An. Chủ lao động bảo"),
            "Số 47 ngõ 12, xã Quỳnh Hưng, Nghệ An"
        );
        let t = "alamat Jl. Melati 5, Kel. Menteng, Kec. Menteng, Jakarta. Bos";
        assert_eq!(
            ext(t, "Jl. Melati 5, Kel. Menteng, Kec. Menteng, Jakarta. Bos"),
            "Jl. Melati 5, Kel. Menteng, Kec. Menteng, Jakarta"
        );
    }

    #[test]
    fn a_street_without_capitals_takes_its_suburb_without_capitals() {
        let t = "we stay at 8 moana avenue mangere east and the boss comes";
        assert_eq!(ext(t, "8 moana avenue"), "8 moana avenue mangere east");
        assert!(street_words("14 kauri st"));
        assert!(!street_words("5 men on the road"));
    }
}
