//! Who may do what: agencies see only their cases, handlers act only on tips they hold,
//! and sign-in failures give nothing away.

use crate::helpers::{spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use tipline::domain::HandlerRole;

/// Forwards one tip to `agencies` and returns the tip id.
async fn forwarded_tip(app: &TestApp, agencies: &[&str]) -> String {
    app.submit_ok("trafficking", "Workers are locked in at night.")
        .await;
    let h = app.handler("forwarder", HandlerRole::Handler).await;
    let id = app.first_pending(&h).await;
    h.forward(&id, agencies).await;
    id
}

#[tokio::test]
async fn an_agency_cannot_lease_or_ack_another_agencys_case() {
    let app = spawn_app().await;
    forwarded_tip(&app, &["mbie"]).await;
    let police = app.agency_token("police").await;
    let mbie = app.agency_token("mbie").await;

    let (status, leased) = app.lease(&police, 10, 60).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        leased["cases"].as_array().unwrap().len(),
        0,
        "police saw an MBIE case"
    );

    let (_, leased) = app.lease(&mbie, 10, 60).await;
    let case_id = leased["cases"][0]["id"].as_str().unwrap().to_owned();
    let lease = leased["cases"][0]["lease"].as_str().unwrap().to_owned();
    let (status, body) = app.ack(&police, &case_id, &lease).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert_eq!(body["error"], "no such case");
    let (status, _) = app.ack(&mbie, &case_id, &lease).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn agency_calls_without_a_valid_token_are_refused() {
    let app = spawn_app().await;
    let r = app
        .post_json("/api/v1/agency/cases/lease", &json!({}))
        .await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert!(r.headers().get("www-authenticate").is_some());
    let (status, body) = app.lease("tla_not-a-real-token", 1, 60).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["error"], "the agency token is not valid");
}

#[tokio::test]
async fn only_the_claim_holder_may_read_or_decide() {
    let app = spawn_app().await;
    app.submit_ok("slavery", "They do not let us leave the boat.")
        .await;
    let ana = app.handler("ana", HandlerRole::Handler).await;
    let ben = app.handler("ben", HandlerRole::Handler).await;
    let id = app.first_pending(&ana).await;

    // Nobody holds it yet: deciding needs a claim.
    let decide = |who: &crate::helpers::Handler| {
        who.client
            .post(app.url(&format!("/api/v1/review/tips/{id}/decision")))
            .json(&json!({ "action": "forward", "agencies": ["police"] }))
            .send()
    };
    let r = decide(&ana).await.unwrap();
    assert_eq!(r.status(), StatusCode::CONFLICT);

    let r = ana.claim(&id).await;
    assert_eq!(r.status(), StatusCode::OK);
    let r = ben.claim(&id).await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"], "the tip is claimed by another handler");

    let r = decide(&ben).await.unwrap();
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let body: Value = r.json().await.unwrap();
    assert!(body["error"]
        .as_str()
        .unwrap()
        .contains("only the handler holding a live claim"));
    let r = ben.post(&format!("/api/v1/review/tips/{id}/release")).await;
    assert_eq!(
        r.status(),
        StatusCode::CONFLICT,
        "ben cannot release ana's claim"
    );
    let r = ben.get(&format!("/api/v1/review/tips/{id}")).await;
    assert_eq!(
        r.status(),
        StatusCode::CONFLICT,
        "ben cannot read ana's tip"
    );
    let body = r.text().await.unwrap();
    assert!(!body.contains("boat"), "{body}");
    let r = ana.get(&format!("/api/v1/review/tips/{id}")).await;
    assert_eq!(r.status(), StatusCode::OK);

    let r = decide(&ana).await.unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let r = ben.claim(&id).await;
    assert_eq!(
        r.status(),
        StatusCode::CONFLICT,
        "a forwarded tip cannot be claimed"
    );
}

#[tokio::test]
async fn a_lapsed_claim_returns_the_tip_to_the_queue() {
    let app = spawn_app().await;
    app.submit_ok("other", "Something is wrong at the mill.")
        .await;
    let ana = app.handler("ana", HandlerRole::Handler).await;
    let ben = app.handler("ben", HandlerRole::Handler).await;
    let id = app.first_pending(&ana).await;
    ana.claim(&id).await;
    // Expire the claim by moving the clock of the row, as time passing would.
    sqlx::query("UPDATE tips SET claim_expires_at = 0 WHERE id = $1")
        .bind(&id)
        .execute(&app.raw_pool().await)
        .await
        .unwrap();
    let pending = app.wait_for_pending(&ben, 1).await;
    assert_eq!(pending[0]["id"], id.as_str());
    let r = ben.claim(&id).await;
    assert_eq!(r.status(), StatusCode::OK);
    let r = ana
        .decide(&id, &json!({ "action": "reject", "reason": "duplicate" }))
        .await;
    assert_eq!(
        r.status(),
        StatusCode::CONFLICT,
        "ana's lapsed claim no longer lets her decide"
    );
}

