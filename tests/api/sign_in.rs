//! Sign-in under attack: parallel guesses, unknown usernames, one client's flood, and
//! bytes no username holds.

use crate::helpers::{spawn_app, spawn_app_with, TestApp};
use reqwest::StatusCode;
use serde_json::json;
use tipline::domain::HandlerRole;

async fn login(app: &TestApp, username: &str, password: &str) -> (StatusCode, String) {
    let r = app
        .client
        .post(app.url("/api/v1/review/login"))
        .json(&json!({ "username": username, "password": password }))
        .send()
        .await
        .unwrap();
    (r.status(), r.text().await.unwrap())
}

#[tokio::test]
async fn a_burst_of_parallel_guesses_gets_no_more_checks_than_a_sequence() {
    let app = spawn_app_with(|s| s.review.sign_in_per_minute = 1000).await;
    let h = app.add_handler("tane", HandlerRole::Handler).await;
    let mut guesses = tokio::task::JoinSet::new();
    for i in 0..40 {
        let (client, url) = (app.client.clone(), app.url("/api/v1/review/login"));
        guesses.spawn(async move {
            let body = json!({ "username": "tane", "password": format!("wrong guess {i}") });
            client.post(url).json(&body).send().await.unwrap().status()
        });
    }
    let statuses = guesses.join_all().await;
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert!(statuses
        .iter()
        .all(|s| *s == StatusCode::UNAUTHORIZED || *s == StatusCode::TOO_MANY_REQUESTS));
    let log = app
        .store
        .audit_rows(Some("handler:tane"), None, 100)
        .await
        .unwrap();
    let checked = log
        .iter()
        .filter(|r| r.entry.action == "login_failed" || r.entry.action == "login_locked")
        .count();
    assert_eq!(checked, 5, "only max_failed_logins guesses were checked");
    assert_eq!(refused, 36, "the rest were refused unchecked: {statuses:?}");
    // The account is locked now: the right password is refused like a wrong one.
    let (status, _) = login(&app, "tane", &h.password).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn a_username_that_names_nobody_answers_exactly_like_a_real_one() {
    let app = spawn_app().await;
    app.add_handler("hemi", HandlerRole::Handler).await;
    let mut real = Vec::new();
    let mut ghost = Vec::new();
    for _ in 0..6 {
        real.push(login(&app, "hemi", "not the password").await);
        ghost.push(login(&app, "nobody-here", "not the password").await);
    }
    assert_eq!(
        real, ghost,
        "the same statuses and bodies, in the same order"
    );
    assert_eq!(real[0].0, StatusCode::UNAUTHORIZED);
    assert_eq!(real[5].0, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn one_client_cannot_sign_in_faster_than_its_allowance() {
    let app = spawn_app_with(|s| s.review.sign_in_per_minute = 3).await;
    let admin = app.add_handler("admin", HandlerRole::Admin).await;
    for name in ["a", "b", "c"] {
        assert_eq!(login(&app, name, "guess").await.0, StatusCode::UNAUTHORIZED);
    }
    let r = app
        .client
        .post(app.url("/api/v1/review/login"))
        .json(&json!({ "username": "admin", "password": admin.password }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(r.headers().contains_key("retry-after"));
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("too many attempts from this connection"));
    // Nothing was checked or counted against the admin's account.
    let log = app
        .store
        .audit_rows(Some("handler:admin"), None, 10)
        .await
        .unwrap();
    assert!(log.is_empty(), "{log:?}");
}

#[tokio::test]
async fn bytes_no_username_holds_are_an_ordinary_failed_sign_in() {
    let app = spawn_app().await;
    app.add_handler("ana", HandlerRole::Handler).await;
    for name in [
        "ana\u{0}",
        "\u{0}",
        "ana\u{0}; DROP TABLE handlers",
        &"x".repeat(5000),
    ] {
        let (status, body) = login(&app, name, "whatever").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{name:?}: {body}");
        assert!(body.contains("invalid username or password"), "{body}");
    }
}

/// Login CSRF: a cross-site HTML form can post `text/plain` with no preflight, and a
/// browser without fetch metadata still names the page's `Origin`. Both are refused.
#[tokio::test]
async fn the_json_sign_in_refuses_plain_text_and_foreign_origins() {
    let app = spawn_app().await;
    let h = app.add_handler("kiri", HandlerRole::Handler).await;
    let credentials = json!({ "username": "kiri", "password": h.password }).to_string();
    let r = app
        .client
        .post(app.url("/api/v1/review/login"))
        .header("content-type", "text/plain")
        .body(credentials.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let r = app
        .client
        .post(app.url("/api/v1/review/login"))
        .header("content-type", "application/json")
        .header("origin", "https://attacker.example")
        .body(credentials.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert!(r.text().await.unwrap().contains("cross-site"));
    let r = app
        .client
        .post(app.url("/api/v1/review/login"))
        .header("content-type", "application/json")
        .header("origin", format!("https://localhost:{}", app.port))
        .body(credentials)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}
