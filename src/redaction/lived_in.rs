//! Where the writer says they live, told around a named street in their own language:
//! `em ở phòng trên lầu nhà hàng, 212 Main Street`, `vivo en la casa amarilla al fondo del
//! viñedo, Rapaura Road`, `หนูอยู่ที่ บ้านหลังที่สองหลังร้านนวด ถนน Cuba Street`, `ਅਸੀਂ
//! Waipapa Road ਤੇ ਪੁਰਾਣੇ packhouse ਦੇ ਪਿੱਛੇ ਵਾਲਾ ਘਰ, Kerikeri ਰਹਿੰਦੇ ਹਾਂ`.
//!
//! The room above the restaurant, the yellow house at the back of the vineyard: on a
//! named street these point at one door, and the writer behind it. The English ones are
//! `described_place`'s (its dwellings and prepositions); in the other languages the
//! words are too many to list, so the whole stretch between a word for living somewhere
//! and the end of its sentence is taken when it names a street. Where the verb comes
//! last (Hindi, Punjabi, Tamil, Korean, Japanese), the stretch before it. A stretch with
//! no street (`vivo en Queenstown`) names no one. Before a numbered address, a short
//! description is taken with it (`em ở phòng trên lầu nhà hàng, 212 Main Street`): the
//! writer has just said they live there, so the room is their door, not the report's
//! workplace; a longer stretch, or other numbers in it, is left to the address rules.

use super::names::script::Script;
use super::{address, described_place, residence, text};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::sync::LazyLock;

/// The rule id of such a place (`Span::rule`).
pub const RULE: &str = "lived-in";

/// Words for living or staying somewhere that the place follows, with their preposition
/// (which stays outside the place): Vietnamese (with its marks and without), Thai, Chinese, Indonesian and Malay,
/// Tagalog and Bisaya, Spanish, Portuguese, Russian and Ukrainian, Arabic, Bengali,
/// Nepali, Khmer, Swahili, Samoan and Tongan, te reo. Compared without ASCII case.
/// (English ones are `described_place`'s, by its dwellings and prepositions.)
const CUES_BEFORE: &[&str] = &[
    "em ở",
    "tôi ở",
    "mình ở",
    "con ở",
    "cháu ở",
    "chị ở",
    "anh ở",
    "đang ở",
    "sống ở",
    "sống tại",
    "ở tại",
    // Vietnamese typed without its marks.
    "em o",
    "toi o",
    "minh o",
    "dang o",
    "song o",
    "song tai",
    "อยู่ที่",
    "พักที่",
    "พักอยู่",
    "住在",
    "住喺",
    "tinggal di",
    "aku di",
    "saya di",
    "kami di",
    "menginap di",
    "nakatira ako sa",
    "nakatira po ako sa",
    "nakatira po kami sa",
    "nakatira kami sa",
    "nakatira sa",
    "nandito ako sa",
    "nandito kami sa",
    "andito ako sa",
    "andito kami sa",
    "nagpuyo ko sa",
    "nagpuyo mi sa",
    "puyo ko sa",
    "vivo en",
    "vivimos en",
    "estoy en",
    "estamos en",
    "me quedo en",
    "nos quedamos en",
    "moro na",
    "moro no",
    "moro em",
    "moramos na",
    "moramos no",
    "moramos em",
    "estou na",
    "estou no",
    "fico na",
    "fico no",
    "я живу в",
    "я живу на",
    "я живу у",
    "живу в",
    "живу на",
    "живём в",
    "живем в",
    "ми живемо в",
    "я в",
    "Я в",
    "Я живу в",
    "Живу в",
    "я у",
    "أسكن في",
    "أعيش في",
    "ساكن في",
    "نسكن في",
    "أقيم في",
    "আমি থাকি",
    "আমরা থাকি",
    "ami thaki",
    "amra thaki",
    "बस्ने ठाउँ",
    "ខ្ញុំនៅ",
    "ខ្ញុំ\u{200b}នៅ",
    "យើងនៅ",
    "យើង\u{200b}នៅ",
    "រស់នៅ",
    "ស្នាក់នៅ",
    "ninaishi",
    "tunaishi",
    "naishi",
    "ninakaa",
    "nofo i",
    "nonofo i",
    "nofo 'i",
    "nofo ʻi",
    "noho ana ki",
];