#[tokio::test]
async fn wrong_credentials_get_one_answer_whatever_was_wrong() {
    let app = spawn_app().await;
    let h = app.add_handler("kiri", HandlerRole::Handler).await;
    let mut answers = Vec::new();
    // A wrong password, a name that names nobody, no password, and the right password
    // with no code from the authenticator: one answer.
    for (user, password) in [
        ("kiri", "wrong password!"),
        ("nobody", h.password.as_str()),
        ("kiri", ""),
        ("kiri", h.password.as_str()),
    ] {
        let r = app
            .post_json(
                "/api/v1/review/login",
                &json!({ "username": user, "password": password }),
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        assert!(r.headers().get("set-cookie").is_none());
        answers.push(r.text().await.unwrap());
    }
    assert!(answers.iter().all(|a| a == &answers[0]), "{answers:?}");
    assert_eq!(answers[0], r#"{"error":"invalid username or password"}"#);

    let r = app
        .post_json(
            "/api/v1/review/login",
            &json!({ "username": "kiri", "password": h.password, "totp": h.code().await }),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let cookie = r
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    for attribute in ["Secure", "HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(attribute), "{cookie}");
    }
}

#[tokio::test]
async fn review_needs_a_session_and_logout_ends_it() {
    let app = spawn_app().await;
    let r = app.get("/api/v1/review/tips").await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let h = app.handler("wiremu", HandlerRole::Handler).await;
    let r = h.get("/api/v1/review/tips").await;
    assert_eq!(r.status(), StatusCode::OK);
    let r = h.get("/api/v1/review/audit").await;
    assert_eq!(
        r.status(),
        StatusCode::FORBIDDEN,
        "the audit log is for supervisors"
    );
    let r = h.post("/api/v1/review/logout").await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let r = h.get("/api/v1/review/tips").await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn an_idle_session_ends_and_is_swept_at_the_next_sign_in() {
    use sqlx::Row;
    let app = spawn_app().await;
    let idle = app.handler("moana", HandlerRole::Handler).await;
    let pool = app.raw_pool().await;
    sqlx::query("UPDATE sessions SET last_seen_at = 0")
        .execute(&pool)
        .await
        .unwrap();
    app.handler("tane", HandlerRole::Handler).await;
    let left: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM sessions s JOIN handlers h ON h.id = s.handler_id \
         WHERE h.username = 'moana'",
    )
    .fetch_one(&pool)
    .await
    .unwrap()
    .get("n");
    assert_eq!(left, 0, "the idle session was swept");
    let r = idle.get("/api/v1/review/tips").await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
}

/// A session ends 12 hours after sign-in however busy it has been, and its cookie is a
/// `__Host-` cookie (Secure, whole host, no Domain).
#[tokio::test]
async fn a_session_ends_twelve_hours_after_sign_in_even_if_active() {
    let app = spawn_app().await;
    let busy = app.handler("rewi", HandlerRole::Handler).await;
    assert_eq!(
        busy.get("/api/v1/review/tips").await.status(),
        StatusCode::OK
    );
    let pool = app.raw_pool().await;
    let signed_in_at = tipline::store::now() - 12 * 3600 - 1;
    sqlx::query(&format!("UPDATE sessions SET created_at = {signed_in_at}"))
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(
        busy.get("/api/v1/review/tips").await.status(),
        StatusCode::UNAUTHORIZED
    );

    let r = app
        .client
        .post(app.url("/api/v1/review/login"))
        .json(
            &serde_json::json!({ "username": "rewi", "password": busy.password,
                                    "totp": busy.code().await }),
        )
        .send()
        .await
        .unwrap();
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("__Host-tipline_session="), "{cookie}");
    assert!(
        cookie.contains("Path=/") && cookie.contains("Secure"),
        "{cookie}"
    );
    assert!(!cookie.to_ascii_lowercase().contains("domain="), "{cookie}");
}
