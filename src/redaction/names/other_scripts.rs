//! Names in scripts without capitals (Devanagari, Bengali, Thai, Hangul, Han ...), where
//! shape cannot tell a name. One is taken
//!
//! - when it stands apart in Latin text: one to three words of another script between
//!   Latin words (`Call धवल on ...`, `Zhang Jianguo (张建国)`, `sent by 박옥순`);
//! - after a cue, in English or in the text's language (`मेरा नाम प्रिया शर्मा है`,
//!   `사장 이영자 씨가`), as words up to a function word of that language;
//! - in Han text, as a listed surname and one or two given-name characters after a cue
//!   glued to it (`我叫王伟`, `中介李桂兰的电话`) or before a title (`王先生`);
//! - in Thai text, as the rest of the word after a glued cue (`ผมชื่อ...`) and the word
//!   after it (the surname);
//! - in Devanagari (and other spaced scripts), as listed names side by side, cue or none.

use super::context::{context, Ctx};
use super::detector::name_span;
use super::korean;
use super::lexicon::*;
use super::script::Script;
use super::tokens::Token;
use crate::redaction::kind::Role;
use crate::redaction::span::Span;
use crate::redaction::text::{fold, match_places, word_hash};
use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

/// Han characters that end a name in running text: particles, pronouns, common verbs,
/// Cantonese `喺` "at" and `係` "is", the first characters of titles and numerals (a given name is seldom a number; `费三万` is a fee of 30,000).
const HAN_STOP: &str = "的是在说說了和跟给給把被也都就还還又很由喺嘅係他她我你们們电電打让讓不没沒有要会會来來去对對从從向先女小老叫拿收住每这這那个個号號与與及或一二三四五六七八九十百千万萬亿億两兩零元块塊";
/// Everyday words that open with a surname's character (`明天` "tomorrow", `马上`
/// "at once", `余额` "balance"): after a cue or a chat line's speaker (`老板娘: 明天你早上9点来`)
/// they open the message, not a name.
const HAN_WORDS: &[&str] = &[
    "明天", "明早", "明晚", "明年", "明日", "明白", "后天", "后来", "后面", "後天", "後來", "後面",
    "马上", "馬上", "方便", "方面", "安全", "安排", "常常", "全部", "金额", "金額", "白天", "周末",
    "週末", "高兴", "高興", "华人", "華人", "文件", "包括", "余额", "餘額", "任何", "申请", "申請",
    "单位", "單位", "成功", "关系", "關係", "房租", "房间", "房間",
];
/// Titles written after a Han name (`王先生`, `佐藤さん`).
const HAN_TITLES: &[&str] = &[
    "先生",
    "女士",
    "小姐",
    "太太",
    "老师",
    "老師",
    "さん",
    "様",
    "氏",
    "君",
    "ちゃん",
    "くん",
    "哥",
    "姐",
    "师傅",
    "師傅",
    "阿姨",
    "老板",
    "老闆",
    "经理",
    "經理",
];
/// Cantonese titles after a surname alone (`陳生`, Mr Chan; `陳太`, Mrs Chan), and the
/// characters after them that make a word of the title instead (`生日`, `生活`, `太多`).
const CANTONESE_TITLES: &[char] = &['生', '太'];
const CANTONESE_TITLE_NOT_BEFORE: &str = "日活命产產意气氣病多少大小过過平阳陽空子";
/// `小` and `老` before a surname make a familiar name (`小刘`, `老王`); not in these words.
const HAN_FAMILIAR_NOT: &str = "小时小時小心小姐小孩小子小弟小妹小说小說小学小學小区小區小费小費小车小車小组小組老师老師老板老闆老公老婆老家老人老乡老鄉老实老實老大老是老年老鼠老虎老外";
/// A cue that names only the surname (`工头姓蒋`: "the foreman is surnamed Jiang").
const HAN_SURNAME_CUE: &str = "姓";
/// Korean particles and endings glued to a name (`김민수입니다`, `이영자가`) or a title
/// (`사장님이`), longest first; one-syllable ones are taken off only a word of four or more syllables.
pub(super) const HANGUL_ENDINGS: &[&str] = &[
    "입니다",
    "이에요",
    "이라고",
    "이라는",
    "라고",
    "라는",
    "씨가",
    "씨는",
    "씨의",
    "님이",
    "님은",
    "께서",
    "이고",
    "에게",
    "한테",
    "예요",
    "이다",
    "씨",
    "님",
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "의",
    "와",
    "과",
    "도",
];
/// Names that stand between a given name and a family name (`ਜਗਜੀਤ ਸਿੰਘ ਬਰਾੜ`, `हरि
/// बहादुर केसी`): after one, or after a second given name (`محمد عثمان خان`), a third
/// word is the name's too; after a family name (`ਗੁਰਮੀਤ ਸੰਧੂ ਹਫ਼ਤੇ`, "Gurmeet Sandhu
/// weekly") only a listed one is.
const MIDDLE_MARKERS: &[&str] = &[
    "ਸਿੰਘ",
    "ਕੌਰ",
    "सिंह",
    "कौर",
    "कुमार",
    "बहादुर",
    "प्रसाद",
    "लाल",
    "देवी",
    "কুমার",
];
/// At most this many words of a name in a spaced script.
const MAX_WORDS: usize = 3;
/// At most this many words of a name after a cue when a mark closes them.
const MAX_CLOSED_WORDS: usize = 4;

