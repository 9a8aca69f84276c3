//! Numbers, identifiers and addresses as reporters from many countries write them: other
//! scripts' digits, numbers in words or spaced out, home-country phones, IDs after labels
//! in other languages, addresses with their town and postcode. Written apart from the
//! rules' own examples. `{KIND:text}` marks a detail that must be redacted whole, with
//! that kind, leaving no part readable; `{KIND!:text}` also says it is the writer's own.
//! No other span but a NAME may appear.

use tipline::redaction::{Engine, Kind, Role};

const TIPS: &[&str] = &[
    // Normalisation: other scripts, words, spaced digits.
    "मेरा फोन {PHONE!:९८७६५४३२१०} है, कृपया रात में फोन करें।",
    "电话：{PHONE:１３８ ００１３ ８０００}，只在晚上打。",
    "call me on {PHONE!:oh two one, five five five, zero one five four} after work",
    "Text me {PHONE!:0 2 1 5 5 5 0 1 5 4} please",
    "waea mai ki {PHONE:kore rua tahi rima rima rima toru whā waru iwa}",
    "the number is {PHONE:021 double five triple three 12}",
    "his phone {PHONE:+64 21 nine eight seven 6543} is always on",
    "email me at {EMAIL!:jun dot villanueva at gmail dot com} not my work one",
    "boss email {EMAIL:ramesh.k [at] hotmail.com}",
    // Phones of home countries, with and without the country code.
    "my sister in Manila, sa {PHONE:0917 123 4567} siya",
    "Mobile: {PHONE:730 064 218}",
    "the agent's US number is {PHONE:(212) 555-0186}",
    "ring the recruiter on {PHONE:+679 923 4567}",
    "Samoa phone {PHONE:+685 77 12345}",
    "my cousin in Sydney {PHONE:0412 987 654}",
    "老板的电话是{PHONE:13912345678}，他不接。",
    "Viet: số điện thoại {PHONE:0912 345 678}",
    "Hp saya {PHONE!:0812-3456-7890}",
    // Identifiers with check digits, and after labels.
    "my Aadhaar {ID!:4991 1866 5246} is with the boss",
    "Chinese ID {ID:11010519491231002X}",
    "SSN {ID:219-09-9999} on the form",
    "his PAN is {ID:AFZPK7190K}",
    "PhilSys {ID:1234-5678-9012} is in my bag",
    "wages go to {BANK:DE89 3704 0044 0532 0130 00} every month",
    "여권번호 {PASSPORT:M12345678} 사장님이 가지고 있어요",
    "paspor saya {PASSPORT!:B 1234567} diambil agen",
    "driver's license {LICENCE:F255-921-50-094-0}",
    "身份证号码 {ID:44052418800101001X}",
    // Dates of birth.
    "I was born on {DOB!:4/18/1960} in Apia",
    "我{DOB:1995年3月12日}出生",
    "我的生日是{DOB!:1990年11月2日}",
    "date of birth: {DOB:5-Oct-1971}",
    "ipinanganak noong {DOB:1988}",
    // Messaging IDs and handles.
    "我的微信号是 {HANDLE!:wangwei_akl88}，晚上联系",
    "QQ号 {HANDLE:2837461920}",
    "her Viber: {HANDLE:mele.t_99}",
    "add me {HANDLE!:jun.delacruz.welder}",
    // Addresses to the end.
    "they sleep at {ADDRESS:17 Cameron Road, Greerton, Tauranga 3112}. Help",
    "send letters to {ADDRESS:PO Box 2219, Tauranga 3140} — I have no home",
    "the house is {ADDRESS:112 Thornton Road, RD 4, Whakatāne 3194} near the river",
    "my home address {ADDRESS!:Blk 7 Lot 22, Brgy. San Isidro, Cainta, Rizal 1900}. I left in 2022",
    "he lives at {ADDRESS:1600 Elm Street, Springfield, IL 62704} and says he is a lawyer",
    "地址：{ADDRESS:广东省深圳市南山区科技路88号}",
    "the office is {ADDRESS:Flat 3, 27 High Street, London SW1A 1AA}",
    "O lo'u numera {PHONE!:7712345}, faamolemole valaau mai.",
    "Ko hoku fika ko {PHONE!:8812345}.",
    "老板住在{ADDRESS:奥克兰皇后街120号}，电话{PHONE:021 555 1234}。",
    "Mi número es {PHONE!:55 1234 5678} y vivo en {ADDRESS!:Calle Reforma 222, Col. Juárez, CDMX 06600}.",
    "his ITIN is {ID:912-70-1234}",
    // Nothing to redact.
    "She lives at home with her 3 kids.",
    "I called the number 3 times between 2019 and 2023.",
    "We work from 6 to 10 and get $12 an hour, 60 hours a week since 2021.",
    "Kia ora, aroha mai, kei Te Awamutu ahau e mahi ana.",
    "one or two of us went to the clinic on the 3rd",
    "Version 2.4.1 of the app crashed at 10.30 on 12/06/2024.",
    "Room 12, 3 beds, 14 people, rent $250 a week each.",
    "I paid 450,000 pesos and then 1 200 000 dong to the agent.",
    "We arrived in NZ on 2023-01-05 on flight NZ 0123.",
    "Invoice 20240117 for 3 pallets was signed at the depot.",
];

