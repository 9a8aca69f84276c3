//! Writers introducing themselves with `I` and their name, in scripts without capitals,
//! where no word like `name` marks it: `আমি রফিকুল, ...`, `நான் கஜன், ...`, `أنا يوسف،`,
//! `میں فیصل محمود ہوں`, `ดิฉัน วรรณา ค่ะ`; in Korean, `저는 ... 김민지입니다`.
//!
//! `I` followed by a few words is as often `I am afraid.`, so the words count as a name
//! only where an introduction stands, at the opening of a line (after a greeting at
//! most), and only when a comma, a full stop or the end of the text, or a first-person
//! copula (`ہوں`, `हूँ`, `ครับ`), closes them within three words. Romanised Hindi and
//! Punjabi `main` is English too: only a copula closes the name after it.

use super::context::Ctx;
use super::detector::name_span;
use super::korean;
use super::lexicon::*;
use super::script::Script;
use super::tokens::Token;
use crate::redaction::kind::Role;
use crate::redaction::span::Span;
use crate::redaction::text::word_hash;

/// `I` in the languages our reporters write in scripts without capitals.
const PRONOUNS: &[&str] = &[
    "আমি",
    "நான்",
    "මම",
    "أنا",
    "انا",
    "میں",
    "હું",
    "ഞാൻ",
    "నేను",
    "मैं",
    "म",
    "ನಾನು",
    "ਮੈਂ",
    "ខ្ញុំ",
    "ကျွန်တော်",
    "ကျွန်မ",
    "ผม",
    "ดิฉัน",
    "ฉัน",
    "ຂ້ອຍ",
    "እኔ",
    "ኣነ",
    "አነ",
];
/// `I` that is also a common word in another language (Persian `من` is Arabic "from"):
/// only a copula closes the name after it (`من فرید احمدی هستم`).
const PRONOUNS_BY_COPULA: &[&str] = &["من", "زه"];
/// First-person copulas and polite endings that close an introduction.
const CLOSERS: &[&str] = &[
    // Nepali `हो` ("am"); "speaking" on the phone in Hindi, Punjabi, Bengali, Nepali
    // (`मैं सुनीता देवी बोल रही हूँ`)
    "हो",
    "बोल",
    "ਬੋਲ",
    "বলছি",
    "बोल्दै",
    "هستم",
    "ہوں",
    "हूँ",
    "हूं",
    "हुँ",
    "ਹਾਂ",
    "છું",
    "ആണ്",
    "ပါ",
    "ပါတယ်",
    "ค่ะ",
    "ครับ",
    "คะ",
    "ເດີ",
    // Amharic, Tigrinya and Pashto "am" (`እኔ ሕይወት አበበ ነኝ`, `زه ګل احمد یم`)
    "ነኝ",
    "እየ",
    "یم",
];
/// Words before the pronoun on its line: a greeting (`নমস্কার,`, `السلام عليكم.`). (Not
/// four: `ਸਤ ਸ੍ਰੀ ਅਕਾਲ ਜੀ। ਮੈਂ ਟਰੱਕ ਡਰਾਈਵਰ ਹਾਂ` is "I am a truck driver".)
const MAX_BEFORE: usize = 3;
const MAX_WORDS: usize = 3;
/// A word of a name is short; a long word is an inflected one (`தமிழ்நாட்டிலிருந்து`,
/// "from Tamil Nadu").
const MAX_CHARS: usize = 16;
/// Honorifics written against a name in Burmese (`ကိုအောင်ကျော်`): not the name.
const GLUED_HONORIFICS: &[&str] = &["ကို", "ဦး", "ဒေါ်", "မ"];