pub fn find(lex: &Lexicon, text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    // Standing apart means something only in a text mostly of Latin (cased) words.
    let cased = tokens.iter().filter(|t| t.script == Script::Cased).count();
    if cased == tokens.len() {
        return;
    }
    let latin = cased * 2 > tokens.len();
    // A script the writer writes prose in, English words mixed in (`Nelson වල rest home
    // එකක caregiver විදිහට ...`), has its words between Latin ones all along: only a
    // script of a few words in the text stands apart.
    let mut words = [0usize; 5];
    for t in tokens {
        words[t.script as usize] += 1;
    }
    let apart = |script: Script| {
        let words = words[script as usize];
        words <= APART_WORDS || words * 4 <= cased
    };
    // There a run still stands apart as the other form of a name found beside it
    // (`Sun Haitao 孙海涛`, `ວິໄລພອນ ແກ້ວມະນີ (Vilayphone Keomany)`).
    let mut name_starts: Vec<usize> = spans.iter().map(|s| s.start).collect();
    let mut name_ends: Vec<usize> = spans.iter().map(|s| s.end).collect();
    name_starts.sort_unstable();
    name_ends.sort_unstable();
    let between = |a: usize, b: usize| {
        b - a <= 3
            && text[a..b]
                .chars()
                .all(|c| matches!(c, ' ' | ',' | '(' | ')' | '/' | '（' | '）'))
    };
    let beside_a_name = |run: &[Token]| {
        let (start, end) = (run[0].start, run[run.len() - 1].end);
        let before = name_ends.partition_point(|&e| e <= start);
        let after = name_starts.partition_point(|&s| s < end);
        (before > 0 && between(name_ends[before - 1], start))
            || name_starts.get(after).is_some_and(|&s| between(end, s))
    };
    let mut i = 0;
    while i < tokens.len() {
        let script = tokens[i].script;
        if script == Script::Cased {
            i += 1;
            continue;
        }
        // A run of words of one script, separated by spaces only.
        let j = run_end(text, tokens, i);
        let isolated = latin
            && (apart(script) || beside_a_name(&tokens[i..j]))
            && (i == 0 || tokens[i - 1].script == Script::Cased)
            && (j == tokens.len() || tokens[j].script == Script::Cased)
            && (i > 0 || j < tokens.len());
        if isolated && standing_apart(lex, text, &tokens[i..j]) {
            let ctx = match context(lex, text, tokens[i].start) {
                c @ Ctx::Strong(_) => c,
                _ => Ctx::None,
            };
            spans.push(name_span(tokens[i].start, tokens[j - 1].end, ctx));
        } else {
            // Names end before `covered`, so one is not taken twice.
            let mut covered = 0;
            for k in i..j {
                if script.unspaced() {
                    glued(lex, text, tokens, k, j, spans);
                }
                if script == Script::Han && k > 0 && tokens[k - 1].script == Script::Han {
                    let gap = &text[tokens[k - 1].end..tokens[k].start];
                    // (`承租方（乙方）：何小军`: a label in brackets.)
                    if gap
                        .chars()
                        .all(|c| matches!(c, ' ' | ':' | '：' | '）' | ')'))
                    {
                        after_spaced_cue(
                            lex,
                            text,
                            &tokens[k - 1],
                            &tokens[k],
                            tokens.get(k + 1),
                            spans,
                        );
                    }
                }
                if script == Script::Han {
                    set_apart(lex, text, &tokens[k], spans);
                }
                if script == Script::Hangul {
                    korean::around(lex, text, tokens, k, spans);
                }
                if tokens[k].start < covered {
                    continue;
                }
                let cue = k == i || tokens[k - 1].flags & CUE_TAIL != 0;
                // (The context is read only after a cue: it was read for every word.)
                let strong = if cue {
                    match context(lex, text, tokens[k].start) {
                        Ctx::Strong(role) => Some(role),
                        _ => None,
                    }
                } else {
                    None
                };
                if let Some(role) = strong {
                    let introduced = role == Role::Reporter;
                    if let Some(end) = spaced_name(lex, text, tokens, k, j, introduced) {
                        spans.push(name_span(tokens[k].start, end, Ctx::Strong(role)));
                        covered = end;
                        continue;
                    }
                }
                // Without a cue: listed names, side by side (`रमेश कुमार ने ...`).
                let listed = |t: &Token| t.flags & (GIVEN | SURNAME) != 0 && t.flags & STOP == 0;
                if script == Script::Other && listed(&tokens[k]) {
                    let mut end = k + 1;
                    while end < j && end < k + MAX_WORDS && listed(&tokens[end]) {
                        end += 1;
                    }
                    // A family name is written after the given name, which the lists may
                    // lack in the writer's spelling (`दिपक गुरुङ`): the plain word before a
                    // family name that is no given name is that given name.
                    let family_only = tokens[k].flags & (GIVEN | SURNAME) == SURNAME;
                    let start = if family_only
                        && k > i
                        && tokens[k - 1].start >= covered
                        && plain(text, &tokens[k - 1])
                        && text[tokens[k - 1].start..tokens[k - 1].end].chars().count() >= 2
                    {
                        tokens[k - 1].start
                    } else {
                        tokens[k].start
                    };
                    covered = tokens[end - 1].end;
                    spans.push(name_span(start, covered, Ctx::None));
                }
            }
        }
        i = j;
    }
}

