//! Whose detail it is, after the writer's own (`role.rs`): the subject (the person or
//! business reported, whom the agency must find: kept by default in review) or a third
//! party (redacted by default). A detail is proposed as the subject's only on a cue the
//! text gives, never by default: a role word just before or after a name (`the boss,
//! Rangi`, `Rangi (the owner)`, `工头姓蒋`), the same name elsewhere, or a detail tied to
//! the subject in a few plain words (`his cell is ...` after the subject's name, `the
//! boss's number`, `Rangi Parata, 021 ...`). Everything else stays a third party's, and
//! a detail the text makes the writer's is never touched: a reporter's detail proposed
//! as the subject's would reach the agency by default, the one mistake this must not
//! make. Each span gets the reason for its role, for the handler and `--explain`.

use super::kind::{Kind, Role};
use super::role::{clause_start, reporter_cue};
use super::span::Span;
use super::text::{fold, FxMap, FxSet};
use std::sync::OnceLock;

/// People and businesses a tip reports: whose details the agency needs. Folded (lower
/// case, no diacritics). Latin-script words match whole words; others as written.
#[rustfmt::skip]
const SUBJECT_WORDS: &[&str] = &[
    // English.
    "boss", "bosses", "manager", "owner", "owners", "supervisor", "contractor",
    "subcontractor", "recruiter", "agent", "employer", "foreman", "director", "landlord",
    "landlady", "skipper", "captain", "farmer", "operator", "sponsor", "middleman",
    "trafficker", "pimp", "headman", "overseer", "site rep", "crew boss", "gangmaster",
    "labour hire", "adviser", "advisor", "fixer", "broker",
    // Spanish, Portuguese.
    "patron", "jefe", "dueno", "duena", "encargado", "encargada", "capataz", "contratista",
    "reclutador", "patrao", "dono", "dona", "chefe", "gerente",
    // Russian, Ukrainian.
    "капитан", "прораб", "бригадир", "хозяин", "хозяйка", "начальник", "директор",
    "работодатель", "хазяїн", "бригадир", "власник", "роботодавець",
    // Chinese, Japanese, Korean.
    "老板", "老闆", "老细", "老細", "主管", "工头", "工頭", "经理", "經理", "中介", "包工头", "雇主", "社長", "店長",
    "オーナー", "사장", "사장님", "반장", "관리자", "업주",
    // South Asian scripts.
    "मालिक", "साहु", "साहू", "ठेकेदार", "एजेंट", "एजेन्ट", "मैनेजर", "मेनेजर", "ਮਾਲਕ",
    "ਠੇਕੇਦਾਰ", "ਏਜੰਟ", "ਸੁਪਰਵਾਈਜ਼ਰ", "માલિક", "মালিক", "ঠিকাদার", "مالک", "ٹھیکیدار",
    "ایجنٹ", "உரிமையாளர்", "యజమాని", "മാനേജർ", "മുതലാളി", "මැනේජර්", "අයිතිකරු",
    // South-East Asian.
    "ម្ចាស់", "ម្ចាស់ចម្ការ", "เจ้าของ", "นายหน้า", "หัวหน้า", "chu", "chu thau", "quan ly",
    "cai", "agen", "mandor", "bos", "majikan", "amo", "employer namin", "farm owner",
    // Pacific.
    "pule", "bosi", "boss blong", "bos bilong", "pule o",
    // Punjabi, Hindi in Latin letters.
    "malik", "thekedar", "sahib",
];

/// People a role word may name instead of the subject (`the boss's brother`), and whom
/// a pronoun may stand for: between a subject word (or the subject's name) and a name or
/// detail, these make it not the subject's.
#[rustfmt::skip]
const OTHER_PEOPLE: &[&str] = &[
    "friend", "friends", "cousin", "brother", "sister", "wife", "husband", "partner", "son",
    "daughter", "mother", "father", "mum", "dad", "uncle", "aunty", "auntie", "nephew",
    "niece", "colleague", "coworker", "workmate", "flatmate", "mate", "worker", "workers",
    "victim", "girl", "boy", "child", "kids", "family", "neighbour", "neighbor",
];

