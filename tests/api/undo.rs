//! The undo window after a tip's first decision: its cases are held back from every
//! lease while it lasts; the handler who decided, and only they, may take the decision
//! back, and then nothing of it remains for an agency; after it, the case goes out and
//! undo is refused.

use crate::helpers::{spawn_app_with, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use tipline::domain::HandlerRole;

async fn undo(h: &crate::helpers::Handler, tip: &str) -> (StatusCode, String) {
    let r = h.post(&format!("/api/v1/review/tips/{tip}/undo")).await;
    (r.status(), r.text().await.unwrap())
}

async fn leased(app: &TestApp, token: &str) -> usize {
    let (status, body) = app.lease(token, 10, 60).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["cases"].as_array().unwrap().len()
}

#[tokio::test]
async fn a_forward_is_held_for_its_window_and_its_handler_can_take_it_back() {
    let app = spawn_app_with(|s| s.review.undo_seconds = 60).await;
    app.submit_ok("trafficking", "They moved us to a house near the port.")
        .await;
    let ana = app.handler("ana", HandlerRole::Handler).await;
    let ben = app.handler("ben", HandlerRole::Handler).await;
    let tip = app.first_pending(&ana).await;
    let police = app.agency_token("police").await;
    ana.forward(&tip, &["police"]).await;
    assert_eq!(
        leased(&app, &police).await,
        0,
        "held while undo is possible"
    );

    let (status, body) = undo(&ben, &tip).await;
    assert_eq!(status, StatusCode::CONFLICT, "not ben's decision: {body}");
    assert!(body.contains("can no longer be taken back"), "{body}");

    let (status, body) = undo(&ana, &tip).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let record: Value = ana.get_json(&format!("/api/v1/review/tips/{tip}")).await;
    assert_eq!(record["status"], "in_review", "{record}");
    assert!(app
        .store
        .cases_of_tip(&tip, tipline::store::now())
        .await
        .unwrap()
        .is_empty());
    let audit = app.store.audit_rows(None, Some(&tip), 100).await.unwrap();
    assert!(audit
        .iter()
        .any(|r| r.entry.action == "undo" && r.entry.actor == "handler:ana"));
    // Taken back once; a second undo has nothing to take back.
    assert_eq!(undo(&ana, &tip).await.0, StatusCode::CONFLICT);

    // Still ana's: she decides again, and this time lets the window pass.
    let r = ana
        .decide(
            &tip,
            &json!({ "action": "forward", "agencies": ["police"] }),
        )
        .await;
    assert_eq!(
        r.status(),
        StatusCode::NO_CONTENT,
        "{}",
        r.text().await.unwrap()
    );
    assert_eq!(leased(&app, &police).await, 0);
}

#[tokio::test]
async fn after_the_window_the_case_goes_out_and_undo_is_refused() {
    let app = spawn_app_with(|s| s.review.undo_seconds = 1).await;
    app.submit_ok("trafficking", "Our passports are kept in the office safe.")
        .await;
    let ana = app.handler("ana", HandlerRole::Handler).await;
    let tip = app.first_pending(&ana).await;
    let police = app.agency_token("police").await;
    ana.forward(&tip, &["police"]).await;
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let (status, body) = undo(&ana, &tip).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(leased(&app, &police).await, 1);
    let record = app
        .store
        .tip(&tip, tipline::store::now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(record.status, tipline::domain::TipStatus::Forwarded);
}

#[tokio::test]
async fn a_rejection_can_be_taken_back_but_an_update_has_no_window() {
    let app = spawn_app_with(|s| s.review.undo_seconds = 60).await;
    app.submit_ok(
        "worker_exploitation",
        "We work 70 hours and get paid for 40.",
    )
    .await;
    let ana = app.handler("ana", HandlerRole::Handler).await;
    let tip = app.first_pending(&ana).await;
    assert_eq!(ana.claim(&tip).await.status(), StatusCode::OK);
    let r = ana
        .decide(
            &tip,
            &json!({ "action": "reject", "reason": "not in scope" }),
        )
        .await;
    assert_eq!(
        r.status(),
        StatusCode::NO_CONTENT,
        "{}",
        r.text().await.unwrap()
    );
    let (status, body) = undo(&ana, &tip).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let record: Value = ana.get_json(&format!("/api/v1/review/tips/{tip}")).await;
    assert_eq!(record["status"], "in_review", "{record}");
}

#[tokio::test]
async fn the_console_offers_undo_after_a_forward_and_the_tip_opens_again() {
    use crate::console_pages::Console;
    let app = spawn_app_with(|s| s.review.undo_seconds = 60).await;
    let ana = Console::signed_in(&app, "ana", HandlerRole::Handler).await;
    let id =
        crate::console_pages::pending_tip(&app, "The boss keeps our passports in his car.").await;
    let tip_page = format!("/console/tips/{id}");
    let r = ana
        .post(&app, "/console/queue", &format!("{tip_page}/claim"), &[])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = ana
        .post(
            &app,
            &tip_page,
            &format!("{tip_page}/forward"),
            &[("agency", "police")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, page) = ana.get(&app, &format!("{tip_page}?done=forwarded")).await;
    assert!(page.contains("id=\"undo\""), "{page}");
    let r = ana
        .post(&app, &tip_page, &format!("{tip_page}/undo"), &[])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, page) = ana.get(&app, &format!("{tip_page}?done=undone")).await;
    assert!(page.contains("Decision taken back"), "{page}");
    assert!(
        page.contains("id=\"forward-button\""),
        "the review form again: {page}"
    );
}
