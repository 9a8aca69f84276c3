//! What is written before a numbered address and belongs to it, read back from the
//! number: the room, flat or floor (`Block C room 14 `, `rooms 11 and 12, `, `1st
//! floor, `, `phòng 3, nhà số `, `no. `, `Level `), the numbered street a rural delivery
//! or a place after it belongs to (`1190 No 1 Road, `), the building or lodge (`Vintage
//! Lodge, `) and the
//! suburb or town when the writer names it first (`we live in Papakura, 61 Settlement
//! Road`, `住在North East Valley, 42 Norwood Street`, `店在 Auckland, Northcote, 3 Pearn
//! Place`). Each finds the same household the street does.
//!
//! A place before the address is taken only where the text puts the address there: a
//! word for being somewhere right before it (`in`, `at`, `live`, `у`), text in a script
//! without capitals, a label's colon or a line's start. `I met Rangi, 61 Settlement Road
//! is ...` keeps `Rangi` for the name rules.

use super::address::{lower_case_address_word, NOT_PLACES, STREET_TYPES, UNITS};
use super::described_place;
use crate::redaction::names::script::{is_word_char, Script};
use crate::redaction::text::floor_boundary;
use std::sync::LazyLock;

/// Words that end the name of a building people live or stay in: `Vintage Lodge`, `Kiwi
/// Gold Motor Lodge`, `Siddiq Trade Centre`.
const BUILDINGS: &[&str] = &[
    "lodge",
    "motel",
    "motor inn",
    "inn",
    "hostel",
    "backpackers",
    "hotel",
    "apartments",
    "flats",
    "court",
    "centre",
    "center",
    "tower",
    "towers",
    "building",
    "bldg",
    "bldg.",
    "plaza",
    "house",
    "camp",
    "village",
    "quarters",
    "hall",
    "mansions",
    "residences",
    "residence",
    "holiday park",
    "motor camp",
    // A named farm, orchard or vineyard where workers live (`Ngāwaro Farm, 2560 Tapapa
    // Road`).
    "farm",
    "orchard",
    "orchards",
    "vineyard",
    "vineyards",
    "station",
    "estate",
    "winery",
    // Workplaces where workers are found and sometimes housed (`Kowhai Lodge Rest Home, 14
    // Pah Road`, `Tauranga Bridge Marina, pier C`).
    "rest home",
    "marina",
];

/// Words for being somewhere, right before a place that opens an address.
/// (Not `at`: `at Golden Lotus Wellness, 1/88 Victoria Street` names a business.)
pub(super) const LOCATIVES: &[&str] = &[
    "in",
    "near",
    "live",
    "lives",
    "living",
    "stay",
    "stays",
    "staying",
    "address",
    "ở",
    "tại",
    "у",
    "в",
    "живу",
    "живём",
    "живем",
    "живёт",
    "живет",
    "di",
    "sa",
    "en",
    "em",
    "na",
    "kei",
];

/// Labels whose colon puts an address on the line after them.
const ADDRESS_LABELS: &[&str] = &[
    "address",
    "addr",
    "home",
    "premises",
    "location",
    "địa chỉ",
    "住所",
    "地址",
    "주소",
    "dirección",
    "direccion",
    "endereço",
    "alamat",
    "tirahan",
];

/// Marks that end a segment of text read back from an address.
const SEGMENT_ENDS: &[char] = &[
    ',', '،', '.', ':', '\n', '(', '"', ';', '!', '?', '。', '、', '，', '：', '「', '」',
];

/// Where an address starting at `start` begins once what belongs to it before is taken.
pub fn start(text: &str, start: usize, is_place: &dyn Fn(&str) -> bool) -> usize {
    let mut start = number_sign_before(text, neighbours_before(text, start));
    // A place may be taken only if the text before it puts an address there; until
    // then it is pending, and the start goes back to the last part that needed nothing.
    let mut settled = start;
    for _ in 0..5 {
        let Some(part) = part_before(text, start, is_place) else {
            break;
        };
        start = part.from;
        match part.kind {
            Part::Unit | Part::Building => {
                if settled != part.to {
                    // A unit or building after a pending place: nothing settles it.
                    break;
                }
                settled = start;
                if let (Part::Building, Some(unit)) = (&part.kind, unit_in_building(text, start)) {
                    start = unit;
                    settled = unit;
                }
            }
            Part::Place { placed: true } => settled = start,
            Part::Place { placed: false } => {}
        }
    }
    care_of_before(text, settled)
}