/// Words that may stand between a role word (or the subject's name, or a pronoun for
/// them) and the name or detail it ties to them: copulas, articles, titles, the nouns of
/// contact details. Nothing else may: the tie is a few plain words or none.
#[rustfmt::skip]
const LINKS: &[&str] = &[
    // Copulas, articles, titles, naming.
    "is", "was", "are", "the", "a", "an", "our", "their", "his", "her", "its", "this",
    "that", "called", "named", "name", "names", "known", "as", "mr", "mrs", "ms", "miss",
    "sir", "dr", "pak", "bu", "bapak", "ibu", "si", "ni", "na", "namin", "nila", "ang",
    "la", "el", "se", "llama", "es", "o", "le", "ko", "hem", "i", "em", "nem", "blong",
    "bilong", "là", "la", "ten", "ong", "anh", "chi", "ba", "ji", "bhai", "saab", "own",
    "personal", "private", "new", "old", "real", "full", "nz", "local", "also", "whose",
    "who", "which", "uses", "has", "got", "goes", "by", "of", "for", "under", "man",
    "woman", "guy", "lady", "person", "one", "next", "door", "here's",
    // A workplace between a role word and a name: `the owner of the farm, Rangi`.
    "farm", "orchard", "vineyard", "restaurant", "cafe", "shop", "store", "company",
    "factory", "packhouse", "site", "del", "de", "da", "do", "restaurante", "tienda",
    "finca", "empresa", "granja", "tiem", "tiệm", "trang", "trai", "trại", "cua", "hang",
    // Vehicles between a pronoun and a plate: `he drives a silver Ranger ute, rego ...`.
    "drive", "drove", "white", "black", "silver", "grey", "gray", "red", "blue", "green",
    "toyota", "hilux", "hiace", "ford", "ranger", "mazda", "nissan", "navara", "holden",
    "tesla", "corolla", "prado", "landcruiser", "commodore", "caravan", "demio", "isuzu",
    // Particles of names and possession: Tagalog, Indonesian, Bislama, Samoan.
    "po", "ay", "ma'am", "maam", "ate", "kuya", "namanya", "nama", "adalah", "saya", "ko",
    "namin", "mifala", "mipela", "e", "nofo", "mama", "pule", "lives", "living", "stays",
    "staying", "at", "in", "on", "drives", "driving", "car", "ute", "van", "truck",
    "vehicle", "plate", "plates", "rego", "registration",
    // Contact details and documents.
    "phone", "ph", "tel", "telephone", "mobile", "mob", "cell", "cellphone", "number",
    "numbers", "no", "nr", "num", "contact", "contacts", "email", "e-mail", "mail",
    "address", "addr", "house", "home", "office", "account", "acct", "bank", "card",
    "whatsapp", "viber", "wechat", "line", "kakao", "kakaotalk", "telegram", "instagram",
    "insta", "facebook", "fb", "tiktok", "id", "handle", "profile", "page", "sim",
    "passport", "licence", "license", "ird", "dob", "birth", "date", "born", "details", "-",
    "–", "—", "(", ")", ":", ",", "=", "/",
    // Other languages: nouns of contact details, possessive particles.
    "его", "её", "ее", "телефон", "номер", "почта", "адрес", "машина", "у", "него", "нее",
    "का", "की", "के", "नंबर", "फोन", "फ़ोन", "मोबाइल", "पता", "ਦਾ", "ਦੀ", "ਦੇ", "ਫੋਨ",
    "ਨੰਬਰ", "的", "电话", "電話", "手机", "手機", "微信", "号码", "號碼", "是", "叫", "姓", "名叫", "地址", "车牌",
    "車牌", "：", "，", "카톡", "아이디", "전화", "번호", "주소", "의", "so", "số", "dien", "thoai", "điện",
    "thoại", "xe", "bien", "biển", "o", "ở", "cua", "của", "niya", "kanyang", "numero",
    "telepono", "su", "sus", "correo", "telefono", "celular", "lana", "lona", "fika",
    "numera", "telefoni", "fone", "nomor", "hp", "wa", "alamat", "ชื่อ", "พี่", "คุณ",
    "นาย", "คน", "ไทย", "เบอร์", "โทร",
];

/// Verbs of taking and holding: right before a pronoun after the subject's name, they
/// make the pronoun the worker's (`took his passport`).
const TAKING: &[&str] = &[
    "took",
    "takes",
    "taken",
    "take",
    "keeps",
    "kept",
    "keep",
    "holds",
    "held",
    "hold",
    "confiscated",
    "grabbed",
    "stole",
    "seized",
    "has",
    "had",
    "got",
];

/// The writer speaking of themselves: never in or just after a subject's detail.
#[rustfmt::skip]
const FIRST_PERSON: &[&str] = &[
    "my", "me", "i", "mine", "our", "ours", "us", "we", "myself", "мой", "моя", "моё",
    "мой", "наш", "наша", "мне", "меня", "я", "मेरा", "मेरी", "मेरे", "हमारा", "हमारी",
    "हमारे", "मैं", "हम", "我", "我的", "我们", "我們", "저", "제", "나", "내", "우리", "ako", "ko",
    "akin", "namin", "kami", "toi", "tôi", "chung", "saya", "aku", "kami", "mi", "mio",
    "mia", "yo", "nosotros", "meu", "minha", "au", "aʻu", "taku", "toku", "ahau", "mifala",
    "mipela",
];

/// Pronouns that refer back to someone named before: a detail after one of these is
/// the subject's when the last person named was the subject.
#[rustfmt::skip]
const PRONOUNS: &[&str] = &[
    "his", "her", "he", "she", "him", "hers", "его", "её", "ее", "он", "она", "उसका",
    "उसकी", "उसके", "उनका", "उनकी", "他的", "她的", "他", "她", "niya", "kanyang", "lana", "lona",
    "그의", "그", "dia", "nya",
];

/// Kinds a detail placed right after the subject's name (`Rangi, 021 ...`) may take from
/// it: ways to reach or find them. Documents and dates need a cue in words.
const APPOSITION_KINDS: &[Kind] = &[
    Kind::Phone,
    Kind::Email,
    Kind::Handle,
    Kind::Address,
    Kind::Plate,
    Kind::Url,
];

