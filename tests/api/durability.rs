//! Invariant 5: a tip whose receipt was returned survives a crash (SIGKILL) at any point,
//! and the worker drafts it after restart; with many reporters at once, whose tips are
//! committed in groups (`store::group_commit`), as with one.

use crate::helpers::{client_for, fresh_database, wait_healthy};
use reqwest::StatusCode;
use serde_json::json;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tipline::crypto::at_rest::DataKeys;
use tipline::store::Store;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn serve(dir: &std::path::Path, database: &str, port: u16) -> Child {
    // Each group commit is logged at TRACE (never at INFO: arrivals keep no time), so
    // the test can see that tips were committed together.
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("server.log"))
        .unwrap();
    Command::new(env!("CARGO_BIN_EXE_tipline"))
        .arg("serve")
        .current_dir(dir)
        .env("TIPLINE_DATA_DIR", dir.join("data"))
        .env("TIPLINE_DATABASE__URL", database)
        .env("TIPLINE_SERVER__LISTEN", format!("127.0.0.1:{port}"))
        .env("TIPLINE_REDACTION__POLL_SECONDS", "1")
        .env("RUST_LOG", "warn,tipline::store::group_commit=trace")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .unwrap()
}

#[tokio::test]
async fn acknowledged_tips_survive_kills_mid_traffic() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _db) = fresh_database(dir.path()).await;
    let port = free_port();
    let receipts = Arc::new(Mutex::new(Vec::new()));
    // Three crashes at different moments of the traffic, each restart on the same data.
    for kill_after in [400, 900, 1500] {
        let mut server = serve(dir.path(), &url, port);
        // The certificate exists once the server has started.
        for _ in 0..200 {
            if dir.path().join("data/dev-cert.pem").exists() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        let client = client_for(&dir.path().join("data"));
        wait_healthy(&client, port).await;

        // Thirty-two reporters submit as fast as they can, so their tips share commits;
        // the server is killed under them.
        let mut reporters = Vec::new();
        for r in 0..32 {
            let client = client.clone();
            let receipts = receipts.clone();
            reporters.push(tokio::spawn(async move {
                for i in 0.. {
                    let body = format!("round {kill_after} reporter {r} tip {i}");
                    let sent = client
                        .post(format!("https://localhost:{port}/api/v1/tips"))
                        .json(&json!({ "category": "forced_labour", "body": body }))
                        .send()
                        .await;
                    let Ok(response) = sent else { return };
                    if response.status() != StatusCode::CREATED {
                        return;
                    }
                    let Ok(body) = response.json::<serde_json::Value>().await else {
                        return;
                    };
                    receipts
                        .lock()
                        .unwrap()
                        .push(body["receipt"].as_str().unwrap().to_owned());
                }
            }));
        }
        tokio::time::sleep(Duration::from_millis(kill_after)).await;
        server.kill().unwrap(); // SIGKILL: no shutdown, no flush
        server.wait().unwrap();
        for reporter in reporters {
            reporter.await.unwrap();
        }
    }
    let receipts = receipts.lock().unwrap().clone();
    assert!(
        receipts.len() >= 5,
        "too few tips got through to make the point: {}",
        receipts.len()
    );
    let log = std::fs::read_to_string(dir.path().join("server.log")).unwrap();
    let shared = log
        .lines()
        .filter_map(|l| l.split("tips=").nth(1))
        .filter_map(|n| n.split_whitespace().next()?.parse::<usize>().ok())
        .filter(|&n| n > 1)
        .count();
    assert!(shared > 0, "no commit held more than one tip:\n{log}");
    let client = client_for(&dir.path().join("data"));

    // Every receipt handed out names a stored tip.
    let (keys, _) = DataKeys::load_or_create(&dir.path().join("data/data-key")).unwrap();
    let store = Store::connect(&url, 1).await.unwrap();
    for receipt in &receipts {
        let code = tipline::crypto::receipt::Receipt::parse(receipt).unwrap();
        let found = store
            .tip_for_receipt(&keys.lookup_hashes("receipt", code.canonical()))
            .await
            .unwrap();
        assert!(
            found.is_some(),
            "receipt {receipt} was answered but its tip is gone"
        );
    }
    let stored = store.count_tips().await.unwrap() as usize;
    assert!(stored >= receipts.len());
    store.close().await;

    // After a restart the worker drafts everything that was waiting.
    let mut server = serve(dir.path(), &url, port);
    wait_healthy(&client, port).await;
    let store = Store::connect(&url, 1).await.unwrap();
    let mut waiting = i64::MAX;
    for _ in 0..100 {
        waiting = store.waiting_to_draft().await.unwrap();
        if waiting == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    server.kill().unwrap();
    server.wait().unwrap();
    assert_eq!(waiting, 0, "tips left undrafted after restart");
}

/// Submissions made at once share commits: retries of one submission (same
/// `Idempotency-Key`) in flight together store one tip and all get its receipt, every
/// other submission is stored once, and each receipt finds its tip.
#[tokio::test]
async fn concurrent_submissions_and_retries_each_store_once() {
    // 96 requests at once from one address: room for them under both per-client limits.
    let app = crate::helpers::spawn_app_with(|s| {
        s.intake.rate_limit_per_minute = 10_000;
        s.server.max_connections_per_address = 128;
    })
    .await;
    let send = |key: Option<String>, n: usize| {
        let mut request = app
            .client
            .post(app.url("/api/v1/tips"))
            .json(&json!({ "category": "other", "body": format!("submission {n} of many") }));
        if let Some(key) = key {
            request = request.header("idempotency-key", key);
        }
        async move {
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), StatusCode::CREATED);
            let body: serde_json::Value = response.json().await.unwrap();
            body["receipt"].as_str().unwrap().to_owned()
        }
    };
    // 16 submissions sent four times each, interleaved with 32 sent once.
    let retried = (0..64).map(|n| send(Some(format!("retry-{}", n % 16)), n % 16));
    let single = (0..32).map(|n| send(None, 100 + n));
    let (retried, single) = tokio::join!(
        futures_util::future::join_all(retried),
        futures_util::future::join_all(single)
    );
    for (n, receipt) in retried.iter().enumerate() {
        assert_eq!(receipt, &retried[n % 16], "a retry got another receipt");
    }
    let mut distinct: Vec<&String> = retried[..16].iter().chain(&single).collect();
    distinct.sort();
    distinct.dedup();
    assert_eq!(
        distinct.len(),
        48,
        "receipts were shared between submissions"
    );
    assert_eq!(app.store.count_tips().await.unwrap(), 48);
    let (keys, _) = DataKeys::load_or_create(&app.settings.data_dir.join("data-key")).unwrap();
    for receipt in distinct {
        let code = tipline::crypto::receipt::Receipt::parse(receipt).unwrap();
        let found = app
            .store
            .tip_for_receipt(&keys.lookup_hashes("receipt", code.canonical()))
            .await
            .unwrap();
        assert!(found.is_some(), "receipt {receipt} names no tip");
    }
}

