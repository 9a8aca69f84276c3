//! Places described rather than numbered: `the big grey house with the tennis court at
//! the end of Rata Road, Ōrākei`, `the backpackers on Cron Street, the one next to the
//! helicopter office, Franz Josef`, `the fale next to the EFKS church in Lufilufi`.
//!
//! A reporter who does not know (or will not write) a house number points at the house
//! instead, and that points at one household as surely as a number does. Such a place
//! is a dwelling (a house, a caravan, the sleepout, the cabins) placed by a preposition
//! against an anchor someone can find: a named street, or a landmark with a name of its
//! own. A dwelling with no such anchor (`the shed behind the house`) names no one and is
//! left; so is a named street with no dwelling (`the orchard on State Highway 2`).

use super::names::script::{is_word_char, Script};
use super::text::FxSet;
use super::word_bounded::WordBounded;
use super::{address, address_head};
use std::sync::LazyLock;

/// The rule id of a described place (`Span::rule`).
pub const RULE: &str = "described-place";

/// Where one reporter lives or works: nouns for a dwelling (and `one`, as in `the blue
/// one behind the Z station`).
const DWELLINGS: &str =
    "house|houses|home|place|flat|flats|unit|units|cabin|cabins|caravan|caravans|\
sleepout|sleep-out|garage|garages|shed|woolshed|container|containers|hostel|backpackers|motel|\
lodge|cottage|bach|hall|barracks|homestead|farmhouse|villa|apartment|apartments|room|rooms|\
fale|dorm|quarters|portacom|portacoms|portacabin|portacabins|bunkhouse|bunkhouses|hut|huts|\
shack|whare|flatlet|dormitory|bunkroom|bunkrooms|camp|campground|campsite|holiday park|\
motor camp|camping ground|one";

/// `DWELLINGS` without `one`: right before an address, `the one who works at 12 Queen
/// Street` is a person.
fn dwellings_not_one() -> &'static str {
    DWELLINGS.trim_end_matches("|one")
}

/// Words that open a dwelling's description (`the`, `his`).
const DETERMINERS: &str = "the|a|an|his|her|their|our|my|that|this";

/// Prepositions that place a dwelling against its anchor.
const PLACING: &str = "on|in|off|at|near|by|behind|opposite|past|after|beside|above|below|over|\
next to|next door to|down|up|along|across from|across the road from|at the end of|\
at the back of|round the back of|around the back of|just off|around the corner from|\
round the corner from|on the corner of|corner of";

/// Landmarks a place is told by: a named one (`the EFKS church`, `the Z station`).
const LANDMARKS: &str = "church|school|shop|dairy|station|store|marae|hall|bridge|packhouse|\
factory|mill|wharf|temple|mosque|gurdwara|chapel|pub|tavern|motel|supermarket|garage|turnoff|\
turn-off|roundabout|cemetery|park|domain|library|pharmacy|chemist|bakery|takeaways|\
petrol station|service station|fire station|police station|rugby club|club|office|mall|\
silo|silos|cowshed|milking shed|water tank|tank|gate|yards|woolshed|packing shed|farm|orchard|\
crossing|railway crossing|level crossing|restaurant|cafe|café|bar|takeaway|laundromat|laundry|\
salon|warehouse|workshop|market|depot|car wash|car yard|packshed|pack shed|coolstore|cool store|\
glasshouse|glasshouses|greenhouse|winery|vineyard|quarry|sawmill|yard|boatshed|holiday park|\
campground|camp|hotel|rest home|marina";

/// A capitalised word of a name.
const NAME: &str = r"[\p{Lu}][\p{L}\p{M}'’\-]*";

/// A named street: `Rata Road`, `SH27`, `No 3 Road`.
pub(super) fn street() -> String {
    let street_types = address::STREET_TYPES.join("|");
    format!(
        r"(?:(?:State Highway|SH) ?\d+|(?:No\.?|Number) ?\d+ (?:Road|Rd)|(?:{NAME}\s+){{1,3}}(?i:{street_types})\b)"
    )
}

fn described() -> String {
    let name = NAME;
    let street = street();
    // A dwelling numbered on its property needs no determiner: `cabin 4 behind the
    // packshed on Old Mill Road`.
    let numbered = dwellings_not_one();
    // A named landmark: a capitalised word (or an abbreviation in capitals) among the
    // words before the landmark noun.
    // Or one named without `the` (`across from Karori Normal School`).
    let landmark = format!(
        r"(?:(?:the\s+(?:[\p{{L}}'’\-]+\s+){{0,3}}?(?:{name}|[\p{{Lu}}\d]{{1,5}})\s+(?:[\p{{L}}'’\-]+\s+){{0,2}}?|(?:{name}\s+){{1,3}})(?i:{LANDMARKS})\b(?:\s+(?i:in|at|on)\s+{name}(?:\s+{name})?)?)"
    );
    // A landmark by its name alone, placed on a street: `the house behind the Caltex on
    // Jellicoe Street`.
    let named_on_street = format!(r"the\s+{name}(?:\s+{name})?\s+(?i:on|in|off)\s+{street}");
    // An unnamed landmark, or another dwelling, that is itself placed on a street: `the
    // bunkhouse behind the packhouse on Pakowhai Road`.
    let hop = format!(
        r"(?:the\s+(?:[\p{{L}}'’\-]+\s+){{0,3}}?(?i:{LANDMARKS}|{DWELLINGS})\s+(?i:{PLACING})\s+(?:the\s+)?{street})"
    );
    format!(
        r"(?:\b(?i:{DETERMINERS})\s+(?:[\p{{L}}'’\-]+\s+){{0,4}}?(?<dwelling>(?i:{DWELLINGS}))\b|\b(?i:{numbered})\s+[0-9]{{1,4}}[A-Za-z]?)(?:\s+(?i:with|that has|that have)\s+[^,.;:!?\n()]{{1,40}}?)?\s+(?:(?i:directly|right|just|straight|immediately)\s+)?(?i:{PLACING})\s+(?:(?i:the\s+)?{street}(?:\s+(?i:and|&)\s+{street})?|{landmark}(?:\s+(?i:on|in|off)\s+{street})?|{named_on_street}|{hop})"
    )
}

/// A dwelling placed against its anchor: found by `find` (`WordBounded`, see there), then
/// read for the dwelling within the match alone.
static DESCRIBED: LazyLock<WordBounded> = LazyLock::new(|| WordBounded::new(&described()));