struct Lists {
    subject: FxSet<String>,
    /// Third parties.
    others: FxSet<String>,
    /// The writer (`FIRST_PERSON`).
    writer: FxSet<String>,
    links: FxSet<String>,
    pronouns: FxSet<String>,
    /// The non-Latin entries of `subject`, `links` and `pronouns`, longest first, for
    /// scripts written without spaces.
    joined_subject: Vec<String>,
    joined_links: Vec<String>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let set = |words: &[&str]| words.iter().map(|w| fold(w)).collect::<FxSet<String>>();
        let joined = |words: &[&str]| {
            let mut v: Vec<String> = words
                .iter()
                .filter(|w| !w.is_ascii())
                .map(|w| fold(w))
                .collect();
            v.sort_by_key(|w| std::cmp::Reverse(w.len()));
            v
        };
        let mut links: Vec<&str> = LINKS.to_vec();
        links.extend(PRONOUNS);
        Lists {
            subject: set(SUBJECT_WORDS),
            others: set(OTHER_PEOPLE),
            writer: set(FIRST_PERSON),
            links: set(&links),
            pronouns: set(PRONOUNS),
            joined_subject: joined(SUBJECT_WORDS),
            joined_links: joined(&links),
        }
    })
}

/// The words of a stretch of text folded by `fold`: split at spaces and punctuation
/// (kept as words of their own where they link, like `-` and `:`), `'s` cut off.
fn words<'a>(folded: &'a str) -> Vec<&'a str> {
    // Sized for a word in two bytes, to 64 (most calls read a clause): grown a word at a
    // time, the copies cost a fifth of `words` on a text of many spans.
    let mut out = Vec::with_capacity((folded.len() / 2 + 1).min(64));
    // Each word sliced out, not copied (built a character at a time they cost a fifth of
    // a text of many spans; copied, a string allocated per word).
    let mut push = |w: &'a str| {
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w);
        if !w.is_empty() && w != "'" && w != "’" {
            out.push(w);
        }
    };
    for raw in folded.split(|c: char| {
        c.is_whitespace() || matches!(c, '.' | '"' | '“' | '”' | '!' | '?' | '[' | ']')
    }) {
        let mut from = 0;
        for (i, c) in raw.char_indices() {
            if matches!(
                c,
                '(' | ')' | ':' | ',' | '=' | '/' | '–' | '—' | '：' | '，'
            ) {
                let to = i + c.len_utf8();
                push(&raw[from..i]);
                push(&raw[i..to]);
                from = to;
            }
        }
        push(&raw[from..]);
    }
    out
}

/// Whether a word is made of link words only (scripts without spaces run them
/// together: `的电话是`).
fn is_link(word: &str) -> bool {
    let l = lists();
    if l.links.contains(word) {
        return true;
    }
    if word.is_ascii() {
        return false;
    }
    let mut rest = word;
    while !rest.is_empty() {
        match l.joined_links.iter().find(|j| rest.starts_with(j.as_str())) {
            Some(j) => rest = &rest[j.len()..],
            None => return false,
        }
    }
    true
}

/// A tie of link words only, and few of them.
fn tied(between: &[&str]) -> bool {
    between.len() <= 6 && between.iter().all(|w| is_link(w))
}

/// The subject word that `before` ends with, past link words: `the boss is`, `工头姓`,
/// `Chủ thầu là`. `None` when another person or the writer comes in between.
fn subject_word_before(before: &str) -> Option<String> {
    let l = lists();
    let folded = fold(before);
    let ws = words(&folded);
    for (skipped, (i, &w)) in ws.iter().enumerate().rev().enumerate() {
        if let Some(word) = subject_in(&ws[..=i], w) {
            return Some(word);
        }
        // `the boss told my Sione`: the writer in between makes it theirs to say.
        let between_people = l.others.contains(w) || l.writer.contains(w);
        if between_people || !is_link(w) || skipped >= 5 {
            return None;
        }
    }
    None
}

/// The subject word a word is (or ends with, in scripts without spaces), two-word ones
/// read with the word before.
fn subject_in(ws: &[&str], w: &str) -> Option<String> {
    let l = lists();
    if let [.., prev, last] = ws {
        let pair = format!("{prev} {last}");
        if l.subject.contains(&pair) {
            return Some(pair);
        }
    }
    if l.subject.contains(w) {
        return Some(w.to_owned());
    }
    if !w.is_ascii() {
        // `个主管`, `ఉద్యోగ యజమాని`: a subject word at the end, past link particles.
        let mut rest = w;
        loop {
            if let Some(s) = l.joined_subject.iter().find(|s| rest.ends_with(s.as_str())) {
                return Some(s.clone());
            }
            match l.joined_links.iter().find(|j| rest.ends_with(j.as_str())) {
                Some(j) if j.len() < rest.len() => rest = &rest[..rest.len() - j.len()],
                _ => return None,
            }
        }
    }
    None
}