/// Words for living somewhere that come after the place (verb-last languages): Hindi and
/// Nepali (in their script and in Latin letters), Punjabi, Tamil, Korean, Japanese, Persian, Mongolian.
const CUES_AFTER: &[&str] = &[
    "रहता हूँ",
    "रहती हूँ",
    "रहता हूं",
    "रहती हूं",
    "रहते हैं",
    "rehta hu",
    "rehta hoon",
    "rehti hu",
    "rehti hoon",
    "rehte hai",
    "rehte hain",
    "rehnde haan",
    "बस्छु",
    "बस्छौं",
    "ਰਹਿੰਦੇ",
    "ਰਹਿੰਦਾ",
    "ਰਹਿੰਦੀ",
    "இருக்கேன்",
    "இருக்கிறேன்",
    "வசிக்கிறேன்",
    "இருக்கோம்",
    "வசிக்கிறோம்",
    "살아요",
    "살고 있어요",
    "살고 있습니다",
    "삽니다",
    "住んでいます",
    "住んでる",
    "住んでます",
    "زندگی می‌کنم",
    "زندگی میکنم",
    "амьдардаг",
];

/// The writer's own pronoun at the head of a verb-last sentence: the place starts after
/// it (`ਅਸੀਂ Waipapa Road ...`).
const PRONOUNS: &[&str] = &[
    "मैं",
    "हम",
    "main",
    "hum",
    "म",
    "हामी",
    "ਮੈਂ",
    "ਅਸੀਂ",
    "நான்",
    "நாங்கள்",
    "저는",
    "제가",
    "우리는",
    "私は",
    "僕は",
    "من",
    "ما",
    "би",
    "бид",
];

/// At most this many bytes between a cue and the street it names, and in a place.
const REACH: usize = 200;

// A DFA, past the 100 patterns the crate's own choice allows one for: the same matches,
// found faster, on every text.
static CUE: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(CUES_BEFORE.iter().chain(CUES_AFTER))
        .expect("the lived-in cues build an automaton")
});

static STREET: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(&described_place::street()).expect("the street pattern compiles")
});

/// Whether a cue is written in a script with spaces between its words: not Han, Thai or
/// Khmer, whose cues may stand inside a run of letters.
fn spaced(cue: &str) -> bool {
    !cue.chars()
        .any(|c| Script::of(c).unspaced() || ('\u{1780}'..='\u{17ff}').contains(&c))
}

/// The places in `text` told around a word for living there, as byte ranges.
pub fn find(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for cue in CUE.find_iter(text) {
        let word = &text[cue.start()..cue.end()];
        let whole = |c: Option<char>| !spaced(word) || residence::outside_word(c);
        if !whole(text[..cue.start()].chars().next_back())
            || !whole(text[cue.end()..].chars().next())
        {
            continue;
        }
        let place = if cue.pattern().as_usize() < CUES_BEFORE.len() {
            after(text, cue.end())
        } else {
            before(text, cue.start())
        };
        found.extend(place);
    }
    found
}

/// The place after a cue ending at `from`: to the last street of its sentence, with the
/// street's tail and the dwelling told after it.
fn after(text: &str, from: usize) -> Option<(usize, usize)> {
    let window = text::floor_boundary(text, (from + REACH).min(text.len()));
    let rest = &text[from..window];
    let sentence = text::sentence_end(rest);
    let street = STREET.find_iter(&rest[..sentence]).last()?;
    let start = from + rest.len() - rest.trim_start_matches([' ', ':', '\u{200b}']).len();
    let before_street = &text[start..from + street.start()];
    // (A number after the street, `e 15 matou` fifteen of us, is the sentence's.)
    if before_street.contains(|c: char| c.is_ascii_digit()) {
        room_before_number(before_street)?;
    } else if !described(before_street) {
        // A street right after the cue, or after a town (`vivo en Queenstown, Gorge
        // Road`), is a street lived on, which names no door; a description before it does.
        return None;
    }
    let tail = address::tail_of(text, from + street.end());
    Some((start, described_place::described_after(text, tail)))
}

