//! The reporter pages without JavaScript, as a plain HTTP client sees them: the form,
//! the receipt, headers, languages, padding, proof of work and the rate limit.

use crate::helpers::{spawn_app, spawn_app_with, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use tipline::crypto::keys::Keys;
use tipline::crypto::receipt::Receipt;
use tipline::crypto::sealing::{self, Envelope};
use tipline::crypto::{b64url, from_b64url};
use tipline::intake::i18n::catalog;
use tipline::intake::{padding, pow};
use tipline::store;

pub const PAGE_CSP: &str = tipline::web::PAGE_CSP;

/// Posts a form and returns status, headers and body.
async fn post_form(
    app: &TestApp,
    path: &str,
    fields: &[(&str, &str)],
) -> (StatusCode, reqwest::header::HeaderMap, String) {
    let r = app
        .client
        .post(app.url(path))
        .form(fields)
        .send()
        .await
        .unwrap();
    (r.status(), r.headers().clone(), r.text().await.unwrap())
}

pub(crate) fn receipt_in(page: &str) -> String {
    let start = page
        .find("<code id=\"receipt\">")
        .expect("a receipt on the page")
        + 19;
    let end = start + page[start..].find("</code>").unwrap();
    page[start..end].to_owned()
}

/// The stored envelope of the tip with this receipt.
async fn stored_envelope(app: &TestApp, receipt: &str) -> Envelope {
    let keys = Keys::load_or_create(&app.settings.data_dir).unwrap();
    let receipt = Receipt::parse(receipt).unwrap();
    let hashes = keys.data.lookup_hashes("receipt", receipt.canonical());
    let id = app
        .store
        .tip_for_receipt(&hashes)
        .await
        .unwrap()
        .unwrap()
        .id;
    let tip = app
        .store
        .tip(id.as_str(), store::now())
        .await
        .unwrap()
        .unwrap();
    serde_json::from_slice(&tip.sealed).unwrap()
}

fn assert_page_headers(headers: &reqwest::header::HeaderMap, what: &str) {
    let h = |name: &str| {
        headers
            .get(name)
            .unwrap_or_else(|| panic!("{what}: no {name}"))
            .to_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(h("content-security-policy"), PAGE_CSP, "{what}");
    assert_eq!(h("referrer-policy"), "no-referrer", "{what}");
    assert_eq!(h("cache-control"), "no-store", "{what}");
    assert_eq!(h("x-content-type-options"), "nosniff", "{what}");
    assert!(
        h("strict-transport-security").contains("max-age="),
        "{what}"
    );
    assert!(headers.get("set-cookie").is_none(), "{what} sets a cookie");
}

#[tokio::test]
async fn the_form_works_without_javascript_and_the_receipt_is_only_in_the_page() {
    let app = spawn_app().await;
    let r = app.get("/").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_page_headers(r.headers(), "GET /");
    let page = r.text().await.unwrap();
    for needed in [
        "<html lang=\"en\">",
        "111",
        "0800 20 90 20",
        "name=\"category\"",
        "name=\"body\"",
        "name=\"location\"",
        "<label for=\"body\">",
        "Labour Inspectorate",
    ] {
        assert!(page.contains(needed), "the form lacks {needed}");
    }
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "no outside assets or links"
    );

    let (status, headers, page) = post_form(
        &app,
        "/",
        &[
            ("lang", "en"),
            ("category", "forced_labour"),
            ("body", "They took our passports at the packhouse."),
            ("location", "Hawke's Bay"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_page_headers(&headers, "POST /");
    assert!(
        headers.get("location").is_none(),
        "no redirect that could carry the code"
    );
    let receipt = receipt_in(&page);
    assert!(Receipt::parse(&receipt).is_some(), "{receipt}");

    // The tip reached the handler side intact, and nothing readable was stored.
    let envelope = stored_envelope(&app, &receipt).await;
    let keys = Keys::load_or_create(&app.settings.data_dir).unwrap();
    let opened = keys.intake.open(&envelope).unwrap();
    let tip = tipline::domain::RawTip::from_json(&opened).unwrap();
    assert_eq!(
        tip.review_text(),
        "They took our passports at the packhouse.\n\nLocation: Hawke's Bay"
    );
    assert!(!app.database_contains("packhouse").await);
}

#[tokio::test]
async fn a_mistake_shows_the_form_again_with_the_text_kept_and_stores_nothing() {
    let app = spawn_app().await;
    let (status, headers, page) = post_form(
        &app,
        "/",
        &[
            ("lang", "mi"),
            ("body", "Kei te mahi mātou mō te kore utu"),
            ("location", ""),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_page_headers(&headers, "POST / refused");
    assert!(page.contains("<html lang=\"mi\">"));
    assert!(page.contains("role=\"alert\""));
    assert!(page.contains("Kei te mahi mātou mō te kore utu</textarea>"));
    let (status, _, _) = post_form(&app, "/", &[("category", "other"), ("body", "  ")]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _, page) = post_form(&app, "/", &[("category", "other"), ("nickname", "x")]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("The form could not be read"));
    assert_eq!(app.store.count_tips().await.unwrap(), 0);
}

#[tokio::test]
async fn every_reporter_page_carries_the_security_headers_in_every_language() {
    let app = spawn_app().await;
    for lang in catalog().languages().iter().map(|l| l.code) {
        for path in ["/", "/follow-up"] {
            let r = app.get(&format!("{path}?lang={lang}")).await;
            assert_eq!(r.status(), StatusCode::OK);
            assert_page_headers(r.headers(), path);
            let page = r.text().await.unwrap();
            assert!(
                page.contains(&format!("<html lang=\"{lang}\">")),
                "{path} {lang}"
            );
            assert!(page.contains(&format!("name=\"lang\" value=\"{lang}\"")));
        }
    }
    let (_, headers, _) = post_form(&app, "/follow-up", &[("receipt", "nope")]).await;
    assert_page_headers(&headers, "POST /follow-up");
    let (_, headers, _) = post_form(&app, "/follow-up/answer", &[("receipt", "nope")]).await;
    assert_page_headers(&headers, "POST /follow-up/answer");
    for asset in ["report.css", "report.js", "seal.js", "hpke.js", "pow.js"] {
        let r = app.get(&format!("/static/{asset}")).await;
        assert_eq!(r.status(), StatusCode::OK, "{asset}");
    }
}

/// Until a fluent speaker has confirmed every safety-critical line, a translated page
/// says it is being checked, in its language and in English; English never does.
#[tokio::test]
async fn a_translation_awaiting_review_says_so_in_both_languages() {
    let app = spawn_app().await;
    let english_note = catalog().english().text("review_note");
    let page = app.get("/?lang=en").await.text().await.unwrap();
    assert!(
        !page.contains("class=\"checking\""),
        "English is the source"
    );
    for language in &catalog().languages()[1..] {
        for path in ["/", "/follow-up"] {
            let page = app
                .get(&format!("{path}?lang={}", language.code))
                .await
                .text()
                .await
                .unwrap();
            let note = format!(
                "<p class=\"checking\">{} <span lang=\"en\">{english_note}</span></p>",
                html_escape(language.text("review_note"))
            );
            assert_eq!(
                page.contains(&note),
                !language.checked(),
                "{path} {}",
                language.code
            );
        }
    }
}

/// Askama's escaping, for the text the note shows.
fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
}

#[tokio::test]
async fn ciphertexts_of_a_short_and_a_long_tip_have_the_same_length() {
    let app = spawn_app().await;
    let mut lengths = Vec::new();
    for body in ["a".repeat(10), "b".repeat(900)] {
        let (status, _, page) =
            post_form(&app, "/", &[("category", "other"), ("body", &body)]).await;
        assert_eq!(status, StatusCode::OK);
        let envelope = stored_envelope(&app, &receipt_in(&page)).await;
        lengths.push(from_b64url(&envelope.ct).unwrap().len());
    }
    // Through the API, too.
    let receipt = app.submit_ok("other", &"c".repeat(900)).await;
    lengths.push(
        from_b64url(&stored_envelope(&app, &receipt).await.ct)
            .unwrap()
            .len(),
    );
    eprintln!("server-sealed ciphertext lengths (10, 900, 900 via API): {lengths:?}");
    assert_eq!(lengths, [2048 + 16; 3]);
}

/// What the JavaScript form posts: only the envelope (and a proof of work when asked).
#[tokio::test]
async fn a_sealed_form_post_is_accepted_and_pow_is_asked_of_it() {
    let app = spawn_app_with(|s| s.intake.pow_difficulty = 8).await;
    let key: Value = app.get_json("/api/v1/intake-key").await;
    let public = from_b64url(key["public_key"].as_str().unwrap()).unwrap();
    let tip = tipline::domain::RawTip::parse("slavery", "sealed in the browser", None).unwrap();
    let envelope = sealing::seal_to_public_key(
        &public,
        key["key_id"].as_str().unwrap(),
        &padding::pad(tip.to_json()),
    )
    .unwrap();
    let sealed = serde_json::to_string(&envelope).unwrap();

    let (status, _, page) = post_form(&app, "/", &[("sealed", &sealed)]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "no proof of work");
    assert!(page.contains("safety check"));

    let challenge: Value = app.get_json("/api/v1/pow").await;
    assert_eq!(challenge["required"], true);
    assert_eq!(challenge["difficulty"], 8);
    let c = challenge["challenge"].as_str().unwrap();
    let nonce = pow::solve(c, 8);
    let fields = [
        ("lang", "tl"),
        ("sealed", sealed.as_str()),
        ("pow_challenge", c),
        ("pow_nonce", nonce.as_str()),
    ];
    let (status, _, page) = post_form(&app, "/", &fields).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("<html lang=\"tl\">"));
    assert_eq!(stored_envelope(&app, &receipt_in(&page)).await, envelope);
    // A challenge is good once.
    let (status, _, _) = post_form(&app, "/", &fields).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // Plain fields beside the envelope are refused: the sealed form carries nothing in the clear.
    let (status, _, _) = post_form(&app, "/", &[("sealed", &sealed), ("body", "x")]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(app.store.count_tips().await.unwrap(), 1);
}

#[tokio::test]
async fn the_api_asks_for_proof_of_work_when_configured() {
    let app = spawn_app_with(|s| s.intake.pow_difficulty = 10).await;
    let (status, answer) = app
        .submit(&json!({ "category": "other", "body": "x" }))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(answer["error"]
        .as_str()
        .unwrap()
        .starts_with("a proof of work is required"));

    let challenge: Value = app.get_json("/api/v1/pow").await;
    let c = challenge["challenge"].as_str().unwrap();
    let started = std::time::Instant::now();
    let nonce = pow::solve(c, 10);
    eprintln!(
        "pow difficulty 10 solved in Rust in {:?}",
        started.elapsed()
    );
    let body =
        json!({ "category": "other", "body": "x", "pow": { "challenge": c, "nonce": nonce } });
    assert_eq!(app.submit(&body).await.0, StatusCode::CREATED);
    let (status, answer) = app.submit(&body).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        answer["error"],
        "pow: this challenge was already used; fetch a new one"
    );
    let forged = json!({ "category": "other", "body": "x", "pow": { "challenge": b64url(b"made up"), "nonce": "1" } });
    assert_eq!(
        app.submit(&forged).await.1["error"],
        "pow: the challenge is not one this service issued"
    );
    assert_eq!(app.store.count_tips().await.unwrap(), 1);
}

#[tokio::test]
async fn submissions_are_rate_limited_with_a_kind_429_and_nothing_logged() {
    let app = spawn_app_with(|s| s.intake.rate_limit_per_minute = 3).await;
    for _ in 0..2 {
        app.submit_ok("other", "within the limit").await;
    }
    let (status, _, _) = post_form(&app, "/", &[("category", "other"), ("body", "third")]).await;
    assert_eq!(status, StatusCode::OK);
    let (status, answer) = app
        .submit(&json!({ "category": "other", "body": "fourth" }))
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(answer["error"]
        .as_str()
        .unwrap()
        .starts_with("too many attempts"));
    // The form posts to `/?lang=..` (the language is known before the body is read).
    let (status, headers, page) = post_form(
        &app,
        "/?lang=sm",
        &[("lang", "sm"), ("category", "other"), ("body", "fifth")],
    )
    .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(headers.get("retry-after").is_some());
    assert!(page.contains("<html lang=\"sm\">"));
    assert_eq!(app.store.count_tips().await.unwrap(), 3);
    let logs = crate::helpers::logs().text();
    assert!(!logs.contains("127.0.0.1"), "an address reached the logs");
    assert!(!logs.contains("fourth") && !logs.contains("fifth"));
    assert!(!logs.contains("within the limit"));
}

#[tokio::test]
async fn an_oversized_form_is_refused_with_413_and_stores_nothing() {
    let app = spawn_app().await;
    let huge = "a".repeat(300 * 1024);
    let (status, _, page) = post_form(&app, "/", &[("category", "other"), ("body", &huge)]).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(page.contains("The form could not be read"));
    assert_eq!(app.store.count_tips().await.unwrap(), 0);
}

/// Only `src/intake` may look at who connected, and there only for the rate limiters and
/// the connection caps.
#[test]
fn only_intake_reads_the_peer_address() {
    fn walk(dir: &std::path::Path, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for needle in [
                    "peer_addr",
                    "connection_info",
                    "realip_remote_addr",
                    "x-forwarded-for",
                ] {
                    if text.to_ascii_lowercase().contains(needle) {
                        found.push(format!("{} uses {needle}", path.display()));
                    }
                }
            }
        }
    }
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    walk(&src, &mut found);
    found.sort();
    let root = src.display().to_string();
    assert_eq!(
        found,
        [
            format!("{root}/intake/connections.rs uses peer_addr"),
            format!("{root}/intake/page.rs uses peer_addr"),
        ],
    );
}

/// Posting the report form twice with its one-time token (a reload of the receipt page)
/// files one tip and shows the same receipt; a fresh form is a new report.
#[tokio::test]
async fn a_reloaded_form_files_one_tip_and_shows_the_same_receipt() {
    let app = spawn_app().await;
    let page = app
        .client
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token_at = page.find("name=\"submission\" value=\"").unwrap() + 26;
    let token = &page[token_at..token_at + page[token_at..].find('"').unwrap()];
    assert!(token.len() >= 20, "{token}");
    let fields = [
        ("category", "other"),
        ("body", "posted twice"),
        ("submission", token),
    ];
    let (first, _, once) = post_form(&app, "/", &fields).await;
    let (second, _, twice) = post_form(&app, "/", &fields).await;
    assert_eq!((first, second), (StatusCode::OK, StatusCode::OK));
    let receipt_of = |page: &str| {
        let at = page.find("class=\"receipt\"").expect("a receipt page");
        page[at..at + 80].to_owned()
    };
    assert_eq!(receipt_of(&once), receipt_of(&twice));
    assert_eq!(app.store.count_tips().await.unwrap(), 1);
}

/// The API's `Idempotency-Key`: a retry returns the same receipt and stores one tip.
#[tokio::test]
async fn an_api_retry_with_the_same_idempotency_key_stores_one_tip() {
    let app = spawn_app().await;
    let send = |key: &'static str| {
        app.client
            .post(app.url("/api/v1/tips"))
            .header("idempotency-key", key)
            .json(&json!({ "category": "other", "body": "sent again after a timeout" }))
            .send()
    };
    let a: Value = send("retry-7f3a").await.unwrap().json().await.unwrap();
    let b: Value = send("retry-7f3a").await.unwrap().json().await.unwrap();
    assert_eq!(a["receipt"], b["receipt"]);
    assert_eq!(app.store.count_tips().await.unwrap(), 1);
    let c: Value = send("another-key").await.unwrap().json().await.unwrap();
    assert_ne!(a["receipt"], c["receipt"]);
    assert_eq!(app.store.count_tips().await.unwrap(), 2);
    let r = app
        .client
        .post(app.url("/api/v1/tips"))
        .header("idempotency-key", "x".repeat(201))
        .json(&json!({ "category": "other", "body": "a key too long" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert_eq!(app.store.count_tips().await.unwrap(), 2);
}