/// The subject word that `after` starts with, past link words: `, the owner`,
/// `(boss)`, `who owns the farm`, `is the contractor`.
fn subject_word_after(after: &str) -> Option<String> {
    let l = lists();
    let folded = fold(after);
    let ws = words(&folded);
    for (i, &w) in ws.iter().enumerate().take(6) {
        // `Jimmy T: boss, ...` (a chat export's sender): what follows a colon is what
        // they said, not who they are.
        if w == ":" || w == "：" {
            return None;
        }
        if w == "owns" || w == "runs" {
            return Some(w.to_owned());
        }
        if l.subject.contains(w) {
            // `Rangi, the boss's brother`: the role word names someone else.
            let next = ws.get(i + 1).copied().unwrap_or("");
            return (!l.others.contains(next)).then(|| w.to_owned());
        }
        // `Rangi, my boss`: the writer's possessive is no other person.
        let mine = matches!(w, "my" | "our");
        if l.others.contains(w) || !(is_link(w) || mine) {
            return None;
        }
    }
    None
}

/// The text of the sentence before byte `at` (at most 120 bytes of it).
fn clause_before(text: &str, at: usize) -> &str {
    let lo = super::text::floor_boundary(text, at.saturating_sub(120));
    let window = &text[lo..at];
    let start = clause_start(window);
    // A danda ends a sentence in Devanagari and Gurmukhi (never in an ASCII clause).
    let rest = &window[start..];
    let start = match rest.is_ascii() {
        true => start,
        false => rest
            .rfind(['।', '॥'])
            .map_or(start, |i| start + i + '।'.len_utf8()),
    };
    &window[start..]
}

/// The clause after span `i`, up to the next span.
fn after_text(text: &str, spans: &[Span], i: usize) -> String {
    let end = spans[i].end;
    before_next_span(clause_after(text, end), end, spans, i).to_owned()
}

/// The text of the sentence after byte `at` (at most 80 bytes of it).
fn clause_after(text: &str, at: usize) -> &str {
    let hi = super::text::floor_boundary(text, (at + 80).min(text.len()));
    let window = &text[at..hi];
    // Byte by byte (the marks outside ASCII by their first byte, then whole): per span
    // of a long text of digits, decoding each character was a fifteenth of the time.
    let bytes = window.as_bytes();
    let end = (0..bytes.len())
        .find(|&i| match bytes[i] {
            b'\n' => true,
            // An ASCII byte after the mark asked as a byte (`@.@.` decoded a character
            // at every dot): `char::is_whitespace` in ASCII, the vertical tab with it.
            b'.' | b'!' | b'?' | b';' => match bytes.get(i + 1) {
                Some(&n) if n.is_ascii() => n.is_ascii_whitespace() || n == 0x0B,
                _ => window[i + 1..].starts_with(char::is_whitespace),
            },
            0xE0 | 0xE3 | 0xEF => ["。", "！", "？", "।", "॥"]
                .iter()
                .any(|mark| bytes[i..].starts_with(mark.as_bytes())),
            _ => false,
        })
        .unwrap_or(window.len());
    &window[..end]
}

/// Subjects and third parties decided here (a span already the writer's is left so);
/// `cues` holds the writer's cues the engine has already looked for in `text`.
pub fn propose(text: &str, spans: &mut [Span], cues: &mut WriterCues) {
    decide(text, spans, &mut Reasons(None), cues);
}

/// Whether a writer's cue stands before each byte asked about (`reporter_cue`), each
/// looked for once a text: the engine asks it of most spans, and `detail_tie` of the
/// same starts again (on a text of many details, a twentieth of the time).
#[derive(Default)]
pub struct WriterCues(FxMap<usize, bool>);

impl WriterCues {
    pub fn before(&mut self, text: &str, at: usize) -> bool {
        *self
            .0
            .entry(at)
            .or_insert_with(|| reporter_cue(text, at).is_some())
    }
}

/// `propose`, and why each span has the role it has. Run again on its own output it
/// gives the same roles and reasons.
pub fn explained(text: &str, spans: &mut [Span]) -> Vec<String> {
    let mut reasons = Reasons(Some(vec![String::new(); spans.len()]));
    decide(text, spans, &mut reasons, &mut WriterCues::default());
    reasons.0.unwrap_or_default()
}

/// Why each span has its role, when asked for (`--explain`, the handler's view): the
/// engine decides roles without them, and the writer's cues looked up again only to be
/// quoted were a tenth of the time on a text of many spans.
struct Reasons(Option<Vec<String>>);

impl Reasons {
    fn wanted(&self) -> bool {
        self.0.is_some()
    }

    fn set(&mut self, i: usize, why: impl FnOnce() -> String) {
        if let Some(reasons) = &mut self.0 {
            reasons[i] = why();
        }
    }
}

