//! Liveness and readiness, and `tipline probe`, the health check the container image
//! runs (no HTTP client in it): a 200 from this machine's own server, over TLS pinned to
//! the configured certificate.

use crate::helpers::spawn_app;
use reqwest::StatusCode;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

#[tokio::test]
async fn a_serving_replica_is_live_and_ready() {
    let app = spawn_app().await;
    let live = app.get("/healthz").await;
    assert_eq!(live.status(), StatusCode::OK);
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), StatusCode::OK);
    let body: Value = ready.json().await.unwrap();
    assert_eq!(body["status"], "ready");
}

/// `tipline probe` with a server's settings (the data directory that holds its dev
/// certificate, and its address), as a container's HEALTHCHECK runs it; on a blocking
/// thread, so the server in this test's runtime goes on serving.
async fn probe(data_dir: &Path, listen: String, path: &str) -> (bool, String, String) {
    let (data_dir, path) = (data_dir.to_owned(), path.to_owned());
    let out = tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_tipline"))
            .args(["probe", "--path", &path, "--timeout", "3"])
            .env_remove("RUST_LOG")
            .env("TIPLINE_DATA_DIR", data_dir)
            .env("TIPLINE_SERVER__LISTEN", listen)
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test]
async fn the_probe_passes_for_its_own_server_and_fails_for_any_other() {
    let app = spawn_app().await;
    let dir = &app.settings.data_dir;
    for path in ["/readyz", "/healthz"] {
        // An unspecified listen address is probed on loopback.
        let (ok, said, err) = probe(dir, format!("0.0.0.0:{}", app.port), path).await;
        assert!(ok, "{path}: {said} {err}");
        assert!(said.contains("200 OK"), "{said}");
    }
    // Another server (its own dev certificate) on that address is not ours.
    let other = spawn_app().await;
    let (ok, _, err) = probe(dir, format!("127.0.0.1:{}", other.port), "/readyz").await;
    assert!(!ok);
    assert!(err.contains("certificate"), "{err}");
    // Nothing listening.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let closed_port = closed.local_addr().unwrap().port();
    drop(closed);
    let (ok, _, err) = probe(dir, format!("127.0.0.1:{closed_port}"), "/healthz").await;
    assert!(!ok);
    assert!(err.contains("cannot connect"), "{err}");
}
