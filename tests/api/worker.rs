//! The redaction worker: a tip it cannot open is reported and skipped, never a block.

use crate::helpers::{logs, spawn_app};
use tipline::domain::{Category, HandlerRole, TipId};
use tipline::store::tips::NewTip;
use tipline::store::{self};

#[tokio::test]
async fn an_unopenable_tip_does_not_hold_back_the_queue() {
    let app = spawn_app().await;
    let damaged = NewTip {
        id: TipId::new(),
        category: Category::Other,
        received_on: store::today(),
        sealed: b"{\"key_id\":\"gone\",\"enc\":\"AA\",\"ct\":\"AA\"}".to_vec(),
        receipt_hash: "not-a-real-receipt-hash".into(),
        submission_hash: None,
        channel: tipline::domain::Channel::Api,
        region: tipline::domain::Region::Unknown,
        taken_by: None,
    };
    let damaged_id = damaged.id.clone();
    app.store.insert_tip(damaged).await.unwrap();
    app.submit_ok("trafficking", "A later tip about the house on the hill.")
        .await;

    let h = app.handler("pita", HandlerRole::Handler).await;
    let pending = app.wait_for_pending(&h, 1).await;
    assert_eq!(pending.len(), 1);
    assert_ne!(pending[0]["id"], damaged_id.as_str());
    let waiting = app.store.waiting_to_draft().await.unwrap();
    assert_eq!(waiting, 1, "the damaged tip stays in `received`");
    assert!(
        logs().text().contains(&format!("tip={damaged_id}")),
        "the damaged tip was reported"
    );
}

/// The server and the worker run side by side: when the worker stops for good (here its
/// database is closed under it), the process is told and stops serving instead of taking
/// tips nobody drafts.
#[tokio::test]
async fn a_worker_that_stops_stops_the_service_with_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _database) = crate::helpers::fresh_database(dir.path()).await;
    let mut settings = tipline::config::Settings {
        data_dir: dir.path().join("data"),
        ..tipline::config::Settings::default()
    };
    settings.database.url = url;
    settings.redaction.poll_seconds = 1;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let app = tipline::startup::Application::build_with_listener(settings, listener)
        .await
        .unwrap();
    let store = app.store().clone();
    let running = tokio::spawn(app.run_until_stopped());
    store.close().await;
    let stopped = tokio::time::timeout(std::time::Duration::from_secs(20), running)
        .await
        .expect("the service stops once its worker has")
        .unwrap();
    let error = stopped
        .expect_err("a stopped worker is an error")
        .to_string();
    assert!(error.contains("redaction worker stopped"), "{error}");
    assert!(
        std::net::TcpStream::connect(("127.0.0.1", port)).is_err(),
        "the server no longer listens"
    );
}

/// Replicas' workers never strip one file twice: on PostgreSQL a file claimed for
/// stripping stays locked until its outcome is stored, and a claim from another replica
/// passes it by (`FOR UPDATE SKIP LOCKED`); a claim dropped unfinished frees the file.
/// SQLite has one process, and no lock.
#[tokio::test]
async fn a_file_claimed_for_stripping_is_passed_by_until_its_claim_ends() {
    if crate::helpers::postgres_server().is_none() {
        return;
    }
    // Two stores on one fresh database, no server: a running worker would claim the
    // files itself (its first pass may start after the rows are in).
    let dir = tempfile::tempdir().unwrap();
    let (url, _database) = crate::helpers::fresh_database(dir.path()).await;
    let mine = store::Store::connect(&url, 4).await.unwrap();
    mine.migrate().await.unwrap();
    let pool = sqlx::PgPool::connect(&url).await.unwrap();
    for (id, tip) in [
        ("00000000000000a1", "tip-one"),
        ("00000000000000a2", "tip-two"),
    ] {
        sqlx::query(
            "INSERT INTO attachments (id, tip_id, position, kind, state, sealed_key, created_on) \
             VALUES ($1, $2, 1, 'png', 'received', $3, '2026-01-01')",
        )
        .bind(id)
        .bind(tip)
        .bind(b"not a key".to_vec())
        .execute(&pool)
        .await
        .unwrap();
    }
    pool.close().await;
    let replica = store::Store::connect(&url, 4).await.unwrap();
    let first = mine.claim_received_attachment().await.unwrap().unwrap();
    let second = replica.claim_received_attachment().await.unwrap().unwrap();
    assert_eq!(first.attachment.id.as_str(), "00000000000000a1");
    assert_eq!(second.attachment.id.as_str(), "00000000000000a2");
    assert!(replica.claim_received_attachment().await.unwrap().is_none());
    // The first worker stops short (a crash, an error): the file waits for another once
    // the dropped transaction's rollback has run (sqlx runs it as the connection goes back
    // to its pool, after the drop returns).
    drop(first);
    let mut again = None;
    for _ in 0..100 {
        again = replica.claim_received_attachment().await.unwrap();
        if again.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let again = again.expect("the file is free again once its claim is dropped");
    assert_eq!(again.attachment.id.as_str(), "00000000000000a1");
    // An outcome stored under a claim ends it: the file is no longer waiting.
    replica
        .mark_unreadable(again, tipline::attachments::Unreadable::Malformed)
        .await
        .unwrap();
    replica
        .mark_unreadable(second, tipline::attachments::Unreadable::Malformed)
        .await
        .unwrap();
    assert!(mine.claim_received_attachment().await.unwrap().is_none());
}