async fn readiness_of(app: &crate::helpers::TestApp) -> StatusCode {
    app.client
        .get(app.url("/readyz"))
        .send()
        .await
        .unwrap()
        .status()
}

async fn liveness_of(app: &crate::helpers::TestApp) -> StatusCode {
    app.client
        .get(app.url("/healthz"))
        .send()
        .await
        .unwrap()
        .status()
}

/// `/readyz` says ready only when the database takes writes: with its schema gone it
/// answers 503 at once, and it recovers on its own when the schema is back. `/healthz`
/// (liveness: the process serves) stays 200 throughout, so nothing restarts it for an
/// outage a restart would not cure.
#[tokio::test]
async fn readiness_fails_while_the_database_cannot_take_writes_and_recovers() {
    let app = crate::helpers::spawn_app().await;
    let health = || readiness_of(&app);
    assert_eq!(health().await, StatusCode::OK);
    let pool = app.raw_pool().await;
    sqlx::query("ALTER TABLE console_settings RENAME TO console_settings_away")
        .execute(&pool)
        .await
        .unwrap();
    let started = std::time::Instant::now();
    assert_eq!(health().await, StatusCode::SERVICE_UNAVAILABLE);
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(liveness_of(&app).await, StatusCode::OK);
    sqlx::query("ALTER TABLE console_settings_away RENAME TO console_settings")
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(health().await, StatusCode::OK);
}