/// Words of another script that always may stand apart in Latin text (a name or two,
/// each repeated).
const APART_WORDS: usize = 6;

/// Whether a run of another script amid Latin text looks like a name: a few short
/// words, none of them a listed non-name.
fn standing_apart(lex: &Lexicon, text: &str, run: &[Token]) -> bool {
    // Not a Han word that opens with a pronoun or a particle (`hzd_builder88。我电话 027`,
    // "my phone") or ends as a road, a number or a document does (`宜都路`, `微信号`,
    // `身份证`), unless its surname opens it.
    const NOT_FIRST: &str = "我你他她它们們的是在";
    const NOT_LAST: &str = "路街道号號省市县縣区區证證码碼";
    let surname_first = |t: &Token| {
        let mut ends = text[t.start..t.end]
            .char_indices()
            .map(|(i, c)| i + c.len_utf8());
        ends.by_ref()
            .take(2)
            .any(|end| is_surname(lex, &text[t.start..t.start + end]))
    };
    let han_word = |t: &Token| {
        let word = &text[t.start..t.end];
        surname_first(t)
            || !(word.starts_with(|c| NOT_FIRST.contains(c))
                || word.ends_with(|c| NOT_LAST.contains(c)))
    };
    run.len() <= MAX_WORDS
        && run.iter().all(|t| {
            let chars = text[t.start..t.end].chars().count();
            let size = if t.script == Script::Han {
                chars <= 4 && (chars >= 2 || run.len() > 1) && (run.len() > 1 || han_word(t))
            } else {
                chars <= 20
            };
            size && t.flags & (STOP | COMMON | BUSINESS | ROLE) == 0
        })
}

/// The end of a name that starts at token `k` of a spaced script (ending before `limit`):
/// up to three words before a function word; in Hangul one word, its particles off.
fn spaced_name(
    lex: &Lexicon,
    text: &str,
    tokens: &[Token],
    k: usize,
    limit: usize,
    introduced: bool,
) -> Option<usize> {
    let t = &tokens[k];
    if t.flags & (STOP | COMMON | ROLE | BUSINESS) != 0 {
        return None;
    }
    match t.script {
        Script::Hangul => {
            let stem = hangul_stem(&text[t.start..t.end]);
            // After a role (`사업주: 키위 씨푸드`, "employer: Kiwi Seafood") a business is
            // named as often as a person: a person's name opens with a surname's syllable.
            let surname_first = stem.chars().next().is_some_and(|c| is_surname_char(lex, c));
            (introduced || surname_first).then_some(t.start + stem.len())
        }
        Script::Thai | Script::Han => None,
        _ => {
            // After the writer's `my name (is)`, a short run of unlisted words that closes
            // with a mark is the whole name (`اسمي عبد الله عثمان،`, `নাম মোঃ রফিকুল ইসলাম।`,
            // `పేరు వెంకట సాయి ప్రసాద్ కొండా (Venkata ...`): such a sentence needs no verb.
            // (After `wife`, `லட்சுமி இந்தியாவில் இருக்கிறார்,` ends on its verb.)
            let closed = text[tokens[limit - 1].end..]
                .trim_start_matches(' ')
                .starts_with(['।', ',', '،', '.', '(', ')', ';', ':', '\n', '|', '؛'])
                || tokens[limit - 1].end == text.len();
            if introduced
                && closed
                && limit - k <= MAX_CLOSED_WORDS
                && tokens[k..limit].iter().all(|t| plain(text, t))
            {
                return Some(tokens[limit - 1].end);
            }
            // A third word only after a listed middle one (`ਜਗਜੀਤ ਸਿੰਘ ਬਰਾੜ`, `हरि बहादुर
            // केसी`): without capitals, a third unlisted word is more often the verb.
            // A long second word is a phrase of a script that spaces phrases, not words
            // (Khmer, Burmese): no name runs on into it.
            let listed = |t: &Token| t.flags & (GIVEN | SURNAME) != 0;
            let marker = |t: &Token| MIDDLE_MARKERS.contains(&&text[t.start..t.end]);
            let mut end = k + 1;
            while end < limit
                && end < k + MAX_WORDS
                && plain(text, &tokens[end])
                && (end < k + 2
                    || listed(&tokens[end - 1])
                        && (marker(&tokens[end - 1])
                            || tokens[end - 1].flags & GIVEN != 0
                            || listed(&tokens[end])))
            {
                end += 1;
            }
            Some(tokens[end - 1].end)
        }
    }
}