pub fn find(lex: &Lexicon, text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    for (i, t) in tokens.iter().enumerate() {
        if t.script == Script::Hangul {
            korean(lex, text, tokens, i, spans);
            continue;
        }
        let word = &text[t.start..t.end];
        if t.script == Script::Thai {
            thai_glued(lex, text, tokens, i, spans);
        }
        let by_copula = PRONOUNS_BY_COPULA.contains(&word);
        if t.script == Script::Cased {
            if word.eq_ignore_ascii_case(ROMANISED_I) {
                romanised(lex, text, tokens, i, spans);
            }
            continue;
        }
        if !(PRONOUNS.contains(&word) || by_copula) {
            continue;
        }
        let line_start = text[..t.start].rfind('\n').map_or(0, |n| n + 1);
        let before = tokens[..i]
            .iter()
            .rev()
            .take_while(|b| b.start >= line_start)
            .count();
        // Further into a line, `I` opening a sentence introduces the writer only before a
        // listed given name (`... الفلافل. أنا بلال محمد الأحمد، رقمي`; `أنا خائف،` is "I am
        // afraid").
        let opens_sentence = || {
            text[..t.start]
                .trim_end()
                .ends_with(['.', '!', '?', '؟', '።', '।', '۔'])
        };
        let given_next = || {
            tokens
                .get(i + 1)
                .is_some_and(|n| lex.flags(word_hash(&text[n.start..n.end])) & GIVEN != 0)
        };
        if before > MAX_BEFORE && !(opens_sentence() && given_next()) {
            continue;
        }
        let closed = closed_name(lex, text, tokens, i + 1, by_copula);
        if let Some(end) = closed.or_else(|| listed_name(lex, text, tokens, i + 1)) {
            let first = &tokens[i + 1];
            let word = &text[first.start..first.end];
            let start = GLUED_HONORIFICS
                .iter()
                .find(|h| word.starts_with(*h) && word.len() > h.len())
                .map_or(first.start, |h| first.start + h.len());
            spans.push(name_span(start, end, Ctx::Strong(Role::Reporter)));
        }
    }
}

/// `I` in Hindi, Urdu and Punjabi typed in Latin letters (`main Gurjant bol reha haan`).
const ROMANISED_I: &str = "main";
/// Their first-person copulas and "speaking" (`haan`, `hoon`, `aan`, `bol`).
const ROMANISED_CLOSERS: &[&str] = &["haan", "hoon", "hun", "hu", "aan", "bol"];

/// A name after a romanised `main`, closed by a copula within two words, anywhere in a
/// line (`sat sri akal ji. main Gurjant haan`): `main` is English too (`the main gate`),
/// and `main truck driver haan` is "I am a truck driver", so a word in lower case must be
/// a listed name, and a capitalised one a listed name or no English word.
fn romanised(lex: &Lexicon, text: &str, tokens: &[Token], i: usize, spans: &mut Vec<Span>) {
    for n in 1..=2 {
        let Some(run) = tokens.get(i..=i + n + 1) else {
            return;
        };
        if run.windows(2).any(|w| text[w[0].end..w[1].start] != *" ") {
            return;
        }
        let closer = &run[n + 1];
        let name_like = |t: &Token| {
            let word = &text[t.start..t.end];
            let flags = lex.flags(word_hash(word));
            let listed = flags & (GIVEN | SURNAME) != 0;
            t.script == Script::Cased
                && flags & STOP == 0
                && (listed || word.starts_with(char::is_uppercase) && flags & (DICT | COMMON) == 0)
        };
        let closed = ROMANISED_CLOSERS
            .iter()
            .any(|c| text[closer.start..closer.end].eq_ignore_ascii_case(c));
        if closed && run[1..=n].iter().all(name_like) {
            spans.push(name_span(
                run[1].start,
                run[n].end,
                Ctx::Strong(Role::Reporter),
            ));
            return;
        }
    }
    // Or a listed given name, the sentence closed further on by a romanised verb
    // (`main zeeshan wellington mein petrol station pe kaam karta hoon`).
    let Some(name) = tokens.get(i + 1) else {
        return;
    };
    let flags = lex.flags(word_hash(&text[name.start..name.end]));
    let listed_only = flags & GIVEN != 0 && flags & (DICT | COMMON | STOP | PLACE) == 0;
    if !listed_only || name.script != Script::Cased || text[tokens[i].end..name.start] != *" " {
        return;
    }
    let mut previous_end = name.end;
    for t in tokens.iter().skip(i + 2).take(ROMANISED_REACH) {
        if text[previous_end..t.start].contains(['.', '!', '?', '\n']) {
            return;
        }
        let word = &text[t.start..t.end];
        if ROMANISED_VERBS.iter().any(|v| word.eq_ignore_ascii_case(v)) {
            spans.push(name_span(name.start, name.end, Ctx::Strong(Role::Reporter)));
            return;
        }
        previous_end = t.end;
    }
}