/// A numbered room, cabin, bed or camp site in a described place, right before it.
static ROOM_IN: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"\b(?i:room|rm|unit|flat|cabin|caravan|bed|dorm|site|bunk|tent)\s+[0-9]{1,4}[A-Za-z]?\s+(?i:at|in|of)\s+$")
        .expect("the room-in pattern compiles")
});

static DETERMINER: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(&format!(r"\b(?i:{DETERMINERS})\s")).expect("the determiner pattern compiles")
});

/// Words after a street or landmark that carry on describing the place, up to the next
/// comma: `, the one next to the helicopter office`, ` past the Kiwi360 turnoff`.
static DESCRIPTION_GOES_ON: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"^(?:,\s+the one\s+(?i:with|next to|behind|opposite|beside|by|near|across from)|\s+(?i:just |right )?(?i:past|behind|opposite|next to|beside|across from|near|with)\s+the)\s+[^,.;:!?\n()]{1,50}?(?:[,.;:!?\n()]|$)",
    )
    .expect("the description pattern compiles")
});

/// The dwelling told right after its numbered address, which points at one door of it:
/// `, the cottage by the calf shed`, ` (the cabins behind the cool store)`, `, behind
/// the grey shed`, `, after the horse paddocks`, `, the one with the blue roof next to
/// the dairy`, `, the one by the bridge`.
static DESCRIBED_AFTER: LazyLock<regex::Regex> = LazyLock::new(|| {
    // Which gate or driveway of the road (`, second gate`, `, the 3rd driveway on the
    // left`): the one door on a long rural road.
    let which = format!(
        r"(?:(?i:the)\s+)?(?i:{ORDINALS})\s+(?i:gate|driveway|drive|entrance|letterbox|turn|turnoff|turn-off|house|cottage|shed|one)\b"
    );
    let body = format!(
        r"(?:(?:(?i:the)\s+(?:[\p{{L}}\p{{N}}'’\-]+\s+){{0,3}}?(?i:{DWELLINGS}|{LANDMARKS}|one)\s+(?i:with|that has|{PLACING})|(?i:just |right )?(?i:behind|next to|next door to|beside|opposite|across from|near|past|after|by|at the back of|round the back of|around the back of|in the back of)\s+the)\s+[^,.;:!?\n()]{{1,50}}?|(?i:just |right )?(?i:behind|next to|beside|opposite|across from|near)\s+\p{{Lu}}[^,.;:!?\n()]{{0,49}}?|{which}(?:\s+[^,.;:!?\n()]{{1,40}}?)?)"
    );
    regex::Regex::new(&format!(
        r"^(?:,\s+(?<comma>{body})(?:\s*[,.;:!?\n(]|$)|\s+\((?<paren>{body})\))"
    ))
    .expect("the described-after pattern compiles")
});

/// Words that place a house against a landmark in the other languages our reporters
/// write (behind, next to, near, opposite: Samoan, te reo, Tongan, Fijian, Bislama,
/// Tagalog, Indonesian, Spanish, Portuguese, Hindi, Vietnamese; after: Spanish,
/// Portuguese), and Han and Hangul ones
/// that follow a street with no space (`Clarence Street 那边`).
pub(super) const PLACING_ELSEWHERE: &str =
    "i tua o|i tafatafa o|latalata i|i luma o|i muri i|i te taha o|\
kei te taha o|ofi ki he|'i mui 'i he|ʻi mui ʻi he|volekata|klosap long|biaen long|sa likod ng|\
malapit sa|tapat ng|katabi ng|dekat|di belakang|di samping|di depan|detrás de|al lado de|\
cerca de|frente a|enfrente de|junto al|junto a|atrás de|ao lado d[aeo]|perto d[aeo]|\
em frente|ke peeche|ke pichhe|ke paas|ke saamne|ke samne|gần|cạnh|phía sau|đối diện|bên cạnh|\
después del|después de|despues del|despues de|al lado del|depois d[aeo]|sebelah";

/// A description in another language right after an address, to the end of its clause:
/// `, le fale lanu moana i tua o le faleoloa`, ` dekat pintu gerbang pelabuhan`, ` 那边一个
/// 车库改的房间`.
static DESCRIBED_ELSEWHERE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(&format!(
        r"^(?:,?\s+[^,.;:!?\n()。，]{{0,40}}?\b(?i:{PLACING_ELSEWHERE})\b|\s?(?:那边|那邊|旁边|旁邊|后面|後面|对面|對面|附近|옆|뒤|앞|근처))[^,.;:!?\n()。，]{{0,50}}"
    ))
    .expect("the described-elsewhere pattern compiles")
});

/// Ordinals that say which gate, driveway or house along a road.
const ORDINALS: &str = "first|second|third|fourth|fifth|sixth|last|1st|2nd|3rd|4th|5th|6th";

/// Where an address ending at `end` ends once the dwelling told after it is taken in:
/// the descriptions one after the other (`, past the gravel pit, second gate`).
pub fn described_after(text: &str, end: usize) -> usize {
    let mut end = end;
    for _ in 0..3 {
        match described_once(text, end) {
            same if same == end => break,
            further => end = further,
        }
    }
    end
}

fn described_once(text: &str, end: usize) -> usize {
    let window = super::text::floor_boundary(text, (end + 160).min(text.len()));
    let Some(caps) = DESCRIBED_AFTER.captures(&text[end..window]) else {
        return DESCRIBED_ELSEWHERE
            .find(&text[end..window])
            .map_or(end, |m| end + m.as_str().trim_end().len());
    };
    match (caps.name("comma"), caps.name("paren")) {
        (Some(body), _) => end + body.end(),
        // The closing parenthesis too.
        (None, Some(body)) => end + body.end() + 1,
        (None, None) => end,
    }
}

/// A dwelling with its own number right before a numbered address, which belongs to it:
/// `Cottage 2, 1480 Moa Flat Road`, `Alpine Lodge staff cabin 3, 18 Cardrona Valley
/// Road`. (A dwelling described without a number, `they sleep in a shed at 12 Kauri
/// Street`, is left: the number already points at the place, and the shed is the report.)
static DWELLING_BEFORE: LazyLock<regex::Regex> = LazyLock::new(|| {
    let numbered = format!(
        r"(?:(?:\p{{Lu}}[\p{{L}}'’\-]*\s+){{1,3}}(?:\p{{Ll}}+\s+){{0,2}}?)?\b(?i:{DWELLINGS})\s+\d{{1,4}}[A-Za-z]?(?:\s+\p{{Ll}}+){{0,2}}(?:,\s+|\s+(?i:at|in)\s+)"
    );
    regex::Regex::new(&format!(r"{numbered}$")).expect("the dwelling-before pattern compiles")
});