/// Whether a token of a spaced script can be a word of a name: no function word, common
/// word, role, business or cue, and word-sized.
fn plain(text: &str, t: &Token) -> bool {
    t.flags & (STOP | COMMON | ROLE | BUSINESS | CUE_TAIL) == 0
        && text[t.start..t.end].chars().count() <= 12
}

/// A Korean word without the particle or ending glued to it.
pub(super) fn hangul_stem(word: &str) -> &str {
    let syllables = word.chars().count();
    for ending in HANGUL_ENDINGS {
        if let Some(stem) = word.strip_suffix(ending) {
            let left = stem.chars().count();
            let min = if ending.chars().count() == 1 { 3 } else { 2 };
            if left >= min && syllables > left {
                return stem;
            }
        }
    }
    word
}

/// Thai titles before a full name: Mr, Miss, Mrs, boy, girl.
const THAI_TITLES: &[&str] = &["นาย", "นางสาว", "นาง", "ด.ช.", "ด.ญ."];

/// The end of the run of words of one script, spaced only, that token `from` opens.
fn run_end(text: &str, tokens: &[Token], from: usize) -> usize {
    let mut j = from + 1;
    while j < tokens.len()
        && tokens[j].script == tokens[from].script
        && text[tokens[j - 1].end..tokens[j].start]
            .bytes()
            .all(|b| b == b' ')
    {
        j += 1;
    }
    j
}

/// Names after cues glued inside token `k` of a script without spaces (and, in Han,
/// before titles).
fn glued(
    lex: &Lexicon,
    text: &str,
    tokens: &[Token],
    k: usize,
    limit: usize,
    spans: &mut Vec<Span>,
) {
    let t = &tokens[k];
    let word = &text[t.start..t.end];
    let folded = fold(word);
    // Where folding changed the bytes (voiced kana: `オーナー`), offsets in it would not
    // map back: no glued cue is read there. Titles below read the word as written.
    // A Thai title standing as a word of its own (`นาย ประเสริฐ บุญมา` on a transfer slip):
    // inside a word it is another word (`นายหน้า`, a broker).
    let title = (word.to_owned(), Role::Other);
    // The cues the word holds, in `lex.glued`'s order (the patterns' own, longest first):
    // looking for each cue in turn cost 4% of all time on the generated corpus.
    let found: Vec<(&(String, Role), usize)> =
        if t.script == Script::Thai && THAI_TITLES.contains(&word) {
            (folded.match_indices(word))
                .map(|(at, _)| (&title, at))
                .collect()
        } else if folded.len() == word.len() {
            (match_places(&lex.glued_any, &folded).into_iter())
                .map(|(n, at)| (&lex.glued[n], at))
                .collect()
        } else {
            Vec::new()
        };
    // Cues are longest first: `我叫` takes its name before `叫` can.
    let mut taken: Vec<usize> = Vec::new();
    for ((cue, role), at) in found {
        let from = t.start + at + cue.len();
        if taken.contains(&from) {
            continue;
        }
        taken.push(from);
        let ctx = Ctx::Strong(*role);
        match t.script {
            Script::Han => {
                let from = skip_copula(text, from);
                if cue == HAN_SURNAME_CUE {
                    if let Some(end) = han_surname(lex, text, from, t.end) {
                        spans.push(name_span(from, end, ctx));
                    }
                    continue;
                }
                // `我是在皇后镇做建筑的刘志伟，`: "I am the Liu Zhiwei who builds in
                // Queenstown", the name closing the clause after `的`.
                let described = (*role == Role::Reporter)
                    .then(|| text.get(from..t.end)?.rfind('的'))
                    .flatten()
                    .map(|at| from + at + '的'.len_utf8())
                    .filter(|&name| han_name(lex, text, name, t.end) == Some(t.end));
                if let Some(name) = described {
                    spans.push(name_span(name, t.end, ctx));
                    continue;
                }
                if let Some(end) = han_name(lex, text, from, t.end) {
                    // `我是张婷婷的妈妈`, "I am Zhang Tingting's mother": the name
                    // is another's.
                    let ctx = if *role == Role::Reporter && text[end..].starts_with('的') {
                        Ctx::Strong(Role::Other)
                    } else {
                        ctx
                    };
                    spans.push(name_span(from, end, ctx));
                }
            }
            _ => {
                // Thai: the rest of this word (or else the next word) is the given
                // name; the word after it, unless a function word, the surname.
                // After a label's colon (`ชื่อ: สมชาย แก้วมณี`) the name is the
                // next run of words.
                let labelled = |next: &Token| {
                    next.script == t.script && matches!(text[t.end..next.start].trim(), ":" | "：")
                };
                // `ชื่อจริง`, `ชื่อเล่น`: which name (real, nick) is told, not the name.
                let from = if matches!(&text[from..t.end], "จริง" | "เล่น") {
                    t.end
                } else {
                    from
                };
                let (start, mut last, limit) = if from < t.end {
                    (from, k, limit)
                } else if k + 1 < limit {
                    (tokens[k + 1].start, k + 1, limit)
                } else if tokens.get(k + 1).is_some_and(labelled) {
                    (tokens[k + 1].start, k + 1, run_end(text, tokens, k + 1))
                } else {
                    continue;
                };
                // A polite particle against the given name closes the sentence
                // (`หนูชื่อน้ำค่ะ ทำงาน...`): no surname follows.
                let rest = &text[start..tokens[last].end];
                let polite = super::pronoun_intro::without_thai_polite_ending(rest);
                if polite.len() < rest.len() {
                    spans.push(name_span(start, start + polite.len(), ctx));
                    continue;
                }
                // A surname is a word, not the rest of a clause written without
                // spaces (`สมศักดิ์ ยึดพาสปอร์ตและ...`).
                let word_sized = |t: &Token| text[t.start..t.end].chars().count() <= 12;
                if last + 1 < limit
                    && tokens[last + 1].flags & (STOP | COMMON | CUE_TAIL) == 0
                    && word_sized(&tokens[last + 1])
                {
                    last += 1;
                }
                spans.push(name_span(start, tokens[last].end, ctx));
            }
        }
    }
    if t.script == Script::Han {
        familiar(lex, text, t.start, t.end, spans);
        ah_familiar(text, t.start, t.end, spans);
        boss_by_surname(lex, text, t.start, t.end, spans);
        static TITLES: LazyLock<AhoCorasick> =
            LazyLock::new(|| AhoCorasick::new(HAN_TITLES).expect("the Han titles build"));
        for (n, at) in match_places(&TITLES, word) {
            let title = HAN_TITLES[n];
            if let Some(start) = han_name_before(lex, text, t.start, t.start + at) {
                // `君` is a title after a surname alone (`田中君`), but after a surname
                // and a given character it ends a Chinese given name (`林怡君`).
                let end = if title == "君" && !is_surname(lex, &text[start..t.start + at]) {
                    t.start + at + title.len()
                } else {
                    t.start + at
                };
                spans.push(name_span(start, end, Ctx::Strong(Role::Other)));
            }
        }
        cantonese_title(lex, text, t.start, t.end, spans);
    }
}

