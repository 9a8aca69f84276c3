//! Reports taken by phone: the console's "New report from a call" goes the way of every
//! tip (sealed, drafted, reviewed) and reaches an agency only through a second handler
//! (unless `review.own_calls` lets a small team review its own, audited); the receipt
//! read to the caller works at `/follow-up`; a handler opens a report's questions by
//! its code for a caller and records the answer (both audited, dated to the day).

use crate::console_pages::Console;
use crate::helpers::{spawn_app, spawn_app_with, TestApp};
use reqwest::StatusCode;
use serde_json::json;
use tipline::domain::HandlerRole;

/// The value of the hidden field `name` on a page.
fn hidden(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let at = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name} in {page}"))
        + marker.len();
    page[at..at + page[at..].find('"').unwrap()].to_owned()
}

/// The receipt code shown on the page after a call is taken.
fn receipt_of(page: &str) -> String {
    let at = page.find("id=\"receipt\"><code>").expect("a receipt") + 19;
    page[at..at + 24].to_owned()
}

const ACCOUNT: &str = "The caller picks apples near Hastings. The contractor keeps the \
    workers' passports and they sleep in a shed. The caller's number is 021 555 0199.";

/// Takes a call on `taker`'s console; the page answered.
async fn take_call(
    app: &TestApp,
    taker: &Console,
    fields: &[(&str, &str)],
) -> (StatusCode, String) {
    let (status, form) = taker.get(app, "/console/phone").await;
    assert_eq!(status, StatusCode::OK);
    let submission = hidden(&form, "submission");
    let mut all = vec![("submission", submission.as_str())];
    all.extend_from_slice(fields);
    let r = taker
        .post(app, "/console/phone", "/console/phone", &all)
        .await;
    (r.status(), r.text().await.unwrap())
}

fn call_fields() -> Vec<(&'static str, &'static str)> {
    vec![
        ("category", "forced_labour"),
        ("region", "hawkes_bay"),
        ("location", "Hastings"),
        ("account", ACCOUNT),
        ("language", "Tongan"),
        ("interpreter", "yes"),
    ]
}