/// The room, bed or site in the building named right after it (`room 3 at the Sea Breeze
/// Backpackers, `, `bed 12 in Kiwi Lodge, `): where its unit starts.
fn unit_in_building(text: &str, building: usize) -> Option<usize> {
    const JOINS: &[&str] = &[" at the ", " in the ", " of the ", " at ", " in "];
    let before = &text[..building];
    let head = JOINS.iter().find_map(|join| {
        let at = before.len().checked_sub(join.len())?;
        (before.is_char_boundary(at) && before[at..].eq_ignore_ascii_case(join))
            .then(|| &before[..at])
    })?;
    let from = head.rfind(SEGMENT_ENDS).map_or(0, |i| {
        i + head[i..].chars().next().map_or(1, char::len_utf8)
    });
    let words = words(&head[from..], from);
    let k = unit_chain(&words)?;
    Some(words[k].0)
}

/// Where an address starts once `c/o` and whom it is in care of are taken (`c/o Nathan
/// Brothers Vineyards, PO Box 902`, `C/- 17 Nelson St`): mail to that person reaches the
/// writer.
fn care_of_before(text: &str, start: usize) -> usize {
    static CARE_OF: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r#"(?i)(?:^|[\s(\[:'"‘“])(c/[o-]\.?)\s*(?:[^,\n]{1,50},\s*)?$"#)
            .expect("the care-of pattern compiles")
    });
    let from = floor_boundary(text, start.saturating_sub(64));
    CARE_OF
        .captures(&text[from..start])
        .and_then(|c| c.get(1))
        .map_or(start, |m| from + m.start())
}

/// Where an address starts once the house numbers given with its own are taken (`1107
/// and 1109 Omahu Road`, `12 & 14 Kauri Street`, `12 or 14`), or the number it corrects
/// (`14 no sorry 41 Hinau St`, `twenty six, I mean twenty eight ...`): each points at a
/// house as well, often the next door.
fn neighbours_before(text: &str, start: usize) -> usize {
    if !text[start..].starts_with(|c: char| c.is_ascii_digit()) {
        return start;
    }
    let mut start = start;
    for _ in 0..MAX_NEIGHBOURS {
        let before = &text.as_bytes()[..start];
        let Some(rest) = NEIGHBOUR_JOINTS.iter().find_map(|joint| {
            let cut = before.len().checked_sub(joint.len())?;
            // An ASCII joint matched byte for byte ends on a character boundary.
            before[cut..]
                .eq_ignore_ascii_case(joint.as_bytes())
                .then(|| &text[..cut])
        }) else {
            break;
        };
        let rest = rest.strip_suffix(',').unwrap_or(rest);
        let number = rest.trim_end_matches(|c: char| c.is_ascii_alphanumeric());
        let word = &rest[number.len()..];
        let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let house_number = (1..=5).contains(&digits.len())
            && word.len() - digits.len() <= 1
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (number.is_empty() || number.ends_with(char::is_whitespace));
        if !house_number {
            break;
        }
        start = number.len();
    }
    start
}

/// Most house numbers given before an address's own.
const MAX_NEIGHBOURS: usize = 3;

/// What joins a house number to the address's own: another house, or a slip corrected.
const NEIGHBOUR_JOINTS: &[&str] = &[
    " and ",
    " & ",
    " or ",
    " no sorry ",
    " sorry ",
    " no, ",
    " no ",
    " i mean ",
    " no wait ",
    " not ",
];

/// Where an address starts once a number sign glued to its number is taken (`#45 Rizal
/// St.`, `№7`, `No.11`; after text in a script without spaces, `住的是No.11`).
fn number_sign_before(text: &str, start: usize) -> usize {
    let before = &text[..start];
    let sign = ['#', '№']
        .iter()
        .find_map(|&sign| before.strip_suffix(sign))
        .filter(|b| b.is_empty() || b.ends_with(char::is_whitespace));
    let no = before
        .len()
        .checked_sub(3)
        .filter(|&at| before.is_char_boundary(at) && before[at..].eq_ignore_ascii_case("no."))
        .map(|at| &before[..at])
        .filter(|b| !b.ends_with(|c: char| c.is_alphanumeric() && c.is_ascii()));
    sign.or(no).map_or(start, str::len)
}

enum Part {
    Unit,
    Building,
    /// `placed`: the text before it puts an address there.
    Place {
        placed: bool,
    },
}

struct Found {
    from: usize,
    /// Where the part's address went on (its comma or space included).
    to: usize,
    kind: Part,
}