/// How many words on a romanised verb may close the sentence a name opens after `main`.
const ROMANISED_REACH: usize = 10;
/// The verbs and copulas that close a romanised Hindi, Urdu or Punjabi sentence about
/// oneself (`kaam karta hoon`, `kamm karda`, `rehta haan`).
const ROMANISED_VERBS: &[&str] = &[
    "hoon", "haan", "hun", "karta", "karti", "karda", "kardi", "rehta", "rehti", "rehnda", "rehndi",
];

/// Thai `I` written against the name, as Thai writes words (`ผมสมชาย ศรีบุญเรือง
/// คนงาน...`, "I, Somchai Sriboonruang, a worker ..."): taken only when the rest of the
/// word is a listed given name (`ผมทำงาน` is "I work"); the next word, if word-sized, is
/// the surname.
fn thai_glued(lex: &Lexicon, text: &str, tokens: &[Token], i: usize, spans: &mut Vec<Span>) {
    const GLUED_I: &[&str] = &["ดิฉัน", "ผม", "ฉัน", "หนู"];
    let t = &tokens[i];
    let word = &text[t.start..t.end];
    let Some(rest) = GLUED_I.iter().find_map(|p| word.strip_prefix(p)) else {
        return;
    };
    let name = without_thai_polite_ending(rest);
    if name.is_empty() || lex.flags(word_hash(name)) & GIVEN == 0 {
        return;
    }
    let start = t.end - rest.len();
    let mut end = start + name.len();
    let surname = tokens.get(i + 1).filter(|n| {
        name.len() == rest.len()
            && n.script == Script::Thai
            && text[t.end..n.start] == *" "
            && n.flags & (STOP | COMMON) == 0
            && text[n.start..n.end].chars().count() <= MAX_CHARS
    });
    if let Some(n) = surname {
        end = n.start + without_thai_polite_ending(&text[n.start..n.end]).len();
    }
    spans.push(name_span(start, end, Ctx::Strong(Role::Reporter)));
}

/// A Thai word without the polite particle written against its end (`น้ำค่ะ`).
pub(super) fn without_thai_polite_ending(word: &str) -> &str {
    const POLITE: &[&str] = &["นะครับ", "นะคะ", "ครับ", "ค่ะ", "คะ", "ค่า", "คับ", "จ้า", "จ้ะ"];
    POLITE
        .iter()
        .find_map(|p| word.strip_suffix(p).filter(|w| !w.is_empty()))
        .unwrap_or(word)
}