/// Words for a dwelling or a room in the other languages our reporters write, beside
/// `DWELLINGS`, as words in cased scripts and as stems in the others (`ঘর` of `ঘরে`): Hindi, Nepali, Punjabi, Bengali, Tamil, Khmer, Thai,
/// Russian, Ukrainian, Chinese, Japanese, Korean, Vietnamese, Indonesian, Tagalog,
/// Bislama, Pijin and Tok Pisin, Khmer and Tamil in Latin letters, Spanish, Portuguese,
/// te reo, Samoan, Persian and Arabic.
const DWELLINGS_ELSEWHERE: &[&str] = &[
    "kotha",
    "kothri",
    "kamra",
    "kamre",
    "ghar",
    "phòng",
    "phong",
    "nhà",
    "kamar",
    "rumah",
    "kwarto",
    "bahay",
    "haos",
    "haus",
    // Tongan, with the ʻokina or an apostrophe for it.
    "ʻapi",
    "'api",
    "phteah",
    "veedu",
    "casa",
    "cuarto",
    "habitación",
    "habitacion",
    "quarto",
    "कोठा",
    "कोठामा",
    "कमरा",
    "कमरे",
    "घर",
    "ਕਮਰਾ",
    "ਕਮਰੇ",
    "ਘਰ",
    "ঘর",
    "কামরা",
    "அறை",
    "வீடு",
    "ផ្ទះ",
    "បន្ទប់",
    "ห้อง",
    "บ้าน",
    "комната",
    "комнате",
    "комнату",
    "кімната",
    "кімнаті",
    "квартира",
    "квартире",
    "дом",
    "доме",
    "домик",
    "будинок",
    "房间",
    "房間",
    "房子",
    "集装箱",
    "货柜",
    "貨櫃",
    "车库",
    "車庫",
    "部屋",
    "アパート",
    "방",
    "집",
    "خانه",
    "منزل",
    "بيت",
];

/// Words that may follow a dwelling told after an address and end the place: the
/// postpositions and verbs of the languages that put them after it (`, peeche wala
/// granny flat me rehte hai`, `, ma pachadi ko room ma baschhu`).
const AFTER_A_DWELLING: &[&str] = &[
    "me",
    "mein",
    "main",
    "ma",
    "maa",
    "mai",
    "vich",
    "ch",
    "la",
    "में",
    "मा",
    "ਵਿੱਚ",
    "ਚ",
];

/// Words that make the words before a dwelling told after an address a clause about it:
/// prepositions, counts and quantities.
const CLAUSE_BEFORE_A_DWELLING: &[&str] = &[
    "in", "at", "on", "to", "of", "with", "for", "from", "into", "by", "near", "one", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "some", "many", "all", "each",
    "per", "every",
];

/// Marks that end the words read for a dwelling after an address.
const PHRASE_ENDS: &[char] = &[
    ',', '.', ';', ':', '!', '?', '\n', '(', ')', '।', '។', '。', '，', '、', '！', '？',
];

/// Whether `word` is a word for a dwelling: one of `DWELLINGS` (not `one`) or, in
/// another language, one of `DWELLINGS_ELSEWHERE` (as a stem in scripts without
/// capitals).
pub(super) fn is_dwelling(word: &str) -> bool {
    // The lists split once, not at every word asked about; the stems in ASCII apart.
    static WORDS: LazyLock<(FxSet<&str>, Vec<&str>, Vec<&str>)> = LazyLock::new(|| {
        let (cased, stems): (Vec<&str>, Vec<&str>) = DWELLINGS_ELSEWHERE
            .iter()
            .copied()
            .partition(|d| is_cased(d));
        let words = dwellings_not_one().split('|').chain(cased).collect();
        let ascii_stems = stems.iter().copied().filter(|d| d.is_ascii()).collect();
        (words, stems, ascii_stems)
    });
    let (words, stems, ascii_stems) = &*WORDS;
    if word.is_ascii() && word.len() <= 32 {
        // Lower-cased on the stack, and asked only for the stems a word in ASCII can hold:
        // `place_chain` asks of each word after a place, and the searches for the stems
        // of other scripts were two thirds of the cost.
        let mut buf = [0u8; 32];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        let lower = std::str::from_utf8(lower).unwrap_or("");
        return words.contains(lower) || ascii_stems.iter().any(|d| lower.contains(d));
    }
    let lower = word.to_lowercase();
    words.contains(lower.as_str()) || stems.iter().any(|d| lower.contains(d))
}

/// Whether a word is written in a script with capitals (Latin, Cyrillic ...).
fn is_cased(word: &str) -> bool {
    word.chars().all(|c| Script::of(c) == Script::Cased)
}

