//! Invariant 5: a tip whose receipt was returned survives a crash (SIGKILL) at any point,
//! and the worker drafts it after restart.

use crate::helpers::{client_for, fresh_database};
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
    Command::new(env!("CARGO_BIN_EXE_tipline"))
        .arg("serve")
        .current_dir(dir)
        .env("TIPLINE_DATA_DIR", dir.join("data"))
        .env("TIPLINE_DATABASE__URL", database)
        .env("TIPLINE_SERVER__LISTEN", format!("127.0.0.1:{port}"))
        .env("TIPLINE_REDACTION__POLL_SECONDS", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

async fn wait_healthy(client: &reqwest::Client, port: u16) {
    for _ in 0..200 {
        if let Ok(r) = client
            .get(format!("https://localhost:{port}/healthz"))
            .send()
            .await
        {
            if r.status() == StatusCode::OK {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not come up");
}

#[tokio::test]
async fn acknowledged_tips_survive_a_kill_mid_traffic() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _db) = fresh_database(dir.path()).await;
    let port = free_port();
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

    // Four reporters submit as fast as they can; the server is killed under them.
    let receipts = Arc::new(Mutex::new(Vec::new()));
    let mut reporters = Vec::new();
    for r in 0..4 {
        let client = client.clone();
        let receipts = receipts.clone();
        reporters.push(tokio::spawn(async move {
            for i in 0.. {
                let sent = client
                    .post(format!("https://localhost:{port}/api/v1/tips"))
                    .json(&json!({ "category": "forced_labour", "body": format!("reporter {r} tip {i}") }))
                    .send()
                    .await;
                let Ok(response) = sent else { return };
                if response.status() != StatusCode::CREATED {
                    return;
                }
                let Ok(body) = response.json::<serde_json::Value>().await else { return };
                receipts.lock().unwrap().push(body["receipt"].as_str().unwrap().to_owned());
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    server.kill().unwrap(); // SIGKILL: no shutdown, no flush
    server.wait().unwrap();
    for reporter in reporters {
        reporter.await.unwrap();
    }
    let receipts = receipts.lock().unwrap().clone();
    assert!(
        receipts.len() >= 5,
        "too few tips got through to make the point: {}",
        receipts.len()
    );

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
    let mut waiting = usize::MAX;
    for _ in 0..100 {
        waiting = store.received_tips(0, 1000).await.unwrap().len();
        if waiting == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    server.kill().unwrap();
    server.wait().unwrap();
    assert_eq!(waiting, 0, "tips left undrafted after restart");
}
