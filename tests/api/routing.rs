//! Routing as data: `routing.toml` suggests agencies from a tip's category and from
//! words and detected kinds in its redacted text, each suggestion with the reasons the
//! file documents; handlers see them beside the tick boxes; agencies are brought into
//! step with the file at start (added, changed, made inactive), audited.

use crate::console_pages::Console;
use crate::helpers::spawn_app;
use reqwest::StatusCode;
use tipline::domain::{Category, Draft, DraftSpan, HandlerRole};
use tipline::redaction::{Engine, Kind, Role};
use tipline::routing::{suggest, Routing};
use tipline::startup::Application;

/// Agencies with their reasons.
type Suggested = Vec<(String, Vec<String>)>;

/// Each agency suggested for a sample tip, with its reasons.
fn suggested(routing: &Routing, engine: &Engine, category: &str, text: &str) -> Suggested {
    let draft = Draft::from_redaction(engine.redact(text));
    suggest(routing, Category::parse(category).unwrap(), &draft)
        .into_iter()
        .map(|s| (s.agency, s.reasons))
        .collect()
}

const WAGES: &str = "mentions pay withheld, cut or below the minimum wage";
const HOURS: &str = "mentions excessive hours, no breaks or no days off";
const VISA: &str =
    "mentions a visa or immigration status, which MBIE / Immigration New Zealand handles";
const PASSPORT: &str = "mentions passports or identity papers, or a passport number was found";
const DEBT: &str =
    "mentions a debt to the employer or recruiter that workers must work off (debt bondage)";
const THREATS: &str = "mentions threats, violence or being kept from leaving";
const CHILDREN: &str = "mentions children or young people, who need the police";
const SEX_WORK: &str = "mentions commercial sex; temporary visa holders may not do sex work in New Zealand (Prostitution Reform Act, s 19)";

fn with(reason: &str, word: &str) -> String {
    format!("{reason} (\u{201c}{word}\u{201d})")
}

#[test]
fn sample_tips_get_the_documented_suggestions_and_reasons() {
    let routing = Routing::embedded().unwrap();
    let engine = Engine::embedded().unwrap();
    let category = |c: &str| format!("the category ({c}) is in its remit");
    let cases: Vec<(&str, &str, Suggested)> = vec![
        (
            "worker_exploitation",
            "We work 14 hours a day with no breaks and they have not paid us for six weeks.",
            vec![
                ("mbie".into(), vec![category("worker exploitation")]),
                (
                    "labour-inspectorate".into(),
                    vec![category("worker exploitation"), with(WAGES, "not paid"), with(HOURS, "14 hours")],
                ),
            ],
        ),
        (
            "forced_labour",
            "He threatened to have us deported if we complain.",
            vec![
                ("police".into(), vec![category("forced labour"), with(THREATS, "threatened")]),
                ("mbie".into(), vec![category("forced labour"), with(VISA, "deported")]),
                ("labour-inspectorate".into(), vec![category("forced labour")]),
            ],
        ),
        (
            "other",
            "The boss keeps our passports in his safe and says we owe him for the flights.",
            vec![
                ("police".into(), vec![with(PASSPORT, "passports"), with(DEBT, "owe")]),
                ("mbie".into(), vec![with(PASSPORT, "passports"), with(DEBT, "owe")]),
                ("labour-inspectorate".into(), vec![category("other")]),
            ],
        ),
        (
            "other",
            "There are CHILDREN working in the packhouse, and women sent to a massage parlour at night.",
            vec![
                ("police".into(), vec![with(CHILDREN, "children"), with(SEX_WORK, "massage parlour")]),
                ("mbie".into(), vec![with(SEX_WORK, "massage parlour")]),
                ("labour-inspectorate".into(), vec![category("other")]),
            ],
        ),
        // Words inside other words are not the word: "visage", "hitherto", "kidney".
        (
            "slavery",
            "His visage changed; hitherto he had sold a kidney.",
            vec![("police".into(), vec![category("slavery")])],
        ),
    ];
    for (category, text, expected) in cases {
        assert_eq!(
            suggested(&routing, &engine, category, text),
            expected,
            "{text}"
        );
    }
}

#[test]
fn detected_kinds_suggest_but_placeholders_are_not_words() {
    let routing = Routing::embedded().unwrap();
    let draft = |spans: Vec<DraftSpan>| Draft {
        redacted: "My number is [PASSPORT-1].".into(),
        spans,
    };
    let span = DraftSpan {
        index: 0,
        kind: Kind::Passport,
        rule: "passport".into(),
        role: Role::Reporter,
        role_reason: String::new(),
        start: 13,
        end: 22,
    };
    let found = suggest(&routing, Category::Slavery, &draft(vec![span]));
    assert_eq!(found[0].agency, "police");
    assert!(
        found[0]
            .reasons
            .contains(&format!("{PASSPORT} (PASSPORT found)")),
        "{found:?}"
    );
    assert!(found.iter().any(|s| s.agency == "mbie"));
    let found = suggest(&routing, Category::Slavery, &draft(vec![]));
    assert!(found.iter().all(|s| s.agency != "mbie"), "{found:?}");
}

