//! Follow-up with the receipt: the handler asks, the reporter answers, the handler sees
//! the answer; wrong codes all look the same and are throttled.

use crate::helpers::{spawn_app, spawn_app_with, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use tipline::domain::HandlerRole;

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

#[tokio::test]
async fn handler_asks_reporter_answers_with_the_receipt_handler_sees_the_answer() {
    let app = spawn_app().await;
    let receipt = app
        .submit_ok(
            "worker_exploitation",
            "We work 80 hours and are paid for 40.",
        )
        .await;
    let handler = app.handler("hana", HandlerRole::Handler).await;
    let tips = app.wait_for_pending(&handler, 1).await;
    let id = tips[0]["id"].as_str().unwrap().to_owned();

    // Before any question: waiting to be read (nobody holds it), nothing to answer, but
    // the reporter may add to it.
    let (status, page) = post_form(&app, "/follow-up", &[("receipt", &receipt)]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(status_of(&page), "waiting");
    assert!(page.contains("Anything more to tell us?"));
    assert!(!page.contains("Your answer"));

    let claim = handler.claim(&id).await;
    assert_eq!(claim.status(), StatusCode::OK);
    // Claimed: being read.
    let (_, page) = post_form(&app, "/follow-up", &[("receipt", &receipt)]).await;
    assert_eq!(status_of(&page), "being_read");
    let asked = handler
        .post_json(
            &format!("/api/v1/review/tips/{id}/questions"),
            &json!({ "question": "Which town is the orchard near?" }),
        )
        .await;
    assert_eq!(asked.status(), StatusCode::NO_CONTENT);

    // The reporter types the code loosely, in te reo Māori.
    let typed = receipt.to_lowercase().replace('-', " ");
    let (status, page) =
        post_form(&app, "/follow-up", &[("lang", "mi"), ("receipt", &typed)]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<html lang=\"mi\">"));
    assert_eq!(status_of(&page), "question");
    assert!(page.contains("Which town is the orchard near?"));
    assert!(page.contains("name=\"answer\""));

    // An empty answer is refused and changes nothing.
    let (status, _) = post_form(
        &app,
        "/follow-up/answer",
        &[("receipt", &receipt), ("answer", "   ")],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    let (status, page) = post_form(
        &app,
        "/follow-up/answer",
        &[
            ("lang", "mi"),
            ("receipt", &typed),
            ("answer", "Near Motueka, the big one by the river."),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_eq!(status_of(&page), "waiting");
    assert!(
        page.contains("Kua tukuna tō whakautu"),
        "the answer is confirmed"
    );
    assert!(!page.contains("Tō whakautu"), "no question waits any more");
    // The reporter's own words are not shown back (the phone may not be theirs).
    assert!(!page.contains("Motueka"));
    assert!(!app.database_contains("Motueka").await);

    let list = handler
        .get_json("/api/v1/review/tips?status=pending_review")
        .await;
    assert_eq!(
        list["tips"][0]["id"],
        id.as_str(),
        "the answer put the tip back in the queue"
    );
    assert_eq!(handler.claim(&id).await.status(), StatusCode::OK);
    let view: Value = handler.get_json(&format!("/api/v1/review/tips/{id}")).await;
    let messages = view["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 2);
    assert_eq!(messages[0]["author"], "handler");
    assert_eq!(messages[1]["author"], "reporter");
    assert_eq!(
        messages[1]["body"],
        "Near Motueka, the big one by the river."
    );

    // With no question waiting, what the reporter writes adds to the report.
    let (status, page) = post_form(
        &app,
        "/follow-up/answer",
        &[("receipt", &receipt), ("answer", "more")],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("We have what you added"), "{page}");
    assert!(page.contains("You added to your report on"), "{page}");

    // What the reporter did is kept to the day: the answer's audit row has no finer time,
    // and no reporter request left a line with its time at INFO in the log.
    let log = app
        .store
        .audit_rows(Some("reporter"), None, 10)
        .await
        .unwrap();
    assert_eq!(log.len(), 2);
    for row in &log {
        assert_eq!(row.entry.at % 86_400, 0, "{:?}", row.entry);
    }
    assert_eq!(log[0].entry.action, "addition");
    assert_eq!(log[1].entry.action, "answer");
    let lines = crate::helpers::logs().text();
    for line in lines.lines().filter(|l| l.contains("route=/follow-up")) {
        assert!(!line.contains(" INFO "), "{line}");
    }
}

#[tokio::test]
async fn wrong_codes_all_look_the_same_and_are_throttled() {
    let app = spawn_app_with(|s| s.intake.rate_limit_per_minute = 4).await;
    let receipt = app.submit_ok("other", "a tip").await; // the first attempt of four
    let unknown = "7K2M-Q9XD-B4T1-W8HN-3PRC";
    let mut pages = Vec::new();
    for wrong in [unknown, "not a code"] {
        let (status, page) = post_form(&app, "/follow-up", &[("receipt", wrong)]).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(page.contains("We could not find a report with that code"));
        pages.push(page);
    }
    let (status, page) = post_form(&app, "/follow-up/answer", &[("receipt", "")]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    pages.push(page);
    assert!(
        pages.windows(2).all(|w| w[0] == w[1]),
        "wrong codes answered differently"
    );
    // The allowance is spent: even the right code must wait.
    let (status, page) = post_form(&app, "/follow-up", &[("receipt", &receipt)]).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(page.contains("too many attempts"));
    assert!(!crate::helpers::logs().text().contains(unknown));
}

#[tokio::test]
async fn the_receipt_is_never_in_a_url_or_a_redirect() {
    let app = spawn_app().await;
    let receipt = app.submit_ok("other", "a tip").await;
    let client = reqwest::Client::builder()
        .danger_accept_invalid_certs(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let r = client
        .post(app.url("/follow-up"))
        .form(&[("receipt", receipt.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers().get("location").is_none());
    let page = r.text().await.unwrap();
    // The code is on the page only as the form's hidden field (sent in a POST body, the
    // form's action naming no code), never in a link or an address.
    assert_eq!(page.matches(&receipt).count(), 1);
    assert!(page.contains(&format!("name=\"receipt\" value=\"{receipt}\"")));
    assert!(!page.contains("receipt="));
}

/// A code typed on a Chinese keyboard (full-width letters and digits, ideographic
/// spaces) or pasted with a no-break space and an en dash still finds the report.
#[tokio::test]
async fn a_code_typed_on_any_keyboard_finds_the_report() {
    let app = spawn_app().await;
    let receipt = app.submit_ok("other", "They took our phones.").await;
    let full_width: String = receipt
        .chars()
        .map(|c| match c {
            '-' => '\u{3000}',
            c => char::from_u32(c as u32 + 0xFEE0).unwrap(),
        })
        .collect();
    let pasted = receipt
        .replacen('-', "\u{00A0}", 2)
        .replace('-', "\u{2013}");
    for typed in [full_width, pasted] {
        let (status, page) = post_form(&app, "/follow-up", &[("receipt", &typed)]).await;
        assert_eq!(status, StatusCode::OK);
        // Found: the report's status is shown (received, or being reviewed once drafted).
        let shown = status_of(&page);
        assert!(
            shown == "received" || shown == "waiting",
            "{typed}: {shown}"
        );
    }
}