struct Gold {
    start: usize,
    end: usize,
    kind: Kind,
    reporter: bool,
}

fn parse(tip: &str) -> (String, Vec<Gold>) {
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut rest = tip;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let close = rest[open..].find('}').expect("closing brace") + open;
        let (label, value) = rest[open + 1..close].split_once(':').expect("KIND:text");
        let reporter = label.ends_with('!');
        let start = text.len();
        text.push_str(value);
        gold.push(Gold {
            start,
            end: text.len(),
            kind: label.trim_end_matches('!').parse().expect("a kind"),
            reporter,
        });
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    (text, gold)
}

#[test]
fn numbers_identifiers_and_addresses_are_redacted_whole() {
    let engine = Engine::embedded().unwrap();
    let mut failures = Vec::new();
    for tip in TIPS {
        let (text, gold) = parse(tip);
        let red = engine.redact(&text);
        for g in &gold {
            let value = &text[g.start..g.end];
            let span = red
                .spans
                .iter()
                .find(|s| s.start <= g.start && g.end <= s.end);
            match span {
                None => failures.push(format!("{value:?} not wholly redacted: {:?}", red.redacted)),
                Some(s) if s.kind != g.kind => {
                    failures.push(format!("{value:?} redacted as {}, not {}", s.kind, g.kind))
                }
                Some(s) if g.reporter && s.role != Role::Reporter => failures.push(format!(
                    "{value:?} should be the writer's own: {:?}",
                    red.redacted
                )),
                Some(_) if red.redacted.contains(value) => {
                    failures.push(format!("{value:?} leaks in {:?}", red.redacted))
                }
                Some(_) => {}
            }
        }
        for s in red.spans.iter().filter(|s| s.kind != Kind::Name) {
            if !gold.iter().any(|g| {
                s.start <= g.start && g.end <= s.end && s.end - s.start <= g.end - g.start + 2
            }) {
                failures.push(format!(
                    "{:?} redacted as {} but is not a detail: {:?}",
                    &text[s.start..s.end],
                    s.kind,
                    red.redacted
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn explain_names_a_rule_for_every_span() {
    let engine = Engine::embedded().unwrap();
    for tip in TIPS {
        let (text, _) = parse(tip);
        let spans = engine.find(&text);
        let why = engine.explain(&text);
        assert_eq!(why.len(), spans.len());
        for (w, s) in why.iter().zip(&spans) {
            assert_eq!((w.start, w.end, w.kind), (s.start, s.end, s.kind));
            assert!(!w.found_by.is_empty());
            assert_eq!(w.role_cue.is_some(), s.role == Role::Reporter, "{w}");
        }
    }
}
