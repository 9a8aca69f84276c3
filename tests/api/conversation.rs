//! The conversation reaches the agency: each reporter message (an answer, or information
//! added at any time) is drafted and reviewed like the tip, and only an approved one
//! goes to the agencies holding the case, as an update to it.

use crate::helpers::{spawn_app, Handler, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::Duration;
use tipline::domain::HandlerRole;

const PHONE: &str = "021 555 0199";

async fn post_form(app: &TestApp, path: &str, fields: &[(&str, &str)]) -> (StatusCode, String) {
    let r = app
        .client
        .post(app.url(path))
        .form(fields)
        .send()
        .await
        .unwrap();
    (r.status(), r.text().await.unwrap())
}

fn status_of(page: &str) -> &str {
    let start = page.find("data-status=\"").expect("a status on the page") + 13;
    &page[start..start + page[start..].find('"').unwrap()]
}

/// The reporter writes through `/follow-up/answer`, with the receipt.
async fn reporter_writes(app: &TestApp, receipt: &str, text: &str) -> String {
    let (status, page) = post_form(
        app,
        "/follow-up/answer",
        &[("receipt", receipt), ("answer", text)],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    page
}

/// The claim holder's view of the tip once the worker has drafted `n` reporter messages.
async fn view_with_drafted(handler: &Handler, id: &str, n: usize) -> Value {
    for _ in 0..100 {
        let view = handler.get_json(&format!("/api/v1/review/tips/{id}")).await;
        let drafted = view["messages"]
            .as_array()
            .map(|m| {
                m.iter()
                    .filter(|m| m["author"] == "reporter" && m["state"] != "received")
                    .count()
            })
            .unwrap_or(0);
        if drafted >= n {
            return view;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the worker did not draft {n} reporter messages in time");
}

/// The id of the last reporter message waiting for review, and its draft.
fn last_pending(view: &Value) -> (i64, Value) {
    let m = view["messages"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|m| m["state"] == "pending")
        .expect("a message waiting for review")
        .clone();
    (m["id"].as_i64().unwrap(), m["draft"].clone())
}

async fn lease_all(app: &TestApp, token: &str) -> Vec<Value> {
    let (status, leased) = app.lease(token, 50, 60).await;
    assert_eq!(status, StatusCode::OK, "{leased}");
    leased["cases"].as_array().unwrap().clone()
}

#[tokio::test]
async fn answers_and_additions_reach_the_agency_redacted_as_updates_once_approved() {
    let app = spawn_app().await;
    let police = app.agency_token("police").await;
    let receipt = app
        .submit_ok(
            "forced_labour",
            "The boss at Ōtaki Orchard keeps our passports in the office safe.",
        )
        .await;
    let handler = app.handler("hana", HandlerRole::Handler).await;
    let id = app.first_pending(&handler).await;

    // The handler asks; the reporter answers with their own phone number.
    assert_eq!(handler.claim(&id).await.status(), StatusCode::OK);
    let asked = handler
        .post_json(
            &format!("/api/v1/review/tips/{id}/questions"),
            &json!({ "question": "Can an officer call you?" }),
        )
        .await;
    assert_eq!(asked.status(), StatusCode::NO_CONTENT);
    let page = reporter_writes(
        &app,
        &receipt,
        &format!("Yes, my number is {PHONE}, after 6pm."),
    )
    .await;
    assert!(page.contains("Your answer has been sent"), "{page}");
    assert!(
        lease_all(&app, &police).await.is_empty(),
        "nothing leaves before a handler approves"
    );

    // Reviewed beside the tip, with its own draft; forwarded with the tip.
    assert_eq!(handler.claim(&id).await.status(), StatusCode::OK);
    let view = view_with_drafted(&handler, &id, 1).await;
    let (answer, draft) = last_pending(&view);
    assert!(
        draft["spans"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["kind"] == "PHONE" && s["role"] == "reporter"),
        "{draft}"
    );
    // A forward that does not decide the answer is refused and changes nothing.
    let r = handler
        .decide(&id, &json!({ "action": "forward", "agencies": ["police"] }))
        .await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    assert!(r.text().await.unwrap().contains("does not cover"));
    let r = handler
        .decide(
            &id,
            &json!({ "action": "forward", "agencies": ["police"],
                     "messages": [{ "id": answer, "keep": [], "add": [] }] }),
        )
        .await;
    assert_eq!(
        r.status(),
        StatusCode::NO_CONTENT,
        "{}",
        r.text().await.unwrap()
    );

    let cases = lease_all(&app, &police).await;
    assert_eq!(cases.len(), 2, "{cases:?}");
    let document: Value = serde_json::from_str(crate::openapi::DOCUMENT).unwrap();
    for case in &cases {
        crate::openapi::check(&document, "LeasedCase", case);
    }
    let (report, update) = (&cases[0], &cases[1]);
    assert_eq!(report["kind"], "report");
    assert_eq!(report["sequence"], 0);
    assert!(report.get("updates").is_none());
    assert_eq!(update["kind"], "update");
    assert_eq!(update["sequence"], 1);
    assert_eq!(update["updates"], report["id"]);
    let body = update["body"].as_str().unwrap();
    assert!(!body.contains(PHONE), "{body}");
    assert!(
        body.contains("[PHONE-1]") && body.contains("after 6pm"),
        "{body}"
    );
    for case in &cases {
        let lease = case["lease"].as_str().unwrap();
        let (status, _) = app.ack(&police, case["id"].as_str().unwrap(), lease).await;
        assert_eq!(status, StatusCode::OK);
    }

    // Later the reporter adds more, unasked: the report, passed on, waits again.
    let page = reporter_writes(
        &app,
        &receipt,
        &format!("The manager drives a white Hilux. Text me on {PHONE} if you need more."),
    )
    .await;
    assert_eq!(status_of(&page), "passed_on");
    assert!(page.contains("id=\"added-waiting\""), "{page}");
    assert!(lease_all(&app, &police).await.is_empty());
    let list = handler
        .get_json("/api/v1/review/tips?status=pending_review")
        .await;
    assert_eq!(list["tips"][0]["id"], id.as_str());

    assert_eq!(handler.claim(&id).await.status(), StatusCode::OK);
    let view = view_with_drafted(&handler, &id, 2).await;
    assert_eq!(view["cases"][0]["agency"], "police");
    assert_eq!(view["cases"][0]["state"], "acknowledged");
    let (addition, _) = last_pending(&view);
    // A forwarded tip is not forwarded again, nor rejected: its new messages go as updates.
    let r = handler
        .decide(&id, &json!({ "action": "forward", "agencies": ["mbie"] }))
        .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let r = handler
        .decide(&id, &json!({ "action": "reject", "reason": "no" }))
        .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let r = handler
        .decide(
            &id,
            &json!({ "action": "update", "messages": [{ "id": addition }] }),
        )
        .await;
    assert_eq!(
        r.status(),
        StatusCode::NO_CONTENT,
        "{}",
        r.text().await.unwrap()
    );
    let cases = lease_all(&app, &police).await;
    assert_eq!(cases.len(), 1, "{cases:?}");
    assert_eq!(cases[0]["kind"], "update");
    assert_eq!(cases[0]["sequence"], 2);
    assert_eq!(cases[0]["updates"], report["id"]);
    let body = cases[0]["body"].as_str().unwrap();
    assert!(
        !body.contains(PHONE) && body.contains("white Hilux"),
        "{body}"
    );
    assert_eq!(status_of(&reporter_page(&app, &receipt).await), "passed_on");
}

async fn reporter_page(app: &TestApp, receipt: &str) -> String {
    let (status, page) = post_form(app, "/follow-up", &[("receipt", receipt)]).await;
    assert_eq!(status, StatusCode::OK);
    page
}

#[tokio::test]
async fn an_unapproved_message_never_leaves() {
    let app = spawn_app().await;
    let police = app.agency_token("police").await;
    let receipt = app
        .submit_ok("worker_exploitation", "We are paid half the minimum wage.")
        .await;
    let handler = app.handler("hana", HandlerRole::Handler).await;
    let id = app.first_pending(&handler).await;
    handler.forward(&id, &["police"]).await;
    assert_eq!(lease_all(&app, &police).await.len(), 1);

    // An addition waits; withheld by the handler, it never becomes a case.
    reporter_writes(&app, &receipt, &format!("I am Mele, {PHONE}.")).await;
    assert!(lease_all(&app, &police).await.is_empty());
    assert_eq!(handler.claim(&id).await.status(), StatusCode::OK);
    let view = view_with_drafted(&handler, &id, 1).await;
    let (message, _) = last_pending(&view);
    // Naming a message that is not waiting, twice, or withheld with spans: refused.
    for bad in [
        json!({ "action": "update", "messages": [{ "id": message + 1000 }] }),
        json!({ "action": "update", "messages": [{ "id": message }, { "id": message }] }),
        json!({ "action": "update", "messages": [{ "id": message, "withhold": true, "keep": [0] }] }),
    ] {
        let r = handler.decide(&id, &bad).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{bad}");
    }
    let r = handler
        .decide(
            &id,
            &json!({ "action": "update", "messages": [{ "id": message, "withhold": true }] }),
        )
        .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    assert!(lease_all(&app, &police).await.is_empty());
    let view = handler.get_json(&format!("/api/v1/review/tips/{id}")).await;
    assert_eq!(
        view["error"],
        "the tip is forwarded, not waiting for review"
    );
    let messages = app.store.messages(&id).await.unwrap();
    assert_eq!(
        messages.last().unwrap().state,
        tipline::domain::MessageState::Withheld
    );
    // A second decision on the forwarded tip says so plainly.
    assert_eq!(handler.claim(&id).await.status(), StatusCode::CONFLICT);
    let r = handler
        .decide(&id, &json!({ "action": "reject", "reason": "again" }))
        .await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let said = r.text().await.unwrap();
    assert!(said.contains("already"), "{said}");
    // Rejected tips take nothing more from the reporter.
    let receipt2 = app.submit_ok("other", "Something else entirely.").await;
    let id2 = app.first_pending(&handler).await;
    assert_eq!(handler.claim(&id2).await.status(), StatusCode::OK);
    let r = handler
        .decide(&id2, &json!({ "action": "reject", "reason": "not ours" }))
        .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let page = reporter_page(&app, &receipt2).await;
    assert_eq!(status_of(&page), "closed");
    assert!(!page.contains("name=\"answer\""));
    let (status, _) = post_form(
        &app,
        "/follow-up/answer",
        &[("receipt", &receipt2), ("answer", "more")],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(app.store.messages(&id2).await.unwrap().len(), 0);
}

#[tokio::test]
async fn a_question_can_be_withdrawn() {
    let app = spawn_app().await;
    let receipt = app.submit_ok("other", "They took our phones.").await;
    let handler = app.handler("hana", HandlerRole::Handler).await;
    let other = app.handler("rua", HandlerRole::Handler).await;
    let id = app.first_pending(&handler).await;
    assert_eq!(handler.claim(&id).await.status(), StatusCode::OK);
    let asked = handler
        .post_json(
            &format!("/api/v1/review/tips/{id}/questions"),
            &json!({ "question": "Which town?" }),
        )
        .await;
    assert_eq!(asked.status(), StatusCode::NO_CONTENT);
    assert!(reporter_page(&app, &receipt).await.contains("Which town?"));
    // Any handler may withdraw it (the asker may be away); it is audited.
    let r = other
        .post(&format!("/api/v1/review/tips/{id}/questions/withdraw"))
        .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let page = reporter_page(&app, &receipt).await;
    assert!(!page.contains("Which town?"), "{page}");
    assert_eq!(status_of(&page), "waiting");
    let r = other
        .post(&format!("/api/v1/review/tips/{id}/questions/withdraw"))
        .await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let log = app
        .store
        .audit_rows(Some("handler:rua"), Some(&id), 10)
        .await
        .unwrap();
    assert_eq!(log[0].entry.action, "withdraw");
    assert_eq!(handler.claim(&id).await.status(), StatusCode::OK);
}
