//! Whose detail a span is: the role hint. A detail is the writer's own when, earlier in
//! its clause, the text presents it so (`my number`, `call me on`, `我的微信`, `मेरा फोन`,
//! `numero ko`, `tōku`), or a possessive comes with no other person after it (`my driver
//! licence`, not `my boss's licence`), or the clause opens with a request to be contacted.

use super::rules::Words;
use super::text::{floor_boundary, fold, is_alphanumeric, Folded};
use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

/// Phrases that, earlier in the same clause, present a detail as the writer's own: in
/// English and in the languages the report form is offered in or reporters write in.
/// Compared folded (lower case, no diacritics), so `tōku` is written `toku` here too.
const REPORTER_CUES: &[&str] = &[
    "my name",
    "i am",
    "i'm",
    "im",
    "me on",
    "me at",
    "me via",
    "me by",
    "call me",
    "text me",
    "ring me",
    "phone me",
    "reach me",
    "contact me",
    "email me",
    "message me",
    "find me",
    "add me",
    "my number",
    "my phone",
    "my mobile",
    "my cell",
    "my email",
    "my e-mail",
    "my address",
    "my home",
    "i live",
    "i stay",
    // Where the writer lives, even in the boss's house: `9 of us living in his house at`.
    "we live",
    "we stay",
    "we sleep",
    "we are living",
    "we're living",
    "we all live",
    "of us living",
    "of us live",
    "of us stay",
    "i'm living",
    "i am living",
    "i sleep",
    // Hindi, Punjabi, Nepali, Bengali and Fiji Hindi in Latin letters: `mera number`.
    "mera number",
    "mera no",
    "mera phone",
    "mera mobile",
    "mera whatsapp",
    "meri id",
    "mero number",
    "mero phone",
    "amar number",
    "amar phone",
    "hamar number",
    "hamara number",
    "sada number",
    "mainu",
    "my ird",
    "my tax",
    "my passport",
    "my visa",
    "my id",
    "my ic",
    "my ssn",
    "my sss",
    "my aadhaar",
    "my aadhar",
    "my pan",
    "my cedula",
    "my national",
    "my account",
    "my wages",
    "my bank",
    "my card",
    "my licence",
    "my license",
    "my plate",
    "my car",
    "i was born",
    "my date of birth",
    "my dob",
    "my birthday",
    "regards",
    "thanks",
    "thank you",
    "cheers",
    "sincerely",
    "nga mihi",
    "my facebook",
    "my instagram",
    "my wechat",
    "my line",
    "my whatsapp",
    "my viber",
    "my telegram",
    "my handle",
    "my details",
    "writing from",
    "sent by",
    "sender",
    "from:",
    // A call taken down by a handler: the caller is the reporter.
    "caller's",
    "callers",
    "caller is",
    "caller named",
    "caller called",
    "caller lives",
    "caller stays",
    "caller on",
    "caller at",
    "caller gave",
    "caller's own",
    // Chinese, Japanese, Korean.
    "我叫",
    "我是",
    "我住",
    "本人",
    "联系我",
    "加我",
    "打给我",
    "私の",
    "僕の",
    "저는",
    "제 이름",
    "제 번호",
    "제 여권",
    "제 주소",
    // Hindi, Nepali.
    "मैं",
    "मुझे",
    // Tagalog.
    "akin",
    "numero ko",
    "pangalan ko",
    "tirahan ko",
    // "my passport", "my ID", "my account", "my house": what the boss holds is still mine.
    "passport ko",
    "pasaporte ko",
    "id ko",
    "account ko",
    "bahay ko",
    "email ko",
    "ako si",
    // Te reo Māori, Samoan, Tongan.
    "ahau",
    "lo'u",
    "lou igoa",
    "o a'u",
    "hoku",
    "'eku",
    // Vietnamese, Indonesian and Malay, Thai.
    "toi",
    "cua toi",
    "saya",
    "aku",
    "ผม",
    "ฉัน",
    "ดิฉัน",
    // Spanish, Portuguese, Russian.
    "mi numero",
    "mi nombre",
    "me llamo",
    "mi direccion",
    "mi cedula",
    "meu",
    "minha",
    "мой",
    "моя",
    "меня",
];

/// `my`, `our`, `我的`, `मेरा` ... before a detail make it the writer's, unless one of
/// these people comes between (`my boss's number`).
const POSSESSIVES: &[&str] = &[
    "my",
    "our",
    "我的",
    "我们的",
    "मेरा",
    "मेरी",
    "मेरे",
    "मेरो",
    "aking",
    "toku",
    "taku",
];