/// The part right before `start`: after a comma, or (a unit only) a space.
fn part_before(text: &str, start: usize, is_place: &dyn Fn(&str) -> bool) -> Option<Found> {
    let before = &text[..start];
    // `Unit 3 (caravan), 77 Valley Road`: a word in brackets after a unit says what it is.
    let (before, comma) = match aside_after_unit(before)
        .or_else(|| before.strip_suffix(", "))
        .or_else(|| before.strip_suffix("، "))
        .or_else(|| before.strip_suffix('،'))
    {
        Some(b) => (b, true),
        None => (before.strip_suffix(' ')?, false),
    };
    if !comma {
        // The word right before, as written (`no. 7 fitzroy st`, `Level 1, Lotemau
        // Centre`, a unit opening its own line): a word for a number, or a unit whose
        // number opens the address.
        let last = before.rsplit([' ', '\n']).next().unwrap_or("");
        let numbered = text[start..].starts_with(|c: char| c.is_ascii_digit());
        let rural = numbered && last.eq_ignore_ascii_case("rd");
        // The dwelling a word for its number belongs to (`fale numera 14`, `خانه شماره 29`).
        let number_word_next = text[start..]
            .split(' ')
            .next()
            .is_some_and(|w| number_word_in(w) == Some(0));
        let dwelling = number_word_next && described_place::is_dwelling(last);
        // A dwelling numbered on the property (`Shed 2, Te Mata Road`): its number and a
        // comma open the address. (`fale 12 Kenilworth St`: the street's number.)
        let own_number = text[start..]
            .trim_start_matches(|c: char| c.is_ascii_alphanumeric())
            .starts_with(", ");
        let numbered_dwelling = numbered && own_number && described_place::is_dwelling(last);
        // The ordinal of a numbered street (`3rd Cross Street`, `2nd Main Road`).
        let ordinal_street = is_ordinal(last) && text[start..].starts_with(char::is_uppercase);
        let unit = (numbered && (is_unit(last) || numbered_dwelling))
            || rural
            || dwelling
            || ordinal_street;
        // A word for a number that is another word elsewhere (Vietnamese `so`, Khmer
        // `leik`) counts only after the dwelling it numbers: `nha so 8`, `phteah leik 9`.
        if numbered && NUMBER_WORDS_AFTER_A_DWELLING.contains(&last.to_lowercase().as_str()) {
            let head = before[..before.len() - last.len()].trim_end_matches(' ');
            let dwelling = head.rsplit([' ', '\n']).next().unwrap_or("");
            if described_place::is_dwelling(dwelling) {
                return Some(Found {
                    from: head.len() - dwelling.len(),
                    to: start,
                    kind: Part::Unit,
                });
            }
        }
        if let Some(at) = number_word_in(last).or(unit.then_some(0)) {
            return Some(Found {
                from: before.len() - last.len() + at,
                to: start,
                kind: Part::Unit,
            });
        }
    }
    let from = before.rfind(SEGMENT_ENDS).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let segment = &before[from..];
    let words = words(segment, from);
    if words.is_empty() {
        return None;
    }
    if let Some(k) = unit_chain(&words) {
        return Some(Found {
            from: words[k].0,
            to: start,
            kind: Part::Unit,
        });
    }
    // The house's number before a numbered cross street (`12, 3rd Cross Street`).
    let cross_street = text[start..].split(' ').next().is_some_and(is_ordinal);
    if comma && cross_street {
        let n = words.len();
        let number = (n.saturating_sub(2)..n).find(|&k| is_house_number(&words[k..]));
        if let Some(k) = number {
            return Some(Found {
                from: words[k].0,
                to: start,
                kind: Part::Unit,
            });
        }
    }
    if !comma {
        return None;
    }
    if let Some(k) = numbered_street(&words) {
        return Some(Found {
            from: words[k].0,
            to: start,
            kind: Part::Unit,
        });
    }
    if let Some(k) = building(&words) {
        return Some(Found {
            from: words[k].0,
            to: start,
            kind: Part::Building,
        });
    }
    let (at, placed) = place(text, &words, from, is_place)?;
    Some(Found {
        from: at,
        to: start,
        kind: Part::Place { placed },
    })
}

/// The words of a segment starting at byte `offset` of the text, with their offsets.
fn words(segment: &str, offset: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = None;
    for (i, c) in segment.char_indices().chain([(segment.len(), ' ')]) {
        match (c.is_whitespace(), at) {
            (true, Some(s)) => {
                out.push((offset + s, &segment[s..i]));
                at = None;
            }
            (false, None) => at = Some(i),
            _ => {}
        }
    }
    out
}

