//! Properties of the engine that must hold for any text: every byte inside a reported span
//! is replaced in the redacted output, no byte outside spans changes, spans are sorted,
//! disjoint and on character boundaries, and the engine is deterministic. `render` and
//! `normalise` must accept any spans at all (the review step gives them handler spans).

use proptest::prelude::*;
use std::sync::OnceLock;
use tipline::redaction::span::{normalise, render};
use tipline::redaction::{Engine, Kind, Redaction, Role, Span};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::embedded().expect("embedded rules load"))
}

/// Checks the redaction of `text` against its spans; returns a description of the first
/// broken property.
pub fn check(text: &str, red: &Redaction) -> Result<(), String> {
    let mut at = 0;
    let mut out = red.redacted.as_str();
    for s in &red.spans {
        if s.start < at || s.start >= s.end || s.end > text.len() {
            return Err(format!("bad span order or bounds: {s:?}"));
        }
        if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
            return Err(format!("span off a character boundary: {s:?}"));
        }
        let before = &text[at..s.start];
        out = out
            .strip_prefix(before)
            .ok_or_else(|| format!("text outside spans changed before {s:?}"))?;
        let stem = format!("[{}-", s.kind);
        out = out
            .strip_prefix(stem.as_str())
            .ok_or_else(|| format!("span {s:?} not replaced by a {} placeholder", s.kind))?;
        let digits = out.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || out.as_bytes().get(digits) != Some(&b']') {
            return Err(format!("malformed placeholder for {s:?}"));
        }
        out = &out[digits + 1..];
        at = s.end;
    }
    if out != &text[at..] {
        return Err("text after the last span changed".into());
    }
    Ok(())
}

const FRAGMENTS: &[&str] = &[
    "My name is",
    "Sione Taufa",
    "the manager",
    "Urmi Raghavan",
    "021 555 1234",
    "+64 27 365 4078",
    "(09) 442 4452",
    "+91 94890 68288",
    "$15,000",
    "09/12/2024",
    "born",
    "26/10/1963",
    "17 June 1999",
    "IRD",
    "049-091-850",
    "38-2283-0388368-59",
    "4835 3374 0681 2411",
    "passport",
    "A6690743",
    "plate",
    "BSM983",
    "7/352 Great South Road, Frankton",
    "Flat 2, 61 Karaka Lane",
    "rhys_green@outlook.com",
    "facebook.com/aadhya.927",
    "@edward_79",
    "151.250.226.128",
    "2404:ed5f::1",
    "https://example.co.nz/x",
    "Regards,",
    "-",
    "Ngā mihi",
    "Ōtāhuhu",
    "Nguyễn Thị Lan",
    "Hawke's Bay",
    "Southern Hospitality Ltd",
    "Mr",
    "Tran",
    "Andrew",
    "Potter",
    "call me on",
    "\u{0301}",
    "é",
    "😀",
    "\u{200b}",
    "\n",
    ".",
    ",",
    "(",
    ")",
    "[NAME-1]",
    "0",
    "00",
    "+",
    "@",
    "/",
    // What normalisation rewrites, and the scripts it runs in.
    "电话是",
    "０２１ ４４７ ３９１０",
    "我们八个人",
    "一二三四五六七",
    "我是",
    "。",
    "，",
    "有一个房子",
    "出生日期",
    "1995年3月12日",
    "मेरा नाम",
    "०२१ ५५५ ०१५४",
    "oh two one",
    "five five",
    "0 2 1 5 5 5",
    "at",
    "dot",
    "gmail",
    "Mount Albert",
    "Hamilton 3240",
    "RD 2",
    "12 Kauri Street",
    // Numbers said in words, addresses read out, dates in other languages.
    "com",
    "underscore",
    "arroba",
    "punto",
    "plus",
    "forty",
    "two",
    "hundred",
    "and",
    "nineteen",
    "ninety",
    "thousand",
    "nine",
    "street",
    "twenty-first",
    "12 tháng 7 năm 1996",
    "3 de enero de 1988",
    "m n k",
];

fn tipish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(FRAGMENTS),
            prop::sample::select(&[" ", "", "  ", ", ", ". ", "\n", "-"][..]),
        ),
        0..24,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(a, b)| [a, b])
            .collect::<String>()
    })
}

fn kind() -> impl Strategy<Value = Kind> {
    prop::sample::select(&Kind::ALL[..])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn any_text_is_redacted_exactly(text in any::<String>()) {
        let red = engine().redact(&text);
        prop_assert_eq!(check(&text, &red), Ok(()));
    }

    #[test]
    fn tip_like_text_is_redacted_exactly_and_deterministically(text in tipish()) {
        let red = engine().redact(&text);
        prop_assert_eq!(check(&text, &red), Ok(()));
        prop_assert_eq!(engine().redact(&text), red);
    }

    #[test]
    fn render_and_normalise_accept_any_spans(
        text in tipish(),
        raw in prop::collection::vec((0usize..400, 0usize..400, kind(), any::<bool>()), 0..8),
    ) {
        let spans: Vec<Span> = raw
            .into_iter()
            .map(|(a, b, kind, reporter)| Span {
                start: a,
                end: b,
                kind,
                rule: "handler".into(),
                role: if reporter { Role::Reporter } else { Role::Other },
            })
            .collect();
        let tidy = normalise(&text, spans.clone());
        let red = Redaction { redacted: render(&text, &tidy), spans: tidy.clone() };
        prop_assert_eq!(check(&text, &red), Ok(()));
        // Untidy spans render as their normalised form.
        prop_assert_eq!(render(&text, &spans), red.redacted);
        // Normalising is idempotent.
        prop_assert_eq!(normalise(&text, tidy.clone()), tidy);
    }
}

/// Full-width digits before a Chinese clause once mapped a span back into the middle of
/// a character, and the role cue's slice panicked (a reporter's tip would have stopped
/// the worker).
#[test]
fn spans_mapped_back_from_normalised_text_cover_whole_characters() {
    let text =
        "电话是０２１ ４４７ ３９１０，他住在Karaka Road有一个房子。我们八个人住在一起。我是阿明，";
    let red = engine().redact(text);
    assert_eq!(check(text, &red), Ok(()));
    assert!(!red.redacted.contains("４４７"), "{}", red.redacted);
}