/// A PostgreSQL left read-only (as a replica after a failover) is not ready: `/readyz`
/// answers 503 rather than sending reporters to a service that cannot store a tip.
#[tokio::test]
async fn readiness_fails_on_a_read_only_postgres() {
    let app = crate::helpers::spawn_app().await;
    let crate::helpers::Database::Postgres { url } = &app.database else {
        return; // SQLite has no read-only failover to simulate.
    };
    let name = url.rsplit('/').next().unwrap().to_owned();
    // Altered from the server's admin database: the test database itself turns read-only.
    sqlx::any::install_default_drivers();
    let admin = crate::helpers::postgres_server().unwrap();
    let pool = sqlx::AnyPool::connect(&admin).await.unwrap();
    let set_read_only = |on: bool| {
        let (pool, name) = (pool.clone(), name.clone());
        async move {
            let value = if on { "on" } else { "off" };
            sqlx::query(&format!(
                "ALTER DATABASE {name} SET default_transaction_read_only = {value}"
            ))
            .execute(&pool)
            .await
            .unwrap();
            // Sessions take the setting when they start: end the service's.
            sqlx::query(&format!(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                 WHERE datname = '{name}' AND pid <> pg_backend_pid()"
            ))
            .execute(&pool)
            .await
            .unwrap();
        }
    };
    let health = || readiness_of(&app);
    assert_eq!(health().await, StatusCode::OK);
    set_read_only(true).await;
    let mut status = health().await;
    // The first request may meet a connection the termination just broke.
    if status == StatusCode::OK {
        status = health().await;
    }
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(liveness_of(&app).await, StatusCode::OK);
    set_read_only(false).await;
    let mut status = health().await;
    for _ in 0..3 {
        if status == StatusCode::OK {
            break;
        }
        status = health().await;
    }
    assert_eq!(status, StatusCode::OK, "recovers on its own");
}

/// actix-web serves each worker thread on a tokio runtime of its own, and a graceful stop
/// (SIGTERM in a rolling restart) ends them one at a time. A tip still in flight on one
/// thread after another thread's runtime has ended must be stored, whichever thread
/// brought the first tip. Each call here runs on a runtime of its own that ends after it.
#[tokio::test]
async fn a_tip_is_stored_after_the_runtime_that_brought_the_first_has_ended() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _database) = fresh_database(dir.path()).await;
    let store = Store::connect(&url, 4).await.unwrap();
    store.migrate().await.unwrap();
    for _ in 0..2 {
        let on_its_own_runtime = store.clone();
        let stored = tokio::task::spawn_blocking(move || {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap()
                .block_on(on_its_own_runtime.insert_tip(a_tip()))
        })
        .await
        .unwrap();
        assert!(stored.expect("the tip is stored, not refused"));
    }
    assert_eq!(store.count_tips().await.unwrap(), 2);
    store.close().await;
}

/// Two tips with one proof-of-work challenge in one group commit: the challenge is
/// spent with the first, the second is refused and stored nowhere, and the challenge
/// stays spent for a later tip.
#[tokio::test]
async fn a_challenge_twice_in_one_group_stores_one_tip() {
    use tipline::store::challenges::SpentChallenge;
    use tipline::store::tips::Inserted;
    let dir = tempfile::tempdir().unwrap();
    let (url, _database) = fresh_database(dir.path()).await;
    let store = Store::connect(&url, 4).await.unwrap();
    store.migrate().await.unwrap();
    let challenge = || {
        Some(SpentChallenge {
            id: "the-same-challenge".into(),
            expires_on: tipline::store::today(),
        })
    };
    // On this test's one thread both are queued before the writer runs: one group.
    let (first, second, without) = tokio::join!(
        store.insert_tip_spending(a_tip(), challenge()),
        store.insert_tip_spending(a_tip(), challenge()),
        store.insert_tip_spending(a_tip(), None),
    );
    assert_eq!(
        (first.unwrap(), second.unwrap(), without.unwrap()),
        (
            Inserted::Stored,
            Inserted::ChallengeReused,
            Inserted::Stored
        )
    );
    assert_eq!(store.count_tips().await.unwrap(), 2);
    assert!(store.challenge_spent("the-same-challenge").await.unwrap());
    assert_eq!(
        store
            .insert_tip_spending(a_tip(), challenge())
            .await
            .unwrap(),
        Inserted::ChallengeReused
    );
    assert_eq!(store.count_tips().await.unwrap(), 2);
    store.close().await;
}

fn a_tip() -> tipline::store::tips::NewTip {
    tipline::store::tips::NewTip {
        id: tipline::domain::TipId::new(),
        category: tipline::domain::Category::Other,
        received_on: tipline::store::today(),
        sealed: b"{}".to_vec(),
        receipt_hash: tipline::domain::TipId::new().as_str().to_owned(),
        submission_hash: None,
        channel: tipline::domain::Channel::Api,
        region: tipline::domain::Region::Unknown,
        taken_by: None,
    }
}