/// A word for a number written before a house's (`no.`, `number`, `#`, `numera`, `नं.`,
/// `شماره`, Tongan `fika`, Bislama and Tok Pisin `namba`), or `c/o`, the household a letter goes to.
fn is_number_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "no."
            | "no"
            | "number"
            | "nr."
            | "#"
            | "nº"
            | "n°"
            | "c/o"
            | "c/-"
            | "numera"
            | "numela"
            | "nomor"
            | "número"
            | "numero"
            | "नं."
            | "नं"
            | "नंबर"
            | "ਨੰ."
            | "ਨੰਬਰ"
            | "নং"
            | "নম্বর"
            | "شماره"
            | "رقم"
            | "номер"
            | "fika"
            | "namba"
    )
}

/// Words for a number that are also other words (Vietnamese `so` typed without its
/// marks, Khmer `leik` and `lek` in Latin letters).
const NUMBER_WORDS_AFTER_A_DWELLING: &[&str] = &["so", "leik", "lek"];

/// Where a word for a house's number starts in `w`: the whole word (`is_number_word`), or
/// in Thai, written without spaces, the end of the run with the building it numbers
/// (`บ้านเลขที่`, house number; `ตึกเลขที่`, building number).
fn number_word_in(w: &str) -> Option<usize> {
    if is_number_word(w) {
        return Some(0);
    }
    let head = w.strip_suffix("เลขที่")?;
    let building = ["บ้าน", "ตึก", "อาคาร", "ห้อง"]
        .iter()
        .find_map(|b| head.strip_suffix(b));
    Some(building.unwrap_or(head).len())
}

/// Where the segment's last two to five words are a numbered street in lower case or
/// its own words (`1190 No 1 Road, RD 2`, `12 main rd, RD 4`), the index of the first:
/// the street the rural delivery or the place after it belongs to.
fn numbered_street(words: &[(usize, &str)]) -> Option<usize> {
    let numbered = |w: &str| w.starts_with(|c: char| c.is_ascii_digit());
    let fits = |ws: &[(usize, &str)]| {
        let last = ws[ws.len() - 1].1.to_lowercase();
        ws.len() >= 3
            && numbered(ws[0].1)
            && STREET_TYPES.contains(&last.as_str())
            && ws.iter().all(|(_, w)| {
                lower_case_address_word(w) || numbered(w) || w.eq_ignore_ascii_case("no")
            })
    };
    let n = words.len();
    (n.saturating_sub(5)..n.saturating_sub(1)).find(|&k| fits(&words[k..]))
}

/// `text` up to a unit's number when a short word in brackets and a comma follow it
/// (`Unit 3 (caravan), `).
fn aside_after_unit(text: &str) -> Option<&str> {
    let inner = text.strip_suffix("), ")?;
    let open = inner.rfind('(')?;
    let aside = &inner[open + 1..];
    let head = inner[..open].trim_end_matches(' ');
    let mut words = head.rsplit(' ');
    let (number, unit) = (words.next()?, words.next()?);
    let short = aside.len() <= 24 && aside.chars().all(|c| c.is_alphabetic() || c == ' ');
    (short && is_unit(unit) && is_unit_number(number)).then_some(head)
}

fn is_unit(w: &str) -> bool {
    UNITS.contains(&w.trim_end_matches('.').to_lowercase().as_str())
}

/// A house or unit number (`14`, `3A`), or the letter of a block or bed (`C`).
fn is_unit_number(w: &str) -> bool {
    let w = w.trim_end_matches(',');
    let number = |w: &str| {
        w.len() <= 5
            && w.starts_with(|c: char| c.is_ascii_digit())
            && w.chars().all(|c| c.is_ascii_alphanumeric())
    };
    // A range of units (`Units 4-6`), or a unit of a numbered block (`Apt 2/7`).
    let numbered = number(w)
        || w.split_once(['-', '/'])
            .is_some_and(|(a, b)| number(a) && number(b));
    let lettered = w.len() == 1 && w.starts_with(|c: char| c.is_ascii_uppercase());
    numbered || lettered
}

/// `1st`, `3rd`, `12th`.
fn is_ordinal(a: &str) -> bool {
    a.len() <= 4
        && a.starts_with(|c: char| c.is_ascii_digit())
        && ["st", "nd", "rd", "th"]
            .iter()
            .any(|o| a.to_lowercase().ends_with(o))
}