/// Where an address ending at `end` ends once the dwelling told right after it, in any
/// language, is taken: `, the sleepout`, `, ma pachadi ko room`, `, комната 4`,
/// `, ghar no. 241`, ` 后院的集装箱`, ` को पछाडिको कोठा`, `の2階の部屋`. After a comma,
/// up to five words that end in the dwelling (and its number), then the end of the
/// clause or a postposition: `, the house belongs to his wife` is the writer's clause.
/// Without a comma, only in a script without capitals, whose words for a place follow
/// the street.
pub fn dwelling_told_after(text: &str, end: usize) -> usize {
    let window = super::text::floor_boundary(text, (end + 120).min(text.len()));
    let rest = &text[end..window];
    let (body, comma) = match rest.strip_prefix(',') {
        Some(after) => (after.trim_start_matches(' '), true),
        None => (rest.trim_start_matches(' '), false),
    };
    let offset = end + rest.len() - body.len();
    // The phrase ends at a mark, but not at the dot of `no.` (`ghar no. 241`).
    let phrase_end = body
        .match_indices(PHRASE_ENDS)
        .find(|&(i, mark)| {
            let word = body[..i].rsplit(' ').next().unwrap_or("");
            !(mark == "." && word.eq_ignore_ascii_case("no"))
        })
        .map_or(body.len(), |(i, _)| i);
    let phrase = &body[..phrase_end];
    let own_script = phrase
        .chars()
        .next()
        .is_some_and(|c| is_word_char(c) && Script::of(c) != Script::Cased);
    if !comma && !own_script {
        return end;
    }
    let mut words = Vec::new();
    let mut at = 0;
    for word in phrase.split(' ') {
        if !word.is_empty() {
            words.push((at, word));
        }
        at += word.len() + 1;
    }
    // In the writer's own script after a comma, the dwelling is the first word (`,
    // ផ្ទះពណ៌សខាងក្រោយ`); later it is their sentence (`, அதுவும் அவருடைய வீடுதான்`, that
    // too is his house).
    let reach = match (own_script, comma) {
        (true, true) => 1,
        (true, false) => 3,
        (false, _) => 5,
    };
    let Some(k) = words.iter().take(reach).position(|(_, w)| is_dwelling(w)) else {
        return end;
    };
    // A count or a preposition before it makes a clause about the place, not a part of
    // it (`, three to a room`, `, 6 men in 3 rooms`, `, in 2 caravan`).
    let clause = words[..k].iter().any(|(_, w)| {
        let w = w.to_lowercase();
        w.chars().any(|c| c.is_ascii_digit()) || CLAUSE_BEFORE_A_DWELLING.contains(&w.as_str())
    });
    if clause {
        return end;
    }
    let (at, word) = words[k];
    if own_script {
        // Chinese, Japanese and Korean name the room last (`后院的集装箱`, `2階の部屋`):
        // to the end of its word. Elsewhere the whole word that holds it (`ঘরে`,
        // `ផ្ទះពណ៌សខាងក្រោយ`, the white house at the back, in Khmer without spaces).
        let stem_end = DWELLINGS_ELSEWHERE
            .iter()
            .filter(|d| {
                d.chars()
                    .any(|c| matches!(Script::of(c), Script::Han | Script::Hangul))
            })
            .filter_map(|d| word.find(d).map(|i| i + d.len()))
            .max();
        return offset + at + stem_end.unwrap_or(word.len());
    }
    let mut stop = at + word.len();
    let mut next = k + 1;
    // Its number: `комната 4`, `ghar no. 241`.
    let number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    if let Some(&(at, w)) = words.get(next) {
        if number(w) {
            stop = at + w.len();
            next += 1;
        } else if ["no", "number", "#"].contains(&w.trim_end_matches('.').to_lowercase().as_str()) {
            if let Some(&(at, n)) = words.get(next + 1).filter(|(_, n)| number(n)) {
                stop = at + n.len();
                next += 2;
            }
        }
    }
    // The place ends at the phrase's mark, or at a postposition after it.
    let ends = words
        .get(next)
        .is_none_or(|(_, w)| AFTER_A_DWELLING.contains(&w.to_lowercase().as_str()));
    if ends {
        offset + stop
    } else {
        end
    }
}

/// Words for being somewhere that a dwelling set off before its address follows: those
/// a place named before an address follows (`address_head::LOCATIVES`), and these, which
/// before a dwelling cannot start a business's name (`at the staff flat, 13A ...`).
const SET_OFF_ALSO_AFTER: &[&str] = &[
    "at",
    "into",
    "to",
    "from",
    "is",
    "was",
    "sleep",
    "sleeps",
    "sleeping",
    "moved",
    "адрес",
];

fn set_off_after(word: &str) -> bool {
    let word = word.to_lowercase();
    address_head::LOCATIVES
        .iter()
        .chain(SET_OFF_ALSO_AFTER)
        .any(|w| *w == word)
}

/// A dwelling set off by a comma right before its numbered address, after a word for
/// being somewhere or at the start of its clause: `lives at the staff flat, 13A Parkview
/// Avenue`, `(Farm 2 cottage, 677 Thompsons Track`, `we stay in the unit at the back,
/// 77A Hokonui Drive`, `Адрес домик за коровником, 512 Hinds Highway`. The writer gives
/// it as part of the address. (Joined by `at`, `a shed at 12 Kauri Street`, the dwelling
/// is the report: see `DWELLING_BEFORE`.)
static DWELLING_SET_OFF: LazyLock<regex::Regex> = LazyLock::new(|| {
    // Not `house`, `home` or `place` alone: `their house, 17 Orakei Road` is the
    // address itself, and whose house it is, the report.
    let dwellings = dwellings_not_one()
        .split('|')
        .filter(|d| !["house", "houses", "home", "place"].contains(d))
        .collect::<Vec<_>>()
        .join("|");
    let after = address_head::LOCATIVES
        .iter()
        .chain(SET_OFF_ALSO_AFTER)
        .copied()
        .collect::<Vec<_>>()
        .join("|");
    // In other languages, their words for a dwelling written in cased scripts.
    let elsewhere = DWELLINGS_ELSEWHERE
        .iter()
        .filter(|d| is_cased(d))
        .copied()
        .collect::<Vec<_>>()
        .join("|");
    regex::Regex::new(&format!(
        r"(?:^|[.,:;!?\n(]\s*|\b(?i:{after})\s+)(?<place>(?:(?i:the|a|an)\s+)?(?:[\p{{L}}\p{{N}}'’\-]+\s+){{0,2}}?(?i:{dwellings}|{elsewhere})(?:\s+\d{{1,4}}[A-Za-z]?)?(?:\s+(?i:at the back|at the rear|out the back|out back|upstairs|downstairs)|\s+(?i:above|below|over|behind|beside|next to) the\s+\p{{L}}+|\s+(?i:за|у|возле|около)\s+\p{{L}}+)?),\s+$"
    ))
    .expect("the dwelling-set-off pattern compiles")
});

