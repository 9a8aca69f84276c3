//! The whole flow, end to end: submit (plain and sealed) -> draft -> review -> forward
//! to two agencies -> each leases only its case, sees only redacted text, acks.

use crate::helpers::spawn_app;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::Duration;
use tipline::crypto::{from_b64url, sealing};
use tipline::domain::HandlerRole;

const PHONE: &str = "021 555 1234";
const EMAIL: &str = "worker.reporter@example.com";

#[tokio::test]
async fn a_tip_goes_from_reporter_to_two_agencies_redacted() {
    let app = spawn_app().await;

    // A plain tip, sealed by the server on arrival.
    let body =
        format!("They keep our passports at the farm. Text me on {PHONE} or write to {EMAIL}.");
    let receipt = app.submit_ok("forced_labour", &body).await;
    let groups: Vec<_> = receipt.split('-').collect();
    assert_eq!(groups.len(), 5, "{receipt}");
    assert!(groups.iter().all(|g| g.len() == 4));

    // A tip sealed by the client to the published key.
    let key: Value = app.get_json("/api/v1/intake-key").await;
    assert_eq!(
        key["suite"],
        "DHKEM(P-256, HKDF-SHA256)/HKDF-SHA256/AES-128-GCM"
    );
    let public = from_b64url(key["public_key"].as_str().unwrap()).unwrap();
    let sealed_text = "Workers sleep in the shed; the owner's email is boss.person@example.org";
    let plaintext =
        serde_json::to_vec(&json!({ "category": "worker_exploitation", "body": sealed_text }))
            .unwrap();
    let envelope =
        sealing::seal_to_public_key(&public, key["key_id"].as_str().unwrap(), &plaintext).unwrap();
    let (status, answer) = app.submit(&json!({ "sealed": envelope })).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");

    let alice = app.handler("alice", HandlerRole::Handler).await;
    let pending = app.wait_for_pending(&alice, 2).await;
    let forced = pending
        .iter()
        .find(|t| t["category"] == "forced_labour")
        .unwrap();
    assert!(pending
        .iter()
        .any(|t| t["category"] == "worker_exploitation"));
    let day = forced["received_on"].as_str().unwrap();
    assert_eq!(day.len(), 10, "only the day is shown: {day}");
    let id = forced["id"].as_str().unwrap();

    // Claim, read the draft beside the original.
    let r = alice.claim(id).await;
    assert_eq!(r.status(), StatusCode::OK);
    let tip: Value = alice.get_json(&format!("/api/v1/review/tips/{id}")).await;
    assert_eq!(tip["original"], body);
    assert_eq!(tip["status"], "in_review");
    let redacted = tip["draft"]["redacted"].as_str().unwrap();
    assert!(
        !redacted.contains(PHONE) && !redacted.contains(EMAIL),
        "{redacted}"
    );
    assert!(
        redacted.contains("[PHONE-1]") && redacted.contains("[EMAIL-1]"),
        "{redacted}"
    );
    let spans = tip["draft"]["spans"].as_array().unwrap();
    for span in spans {
        let (start, end) = (
            span["start"].as_u64().unwrap() as usize,
            span["end"].as_u64().unwrap() as usize,
        );
        let value = &body[start..end];
        assert!(value == PHONE || value == EMAIL, "span covers {value:?}");
    }
    let suggested: Vec<_> = tip["suggested_agencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert!(
        suggested.contains(&"police") && suggested.contains(&"mbie"),
        "{suggested:?}"
    );

    // Forward to two agencies, adding a redaction of "the farm".
    let farm = body.find("the farm").unwrap();
    let r = alice.decide(id, &json!({ "action": "forward", "agencies": ["police", "mbie"], "keep": [], "add": [{ "start": farm, "end": farm + 8, "kind": "ADDRESS" }], "note": "urgent" })).await;
    assert_eq!(
        r.status(),
        StatusCode::NO_CONTENT,
        "{}",
        r.text().await.unwrap()
    );
    // A second decision is told the tip is decided, not to claim it first.
    let again = alice
        .decide(id, &json!({ "action": "reject", "reason": "twice" }))
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let said: Value = again.json().await.unwrap();
    assert_eq!(
        said["error"],
        "this tip was forwarded already: there is nothing left to decide"
    );
    let expected =
        "They keep our passports at [ADDRESS-1]. Text me on [PHONE-1] or write to [EMAIL-1].";

    // Each agency leases its own case and sees only the approved text.
    let police = app.agency_token("police").await;
    let mbie = app.agency_token("mbie").await;
    let labour = app.agency_token("labour-inspectorate").await;
    for token in [&police, &mbie] {
        let (status, leased) = app.lease(token, 10, 60).await;
        assert_eq!(status, StatusCode::OK, "{leased}");
        let cases = leased["cases"].as_array().unwrap();
        assert_eq!(cases.len(), 1, "{leased}");
        let case = &cases[0];
        assert_eq!(case["body"], expected);
        assert_eq!(case["category"], "forced_labour");
        assert_eq!(case["received_on"], day);
        let case_id = case["id"].as_str().unwrap();
        let (status, _) = app
            .ack(token, case_id, case["lease"].as_str().unwrap())
            .await;
        assert_eq!(status, StatusCode::OK);
        // Acknowledged cases do not come back.
        let (_, again) = app.lease(token, 10, 60).await;
        assert_eq!(again["cases"].as_array().unwrap().len(), 0, "{again}");
    }
    let (_, none) = app.lease(&labour, 10, 60).await;
    assert_eq!(
        none["cases"].as_array().unwrap().len(),
        0,
        "not forwarded to the inspectorate"
    );

    // The tip is forwarded and out of the queue.
    let list: Value = alice.get_json("/api/v1/review/tips?status=forwarded").await;
    assert_eq!(list["tips"][0]["id"], id);

    // Every handler action is in the audit log, and the chain verifies.
    let rows = app.store.audit_rows(None, Some(id), 100).await.unwrap();
    let actions: Vec<_> = rows.iter().rev().map(|r| r.entry.action.as_str()).collect();
    assert_eq!(actions, ["claim", "forward"]);
    assert!(rows.iter().all(|r| r.entry.actor == "handler:alice"));
    assert!(rows[0].entry.detail.contains("agencies=police,mbie"));
    assert_eq!(app.store.verify_audit_chain().await.unwrap(), None);
}