/// The end of one to three words of one script from `from`, closed by punctuation, the
/// end of the text or a copula; `None` when they run on.
fn closed_name(
    lex: &Lexicon,
    text: &str,
    tokens: &[Token],
    from: usize,
    by_copula: bool,
) -> Option<usize> {
    let first = tokens.get(from)?;
    if first.script == Script::Cased
        || first.flags & (STOP | COMMON) != 0
        || CLOSERS.contains(&&text[first.start..first.end])
        || text[tokens[from - 1].end..first.start] != *" "
    {
        return None;
    }
    for k in from..(from + MAX_WORDS).min(tokens.len()) {
        let t = &tokens[k];
        let stop = lex.flags(word_hash(&text[t.start..t.end])) & STOP != 0;
        // Thai spaces phrases, not words: a function word standing apart after the name
        // opens the next phrase (`ผม สมชาย บุญมา อยู่ที่ ...`, "I, Somchai Boonma, live at").
        if stop && k > from && t.script == Script::Thai {
            return Some(tokens[k - 1].end);
        }
        if t.script != first.script || stop || text[t.start..t.end].chars().count() > MAX_CHARS {
            return None;
        }
        let Some(next) = tokens.get(k + 1) else {
            return (!by_copula && text[t.end..].trim().is_empty()).then_some(t.end);
        };
        let gap = &text[t.end..next.start];
        // (A bracket opens the name's Latin form: `ကျွန်တော် အောင်ကျော်ဦး (Aung Kyaw Oo)`.)
        if gap.contains([',', '،', '.', '।', '۔', '!', '၊', '။', '\n', '(']) {
            return (!by_copula).then_some(t.end);
        }
        if gap == " " && CLOSERS.contains(&&text[next.start..next.end]) {
            return Some(t.end);
        }
        if gap != " " {
            return None;
        }
    }
    None
}

/// A name the lists know right after `I`, though the sentence runs on after it (`ดิฉัน
/// สมศรี แก้วมณี คนงานเก็บผลไม้ที่ Motueka`, "I, Somsri Kaewmanee, a fruit picker at
/// Motueka"): a listed given name, with a listed family name after it, or any word-sized
/// word before a listed family name (`ฉัน มาลัย ศรีสุข`).
fn listed_name(lex: &Lexicon, text: &str, tokens: &[Token], from: usize) -> Option<usize> {
    let first = tokens.get(from)?;
    let spaced = |t: &Token, before: usize| {
        t.script == first.script && text[tokens[before].end..t.start] == *" "
    };
    if first.script == Script::Cased || !spaced(first, from - 1) {
        return None;
    }
    let flags = |t: &Token| lex.flags(word_hash(&text[t.start..t.end]));
    let plain = |f: u16| f & (STOP | COMMON | ROLE | BUSINESS) == 0;
    let family = tokens
        .get(from + 1)
        .filter(|n| spaced(n, from) && flags(n) & SURNAME != 0 && plain(flags(n)));
    let f = flags(first);
    let word_sized = text[first.start..first.end].chars().count() <= MAX_CHARS;
    if f & GIVEN != 0 && plain(f) {
        Some(family.map_or(first.end, |n| n.end))
    } else if plain(f) && word_sized && !CLOSERS.contains(&&text[first.start..first.end]) {
        family.map(|n| n.end)
    } else {
        None
    }
}

/// Endings of a Korean self-introduction after the name (`김민지입니다`, `한지민이라고`).
const KOREAN_ENDINGS: &[&str] = &["이라고", "라고", "입니다", "이에요", "예요", "이고"];
/// Endings of a verb that describes the noun after it (`일하는 윤서준입니다`, "I am Yoon
/// Seo-jun who works ..."), the usual way to introduce oneself by what one does.
const KOREAN_DESCRIBING: &[&str] = &["하는", "있는", "온", "된"];
/// `I` in Korean, which must come earlier in the same sentence.
const KOREAN_I: &[&str] = &["저는", "전", "나는", "난", "저"];

/// A Korean letter's sign-off after the name (`한지민 드림`).
const KOREAN_SIGN_OFFS: &[&str] = &["드림", "올림"];

