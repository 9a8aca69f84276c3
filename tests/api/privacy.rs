//! Invariants 2 and 3: no reporter metadata is kept or logged, nothing readable at rest.

use crate::helpers::{logs, spawn_app};
use reqwest::StatusCode;
use serde_json::json;
use tipline::domain::HandlerRole;

const FORWARDED_FOR: &str = "203.0.113.77";
const USER_AGENT: &str = "CanaryAgent/9.9 (reporter-phone-canary)";
const REFERER: &str = "https://referer-canary.example/leak";
const BODY_CANARY: &str = "ZEBRA-CANARY-7731 works at the orchard";

#[tokio::test]
async fn reporter_metadata_and_tip_text_are_neither_stored_nor_logged() {
    let app = spawn_app().await;
    let r = app
        .client
        .post(app.url("/api/v1/tips?src=query-canary"))
        .header("X-Forwarded-For", FORWARDED_FOR)
        .header("X-Real-IP", FORWARDED_FOR)
        .header("User-Agent", USER_AGENT)
        .header("Referer", REFERER)
        .json(&json!({ "category": "slavery", "body": BODY_CANARY, "location": "Nelson" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    assert!(
        r.headers().get("set-cookie").is_none(),
        "intake sets no cookie"
    );

    // Take the tip all the way through, so drafts, cases and audit rows exist too.
    let h = app.handler("tama", HandlerRole::Handler).await;
    let id = app.first_pending(&h).await;
    h.claim(&id).await;
    let r = h
        .decide(
            &id,
            &json!({ "action": "forward", "agencies": ["police"], "note": "NOTE-CANARY-55" }),
        )
        .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);

    for needle in [
        FORWARDED_FOR,
        USER_AGENT,
        "reporter-phone-canary",
        "referer-canary",
        "query-canary",
        "127.0.0.1",
    ] {
        assert!(
            !app.database_contains(needle).await,
            "{needle} reached the database"
        );
        assert!(!logs().text().contains(needle), "{needle} reached the logs");
    }
    for needle in ["ZEBRA-CANARY-7731", "NOTE-CANARY-55", "Nelson"] {
        assert!(
            !app.database_contains(needle).await,
            "{needle} is readable in the database"
        );
        assert!(!logs().text().contains(needle), "{needle} reached the logs");
    }
    // The logs did record the request, so the check above looked at real output.
    assert!(
        logs().text().contains("route=/api/v1/tips"),
        "{}",
        logs().text()
    );
}

#[tokio::test]
async fn arrival_time_is_kept_only_as_a_day() {
    let app = spawn_app().await;
    app.submit_ok("other", "Something is wrong at the vineyard.")
        .await;
    let token = app.agency_token("labour-inspectorate").await;
    let h = app.handler("rua", HandlerRole::Handler).await;
    let tip = &app.wait_for_pending(&h, 1).await[0];
    let day = tip["received_on"].as_str().unwrap();
    assert!(
        time::Date::parse(
            day,
            time::macros::format_description!("[year]-[month]-[day]")
        )
        .is_ok(),
        "{day}"
    );
    let id = tip["id"].as_str().unwrap();
    h.claim(id).await;
    h.decide(
        id,
        &json!({ "action": "forward", "agencies": ["labour-inspectorate"] }),
    )
    .await;
    let (_, leased) = app.lease(&token, 1, 60).await;
    assert_eq!(leased["cases"][0]["received_on"], day);
}

#[tokio::test]
async fn the_key_files_are_private_to_the_service_user() {
    use std::os::unix::fs::PermissionsExt;
    let app = spawn_app().await;
    let dir = &app.settings.data_dir;
    assert_eq!(
        std::fs::metadata(dir).unwrap().permissions().mode() & 0o777,
        0o700
    );
    for file in ["intake-key", "data-key", "dev-key.pem"] {
        let mode = std::fs::metadata(dir.join(file))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "{file} is readable by others: {mode:o}");
    }
}

/// No column ties a tip to a time finer than its day (invariant 2): the schema as
/// migrated, on either backend, has no timestamp in `tips` or `messages` but the days.
#[tokio::test]
async fn tips_and_messages_keep_only_days() {
    let app = spawn_app().await;
    app.submit_ok("other", "a tip to make sure the tables are in use")
        .await;
    for table in ["tips", "messages"] {
        let columns = app.columns_of(table).await;
        assert!(
            columns.iter().any(|c| c == "tip_id" || c == "received_on"),
            "{columns:?}"
        );
        let timed: Vec<_> = columns
            .iter()
            .filter(|c| c.ends_with("_at") && !c.starts_with("claim"))
            .collect();
        assert!(timed.is_empty(), "{table} keeps exact times: {timed:?}");
    }
}

/// The SQLite database and the files SQLite keeps beside it are readable by the service's
/// user only.
#[tokio::test]
async fn the_sqlite_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let app = spawn_app().await;
    let crate::helpers::Database::Sqlite(path) = &app.database else {
        return;
    };
    app.submit_ok("other", "a tip so that the WAL is written")
        .await;
    let mut checked = 0;
    for suffix in ["", "-wal", "-shm"] {
        let file = format!("{}{suffix}", path.display());
        if let Ok(meta) = std::fs::metadata(&file) {
            assert_eq!(
                meta.permissions().mode() & 0o077,
                0,
                "{file} is readable by others"
            );
            checked += 1;
        }
    }
    assert!(checked >= 2, "the database and its WAL exist");
}

/// `scripts/privacy-audit` against the binary this suite built: the whole flow with
/// canaries in every place a reporter's identity or timing could ride, and nothing of
/// them kept (on PostgreSQL when the suite runs there).
#[tokio::test]
async fn the_privacy_audit_finds_nothing() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut args = vec![
        format!("{root}/scripts/privacy-audit"),
        "--binary".to_owned(),
        env!("CARGO_BIN_EXE_tipline").to_owned(),
    ];
    if let Some(server) = crate::helpers::postgres_server() {
        args.extend(["--postgres".to_owned(), server]);
    }
    let out = tokio::task::spawn_blocking(move || {
        std::process::Command::new("python3")
            .args(&args)
            .output()
            .expect("python3 runs the privacy audit")
    })
    .await
    .unwrap();
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{report}");
    assert!(report.contains("privacy audit passed"), "{report}");
}