#[tokio::test]
async fn an_expired_lease_returns_the_case_and_a_fresh_one_does_not() {
    let app = spawn_app().await;
    app.submit_ok("trafficking", "They took us from the airport to a house.")
        .await;
    let h = app.handler("hemi", HandlerRole::Handler).await;
    let id = app.first_pending(&h).await;
    h.forward(&id, &["police"]).await;

    let token = app.agency_token("police").await;
    // A lease of a few seconds: long enough that the second request comes while it holds
    // on a loaded machine, short enough to wait out.
    const LEASE: u32 = 4;
    let leased_at = std::time::Instant::now();
    let (_, first) = app.lease(&token, 5, LEASE).await;
    let case_id = first["cases"][0]["id"].as_str().unwrap().to_owned();
    let (_, during) = app.lease(&token, 5, 60).await;
    assert!(
        leased_at.elapsed() < Duration::from_secs(LEASE.into()),
        "the second lease came after the first lapsed: the check below would mean nothing"
    );
    assert_eq!(
        during["cases"].as_array().unwrap().len(),
        0,
        "a leased case is not handed out twice"
    );

    let lapsed = Duration::from_secs(u64::from(LEASE) + 1);
    tokio::time::sleep(lapsed.saturating_sub(leased_at.elapsed())).await;
    let (_, after) = app.lease(&token, 5, 60).await;
    assert_eq!(
        after["cases"][0]["id"],
        case_id.as_str(),
        "the lapsed lease returned the case"
    );
    let lease = after["cases"][0]["lease"].as_str().unwrap();
    let (status, _) = app.ack(&token, &case_id, lease).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = app.ack(&token, &case_id, lease).await;
    assert_eq!(status, StatusCode::OK, "acknowledging twice is harmless");
}

#[tokio::test]
async fn concurrent_pullers_never_get_the_same_case() {
    let app = spawn_app().await;
    let h = app.handler("mere", HandlerRole::Handler).await;
    for i in 0..12 {
        app.submit_ok(
            "forced_labour",
            &format!("Report number {i} about the packhouse."),
        )
        .await;
    }
    let pending = app.wait_for_pending(&h, 12).await;
    for tip in &pending {
        let id = tip["id"].as_str().unwrap();
        h.forward(id, &["police"]).await;
    }
    let token = app.agency_token("police").await;
    let pulls = (0..6).map(|_| app.lease(&token, 3, 60));
    let results = futures_util::future::join_all(pulls).await;
    let mut ids: Vec<String> = results
        .iter()
        .flat_map(|(_, v)| {
            v["cases"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["id"].as_str().unwrap().to_owned())
        })
        .collect();
    let total = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), total, "a case was leased twice");
    assert_eq!(total, 12, "every case was leased once");
}

/// The longest tip a reporter may write, in a script of three bytes a character, sealed
/// and padded by the client as the browser pads it, goes through the API.
#[tokio::test]
async fn the_longest_tip_in_chinese_goes_through_the_api_sealed() {
    let app = spawn_app().await;
    let key: Value = app.get_json("/api/v1/intake-key").await;
    let public = from_b64url(key["public_key"].as_str().unwrap()).unwrap();
    let body = "老板扣了我们的护照".repeat(20_000 / 9);
    let plaintext = tipline::intake::padding::pad(
        serde_json::to_vec(&json!({ "category": "forced_labour", "body": body })).unwrap(),
    );
    assert!(plaintext.len() >= 64 * 1024, "{}", plaintext.len());
    let envelope =
        sealing::seal_to_public_key(&public, key["key_id"].as_str().unwrap(), &plaintext).unwrap();
    let (status, answer) = app.submit(&json!({ "sealed": envelope })).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
}