fn is_ordinal_floor(a: &str, b: &str) -> bool {
    is_ordinal(a) && matches!(b.to_lowercase().as_str(), "floor" | "level")
}

/// A house number alone (`12`, `12A`, `#45`, `no 7`), as Indian addresses give it before
/// a numbered cross street.
fn is_house_number(words: &[(usize, &str)]) -> bool {
    match words {
        [(_, n)] => {
            let n = n.trim_start_matches('#');
            n.starts_with(|c: char| c.is_ascii_digit()) && is_unit_number(n)
        }
        [(_, no), (_, n)] => {
            matches!(no.to_lowercase().as_str(), "no" | "no." | "#") && is_unit_number(n)
        }
        _ => false,
    }
}

/// Where the segment's last words are all units with their numbers (`Block C room 14`,
/// `rooms 11 and 12`, `1st floor`, `nhà số`), the index of the first.
fn unit_chain(words: &[(usize, &str)]) -> Option<usize> {
    let mut k = words.len();
    let mut groups = 0;
    loop {
        let rest = &words[..k];
        let n = match rest {
            [.., (_, u), (_, a), (_, and), (_, b)]
                if is_unit(u)
                    && is_unit_number(a)
                    && matches!(*and, "and" | "&")
                    && is_unit_number(b) =>
            {
                4
            }
            [.., (_, u), (_, n)] if is_unit(u) && is_unit_number(n) => 2,
            // A dwelling numbered on the property (`bunkroom 3, 88 Jacksons Road`); one
            // with a capitalised word before it (`Farm Cottage 2, `) is a described place's.
            [.., (_, u), (_, n)]
                if described_place::is_dwelling(u)
                    && is_unit_number(n)
                    && !(k >= 3 && capitalised(rest[k - 3].1)) =>
            {
                2
            }
            [.., (_, a), (_, b)] if is_ordinal_floor(a, b) => 2,
            // The rural delivery before the road it serves (`RD 4, 2271 Arapuni Road`).
            [.., (_, rd), (_, n)]
                if rd.eq_ignore_ascii_case("rd")
                    && (1..=2).contains(&n.len())
                    && n.bytes().all(|b| b.is_ascii_digit()) =>
            {
                2
            }
            // A house's number written as a word before it: `nhà số`, `số nhà`.
            [.., (_, a), (_, b)]
                if matches!(
                    (a.to_lowercase().as_str(), b.to_lowercase().as_str()),
                    ("nhà", "số") | ("số", "nhà") | ("nha", "so") | ("so", "nha")
                ) && groups == 0 =>
            {
                2
            }
            [.., (_, a)] if a.to_lowercase() == "số" && groups == 0 => 1,
            // Which of the building's floors or units (`upstairs 2nd floor`, `rear unit 3`).
            [.., (_, a)]
                if groups > 0
                    && matches!(
                        a.to_lowercase().as_str(),
                        "upstairs" | "downstairs" | "rear" | "front" | "top"
                    ) =>
            {
                1
            }
            _ => break,
        };
        k -= n;
        groups += 1;
        if groups == 3 {
            break;
        }
    }
    (groups > 0).then_some(k)
}

fn capitalised(w: &str) -> bool {
    w.starts_with(char::is_uppercase) && !NOT_PLACES.contains(&w)
}

/// Where the segment ends in a building's name (capitalised words, the last a word for a
/// building: `Kiwi Gold Motor Lodge`), the index of its first word.
fn building(words: &[(usize, &str)]) -> Option<usize> {
    let n = words.len();
    let last = words[n - 1].1.to_lowercase();
    let two = (n >= 2).then(|| format!("{} {last}", words[n - 2].1.to_lowercase()));
    let type_words = if two.as_deref().is_some_and(|t| BUILDINGS.contains(&t)) {
        2
    } else if BUILDINGS.contains(&last.as_str()) {
        1
    } else {
        return None;
    };
    let k = words[..n - type_words]
        .iter()
        .rev()
        .take(3)
        .take_while(|(_, w)| capitalised(w))
        .count();
    // A building with no name of its own (`the old house`) is a described place's; one
    // with a name may write its type in lower case (`EFKS Porirua hall`).
    if k == 0 {
        return None;
    }
    Some(n - type_words - k)
}