/// At most this many words describe the room or house before its numbered address.
const ROOM_WORDS: usize = 8;

/// The house number a street follows, after a comma or a word for "number" that ends the
/// room told before it (`phòng trên lầu nhà hàng, 212 `, `квартире 5B, 90 `, `ห้องพักหลังร้าน
/// เลขที่ 88 `). Joined by a preposition instead (`em ở chung nhà với chủ tại 41`, living in
/// the boss's house at 41), the dwelling is the report, as in English.
static HOUSE_NUMBER: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?:,\s*|(?:^|\s)(?i:số|so|no\.?|№|เลขที่|номер)\s*)\d{1,5}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)?\s+$",
    )
    .expect("the house number pattern compiles")
});

/// A house number alone at the end of the words before a street.
static BARE_HOUSE_NUMBER: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"\s+\d{1,5}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)?\s+$")
        .expect("the bare house number pattern compiles")
});

/// The room told in `words` before a street's house number: a short description with no
/// other number but a flat's (`квартире 5B`). A bare count (`3 năm`, three years) says
/// the words are a clause, not a room.
fn room_before_number(words: &str) -> Option<&str> {
    let room = match HOUSE_NUMBER.find(words) {
        Some(number) => &words[..number.start()],
        // Thai and Chinese set no comma between the room and the number
        // (`ชั้นบนร้าน 214 `, upstairs of the shop).
        None => {
            let number = BARE_HOUSE_NUMBER.find(words)?;
            let room = &words[..number.start()];
            room.chars()
                .next_back()
                .is_some_and(|c| Script::of(c).unspaced())
                .then_some(room)?
        }
    };
    let short = room.split_whitespace().count() <= ROOM_WORDS;
    let no_count = room.split_whitespace().all(|word| {
        let word = word.trim_end_matches([',', '.']);
        (word.is_empty() || !word.chars().all(|c| c.is_ascii_digit()))
            && word.chars().filter(char::is_ascii_digit).count() <= 3
    });
    (short && no_count && !room.contains(['$', '%']) && described(room)).then_some(room)
}

/// Whether `words` describe something: a word that is not a name (not capitalised, or in
/// a script without capitals).
fn described(words: &str) -> bool {
    words.split_whitespace().any(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() && !c.is_uppercase())
    })
}

