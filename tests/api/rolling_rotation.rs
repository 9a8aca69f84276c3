//! Rotating the intake key under load: tips sealed in the "browser" to whatever key a
//! process publishes are sent without pause to three `tipline serve` processes while
//! the operator stages a new intake key, restarts them one by one, promotes it and
//! restarts them one by one again. A process that is down is skipped (as a load
//! balancer would); no tip is refused, every receipt returned names a stored report,
//! and every tip opens (the workers draft them all). PostgreSQL only: SQLite serves one
//! process.

use crate::helpers::{fresh_database, postgres_server};
use crate::processes::{tipline_cli, ServeProcess};
use crate::three_processes::{follow_up_status, signed_in, wait_for_pending};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tipline::crypto::{from_b64url, sealing};
use tipline::intake::padding;
use tipline::store::Store;

/// A tip sealed to the key `base` publishes, as the report form's script seals it;
/// `None` when the process is down.
async fn sealed_at(client: &Client, base: &str, text: &str) -> Option<Value> {
    let key: Value = client
        .get(format!("{base}/api/v1/intake-key"))
        .send()
        .await
        .ok()?
        .json()
        .await
        .ok()?;
    let public = from_b64url(key["public_key"].as_str().unwrap()).unwrap();
    let plaintext = serde_json::to_vec(&json!({ "category": "other", "body": text })).unwrap();
    let envelope = sealing::seal_to_public_key(
        &public,
        key["key_id"].as_str().unwrap(),
        &padding::pad(plaintext),
    )
    .unwrap();
    Some(json!({ "sealed": envelope }))
}

/// Reporters' requests: each on a connection of its own, as separate people's are (a
/// kept-alive connection would hold a stopping process open until it idles out).
fn reporters_client(data_dir: &std::path::Path) -> Client {
    let pem = std::fs::read(data_dir.join("dev-cert.pem")).unwrap();
    Client::builder()
        .use_rustls_tls()
        .tls_built_in_root_certs(false)
        .add_root_certificate(reqwest::Certificate::from_pem(&pem).unwrap())
        .pool_max_idle_per_host(0)
        .timeout(std::time::Duration::from_secs(30))
        .build()
        .unwrap()
}

struct Sent {
    receipts: Vec<String>,
    key_ids: HashSet<String>,
    /// Sends that found their process down and went on to the next.
    passed_over: usize,
}

/// Sends sealed tips round the processes until `stop`: the key from one, the tip to
/// the next that answers. Any answer but 201 fails the test.
async fn keep_sending(client: Client, bases: Vec<String>, stop: Arc<AtomicBool>) -> Sent {
    let mut sent = Sent {
        receipts: Vec::new(),
        key_ids: HashSet::new(),
        passed_over: 0,
    };
    // A steady trickle (tens of tips over the rollout), well inside the rate limit.
    let mut pace = tokio::time::interval(std::time::Duration::from_millis(150));
    pace.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut i = 0;
    while !stop.load(Ordering::Relaxed) {
        pace.tick().await;
        i += 1;
        let text = format!("tip {i}: the labour hire firm holds our wages");
        let Some(tip) = sealed_at(&client, &bases[i % 3], &text).await else {
            continue; // that process is restarting
        };
        for k in 1..=3 {
            let base = &bases[(i + k) % 3];
            let Ok(r) = client
                .post(format!("{base}/api/v1/tips"))
                .json(&tip)
                .send()
                .await
            else {
                sent.passed_over += 1; // down: the next one
                continue;
            };
            let status = r.status();
            let answer: Value = r.json().await.unwrap_or(Value::Null);
            assert_eq!(status, StatusCode::CREATED, "tip {i} at {base}: {answer}");
            sent.receipts
                .push(answer["receipt"].as_str().unwrap().to_owned());
            sent.key_ids
                .insert(tip["sealed"]["key_id"].as_str().unwrap().to_owned());
            break;
        }
    }
    sent
}

#[tokio::test]
async fn rotating_the_intake_key_across_restarting_processes_loses_no_tip() {
    if postgres_server().is_none() {
        eprintln!("skipped: a rolling key rotation needs several processes on PostgreSQL (set TIPLINE_TEST_POSTGRES)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let (url, _database) = fresh_database(dir.path()).await;
    let settings = [
        ("TIPLINE_INTAKE__RATE_LIMIT_PER_MINUTE", "1000"),
        ("TIPLINE_REVIEW__SIGN_IN_PER_MINUTE", "100"),
    ];
    let mut processes = vec![ServeProcess::start(&data_dir, &url, &settings).await];
    for _ in 0..2 {
        processes.push(ServeProcess::start(&data_dir, &url, &settings).await);
    }
    let bases: Vec<String> = processes.iter().map(|p| p.base.clone()).collect();
    let client = processes[0].client();
    let stop = Arc::new(AtomicBool::new(false));
    let sender = tokio::spawn(keep_sending(
        reporters_client(&data_dir),
        bases.clone(),
        stop.clone(),
    ));

    // Stage (every process restarted reads both keys), then promote (every process
    // restarted publishes the new one); one process down at a time.
    let said = tipline_cli(&data_dir, &url, &["keygen", "--stage-intake"]).await;
    assert!(said.contains("intake key staged"), "{said}");
    let started = std::time::Instant::now();
    for p in &mut processes {
        p.stop().await;
        p.restart().await;
    }
    eprintln!(
        "rolling restart of three processes: {:?}",
        started.elapsed()
    );
    let said = tipline_cli(&data_dir, &url, &["keygen", "--promote-intake"]).await;
    assert!(said.contains("intake key promoted"), "{said}");
    for p in &mut processes {
        p.stop().await;
        p.restart().await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    stop.store(true, Ordering::Relaxed);
    let sent = sender.await.expect("no tip was refused");
    assert_eq!(
        sent.key_ids.len(),
        2,
        "tips went to both keys: {:?}",
        sent.key_ids
    );
    assert!(
        sent.receipts.len() >= 10,
        "{} tips sent",
        sent.receipts.len()
    );
    eprintln!(
        "rolling rotation: {} tips sent, none refused; {} sends found their process down",
        sent.receipts.len(),
        sent.passed_over
    );

    let store = Store::connect(&url, 2).await.unwrap();
    assert_eq!(
        store.count_tips().await.unwrap() as usize,
        sent.receipts.len()
    );
    for (i, receipt) in sent.receipts.iter().enumerate() {
        let status = follow_up_status(&client, &bases[i % 3], receipt).await;
        assert!(
            ["received", "being_reviewed"].contains(&status.as_str()),
            "{receipt}: {status}"
        );
    }
    // Every tip opens: the workers draft them all, none is left or failed.
    let h = signed_in(&store, &data_dir, "ana", &bases[0]).await;
    let pending = wait_for_pending(&h, sent.receipts.len()).await;
    assert_eq!(pending.len(), sent.receipts.len());
    assert_eq!(store.waiting_to_draft().await.unwrap(), 0);
    store.close().await;
    for p in &mut processes {
        p.stop().await;
    }
}