/// A dwelling told by how it looks or what it is next to, right before its numbered
/// address, is part of the place: `the two-storey grey house with the boat in the
/// drive, 8 Kowhai Lane`, `the big white house across the road from the rugby club, 12
/// Camberwell Road`. Someone who knows the street finds it by that alone. A dwelling
/// named only (`his house at`, `a shed at`, `the sleepout behind their house at`) says
/// what the place is, and is the report.
static DESCRIBED_BEFORE: LazyLock<regex::Regex> = LazyLock::new(|| {
    let dwellings = dwellings_not_one();
    // Colours, and the words that tell one building from the others on its street.
    let colour = "white|grey|gray|blue|green|red|yellow|brown|black|pink|orange|purple|cream|\
old|former|abandoned|derelict|disused|empty|two-storey|two-story|brick|wooden";
    let words = r"(?:[\p{L}'’\-]+\s+)";
    let detail = r"\s+(?:(?i:with|that has|that have)|(?i:across the road from|across from|opposite|behind|next to|next door to|beside|near|past)\s+the)\s+[^,.;:!?\n()]{1,50}?";
    regex::Regex::new(&format!(
        r"\b(?i:the|his|her|their|our|my|that|this)\s+(?:{words}{{0,3}}?(?i:{colour})\s+{words}{{0,2}}?(?<coloured>(?i:{dwellings}))\b(?:{detail})?|{words}{{0,3}}?(?<detailed>(?i:{dwellings}))\b{detail})(?:,\s*|\s+(?i:at|on)\s+)$"
    ))
    .expect("the described-before pattern compiles")
});

/// The back of a numbered address, which is where someone sleeps (`a garage, back of 9
/// Tidal Road`): a different door than the front.
static BACK_OF: LazyLock<regex::Regex> = LazyLock::new(|| {
    let dwellings = dwellings_not_one();
    regex::Regex::new(&format!(
        r"\b(?:(?i:{dwellings})(?:\s+[0-9]{{1,3}}[A-Za-z]?)?\s+)?(?i:(?:round |around |at |in )?(?:the )?back of|behind|(?:sa )?likod ng|i tua o|i muri i|detrás de|atrás de|phía sau)\s+$"
    ))
    .expect("the back-of pattern compiles")
});

/// Where an address starting at `start` begins once the dwelling described before it is
/// taken in (`start` if none is).
pub fn dwelling_before(text: &str, start: usize) -> usize {
    let mut from = start.saturating_sub(160);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..start];
    if let Some(m) = DWELLING_BEFORE.find(before) {
        return from + m.start();
    }
    if let Some(m) = BACK_OF.find(before) {
        return from + m.start();
    }
    let Some(m) = DESCRIBED_BEFORE.find(before) else {
        return DWELLING_SET_OFF
            .captures(before)
            .and_then(|caps| caps.name("place"))
            // Whose dwelling it is (`at his flat, 12 ...`) makes it the report.
            .filter(|place| {
                place.as_str().split(' ').all(|w| {
                    !["his", "her", "their", "my", "our", "your"]
                        .contains(&w.to_lowercase().as_str())
                })
            })
            .map_or(start, |place| {
                // The match opens at the first word for being there (`stay in the unit`,
                // `Vivo en casa 2`): the place starts after the last (`the unit`).
                let words = place.as_str();
                let mut after_last = 0;
                let mut at = 0;
                for word in words.split(' ') {
                    if is_dwelling(word) {
                        break;
                    }
                    at += word.len() + 1;
                    if set_off_after(word) {
                        after_last = at;
                    }
                }
                from + place.start() + after_last
            });
    };
    // From the last determiner before the dwelling: `the workers in the house with the
    // boat, 12 ...` is `the house with the boat`.
    let dwelling = DESCRIBED_BEFORE
        .captures(m.as_str())
        .and_then(|caps| caps.name("coloured").or_else(|| caps.name("detailed")))
        .map_or(0, |d| d.start());
    let last = DETERMINER
        .find_iter(&m.as_str()[..dwelling])
        .last()
        .map_or(0, |d| d.start());
    from + m.start() + last
}

/// A named street standing after a comma, a preposition or a line's start, where a
/// place told by its street and town may open (`we stay Seymour Street, Blenheim, the
/// big house ...`).
static STREET_OPENING: LazyLock<WordBounded> =
    LazyLock::new(|| WordBounded::new(&format!(r"(?:^|[,:\n]\s*|\s){}", street())));

/// Rural delivery in an address's tail (`, RD 1,`): it narrows a road to a few farms.
static RURAL_DELIVERY: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?:^|[,\s])(?:RD|R\.D\.) ?[0-9]{1,2}\b").expect("the RD pattern compiles")
});

/// A street with no number whose tail or the words after it point at one place: its
/// rural delivery number (`Tangowahine Valley Road, RD 1, Dargaville`), or the dwelling
/// told after its town (`Seymour Street, Blenheim, the big house with the red roof next
/// to the church hall`). A street and town alone name no household.
fn streets_pointed_at(text: &str, found: &mut Vec<(usize, usize)>) {
    // Without groups (the fast engines, as in `find`): the street starts after the marks
    // and spaces the match opens with.
    for (m_start, m_end) in STREET_OPENING.find_iter(text) {
        let m = &text[m_start..m_end];
        let opening = m.len() - m.trim_start_matches([',', ':']).trim_start().len();
        let (start, street_end) = (m_start + opening, m_end);
        if found.iter().any(|&(s, e)| (s..e).contains(&start)) {
            continue;
        }
        // A farm, orchard or vineyard on a named road: a road has few (`the vineyard on
        // Rapaura Road past the one lane bridge`).
        let from = super::text::floor_boundary(text, start.saturating_sub(64));
        // (Not a highway: it runs past many.)
        let street = &text[start..street_end];
        let highway = street.starts_with("SH")
            || street
                .get(..13)
                .is_some_and(|h| h.eq_ignore_ascii_case("state highway"));
        if let Some(workplace) = WORKPLACE_ON.find(&text[from..start]).filter(|_| !highway) {
            let end = goes_on(text, street_end);
            found.push((
                from + workplace.start(),
                described_after(text, address::tail_of(text, end)),
            ));
            continue;
        }
        let tail = address::tail_of(text, street_end);
        let end = described_after(text, tail);
        if end > tail || RURAL_DELIVERY.is_match(&text[street_end..tail]) {
            found.push((start, end));
        }
    }
}

/// Rural workplaces a road has few of, and the word that puts one on the road, right
/// before the road's name. (A packhouse or a shop on a street is a business, not a
/// household's door.)
static WORKPLACE_ON: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"\b(?i:the)\s+(?:[\p{L}'’\-]+\s+){0,2}?(?i:farm|orchard|vineyard|winery|dairy farm|dairy shed|cowshed|kiwifruit block|sheep station)\s+(?i:on|off|along|down|up|at the end of|at the top of)\s+$",
    )
    .expect("the workplace-on pattern compiles")
});

