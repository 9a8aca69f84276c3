//! Slow and flooding clients: a body trickled a byte at a time is cut off at a deadline
//! (a form with files, once a window of it brings too little), and a client past its
//! allowance is refused before its body is read.

use crate::helpers::{row_counts, spawn_app, spawn_app_with, tls_stream};
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

/// A report form with one text file, as `multipart/form-data` under `boundary`.
fn form_with_file(boundary: &str, file: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, value) in [
        ("lang", "en"),
        ("category", "worker_exploitation"),
        (
            "body",
            "The week's roster, sent from the orchard on a slow phone.",
        ),
        ("region", "unknown"),
    ] {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"roster.txt\"\r\n\
             Content-Type: text/plain\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    body
}

/// Posts `body` to `/` over a raw connection, `piece` bytes every `every`, and gives the
/// answer once the server answers (or hangs up).
fn paced_post(
    data_dir: &std::path::Path,
    port: u16,
    body: &[u8],
    piece: usize,
    every: Duration,
) -> String {
    let mut stream = tls_stream(data_dir, port);
    let head = format!(
        "POST /?lang=en HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=XyZ\r\n\
         Content-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    let mut answer = Vec::new();
    let mut buf = [0; 4096];
    for part in body.chunks(piece) {
        if stream.write_all(part).and_then(|_| stream.flush()).is_err() {
            break;
        }
        std::thread::sleep(every);
        // Through TLS, so only an answer counts (not the session tickets that follow
        // the handshake).
        stream.sock.set_nonblocking(true).unwrap();
        let read = stream.read(&mut buf);
        stream.sock.set_nonblocking(false).unwrap();
        match read {
            Ok(n) => {
                answer.extend_from_slice(&buf[..n]);
                break;
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(_) => break,
        }
    }
    // What is left of the answer, blocking (the connection's read timeout bounds it).
    while !String::from_utf8_lossy(&answer).contains("</html>") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => answer.extend_from_slice(&buf[..n]),
        }
    }
    String::from_utf8_lossy(&answer).into_owned()
}

/// A form with files has no fixed deadline: one that keeps up a least pace goes on for
/// as many windows as it needs (a 20 MB photo from a phone), while one that trickles is
/// cut off at the end of a window, answered 408, and stores nothing.
#[tokio::test]
async fn an_upload_that_keeps_its_pace_goes_on_and_a_trickle_is_cut_off() {
    let app = spawn_app_with(|s| {
        s.intake.upload_window_seconds = 1;
        s.intake.upload_min_bytes_per_second = 16 * 1024;
    })
    .await;
    let file = "Monday 6am to 9pm, Tuesday 6am to 9pm, no break.\n".repeat(25_000);
    let body = form_with_file("XyZ", file.as_bytes());
    let post = |piece: usize, every: Duration| {
        let (dir, port, body) = (app.settings.data_dir.clone(), app.port, body.clone());
        tokio::task::spawn_blocking(move || {
            let started = Instant::now();
            (
                paced_post(&dir, port, &body, piece, every),
                started.elapsed(),
            )
        })
    };
    // 64 KiB every 200 ms: 20 times the least pace, for about 4 seconds (4 windows).
    let steady = post(64 * 1024, Duration::from_millis(200)).await.unwrap();
    assert!(steady.0.starts_with("HTTP/1.1 200"), "{steady:?}");
    assert!(steady.0.contains("id=\"receipt\""), "{steady:?}");
    assert!(
        steady.1 > Duration::from_secs(3),
        "it took several windows: {steady:?}"
    );
    let after_steady = (row_counts(&app).await, file_rows(&app).await);
    assert_eq!(after_steady.1 .0, 1, "the file was kept");

    // 200 bytes every 250 ms: cut off at the end of the first window.
    let (line, took) = post(200, Duration::from_millis(250)).await.unwrap();
    assert!(line.starts_with("HTTP/1.1 408"), "{line}");
    assert!(line.contains("arrived too slowly"), "{line}");
    assert!(took < Duration::from_secs(10), "cut off in time: {took:?}");
    assert_eq!(
        (row_counts(&app).await, file_rows(&app).await),
        after_steady,
        "the trickle stored nothing"
    );
    app.submit_ok("other", "a tip after the slow upload").await;
}

/// Rows of the files' tables.
async fn file_rows(app: &crate::helpers::TestApp) -> (i64, i64) {
    let pool = app.raw_pool().await;
    let mut counts = [0; 2];
    for (count, table) in counts.iter_mut().zip(["attachments", "attachment_chunks"]) {
        *count = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&pool)
            .await
            .unwrap();
    }
    pool.close().await;
    (counts[0], counts[1])
}