/// A surname alone before a Cantonese title (`老闆陳生同陳太`: the boss, Mr and Mrs Chan).
fn cantonese_title(lex: &Lexicon, text: &str, start: usize, end: usize, spans: &mut Vec<Span>) {
    let word = &text[start..end];
    let mut chars = word.char_indices().peekable();
    let mut previous: Option<(usize, char)> = None;
    while let Some((i, c)) = chars.next() {
        let titled = CANTONESE_TITLES.contains(&c)
            && chars
                .peek()
                .is_none_or(|&(_, next)| !CANTONESE_TITLE_NOT_BEFORE.contains(next));
        if let Some((at, surname)) = previous.filter(|_| titled) {
            if is_surname(lex, &word[at..i]) && !HAN_STOP.contains(surname) {
                spans.push(name_span(start + at, start + i, Ctx::Strong(Role::Other)));
            }
        }
        previous = Some((i, c));
    }
}

/// A Han name opening a word whose previous word ends with a cue (`老板 刘强`, `联系人：
/// 黄建华`): the cue stands apart from the name when the writer puts a space or a colon
/// between them.
fn after_spaced_cue(
    lex: &Lexicon,
    text: &str,
    before: &Token,
    t: &Token,
    next: Option<&Token>,
    spans: &mut Vec<Span>,
) {
    let previous = fold(&text[before.start..before.end]);
    let labelled = text[before.end..t.start].contains([':', '：']);
    if let Some((cue, role)) = lex
        .glued
        .iter()
        .find(|(cue, _)| previous.ends_with(cue.as_str()))
    {
        // `何老板: 明天早上...`: a chat line from Boss He, whose message follows the colon.
        let named = previous[..previous.len() - cue.len()]
            .chars()
            .next_back()
            .is_some_and(|c| is_surname_char(lex, c));
        if labelled && named {
            return;
        }
        if let Some(end) = han_name(lex, text, t.start, t.end) {
            spans.push(name_span(t.start, end, Ctx::Strong(*role)));
        } else if let Some(given) = next.filter(|n| {
            // A Japanese name written surname, space, given name (`名前：佐藤 美咲`).
            let kanji = |s: &str| {
                (1..=3).contains(&s.chars().count())
                    && s.chars()
                        .all(|c| matches!(c, '\u{4E00}'..='\u{9FFF}' | '々'))
            };
            is_surname(lex, &text[t.start..t.end])
                && text[t.end..n.start] == *" "
                && kanji(&text[n.start..n.end])
        }) {
            spans.push(name_span(t.start, given.end, Ctx::Strong(*role)));
        }
    }
}

