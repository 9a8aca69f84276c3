//! Retention, with the clock moved forward: a decided tip's original, draft, note and
//! conversation are erased once `retention.decided_days` have passed; the reporter's code
//! still says what became of it, the agency keeps its case, and nothing else is touched.

use crate::helpers::spawn_app;
use reqwest::StatusCode;
use serde_json::json;
use tipline::domain::HandlerRole;
use tipline::store::{self, day_of};

#[tokio::test]
async fn a_decided_tip_is_erased_after_the_retention_period() {
    let app = spawn_app().await;
    let receipt = app
        .submit_ok(
            "forced_labour",
            "RETAIN-CANARY the boss keeps our passports",
        )
        .await;
    let handler = app.handler("hine", HandlerRole::Handler).await;
    let id = app.wait_for_pending(&handler, 1).await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(handler.claim(&id).await.status(), StatusCode::OK);
    let asked = handler
        .post_json(
            &format!("/api/v1/review/tips/{id}/questions"),
            &json!({ "question": "Which farm?" }),
        )
        .await;
    assert_eq!(asked.status(), StatusCode::NO_CONTENT);
    let answered = app
        .client
        .post(app.url("/follow-up/answer"))
        .form(&[
            ("receipt", receipt.as_str()),
            ("answer", "The one by the river"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(answered.status(), StatusCode::OK);
    assert_eq!(handler.claim(&id).await.status(), StatusCode::OK);
    let answer = drafted_answer(&handler, &id).await;
    let forwarded = handler
        .decide(
            &id,
            &json!({ "action": "forward", "agencies": ["police"], "note": "urgent",
                     "messages": [{ "id": answer }] }),
        )
        .await;
    assert_eq!(forwarded.status(), StatusCode::NO_CONTENT);
    // Another tip, still waiting for review: retention never touches it.
    app.submit_ok("other", "a tip nobody has decided yet").await;

    let now = store::now();
    let today = day_of(now);
    assert_eq!(app.store.apply_retention(&today, 90, now).await.unwrap(), 0);
    let later = day_of(now + 91 * 86_400);
    assert_eq!(app.store.apply_retention(&later, 90, now).await.unwrap(), 1);
    assert_eq!(app.store.apply_retention(&later, 90, now).await.unwrap(), 0);

    let tip = app.store.tip(&id, now).await.unwrap().unwrap();
    assert!(tip.sealed.is_empty(), "the original is erased");
    assert!(tip.draft.is_none(), "the draft is erased");
    assert!(app.store.messages(&id).await.unwrap().is_empty());
    let waiting = app.received_or_pending_sealed().await;
    assert_eq!(waiting.len(), 1, "the undecided tip");
    assert!(waiting.iter().all(|sealed| !sealed.is_empty()));

    // The reporter's code still answers, with the outcome and no conversation.
    let page = app
        .client
        .post(app.url("/follow-up"))
        .form(&[("receipt", receipt.as_str())])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("data-status=\"passed_on\""), "{page}");
    assert!(!page.contains("Which farm?"));
    assert!(
        !page.contains("name=\"answer\""),
        "an erased report takes nothing more"
    );

    // The agency keeps its cases (the tip, and the answer as its update); the sweep is
    // in the audit log.
    let token = app.agency_token("police").await;
    let (status, leased) = app.lease(&token, 10, 60).await;
    assert_eq!(status, StatusCode::OK);
    let kinds: Vec<&str> = leased["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["report", "update"]);
    let log = app
        .store
        .audit_rows(Some("system:retention"), None, 10)
        .await
        .unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].entry.action, "erased");
    assert!(log[0].entry.detail.starts_with("tips=1;"));
}

/// The id of the reporter's answer once the worker has drafted it.
async fn drafted_answer(handler: &crate::helpers::Handler, id: &str) -> i64 {
    for _ in 0..100 {
        let view: serde_json::Value = handler.get_json(&format!("/api/v1/review/tips/{id}")).await;
        if let Some(m) = view["messages"]
            .as_array()
            .and_then(|m| m.iter().find(|m| m["state"] == "pending"))
        {
            return m["id"].as_i64().unwrap();
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the answer was not drafted in time");
}
