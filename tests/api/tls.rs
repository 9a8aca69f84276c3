//! Invariant 1: TLS only, 1.2 or newer; HSTS on every response.

use crate::helpers::spawn_app;
use reqwest::StatusCode;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

async fn exchange(port: u16, request: &[u8]) -> Vec<u8> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    stream.write_all(request).await.unwrap();
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer)).await;
    answer
}

#[tokio::test]
async fn plain_http_gets_no_http_response() {
    let app = spawn_app().await;
    let answer = exchange(
        app.port,
        b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n",
    )
    .await;
    assert!(
        !answer.starts_with(b"HTTP/"),
        "a plaintext HTTP answer: {:?}",
        String::from_utf8_lossy(&answer)
    );
    assert!(!crate::helpers::contains(&answer, b"ok"));
}

/// A ClientHello that offers TLS 1.1 and nothing newer.
fn tls11_client_hello() -> Vec<u8> {
    let mut hello = vec![0x03, 0x02]; // client_version TLS 1.1
    hello.extend([0x42; 32]); // random
    hello.push(0); // no session id
    hello.extend([0x00, 0x04, 0xc0, 0x13, 0x00, 0x2f]); // two TLS 1.1 cipher suites
    hello.extend([0x01, 0x00]); // null compression
    let mut handshake = vec![0x01, 0x00, (hello.len() >> 8) as u8, hello.len() as u8];
    handshake.extend(hello);
    let mut record = vec![
        0x16,
        0x03,
        0x02,
        (handshake.len() >> 8) as u8,
        handshake.len() as u8,
    ];
    record.extend(handshake);
    record
}

#[tokio::test]
async fn a_tls_1_1_client_is_refused() {
    let app = spawn_app().await;
    let answer = exchange(app.port, &tls11_client_hello()).await;
    assert!(!answer.is_empty(), "the server should answer with an alert");
    assert_eq!(
        answer[0], 0x15,
        "expected a TLS alert record, got {answer:02x?}"
    );
    // A fatal alert: handshake_failure (40) or protocol_version (70); no ServerHello.
    assert_eq!(answer[5], 2, "{answer:02x?}");
    assert!([40, 70].contains(&answer[6]), "{answer:02x?}");
    assert!(!answer.contains(&0x16), "{answer:02x?}");
}

#[tokio::test]
async fn responses_carry_hsts_and_a_tls12_client_is_served() {
    let app = spawn_app().await;
    let r = app.get("/healthz").await;
    assert_eq!(r.status(), StatusCode::OK);
    let hsts = r
        .headers()
        .get("strict-transport-security")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(
        hsts.starts_with("max-age=") && hsts.contains("includeSubDomains"),
        "{hsts}"
    );
    let r = app.get("/no/such/page").await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert!(r.headers().get("strict-transport-security").is_some());

    let pem = std::fs::read(app.settings.data_dir.join("dev-cert.pem")).unwrap();
    let tls12 = reqwest::Client::builder()
        .use_rustls_tls()
        .tls_built_in_root_certs(false)
        .add_root_certificate(reqwest::Certificate::from_pem(&pem).unwrap())
        .max_tls_version(reqwest::tls::Version::TLS_1_2)
        .build()
        .unwrap();
    let r = tls12.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}
