//! Invariant 6: every handler action is in the audit log, which is append-only and
//! hash-chained so that tampering is detectable.

use crate::helpers::spawn_app;
use reqwest::StatusCode;
use serde_json::{json, Value};
use tipline::domain::HandlerRole;

#[tokio::test]
async fn actions_are_logged_appends_only_and_tampering_is_detected() {
    let app = spawn_app().await;
    app.submit_ok("slavery", "They keep us on the boat for months.")
        .await;
    let h = app.handler("ngaio", HandlerRole::Handler).await;
    let boss = app.handler("boss", HandlerRole::Supervisor).await;
    let id = app.first_pending(&h).await;
    h.claim(&id).await;
    h.post(&format!("/api/v1/review/tips/{id}/release")).await;
    h.claim(&id).await;
    let r = h
        .decide(
            &id,
            &json!({ "action": "reject", "reason": "not enough detail" }),
        )
        .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);

    let log: Value = boss
        .get_json(&format!("/api/v1/review/audit?tip={id}"))
        .await;
    let actions: Vec<_> = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["claim", "release", "claim", "reject"]);
    // Times in RFC 3339, as every time the API gives.
    let at = log["entries"][0]["at"].as_str().unwrap();
    assert!(
        time::OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339).is_ok(),
        "{at}"
    );
    let logins: Value = boss
        .get_json("/api/v1/review/audit?actor=handler:ngaio")
        .await;
    assert!(logins["entries"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["action"] == "login"));
    assert!(
        !serde_json::to_string(&log)
            .unwrap()
            .contains("not enough detail"),
        "the reason is tip content: not in the log"
    );

    let verify = |c: &reqwest::Client| c.post(app.url("/api/v1/review/audit/verify")).send();
    let ok: Value = verify(&boss.client).await.unwrap().json().await.unwrap();
    assert_eq!(ok["intact"], true, "{ok}");

    // The database refuses edits and deletions outright...
    let pool = app.raw_pool().await;
    let refused = sqlx::query("UPDATE audit_log SET actor = 'handler:nobody' WHERE seq = 2")
        .execute(&pool)
        .await;
    assert!(refused.unwrap_err().to_string().contains("append-only"));
    let refused = sqlx::query("DELETE FROM audit_log WHERE seq = 2")
        .execute(&pool)
        .await;
    assert!(refused.unwrap_err().to_string().contains("append-only"));

    // ...and an edit made by going around the triggers breaks the chain where it was made.
    app.tamper_with_audit_row("actor = 'handler:someone-else'", 3)
        .await;
    let broken: Value = verify(&boss.client).await.unwrap().json().await.unwrap();
    assert_eq!(broken["intact"], false, "{broken}");
    assert_eq!(broken["break"]["seq"], 3, "{broken}");
    assert!(broken["break"]["reason"]
        .as_str()
        .unwrap()
        .contains("altered"));

    let r = verify(&h.client).await.unwrap();
    assert_eq!(
        r.status(),
        StatusCode::FORBIDDEN,
        "verifying is for supervisors"
    );
}
