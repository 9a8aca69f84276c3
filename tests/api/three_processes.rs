//! Three `tipline serve` processes (the real binary) on one PostgreSQL database and one
//! set of key files behave as one service: every tip's proof of work is fetched from
//! one process and spent at another; tips are sent to all three; handlers on all three
//! race for each tip and exactly one wins; pullers lease and acknowledge through all
//! three. No tip is lost, none claimed twice, no case leased to two pullers at once,
//! every case acknowledged once. PostgreSQL only: SQLite serves one process.

use crate::helpers::{client_for, enrol_totp, fresh_database, postgres_server, Handler};
use crate::processes::ServeProcess;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::collections::HashSet;
use std::time::Duration;
use tipline::crypto::{password, token};
use tipline::domain::actor::OPERATOR_AUDIT_NAME;
use tipline::domain::HandlerRole;
use tipline::store::{self, Store};

const TIPS: usize = 24;
const AGENCIES: [&str; 2] = ["police", "mbie"];

/// A handler added as `tipline handler add` does, signed in at `base`.
pub(crate) async fn signed_in(
    store: &Store,
    data_dir: &std::path::Path,
    name: &str,
    base: &str,
) -> Handler {
    let secret = password::generate();
    store
        .add_handler(
            OPERATOR_AUDIT_NAME,
            name,
            &password::hash(&secret),
            HandlerRole::Handler,
            store::now(),
        )
        .await
        .unwrap();
    let totp = enrol_totp(store, data_dir, name).await;
    let h = Handler::new(name, &secret, client_for(data_dir), base, Some(totp));
    let r = h
        .post_json(
            "/api/v1/review/login",
            &json!({ "username": h.username, "password": h.password, "totp": h.code().await }),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    h
}

pub(crate) async fn agency_token(store: &Store, agency: &str) -> String {
    let t = token::generate("tla_");
    assert!(store
        .issue_agency_token(OPERATOR_AUDIT_NAME, agency, "tests", &t.hash, store::now())
        .await
        .unwrap());
    t.secret
}

/// The follow-up page's status for `receipt`, asked at `base`.
pub(crate) async fn follow_up_status(
    client: &reqwest::Client,
    base: &str,
    receipt: &str,
) -> String {
    let r = client
        .post(format!("{base}/follow-up"))
        .form(&[("receipt", receipt)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "receipt {receipt} at {base}");
    let page = r.text().await.unwrap();
    let start = page.find("data-status=\"").expect("a status on the page") + 13;
    page[start..start + page[start..].find('"').unwrap()].to_owned()
}

/// Waits until `n` tips are drafted and waiting for review.
pub(crate) async fn wait_for_pending(h: &Handler, n: usize) -> Vec<Value> {
    for _ in 0..300 {
        let list = h
            .get_json("/api/v1/review/tips?status=pending_review")
            .await;
        let tips = list["tips"].as_array().unwrap().clone();
        if tips.len() >= n {
            return tips;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the workers did not draft {n} tips in time");
}

#[tokio::test]
async fn three_serve_processes_on_one_database_lose_nothing_and_do_nothing_twice() {
    if postgres_server().is_none() {
        eprintln!("skipped: three serve processes need PostgreSQL (set TIPLINE_TEST_POSTGRES)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let (url, _database) = fresh_database(dir.path()).await;
    let settings = [
        ("TIPLINE_INTAKE__POW_DIFFICULTY", "8"),
        ("TIPLINE_INTAKE__RATE_LIMIT_PER_MINUTE", "1000"),
        ("TIPLINE_REVIEW__SIGN_IN_PER_MINUTE", "100"),
    ];
    // The first creates the keys and migrates; the others start on what it made.
    let mut processes = vec![ServeProcess::start(&data_dir, &url, &settings).await];
    for _ in 0..2 {
        processes.push(ServeProcess::start(&data_dir, &url, &settings).await);
    }
    let bases: Vec<String> = processes.iter().map(|p| p.base.clone()).collect();
    let client = processes[0].client();

    // Every tip's challenge comes from one process and is spent at the next.
    let mut receipts = Vec::new();
    for i in 0..TIPS {
        let (from, to) = (&bases[i % 3], &bases[(i + 1) % 3]);
        let pow: Value = client
            .get(format!("{from}/api/v1/pow"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let challenge = pow["challenge"].as_str().unwrap();
        let nonce = tipline::intake::pow::solve(challenge, 8);
        let r = client
            .post(format!("{to}/api/v1/tips"))
            .json(&json!({
                "category": "other",
                "body": format!("tip {i}: the contractor at the vineyard keeps our passports"),
                "pow": { "challenge": challenge, "nonce": nonce },
            }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::CREATED, "tip {i}");
        let answer: Value = r.json().await.unwrap();
        receipts.push(answer["receipt"].as_str().unwrap().to_owned());
    }

    let store = Store::connect(&url, 2).await.unwrap();
    let mut handlers = Vec::new();
    for (i, base) in bases.iter().enumerate() {
        handlers.push(signed_in(&store, &data_dir, &format!("handler{i}"), base).await);
    }
    let pending = wait_for_pending(&handlers[0], TIPS).await;
    assert_eq!(pending.len(), TIPS, "every tip drafted once");
    // The three handlers, each on its own process, race for every tip: one wins.
    for tip in &pending {
        let id = tip["id"].as_str().unwrap();
        let (a, b, c) = tokio::join!(
            handlers[0].claim(id),
            handlers[1].claim(id),
            handlers[2].claim(id)
        );
        let statuses = [a.status(), b.status(), c.status()];
        let won: Vec<usize> = (0..3).filter(|&k| statuses[k] == StatusCode::OK).collect();
        assert_eq!(won.len(), 1, "{statuses:?}");
        assert_eq!(
            statuses
                .iter()
                .filter(|s| **s == StatusCode::CONFLICT)
                .count(),
            2,
            "{statuses:?}"
        );
        // The winner forwards through the next process: a claim is the service's.
        let h = &handlers[won[0]];
        // The same session cookie, through another process.
        let winner = h.at(&bases[(won[0] + 1) % 3]);
        let r = winner
            .decide(id, &json!({ "action": "forward", "agencies": AGENCIES }))
            .await;
        assert_eq!(
            r.status(),
            StatusCode::NO_CONTENT,
            "{}",
            r.text().await.unwrap()
        );
    }
    for receipt in &receipts {
        assert_eq!(
            follow_up_status(&client, &bases[2], receipt).await,
            "passed_on"
        );
    }

    for agency in AGENCIES {
        let acked = pull_everything(&client, &store, &bases, agency).await;
        let distinct: HashSet<_> = acked.iter().collect();
        assert_eq!(acked.len(), TIPS, "{agency}: {acked:?}");
        assert_eq!(distinct.len(), TIPS, "{agency}: a case acknowledged twice");
    }
    store.close().await;
    for p in &mut processes {
        p.stop().await;
    }
}

/// Two pullers of `agency` lease at once, each round from different processes, and
/// acknowledge through yet another; returns every case acknowledged.
async fn pull_everything(
    client: &reqwest::Client,
    store: &Store,
    bases: &[String],
    agency: &str,
) -> Vec<String> {
    let tokens = [
        agency_token(store, agency).await,
        agency_token(store, agency).await,
    ];
    let lease = |base: String, token: String| {
        let client = client.clone();
        async move {
            let r = client
                .post(format!("{base}/api/v1/agency/cases/lease"))
                .bearer_auth(&token)
                .json(&json!({ "max": 4, "lease_seconds": 600 }))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), StatusCode::OK);
            let answer: Value = r.json().await.unwrap();
            answer["cases"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    assert!(
                        c["body"].as_str().unwrap().contains("passports"),
                        "the case opens: {c}"
                    );
                    (
                        c["id"].as_str().unwrap().to_owned(),
                        c["lease"].as_str().unwrap().to_owned(),
                    )
                })
                .collect::<Vec<_>>()
        }
    };
    let mut acked = Vec::new();
    for round in 0.. {
        let (a, b) = tokio::join!(
            lease(bases[round % 3].clone(), tokens[0].clone()),
            lease(bases[(round + 1) % 3].clone(), tokens[1].clone()),
        );
        let ids_a: HashSet<_> = a.iter().map(|(id, _)| id).collect();
        assert!(
            b.iter().all(|(id, _)| !ids_a.contains(id)),
            "a case leased to both pullers at once"
        );
        if a.is_empty() && b.is_empty() {
            break;
        }
        for (k, (cases, token)) in [(&a, &tokens[0]), (&b, &tokens[1])].into_iter().enumerate() {
            let base = &bases[(round + k + 2) % 3];
            for (id, lease_id) in cases {
                let r = client
                    .post(format!("{base}/api/v1/agency/cases/{id}/ack"))
                    .bearer_auth(token)
                    .json(&json!({ "lease": lease_id }))
                    .send()
                    .await
                    .unwrap();
                assert!(r.status().is_success(), "{}", r.text().await.unwrap());
                acked.push(id.clone());
            }
        }
    }
    acked
}
