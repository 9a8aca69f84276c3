//! Several replicas on one PostgreSQL: two servers built from the same settings (the
//! same keys, the same database) behave as one service. A proof-of-work challenge from
//! one is good on the other and good once across both; tips sent to either are each
//! drafted by one worker, claimed by one handler, and every case is leased to one
//! puller at a time and acknowledged once; the hourly sweep runs on one replica at a
//! time. SQLite is for a single process, so these run on PostgreSQL only.

use crate::helpers::{client_for, postgres_server, spawn_app_with, wait_healthy, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;
use tipline::crypto::keys::Keys;
use tipline::domain::{HandlerRole, RawTip, TipId};
use tipline::intake::padding;
use tipline::startup::Application;
use tipline::store::tips::NewTip;
use tipline::store::{self, Store};
use tipline::worker::{Heartbeat, Worker};

/// Another server on the same settings as `app`: its keys, its database.
pub(crate) async fn replica_of(app: &TestApp) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let replica = Application::build_with_listener(app.settings.clone(), listener)
        .await
        .expect("the replica builds");
    let port = replica.port();
    tokio::spawn(replica.run_until_stopped());
    wait_healthy(&app.client, port).await;
    format!("https://localhost:{port}")
}

#[tokio::test]
async fn a_challenge_from_one_replica_is_accepted_by_another_and_only_once() {
    if postgres_server().is_none() {
        return; // Replicas share a PostgreSQL; SQLite serves one process.
    }
    let one = spawn_app_with(|s| s.intake.pow_difficulty = 8).await;
    let two = replica_of(&one).await;
    let challenge: Value = one.get_json("/api/v1/pow").await;
    let challenge = challenge["challenge"].as_str().unwrap().to_owned();
    let nonce = tipline::intake::pow::solve(&challenge, 8);
    let tip = json!({
        "category": "other",
        "body": "a tip whose challenge came from the other replica",
        "pow": { "challenge": challenge, "nonce": nonce },
    });
    let send = |base: String| {
        let (client, tip) = (one.client.clone(), tip.clone());
        async move {
            let r = client
                .post(format!("{base}/api/v1/tips"))
                .json(&tip)
                .send()
                .await
                .unwrap();
            (r.status(), r.text().await.unwrap())
        }
    };
    let (status, body) = send(two.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    for base in [one.base.clone(), two.clone()] {
        let (status, body) = send(base).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert!(body.contains("this challenge was already used"), "{body}");
    }
    // Sent to both at once, a fresh challenge is still taken once.
    let challenge: Value = one.get_json("/api/v1/pow").await;
    let challenge = challenge["challenge"].as_str().unwrap().to_owned();
    let nonce = tipline::intake::pow::solve(&challenge, 8);
    let tip = json!({
        "category": "other",
        "body": "one challenge, two replicas at once",
        "pow": { "challenge": challenge, "nonce": nonce },
    });
    let post = |base: String| {
        let (client, tip) = (one.client.clone(), tip.clone());
        async move {
            client
                .post(format!("{base}/api/v1/tips"))
                .json(&tip)
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    let (a, b) = tokio::join!(post(one.base.clone()), post(two));
    let mut statuses = [a, b];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::CREATED, StatusCode::BAD_REQUEST]);
    assert_eq!(one.store.count_tips().await.unwrap(), 2);
}

/// `n` received tips stored as intake stores them, with no server running.
async fn received_tips(store: &Store, keys: &Keys, n: usize) {
    for i in 0..n {
        let tip = RawTip::parse(
            "other",
            &format!("Tip {i}: call Aroha on 021 555 1234."),
            None,
        )
        .unwrap();
        let envelope = keys.intake.seal(&padding::pad(tip.to_json()));
        let stored = store
            .insert_tip(NewTip {
                id: TipId::new(),
                category: tip.category(),
                received_on: store::today(),
                sealed: serde_json::to_vec(&envelope).unwrap(),
                receipt_hash: format!("receipt-{i}"),
                submission_hash: None,
                channel: tipline::domain::Channel::Api,
                region: tipline::domain::Region::Unknown,
                taken_by: None,
            })
            .await
            .unwrap();
        assert!(stored);
    }
}

/// A replica's redaction worker on `store`, as `startup` makes one.
fn replica_worker(store: Store, keys: Arc<Keys>) -> Worker {
    let attachments = tipline::config::AttachmentSettings {
        renderer: Some(env!("CARGO_BIN_EXE_tipline").into()),
        ..tipline::config::Settings::default().attachments
    };
    Worker {
        store,
        keys,
        engine: Arc::new(tipline::redaction::Engine::embedded().unwrap()),
        wake: Arc::new(tokio::sync::Notify::new()),
        poll: Duration::from_secs(1),
        retention_days: 90,
        heartbeat: Arc::new(Heartbeat::new(
            Duration::from_secs(1),
            Duration::ZERO,
            store::now(),
        )),
        opened: Arc::default(),
        pages: Arc::new(tipline::worker::pages::PageRenderer::new(&attachments).unwrap()),
        heif: Arc::new(tipline::worker::heif::HeifDecoder::new(&attachments).unwrap()),
    }
}

/// Two workers, each with its own connections, drain one backlog at once: between them
/// they open every tip exactly once (a tip another worker holds is skipped, not opened
/// again), and every tip is drafted.
#[tokio::test]
async fn workers_on_two_replicas_open_each_tip_once() {
    if postgres_server().is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (url, _database) = crate::helpers::fresh_database(dir.path()).await;
    let keys = Arc::new(Keys::load_or_create(&dir.path().join("data")).unwrap());
    let worker = |store: Store| replica_worker(store, keys.clone());
    let one = Store::connect(&url, 4).await.unwrap();
    one.migrate().await.unwrap();
    let two = Store::connect(&url, 4).await.unwrap();
    received_tips(&one, &keys, 200).await;
    let (a, b) = (worker(one.clone()), worker(two.clone()));
    let (opened_a, opened_b) = tokio::join!(a.drain(), b.drain());
    let (opened_a, opened_b) = (opened_a.unwrap(), opened_b.unwrap());
    assert_eq!(opened_a + opened_b, 200, "{opened_a} + {opened_b}");
    assert!(
        opened_a > 0 && opened_b > 0,
        "both took part: {opened_a}, {opened_b}"
    );
    assert_eq!(one.waiting_to_draft().await.unwrap(), 0);
    one.close().await;
    two.close().await;
}

/// A worker that dies holding a batch (its process killed while drafting: its
/// connection goes, its transaction with it) loses none of it: while it holds the
/// batch another replica's worker skips those tips, and once it is gone that worker
/// drafts every one.
#[tokio::test]
async fn a_batch_held_by_a_worker_that_dies_is_drafted_by_another() {
    if postgres_server().is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (url, _database) = crate::helpers::fresh_database(dir.path()).await;
    let keys = Arc::new(Keys::load_or_create(&dir.path().join("data")).unwrap());
    let doomed = Store::connect(&url, 2).await.unwrap();
    doomed.migrate().await.unwrap();
    received_tips(&doomed, &keys, 20).await;
    let (holding, held) = tokio::sync::oneshot::channel();
    let dying = tokio::spawn({
        let doomed = doomed.clone();
        async move {
            doomed
                .draft_received(0, 128, |tips| async move {
                    let _ = holding.send(tips.len());
                    std::future::pending().await
                })
                .await
        }
    });
    assert_eq!(held.await.unwrap(), 20, "the dying worker holds them all");
    let survivor = Store::connect(&url, 2).await.unwrap();
    let worker = replica_worker(survivor.clone(), keys.clone());
    assert_eq!(worker.drain().await.unwrap(), 0, "held tips are skipped");
    assert_eq!(survivor.waiting_to_draft().await.unwrap(), 20);
    dying.abort();
    let _ = dying.await;
    doomed.close().await;
    // PostgreSQL ends a closed connection's transaction, and frees its row locks, a
    // moment after the close returns: drain until they are free, for at most 5 s.
    let mut drafted = 0;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while drafted < 20 && std::time::Instant::now() < deadline {
        drafted += worker.drain().await.unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(
        drafted, 20,
        "the survivor drafts every tip the dead worker held"
    );
    assert_eq!(survivor.waiting_to_draft().await.unwrap(), 0);
    survivor.close().await;
}

/// Tips sent to either replica; handlers on each race to claim every one (one wins,
/// the other is told it is held); the winners forward them; two pullers of one agency,
/// one on each replica, lease at once and each acks through the other replica: no case
/// goes to both, every case is acknowledged once.
#[tokio::test]
async fn two_replicas_claim_lease_and_acknowledge_each_case_once() {
    if postgres_server().is_none() {
        return;
    }
    let one = spawn_app_with(|s| s.intake.rate_limit_per_minute = 1000).await;
    let two = replica_of(&one).await;
    let ana = one.handler("ana", HandlerRole::Handler).await;
    let mut bob = one.handler("bob", HandlerRole::Handler).await;
    bob.base = two.clone(); // the same session, used through the other replica
    for i in 0..10 {
        let base = if i % 2 == 0 { &one.base } else { &two };
        let r = one
            .client
            .post(format!("{base}/api/v1/tips"))
            .json(&json!({ "category": "other", "body": format!("tip {i} from the orchard") }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::CREATED);
    }
    let pending = one.wait_for_pending(&ana, 10).await;
    assert_eq!(pending.len(), 10);
    for tip in &pending {
        let id = tip["id"].as_str().unwrap();
        let (a, b) = tokio::join!(ana.claim(id), bob.claim(id));
        let statuses = [a.status(), b.status()];
        assert!(
            statuses.contains(&StatusCode::OK) && statuses.contains(&StatusCode::CONFLICT),
            "{statuses:?}"
        );
        let winner = if a.status() == StatusCode::OK {
            &ana
        } else {
            &bob
        };
        let r = winner
            .decide(id, &json!({ "action": "forward", "agencies": ["police"] }))
            .await;
        assert_eq!(r.status(), StatusCode::NO_CONTENT);
    }
    let token = one.agency_token("police").await;
    let lease = |base: String| {
        let (client, token) = (client_for(&one.settings.data_dir), token.clone());
        async move {
            let r = client
                .post(format!("{base}/api/v1/agency/cases/lease"))
                .bearer_auth(&token)
                .json(&json!({ "max": 3, "lease_seconds": 600 }))
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
                    (
                        c["id"].as_str().unwrap().to_owned(),
                        c["lease"].as_str().unwrap().to_owned(),
                    )
                })
                .collect::<Vec<_>>()
        }
    };
    let mut leased = Vec::new();
    loop {
        let (a, b) = tokio::join!(lease(one.base.clone()), lease(two.clone()));
        let ids_a: HashSet<_> = a.iter().map(|(id, _)| id.clone()).collect();
        assert!(
            b.iter().all(|(id, _)| !ids_a.contains(id)),
            "a case leased to both pullers at once"
        );
        if a.is_empty() && b.is_empty() {
            break;
        }
        // Each acknowledges through the replica it did not lease from.
        for (cases, base) in [(&a, &two), (&b, &one.base)] {
            for (id, lease_id) in cases {
                let r = one
                    .client
                    .post(format!("{base}/api/v1/agency/cases/{id}/ack"))
                    .bearer_auth(&token)
                    .json(&json!({ "lease": lease_id }))
                    .send()
                    .await
                    .unwrap();
                assert!(r.status().is_success(), "{}", r.text().await.unwrap());
            }
        }
        leased.extend(a.into_iter().chain(b).map(|(id, _)| id));
    }
    let distinct: HashSet<_> = leased.iter().collect();
    assert_eq!(leased.len(), 10, "{leased:?}");
    assert_eq!(distinct.len(), 10);
}

/// The hourly sweep runs on one replica at a time: while another holds its lock, a
/// replica skips it; run on both at once, retention erases each tip once, audited once.
#[tokio::test]
async fn the_hourly_sweep_runs_on_one_replica_at_a_time() {
    if postgres_server().is_none() {
        return;
    }
    let app = spawn_app_with(|_| {}).await;
    let h = app.handler("ana", HandlerRole::Handler).await;
    for i in 0..3 {
        app.submit_ok("other", &format!("decided tip {i}")).await;
    }
    for tip in app.wait_for_pending(&h, 3).await {
        let id = tip["id"].as_str().unwrap();
        assert_eq!(h.claim(id).await.status(), StatusCode::OK);
        let r = h
            .decide(id, &json!({ "action": "reject", "reason": "test" }))
            .await;
        assert_eq!(r.status(), StatusCode::NO_CONTENT);
    }
    let later = tipline::store::day_of(store::now() + 200 * 86_400);
    let url = &app.settings.database.url;
    let (one, two) = (
        Store::connect(url, 2).await.unwrap(),
        Store::connect(url, 2).await.unwrap(),
    );
    // Another replica is sweeping: this one skips.
    use sqlx::Connection;
    let mut other = sqlx::PgConnection::connect(url).await.unwrap();
    let mut held = other.begin().await.unwrap();
    sqlx::query("SELECT pg_advisory_xact_lock(7460513)")
        .execute(&mut *held)
        .await
        .unwrap();
    assert_eq!(
        one.hourly_sweep(&later, 90, store::now()).await.unwrap(),
        None
    );
    held.rollback().await.unwrap();
    let (a, b) = tokio::join!(
        one.hourly_sweep(&later, 90, store::now()),
        two.hourly_sweep(&later, 90, store::now()),
    );
    let erased = a.unwrap().unwrap_or(0) + b.unwrap().unwrap_or(0);
    assert_eq!(erased, 3);
    let sweeps = app
        .store
        .audit_rows(Some("system:retention"), None, 10)
        .await
        .unwrap();
    assert_eq!(sweeps.len(), 1, "{sweeps:?}");
}
