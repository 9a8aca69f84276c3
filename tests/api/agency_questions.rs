//! Questions from agencies: an agency asks about a case it has received; the question
//! reaches the handler who forwarded it (and supervisors), kept encrypted, and is marked
//! handled (audited). Nobody else's questions, and no question about a case the agency
//! has not received or that is another agency's.

use crate::console_pages::Console;
use crate::helpers::{spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use tipline::domain::HandlerRole;

async fn ask(app: &TestApp, token: &str, case: &str, question: &str) -> (StatusCode, Value) {
    let r = app
        .client
        .post(app.url(&format!("/api/v1/agency/cases/{case}/questions")))
        .bearer_auth(token)
        .json(&json!({ "question": question }))
        .send()
        .await
        .unwrap();
    let status = r.status();
    (status, r.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn an_agency_question_reaches_the_handler_who_forwarded_the_case() {
    let app = spawn_app().await;
    let ana = Console::signed_in(&app, "ana", HandlerRole::Handler).await;
    let rua = Console::signed_in(&app, "rua", HandlerRole::Handler).await;
    let sam = Console::signed_in(&app, "sam", HandlerRole::Supervisor).await;
    app.submit_ok("trafficking", "They moved us to a house near the port.")
        .await;
    let h = app.handler("hoani", HandlerRole::Handler).await;
    let tip = app.first_pending(&h).await;
    // Forwarded by ana, through the console.
    ana.post(
        &app,
        "/console/queue",
        &format!("/console/tips/{tip}/claim"),
        &[],
    )
    .await;
    let r = ana
        .post(
            &app,
            &format!("/console/tips/{tip}"),
            &format!("/console/tips/{tip}/forward"),
            &[("agency", "police")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    let police = app.agency_token("police").await;
    let case: String = sqlx::query_scalar("SELECT id FROM cases WHERE tip_id = $1")
        .bind(&tip)
        .fetch_one(&app.raw_pool().await)
        .await
        .unwrap();
    let (status, _) = ask(&app, &police, &case, "Which port?").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "not received yet");
    app.lease(&police, 1, 60).await;
    let (status, body) = ask(&app, &police, &case, "Which port? The Napier one?").await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["asked_on"], tipline::store::today().as_str());
    let mbie = app.agency_token("mbie").await;
    assert_eq!(
        ask(&app, &mbie, &case, "Ours?").await.0,
        StatusCode::NOT_FOUND
    );
    let (status, body) = ask(&app, &police, &case, "  ").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(
        !app.database_contains("The Napier one").await,
        "kept encrypted"
    );

    let (_, page) = ana.get(&app, "/console/questions").await;
    assert!(page.contains("Which port? The Napier one?"), "{page}");
    let (_, page) = rua.get(&app, "/console/questions").await;
    assert!(
        !page.contains("Napier"),
        "only the forwarding handler: {page}"
    );
    let (_, page) = sam.get(&app, "/console/questions").await;
    assert!(page.contains("Napier"), "supervisors see all");
    let seq = {
        let at = page.find("/console/questions/").unwrap() + "/console/questions/".len();
        page[at..page[at..].find('/').unwrap() + at].to_owned()
    };
    let r = rua
        .post(
            &app,
            "/console/questions",
            &format!("/console/questions/{seq}/handled"),
            &[],
        )
        .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST, "not rua's to handle");
    let r = ana
        .post(
            &app,
            "/console/questions",
            &format!("/console/questions/{seq}/handled"),
            &[],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, page) = ana.get(&app, "/console/questions").await;
    assert!(!page.contains("Napier"), "handled: {page}");
    let audit = app.store.audit_rows(None, Some(&tip), 100).await.unwrap();
    assert!(audit.iter().any(|r| r.entry.action == "question_handled"
        && r.entry.actor == "handler:ana"
        && r.entry.detail.contains(&case)));
}