/// The place before a verb-last cue starting at `to`: from its sentence's start (after
/// the writer's pronoun), when it names a street.
fn before(text: &str, to: usize) -> Option<(usize, usize)> {
    let window = text::ceil_boundary(text, to.saturating_sub(REACH));
    let head = &text[window..to];
    let from = head
        .char_indices()
        .rev()
        .find(|&(i, c)| text::is_sentence_end(head, i, c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let sentence = &head[from..];
    let street = STREET.find(sentence)?;
    let opening = sentence[..street.start()]
        .split_whitespace()
        .rev()
        .find(|w| PRONOUNS.contains(w))
        .and_then(|w| {
            let at = sentence[..street.start()].rfind(w)?;
            Some(at + w.len())
        })
        .unwrap_or(0);
    let place = &sentence[opening..];
    if place.contains(|c: char| c.is_ascii_digit()) {
        // A numbered address: the room told before it, and the address to its end (what
        // follows, up to the verb, is the clause: `8 хүн нэг байшинд`, eight people in one
        // house).
        let room = room_before_number(sentence[opening..street.start()].trim_start())?;
        let start = window + from + sentence[..street.start()].rfind(room)?;
        let tail = address::tail_of(text, window + from + street.end());
        return Some((start, described_place::described_after(text, tail)));
    }
    // As after a cue, the street alone names no door: the place must say more.
    let around = place.replace(street.as_str(), "");
    if around.split_whitespace().count() < 2 || !described(&around) {
        return None;
    }
    let start = window + from + opening + (place.len() - place.trim_start().len());
    let end = window + from + sentence.trim_end().len();
    (end > start).then_some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn the_place_after_a_word_for_living_there_in_other_languages() {
        assert_eq!(
            places("vivo en la casa amarilla al fondo del viñedo, Rapaura Road, al lado del galpón. mi número"),
            vec!["la casa amarilla al fondo del viñedo, Rapaura Road, al lado del galpón"]
        );
        assert_eq!(
            places("หนูอยู่ที่ บ้านหลังที่สองหลังร้านนวด ถนน Cuba Street, Wellington. ไลน์"),
            vec!["บ้านหลังที่สองหลังร้านนวด ถนน Cuba Street, Wellington"]
        );
        assert_eq!(
            places("ខ្ញុំ\u{200b}នៅ ផ្ទះ\u{200b}ពណ៌ស\u{200b}ក្បែរ\u{200b}ព្រះវិហារ, Karamu Road, Hastings។"),
            vec!["ផ្ទះ\u{200b}ពណ៌ស\u{200b}ក្បែរ\u{200b}ព្រះវិហារ, Karamu Road, Hastings"]
        );
    }

    #[test]
    fn the_place_before_a_verb_that_comes_last() {
        assert_eq!(
            places("ਅਸੀਂ Waipapa Road ਤੇ ਪੁਰਾਣੇ packhouse ਦੇ ਪਿੱਛੇ ਵਾਲਾ ਘਰ, Kerikeri ਰਹਿੰਦੇ ਹਾਂ. ਮੇਰੀ"),
            vec!["Waipapa Road ਤੇ ਪੁਰਾਣੇ packhouse ਦੇ ਪਿੱਛੇ ਵਾਲਾ ਘਰ, Kerikeri"]
        );
    }

    #[test]
    fn the_room_told_before_a_numbered_address() {
        assert_eq!(
            places("em ở phòng trên lầu nhà hàng, 212 Main Street, Upper Hutt 5018. chủ"),
            vec!["phòng trên lầu nhà hàng, 212 Main Street, Upper Hutt 5018"]
        );
        assert_eq!(
            places("я в квартире 5B, 90 Anzac Avenue, Auckland Central, документы"),
            vec!["квартире 5B, 90 Anzac Avenue, Auckland Central"]
        );
        assert_eq!(
            places("நான் restaurant மேல் flat, 142 Victoria Street, Hamilton Central ல இருக்கேன்."),
            vec!["restaurant மேல் flat, 142 Victoria Street, Hamilton Central"]
        );
        // Pay and hours are no room; a dwelling joined by a preposition is the report.
        assert!(places("em ở đây làm 60 giờ một tuần lương $300, 212 Main Street.").is_empty());
        assert!(
            places("em ở chung nhà với chủ tại 41 Featherston St, Palmerston North.").is_empty()
        );
        assert_eq!(
            places("ดิฉันพักอยู่ชั้นบนร้าน 214 Cameron Road, Tauranga 3110 เจ้าของ"),
            vec!["ชั้นบนร้าน 214 Cameron Road, Tauranga 3110"]
        );
    }

    #[test]
    fn no_street_no_place() {
        assert!(places("vivo en Queenstown con mi hermana. el jefe").is_empty());
        assert!(places("I live in fear every day. The boss is on Queen Street.").is_empty());
        assert!(places("em ở đây 3 năm rồi, chủ không trả lương").is_empty());
        assert!(places("मैं हर दिन डर में रहता हूँ").is_empty());
        assert!(places("vivo en Queenstown, Gorge Road, cerca del río.").is_empty());
        assert!(places("em ở đây 3 năm rồi, làm ở 212 Main Street, Upper Hutt.").is_empty());
        assert!(places("मैं Queen Street में रहता हूँ").is_empty());
    }
}