/// A Han name set apart by a space in Han text, which writes no spaces between words
/// (`我是福建来的 郑建华，`, `我先生 林伟明（`): a listed surname and one or two given-name
/// characters, the whole word, right after a space.
fn set_apart(lex: &Lexicon, text: &str, t: &Token, spans: &mut Vec<Span>) {
    let chars = text[t.start..t.end].chars().count();
    if !(2..=3).contains(&chars) || !text[..t.start].ends_with(' ') {
        return;
    }
    let before = text[..t.start].trim_end_matches(' ');
    let in_han = before
        .chars()
        .next_back()
        .is_some_and(|c| Script::of(c) == Script::Han);
    // `after_spaced_cue` may have just found the same name (the last span).
    let known = spans
        .last()
        .is_some_and(|s| s.start == t.start && s.end == t.end);
    if in_han && !known && han_name(lex, text, t.start, t.end) == Some(t.end) {
        spans.push(name_span(t.start, t.end, Ctx::None));
    }
}

/// Skips `是`, a colon or a space after a cue (`名字是`, `姓名：`), and a word for the name
/// itself (`老板全名何振东`, `中介叫李明`).
fn skip_copula(text: &str, mut at: usize) -> usize {
    const NAMING: &[&str] = &["全名", "名字", "姓名", "真名", "名叫", "叫做", "叫"];
    if let Some(word) = NAMING.iter().find(|w| text[at..].starts_with(*w)) {
        at += word.len();
    }
    // `真名可能是周建国`: "may be".
    if let Some(rest) = text[at..].strip_prefix("可能") {
        at = text.len() - rest.len();
    }
    while let Some(c) = text[at..].chars().next() {
        if matches!(c, '是' | '：' | ':' | ' ' | '为' | '為') {
            at += c.len_utf8();
        } else {
            break;
        }
    }
    at
}

/// Familiar names in Han text: `小` or `老` and a one-character surname that ends a word
/// (`小刘`, `老王`): the pair is what the person is called, and goes whole.
fn familiar(lex: &Lexicon, text: &str, start: usize, end: usize, spans: &mut Vec<Span>) {
    let word = &text[start..end];
    for (at, prefix) in word.match_indices(['小', '老']) {
        let from = start + at + prefix.len();
        let mut rest = text[from..end].chars();
        let Some(surname) = rest.next() else { continue };
        let to = from + surname.len_utf8();
        let pair = &text[start + at..to];
        let boundary = rest.next().is_none_or(|c| HAN_STOP.contains(c));
        if boundary && !HAN_FAMILIAR_NOT.contains(pair) && is_surname(lex, &text[from..to]) {
            spans.push(name_span(start + at, to, Ctx::Strong(Role::Other)));
        }
    }
}

/// `阿` and one character, standing as a word (`阿明和阿芳`, `阿强 说`): a Cantonese or
/// southern familiar name, taken whole; not `阿姨` ("auntie") nor the start of a longer
/// word (`阿拉伯`, "Arabic").
fn ah_familiar(text: &str, start: usize, end: usize, spans: &mut Vec<Span>) {
    const NOT_NAMES: &str = "姨婆公伯嬷嫲妈媽爸哥姐叔";
    let word = &text[start..end];
    for (at, prefix) in word.match_indices('阿') {
        let from = start + at + prefix.len();
        let mut rest = text[from..end].chars();
        let Some(given) = rest.next() else { continue };
        let boundary = rest.next().is_none_or(|c| HAN_STOP.contains(c));
        if boundary && !NOT_NAMES.contains(given) && !HAN_STOP.contains(given) {
            spans.push(name_span(
                start + at,
                from + given.len_utf8(),
                Ctx::Strong(Role::Other),
            ));
        }
    }
}

/// `总` after a one-character surname is how staff name their boss (`张总`, `赵总让我们`);
/// not where `总` opens a word of its own (`总部`, `总是`, `总共`).
fn boss_by_surname(lex: &Lexicon, text: &str, start: usize, end: usize, spans: &mut Vec<Span>) {
    const OPENS_A_WORD: &str = "部是共计計额額数數体體结結算量之归歸领領统統督";
    // Places whose last character is also a surname (`奥克兰总领事馆`).
    const PLACES: &[&str] = &[
        "奥克兰",
        "奧克蘭",
        "新西兰",
        "新西蘭",
        "纽西兰",
        "紐西蘭",
        "荷兰",
        "荷蘭",
        "爱尔兰",
        "愛爾蘭",
        "芬兰",
        "芬蘭",
        "波兰",
        "波蘭",
    ];
    let word = &text[start..end];
    for (at, title) in word.match_indices(['总', '總']) {
        let Some(surname) = word[..at].chars().next_back() else {
            continue;
        };
        let next = word[at + title.len()..].chars().next();
        let from = start + at - surname.len_utf8();
        if next.is_some_and(|c| OPENS_A_WORD.contains(c))
            || PLACES.iter().any(|p| text[..start + at].ends_with(p))
            || HAN_STOP.contains(surname)
            || !is_surname(lex, &text[from..start + at])
        {
            continue;
        }
        spans.push(name_span(from, start + at, Ctx::Strong(Role::Other)));
    }
}

pub(super) fn is_surname(lex: &Lexicon, s: &str) -> bool {
    lex.flags(word_hash(s)) & SURNAME != 0
}

/// Whether one character is a listed surname (`박`, `何`).
pub(super) fn is_surname_char(lex: &Lexicon, c: char) -> bool {
    is_surname(lex, c.encode_utf8(&mut [0; 4]))
}