/// Where a place ending at `end` ends once at most two descriptions after it are taken,
/// each up to a mark (`just past the Waharoa turnoff with the boarded up pool`).
fn goes_on(text: &str, end: usize) -> usize {
    let mut end = end;
    for _ in 0..2 {
        let Some(more) = DESCRIPTION_GOES_ON.find(&text[end..]) else {
            break;
        };
        end += text[end..end + more.end()]
            .trim_end_matches(|c: char| ",.;:!?\n()".contains(c))
            .len();
    }
    end
}

/// A named street right after a described place, set off by a comma.
static STREET_SET_OFF: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(&format!(r"^,\s+{}", street())).expect("the street-set-off pattern compiles")
});

/// Where a place ending at `end` in a landmark's noun ends once the street named for
/// the landmark is taken (`behind the Caltex on Church` + ` Street`, `on School` +
/// ` Road`): a capitalised street type right after it.
fn street_named_for(text: &str, end: usize) -> usize {
    let Some(rest) = text[end..].strip_prefix(' ') else {
        return end;
    };
    let len = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let word = &rest[..len];
    let typed = word.starts_with(char::is_uppercase)
        && address::STREET_TYPES.contains(&word.to_lowercase().as_str());
    if typed {
        end + 1 + len
    } else {
        end
    }
}

/// The described places in `text`, as byte ranges, each carried over its tail (suburb,
/// town, postcode).
pub fn find(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    // Found first without groups (the fast engines), then read for the dwelling within the
    // match alone: groups over the whole text take the slowest engine.
    for (whole_start, whole_end) in DESCRIBED.find_iter(text) {
        let dwelling = DESCRIBED
            .group_start(&text[whole_start..whole_end], "dwelling")
            .map_or(whole_start, |d| whole_start + d);
        // The words before the dwelling are its own (`the old pickers'`), from the last
        // determiner on: `her family lives in the fale` is `the fale`.
        let start = DETERMINER
            .find_iter(&text[whole_start..dwelling])
            .last()
            .map_or(whole_start, |d| whole_start + d.start());
        // The room in it: `room 12 at the backpackers on Grove Road`.
        let from = super::text::ceil_boundary(text, start.saturating_sub(24));
        let start = ROOM_IN
            .find(&text[from..start])
            .map_or(start, |m| from + m.start());
        let mut end = street_named_for(text, whole_end);
        // The street the landmark is on, set off by a comma (`behind the Ōpōtiki Hotel,
        // Church Street, Ōpōtiki`).
        if let Some(street) = STREET_SET_OFF.find(&text[end..]) {
            end += street.end();
        }
        let end = goes_on(text, end);
        found.push((start, described_after(text, address::tail_of(text, end))));
    }
    // The corner of two named streets points at one site as a number does.
    for m in CORNER.find_iter(text) {
        if !found.iter().any(|&(s, e)| s < m.end() && m.start() < e) {
            found.push((
                m.start(),
                described_after(text, address::tail_of(text, m.end())),
            ));
        }
    }
    streets_pointed_at(text, &mut found);
    found
}

/// The corner of two named streets (`the corner of Springs Road and Harris Road`).
static CORNER: LazyLock<regex::Regex> = LazyLock::new(|| {
    let street = street();
    regex::Regex::new(&format!(
        r"(?i:the\s+)?(?i:corner)\s+(?i:of)\s+{street}\s+(?i:and|&)\s+(?:{street}|(?i:the\s+(?:state\s+)?highway|the\s+main\s+road)\b)"
    ))
    .expect("the corner pattern compiles")
});

#[cfg(test)]
mod tests {
    use super::*;