#[tokio::test]
async fn a_call_reaches_an_agency_through_a_second_handler() {
    let app = spawn_app().await;
    let taker = Console::signed_in(&app, "taker", HandlerRole::Handler).await;

    // The form asks for nothing that would name the caller, and warns against caller ID.
    let (_, form) = taker.get(&app, "/console/phone").await;
    assert!(form.contains("id=\"no-caller-id\""), "{form}");
    assert!(form.contains("caller ID"));
    for field in [
        "name=\"phone\"",
        "name=\"number\"",
        "name=\"caller_id\"",
        "type=\"tel\"",
    ] {
        assert!(!form.contains(field), "{field}");
    }

    let (status, page) = take_call(&app, &taker, &call_fields()).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let receipt = receipt_of(&page);
    // Read aloud group by group, a word for every character.
    for group in receipt.split('-') {
        assert!(page.contains(&format!("<code>{group}</code>")), "{page}");
    }
    assert!(page.contains("id=\"spelling\""));
    let said = page.matches(", ").count();
    assert!(said >= 15, "three commas in each of five groups: {page}");

    let reviewer = app.handler("reviewer", HandlerRole::Handler).await;
    let tips = app.wait_for_pending(&reviewer, 1).await;
    assert_eq!(tips[0]["channel"], "phone");
    assert_eq!(tips[0]["taken_by_you"], false);
    let id = tips[0]["id"].as_str().unwrap().to_owned();

    // The taker may not review their own call, in the console or by reassignment.
    let (_, queue) = taker.get(&app, "/console/queue").await;
    assert!(
        queue.contains("your call: another handler reviews it"),
        "{queue}"
    );
    let r = taker
        .post(
            &app,
            "/console/queue",
            &format!("/console/tips/{id}/claim"),
            &[],
        )
        .await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("a second handler reviews it"));
    assert_eq!(reviewer.claim(&id).await.status(), StatusCode::OK);
    let supervisor = Console::signed_in(&app, "sup", HandlerRole::Supervisor).await;
    let r = supervisor
        .post(
            &app,
            "/console/queue",
            &format!("/console/tips/{id}/reassign"),
            &[("to", "taker")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::CONFLICT);

    // The reviewer sees the call's language and region with the account, and forwards.
    let tip = reviewer
        .get_json(&format!("/api/v1/review/tips/{id}"))
        .await;
    let original = tip["original"].as_str().unwrap();
    assert!(original.starts_with(ACCOUNT), "{original}");
    assert!(original.contains("Region: Hawke's Bay"), "{original}");
    assert!(
        original.contains("Call taken in: Tongan, with an interpreter"),
        "{original}"
    );
    assert_eq!(tip["channel"], "phone");
    assert_eq!(tip["region"], "hawkes_bay");
    assert_eq!(tip["taken_by"], "taker");
    // The caller's own number, as the handler wrote it down, is the reporter's.
    let phone = tip["draft"]["spans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "PHONE")
        .unwrap_or_else(|| panic!("{tip}"));
    assert_eq!(phone["role"], "reporter", "{phone}");
    let (_, tip_page) = supervisor.get(&app, &format!("/console/tips/{id}")).await;
    assert!(
        tip_page.contains("phone call, taken by taker"),
        "{tip_page}"
    );
    reviewer.forward(&id, &["mbie"]).await;

    let token = app.agency_token("mbie").await;
    let (status, leased) = app.lease(&token, 5, 60).await;
    assert_eq!(status, StatusCode::OK);
    let case = &leased["cases"][0];
    assert!(
        case["body"].as_str().unwrap().contains("passports"),
        "{case}"
    );
    // The embedded routing.toml asks for no agency's channel.
    assert!(case.get("channel").is_none(), "{case}");

    // The code read to the caller works on the website.
    let r = app
        .client
        .post(app.url("/follow-up"))
        .form(&[("receipt", receipt.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("data-status=\"passed_on\""));

    // Taking the call is audited, to the day only; the claim is the reviewer's.
    let rows = app.store.audit_rows(None, Some(&id), 20).await.unwrap();
    let taken = rows
        .iter()
        .find(|r| r.entry.action == "phone_report")
        .unwrap();
    assert_eq!(taken.entry.actor, "handler:taker");
    assert_eq!(taken.entry.at % 86_400, 0);
    assert!(rows
        .iter()
        .any(|r| r.entry.action == "claim" && r.entry.actor == "handler:reviewer"));
    assert!(!rows
        .iter()
        .any(|r| r.entry.actor == "handler:taker" && r.entry.action == "claim"));
    // The call's requests are the caller's acts: never logged at INFO.
    let lines = crate::helpers::logs().text();
    for line in lines.lines().filter(|l| l.contains("route=/console/phone")) {
        assert!(!line.contains(" INFO "), "{line}");
    }
}

#[tokio::test]
async fn a_small_team_may_review_its_own_calls_and_each_is_audited() {
    let app = spawn_app_with(|s| s.review.own_calls = true).await;
    let taker = Console::signed_in(&app, "solo", HandlerRole::Handler).await;
    let (status, _) = take_call(&app, &taker, &call_fields()).await;
    assert_eq!(status, StatusCode::OK);
    let watcher = app.handler("watcher", HandlerRole::Handler).await;
    let id = app.first_pending(&watcher).await;
    let r = taker
        .post(
            &app,
            "/console/queue",
            &format!("/console/tips/{id}/claim"),
            &[],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let rows = app
        .store
        .audit_rows(Some("handler:solo"), Some(&id), 10)
        .await
        .unwrap();
    let claim = rows.iter().find(|r| r.entry.action == "claim").unwrap();
    assert!(claim.entry.detail.contains("own call"), "{:?}", claim.entry);
}

#[tokio::test]
async fn a_bad_call_form_is_shown_again_and_stores_nothing() {
    let app = spawn_app().await;
    let taker = Console::signed_in(&app, "taker", HandlerRole::Handler).await;
    let before = app.store.count_tips().await.unwrap();
    let without = |name: &str| -> Vec<(&'static str, &'static str)> {
        call_fields()
            .into_iter()
            .filter(|(k, _)| *k != name)
            .collect()
    };
    let mut forged_region = without("region");
    forged_region.push(("region", "Hastings"));
    let mut forged_category = without("category");
    forged_category.push(("category", "theft"));
    let mut nul = without("language");
    nul.push(("language", "Ton\0gan"));
    for (fields, says) in [
        (
            without("language"),
            "language of the call must not be empty",
        ),
        (without("account"), "Write down the caller"),
        (forged_region, "unknown region"),
        (forged_category, "unknown category"),
        (nul, "NUL"),
    ] {
        let (status, page) = take_call(&app, &taker, &fields).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{says}");
        assert!(page.contains(says), "{says}: {page}");
        // What was typed is kept for the handler to correct.
        if fields.iter().any(|(k, _)| *k == "account") {
            assert!(page.contains("The caller picks apples"), "{page}");
        }
    }
    assert_eq!(app.store.count_tips().await.unwrap(), before);

    // The same page posted twice (a reload) files one report, with one receipt.
    let (_, form) = taker.get(&app, "/console/phone").await;
    let submission = hidden(&form, "submission");
    let mut fields = vec![("submission", submission.as_str())];
    fields.extend(call_fields());
    let mut receipts = Vec::new();
    for _ in 0..2 {
        let r = taker
            .post(&app, "/console/phone", "/console/phone", &fields)
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        receipts.push(receipt_of(&r.text().await.unwrap()));
    }
    assert_eq!(receipts[0], receipts[1]);
    assert_eq!(app.store.count_tips().await.unwrap(), before + 1);
}

#[tokio::test]
async fn a_handler_records_a_callers_answer_by_receipt_code() {
    let app = spawn_app().await;
    let taker = Console::signed_in(&app, "taker", HandlerRole::Handler).await;
    let (_, page) = take_call(&app, &taker, &call_fields()).await;
    let receipt = receipt_of(&page);
    let reviewer = app.handler("reviewer", HandlerRole::Handler).await;
    let id = app.first_pending(&reviewer).await;
    assert_eq!(reviewer.claim(&id).await.status(), StatusCode::OK);
    let r = reviewer
        .post_json(
            &format!("/api/v1/review/tips/{id}/questions"),
            &json!({ "question": "Which orchard is it?" }),
        )
        .await;
    assert_eq!(
        r.status(),
        StatusCode::NO_CONTENT,
        "{}",
        r.text().await.unwrap()
    );

    // The caller phones back; another handler opens the report by the code as read.
    let other = Console::signed_in(&app, "other", HandlerRole::Handler).await;
    let typed = receipt.to_lowercase().replace('-', " ");
    let r = other
        .post(
            &app,
            "/console/phone/follow-up",
            "/console/phone/follow-up",
            &[("receipt", &typed)],
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let page = r.text().await.unwrap();
    assert!(page.contains("Which orchard is it?"), "{page}");
    assert!(
        page.contains("a handler has a question for the caller"),
        "{page}"
    );
    // Nothing of the report itself is shown.
    assert!(!page.contains("passports"), "{page}");

    for (answer, status) in [
        ("", StatusCode::BAD_REQUEST),
        ("The one on Pakowhai Road.", StatusCode::OK),
    ] {
        let r = other
            .post(
                &app,
                "/console/phone/follow-up",
                "/console/phone/follow-up/answer",
                &[("receipt", &typed), ("answer", answer)],
            )
            .await;
        assert_eq!(r.status(), status);
    }
    // Back in the queue, with the answer waiting for review beside the tip.
    let tips = app.wait_for_pending(&reviewer, 1).await;
    assert_eq!(tips[0]["id"], id.as_str());
    assert_eq!(reviewer.claim(&id).await.status(), StatusCode::OK);
    let tip = reviewer
        .get_json(&format!("/api/v1/review/tips/{id}"))
        .await;
    let messages = tip["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 2, "{tip}");
    assert_eq!(messages[1]["author"], "reporter");
    assert_eq!(messages[1]["body"], "The one on Pakowhai Road.");

    // Both acts are audited as the handler's, dated to the day.
    let rows = app
        .store
        .audit_rows(Some("handler:other"), None, 10)
        .await
        .unwrap();
    let actions: Vec<&str> = rows.iter().map(|r| r.entry.action.as_str()).collect();
    assert!(actions.contains(&"phone_follow_up"), "{actions:?}");
    let answer = rows.iter().find(|r| r.entry.action == "answer").unwrap();
    assert_eq!(answer.entry.detail, "by phone");
    assert_eq!(answer.entry.tip_id.as_deref(), Some(id.as_str()));
    assert!(
        rows.iter()
            .filter(|r| r.entry.tip_id.is_some())
            .all(|r| r.entry.at % 86_400 == 0),
        "{rows:?}"
    );

    // A code that names no report: the same page for a wrong one, audited too.
    let r = other
        .post(
            &app,
            "/console/phone/follow-up",
            "/console/phone/follow-up",
            &[("receipt", "AAAA-BBBB-CCCC-DDDD-EEEE")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let rows = app
        .store
        .audit_rows(Some("handler:other"), None, 10)
        .await
        .unwrap();
    assert!(rows
        .iter()
        .any(|r| r.entry.action == "phone_follow_up" && r.entry.tip_id.is_none()));
}

#[tokio::test]
async fn an_agency_sees_the_channel_only_when_routing_says_so_and_it_is_signed() {
    let dir = tempfile::tempdir().unwrap();
    let routing = dir.path().join("routing.toml");
    let file = tipline::routing::config::EMBEDDED
        .replace("id = \"mbie\"\n", "id = \"mbie\"\nshow_channel = true\n");
    std::fs::write(&routing, file).unwrap();
    let app = spawn_app_with(|s| s.routing.file = Some(routing.clone())).await;
    let taker = Console::signed_in(&app, "taker", HandlerRole::Handler).await;
    take_call(&app, &taker, &call_fields()).await;
    let reviewer = app.handler("reviewer", HandlerRole::Handler).await;
    let id = app.first_pending(&reviewer).await;
    reviewer.forward(&id, &["mbie", "police"]).await;

    let keys: Vec<tipline::crypto::signing::PublicKeyInfo> =
        serde_json::from_value(app.get_json("/api/v1/agency/signing-key").await["keys"].clone())
            .unwrap();
    for (agency, channel) in [("mbie", Some("phone")), ("police", None)] {
        let token = app.agency_token(agency).await;
        let (_, leased) = app.lease(&token, 5, 60).await;
        let case = &leased["cases"][0];
        assert_eq!(
            case.get("channel").and_then(|c| c.as_str()),
            channel,
            "{case}"
        );
        assert!(tipline::agency::delivered::verify(case, &keys).is_ok());
        if channel.is_some() {
            let mut altered = case.clone();
            altered["channel"] = "web".into();
            assert!(tipline::agency::delivered::verify(&altered, &keys).is_err());
        }
    }
}