fn decide(text: &str, spans: &mut [Span], reasons: &mut Reasons, cues: &mut WriterCues) {
    for (i, span) in spans.iter_mut().enumerate() {
        if span.role == Role::Subject {
            span.role = Role::Other;
        }
        if span.role == Role::Reporter {
            reasons.set(i, || match reporter_cue(text, span.start) {
                Some(cue) => format!("the writer's: after \"{cue}\""),
                None => "the writer's: beside their own detail, or its rule says so".into(),
            });
        }
    }
    // Names with a role word beside them.
    for i in 0..spans.len() {
        if spans[i].role != Role::Other || spans[i].kind != Kind::Name {
            continue;
        }
        let (start, end) = (spans[i].start, spans[i].end);
        let clause = clause_before(text, start);
        let before = after_last_span(clause, start, spans, i);
        // The name detector may take a title in: `Прораб Руслан`.
        let own_folded = fold(&text[start..end]);
        let own = words(&own_folded);
        let cue = subject_in(&own[..1.min(own.len())], own.first().copied().unwrap_or(""))
            .filter(|_| own.len() > 1)
            .map(|w| format!("after \"{w}\""))
            .or_else(|| subject_word_before(before).map(|w| format!("after \"{w}\"")))
            .or_else(|| {
                // Right after the subject's name: `employer namin si Mr Brent Tully`.
                let previous = spans[..i].iter().rev().find(|s| s.end <= start)?;
                (previous.role == Role::Subject
                    && previous.kind == Kind::Name
                    && before.len() < clause.len()
                    && tied(&words(&fold(before))))
                .then(|| "right after the subject's name".to_owned())
            })
            .or_else(|| {
                let after = clause_after(text, end);
                let after = before_next_span(after, end, spans, i);
                subject_word_after(after).map(|w| format!("before \"{w}\""))
            });
        if let Some(cue) = cue {
            spans[i].role = Role::Subject;
            reasons.set(i, || format!("the subject's: {cue}"));
        }
    }
    same_names(text, spans, reasons);
    // Details tied to the subject in a few words, in the order they come, so that a
    // detail right after a subject's detail follows it.
    for i in 0..spans.len() {
        if spans[i].role != Role::Other || spans[i].kind == Kind::Name {
            continue;
        }
        if let Some(why) = detail_tie(text, spans, i, cues) {
            spans[i].role = Role::Subject;
            reasons.set(i, || format!("the subject's: {why}"));
        }
    }
    if let Some(reasons) = &mut reasons.0 {
        for (span, reason) in spans.iter().zip(reasons.iter_mut()) {
            if reason.is_empty() && span.role == Role::Other {
                *reason = "no cue makes it the writer's or the subject's: a third party's, or unsure, so redacted".into();
            }
        }
    }
}

/// The reasons `explained` gives for spans it has already decided.
pub fn reasons(text: &str, spans: &[Span]) -> Vec<String> {
    explained(text, &mut spans.to_vec())
}

/// The part of `clause` (ending at byte `at` of the text) after the last span before
/// span `i`: a role word that belongs to another name does not reach past it.
fn after_last_span<'t>(clause: &'t str, at: usize, spans: &[Span], i: usize) -> &'t str {
    let clause_start = at - clause.len();
    // Spans are sorted and apart: only the one just before can reach into the clause.
    match i.checked_sub(1).map(|p| &spans[p]) {
        Some(s) if s.end > clause_start && s.end <= at => &clause[s.end - clause_start..],
        Some(s) if s.end > clause_start => "",
        _ => clause,
    }
}

/// The part of `clause` (starting at byte `at`) before the next span after span `i`.
fn before_next_span<'t>(clause: &'t str, at: usize, spans: &[Span], i: usize) -> &'t str {
    match spans.get(i + 1) {
        Some(s) if s.start < at + clause.len() && s.start >= at => &clause[..s.start - at],
        Some(s) if s.start < at + clause.len() => "",
        _ => clause,
    }
}

const WRITERS_NAME: &str = "the writer's: the same name as the writer's elsewhere";

/// Every mention of a name takes the role of the others: the writer's if any is (then
/// nothing else of it can be the subject's), else the subject's if any is. A name of one
/// word takes that of a longer name it is a word of, unless it is a word of another
/// person's name too.
fn same_names(text: &str, spans: &mut [Span], reasons: &mut Reasons) {
    let folded: Vec<Option<String>> = spans
        .iter()
        .map(|s| (s.kind == Kind::Name).then(|| fold(text[s.start..s.end].trim())))
        .collect();
    let words_of = |role: Role, spans: &[Span]| -> FxSet<String> {
        spans
            .iter()
            .zip(&folded)
            .filter(|(s, _)| s.role == role)
            .filter_map(|(_, f)| f.as_ref())
            .flat_map(|f| {
                let mut v: Vec<String> = f.split_whitespace().map(str::to_owned).collect();
                v.push(f.clone());
                v
            })
            .collect()
    };
    let writer = words_of(Role::Reporter, spans);
    let subject = words_of(Role::Subject, spans);
    // Words of other people's longer names: a one-word mention of one is theirs as much.
    let third_words: FxSet<&str> = spans
        .iter()
        .zip(&folded)
        .filter(|(s, _)| s.role == Role::Other)
        .filter_map(|(_, f)| f.as_deref())
        .filter(|f| f.contains(' '))
        .flat_map(str::split_whitespace)
        .collect();
    let mut mentions: FxMap<&str, usize> = FxMap::default();
    for name in folded.iter().flatten() {
        *mentions.entry(name.as_str()).or_default() += 1;
    }
    for (i, name) in folded.iter().enumerate() {
        let Some(name) = name else { continue };
        if spans[i].role == Role::Reporter {
            // Said the same way whether this pass made it the writer's or an earlier one.
            if mentions[name.as_str()] > 1
                && reasons.wanted()
                && reporter_cue(text, spans[i].start).is_none()
            {
                reasons.set(i, || WRITERS_NAME.into());
            }
            continue;
        }
        if writer.contains(name) {
            spans[i].role = Role::Reporter;
            reasons.set(i, || WRITERS_NAME.into());
        } else if spans[i].role == Role::Other
            && subject.contains(name)
            && (name.contains(' ') || !third_words.contains(name.as_str()))
        {
            spans[i].role = Role::Subject;
            reasons.set(i, || {
                "the subject's: the same name as the subject's elsewhere".into()
            });
        }
    }
}

