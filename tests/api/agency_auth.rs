//! Agency authentication: named tokens with the days they were issued and last used,
//! listed and revoked from the command line (a revoked token stops at once); client
//! certificates from the configured CA, mapped to agencies by key fingerprint; an
//! agency that requires its certificate refuses a token alone; another CA's certificate
//! fails the handshake; reporters and handlers are never asked for a certificate.

use crate::helpers::{spawn_app_with, TestApp};
use rcgen::{BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::process::Command;
use std::time::Duration;
use tipline::domain::HandlerRole;

struct Ca {
    cert: rcgen::Certificate,
    key: KeyPair,
}

fn ca(name: &str) -> Ca {
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.distinguished_name.push(DnType::CommonName, name);
    let key = KeyPair::generate().unwrap();
    let cert = params.self_signed(&key).unwrap();
    Ca { cert, key }
}

/// A client certificate issued by `ca`: its PEM (certificate then key) and the SHA-256
/// of its SubjectPublicKeyInfo, as routing.toml names it.
fn client_cert(ca: &Ca, name: &str) -> (String, String) {
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.distinguished_name.push(DnType::CommonName, name);
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
    let key = KeyPair::generate().unwrap();
    let cert = params.signed_by(&key, &ca.cert, &ca.key).unwrap();
    let fingerprint = tipline::crypto::sha256_hex(&key.public_key_der());
    (
        format!("{}{}", cert.pem(), key.serialize_pem()),
        fingerprint,
    )
}

fn client_with(app: &TestApp, identity: Option<&str>) -> Client {
    let pem = std::fs::read(app.settings.data_dir.join("dev-cert.pem")).unwrap();
    let mut builder = Client::builder()
        .use_rustls_tls()
        .tls_built_in_root_certs(false)
        .add_root_certificate(reqwest::Certificate::from_pem(&pem).unwrap())
        .timeout(Duration::from_secs(30));
    if let Some(identity) = identity {
        builder = builder.identity(reqwest::Identity::from_pem(identity.as_bytes()).unwrap());
    }
    builder.build().unwrap()
}

async fn lease(
    app: &TestApp,
    client: &Client,
    token: Option<&str>,
) -> Result<(StatusCode, Value), reqwest::Error> {
    let mut request = client
        .post(app.url("/api/v1/agency/cases/lease"))
        .json(&json!({ "max": 5 }));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let r = request.send().await?;
    let status = r.status();
    Ok((status, r.json().await.unwrap_or(Value::Null)))
}

/// Police requires its certificate; MBIE takes its certificate or a token.
async fn app_with_certificates(police: &str, mbie: &str, ca_pem: &str) -> TestApp {
    let dir = tempfile::tempdir().unwrap().keep();
    let ca_file = dir.join("agency-ca.pem");
    std::fs::write(&ca_file, ca_pem).unwrap();
    let routing = tipline::routing::config::EMBEDDED
        .replace(
            "categories = [\"trafficking\", \"slavery\", \"forced_labour\"]",
            &format!("categories = [\"trafficking\", \"slavery\", \"forced_labour\"]\nclient_certificates = [\"{police}\"]\nrequire_client_certificate = true"),
        )
        .replace(
            "categories = [\"trafficking\", \"forced_labour\", \"worker_exploitation\"]",
            &format!("categories = [\"trafficking\", \"forced_labour\", \"worker_exploitation\"]\nclient_certificates = [\"{mbie}\"]"),
        );
    let routing_file = dir.join("routing.toml");
    std::fs::write(&routing_file, routing).unwrap();
    spawn_app_with(|s| {
        s.agency.client_ca = Some(ca_file);
        s.routing.file = Some(routing_file);
    })
    .await
}

#[tokio::test]
async fn client_certificates_authenticate_agencies_and_others_are_refused() {
    let agencies_ca = ca("Agencies CA");
    let (police_pem, police_fp) = client_cert(&agencies_ca, "police intake");
    let (mbie_pem, mbie_fp) = client_cert(&agencies_ca, "mbie intake");
    let (stranger_pem, _) = client_cert(&agencies_ca, "unregistered");
    let (other_ca_pem, _) = client_cert(&ca("Some other CA"), "police intake");
    let app = app_with_certificates(&police_fp, &mbie_fp, &agencies_ca.cert.pem()).await;

    app.submit_ok("trafficking", "They moved us to a house near the port.")
        .await;
    let h = app.handler("hoani", HandlerRole::Handler).await;
    let tip = app.first_pending(&h).await;
    h.forward(&tip, &["police", "mbie"]).await;

    // The police certificate leases the police case, and acks it under its lease.
    let police = client_with(&app, Some(&police_pem));
    let (status, leased) = lease(&app, &police, None).await.unwrap();
    assert_eq!(status, StatusCode::OK, "{leased}");
    let cases = leased["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0]["agency"], "police");
    let r = police
        .post(app.url(&format!(
            "/api/v1/agency/cases/{}/ack",
            cases[0]["id"].as_str().unwrap()
        )))
        .json(&json!({ "lease": cases[0]["lease"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);

    // A police token alone is refused: police requires its certificate.
    let police_token = app.agency_token("police").await;
    let anonymous = client_with(&app, None);
    let (status, body) = lease(&app, &anonymous, Some(&police_token)).await.unwrap();
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(
        body["error"]
            .as_str()
            .unwrap()
            .contains("must connect with its client certificate"),
        "{body}"
    );
    let (status, _) = lease(&app, &anonymous, None).await.unwrap();
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // MBIE: its certificate or its token; not its certificate with another's token.
    let mbie = client_with(&app, Some(&mbie_pem));
    let (status, leased) = lease(&app, &mbie, None).await.unwrap();
    assert_eq!(
        (status, leased["cases"][0]["agency"].as_str()),
        (StatusCode::OK, Some("mbie"))
    );
    let mbie_token = app.agency_token("mbie").await;
    assert_eq!(
        lease(&app, &anonymous, Some(&mbie_token)).await.unwrap().0,
        StatusCode::OK
    );
    let (status, body) = lease(&app, &mbie, Some(&police_token)).await.unwrap();
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");

    // The CA's certificate for nobody: 401. Another CA's: the handshake fails.
    let (status, body) = lease(&app, &client_with(&app, Some(&stranger_pem)), None)
        .await
        .unwrap();
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(
        body["error"].as_str().unwrap().contains("not registered"),
        "{body}"
    );
    assert!(
        lease(&app, &client_with(&app, Some(&other_ca_pem)), None)
            .await
            .is_err(),
        "a certificate from another CA fails the handshake"
    );

    // Reporters and handlers connect without a certificate, as before.
    assert_eq!(
        anonymous.get(app.url("/")).send().await.unwrap().status(),
        StatusCode::OK
    );
    assert_eq!(
        anonymous
            .get(app.url("/console/login"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
}

/// Runs the CLI against the test server's database. On the blocking pool: the test's
/// runtime must keep serving while the command waits, or a server task holding SQLite's
/// write lock could never finish and the command would wait it out.
async fn tipline(app: &TestApp, args: &[&str]) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tipline"));
    command
        .args(args)
        .env("TIPLINE_DATA_DIR", &app.settings.data_dir)
        .env("TIPLINE_DATABASE__URL", &app.settings.database.url)
        .env_remove("RUST_LOG");
    tokio::task::spawn_blocking(move || command.output().unwrap())
        .await
        .unwrap()
}

#[tokio::test]
async fn named_tokens_are_listed_with_their_days_and_a_revoked_one_stops_at_once() {
    let app = spawn_app_with(|_| {}).await;
    let out = tipline(
        &app,
        &[
            "agency",
            "token",
            "--agency",
            "police",
            "--name",
            "case system",
        ],
    )
    .await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    let out = tipline(
        &app,
        &[
            "agency",
            "token",
            "issue",
            "--agency",
            "police",
            "--name",
            "\u{7}bell",
        ],
    )
    .await;
    assert!(
        !out.status.success(),
        "a control character in a name is refused"
    );

    let list = || async {
        String::from_utf8(tipline(&app, &["agency", "token", "list"]).await.stdout).unwrap()
    };
    let before = list().await;
    let line = before
        .lines()
        .find(|l| l.contains("case system"))
        .unwrap()
        .to_owned();
    assert!(
        line.contains(&tipline::store::today()),
        "issued today: {line}"
    );
    assert!(line.contains("never"), "not used yet: {line}");

    assert_eq!(app.lease(&token, 1, 60).await.0, StatusCode::OK);
    let line = list()
        .await
        .lines()
        .find(|l| l.contains("case system"))
        .unwrap()
        .to_owned();
    assert!(!line.contains("never"), "used today: {line}");

    let short = line.split_whitespace().next().unwrap().to_owned();
    let out = tipline(&app, &["agency", "token", "revoke", &short[..6]]).await;
    assert!(!out.status.success(), "too short a prefix is refused");
    let out = tipline(&app, &["agency", "token", "revoke", &short]).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (status, body) = app.lease(&token, 1, 60).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    assert!(list()
        .await
        .lines()
        .any(|l| l.contains("case system") && l.contains("revoked")));
    let audit = app
        .store
        .audit_rows(Some("operator:cli"), None, 100)
        .await
        .unwrap();
    assert!(audit.iter().any(|r| r.entry.action == "token_revoked"));
    assert!(audit
        .iter()
        .any(|r| r.entry.action == "token_issued" && r.entry.detail.contains("name=case system")));
}
