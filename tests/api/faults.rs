//! Database faults seen through a TCP proxy the test controls: a PostgreSQL that stops
//! answering (a partition: no error ever arrives) gets clear 503s within a bounded time,
//! and the service recovers on its own when it answers again.

use crate::helpers::{postgres_server, spawn_app_with};
use reqwest::StatusCode;
use serde_json::json;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Relays to `upstream`; while `hung` is set, bytes stop moving both ways.
async fn proxy(upstream: String) -> (u16, Arc<AtomicBool>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let hung = Arc::new(AtomicBool::new(false));
    let flag = hung.clone();
    tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            let Ok(server) = TcpStream::connect(&upstream).await else {
                continue;
            };
            let (client_read, client_write) = client.into_split();
            let (server_read, server_write) = server.into_split();
            tokio::spawn(relay(client_read, server_write, flag.clone()));
            tokio::spawn(relay(server_read, client_write, flag.clone()));
        }
    });
    (port, hung)
}

async fn relay(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    hung: Arc<AtomicBool>,
) {
    let mut buf = vec![0; 16 * 1024];
    loop {
        let n = match from.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => n,
        };
        while hung.load(Ordering::SeqCst) {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        if to.write_all(&buf[..n]).await.is_err() {
            return;
        }
    }
}

#[tokio::test]
async fn a_database_that_stops_answering_gets_bounded_503s_and_recovery() {
    let Some(server) = postgres_server() else {
        return; // SQLite is in-process: there is no network to lose.
    };
    let upstream = server
        .split('@')
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap()
        .to_owned();
    let (port, hung) = proxy(upstream.clone()).await;
    let app = spawn_app_with(|s| {
        s.database.url = s
            .database
            .url
            .replace(&upstream, &format!("127.0.0.1:{port}"));
    })
    .await;
    app.submit_ok("other", "before the partition").await;

    hung.store(true, Ordering::SeqCst);
    let started = Instant::now();
    let (status, answer) = app
        .submit(&json!({ "category": "other", "body": "during the partition" }))
        .await;
    let waited = started.elapsed();
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{answer}");
    assert!(
        answer["error"].as_str().unwrap().contains("try again"),
        "{answer}"
    );
    assert!(waited < Duration::from_secs(50), "answered in {waited:?}");
    let ready = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), StatusCode::SERVICE_UNAVAILABLE);

    hung.store(false, Ordering::SeqCst);
    let mut recovered = false;
    for _ in 0..30 {
        let r = app.client.get(app.url("/readyz")).send().await.unwrap();
        if r.status() == StatusCode::OK {
            recovered = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    assert!(recovered, "the service recovers on its own");
    app.submit_ok("other", "after the partition").await;
}