/// People a possessive may point to instead of the writer.
const OTHER_PEOPLE: &[&str] = &[
    "boss",
    "manager",
    "employer",
    "owner",
    "supervisor",
    "contractor",
    "agent",
    "landlord",
    "landlady",
    "friend",
    "friends",
    "cousin",
    "wife",
    "husband",
    "partner",
    "brother",
    "sister",
    "uncle",
    "aunty",
    "auntie",
    "mother",
    "mum",
    "mom",
    "father",
    "dad",
    "son",
    "daughter",
    "kids",
    "children",
    "family",
    "colleague",
    "workmate",
    "flatmate",
    "mate",
    "neighbour",
    "neighbor",
    "recruiter",
    "foreman",
    "team",
    "leader",
    "coworker",
    // Someone else's, named by a pronoun: `our passports, his number is`.
    "his",
    "her",
    "their",
    "老板",
    "朋友",
    "中介",
    "丈夫",
    "妻子",
    "मालिक",
    "दोस्त",
];

/// Sentence ends: a `.` after one of these is an abbreviation (`SSS no. 34-...`).
const ABBREVIATIONS: &[&str] = &[
    "no", "nr", "nos", "st", "rd", "dr", "mr", "mrs", "ms", "brgy", "blk", "jr", "sr", "ph", "tel",
    "mob", "ave", "apt", "vs", "etc", "approx", "ref", "acct",
];

/// Verbs that, opening a clause with no subject, ask to be contacted: `Ring 021 ...`.
const CONTACT_IMPERATIVES: &[&str] = &[
    "contact", "call", "ring", "text", "email", "e-mail", "phone", "reach", "whatsapp", "message",
];

/// Whether `between` (the text between two spans) ends a sentence.
pub fn sentence_break(between: &str) -> bool {
    between.contains(['。', '！', '？'])
        || (0..between.len()).any(|i| ends_sentence(between, i, true))
}

/// Whether byte `i` of `s` ends a sentence: a new line, or `.`, `!`, `?`, `;` before a
/// space (or the end, when `at_end` counts), but not the dot of an abbreviation.
fn ends_sentence(s: &str, i: usize, at_end: bool) -> bool {
    let b = s.as_bytes();
    let c = b[i];
    if c == b'\n' {
        return true;
    }
    if !matches!(c, b'.' | b'!' | b'?' | b';') {
        return false;
    }
    let followed = match b.get(i + 1) {
        None => at_end,
        Some(n) => n.is_ascii_whitespace(),
    };
    if !followed || c != b'.' {
        return followed;
    }
    let word = s[..i]
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    !ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Whether the clause holds a possessive that no other person follows.
fn possessive(clause: &str) -> Option<&'static str> {
    // One search for all of them: asking for each in turn cost 1.5% of all time.
    static ANY: LazyLock<AhoCorasick> =
        LazyLock::new(|| AhoCorasick::new(POSSESSIVES).expect("the possessives build"));
    if !ANY.is_match(clause) {
        return None;
    }
    // Han and Devanagari words run on (`我的老板的电话`): there a list word inside counts.
    let find = |list: &[&'static str], w: &str| {
        if w.is_ascii() {
            list.iter().find(|p| **p == w).copied()
        } else {
            list.iter()
                .find(|p| !p.is_ascii() && w.contains(**p))
                .copied()
        }
    };
    let mut owner = None;
    let mut other = false;
    for w in clause
        .split(|c: char| !(is_alphanumeric(c) || c == '\''))
        .filter(|w| !w.is_empty())
    {
        if let Some(p) = find(POSSESSIVES, w) {
            owner = Some(p);
            other = false;
        }
        if owner.is_some() && find(OTHER_PEOPLE, w.trim_end_matches("'s")).is_some() {
            other = true;
        }
    }
    owner.filter(|_| !other)
}

/// Where the last clause of `window` starts: after its last sentence end (a full stop
/// that is no abbreviation's, `!`, `?`, `;`, a new line, or a Chinese or Japanese stop).
pub fn clause_start(window: &str) -> usize {
    // Only these bytes can end a sentence: asking `ends_sentence` at every byte of the
    // window, span after span, was a tenth of the time on a text of many spans.
    let b = window.as_bytes();
    let mut start = (0..b.len())
        .rev()
        .find(|&i| {
            matches!(b[i], b'\n' | b'.' | b'!' | b'?' | b';') && ends_sentence(window, i, false)
        })
        .map_or(0, |i| i + 1);
    // (The Chinese and Japanese stops are outside ASCII, which most clauses are.)
    let rest = &window[start..];
    if !rest.is_ascii() {
        if let Some(i) = rest.rfind(['。', '！', '？']) {
            start += i + '。'.len_utf8();
        }
    }
    start
}

