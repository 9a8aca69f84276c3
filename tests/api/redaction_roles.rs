//! Roles on spans: the writer's own (`reporter`), the person or business reported
//! (`subject`) and everyone else (`third`). They decide what review proposes to keep,
//! never what `tipline redact` replaces; a writer's detail is never proposed as the
//! subject's.

use std::sync::OnceLock;
use tipline::redaction::{Engine, Role};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::embedded().expect("embedded rules load"))
}

fn roles(text: &str) -> Vec<(String, Role)> {
    engine()
        .find(text)
        .into_iter()
        .map(|s| (text[s.start..s.end].to_owned(), s.role))
        .collect()
}

fn role_of(text: &str, value: &str) -> Role {
    roles(text)
        .into_iter()
        .find(|(v, _)| v == value)
        .unwrap_or_else(|| panic!("{value:?} not found in {text:?}: {:?}", roles(text)))
        .1
}

#[test]
fn the_subject_is_told_from_the_writer_and_third_parties() {
    let text = "I am Mele Tupou. My boss Rangi Parata keeps our passports, his number is \
                027 555 9876. My friend Ana Lolo was hurt. Call me on 021 555 1234.";
    assert_eq!(role_of(text, "Mele Tupou"), Role::Reporter);
    assert_eq!(role_of(text, "Rangi Parata"), Role::Subject);
    assert_eq!(role_of(text, "027 555 9876"), Role::Subject);
    assert_eq!(role_of(text, "Ana Lolo"), Role::Other);
    assert_eq!(role_of(text, "021 555 1234"), Role::Reporter);
}

#[test]
fn role_words_in_other_languages_and_later_mentions() {
    for (text, value) in [
        ("我们的老板陈国强不发工资。", "陈国强"),
        ("사장 김영숙 씨가 여권을 가져갔어요.", "김영숙"),
        (
            "The contractor is Paora Tāwhiri, 027 508 6142.",
            "027 508 6142",
        ),
        (
            "The owner is Daniel Ashby. Later Daniel took the vans.",
            "Daniel",
        ),
    ] {
        assert_eq!(role_of(text, value), Role::Subject, "{text}");
    }
}

/// When unsure, a role that redacts: nothing of the writer's, and nobody the text does
/// not tie to the subject, is proposed as the subject's.
#[test]
fn a_writers_detail_is_never_proposed_as_the_subjects() {
    for (text, value) in [
        (
            "The boss is Rangi, call me on 021 555 1234.",
            "021 555 1234",
        ),
        (
            "Boss Rangi Parata took it. 021 555 1234 is my number.",
            "021 555 1234",
        ),
        (
            "The owner doesn't pay us, text 021 555 1234",
            "021 555 1234",
        ),
        (
            "My boss Rangi Parata has my passport, number LA123456.",
            "LA123456",
        ),
        (
            "I am the supervisor, my name is Tane Walker.",
            "Tane Walker",
        ),
        (
            "The manager is Rangi Parata. I am Sione Taufa.",
            "Sione Taufa",
        ),
        (
            "Boss: Rangi Parata. Me: Sione Taufa, sione.t@example.nz",
            "sione.t@example.nz",
        ),
        (
            "The owner lives next door to us at 14 Kowhai Street, Hastings.",
            "14 Kowhai Street, Hastings",
        ),
    ] {
        let role = roles(text)
            .into_iter()
            .find(|(v, _)| v.contains(value) || value.contains(v.as_str()))
            .map(|(_, r)| r);
        assert_ne!(role, Some(Role::Subject), "{text}: {:?}", roles(text));
    }
    for (text, value) in [
        ("My boss told Sione Taufa to work nights.", "Sione Taufa"),
        ("The boss's brother, Bruce Coleman, drove.", "Bruce Coleman"),
        (
            "Rangi Parata, my cousin, works for the owner.",
            "Rangi Parata",
        ),
    ] {
        assert_ne!(role_of(text, value), Role::Subject, "{text}");
    }
}

/// `tipline redact --jsonl` replaces every span whatever its role, and says each role.
#[test]
fn redact_replaces_every_span_whatever_its_role() {
    let input = r#"{"id":"t1","text":"I am Mele Tupou. The boss is Rangi Parata, 027 555 9876. Ana Lolo saw it."}"#;
    let mut out = Vec::new();
    tipline::redaction::jsonl::run(engine(), input.as_bytes(), &mut out).unwrap();
    let line: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(
        line["redacted"],
        "I am [NAME-1]. The boss is [NAME-2], [PHONE-1]. [NAME-3] saw it."
    );
    let roles: Vec<&str> = line["spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["reporter", "subject", "subject", "third"]);
}

/// `--explain` says why each span has its role.
#[test]
fn each_role_comes_with_a_reason() {
    let text = "The boss is Rangi Parata. Ana Lolo saw it.";
    let why = engine().explain(text);
    assert!(why[0].role_reason.contains("after \"boss\""), "{why:?}");
    assert!(why[1].role_reason.contains("no cue"), "{why:?}");
}

/// In a call handler's notes the caller is the reporter, even when the caller's own job
/// is a role word (`site foreman`) that would make a name the subject's.
#[test]
fn the_caller_labelled_in_call_notes_is_the_reporter() {
    let text = "CALL 07:10. Caller: Darryl Whitehead, site foreman for a main contractor \
                in Hamilton. Says the subcontractor keeps the workers' passports.";
    assert_eq!(role_of(text, "Darryl Whitehead"), Role::Reporter);
}
