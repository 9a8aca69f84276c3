//! Whose detail a span is: the role hint. A detail is the writer's own when, earlier in
//! its clause, the text presents it so (`my number`, `call me on`, `我的微信`, `मेरा फोन`,
//! `numero ko`, `tōku`), or when the clause opens with a request to be contacted.

use super::rules::Words;
use super::text::{fold, Folded};

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
    // Chinese, Japanese, Korean.
    "我的",
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
    "मेरा",
    "मेरी",
    "मेरे",
    "मेरो",
    "मैं",
    "मुझे",
    // Tagalog.
    "aking",
    "akin",
    "numero ko",
    "pangalan ko",
    "tirahan ko",
    "ako si",
    // Te reo Māori, Samoan, Tongan.
    "toku",
    "taku",
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

/// Verbs that, opening a clause with no subject, ask to be contacted: `Ring 021 ...`.
const CONTACT_IMPERATIVES: &[&str] = &[
    "contact", "call", "ring", "text", "email", "e-mail", "phone", "reach", "whatsapp", "message",
];

/// Whether `between` (the text between two spans) ends a sentence.
pub fn sentence_break(between: &str) -> bool {
    let b = between.as_bytes();
    between.contains(['。', '！', '？'])
        || b.iter().enumerate().any(|(i, &c)| {
            c == b'\n'
                || (matches!(c, b'.' | b'!' | b'?' | b';')
                    && b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()))
        })
}

/// The cue (folded) that, in the clause before byte `at`, presents what follows as the
/// writer's own; `None` when there is none.
pub fn reporter_cue(text: &str, at: usize) -> Option<String> {
    let mut lo = at.saturating_sub(80);
    while lo > 0 && !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let window = &text[lo..at];
    let b = window.as_bytes();
    let mut start = 0;
    for i in (0..b.len()).rev() {
        let c = b[i];
        if c == b'\n'
            || (matches!(c, b'.' | b'!' | b'?' | b';')
                && b.get(i + 1).is_some_and(|n| n.is_ascii_whitespace()))
        {
            start = i + 1;
            break;
        }
    }
    // A Chinese or Japanese full stop ends a clause too.
    if let Some(i) = window[start..].rfind(['。', '！', '？']) {
        start += i + '。'.len_utf8();
    }
    let folded = Folded::new(&window[start..]);
    let clause = folded.as_str();
    static CUES: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    let cues = CUES.get_or_init(|| Words::new(REPORTER_CUES.iter().map(|c| fold(c)).collect()));
    if let Some(found) = cues.find_in(clause) {
        return Some(clause[found].to_owned());
    }
    let opening = clause.trim_start();
    let first = opening
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or("");
    CONTACT_IMPERATIVES
        .contains(&first)
        .then(|| first.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(text: &str) -> Option<String> {
        reporter_cue(text, text.len())
    }

    #[test]
    fn cues_in_many_languages() {
        assert_eq!(cue("my number is ").as_deref(), Some("my number"));
        assert_eq!(cue("我的微信是 ").as_deref(), Some("我的"));
        assert!(cue("मेरा फोन नंबर ").is_some());
        assert!(cue("ang numero ko ay ").is_some());
        assert!(cue("Tōku waea ").is_some());
        assert!(cue("Ring ").is_some());
    }

    #[test]
    fn others_details_have_no_cue() {
        assert_eq!(cue("The boss's number is "), None);
        assert_eq!(cue("我的老板很坏。他的电话是 "), None);
        assert_eq!(cue("His Facebook is "), None);
    }
}
