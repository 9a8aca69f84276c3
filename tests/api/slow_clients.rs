//! Slow and flooding clients: a body trickled a byte at a time is cut off at a deadline,
//! and a client past its allowance is refused before its body is read.

use crate::helpers::{spawn_app, spawn_app_with, tls_stream};
use reqwest::StatusCode;
use std::io::{Read, Write};
use std::time::{Duration, Instant};

#[tokio::test]
async fn a_body_trickled_a_byte_at_a_time_is_cut_off_at_the_deadline() {
    let app = spawn_app().await;
    let mut stream = tls_stream(&app.settings.data_dir, app.port);
    let started = Instant::now();
    let answer = tokio::task::spawn_blocking(move || {
        let head = "POST /api/v1/tips HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n";
        stream.write_all(head.as_bytes()).unwrap();
        let mut answer = Vec::new();
        for _ in 0..100 {
            if stream.write_all(b" ").and_then(|_| stream.flush()).is_err() {
                break;
            }
            std::thread::sleep(Duration::from_millis(500));
            stream.sock.set_nonblocking(true).unwrap();
            let mut buf = [0; 4096];
            let read = stream.read(&mut buf);
            stream.sock.set_nonblocking(false).unwrap();
            if let Ok(n) = read {
                answer.extend_from_slice(&buf[..n]);
                if n == 0 || answer.windows(4).any(|w| w == b"\r\n\r\n") {
                    break;
                }
            }
        }
        String::from_utf8_lossy(&answer).into_owned()
    })
    .await
    .unwrap();
    let took = started.elapsed();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(
        took < Duration::from_secs(45),
        "the server hung up in time: {took:?}"
    );
    // Nothing was stored, and everyone else is still served.
    assert_eq!(app.store.count_tips().await.unwrap(), 0);
    app.submit_ok("other", "a tip after the slow client").await;
}

#[tokio::test]
async fn a_client_past_its_allowance_is_refused_before_its_body_is_read() {
    let app = spawn_app_with(|s| s.intake.rate_limit_per_minute = 2).await;
    for _ in 0..2 {
        app.submit_ok("other", "within the allowance").await;
    }
    // Larger than any form may be: read first, it would be refused as too large.
    let huge = "x".repeat(2 * 1024 * 1024);
    let r = app
        .client
        .post(app.url("/?lang=mi"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("body={huge}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(r.headers().contains_key("retry-after"));
    let page = r.text().await.unwrap();
    assert!(
        page.contains("lang=\"mi\""),
        "answered in the asked language"
    );
    assert_eq!(app.store.count_tips().await.unwrap(), 2);
}
