//! Signed cases: every delivered case carries an Ed25519 signature over the RFC 8785
//! canonical JSON of the case (without the delivery's members); it verifies with the
//! published key (in Rust, with `tipline verify-case`, and with Python's standard json
//! and the `cryptography` package), and a change to any byte of the case fails.

use crate::helpers::{spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::process::Command;
use tipline::agency::delivered::{verify, VerifyError};
use tipline::crypto::signing::PublicKeyInfo;
use tipline::domain::HandlerRole;

/// A tip with text that JSON must escape, forwarded to the police and leased: the case.
async fn leased_case(app: &TestApp) -> (Value, String) {
    app.submit_ok(
        "trafficking",
        "Te whare \"kōwhai\" near the wharf\\port:\n\tten workers, 不许离开, a tab\u{7f} and ✓.",
    )
    .await;
    let h = app.handler("hoani", HandlerRole::Handler).await;
    let id = app.first_pending(&h).await;
    h.forward(&id, &["police"]).await;
    let token = app.agency_token("police").await;
    let (status, leased) = app.lease(&token, 1, 60).await;
    assert_eq!(status, StatusCode::OK);
    (leased["cases"][0].clone(), token)
}

async fn published(app: &TestApp) -> (Value, Vec<PublicKeyInfo>) {
    let answer = app.get_json("/api/v1/agency/signing-key").await;
    let keys = serde_json::from_value(answer["keys"].clone()).unwrap();
    (answer, keys)
}

#[tokio::test]
async fn a_case_verifies_with_the_published_key_and_any_change_fails() {
    let app = spawn_app().await;
    let (case, token) = leased_case(&app).await;
    let (answer, keys) = published(&app).await;
    assert_eq!(answer["alg"], "Ed25519");
    assert_eq!(answer["key_id"], keys[0].key_id);
    assert_eq!(case["signature"]["key_id"], answer["key_id"]);
    assert_eq!(verify(&case, &keys), Ok(keys[0].key_id.clone()));

    // Every character of every signed member, changed, fails.
    let signed: Vec<String> = case
        .as_object()
        .unwrap()
        .keys()
        .filter(|k| !["lease", "lease_expires_at", "deliveries", "signature"].contains(&k.as_str()))
        .cloned()
        .collect();
    assert_eq!(
        signed,
        [
            "agency",
            "body",
            "category",
            "id",
            "kind",
            "received_on",
            "sequence"
        ]
    );
    // Which report an update follows, and where it comes, are signed too.
    let mut moved = case.clone();
    moved["sequence"] = 1.into();
    assert_eq!(verify(&moved, &keys), Err(VerifyError::Invalid));
    for member in signed.iter().filter(|m| *m != "sequence") {
        let value = case[member].as_str().unwrap();
        for (at, c) in value.char_indices() {
            let mut altered = case.clone();
            let other = if c == 'x' { 'y' } else { 'x' };
            altered[member] =
                format!("{}{other}{}", &value[..at], &value[at + c.len_utf8()..]).into();
            assert_eq!(
                verify(&altered, &keys),
                Err(VerifyError::Invalid),
                "{member}[{at}] changed"
            );
        }
        let mut removed = case.clone();
        removed.as_object_mut().unwrap().remove(member);
        assert_eq!(verify(&removed, &keys), Err(VerifyError::Invalid));
    }
    let mut added = case.clone();
    added["urgent"] = json!("yes");
    assert_eq!(verify(&added, &keys), Err(VerifyError::Invalid));
    let mut forged = case.clone();
    forged["signature"]["key_id"] = json!("0000000000000000");
    assert!(matches!(
        verify(&forged, &keys),
        Err(VerifyError::UnknownKey(_))
    ));
    // The delivery's own members are not the case: a later lease changes them.
    let mut redelivered = case.clone();
    redelivered["deliveries"] = json!(2);
    redelivered["lease"] = json!("tll_another");
    assert!(verify(&redelivered, &keys).is_ok());

    // Read again, the same case verifies the same.
    let (_, read) = app.get_case(&token, case["id"].as_str().unwrap()).await;
    assert_eq!(read["signature"], case["signature"]);
    assert!(verify(&read, &keys).is_ok());
}

#[tokio::test]
async fn verify_case_and_the_documented_python_check_agree() {
    let app = spawn_app().await;
    let (case, _) = leased_case(&app).await;
    let (answer, _) = published(&app).await;
    let dir = tempfile::tempdir().unwrap();
    let keys_file = dir.path().join("keys.json");
    std::fs::write(&keys_file, answer.to_string()).unwrap();
    let good = dir.path().join("case.json");
    std::fs::write(&good, serde_json::to_string_pretty(&case).unwrap()).unwrap();
    let mut tampered = case.clone();
    let body = case["body"].as_str().unwrap();
    tampered["body"] = body.replacen("ten", "two", 1).into();
    let bad = dir.path().join("tampered.json");
    std::fs::write(&bad, tampered.to_string()).unwrap();

    let cli = |file: &std::path::Path| {
        Command::new(env!("CARGO_BIN_EXE_tipline"))
            .args(["verify-case", file.to_str().unwrap(), "--keys"])
            .arg(&keys_file)
            .env_remove("RUST_LOG")
            .output()
            .unwrap()
    };
    let out = cli(&good);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("signature verifies"));
    let out = cli(&bad);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("does not verify"));

    // The service's own key file, without --keys, and a whole lease answer.
    let lease_answer = dir.path().join("lease.json");
    std::fs::write(&lease_answer, json!({ "cases": [case] }).to_string()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_tipline"))
        .args(["verify-case", lease_answer.to_str().unwrap()])
        .env("TIPLINE_DATA_DIR", &app.settings.data_dir)
        .env_remove("RUST_LOG")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The README's openssl 3 recipe, as written there.
    let has = |tool: &str, arg: &str| {
        Command::new(tool)
            .arg(arg)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if has("jq", "--version") && has("openssl", "version") {
        let recipe = |case: &std::path::Path| {
            Command::new("bash")
                .current_dir(dir.path())
                .arg("-c")
                .arg(format!(
                    "set -e; c={case:?}; \
                     jq -r '.keys[0].public_key_pem' keys.json > key.pem; \
                     python3 -c 'import json, sys\nc = json.load(open(sys.argv[1], encoding=\"utf-8\"))\nfor k in (\"lease\", \"lease_expires_at\", \"deliveries\", \"signature\"): c.pop(k, None)\nsys.stdout.buffer.write(json.dumps(c, sort_keys=True, separators=(\",\", \":\"), ensure_ascii=False).encode())' \"$c\" > message; \
                     jq -r '.signature.value + \"==\"' \"$c\" | tr '_-' '/+' | base64 -d > signature; \
                     openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in message -sigfile signature"
                ))
                .output()
                .unwrap()
        };
        let out = recipe(&good);
        assert!(
            out.status.success(),
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!recipe(&bad).status.success());
    } else {
        eprintln!("jq or openssl is not installed: the openssl recipe was not run");
    }

    let has_python = Command::new("python3")
        .args(["-c", "import cryptography"])
        .status()
        .is_ok_and(|s| s.success());
    if !has_python {
        eprintln!("python3 with cryptography is not installed: the documented check was not run");
        return;
    }
    let python = |file: &std::path::Path| {
        Command::new("python3")
            .arg(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/scripts/verify-case.py"
            ))
            .arg(file)
            .arg(&keys_file)
            .output()
            .unwrap()
    };
    let out = python(&good);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!python(&bad).status.success());
}

#[tokio::test]
async fn the_signing_key_file_is_made_owner_only_on_first_run() {
    let app = spawn_app().await;
    use std::os::unix::fs::PermissionsExt;
    let path = app.settings.data_dir.join("signing-key");
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}