#[tokio::test]
async fn handlers_see_each_suggestion_with_its_reasons() {
    let app = spawn_app().await;
    app.submit_ok(
        "worker_exploitation",
        "They have not paid us for six weeks.",
    )
    .await;
    let h = app.handler("hoani", HandlerRole::Handler).await;
    let id = app.first_pending(&h).await;
    assert_eq!(h.claim(&id).await.status(), StatusCode::OK);
    let tip = h.get_json(&format!("/api/v1/review/tips/{id}")).await;
    assert_eq!(
        tip["suggested_agencies"],
        serde_json::json!(["mbie", "labour-inspectorate"])
    );
    assert_eq!(tip["suggestions"][1]["agency"], "labour-inspectorate");
    assert_eq!(
        tip["suggestions"][1]["reasons"][1],
        with(WAGES, "not paid").as_str()
    );

    let ana = Console::signed_in(&app, "ana", HandlerRole::Handler).await;
    app.submit_ok("trafficking", "We owe the agent for our visas.")
        .await;
    let pending = app.wait_for_pending(&h, 1).await;
    let next = pending[0]["id"].as_str().unwrap().to_owned();
    ana.post(
        &app,
        "/console/queue",
        &format!("/console/tips/{next}/claim"),
        &[],
    )
    .await;
    let (status, page) = ana.get(&app, &format!("/console/tips/{next}")).await;
    assert_eq!(status, StatusCode::OK);
    let police = &page[page.find("id=\"agency-police\"").unwrap()..];
    let police = &police[..police.find("</div>").unwrap()];
    assert!(police.contains(" checked"), "{police}");
    assert!(
        police.contains("the category (trafficking) is in its remit"),
        "{police}"
    );
    assert!(police.contains(&with(DEBT, "owe")), "{police}");
}

#[tokio::test]
async fn agencies_follow_the_file_at_start_and_removed_ones_stop() {
    let app = spawn_app().await;
    let labour = app.agency_token("labour-inspectorate").await;
    assert_eq!(app.lease(&labour, 1, 60).await.0, StatusCode::OK);

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("routing.toml");
    let text = tipline::routing::config::EMBEDDED;
    let labour_entry = text
        .find("[[agency]]\nid = \"labour-inspectorate\"")
        .unwrap();
    let first_rule = text.find("\n[[rule]]\nid").unwrap() + 1;
    let edited = format!(
        "{}[[agency]]\nid = \"customs\"\nname = \"New Zealand Customs Service\"\ncontact = \"0800 428 786\"\ncategories = [\"trafficking\"]\n\n{}",
        &text[..labour_entry],
        &text[first_rule..].replace("agencies = [\"labour-inspectorate\"]", "agencies = [\"mbie\"]")
    );
    std::fs::write(&file, edited).unwrap();
    let mut settings = app.settings.clone();
    settings.routing.file = Some(file.clone());
    settings.server.listen = "127.0.0.1:0".parse().unwrap();
    let listener = std::net::TcpListener::bind(settings.server.listen).unwrap();
    let restarted = Application::build_with_listener(settings.clone(), listener)
        .await
        .unwrap();
    let ids: Vec<String> = app
        .store
        .agencies()
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(ids, ["customs", "mbie", "police"]);
    let audit = app
        .store
        .audit_rows(Some("operator:config"), None, 10)
        .await
        .unwrap();
    assert_eq!(audit[0].entry.action, "agencies_configured");
    assert_eq!(
        audit[0].entry.detail,
        "added=customs; changed=; deactivated=labour-inspectorate"
    );
    let (status, _) = app.lease(&labour, 1, 60).await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "a removed agency's token stops"
    );

    // The same file again changes nothing and audits nothing.
    drop(restarted);
    let listener = std::net::TcpListener::bind(settings.server.listen).unwrap();
    let _again = Application::build_with_listener(settings, listener)
        .await
        .unwrap();
    let again = app
        .store
        .audit_rows(Some("operator:config"), None, 10)
        .await
        .unwrap();
    assert_eq!(again.len(), audit.len());

    // A broken file stops the start with a message naming the entry.
    std::fs::write(
        &file,
        "[[agency]]\nid = \"police\"\nname = \"P\"\ncategories = [\"fraud\"]\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tipline"))
        .args(["check-routing", "--file", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("agency `police`: categories: unknown category `fraud`"));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tipline"))
        .args(["check-routing"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout)
        .contains("3 agencies: police, mbie, labour-inspectorate"));
}