fn korean(lex: &Lexicon, text: &str, tokens: &[Token], i: usize, spans: &mut Vec<Span>) {
    let t = &tokens[i];
    let word = &text[t.start..t.end];
    let signs_off = tokens.get(i + 1).is_some_and(|n| {
        text[t.end..n.start] == *" " && KOREAN_SIGN_OFFS.contains(&&text[n.start..n.end])
    });
    if signs_off && korean::full_name(lex, word) {
        spans.push(name_span(t.start, t.end, Ctx::Strong(Role::Reporter)));
        return;
    }
    // `저는 한지민.`: a full name alone after `I`, closing its sentence.
    let after_i = i > 0 && {
        let b = &tokens[i - 1];
        KOREAN_I.contains(&&text[b.start..b.end]) && text[b.end..t.start] == *" "
    };
    let closes = text[t.end..]
        .trim_start_matches(' ')
        .chars()
        .next()
        .is_none_or(|c| matches!(c, '.' | ',' | '!' | '\n' | '('));
    if after_i && closes && korean::full_name(lex, word) {
        spans.push(name_span(t.start, t.end, Ctx::Strong(Role::Reporter)));
        return;
    }
    let Some(stem) = KOREAN_ENDINGS.iter().find_map(|e| word.strip_suffix(e)) else {
        return;
    };
    if !korean::full_name(lex, stem) {
        return;
    }
    let sentence_start = text[..t.start]
        .rfind(['.', '!', '?', '\n'])
        .map_or(0, |n| n + 1);
    let before: Vec<&Token> = tokens[..i]
        .iter()
        .rev()
        .take_while(|b| b.start >= sentence_start)
        .collect();
    // `저는 ... 김민지입니다`, or the sentence opening the text after a greeting at most
    // (`안녕하세요 윤재혁입니다`).
    let opening = sentence_start == 0 && before.len() <= 1;
    let described = word.ends_with("입니다")
        && before.first().is_some_and(|b| {
            text[b.end..t.start] == *" "
                && KOREAN_DESCRIBING
                    .iter()
                    .any(|e| text[b.start..b.end].ends_with(e))
        });
    let introduced = opening
        || described
        || before
            .iter()
            .any(|b| KOREAN_I.contains(&&text[b.start..b.end]));
    if introduced {
        spans.push(name_span(
            t.start,
            t.start + stem.len(),
            Ctx::Strong(Role::Reporter),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::redaction::names::found;
    use crate::redaction::Role::*;

    #[test]
    fn romanised_i_and_a_name_closed_by_a_copula() {
        assert!(
            found("sat sri akal ji main Harjit bol reha haan, dairy farm")
                .contains(&("Harjit", Reporter))
        );
        assert!(found("main sukhdeep aan. owner pay nahi karda").contains(&("sukhdeep", Reporter)));
        assert!(
            found("main zeeshan wellington mein petrol station pe kaam karta hoon")
                .contains(&("zeeshan", Reporter))
        );
        // A word of English, or no copula: no name.
        assert!(found("main truck driver haan, Hamilton").is_empty());
        assert!(found("main theek hoon ji").is_empty());
        assert!(found("the main Gate is locked").is_empty());
    }

    #[test]
    fn i_and_a_name_closed_by_a_comma_or_a_copula() {
        assert!(found("আমি রফিকুল, Auckland এ কাজ করি").contains(&("রফিকুল", Reporter)));
        assert!(found("السلام عليكم. أنا يوسف، أعمل هنا").contains(&("يوسف", Reporter)));
        assert!(found("ကျွန်တော် အောင်ကျော်ဦး (Aung Kyaw Oo). boat in Nelson")
            .contains(&("အောင်ကျော်ဦး", Reporter)));
        // Thai: the next phrase's function word closes the name.
        assert!(found("สวัสดีครับ ผม สมชาย บุญมา อยู่ที่ บ้านเลขที่ 45").contains(&("สมชาย บุญมา", Reporter)));
        // Listed names after `I`, the sentence running on past them.
        assert!(found("ดิฉัน สมศรี แก้วมณี คนงานเก็บผลไม้ที่ Motueka").contains(&("สมศรี แก้วมณี", Reporter)));
        assert!(
            found("สวัสดีค่ะ ฉัน มาลัย ศรีสุข มาทำงานสวนกีวีที่ Te Puke").contains(&("มาลัย ศรีสุข", Reporter))
        );
        assert!(found("สวัสดีค่ะ ฉัน ทำงาน หนัก มาก ทุกวัน Te Puke").is_empty());
        assert!(found("ผม ไม่ได้ เงิน สามเดือน").is_empty());
        assert!(found("میں فیصل محمود ہوں، پاسپورٹ").contains(&("فیصل محمود", Reporter)));
        assert!(found("สวัสดีค่ะ ดิฉัน วรรณา ค่ะ").contains(&("วรรณา", Reporter)));
        // Thai `I` written against a listed given name.
        assert!(found("สวัสดีครับ ผมสมชาย ศรีบุญเรือง คนงานสวน").contains(&("สมชาย ศรีบุญเรือง", Reporter)));
        assert!(found("ผมทำงาน ที่สวน").is_empty());
        assert!(found("สวัสดีค่ะ หนูชื่อน้ำค่ะ ทำงานร้านนวด").contains(&("น้ำ", Reporter)));
        assert!(found("سلام. من فرید احمدی هستم، از ولینگتن").contains(&("فرید احمدی", Reporter)));
        assert!(found("من فضلك، ساعدنا").is_empty());
        // Amharic, Tigrinya and Pashto, closed by their "am".
        assert!(found("እኔ ሕይወት አበበ ደስታ ነኝ (Hiwot)").contains(&("ሕይወት አበበ ደስታ", Reporter)));
        assert!(found("ሰላም። ኣነ ሄለን ገብረማርያም እየ፣ ካብ ኣስመራ").contains(&("ሄለን ገብረማርያም", Reporter)));
        assert!(found("سلام ورورو. زه ګل احمد وردګ یم، له افغانستان")
            .contains(&("ګل احمد وردګ", Reporter)));
    }

    #[test]
    fn i_opening_a_sentence_further_on_introduces_only_a_listed_given_name() {
        let text = "أكتب لكم عن مشكلتي مع صاحب مطعم الفلافل. أنا بلال محمد الأحمد، رقمي";
        assert!(found(text).contains(&("بلال محمد الأحمد", Reporter)));
        assert!(found("أكتب لكم عن مشكلتي مع صاحب المطعم. أنا خائف، ساعدوني").is_empty());
    }

    #[test]
    fn i_in_the_middle_of_a_story_or_running_on_is_no_introduction() {
        assert!(found("வணக்கம். நான் தமிழ்நாட்டிலிருந்து வந்தவன், இப்போது").is_empty());
        assert!(found("আমি এখানে তিন মাস ধরে কাজ করছি এবং বেতন পাই না").is_empty());
        assert!(found("তারা বেতন দেয় না আর পাসপোর্ট রেখে দিয়েছে। আমি ভয় পাচ্ছি।").is_empty());
    }

    #[test]
    fn a_korean_self_introduction() {
        assert!(found("안녕하세요. 저는 워홀로 온 김민지입니다.").contains(&("김민지", Reporter)));
        assert!(found("저는 한국인입니다.").is_empty());
        assert!(found("저는 한지민이고 Pukekohe 농장에서 일해요").contains(&("한지민", Reporter)));
        assert!(found("농장에서 일하는 윤서준입니다. 한국인").contains(&("윤서준", Reporter)));
        assert!(found("일하는 한국인입니다.").is_empty());
        assert!(found("사장 이름은 최동욱입니다. 저는 한지민.").contains(&("한지민", Reporter)));
        assert!(found("안녕하세요 윤재혁입니다. 오클랜드").contains(&("윤재혁", Reporter)));
        assert!(found("감사하겠습니다. 한지민 드림").contains(&("한지민", Reporter)));
        assert!(found("어제 사장이 김민지입니다 라고 했어요").is_empty());
    }
}