/// The cue (folded) that, in the clause before byte `at`, presents what follows as the
/// writer's own; `None` when there is none.
pub fn reporter_cue(text: &str, at: usize) -> Option<String> {
    let lo = floor_boundary(text, at.saturating_sub(80));
    let window = &text[lo..at];
    let folded = Folded::new(&window[clause_start(window)..]);
    let clause = folded.as_str();
    static CUES: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    let cues = CUES.get_or_init(|| Words::new(REPORTER_CUES.iter().map(|c| fold(c)).collect()));
    if let Some(found) = cues.find_in(clause) {
        return Some(clause[found].to_owned());
    }
    if let Some(owner) = possessive(clause) {
        return Some(owner.to_owned());
    }
    let opening = clause.trim_start();
    let first = opening
        .split(|c: char| !is_alphanumeric(c) && c != '-')
        .next()
        .unwrap_or("");
    CONTACT_IMPERATIVES
        .contains(&first)
        .then(|| first.to_owned())
}

/// Sign-offs that open a signature block on a line of their own.
const SIGN_OFFS: &[&str] = &[
    "regards",
    "kind regards",
    "best regards",
    "warm regards",
    "thanks",
    "thank you",
    "many thanks",
    "cheers",
    "sincerely",
    "yours sincerely",
    "yours faithfully",
    "nga mihi",
    "ngā mihi",
    "best",
    "warmly",
];
/// A signature holds a few lines at most.
const SIGNATURE_LINES: usize = 6;

/// Whether byte `at` lies in the writer's signature: in the last lines of the text,
/// below a sign-off on a line of its own (`Regards,\nPriya Ramanathan\nLicensed Adviser,
/// licence no. ...\n09 ...`), with no blank line between.
pub fn in_signature(text: &str, at: usize) -> bool {
    // Lines counted only as far as the limit: per span, over a long text, a full count
    // made the spans of one text cost the square of its length.
    if text[at..].lines().nth(SIGNATURE_LINES).is_some() {
        return false;
    }
    for line in text[..at].lines().rev().skip(1).take(SIGNATURE_LINES) {
        let line = line.trim();
        if line.is_empty() {
            return false;
        }
        let folded = fold(line.trim_end_matches([',', '.', '!']));
        if SIGN_OFFS.contains(&folded.as_str()) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(text: &str) -> Option<String> {
        reporter_cue(text, text.len())
    }

    #[test]
    fn a_signature_block_is_the_writers() {
        let text = "Please act.\n\nRegards,\nPriya Ramanathan\nAdviser, licence no. 201801234\n09 250 3317";
        assert!(in_signature(text, text.find("09 250").unwrap()));
        assert!(in_signature(text, text.find("201801234").unwrap()));
        assert!(!in_signature(text, text.find("act").unwrap()));
        let letter = "Regards,\nBoss\n\nthen he called 021 555 1234";
        assert!(!in_signature(letter, letter.find("021").unwrap()));
    }

    #[test]
    fn cues_in_many_languages() {
        assert_eq!(cue("my number is ").as_deref(), Some("my number"));
        assert_eq!(cue("我的微信是 ").as_deref(), Some("我的"));
        assert!(cue("मेरा फोन नंबर ").is_some());
        assert!(cue("ang numero ko ay ").is_some());
        assert!(cue("Yung passport ko hawak ng amo, number ").is_some());
        assert!(cue("Tōku waea ").is_some());
        assert!(cue("Ring ").is_some());
        assert_eq!(cue("My driver licence number is ").as_deref(), Some("my"));
        assert!(cue("My details: Jhun, SSS no. ").is_some());
    }

    #[test]
    fn others_details_have_no_cue() {
        assert_eq!(cue("The boss's number is "), None);
        assert_eq!(cue("我的老板很坏。他的电话是 "), None);
        assert_eq!(cue("His Facebook is "), None);
        assert_eq!(cue("my boss's licence number is "), None);
        assert_eq!(cue("我的老板的电话是 "), None);
    }
}