/// Whether the writer is in the sentence as one who is placed or lives somewhere (`puts
/// us in a house owned by the supervisor Faisal at ...`): the address after the owner's
/// name is then the writer's home as much. `my boss Rangi lives at` is not: a
/// possessive names the boss, not where the writer is.
fn writer_lives_there(clause: &str) -> bool {
    words(&fold(clause))
        .iter()
        .any(|w| matches!(*w, "i" | "me" | "we" | "us" | "i'm" | "we're"))
}

/// Why a detail (not a name) is the subject's, if it is: a subject word just before it
/// (`the boss's number is`), a pronoun for the subject just named (`His cell is`), or
/// the subject's name or detail right before it (`Rangi Parata, 021 ...`).
fn detail_tie(text: &str, spans: &[Span], i: usize, cues: &mut WriterCues) -> Option<String> {
    let l = lists();
    let span = &spans[i];
    if cues.before(text, span.start) {
        return None;
    }
    // Nothing of the writer's just after it either: `021 555 1234 is my number`.
    let after = fold(before_next_span(
        clause_after(text, span.end),
        span.end,
        spans,
        i,
    ));
    if words(&after).iter().take(4).any(|w| l.writer.contains(*w)) {
        return None;
    }
    let clause = clause_before(text, span.start);
    let between = after_last_span(clause, span.start, spans, i);
    let between_folded = fold(between);
    let ws = words(&between_folded);
    // The writer's own in the detail itself (two addresses taken as one: `... हमारा घर ...`).
    if words(&fold(&text[span.start..span.end]))
        .iter()
        .any(|w| l.writer.contains(*w))
    {
        return None;
    }
    // The subject's name or detail right before it, in the same clause.
    let previous = spans[..i].iter().rev().find(|s| s.end <= span.start);
    if let Some(p) = previous {
        if p.role == Role::Subject
            && p.end >= span.start - between.len()
            && APPOSITION_KINDS.contains(&span.kind)
            && ws.len() <= 4
            && tied(&ws)
            && !(span.kind == Kind::Address && writer_lives_there(clause))
        {
            return Some(format!("right after the subject's {}", p.kind.as_str()));
        }
    }
    // A subject word just before it, past link words only (not for an address: where
    // the boss's house is where the workers live too, it is theirs as much).
    for (k, w) in ws.iter().enumerate().rev() {
        if span.kind == Kind::Address {
            break;
        }
        if let Some(word) = subject_in(&ws[..=k], w) {
            let people = |w: &&str| l.others.contains(*w) || l.writer.contains(*w);
            if tied(&ws[k + 1..]) && !ws[k + 1..].iter().any(people) {
                return Some(format!("after \"{word}\""));
            }
            break;
        }
    }
    // A subject word just after it: `03-0862-..., which is the contractor's`, `(boss)`.
    // Only a few plain words may stand between: `(old one the boss took)` is the
    // writer's new number, the boss took the old one.
    if !matches!(span.kind, Kind::Address) {
        let after = after_text(text, spans, i);
        let after_folded = fold(&after);
        let ws = words(&after_folded);
        let near = (0..ws.len().min(5)).find(|&k| subject_in(&ws[..=k], ws[k]).is_some());
        let plain = [
            "is", "was", "the", "a", "his", "her", "their", "which", "that", "belongs", "to", "of",
            "(", ",", "-", "–",
        ];
        // The subject word as a label, not the one who acts in a clause of its own:
        // `022 465 8904 boss knows it` is the writer's number the boss knows, and so is
        // `sđt 022 573 0192 chủ tiệm còn lấy ...` ("the shop owner also takes ..."): link
        // words only after it, to the end or to a closing mark.
        let label = |k: usize| {
            ws[k + 1..]
                .iter()
                .find(|w| matches!(**w, ")" | "," | "-" | "–") || !is_link(w))
                .is_none_or(|w| matches!(*w, ")" | "," | "-" | "–"))
        };
        if near.is_some_and(|k| ws[..k].iter().all(|w| plain.contains(w)) && label(k)) {
            if let Some(word) = subject_word_after(&after) {
                return Some(format!("before \"{word}\""));
            }
        }
    }
    // A pronoun for the subject, named last; not for an address the writer lives at
    // (`i still live in his house 3/41 ...`).
    if span.kind == Kind::Address && writer_lives_there(clause) {
        return None;
    }
    let pronoun = ws
        .iter()
        .rposition(|w| l.pronouns.contains(*w) || w.ends_with("nya"))?;
    if !tied(&ws[pronoun + 1..]) {
        return None;
    }
    // `Kuldeep took his passport, DOB ...`: what the subject takes or holds is a
    // worker's, and so is the pronoun right after the taking (not `keeps our passports,
    // his number is ...`).
    if pronoun > 0 && TAKING.contains(&ws[pronoun - 1]) {
        return None;
    }
    let between_at = span.start - between.len();
    let last_name = spans[..i]
        .iter()
        .rev()
        .take_while(|s| s.end + 300 >= between_at)
        .find(|s| s.kind == Kind::Name && s.end <= between_at)?;
    // Within the sentence before, or this one, with nobody else mentioned in between
    // (before the pronoun, in this clause or the text before it).
    if between_at - last_name.end > 300 {
        return None;
    }
    if last_name.role != Role::Subject {
        return None;
    }
    // The pronoun must have no one else to stand for: nobody else mentioned from the
    // start of the subject's sentence to the pronoun (`My brother Sione works for Rangi.
    // His phone is ...` is the brother's as likely as Rangi's).
    let sentence = clause_before(text, last_name.start);
    let from = last_name.start - sentence.len();
    let named_too = spans[..i].iter().any(|s| {
        s.kind == Kind::Name && s.start >= from && s.end <= between_at && s.role != Role::Subject
    });
    let others = words(&fold(sentence))
        .iter()
        .chain(&words(&fold(&text[last_name.end..between_at])))
        .chain(&ws[..pronoun])
        .any(|w| l.others.contains(*w));
    (!named_too && !others).then(|| format!("\"{}\" after the subject's name", ws[pronoun]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, value: &str, kind: Kind, role: Role) -> Span {
        let start = text.find(value).unwrap();
        Span {
            start,
            end: start + value.len(),
            kind,
            rule: "test".into(),
            role,
        }
    }

    fn roles(text: &str, mut spans: Vec<Span>) -> Vec<(String, Role)> {
        propose(text, &mut spans, &mut WriterCues::default());
        spans
            .iter()
            .map(|s| (text[s.start..s.end].to_owned(), s.role))
            .collect()
    }

    #[test]
    fn role_words_make_a_name_the_subjects() {
        for (text, name) in [
            (
                "The boss is Rangi Parata and he keeps our passports.",
                "Rangi Parata",
            ),
            ("My boss Dale Fitzgerald owes me money.", "Dale Fitzgerald"),
            (
                "Their contractor, a man called Craig Dunlop, takes $250.",
                "Craig Dunlop",
            ),
            ("个主管Gary Chan成日逼佢哋做雙更", "Gary Chan"),
            ("Chủ thầu là Nguyễn Văn Long, ở Te Puke.", "Nguyễn Văn Long"),
            ("Hemi Walker (the owner) took them.", "Hemi Walker"),
            ("Yung employer namin si Mr Brent Tully.", "Brent Tully"),
        ] {
            let got = roles(text, vec![span(text, name, Kind::Name, Role::Other)]);
            assert_eq!(got[0].1, Role::Subject, "{text}");
        }
    }

    #[test]
    fn others_and_the_writer_are_not_the_subject() {
        for (text, name, role) in [
            ("My boss told Sione to work nights.", "Sione", Role::Other),
            ("The boss's brother, Bruce, drove.", "Bruce", Role::Other),
            ("Supervisor here - Tane Walker.", "Tane Walker", Role::Other),
            ("My friend Mele works for the owner.", "Mele", Role::Other),
            ("I am Ana, the manager hit me.", "Ana", Role::Reporter),
        ] {
            let got = roles(text, vec![span(text, name, Kind::Name, role)]);
            assert_eq!(got[0].1, role, "{text}");
        }
    }

    #[test]
    fn details_tied_to_the_subject_follow_it() {
        let text = "The contractor is Paora Tāwhiri, 027 508 6142. His email is pt@example.nz.";
        let got = roles(
            text,
            vec![
                span(text, "Paora Tāwhiri", Kind::Name, Role::Other),
                span(text, "027 508 6142", Kind::Phone, Role::Other),
                span(text, "pt@example.nz", Kind::Email, Role::Other),
            ],
        );
        assert!(got.iter().all(|(_, r)| *r == Role::Subject), "{got:?}");
        let text = "The boss's number is 021 555 1234.";
        let got = roles(
            text,
            vec![span(text, "021 555 1234", Kind::Phone, Role::Other)],
        );
        assert_eq!(got[0].1, Role::Subject);
    }

    #[test]
    fn the_writers_details_never_become_the_subjects() {
        for (text, value) in [
            (
                "The boss is Rangi, call me on 021 555 1234.",
                "021 555 1234",
            ),
            (
                "Boss Rangi took it. 021 555 1234 is my number.",
                "021 555 1234",
            ),
            ("The owner doesn't pay us 021 555 1234", "021 555 1234"),
            (
                "new number 021 774 3399 (old one the boss took). can txt anytime",
                "021 774 3399",
            ),
            (
                "The boss is Rangi Parata. My number is 021 555 1234.",
                "021 555 1234",
            ),
            ("NZ one 021 555 1234 boss knows it", "021 555 1234"),
            (
                "sđt 022 573 0192 chủ tiệm còn lấy 50% tip của tụi em.",
                "022 573 0192",
            ),
        ] {
            let mut spans = vec![span(text, value, Kind::Phone, Role::Other)];
            if let Some(at) = text.find("Rangi") {
                let end = if text[at..].starts_with("Rangi Parata") {
                    at + 12
                } else {
                    at + 5
                };
                spans.insert(
                    0,
                    Span {
                        start: at,
                        end,
                        kind: Kind::Name,
                        rule: "t".into(),
                        role: Role::Other,
                    },
                );
            }
            if text.contains("my number") || text.contains("call me") {
                // The engine marks these the writer's before this pass; it must stay so.
                let last = spans.len() - 1;
                spans[last].role = Role::Reporter;
            }
            let got = roles(text, spans);
            assert_ne!(got.last().unwrap().1, Role::Subject, "{text}: {got:?}");
        }
    }

    #[test]
    fn the_bosss_house_the_writer_is_put_in_is_not_the_subjects() {
        let address = "47 Rangitikei Street, Palmerston North 4410";
        let text = format!("The company puts us in a house owned by the supervisor Faisal Rahman at {address}, 6 men.");
        let got = roles(
            &text,
            vec![
                span(&text, "Faisal Rahman", Kind::Name, Role::Other),
                span(&text, address, Kind::Address, Role::Other),
            ],
        );
        assert_eq!(got[0].1, Role::Subject, "{got:?}");
        assert_eq!(got[1].1, Role::Other, "{got:?}");
        let text = format!("My boss is Faisal Rahman at {address}.");
        let got = roles(
            &text,
            vec![
                span(&text, "Faisal Rahman", Kind::Name, Role::Other),
                span(&text, address, Kind::Address, Role::Other),
            ],
        );
        assert_eq!(got[1].1, Role::Subject, "{got:?}");
        // The boss's house by a pronoun, where the writer lives.
        let text = format!("boss Deepak have my bank card. i still live in his house {address}.");
        let got = roles(
            &text,
            vec![
                span(&text, "Deepak", Kind::Name, Role::Other),
                span(&text, address, Kind::Address, Role::Other),
            ],
        );
        assert_ne!(got[1].1, Role::Subject, "{got:?}");
    }

    #[test]
    fn a_senders_name_before_what_they_said_is_not_the_subjects() {
        let text = "[21/01/2025, 18:05] Jimmy T: boss, no work for 3 days.";
        let got = roles(text, vec![span(text, "Jimmy T", Kind::Name, Role::Other)]);
        assert_eq!(got[0].1, Role::Other);
    }

    #[test]
    fn a_pronoun_with_someone_else_to_stand_for_ties_nothing() {
        let text = "My brother Sione works for Rangi Parata. His phone is 021 555 1234.";
        let got = roles(
            text,
            vec![
                span(text, "Sione", Kind::Name, Role::Other),
                span(text, "Rangi Parata", Kind::Name, Role::Subject),
                span(text, "021 555 1234", Kind::Phone, Role::Other),
            ],
        );
        assert_eq!(got[2].1, Role::Other, "{got:?}");
        let text = "The boss is Rangi Parata. His phone is 021 555 1234.";
        let got = roles(
            text,
            vec![
                span(text, "Rangi Parata", Kind::Name, Role::Other),
                span(text, "021 555 1234", Kind::Phone, Role::Other),
            ],
        );
        assert_eq!(got[1].1, Role::Subject, "{got:?}");
        // What the subject took is a worker's.
        let text = "Contractor Kuldeep Dhillon took his passport, DOB on passport 11.06.2000.";
        let got = roles(
            text,
            vec![
                span(text, "Kuldeep Dhillon", Kind::Name, Role::Subject),
                span(text, "11.06.2000", Kind::Dob, Role::Other),
            ],
        );
        assert_eq!(got[1].1, Role::Other, "{got:?}");
    }

    #[test]
    fn a_name_takes_the_role_of_its_other_mentions() {
        let text = "My boss Daniel Ashby holds passports. Daniel drives. I am Mele. Mele is tired.";
        let mut spans = vec![
            span(text, "Daniel Ashby", Kind::Name, Role::Other),
            span(text, "Daniel drives", Kind::Name, Role::Other),
            span(text, "Mele.", Kind::Name, Role::Reporter),
        ];
        spans[1].end = spans[1].start + "Daniel".len();
        spans[2].end = spans[2].start + "Mele".len();
        let second_mele = text.rfind("Mele").unwrap();
        spans.push(Span {
            start: second_mele,
            end: second_mele + 4,
            kind: Kind::Name,
            rule: "t".into(),
            role: Role::Other,
        });
        let reasons = explained(text, &mut spans);
        let got: Vec<Role> = spans.iter().map(|s| s.role).collect();
        assert_eq!(
            got,
            [Role::Subject, Role::Subject, Role::Reporter, Role::Reporter]
        );
        assert!(reasons[1].contains("same name"), "{reasons:?}");
        assert_eq!(reasons, super::reasons(text, &spans), "reasons are stable");
    }
}
