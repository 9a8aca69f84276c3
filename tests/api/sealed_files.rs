//! Files for an agency with a key (invariant 16): a file forwarded to an agency whose
//! routing entry gives an HPKE key is sealed to it for its case at forwarding, stored and
//! served only as that ciphertext, and opens only with the agency's private key
//! (`tipline open-attachment`) to the stripped copy an agency without a key is sent.

use crate::attachments::{claimed_with_files, fetch, report, send};
use crate::helpers::{spawn_app_with, TestApp};
use crate::sealed_cases::{routing_giving_mbie, tipline};
use reqwest::StatusCode;
use serde_json::{json, Value};
use sqlx::Row;
use std::path::{Path, PathBuf};
use tipline::agency::sealed_file::{self, OpenFileError};
use tipline::crypto::at_rest::DataKeys;
use tipline::crypto::signing::PublicKeyInfo;
use tipline::crypto::stream::{sealed_len, CHUNK_BYTES, TAG_BYTES};
use tipline::crypto::{keyring_file, sealing, sha256_hex};
use tipline::domain::HandlerRole;

/// A routing file giving MBIE a key made by `tipline agency keygen`; the private key's
/// file.
fn mbie_with_a_key(dir: &Path) -> (PathBuf, PathBuf) {
    let key_file = dir.join("mbie-key");
    let out = tipline(&["agency", "keygen", "--out", key_file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = String::from_utf8(out.stdout).unwrap();
    (routing_giving_mbie(dir, &line), key_file)
}

/// A PNG of noise, which PNG cannot shrink: its stripped copy spans several chunks, and
/// any piece of it found in the database is a leak, not a coincidence.
fn noisy_png(side: u32) -> Vec<u8> {
    let mut state = 0x9e37_79b9_u32;
    let pixels = image::RgbImage::from_fn(side, side, |_, _| {
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state as u8
        };
        image::Rgb([next(), next(), next()])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    pixels.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// The service's data keys, from its key file.
fn data_keys(app: &TestApp) -> DataKeys {
    let path = tipline::crypto::keys::Keys::data_key_path(&app.settings.data_dir);
    DataKeys::from_secrets(&keyring_file::load(&path, 32).unwrap())
}

async fn published(app: &TestApp) -> Vec<PublicKeyInfo> {
    serde_json::from_value(app.get_json("/api/v1/agency/signing-key").await["keys"].clone())
        .unwrap()
}

/// The sealed key and chunks stored for a file of a case.
async fn stored_for(app: &TestApp, case: &str, file: &str) -> (Option<Vec<u8>>, Vec<Vec<u8>>) {
    let pool = app.raw_pool().await;
    let key: Option<Vec<u8>> = sqlx::query(
        "SELECT sealed_key FROM case_attachments WHERE case_id = $1 AND attachment_id = $2",
    )
    .bind(case)
    .bind(file)
    .fetch_one(&pool)
    .await
    .unwrap()
    .get("sealed_key");
    let chunks: Vec<Vec<u8>> = sqlx::query_scalar(
        "SELECT ct FROM case_attachment_chunks WHERE case_id = $1 AND attachment_id = $2 \
         ORDER BY n",
    )
    .bind(case)
    .bind(file)
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    (key, chunks)
}

fn open(case: &Value, id: &str, key: &[u8], sealed: &[u8]) -> Result<Vec<u8>, OpenFileError> {
    let mut out = Vec::new();
    sealed_file::open(case, id, &[key.to_vec()], sealed, &mut out)?;
    Ok(out)
}

#[tokio::test]
async fn a_file_for_an_agency_with_a_key_is_sealed_to_it_and_opens_only_with_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let (routing_file, key_file) = mbie_with_a_key(dir.path());
    let app = spawn_app_with(|s| s.routing.file = Some(routing_file)).await;
    let (status, page) = send(&app, report(vec![("shed.png", noisy_png(480))])).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let handler = app.handler("aroha", HandlerRole::Handler).await;
    let tip = app.first_pending(&handler).await;
    let files = claimed_with_files(&handler, &tip, 1).await;
    let id = files[0]["id"].as_str().unwrap().to_owned();
    handler
        .decide_ok(
            &tip,
            &json!({ "action": "forward", "agencies": ["police", "mbie"], "attachments": [id] }),
        )
        .await;
    let keys = published(&app).await;

    // Police has no key: the stripped copy, as before.
    let police = app.agency_token("police").await;
    let (_, leased) = app.lease(&police, 1, 60).await;
    let listed = &leased["cases"][0]["attachments"][0];
    assert!(listed.get("sealed").is_none(), "{listed}");
    let (status, stripped) = fetch(&app, &police, listed["url"].as_str().unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(listed["sha256"].as_str().unwrap(), sha256_hex(&stripped));
    assert!(stripped.len() > 2 * CHUNK_BYTES, "{} bytes", stripped.len());

    // MBIE's copy is sealed to it: listed with its content key sealed to MBIE's key (and
    // signed with the case), served as ciphertext only.
    let mbie = app.agency_token("mbie").await;
    let (_, leased) = app.lease(&mbie, 1, 60).await;
    let case = leased["cases"][0].clone();
    let case_id = case["id"].as_str().unwrap().to_owned();
    let listed = &case["attachments"][0];
    assert_eq!(listed["id"], id.as_str());
    assert_eq!(listed["sha256"].as_str().unwrap(), sha256_hex(&stripped));
    let sealed = &listed["sealed"];
    assert_eq!(sealed["aad"], format!("case:{case_id}:attachment:{id}"));
    assert_eq!(sealed["chunk_bytes"], CHUNK_BYTES);
    let document: Value = serde_json::from_str(crate::openapi::DOCUMENT).unwrap();
    crate::openapi::check(&document, "LeasedCase", &case);
    assert!(tipline::agency::delivered::verify(&case, &keys).is_ok());
    let mut altered = case.clone();
    altered["attachments"][0]["sealed"]["enc"] = case["sealed"]["enc"].clone();
    assert!(
        tipline::agency::delivered::verify(&altered, &keys).is_err(),
        "the signature covers the file's sealed key"
    );
    let r = app
        .client
        .get(app.url(listed["url"].as_str().unwrap()))
        .bearer_auth(&mbie)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/octet-stream");
    let ciphertext = r.bytes().await.unwrap().to_vec();
    assert_eq!(ciphertext.len(), sealed_len(stripped.len()));
    assert_eq!(
        ciphertext.len(),
        stripped.len() + TAG_BYTES * stripped.len().div_ceil(CHUNK_BYTES)
    );
    assert!(!crate::helpers::contains(
        &ciphertext,
        &stripped[4096..4160]
    ));

    // Stored as served: MBIE's row holds the sealed key and its chunks, nothing under the
    // data key; police's holds neither, and no piece of the file is in the clear.
    let (sealed_key, chunks) = stored_for(&app, &case_id, &id).await;
    let envelope: sealing::Envelope = serde_json::from_slice(&sealed_key.unwrap()).unwrap();
    assert_eq!(sealed["ct"], envelope.ct.as_str());
    assert_eq!(chunks.concat(), ciphertext);
    assert_eq!(chunks.len(), stripped.len().div_ceil(CHUNK_BYTES));
    let data = data_keys(&app);
    for (n, chunk) in chunks.iter().enumerate() {
        let id = tipline::domain::AttachmentId::parse(&id).unwrap();
        assert!(
            data.decrypt(tipline::domain::Context::AttachmentStripped(&id), chunk)
                .is_err(),
            "chunk {n} opens under the data key"
        );
    }
    let police_case = leased_case_of(&app, "police").await;
    assert_eq!(stored_for(&app, &police_case, &id).await, (None, vec![]));
    let dump = app.database_dump().await;
    assert!(!crate::helpers::contains(&dump, &stripped[4096..4160]));

    // Only MBIE's private key opens it, and only as this file of this case, whole.
    let private = keyring_file::load(&key_file, 32).unwrap().remove(0);
    assert_eq!(open(&case, &id, &private, &ciphertext).unwrap(), stripped);
    let stranger = sealing::generate_private_key();
    assert!(matches!(
        open(&case, &id, &stranger, &ciphertext),
        Err(OpenFileError::WrongKey(_))
    ));
    let mut moved = case.clone();
    moved["id"] = police_case.as_str().into();
    assert!(
        open(&moved, &id, &private, &ciphertext).is_err(),
        "bound to its case"
    );
    let cut = &ciphertext[..CHUNK_BYTES + TAG_BYTES];
    assert!(matches!(
        open(&case, &id, &private, cut),
        Err(OpenFileError::Unauthentic)
    ));
    let mut flipped = ciphertext.clone();
    flipped[CHUNK_BYTES + 7] ^= 1;
    assert!(matches!(
        open(&case, &id, &private, &flipped),
        Err(OpenFileError::Unauthentic)
    ));
    let mut lied = case.clone();
    lied["attachments"][0]["sha256"] = sha256_hex(b"another file").into();
    assert!(matches!(
        open(&lied, &id, &private, &ciphertext),
        Err(OpenFileError::WrongDigest)
    ));

    // The agency's tool, from the case and the file as fetched.
    let case_file = dir.path().join("case.json");
    std::fs::write(&case_file, case.to_string()).unwrap();
    let fetched = dir.path().join("fetched.sealed");
    std::fs::write(&fetched, &ciphertext).unwrap();
    let opened = dir.path().join("shed.png");
    let args = |out: &Path, key: &Path| {
        tipline(&[
            "open-attachment",
            case_file.to_str().unwrap(),
            fetched.to_str().unwrap(),
            "--id",
            &id,
            "--key",
            key.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
    };
    let out = args(&opened, &key_file);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read(&opened).unwrap(), stripped);
    let out = args(&opened, &key_file);
    assert!(
        !out.status.success(),
        "an existing file is never overwritten"
    );
    std::fs::write(&fetched, &flipped).unwrap();
    let spoiled = dir.path().join("spoiled.png");
    let out = args(&spoiled, &key_file);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not open"));
    assert!(!spoiled.exists(), "nothing is left to take for the file");

    // Another agency still gets nothing of it.
    let labour = app.agency_token("labour-inspectorate").await;
    let (status, _) = fetch(&app, &labour, listed["url"].as_str().unwrap()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

/// The id of the one case `agency` holds.
async fn leased_case_of(app: &TestApp, agency: &str) -> String {
    let pool = app.raw_pool().await;
    let id: String = sqlx::query_scalar("SELECT id FROM cases WHERE agency_id = $1")
        .bind(agency)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    id
}

/// Retention, rekeying and undo with sealed files: a file sent only to agencies with keys
/// loses its data-key copy at retention while the agency can still fetch and open it;
/// `reencrypt` has nothing of it to take; an undone forward leaves no sealed copy.
#[tokio::test]
async fn retention_undo_and_rekeying_keep_to_the_sealed_copy() {
    let dir = tempfile::tempdir().unwrap();
    let (routing_file, key_file) = mbie_with_a_key(dir.path());
    let app = spawn_app_with(|s| {
        s.routing.file = Some(routing_file);
        // Long enough to undo in, short enough to wait out.
        s.review.undo_seconds = 5;
    })
    .await;
    let (status, page) = send(&app, report(vec![("shed.png", noisy_png(40))])).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let handler = app.handler("aroha", HandlerRole::Handler).await;
    let tip = app.first_pending(&handler).await;
    let files = claimed_with_files(&handler, &tip, 1).await;
    let id = files[0]["id"].as_str().unwrap().to_owned();
    let forward = json!({ "action": "forward", "agencies": ["mbie"], "attachments": [id] });
    handler.decide_ok(&tip, &forward).await;
    let count = |table: &'static str| {
        let app = &app;
        async move {
            let pool = app.raw_pool().await;
            let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
                .fetch_one(&pool)
                .await
                .unwrap();
            pool.close().await;
            n
        }
    };
    assert_eq!(count("case_attachment_chunks").await, 1);
    // Taken back: the case goes, and its sealed copy with it; the file may change again.
    let r = handler
        .post_json(&format!("/api/v1/review/tips/{tip}/undo"), &json!({}))
        .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        (
            count("case_attachments").await,
            count("case_attachment_chunks").await
        ),
        (0, 0)
    );
    let r = handler
        .post_json(
            &format!("/api/v1/review/tips/{tip}/attachments/{id}/black-out"),
            &json!({ "x": 0, "y": 0, "width": 4, "height": 4 }),
        )
        .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    handler.decide_ok(&tip, &forward).await;
    let stripped = app
        .store
        .stripped_attachment(
            &tipline::domain::TipId::parse(&tip).unwrap(),
            &tipline::domain::AttachmentId::parse(&id).unwrap(),
            &data_keys(&app),
        )
        .await
        .unwrap()
        .unwrap()
        .1;

    // Past retention the data key's copy is gone: only MBIE's sealed copy is left.
    let now = tipline::store::now();
    let later = tipline::store::day_of(now + 91 * 86_400);
    assert_eq!(app.store.apply_retention(&later, 90, now).await.unwrap(), 1);
    let pool = app.raw_pool().await;
    let copies: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM attachments WHERE stripped IS NOT NULL OR stripped_key IS NOT NULL",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    assert_eq!((copies, count("attachment_stripped_chunks").await), (0, 0));
    for column in [
        tipline::store::rekey::Column::AttachmentStripped,
        tipline::store::rekey::Column::AttachmentStrippedKey,
    ] {
        let done = app
            .store
            .reencrypt_column(column, 100, |_, _| Ok(None))
            .await
            .unwrap();
        assert_eq!(done.current + done.rewritten + done.unreadable, 0);
    }

    // Leased once the undo window has passed.
    tokio::time::sleep(std::time::Duration::from_millis(5500)).await;
    let mbie = app.agency_token("mbie").await;
    let (_, leased) = app.lease(&mbie, 1, 60).await;
    let case = &leased["cases"][0];
    let (status, ciphertext) =
        fetch(&app, &mbie, case["attachments"][0]["url"].as_str().unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    let private = keyring_file::load(&key_file, 32).unwrap().remove(0);
    assert_eq!(open(case, &id, &private, &ciphertext).unwrap(), stripped);
}

/// A stripped copy stored whole under the data key (before migration 0025 stored copies
/// in chunks) is read as before: sent in the clear to an agency without a key, and
/// sealed a chunk at a time to one with a key, the same file to both.
#[tokio::test]
async fn a_copy_stored_whole_before_copies_were_chunked_is_still_sent_and_sealed() {
    let dir = tempfile::tempdir().unwrap();
    let (routing_file, key_file) = mbie_with_a_key(dir.path());
    let app = spawn_app_with(|s| s.routing.file = Some(routing_file)).await;
    let (status, page) = send(&app, report(vec![("shed.png", noisy_png(480))])).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let handler = app.handler("aroha", HandlerRole::Handler).await;
    let tip = app.first_pending(&handler).await;
    let files = claimed_with_files(&handler, &tip, 1).await;
    let id = files[0]["id"].as_str().unwrap().to_owned();
    let file = tipline::domain::AttachmentId::parse(&id).unwrap();
    let data = data_keys(&app);
    let copy = app
        .store
        .stripped_attachment(&tipline::domain::TipId::parse(&tip).unwrap(), &file, &data)
        .await
        .unwrap()
        .unwrap()
        .1;
    assert!(copy.len() > 2 * CHUNK_BYTES, "{} bytes", copy.len());
    let pool = app.raw_pool().await;
    sqlx::query("DELETE FROM attachment_stripped_chunks WHERE attachment_id = $1")
        .bind(&id)
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("UPDATE attachments SET stripped = $2, stripped_key = NULL WHERE id = $1")
        .bind(&id)
        .bind(data.encrypt(tipline::domain::Context::AttachmentStripped(&file), &copy))
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    handler
        .decide_ok(
            &tip,
            &json!({ "action": "forward", "agencies": ["police", "mbie"], "attachments": [id] }),
        )
        .await;

    let police = app.agency_token("police").await;
    let (_, leased) = app.lease(&police, 1, 60).await;
    let url = leased["cases"][0]["attachments"][0]["url"]
        .as_str()
        .unwrap();
    let (status, clear) = fetch(&app, &police, url).await;
    assert_eq!(status, StatusCode::OK);
    assert!(clear == copy, "police was sent another file");
    let mbie = app.agency_token("mbie").await;
    let (_, leased) = app.lease(&mbie, 1, 60).await;
    let case = &leased["cases"][0];
    let (status, ciphertext) =
        fetch(&app, &mbie, case["attachments"][0]["url"].as_str().unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    let private = keyring_file::load(&key_file, 32).unwrap().remove(0);
    assert!(open(case, &id, &private, &ciphertext).unwrap() == copy);
}

/// Rows in `table`.
async fn rows(app: &TestApp, table: &str) -> i64 {
    let pool = app.raw_pool().await;
    let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    n
}

/// Files are sealed to an agency before the decision commits (`store::staged`), so a
/// forward can fail with some sealed: here the second file's stored copy no longer
/// opens, part way through it. Nothing is sent, the tip stays with its handler, nothing
/// sealed is left, and no agency can fetch either file. Forwarded again without the
/// spoiled file, exactly the file chosen reaches each agency.
#[tokio::test]
async fn a_forward_that_fails_part_way_sends_nothing_and_leaves_nothing_sealed() {
    let dir = tempfile::tempdir().unwrap();
    let (routing_file, key_file) = mbie_with_a_key(dir.path());
    let app = spawn_app_with(|s| s.routing.file = Some(routing_file)).await;
    let form = report(vec![
        ("shed.png", noisy_png(480)),
        ("bunks.png", noisy_png(460)),
    ]);
    let (status, page) = send(&app, form).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let handler = app.handler("aroha", HandlerRole::Handler).await;
    let tip = app.first_pending(&handler).await;
    let files = claimed_with_files(&handler, &tip, 2).await;
    let ids: Vec<String> = files
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_owned())
        .collect();
    let (good, spoiled) = (&ids[0], &ids[1]);

    // The second file's middle chunk is altered (as a failing disk or a lost data key
    // would leave it): its first chunk is sealed to MBIE before the forward fails.
    let pool = app.raw_pool().await;
    let chunk = |n: i64| {
        sqlx::query_scalar::<_, Vec<u8>>(
            "SELECT ct FROM attachment_stripped_chunks WHERE attachment_id = $1 AND n = $2",
        )
        .bind(spoiled)
        .bind(n)
    };
    assert!(chunk(2).fetch_optional(&pool).await.unwrap().is_some());
    let kept = chunk(1).fetch_one(&pool).await.unwrap();
    let mut altered = kept.clone();
    altered[100] ^= 1;
    let put = |ct: Vec<u8>| {
        sqlx::query(
            "UPDATE attachment_stripped_chunks SET ct = $2 WHERE attachment_id = $1 AND n = 1",
        )
        .bind(spoiled)
        .bind(ct)
    };
    put(altered).execute(&pool).await.unwrap();
    let both = json!({ "action": "forward", "agencies": ["police", "mbie"], "attachments": ids });
    let r = handler.decide(&tip, &both).await;
    assert!(r.status().is_server_error(), "{}", r.status());

    let view = handler
        .get_json(&format!("/api/v1/review/tips/{tip}"))
        .await;
    assert_eq!(view["status"], "in_review", "{view}");
    for table in [
        "cases",
        "case_attachments",
        "case_attachment_chunks",
        "staged_case_files",
    ] {
        assert_eq!(rows(&app, table).await, 0, "{table}");
    }
    let mbie = app.agency_token("mbie").await;
    let police = app.agency_token("police").await;
    for token in [&mbie, &police] {
        let (status, leased) = app.lease(token, 5, 60).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            leased["cases"].as_array().map(Vec::len),
            Some(0),
            "{leased}"
        );
        for id in &ids {
            let url = format!("/api/v1/agency/attachments/{id}");
            assert_eq!(fetch(&app, token, &url).await.0, StatusCode::NOT_FOUND);
        }
    }

    // Put right, the spoiled file is withheld and the other forwarded: each agency gets
    // exactly that one, MBIE's sealed to it, and nothing staged is left over.
    put(kept).execute(&pool).await.unwrap();
    pool.close().await;
    let one = json!({ "action": "forward", "agencies": ["police", "mbie"], "attachments": [good] });
    handler.decide_ok(&tip, &one).await;
    assert_eq!(rows(&app, "staged_case_files").await, 0);
    let stripped = app
        .store
        .stripped_attachment(
            &tipline::domain::TipId::parse(&tip).unwrap(),
            &tipline::domain::AttachmentId::parse(good).unwrap(),
            &data_keys(&app),
        )
        .await
        .unwrap()
        .unwrap()
        .1;
    assert_eq!(
        rows(&app, "case_attachment_chunks").await as usize,
        stripped.len().div_ceil(CHUNK_BYTES)
    );
    let (_, leased) = app.lease(&mbie, 5, 60).await;
    let case = &leased["cases"][0];
    let listed: Vec<&str> = case["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(listed, [good.as_str()]);
    let (status, ciphertext) =
        fetch(&app, &mbie, case["attachments"][0]["url"].as_str().unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    let private = keyring_file::load(&key_file, 32).unwrap().remove(0);
    assert!(open(case, good, &private, &ciphertext).unwrap() == stripped);
    let (_, leased) = app.lease(&police, 5, 60).await;
    let listed = leased["cases"][0]["attachments"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(listed.len(), 1, "{leased}");
    let (status, clear) = fetch(&app, &police, listed[0]["url"].as_str().unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(clear == stripped, "police was sent another file");
    for token in [&mbie, &police] {
        let url = format!("/api/v1/agency/attachments/{spoiled}");
        assert_eq!(fetch(&app, token, &url).await.0, StatusCode::NOT_FOUND);
    }
}

/// What a forward stopped part way leaves (the process ended, or its deadline passed,
/// before it could drop what it had sealed): the hourly sweep drops it once an hour old,
/// but neither a forward that may still be under way nor what was sent.
#[tokio::test]
async fn the_hourly_sweep_drops_what_an_abandoned_forward_sealed() {
    let dir = tempfile::tempdir().unwrap();
    let (routing_file, _) = mbie_with_a_key(dir.path());
    let app = spawn_app_with(|s| s.routing.file = Some(routing_file)).await;
    let (status, page) = send(&app, report(vec![("shed.png", noisy_png(480))])).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let handler = app.handler("aroha", HandlerRole::Handler).await;
    let tip = app.first_pending(&handler).await;
    let files = claimed_with_files(&handler, &tip, 1).await;
    let id = files[0]["id"].as_str().unwrap().to_owned();
    let forward = json!({ "action": "forward", "agencies": ["mbie"], "attachments": [id] });
    handler.decide_ok(&tip, &forward).await;
    let sent = rows(&app, "case_attachment_chunks").await;
    assert!(sent > 1, "{sent} chunks");

    let now = tipline::store::now();
    let pool = app.raw_pool().await;
    for (case, staged_at, chunks) in [("case-left", now - 7200, 3), ("case-now", now - 60, 1)] {
        sqlx::query(
            "INSERT INTO staged_case_files \
               (case_id, attachment_id, sealed_key, stripped_sha256, staged_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(case)
        .bind(&id)
        .bind(b"{}".to_vec())
        .bind(sha256_hex(b"a copy"))
        .bind(staged_at)
        .execute(&pool)
        .await
        .unwrap();
        for n in 0..chunks {
            sqlx::query(
                "INSERT INTO case_attachment_chunks (case_id, attachment_id, n, ct) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(case)
            .bind(&id)
            .bind(n)
            .bind(vec![7u8; 64])
            .execute(&pool)
            .await
            .unwrap();
        }
    }
    pool.close().await;
    let today = tipline::store::day_of(now);
    assert!(app
        .store
        .hourly_sweep(&today, 90, now)
        .await
        .unwrap()
        .is_some());
    let pool = app.raw_pool().await;
    let left: Vec<String> = sqlx::query_scalar("SELECT case_id FROM staged_case_files")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(left, ["case-now"]);
    let abandoned: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM case_attachment_chunks WHERE case_id = 'case-left'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    assert_eq!(abandoned, 0);
    assert_eq!(rows(&app, "case_attachment_chunks").await, sent + 1);

    // What was sent is still there for MBIE, whole.
    let mbie = app.agency_token("mbie").await;
    let (_, leased) = app.lease(&mbie, 1, 60).await;
    let listed = &leased["cases"][0]["attachments"][0];
    let (status, ciphertext) = fetch(&app, &mbie, listed["url"].as_str().unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        ciphertext.len(),
        sealed_len(listed["size"].as_u64().unwrap() as usize)
    );
}
