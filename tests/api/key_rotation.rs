//! Key rotation. The data key: rotated, then `tipline reencrypt` moves every ciphertext
//! to the new key in batches (a second run finds nothing to do), after which the new key
//! alone opens them all. The intake key across replicas: staged everywhere, then
//! promoted, so a tip sealed to either key is taken by any replica that has the files.

use crate::helpers::{spawn_app, TestApp};
use crate::replicas::replica_of;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::process::Command;
use tipline::crypto::at_rest::DataKeys;
use tipline::crypto::{from_b64url, keyring_file, sealing};
use tipline::domain::{Context, HandlerRole};
use tipline::store::rekey::{Rekeyed, COLUMNS};

/// Runs the CLI on the app's data directory and database, off the runtime's thread.
async fn cli(app: &TestApp, args: &[&str]) -> String {
    let (dir, url) = (
        app.settings.data_dir.clone(),
        app.settings.database.url.clone(),
    );
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let out = tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_tipline"))
            .args(&args)
            .env_remove("RUST_LOG")
            .env("TIPLINE_DATA_DIR", dir)
            .env("TIPLINE_DATABASE__URL", url)
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    said
}

/// How each column's ciphertexts fare under `keys` alone: opened (as "current") or not.
async fn readable_under(app: &TestApp, keys: &DataKeys) -> Vec<Rekeyed> {
    let mut all = Vec::new();
    for column in COLUMNS {
        let seen = app
            .store
            .reencrypt_column(column, 100, |context: Context<'_>, sealed: &[u8]| {
                keys.decrypt(context, sealed).map(|_| None)
            })
            .await
            .unwrap();
        all.push(seen);
    }
    all
}

#[tokio::test]
async fn after_a_data_key_rotation_reencrypt_leaves_nothing_for_the_old_key() {
    let app = spawn_app().await;
    // A draft, a question, a decision note and a case: every kind of data-key ciphertext
    // but the TOTP secrets, and a pending TOTP secret too.
    app.submit_ok(
        "forced_labour",
        "They keep our passports at the farm in Te Puke.",
    )
    .await;
    let ana = app.handler("ana", HandlerRole::Handler).await;
    let tip = app.first_pending(&ana).await;
    assert_eq!(ana.claim(&tip).await.status(), StatusCode::OK);
    let r = ana
        .post_json(
            &format!("/api/v1/review/tips/{tip}/questions"),
            &json!({ "question": "Which farm?" }),
        )
        .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    app.submit_ok("other", "A second tip, to be forwarded with a note.")
        .await;
    let pending = app.wait_for_pending(&ana, 1).await;
    let second = pending[0]["id"].as_str().unwrap().to_owned();
    assert_eq!(ana.claim(&second).await.status(), StatusCode::OK);
    let r = ana
        .decide(
            &second,
            &json!({ "action": "forward", "agencies": ["police", "mbie"], "note": "urgent" }),
        )
        .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let path = tipline::crypto::keys::Keys::data_key_path(&app.settings.data_dir);
    let old = keyring_file::load(&path, 32).unwrap();
    let ana_id = app
        .store
        .handler_by_username("ana")
        .await
        .unwrap()
        .unwrap()
        .id;
    let pending_secret =
        DataKeys::from_secrets(&old).encrypt(Context::TotpPending(ana_id), b"secret");
    app.store
        .set_totp_pending(ana_id, &pending_secret)
        .await
        .unwrap();

    let said = cli(&app, &["keygen", "--rotate-data"]).await;
    assert!(said.contains("data key rotated; 2 keys held"), "{said}");
    let new = keyring_file::load(&path, 32).unwrap();
    let new_alone = DataKeys::from_secrets(&new[..1]);
    let before = readable_under(&app, &new_alone).await;
    assert!(before.iter().all(|c| c.current == 0), "{before:?}");

    let said = cli(&app, &["reencrypt", "--batch", "1"]).await;
    for line in [
        "tips.draft: 2 re-encrypted",
        "tips.decision_note: 1 re-encrypted",
        "messages.body: 1 re-encrypted",
        "cases.body: 2 re-encrypted",
        "handlers.totp_pending: 1 re-encrypted",
    ] {
        assert!(said.contains(line), "{line} in {said}");
    }
    // Run again: nothing left to do.
    let again = cli(&app, &["reencrypt"]).await;
    assert!(
        again.contains("tips.draft: 0 re-encrypted, 2 already current"),
        "{again}"
    );
    let after = readable_under(&app, &new_alone).await;
    assert!(after.iter().all(|c| c.unreadable == 0), "{after:?}");
    assert_eq!(after.iter().map(|c| c.current).sum::<u64>(), 7, "{after:?}");

    // The service reads what was re-encrypted: the cases reach the agency.
    let token = app.agency_token("police").await;
    let replica = replica_of(&app).await;
    let r = app
        .client
        .post(format!("{replica}/api/v1/agency/cases/lease"))
        .bearer_auth(&token)
        .json(&json!({ "max": 5 }))
        .send()
        .await
        .unwrap();
    let leased: Value = r.json().await.unwrap();
    assert_eq!(leased["cases"].as_array().unwrap().len(), 1, "{leased}");
}

/// Sealed to the published intake key of the replica at `base`.
async fn sealed_tip(app: &TestApp, base: &str, text: &str) -> Value {
    let key: Value = app
        .client
        .get(format!("{base}/api/v1/intake-key"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let public = from_b64url(key["public_key"].as_str().unwrap()).unwrap();
    let plaintext = serde_json::to_vec(&json!({ "category": "other", "body": text })).unwrap();
    let envelope =
        sealing::seal_to_public_key(&public, key["key_id"].as_str().unwrap(), &plaintext).unwrap();
    json!({ "sealed": envelope })
}

async fn submit_to(app: &TestApp, base: &str, tip: &Value) -> StatusCode {
    app.client
        .post(format!("{base}/api/v1/tips"))
        .json(tip)
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn an_intake_key_staged_then_promoted_is_taken_by_every_replica() {
    let app = spawn_app().await;
    // The operator stages a new intake key; a replica restarted now holds both and
    // still publishes the old one.
    let said = cli(&app, &["keygen", "--stage-intake"]).await;
    assert!(said.contains("intake key staged"), "{said}");
    let staged = replica_of(&app).await;
    // Then promotes it; a replica restarted now publishes the new key.
    let said = cli(&app, &["keygen", "--promote-intake"]).await;
    assert!(said.contains("intake key promoted"), "{said}");
    let promoted = replica_of(&app).await;
    let old_key = sealed_tip(&app, &staged, "sealed to the old key").await;
    let new_key = sealed_tip(&app, &promoted, "sealed to the new key").await;
    assert_ne!(old_key["sealed"]["key_id"], new_key["sealed"]["key_id"]);
    // Mid-rollout, either key reaches either restarted replica.
    assert_eq!(
        submit_to(&app, &staged, &new_key).await,
        StatusCode::CREATED
    );
    assert_eq!(
        submit_to(&app, &promoted, &old_key).await,
        StatusCode::CREATED
    );
    // A replica not restarted since the key was staged cannot open the new key: why
    // the key is staged everywhere before it is promoted.
    assert_eq!(
        submit_to(&app, &app.base, &new_key).await,
        StatusCode::BAD_REQUEST
    );
    let h = app.handler("ana", HandlerRole::Handler).await;
    assert_eq!(app.wait_for_pending(&h, 2).await.len(), 2, "both drafted");
}
