//! Invariant 7: every bad input gets a clear error and changes nothing.

use crate::helpers::{row_counts, spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use tipline::crypto::{b64url, from_b64url, sealing};
use tipline::domain::HandlerRole;

async fn post_raw(app: &TestApp, path: &str, body: Vec<u8>) -> (StatusCode, String) {
    let r = app
        .client
        .post(app.url(path))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    (r.status(), r.text().await.unwrap())
}

fn error_of(body: &str) -> String {
    serde_json::from_str::<Value>(body).unwrap()["error"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn bad_tips_are_refused_with_a_precise_message_and_nothing_is_stored() {
    let app = spawn_app().await;
    let key: Value = app.get_json("/api/v1/intake-key").await;
    let key_id = key["key_id"].as_str().unwrap().to_owned();
    let public = from_b64url(key["public_key"].as_str().unwrap()).unwrap();
    let seal = |plain: Value| {
        sealing::seal_to_public_key(&public, &key_id, &serde_json::to_vec(&plain).unwrap()).unwrap()
    };
    let mut tampered = seal(json!({ "category": "other", "body": "x" }));
    let mut ct = from_b64url(&tampered.ct).unwrap();
    ct[0] ^= 1;
    tampered.ct = b64url(&ct);
    let mut unknown_key = seal(json!({ "category": "other", "body": "x" }));
    unknown_key.key_id = "0000000000000000".into();

    let before = row_counts(&app).await;
    let cases: Vec<(Vec<u8>, StatusCode, &str)> = vec![
        (
            serde_json::to_vec(&json!({ "category": "other", "body": "a".repeat(270_000) })).unwrap(),
            StatusCode::PAYLOAD_TOO_LARGE,
            "request body is larger than 262144 bytes",
        ),
        (b"{\"category\": \"other\", ".to_vec(), StatusCode::BAD_REQUEST, "malformed JSON: EOF while parsing"),
        (b"[1, 2]".to_vec(), StatusCode::BAD_REQUEST, "tip: expected a JSON object"),
        (
            serde_json::to_vec(&json!({ "category": "theft", "body": "x" })).unwrap(),
            StatusCode::BAD_REQUEST,
            "unknown category `theft`; expected one of forced_labour, trafficking, slavery, worker_exploitation, other",
        ),
        (
            serde_json::to_vec(&json!({ "category": "other", "body": " \n " })).unwrap(),
            StatusCode::BAD_REQUEST,
            "body must not be empty",
        ),
        (
            serde_json::to_vec(&json!({ "category": "other" })).unwrap(),
            StatusCode::BAD_REQUEST,
            "tip: missing field `body`",
        ),
        (
            serde_json::to_vec(&json!({ "category": "other", "body": "x", "name": "me" })).unwrap(),
            StatusCode::BAD_REQUEST,
            "tip: unknown field `name`",
        ),
        (
            serde_json::to_vec(&json!({ "category": "other", "body": "é".repeat(20_001) })).unwrap(),
            StatusCode::BAD_REQUEST,
            "body is 20001 characters; at most 20000 are allowed",
        ),
        (
            serde_json::to_vec(&json!({ "sealed": tampered })).unwrap(),
            StatusCode::BAD_REQUEST,
            "sealed: the envelope could not be opened",
        ),
        (
            serde_json::to_vec(&json!({ "sealed": unknown_key })).unwrap(),
            StatusCode::BAD_REQUEST,
            "sealed: unknown key_id",
        ),
        (
            serde_json::to_vec(&json!({ "sealed": { "key_id": key_id, "enc": "AAAA", "ct": "AAAA" } })).unwrap(),
            StatusCode::BAD_REQUEST,
            "sealed: `enc` is not a valid base64url P-256 public key",
        ),
        (
            serde_json::to_vec(&json!({ "sealed": { "key_id": key_id } })).unwrap(),
            StatusCode::BAD_REQUEST,
            "sealed tip: missing field `enc`",
        ),
        (
            serde_json::to_vec(&json!({ "sealed": seal(json!({ "category": "nope", "body": "x" })) })).unwrap(),
            StatusCode::BAD_REQUEST,
            "sealed: the opened envelope is not a valid tip: unknown category `nope`",
        ),
    ];
    for (body, status, message) in cases {
        let (got, answer) = post_raw(&app, "/api/v1/tips", body).await;
        assert_eq!(got, status, "{answer}");
        let error = error_of(&answer);
        assert!(
            error.starts_with(message),
            "expected {message:?}, got {error:?}"
        );
    }
    assert_eq!(
        row_counts(&app).await,
        before,
        "a refused tip changed the database"
    );
    assert_eq!(app.store.count_tips().await.unwrap(), 0);
}

#[tokio::test]
async fn bad_decisions_are_refused_and_change_nothing() {
    let app = spawn_app().await;
    app.submit_ok("trafficking", "Call 021 555 1234 about the house.")
        .await;
    let h = app.handler("aroha", HandlerRole::Handler).await;
    let id = app.first_pending(&h).await;
    let r = h.claim(&id).await;
    assert_eq!(r.status(), StatusCode::OK);
    let before = row_counts(&app).await;

    let decisions = [
        (
            json!({ "action": "forward", "agencies": [] }),
            "agencies: choose at least one agency",
        ),
        (
            json!({ "action": "forward", "agencies": ["fbi"] }),
            "agencies: unknown agency `fbi`; expected one of",
        ),
        (
            json!({ "action": "forward", "agencies": ["police", "police"] }),
            "agencies: `police` is listed twice",
        ),
        (
            json!({ "action": "forward", "agencies": ["police"], "keep": [9] }),
            "keep: span 9 does not exist (the draft has 1 spans)",
        ),
        (
            json!({ "action": "forward", "agencies": ["police"], "add": [{ "start": 5, "end": 2, "kind": "NAME" }] }),
            "add[0]: start must be before end",
        ),
        (
            json!({ "action": "forward", "agencies": ["police"], "add": [{ "start": 0, "end": 9999, "kind": "NAME" }] }),
            "add[0]: end is past the end of the text",
        ),
        (
            json!({ "action": "forward", "agencies": ["police"], "add": [{ "start": 0, "end": 2, "kind": "SHOE" }] }),
            "malformed JSON: unknown variant `SHOE`",
        ),
        (
            json!({ "action": "reject", "reason": "  " }),
            "reason must not be empty",
        ),
        (
            json!({ "action": "archive" }),
            "malformed JSON: unknown variant `archive`",
        ),
    ];
    for (decision, message) in decisions {
        let r = h.decide(&id, &decision).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{decision}");
        let error = error_of(&r.text().await.unwrap());
        assert!(
            error.starts_with(message),
            "expected {message:?}, got {error:?}"
        );
    }
    assert_eq!(
        row_counts(&app).await,
        before,
        "a refused decision changed the database"
    );
    let tip: Value = h.get_json(&format!("/api/v1/review/tips/{id}")).await;
    assert_eq!(tip["status"], "in_review");

    let r = h.get("/api/v1/review/tips?status=lost").await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert!(error_of(&r.text().await.unwrap()).starts_with("unknown status `lost`"));
    let r = h.get("/api/v1/review/tips/ffffffffffffffff").await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn bad_lease_requests_are_refused() {
    let app = spawn_app().await;
    let token = app.agency_token("police").await;
    for (request, message) in [
        (json!({ "max": 0 }), "max must be between 1 and 100"),
        (
            json!({ "max": 1, "lease_seconds": 999_999 }),
            "lease_seconds must be between 1 and 3600",
        ),
        (
            json!({ "max": "ten" }),
            "malformed JSON: invalid type: string",
        ),
    ] {
        let r = app
            .client
            .post(app.url("/api/v1/agency/cases/lease"))
            .bearer_auth(&token)
            .json(&request)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::BAD_REQUEST);
        let error = error_of(&r.text().await.unwrap());
        assert!(
            error.starts_with(message),
            "expected {message:?}, got {error:?}"
        );
    }
}

/// A NUL byte, which PostgreSQL refuses in text, finds nothing on either backend: a 404
/// or an empty list, never a 503 or an error in the log.
#[tokio::test]
async fn a_nul_byte_in_an_id_or_filter_finds_nothing() {
    let app = spawn_app().await;
    let supervisor = app.handler("sup", HandlerRole::Supervisor).await;
    for path in [
        "/api/v1/review/tips/%00",
        "/api/v1/review/tips/ab%00cd",
        "/console/tips/%00",
    ] {
        let r = supervisor.get(path).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(
        supervisor
            .post("/api/v1/review/tips/%00/claim")
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let audit = supervisor
        .get_json("/api/v1/review/audit?actor=%00&tip=x%00")
        .await;
    assert_eq!(audit["entries"].as_array().unwrap().len(), 0, "{audit}");
    let token = app.agency_token("police").await;
    let r = app
        .client
        .post(app.url("/api/v1/agency/cases/%00/ack"))
        .bearer_auth(&token)
        .json(&json!({ "lease": "tll_\u{0}" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert!(!crate::helpers::logs()
        .text()
        .contains("invalid byte sequence"));
}

/// The form without JavaScript refuses bytes that are not UTF-8 instead of storing
/// replacement characters in the reporter's text.
#[tokio::test]
async fn a_form_that_is_not_utf8_is_refused_and_stores_nothing() {
    let app = spawn_app().await;
    let r = app
        .client
        .post(app.url("/?lang=en"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("category=other&body=caf%E9+owner+keeps+passports")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert_eq!(app.store.count_tips().await.unwrap(), 0);
    let r = app
        .client
        .post(app.url("/?lang=en"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("category=other&body=caf%C3%A9+owner+keeps+passports")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(app.store.count_tips().await.unwrap(), 1);
}