    fn places(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn a_dwelling_placed_by_a_street_is_a_place() {
        assert_eq!(
            places("they work at the big grey house with the tennis court at the end of Rata Road, Ōrākei. I see them"),
            vec!["the big grey house with the tennis court at the end of Rata Road, Ōrākei"]
        );
        assert_eq!(
            places("She's staying at the backpackers on Cron Street, the one next to the helicopter office, Franz Josef. Her"),
            vec!["the backpackers on Cron Street, the one next to the helicopter office, Franz Josef"]
        );
        assert_eq!(
            places("Lives at the old pickers' house on No 3 Road past the Kiwi360 turnoff, Te Puke. Caller"),
            vec!["the old pickers' house on No 3 Road past the Kiwi360 turnoff, Te Puke"]
        );
        assert_eq!(
            places("they stay in the old church hall on Tui Street in Taihape, round the back"),
            vec!["the old church hall on Tui Street in Taihape"]
        );
        assert_eq!(
            places("we have the cottage by the silos on Ealing-Montalto Road, no power"),
            vec!["the cottage by the silos on Ealing-Montalto Road"]
        );
        assert_eq!(
            places("we r in the shearing quarters at Awatere Valley Road, the 2nd woolshed after Seddon, no hot water"),
            vec!["the shearing quarters at Awatere Valley Road, the 2nd woolshed after Seddon"]
        );
        assert_eq!(
            places("they live at the big white house behind the Caltex on Church Street, Ōtāhuhu. Driver"),
            vec!["the big white house behind the Caltex on Church Street, Ōtāhuhu"]
        );
        // A hotel as the landmark, its street set off by a comma.
        assert_eq!(
            places("based out of the quarters behind the Ōpōtiki Hotel, Church Street, Ōpōtiki. The gang boss"),
            vec!["the quarters behind the Ōpōtiki Hotel, Church Street, Ōpōtiki"]
        );
    }

    #[test]
    fn the_corner_of_two_streets_is_a_place() {
        assert_eq!(
            places(
                "collects them for a warehouse on the corner of Springs Road and Harris Road. Men"
            ),
            vec!["the corner of Springs Road and Harris Road"]
        );
        // One street is no corner.
        assert!(places("the corner of Springs Road is busy").is_empty());
        // A named road and the highway, and what tells the house apart after it.
        let text = "in the old house at the corner of Raes Junction Road and the highway, the one \
                    with the broken windmill. Sometimes";
        assert!(places(text).iter().any(
            |p| p.ends_with("Junction Road and the highway, the one with the broken windmill")
        ));
    }

    #[test]
    fn a_farm_or_vineyard_on_a_named_road() {
        assert_eq!(
            places("its the vineyard on Rapaura Road past the one lane bridge, big green shed"),
            vec!["the vineyard on Rapaura Road past the one lane bridge"]
        );
        assert_eq!(
            places("the crew at the orchard off Te Mata Mushroom Road, Havelock North. He"),
            vec!["the orchard off Te Mata Mushroom Road, Havelock North"]
        );
        // A road alone is no place.
        assert!(places("we drove along Rapaura Road to town").is_empty());
    }

    #[test]
    fn descriptions_after_an_address_one_after_the_other() {
        let text = "Work at 12 Dog Point Road, Renwick, past the gravel pit, second gate. his wife";
        let end = text.find(", past").unwrap();
        assert_eq!(
            &text[..described_after(text, end)],
            "Work at 12 Dog Point Road, Renwick, past the gravel pit, second gate"
        );
        // A landmark with what tells it apart.
        let text = "1075 State Highway 1, the farm with the silver silo past the dog. farm manager";
        let end = text.find(", the").unwrap();
        assert_eq!(
            &text[..described_after(text, end)],
            "1075 State Highway 1, the farm with the silver silo past the dog"
        );
        // A named landmark with no `the` (`, near Kalika temple`).
        let text = "Ward 4, Birtamod, near Kalika temple. phone";
        let end = text.find(", near").unwrap();
        assert_eq!(
            &text[..described_after(text, end)],
            "Ward 4, Birtamod, near Kalika temple"
        );
        // `the one` with what tells it apart.
        let text = "14 Hill Road, the one with the red gate. the boss";
        let end = text.find(", the").unwrap();
        assert_eq!(
            &text[..described_after(text, end)],
            "14 Hill Road, the one with the red gate"
        );
        // An ordinal alone is no description.
        let text = "12 Dog Point Road, second time he hit me";
        let end = text.find(", second").unwrap();
        assert_eq!(described_after(text, end), end);
    }

    #[test]
    fn a_dwelling_told_in_another_language_after_a_street_and_town() {
        assert_eq!(
            places("matou te nonofo Hakiaha Street, Taumarunui, le fale samasama i tafatafa o le falesa. faafetai"),
            vec!["Hakiaha Street, Taumarunui, le fale samasama i tafatafa o le falesa"]
        );
        assert_eq!(
            places("kami tinggal di Bridge Street, Nelson, rumah biru dekat masjid. tolong"),
            vec!["Bridge Street, Nelson, rumah biru dekat masjid"]
        );
        assert_eq!(
            places("el jefe vive en Rapaura Road, Renwick, la casa azul al lado del galpón. mi"),
            vec!["Rapaura Road, Renwick, la casa azul al lado del galpón"]
        );
        assert_eq!(
            places("我们住在 Ilam, Christchurch, Clyde Road 旁边的一个车库里。老板"),
            vec!["Clyde Road 旁边的一个车库里"]
        );
    }

    #[test]
    fn a_street_with_its_rural_delivery_or_a_dwelling_told_after_its_town() {
        assert_eq!(
            places("we stay Seymour Street, Blenheim, the big house with the red roof next to the church hall. my number"),
            vec!["Seymour Street, Blenheim, the big house with the red roof next to the church hall"]
        );
        assert_eq!(
            places("Farm is on Tangowahine Valley Road, RD 1, Dargaville, the one with the green woolshed. I'm"),
            vec!["Tangowahine Valley Road, RD 1, Dargaville, the one with the green woolshed"]
        );
        // A street and its town alone, or a business on a street: no household.
        assert!(places("the packhouse on Pakowhai Road, Hastings is hiring").is_empty());
        assert!(places("She works on Queen Street, Auckland. Her boss").is_empty());
    }

    #[test]
    fn a_room_in_a_described_place_goes_with_it() {
        assert_eq!(
            places("my friend is in room 12 at the backpackers on Grove Road Blenheim, 4 girls"),
            vec!["room 12 at the backpackers on Grove Road Blenheim"]
        );
    }

    #[test]
    fn a_dwelling_on_a_corner_takes_both_streets() {
        assert_eq!(
            places("his house is the big white one on the corner of Rata Road and Riwaka-Kaiteriteri Road, Riwaka."),
            vec!["the big white one on the corner of Rata Road and Riwaka-Kaiteriteri Road, Riwaka"]
        );
    }

    #[test]
    fn a_dwelling_placed_by_a_named_landmark_is_a_place() {
        assert_eq!(
            places("her family lives in the fale next to the EFKS church in Lufilufi, she has"),
            vec!["the fale next to the EFKS church in Lufilufi"]
        );
        assert_eq!(
            places("the house is the blue one behind the Z station on Kerikeri Road, it has"),
            vec!["the blue one behind the Z station on Kerikeri Road"]
        );
        assert_eq!(
            places("same house the one with the red roof across from Karori Normal School. pls"),
            vec!["the one with the red roof across from Karori Normal School"]
        );
        assert_eq!(
            places("the farm is the one after the railway crossing on Edendale Woodlands Highway with the big green silo. my boss"),
            vec!["the one after the railway crossing on Edendale Woodlands Highway with the big green silo"]
        );
    }

    #[test]
    fn a_dwelling_placed_by_a_landmark_on_a_street_is_a_place() {
        assert_eq!(
            places("They live at the bunkhouse behind the packhouse on Pakowhai Road, Hastings. Caller"),
            vec!["the bunkhouse behind the packhouse on Pakowhai Road, Hastings"]
        );
        assert_eq!(
            places(
                "the big grey house at the end of Orakei Road with the black gate, Remuera. Sir"
            ),
            vec!["the big grey house at the end of Orakei Road with the black gate, Remuera"]
        );
        assert_eq!(
            places("from the old motel on SH27 just past the Waharoa turnoff with the boarded up pool, 10 of them"),
            vec!["the old motel on SH27 just past the Waharoa turnoff with the boarded up pool"]
        );
    }

    #[test]
    fn a_numbered_dwelling_before_a_numbered_address() {
        fn before<'a>(text: &'a str, address: &str) -> &'a str {
            let at = text.find(address).expect("the address is in the text");
            &text[dwelling_before(text, at)..at]
        }
        // A dwelling numbered on the property, at the back of the address.
        assert_eq!(
            before("ME IN CARAVAN 2 AT BACK OF 231 RAPAURA RD", "231"),
            "CARAVAN 2 AT BACK OF "
        );
        assert_eq!(
            before("we sleep in cabin 4 at 12 Kauri Road", "12"),
            "cabin 4 at "
        );
        // An indefinite dwelling is what the report says, not where.
        assert_eq!(before("they sleep in a shed at 360 Karaka Lane", "360"), "");
        // A definite one points at the place.
        assert_eq!(
            before(
                "its the two-storey grey house with the boat in the drive, 8 Kowhai Lane",
                "8 K"
            ),
            "the two-storey grey house with the boat in the drive, "
        );
        assert_eq!(
            before("they live in the blue house at 540 Main North Road", "540"),
            "the blue house at "
        );
        assert_eq!(
            before("they live in his house at 540 Main North Road", "540"),
            ""
        );
        assert_eq!(
            before(
                "workers sleep in the old motel at 540 Main North Road",
                "540"
            ),
            "the old motel at "
        );
        assert_eq!(
            before(
                "the workers in the house across from the rugby club, 12 Camberwell Road",
                "12"
            ),
            "the house across from the rugby club, "
        );
        assert_eq!(
            before("I am the one who works at 12 Queen Street", "12"),
            ""
        );
        assert_eq!(
            before(
                "six of us in a garage, back of 9 Tidal Road, Māngere",
                "9 T"
            ),
            "back of "
        );
        assert_eq!(
            before(
                "they put her in a caravan at the back of 56 Middle Renwick Road",
                "56"
            ),
            "caravan at the back of "
        );
        assert_eq!(
            before(
                "Nakatira sila sa bodega ng contractor sa likod ng 18 Station Road",
                "18"
            ),
            "sa likod ng "
        );
        assert_eq!(
            before("Premises: Cottage 2, 1480 Moa Flat Road", "1480"),
            "Cottage 2, "
        );
        assert_eq!(
            before(
                "住所はAlpine Lodge staff cabin 3, 18 Cardrona Valley Road",
                "18 C"
            ),
            "Alpine Lodge staff cabin 3, "
        );
        assert_eq!(
            before(
                "assi teen munde Shed 3 wala cottage, 981 Thompsons Track",
                "981"
            ),
            "Shed 3 wala cottage, "
        );
        assert_eq!(before("We live at 12 Smith Street", "12"), "");
        assert_eq!(before("We work hard, 12 hours a day", "12"), "");
    }

    #[test]
    fn a_dwelling_set_off_before_its_address_belongs_to_it() {
        fn before<'a>(text: &'a str, address: &str) -> &'a str {
            let at = text.find(address).expect("the address is in the text");
            &text[dwelling_before(text, at)..at]
        }
        assert_eq!(
            before("and lives at the staff flat, 13A Parkview Avenue.", "13A"),
            "the staff flat, "
        );
        assert_eq!(
            before("we stay in the unit at the back, 77A Hokonui Drive", "77A"),
            "the unit at the back, "
        );
        assert_eq!(
            before("Адрес домик за коровником, 512 Hinds Highway", "512"),
            "домик за коровником, "
        );
        assert_eq!(
            before("Vivo en casa 2, 40 Middle Renwick Road", "40 M"),
            "casa 2, "
        );
        assert_eq!(
            before(
                "I live flat above the shop, 401 Grey Street, Hamilton East",
                "401"
            ),
            "flat above the shop, "
        );
        // Whose house it is, and a house alone, are the report.
        assert_eq!(
            before("I live in their house, 9 Cheltenham Road", "9 C"),
            ""
        );
        assert_eq!(before("a room at his flat, 64 Tay Street", "64"), "");
        assert_eq!(before("we share the house, 12 Kauri Street", "12"), "");
    }

    #[test]
    fn a_dwelling_told_after_in_any_language_belongs_to_it() {
        fn after<'a>(text: &'a str, address: &str) -> &'a str {
            let end = text.find(address).expect("the address is in the text") + address.len();
            &text[end..dwelling_told_after(text, end)]
        }
        assert_eq!(
            after("at 8 Te Irirangi Drive, the sleepout.", "Drive"),
            ", the sleepout"
        );
        assert_eq!(
            after("4 Mill Road, ma pachadi ko room ma baschhu.", "Road"),
            ", ma pachadi ko room"
        );
        assert_eq!(
            after("1102 Hinemoa Street, комната 4. Мой", "Street"),
            ", комната 4"
        );
        assert_eq!(
            after("Kathmandu, ghar no. 241", "Kathmandu"),
            ", ghar no. 241"
        );
        assert_eq!(
            after("9 Shands Road 后院的集装箱。老板", "Road"),
            " 后院的集装箱"
        );
        assert_eq!(
            after("17 Ranolf Street को पछाडिको कोठा मा राखेको छ।", "Street"),
            " को पछाडिको कोठा"
        );
        // A clause about the place is the report.
        assert_eq!(after("7 Kowhai Street, three to a room.", "Street"), "");
        assert_eq!(
            after("47 Rangitikei Street, 6 men in 3 rooms, and", "Street"),
            ""
        );
        assert_eq!(
            after("12 Kauri Street, the house belongs to his wife", "Street"),
            ""
        );
        assert_eq!(
            after("15 Kingsway Avenue, அதுவும் அவருடைய வீடுதான்.", "Avenue"),
            ""
        );
    }

    #[test]
    fn a_dwelling_told_after_its_address_belongs_to_it() {
        fn after<'a>(text: &'a str, address: &str) -> &'a str {
            let end = text.find(address).expect("the address is in the text") + address.len();
            &text[end..described_after(text, end)]
        }
        assert_eq!(
            after(
                "we are at 512 paterangi road, the cottage by the calf shed (not the main house).",
                "road"
            ),
            ", the cottage by the calf shed"
        );
        assert_eq!(
            after(
                "at 9 Mill Road, RD 12, Havelock North (the cabins behind the cool store). one",
                "North"
            ),
            " (the cabins behind the cool store)"
        );
        assert_eq!(
            after(
                "we rahe 2 Old Renwick Road, behind the grey shed. hamar",
                "Road"
            ),
            ", behind the grey shed"
        );
        assert_eq!(
            after("at 12 Kauri Street, the boss comes at night", "Street"),
            ""
        );
        // A dwelling told as one of a kind is what the report says, not which door.
        assert_eq!(
            after(
                "is 21A Victoria Avenue, a big white house with a black gate.",
                "Avenue"
            ),
            ""
        );
        assert_eq!(
            after("at 12 Kauri Street (Hamilton) since May", "Street"),
            ""
        );
    }

    #[test]
    fn no_anchor_no_place() {
        assert!(places("they sleep in the shed behind the house").is_empty());
        assert!(places("we work in the orchard on State Highway 2").is_empty());
        assert!(places("the house was cold and the boss was angry").is_empty());
    }
}