/// Where the segment ends in one to three capitalised words of a place, the byte offset
/// of the first, and whether the text puts an address there.
fn place(
    text: &str,
    words: &[(usize, &str)],
    from: usize,
    is_place: &dyn Fn(&str) -> bool,
) -> Option<(usize, bool)> {
    let n = words.len();
    // In capitals (`HIS GARAGE IN BOTANY DOWNS`) the word for being somewhere is
    // capitalised too: it ends the place.
    let caps = words
        .iter()
        .rev()
        .take(3)
        .take_while(|(_, w)| capitalised(w) && !LOCATIVES.contains(&w.to_lowercase().as_str()))
        .count();
    let k = n - caps;
    // `住在North East Valley`: the place glued to text in a script without capitals.
    if k > 0 && caps < 3 {
        let (at, w) = words[k - 1];
        if let Some(cut) = glued_place(w) {
            return Some((at + cut, true));
        }
    }
    if caps == 0 {
        return None;
    }
    let placed = match k.checked_sub(1).map(|j| words[j].1) {
        Some(w) => LOCATIVES.contains(&w.to_lowercase().as_str()) || w.chars().all(uncased_or_mark),
        // The segment is the place: an address label's colon puts an address there (not
        // `Landlord: Graeme Tisdall, 1480 Moa Flat Road`); a comma leaves it to the
        // segment before.
        None => {
            let label = text[..from]
                .trim_end()
                .trim_end_matches([':', '：'])
                .to_lowercase();
            text[..from].trim_end().ends_with([':', '：'])
                && ADDRESS_LABELS.iter().any(|l| label.ends_with(l))
        }
    };
    if !placed {
        // A place the lists know puts an address there whatever comes before it (`at
        // Kaharoa, 340 Mamaku Rd`, `at Karaka Lakes, 17 ...`): from its first word.
        let text_of = |j: usize| &text[words[j].0..words[n - 1].0 + words[n - 1].1.len()];
        if let Some(j) = (k..n).find(|&j| is_place(text_of(j))) {
            return Some((words[j].0, true));
        }
    }
    Some((words[k].0, placed))
}

/// Where a word of text in a script without capitals turns into a capitalised Latin
/// place (`住在North`), the byte offset of the place in the word.
fn glued_place(w: &str) -> Option<usize> {
    let (i, c) = w.char_indices().find(|&(_, c)| c.is_uppercase())?;
    let latin = w[i..]
        .chars()
        .all(|c| c.is_ascii_alphabetic() || matches!(c, '-' | '\'' | '’'));
    (i > 0 && c.is_ascii() && latin && w[..i].chars().all(uncased_or_mark)).then_some(i)
}