/// A Han name from byte `from`: a listed surname (two characters or one) and one or two
/// given-name characters that are not function characters; its end, if there is one.
pub(super) fn han_name(lex: &Lexicon, text: &str, from: usize, limit: usize) -> Option<usize> {
    // A cue at the very end of its run (`我是` then a space) leaves nothing to read.
    let rest = text.get(from..limit)?;
    if HAN_WORDS.iter().any(|w| rest.starts_with(w)) {
        return None;
    }
    let mut chars = rest.char_indices().map(|(i, c)| (from + i, c));
    let (_, c0) = chars.next()?;
    let two = rest.char_indices().nth(2).map_or(limit, |(i, _)| from + i);
    let one = from + c0.len_utf8();
    let after_surname = if two <= limit && is_surname(lex, &text[from..two]) {
        two
    } else if is_surname(lex, &text[from..one]) && !HAN_STOP.contains(c0) {
        one
    } else {
        return None;
    };
    let mut end = after_surname;
    let given: Vec<char> = text[after_surname..limit].chars().take(2).collect();
    for (k, &c) in given.iter().enumerate() {
        // `小` opens many given names (`何小军`, `林小梅`) when a second character follows.
        let small = k == 0 && c == '小' && given.get(1).is_some_and(|&n| !HAN_STOP.contains(n));
        if (HAN_STOP.contains(c) && !small) || Script::of(c) != Script::Han {
            break;
        }
        end += c.len_utf8();
    }
    (end > after_surname).then_some(end)
}

/// The end of a listed surname (two characters or one) at byte `from`, alone.
fn han_surname(lex: &Lexicon, text: &str, from: usize, limit: usize) -> Option<usize> {
    let rest = text.get(from..limit)?;
    let ends = rest
        .char_indices()
        .skip(1)
        .map(|(i, _)| from + i)
        .chain([limit]);
    ends.take(2)
        .filter(|&end| is_surname(lex, &text[from..end]))
        .last()
}

