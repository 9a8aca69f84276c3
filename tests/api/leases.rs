//! An ack counts only from the current lease of its case: the agency token that took
//! the lease and the lease's own id, before it lapses. Once a lapsed lease has gone to
//! another token or consumer, the old holder's ack fails and says why.

use crate::helpers::{spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::Value;
use std::time::Duration;
use tipline::domain::HandlerRole;

/// One tip forwarded to the police; its case id.
async fn police_case(app: &TestApp) -> String {
    app.submit_ok("trafficking", "They moved us to a house near the port.")
        .await;
    let h = app.handler("hoani", HandlerRole::Handler).await;
    let id = app.first_pending(&h).await;
    h.forward(&id, &["police"]).await;
    id
}

/// Leases the one case there is; its id and lease.
async fn lease_one(app: &TestApp, token: &str, seconds: u32) -> (String, String) {
    let (status, leased) = app.lease(token, 1, seconds).await;
    assert_eq!(status, StatusCode::OK, "{leased}");
    let case = &leased["cases"][0];
    (
        case["id"].as_str().unwrap().to_owned(),
        case["lease"].as_str().unwrap().to_owned(),
    )
}

fn error(body: &Value) -> &str {
    body["error"].as_str().unwrap_or_default()
}

/// Waits out a one-second lease (times are whole seconds).
async fn lapse() {
    tokio::time::sleep(Duration::from_millis(2100)).await;
}

#[tokio::test]
async fn a_lapsed_lease_taken_by_another_token_no_longer_acknowledges() {
    let app = spawn_app().await;
    police_case(&app).await;
    let (first, second) = (
        app.agency_token("police").await,
        app.agency_token("police").await,
    );
    let (case, old) = lease_one(&app, &first, 1).await;
    lapse().await;
    let (again, current) = lease_one(&app, &second, 60).await;
    assert_eq!(again, case);

    let (status, body) = app.ack(&first, &case, &old).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(error(&body).contains("held under another lease"), "{body}");
    // The current lease, presented by another token, is not the holder's either.
    let (status, body) = app.ack(&first, &case, &current).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");

    let (status, _) = app.ack(&second, &case, &current).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = app.ack(&second, &case, &current).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "a retry of the same ack is harmless"
    );
    let (status, body) = app.ack(&first, &case, &old).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(
        error(&body).contains("acknowledged under another lease"),
        "{body}"
    );
}

/// Two consumers sharing one token are told apart by their leases.
#[tokio::test]
async fn consumers_sharing_a_token_are_told_apart_by_their_lease() {
    let app = spawn_app().await;
    police_case(&app).await;
    let token = app.agency_token("police").await;
    let (case, old) = lease_one(&app, &token, 1).await;
    // Lapsed, and nobody has leased it since: the ack says so.
    lapse().await;
    let (status, body) = app.ack(&token, &case, &old).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(
        error(&body).contains("your lease on this case lapsed at"),
        "{body}"
    );

    let (_, current) = lease_one(&app, &token, 60).await;
    let (status, body) = app.ack(&token, &case, &old).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let (status, _) = app.ack(&token, &case, &current).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn an_ack_must_name_a_lease() {
    let app = spawn_app().await;
    police_case(&app).await;
    let token = app.agency_token("police").await;
    let (case, _) = lease_one(&app, &token, 60).await;
    let r = app
        .client
        .post(app.url(&format!("/api/v1/agency/cases/{case}/ack")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let body: Value = r.json().await.unwrap();
    assert!(error(&body).starts_with("malformed JSON"), "{body}");
    let (status, body) = app.ack(&token, &case, "tll_made-up").await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let state: String = sqlx::query_scalar("SELECT state FROM cases WHERE id = $1")
        .bind(&case)
        .fetch_one(&app.raw_pool().await)
        .await
        .unwrap();
    assert_eq!(state, "leased", "nothing was acknowledged");
}