fn uncased_or_mark(c: char) -> bool {
    (Script::of(c) != Script::Cased && is_word_char(c)) || !c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head<'a>(text: &'a str, address: &str) -> &'a str {
        let at = text.find(address).expect("the address is in the text");
        &text[start(text, at, &|_| false)..at]
    }

    #[test]
    fn a_listed_place_before_an_address_belongs_to_it_after_any_word() {
        let listed = |p: &str| ["Kaharoa", "Karaka Lakes"].contains(&p);
        let head = |text: &'static str, address: &str| {
            let at = text.find(address).expect("the address is in the text");
            &text[start(text, at, &listed)..at]
        };
        assert_eq!(
            head("his other farm at Kaharoa, 340 Mamaku Rd", "340"),
            "Kaharoa, "
        );
        assert_eq!(
            head(
                "their pool house at Karaka Lakes, 17 Pine Harbour Road",
                "17"
            ),
            "Karaka Lakes, "
        );
        // Not a place the lists know: a business's name is the report.
        assert_eq!(head("She works at Countdown, 12 Queen Street", "12"), "");
    }

    #[test]
    fn house_numbers_given_with_the_address_own() {
        assert_eq!(
            head("22 men in two houses at 1107 and 1109 Omahu Road", "1109"),
            "1107 and "
        );
        assert_eq!(head("at 12 & 14A Kauri Street", "14A"), "12 & ");
        assert_eq!(head("paid $500 and 12 Kauri Street", "12"), "");
        assert_eq!(
            head("she lives at 14 no sorry 41 Hinau St", "41"),
            "14 no sorry "
        );
        assert_eq!(
            head("its 26, I mean 28 Kahikatea Drive", "28"),
            "26, I mean "
        );
        assert_eq!(head("was it 5 or 7 Rata Road", "7"), "5 or ");
    }

    #[test]
    fn a_dwelling_numbered_on_the_property_and_a_word_on_what_it_is() {
        assert_eq!(head("we sleep in Shed 4, 12 Kauri Road", "12"), "Shed 4, ");
        assert_eq!(
            head("Bunk 14, Room 3, Kiwi Lodge, 96 Tarewa Road", "96"),
            "Bunk 14, Room 3, Kiwi Lodge, "
        );
        assert_eq!(head("we sleep in Shed 4, Kauri Road", "4"), "Shed ");
        assert_eq!(
            head("actual address bunkroom 2, 51 Ngahere Road", "51"),
            "bunkroom 2, "
        );
        assert_eq!(
            head("Address: Unit 5 (container), 9 Kauri Road", "9"),
            "Unit 5 (container), "
        );
        // Not after a unit's number: a note, not the unit.
        assert_eq!(head("the boss (Rangi), 9 Kauri Road", "9"), "");
        // The street's number, not the dwelling's.
        assert_eq!(
            head("we stay in the farm cottage 897 Kauri Road", "897"),
            ""
        );
    }

    #[test]
    fn rooms_floors_and_blocks_before_an_address() {
        assert_eq!(
            head("ran yu upstairs 2nd floor, 86 Dominion Road", "86"),
            "upstairs 2nd floor, "
        );
        assert_eq!(head("em o nha so 8 Jocelyn Street", "8 J"), "nha so ");
        assert_eq!(
            head(
                "I'm in room 3 at the Sea Breeze Backpackers, 17 High Street",
                "17"
            ),
            "room 3 at the Sea Breeze Backpackers, "
        );
        assert_eq!(
            head(
                "staying at the holiday park site 14, 51 Montgomery Road",
                "51"
            ),
            "site 14, "
        );
        assert_eq!(
            head("16 of us living Apt 2/7, 101 Hillsborough Road", "101"),
            "Apt 2/7, "
        );
        assert_eq!(head("住的是No.11 Boucher Avenue", "11"), "No.");
        assert_eq!(head("I stay at the motel, 11 Boucher Avenue", "11"), "");
        assert_eq!(head("casino.11 Boucher Avenue", "11"), "");
        assert_eq!(
            head("yeung rous phteah leik 9 Steele Street", "9 S"),
            "phteah leik "
        );
        assert_eq!(head("lek 9 Steele Street", "9 S"), "");
        assert_eq!(head("the top of 8 Jocelyn Street", "8 J"), "");
        assert_eq!(
            head("RSE camp. Block C room 14, 2 Te Matai Road", "2 Te"),
            "Block C room 14, "
        );
        assert_eq!(
            head(
                "they moved us to rooms 11 and 12, Kiwi Gold Motor Lodge, 21 Jellicoe Street",
                "21 J"
            ),
            "rooms 11 and 12, Kiwi Gold Motor Lodge, "
        );
        assert_eq!(
            head(
                "motel. Room 6, Vintage Lodge, 112 Middle Renwick Road",
                "112"
            ),
            "Room 6, Vintage Lodge, "
        );
        assert_eq!(
            head(
                "I live in the flat above, 1st floor, 211 Victoria Avenue",
                "211"
            ),
            "1st floor, "
        );
        assert_eq!(
            head("Em ở phòng 3, nhà số 7 Bayview Road", "7 B"),
            "phòng 3, nhà số "
        );
        assert_eq!(
            head("Em ở trên lầu của tiệm, số 2/118 Devonport Road", "2/118"),
            "số "
        );
        assert_eq!(head("he lives at no. 7 fitzroy st", "7 f"), "no. ");
        assert_eq!(
            head("Address: c/o 18 Kahikatea Drive, Frankton", "18"),
            "c/o "
        );
        assert_eq!(
            head("a caravan by the skid site, RD 1, Tiniroto Road", "1, T"),
            "RD "
        );
        assert_eq!(head("office at Level 1, Lotemau Centre", "1, L"), "Level ");
        // The rural delivery before the road, a rest home before its street.
        assert_eq!(
            head(
                "from the dairy farm RD 4, 2271 Arapuni Road, Putāruru 3484",
                "2271"
            ),
            "RD 4, "
        );
        assert_eq!(
            head(
                "caregiver sa Kowhai Lodge Rest Home, 14 Pah Road, Epsom",
                "14 P"
            ),
            "Kowhai Lodge Rest Home, "
        );
        assert_eq!(
            head("the farm at 1190 No 1 Road, RD 2, Te Puke", "RD 2"),
            "1190 No 1 Road, "
        );
        assert_eq!(
            head(
                "the church hall at EFKS Porirua hall, 9 Bedford Street",
                "9"
            ),
            "EFKS Porirua hall, "
        );
        assert_eq!(head("ชั้น 2, 277 Broadway, Newmarket", "277"), "ชั้น 2, ");
        assert_eq!(
            head("Room 3, Bed B, 41 Coronation Road", "41"),
            "Room 3, Bed B, "
        );
        assert_eq!(
            head("أخي يسكن في شقة 4، 21 Rintoul Street", "21"),
            "شقة 4، "
        );
        assert_eq!(head("Units 4-6, 880 Main South Road", "880"), "Units 4-6, ");
        assert_eq!(head("we live at flt 2 / 14 kingsway ave", "2 /"), "flt ");
        assert_eq!(
            head("Rm 305 Don Santiago Bldg, 1344 Taft Ave", "1344"),
            "Rm 305 Don Santiago Bldg, "
        );
    }

    #[test]
    fn a_number_sign_or_word_and_the_dwelling_it_numbers() {
        assert_eq!(head("nasa #45 Rizal St., Brgy. 7", "45"), "#");
        assert_eq!(
            head("Our fale numera 14, Auckland Street", "14"),
            "fale numera "
        );
        assert_eq!(
            head("در خانه شماره 29 خیابان Buchan Street", "29"),
            "خانه شماره "
        );
        assert_eq!(head("แม่อยู่บ้านเลขที่ 45 หมู่ 7 ตำบลนาข่า", "45"), "บ้านเลขที่ ");
        assert_eq!(head("ชั้น 2 ตึกเลขที่ 88 Queen Street", "88"), "ชั้น 2 ตึกเลขที่ ");
        // A dwelling without a word for its number is the report (`described_place`).
        assert_eq!(head("they sleep in a shed 12 Kauri Street", "12"), "");
    }

    #[test]
    fn a_place_named_first_where_the_text_puts_an_address() {
        assert_eq!(
            head("Живемо вшістьох у Papakura, 61 Settlement Road", "61"),
            "Papakura, "
        );
        assert_eq!(
            head("我们住在North East Valley, 42 Norwood Street", "42"),
            "North East Valley, "
        );
        assert_eq!(
            head("店在 Auckland, Northcote, 3 Pearn Place 楼上", "3 P"),
            "Auckland, Northcote, "
        );
        assert_eq!(
            head("i live Frankton Hamilton, 14 Massey Street", "14"),
            "Frankton Hamilton, "
        );
        assert_eq!(
            head("Home address:\nPapakura, 61 Settlement Road", "61"),
            "Papakura, "
        );
        assert_eq!(
            head(
                "HE PUT US IN HIS GARAGE IN BOTANY DOWNS, 5 ARRAN STREET",
                "5 A"
            ),
            "BOTANY DOWNS, "
        );
    }

    #[test]
    fn care_of_and_a_named_farm_belong_to_the_address() {
        assert_eq!(
            head(
                "Address: c/o Nathan Brothers Vineyards, PO Box 902",
                "PO Box 902"
            ),
            "c/o Nathan Brothers Vineyards, "
        );
        assert_eq!(
            head("The 'C/- 17 Nelson St' is the house", "17 Nelson St"),
            "C/- "
        );
        assert_eq!(
            head(
                "we live at Ngāwaro Farm, 2560 Tapapa Road",
                "2560 Tapapa Road"
            ),
            "Ngāwaro Farm, "
        );
        assert_eq!(
            head("we work at the farm, 2560 Tapapa Road", "2560 Tapapa Road"),
            ""
        );
    }

    #[test]
    fn names_and_clauses_before_an_address_are_not_its_places() {
        assert_eq!(head("I met Rangi, 61 Settlement Road is his", "61"), "");
        assert_eq!(
            head(
                "オーナーのGrahamさんが引いています住所は2245 Hinuera Road, RD 2",
                "RD"
            ),
            ""
        );
        assert_eq!(head("The boss, 61 Settlement Road", "61"), "");
        assert_eq!(
            head("Landlord: Graeme Tisdall, 1480 Moa Flat Road", "1480"),
            ""
        );
        assert_eq!(
            head("a GP at Karamu Family Health, 512 Karamu Road", "512"),
            ""
        );
        assert_eq!(head("We work hard, 12 hours a day", "12"), "");
        assert_eq!(head("Yesterday Sione and Mele, 12 Kauri Street", "12"), "");
        // A room with no number is the report, not the place.
        assert_eq!(head("we sleep in the room, 12 Kauri Street", "12"), "");
    }
}
