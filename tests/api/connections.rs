//! Per-address connection caps: one address holds at most
//! `server.max_connections_per_address` connections; past it a connection is closed as
//! soon as it is accepted, and everyone else is served.

use crate::helpers::{client_from, spawn_app_with, tls_client, TestApp};
use reqwest::StatusCode;
use rustls::{ClientConnection, StreamOwned};
use std::net::{IpAddr, TcpStream};
use std::time::{Duration, Instant};

const CAP: usize = 4;

type Tls = StreamOwned<ClientConnection, TcpStream>;

/// A TCP connection to the app from `source` (any 127.0.0.0/8 address is this host).
async fn connect_from(app: &TestApp, source: &str) -> TcpStream {
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    let source: IpAddr = source.parse().unwrap();
    socket.bind((source, 0).into()).unwrap();
    let stream = socket
        .connect(([127, 0, 0, 1], app.port).into())
        .await
        .unwrap();
    let stream = stream.into_std().unwrap();
    stream.set_nonblocking(false).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(3)))
        .unwrap();
    stream
}

/// Completes a TLS handshake on `tcp`; an error when the server closes it instead.
async fn handshake(app: &TestApp, tcp: TcpStream) -> std::io::Result<Tls> {
    let connection = tls_client(&app.settings.data_dir);
    tokio::task::spawn_blocking(move || {
        let mut stream = StreamOwned::new(connection, tcp);
        while stream.conn.is_handshaking() {
            stream.conn.complete_io(&mut stream.sock)?;
        }
        Ok(stream)
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn an_address_past_its_cap_is_closed_at_once_and_others_are_served() {
    let app = spawn_app_with(|s| s.server.max_connections_per_address = CAP).await;
    // 127.0.0.3 is used by nothing else in this test, so it holds only what it opens.
    let mut held = Vec::new();
    for _ in 0..CAP {
        let tcp = connect_from(&app, "127.0.0.3").await;
        held.push(handshake(&app, tcp).await.expect("within the cap"));
    }
    let started = Instant::now();
    let refused = handshake(&app, connect_from(&app, "127.0.0.3").await).await;
    assert!(refused.is_err(), "the connection past the cap was served");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "closed at once, not timed out: {:?}",
        started.elapsed()
    );

    // Another address is served, and so is the harness's own client.
    let other = client_from(&app.settings.data_dir, "127.0.0.4".parse().unwrap());
    let r = other.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    app.submit_ok("other", "a tip while one address is at its cap")
        .await;

    // A connection that closes frees its place.
    drop(held.pop());
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        match handshake(&app, connect_from(&app, "127.0.0.3").await).await {
            Ok(_) => break,
            Err(e) if Instant::now() > deadline => panic!("no place was freed: {e}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
}
