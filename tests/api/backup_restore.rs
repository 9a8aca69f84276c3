//! A backup restored into a fresh database, with a copy of the key files, serves the
//! same cases: the backup taken as README.md says (`VACUUM INTO` for SQLite, `pg_dump`
//! and `pg_restore` for PostgreSQL) while the service runs, and a new server started
//! on the restored database: the agency's token still works and leases the very cases
//! that were waiting, and they open; receipt codes still show each report's state and
//! a reporter can still answer a question.

use crate::helpers::{client_for, fresh_database, spawn_app, wait_healthy, Database, TestApp};
use crate::three_processes::follow_up_status;
use reqwest::StatusCode;
use serde_json::{json, Value};
use sqlx::Row;
use std::collections::HashSet;
use std::path::Path;
use std::process::Command;
use tipline::domain::HandlerRole;
use tipline::startup::Application;

/// Backs up the app's database into a fresh one; returns the fresh one's URL.
async fn backup_and_restore(app: &TestApp, dir: &Path) -> String {
    match &app.database {
        Database::Sqlite(_) => {
            let copy = dir.join("restored.db");
            sqlx::query(&format!("VACUUM INTO '{}'", copy.display()))
                .execute(&app.raw_pool().await)
                .await
                .unwrap();
            format!("sqlite://{}", copy.display())
        }
        Database::Postgres { url } => {
            let dump = dir.join("tipline.dump");
            run(Command::new("pg_dump")
                .args(["--format=custom", "--no-owner", "--file"])
                .arg(&dump)
                .arg(url));
            let (restored, _) = fresh_database(dir).await;
            run(Command::new("pg_restore")
                .args(["--no-owner", "--exit-on-error", "--dbname", &restored])
                .arg(&dump));
            restored
        }
    }
}

fn run(command: &mut Command) {
    let out = command
        .output()
        .expect("the PostgreSQL client tools are installed");
    assert!(
        out.status.success(),
        "{command:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Copies the key files into a new data directory, mode 0700, as README.md's restore
/// does; the dev certificate is not copied but made anew.
fn copy_keys(from: &Path, to: &Path) {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new().mode(0o700).create(to).unwrap();
    for key in ["intake-key", "data-key"] {
        // std::fs::copy keeps the 0600 mode.
        std::fs::copy(from.join(key), to.join(key)).unwrap();
    }
}

#[tokio::test]
async fn a_backup_restored_into_a_fresh_database_serves_the_same_cases() {
    let app = spawn_app().await;
    let ana = app.handler("ana", HandlerRole::Handler).await;
    let mut receipts = Vec::new();
    for i in 0..3 {
        let body = format!("Backup tip {i}: the packhouse in Hastings keeps our passports.");
        receipts.push(app.submit_ok("forced_labour", &body).await);
    }
    for tip in app.wait_for_pending(&ana, 3).await {
        ana.forward(tip["id"].as_str().unwrap(), &["police"]).await;
    }
    let asked = app
        .submit_ok("other", "The crew boss takes half our pay.")
        .await;
    let tip = app.first_pending(&ana).await;
    assert_eq!(ana.claim(&tip).await.status(), StatusCode::OK);
    let r = ana
        .post_json(
            &format!("/api/v1/review/tips/{tip}/questions"),
            &json!({ "question": "Which crew?" }),
        )
        .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let token = app.agency_token("police").await;
    let cases: HashSet<String> = sqlx::query("SELECT id FROM cases")
        .fetch_all(&app.raw_pool().await)
        .await
        .unwrap()
        .iter()
        .map(|r| r.get::<String, _>("id"))
        .collect();
    assert_eq!(cases.len(), 3);

    let dir = tempfile::tempdir().unwrap();
    let url = backup_and_restore(&app, dir.path()).await;
    let data_dir = dir.path().join("data");
    copy_keys(&app.settings.data_dir, &data_dir);
    let mut settings = app.settings.clone();
    settings.database.url = url;
    settings.data_dir = data_dir.clone();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let restored = Application::build_with_listener(settings, listener)
        .await
        .expect("a server builds on the restored database");
    let port = restored.port();
    tokio::spawn(restored.run_until_stopped());
    let client = client_for(&data_dir);
    wait_healthy(&client, port).await;
    let base = format!("https://localhost:{port}");

    let r = client
        .post(format!("{base}/api/v1/agency/cases/lease"))
        .bearer_auth(&token)
        .json(&json!({ "max": 10 }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let leased: Value = r.json().await.unwrap();
    let leased = leased["cases"].as_array().unwrap();
    let ids: HashSet<String> = leased
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, cases, "the same cases");
    for case in leased {
        assert!(
            case["body"]
                .as_str()
                .unwrap()
                .contains("keeps our passports"),
            "the case opens: {case}"
        );
    }
    for receipt in &receipts {
        assert_eq!(follow_up_status(&client, &base, receipt).await, "passed_on");
    }
    assert_eq!(follow_up_status(&client, &base, &asked).await, "question");
    let r = client
        .post(format!("{base}/follow-up/answer"))
        .form(&[("receipt", asked.as_str()), ("answer", "The night crew.")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        follow_up_status(&client, &base, &asked).await,
        "being_reviewed"
    );
}
