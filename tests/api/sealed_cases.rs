//! Cases sealed to the agency: an agency with an HPKE key in routing.toml gets its case
//! body sealed to that key at forwarding; it is stored and leased only as ciphertext,
//! and opens with the agency's private key (`tipline open-case`) to exactly the
//! approved text that an agency without a key receives in the clear.

use crate::helpers::spawn_app_with;
use reqwest::StatusCode;
use serde_json::Value;
use std::process::Command;
use tipline::crypto::keyring_file;
use tipline::crypto::sealing::{open_case, Envelope};
use tipline::domain::HandlerRole;

pub fn tipline(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tipline"))
        .args(args)
        .env_remove("RUST_LOG")
        .output()
        .unwrap()
}

/// Writes a routing file in `dir`, the embedded one with `key_line` (what `tipline agency
/// keygen` prints) added to MBIE's entry, and returns its path.
pub fn routing_giving_mbie(dir: &std::path::Path, key_line: &str) -> std::path::PathBuf {
    let categories = "categories = [\"trafficking\", \"forced_labour\", \"worker_exploitation\"]";
    let routing = tipline::routing::config::EMBEDDED.replacen(
        categories,
        &format!("{categories}\n{key_line}"),
        1,
    );
    let routing_file = dir.join("routing.toml");
    std::fs::write(&routing_file, routing).unwrap();
    routing_file
}

#[tokio::test]
async fn a_case_for_an_agency_with_a_key_is_stored_and_leased_only_sealed_to_it() {
    let dir = tempfile::tempdir().unwrap().keep();
    let key_file = dir.join("mbie-case-key");
    let out = tipline(&["agency", "keygen", "--out", key_file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = String::from_utf8(out.stdout).unwrap();
    assert!(line.starts_with("hpke_public_key = \""), "{line}");
    assert!(
        !tipline(&["agency", "keygen", "--out", key_file.to_str().unwrap()])
            .status
            .success(),
        "an existing key is never overwritten"
    );
    let routing_file = routing_giving_mbie(&dir, &line);
    let app = spawn_app_with(|s| s.routing.file = Some(routing_file)).await;

    let secret = "They keep our papers locked in the office at the yard";
    app.submit_ok("trafficking", &format!("{secret}, and the papers."))
        .await;
    let h = app.handler("hoani", HandlerRole::Handler).await;
    let tip = app.first_pending(&h).await;
    h.forward(&tip, &["police", "mbie"]).await;

    let police = app.agency_token("police").await;
    let (_, clear) = app.lease(&police, 1, 60).await;
    let approved = clear["cases"][0]["body"].as_str().unwrap().to_owned();
    assert!(approved.contains("in the office at the yard"), "{approved}");

    let mbie = app.agency_token("mbie").await;
    let (status, leased) = app.lease(&mbie, 1, 60).await;
    assert_eq!(status, StatusCode::OK);
    let case = &leased["cases"][0];
    assert!(case.get("body").is_none(), "{case}");
    let id = case["id"].as_str().unwrap();
    let sealed = &case["sealed"];
    assert_eq!(sealed["aad"], format!("case:{id}:body"));
    let keys: Vec<_> =
        serde_json::from_value(app.get_json("/api/v1/agency/signing-key").await["keys"].clone())
            .unwrap();
    assert!(
        tipline::agency::delivered::verify(case, &keys).is_ok(),
        "sealed cases are signed too"
    );

    // Stored only as the sealed envelope: not the text, and not the data key's ciphertext.
    let (stored, sealed_to): (Vec<u8>, Option<String>) = {
        use sqlx::Row;
        let row = sqlx::query("SELECT body, sealed_to FROM cases WHERE id = $1")
            .bind(id)
            .fetch_one(&app.raw_pool().await)
            .await
            .unwrap();
        (row.get("body"), row.get("sealed_to"))
    };
    let envelope: Envelope = serde_json::from_slice(&stored).unwrap();
    assert!(!app.database_contains("in the office at the yard").await);
    assert_eq!(sealed_to.as_deref(), Some(envelope.key_id.as_str()));
    assert_eq!(sealed["ct"], envelope.ct.as_str());
    let private = keyring_file::load(&key_file, 32).unwrap().remove(0);
    assert_eq!(
        open_case(&private, &format!("case:{id}:body"), &envelope).unwrap(),
        approved
    );
    assert!(
        open_case(&private, &"case:0123456789abcdef:body", &envelope).is_err(),
        "bound to its case"
    );
    assert!(open_case(
        &tipline::crypto::sealing::generate_private_key(),
        &format!("case:{id}:body"),
        &envelope
    )
    .is_err());

    // The agency's side, from the case as delivered.
    let case_file = dir.join("case.json");
    std::fs::write(&case_file, case.to_string()).unwrap();
    let out = tipline(&[
        "open-case",
        case_file.to_str().unwrap(),
        "--key",
        key_file.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("{approved}\n")
    );
    let mut altered: Value = case.clone();
    altered["id"] = "0123456789abcdef".into();
    std::fs::write(&case_file, altered.to_string()).unwrap();
    let out = tipline(&[
        "open-case",
        case_file.to_str().unwrap(),
        "--key",
        key_file.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
}