/// The start of a Han name ending at byte `end` (before a title): the longest stretch
/// of one to three characters from `lo` on that opens with a surname and holds no
/// function character.
fn han_name_before(lex: &Lexicon, text: &str, lo: usize, end: usize) -> Option<usize> {
    // The starts of the last three characters only, nearest first: collecting the
    // whole stretch before each cue was the square of a long run of Han.
    let last: Vec<usize> = text[lo..end]
        .char_indices()
        .rev()
        .take(3)
        .map(|(i, _)| lo + i)
        .collect();
    for len in (1..=last.len()).rev() {
        let start = last[len - 1];
        let window = &text[start..end];
        if window.chars().any(|c| HAN_STOP.contains(c)) {
            continue;
        }
        // A surname alone, of one character or two (`王先生`, `田中さん`).
        if han_name(lex, text, start, end) == Some(end) || (len <= 2 && is_surname(lex, window)) {
            return Some(start);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::hangul_stem;
    use crate::redaction::names::found;
    use crate::redaction::Role::*;

    #[test]
    fn keep_my_name_out_is_no_name() {
        assert!(found("मेरा नाम मत लिखना please.").is_empty());
        assert!(found("ਮੇਰਾ ਨਾਂ ਨਾ ਦੱਸਿਓ।").is_empty());
        assert!(found("제 이름은 비밀로 해주세요.").is_empty());
        assert!(found("ਮੈਂ ਸਟੂਡੈਂਟ ਹਾਂ, Papatoetoe ਵਿੱਚ").is_empty());
    }

    #[test]
    fn a_han_name_closing_a_clause_of_who_i_am() {
        assert!(found("我是在皇后镇做建筑的刘志伟，工头说").contains(&("刘志伟", Reporter)));
        assert!(found("我是在皇后镇做建筑的工人，工头说").is_empty());
    }

    #[test]
    fn korean_endings_come_off_but_not_a_names_own_syllable() {
        assert_eq!(hangul_stem("김민수입니다"), "김민수");
        assert_eq!(hangul_stem("이영자가"), "이영자");
        // Three syllables: 은 is the name's own (김지은).
        assert_eq!(hangul_stem("김지은"), "김지은");
    }

    #[test]
    fn han_surname_and_given_name_after_a_glued_cue() {
        assert_eq!(found("我叫王伟。"), vec![("王伟", Reporter)]);
        assert_eq!(found("老板张建国拿走了护照"), vec![("张建国", Other)]);
        // No listed surname after the cue: no name.
        assert!(found("我叫了警察").is_empty());
        assert_eq!(
            found("你好，我是福建来的 郑建华，在做装修"),
            vec![("郑建华", Other)]
        );
        assert!(found("我们 一共五个人，周末 不休息").is_empty());
        assert_eq!(
            found("사장은 최영수 씨이고 여권을"),
            vec![("최영수", Other)]
        );
        // Thai: the word after the name is a surname only if it is word-sized.
        assert_eq!(
            found("เจ้าของร้านชื่อสมศักดิ์ ยึดพาสปอร์ตและไม่ให้ออกจากร้าน"),
            vec![("สมศักดิ์", Other)]
        );
        assert_eq!(
            found("ชื่อ: สมชาย แก้วมณี\nวันเกิด"),
            vec![("สมชาย แก้วมณี", Other)]
        );
        // Which name is told (real, nick) is no part of it.
        assert_eq!(
            found("ชื่อจริง สมพงษ์ ใจดี ไม่จ่ายเงิน"),
            vec![("สมพงษ์ ใจดี", Other)]
        );
        assert_eq!(
            found("จาก นาย ประเสริฐ บุญมา\nไปยัง นางสาว วนิดา ทองดี\n"),
            vec![("ประเสริฐ บุญมา", Other), ("วนิดา ทองดี", Other)]
        );
        assert!(found("นายหน้า เอาเงินไป").is_empty());
        assert_eq!(found("还有小刘，他二十岁"), vec![("小刘", Other)]);
        assert_eq!(
            found("帮工阿明和阿芳，情况"),
            vec![("阿明", Other), ("阿芳", Other)]
        );
        assert!(found("阿姨说阿拉伯人").is_empty());
        assert!(found("每天工作十二小时，很累").is_empty());
        assert_eq!(found("到了以后赵总让我们住仓库"), vec![("赵", Other)]);
        assert!(found("公司总部在奥克兰，他总是加班").is_empty());
        assert!(found("请联系中国驻奥克兰总领事馆").is_empty());
        assert!(found("新西兰总理说").is_empty());
    }

    #[test]
    fn owners_agents_and_kin_in_more_languages() {
        assert_eq!(
            found("المقاول أبو علي يدفع لنا نقداً"),
            vec![("أبو علي", Other)]
        );
        assert!(found("الوكيل كمان ماخد فلوس").is_empty());
        assert_eq!(found("আমার ছেলে শাহিন নিউজিল্যান্ডের"), vec![("শাহিন", Other)]);
        assert_eq!(
            found("Власник ферми Стів забрав її паспорт"),
            vec![("Стів", Other)]
        );
    }

    #[test]
    fn han_name_after_a_cue_and_a_space_and_a_surname_alone() {
        assert_eq!(found("工作 老板 刘强 扣我们护照"), vec![("刘强", Other)]);
        assert_eq!(
            found("工头姓蒋，大家叫他蒋哥。"),
            vec![("蒋", Other), ("蒋", Other)]
        );
        assert!(found("我们 一共五个人").is_empty());
        assert_eq!(found("联系人：黄建华 电话"), vec![("黄建华", Other)]);
        assert_eq!(found("何老板: 明天早上五点到工地"), vec![("何", Other)]);
        assert!(found("老板娘: 明天你早上9点来").is_empty());
        assert!(found("老闆陳生同陳太每日要我哋做").contains(&("陳", Other)));
        assert!(found("佢生日係今日，太多嘢做").is_empty());
        assert_eq!(found("老板全名何振东，他"), vec![("何振东", Other)]);
        // `君` ends a given name after a surname and a given character, not a surname.
        assert_eq!(found("我的資料：林怡君，身分證"), vec![("林怡君", Other)]);
        assert_eq!(found("田中君が来た"), vec![("田中", Other)]);
    }

    #[test]
    fn listed_devanagari_names_without_a_cue() {
        assert_eq!(found("रमेश कुमार ने मुझे मारा।"), vec![("रमेश कुमार", Other)]);
        assert!(found("हम बारह घंटे काम करते हैं।").is_empty());
        assert_eq!(
            found("ਸਤਿ ਸ੍ਰੀ ਅਕਾਲ ਜੀ ਮੈਂ ਬਲਦੇਵ ਸਿੰਘ ਪਿੰਡ ਤੋਂ ਬੋਲ ਰਿਹਾ"),
            vec![("ਬਲਦੇਵ ਸਿੰਘ", Other)]
        );
        // A given name in a spelling the lists lack, before a listed family name.
        assert_eq!(found("सम्पर्क : दिपक गुरुङ\nफोन"), vec![("दिपक गुरुङ", Other)]);
    }

    #[test]
    fn another_script_standing_apart_only_in_latin_text() {
        assert_eq!(found("Call धवल on Monday."), vec![("धवल", Other)]);
        assert!(found("身份证号：R152518416，出生日期：1980").is_empty());
        // Prose of another script with English words mixed in: its words are no names.
        assert!(found(
            "මම Nelson වල rest home එකක caregiver විදිහට වැඩ කරනවා. manager Sri Lankan staff ට \
             විතරක් night shifts දෙනවා, sick leave ඉල්ලුවොත් කියනවා."
        )
        .is_empty());
        // ... but the other form of a name found beside it is still a name.
        assert!(found(
            "Employee 雇员: Sun Haitao 孙海涛, DOB 1985. Notes 备注: 老板 不 给 工资, 护照 也 被 拿走 了. \
             The boss is at the shop in Riccarton and we work there every day for twelve hours \
             with no pay since March."
        )
        .contains(&("孙海涛", Other)));
    }
}
