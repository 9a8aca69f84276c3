//! The command line: the `redact --jsonl` contract, rule checking, handler and agency
//! administration, and configuration errors.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};
use tipline::config::Settings;
use tipline::store::credentials::{Account, Attempt};

fn tipline(dir: &std::path::Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tipline"))
        .args(args)
        .current_dir(dir)
        .env_remove("RUST_LOG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn redact_jsonl_follows_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let text_in = "Ngā mihi, ring 021 555 1234 or 021-555-1234, mail me@example.org";
    let input = format!(
        "{}\n\n{}\n",
        serde_json::json!({ "id": "a", "text": text_in, "extra": 1 }),
        serde_json::json!({ "id": "b", "text": "nothing here" })
    );
    let out = tipline(dir.path(), &["redact", "--jsonl"], &input);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines: Vec<Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(
        lines[0]["redacted"],
        "Ngā mihi, ring [PHONE-1] or [PHONE-1], mail [EMAIL-1]"
    );
    for span in lines[0]["spans"].as_array().unwrap() {
        let (start, end) = (
            span["start"].as_u64().unwrap() as usize,
            span["end"].as_u64().unwrap() as usize,
        );
        let value = &text_in.as_bytes()[start..end];
        match span["kind"].as_str().unwrap() {
            "PHONE" => assert!(value == b"021 555 1234" || value == b"021-555-1234"),
            "EMAIL" => assert_eq!(value, b"me@example.org"),
            other => panic!("unexpected kind {other}"),
        }
        assert!(span["rule"].as_str().is_some_and(|r| !r.is_empty()));
    }
    assert_eq!(
        lines[1],
        serde_json::json!({ "id": "b", "redacted": "nothing here", "spans": [] })
    );

    let bad = tipline(dir.path(), &["redact", "--jsonl"], "{\"id\": 1}\n");
    assert!(!bad.status.success());
    assert!(
        text(&bad.stderr).contains("line 1: missing field `text`"),
        "{}",
        text(&bad.stderr)
    );
}

#[test]
fn check_rules_reports_counts_and_names_bad_rules() {
    let dir = tempfile::tempdir().unwrap();
    let out = tipline(dir.path(), &["check-rules"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("PHONE=") && stdout.contains("EMAIL="),
        "{stdout}"
    );
    assert!(stdout.contains("all rule examples pass"), "{stdout}");

    let rules = dir.path().join("rules");
    std::fs::create_dir(&rules).unwrap();
    std::fs::write(
        rules.join("broken.toml"),
        "[[rule]]\nid = \"bad-one\"\nkind = \"PHONE\"\ndescription = \"d\"\npattern = \"([0-9]\"\n",
    )
    .unwrap();
    let out = tipline(dir.path(), &["check-rules", "--dir", "rules"], "");
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("broken.toml: rule `bad-one`: bad pattern"),
        "{stderr}"
    );

    std::fs::write(
        rules.join("broken.toml"),
        "[[rule]]\nid = \"phone-ish\"\nkind = \"PHONE\"\ndescription = \"d\"\npattern = \"[0-9]{3}\"\nexamples = { match = [\"12\"] }\n",
    )
    .unwrap();
    let out = tipline(dir.path(), &["check-rules", "--dir", "rules"], "");
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("rule `phone-ish`: example \"12\" is not"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_bad_config_value_names_the_key_and_what_is_allowed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("tipline.toml"),
        "[review]\nclaim_minutes = 0\n",
    )
    .unwrap();
    let out = tipline(dir.path(), &["--config", "tipline.toml", "migrate"], "");
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("`review.claim_minutes`: must be between 1 and 1440"),
        "{}",
        text(&out.stderr)
    );

    std::fs::write(
        dir.path().join("tipline.toml"),
        "[server]\nlisten = \"localhost\"\n",
    )
    .unwrap();
    let out = tipline(dir.path(), &["--config", "tipline.toml", "migrate"], "");
    assert!(
        text(&out.stderr).contains("`server.listen`"),
        "{}",
        text(&out.stderr)
    );

    let out = Command::new(env!("CARGO_BIN_EXE_tipline"))
        .args(["migrate"])
        .current_dir(dir.path())
        .env("TIPLINE_DATABASE__URL", "mysql://nope")
        .output()
        .unwrap();
    assert!(
        text(&out.stderr).contains("`database.url`: must start with sqlite:"),
        "{}",
        text(&out.stderr)
    );

    let out = tipline(dir.path(), &["--config", "missing.toml", "migrate"], "");
    assert!(
        text(&out.stderr).contains("config file missing.toml does not exist"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        !dir.path().join("data").exists(),
        "a failed start created nothing"
    );
}

#[test]
fn handlers_and_agency_tokens_are_administered_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = tipline(
        dir.path(),
        &[
            "handler",
            "add",
            "--username",
            "alice",
            "--role",
            "handler",
            "--password-stdin",
        ],
        "a long enough password\n",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = tipline(
        dir.path(),
        &["handler", "add", "--username", "alice", "--role", "admin"],
        "",
    );
    assert!(
        text(&out.stderr).contains("a handler named `alice` already exists"),
        "{}",
        text(&out.stderr)
    );
    let out = tipline(
        dir.path(),
        &[
            "handler",
            "add",
            "--username",
            "bob",
            "--role",
            "admin",
            "--password-stdin",
        ],
        "short\n",
    );
    assert!(
        text(&out.stderr).contains("at least 12 characters"),
        "{}",
        text(&out.stderr)
    );
    let out = tipline(
        dir.path(),
        &[
            "handler",
            "add",
            "--username",
            "Bob Smith",
            "--role",
            "admin",
        ],
        "",
    );
    assert!(
        text(&out.stderr).contains("--username: use 1 to 64 lowercase letters"),
        "{}",
        text(&out.stderr)
    );
    let out = tipline(
        dir.path(),
        &[
            "handler",
            "add",
            "--username",
            "carol",
            "--role",
            "supervisor",
        ],
        "",
    );
    assert!(out.status.success());
    let shown = text(&out.stdout);
    let password = shown
        .split("password: ")
        .nth(1)
        .unwrap()
        .lines()
        .next()
        .unwrap();
    assert!(password.len() >= 20, "{shown}");

    let out = tipline(dir.path(), &["agency", "token", "--agency", "police"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).trim().starts_with("tla_"));
    let out = tipline(dir.path(), &["agency", "token", "--agency", "fbi"], "");
    assert!(text(&out.stderr)
        .contains("unknown agency `fbi`; expected one of labour-inspectorate, mbie, police"));

    // Neither the password nor the token is stored in the clear.
    let db = std::fs::read(dir.path().join("data/tipline.db")).unwrap();
    let wal = std::fs::read(dir.path().join("data/tipline.db-wal")).unwrap_or_default();
    let all = [db, wal].concat();
    for secret in ["a long enough password", password] {
        assert!(
            !all.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "{secret} stored in the clear"
        );
    }

    // The operator's actions are audited like an admin's in the console.
    let url = format!("sqlite://{}", dir.path().join("data/tipline.db").display());
    let rows = tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = tipline::store::Store::connect(&url, 1).await.unwrap();
        store
            .audit_rows(Some("operator:cli"), None, 100)
            .await
            .unwrap()
    });
    let actions: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r.entry.action.as_str(), r.entry.detail.as_str()))
        .collect();
    assert_eq!(actions.len(), 3, "{actions:?}");
    assert!(actions.contains(&("handler_added", "username=alice; role=handler")));
    assert!(actions.contains(&("handler_added", "username=carol; role=supervisor")));
    assert!(
        actions
            .iter()
            .any(|(a, d)| *a == "token_issued" && d.starts_with("agency=police")),
        "{actions:?}"
    );

    // A locked-out handler is let back in from the command line, audited.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let store = runtime
        .block_on(tipline::store::Store::connect(&url, 1))
        .unwrap();
    let alice = runtime
        .block_on(store.handler_by_username("alice"))
        .unwrap()
        .unwrap();
    let now = tipline::store::now();
    let throttle = tipline::review::signin::throttle(&Settings::default().review);
    let attempt = || {
        runtime
            .block_on(store.reserve_sign_in_attempt(Account::Handler(alice.id), throttle, now))
            .unwrap()
    };
    for _ in 0..5 {
        attempt();
    }
    assert_eq!(
        attempt(),
        Attempt::TooEarly {
            not_before: now + 30
        },
        "alice must wait"
    );
    let out = tipline(
        dir.path(),
        &["handler", "unlock", "--username", "alice"],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        attempt(),
        Attempt::Counted { number: 1, wait: 0 },
        "the count starts again"
    );
    let rows = runtime
        .block_on(store.audit_rows(Some("operator:cli"), None, 100))
        .unwrap();
    assert!(rows
        .iter()
        .any(|r| r.entry.action == "lockout_cleared" && r.entry.detail == "username=alice"));
    let out = tipline(
        dir.path(),
        &["handler", "unlock", "--username", "nobody"],
        "",
    );
    assert!(text(&out.stderr).contains("no handler named `nobody`"));

    // Every account action of the console, from the command line, audited the same way.
    let out = tipline(dir.path(), &["handler", "list"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let listed = text(&out.stdout);
    assert!(
        listed.lines().any(|l| l.starts_with("alice ")
            && l.contains("handler")
            && l.contains("not set up")
            && l.contains("enabled")),
        "{listed}"
    );
    for (args, input, action) in [
        (vec!["disable"], "", "handler_disabled"),
        (vec!["enable"], "", "handler_enabled"),
        (
            vec!["reset-password", "--password-stdin"],
            "a brand new long password\n",
            "password_reset",
        ),
        (vec!["reset-totp"], "", "totp_reset"),
    ] {
        let mut argv = vec!["handler"];
        argv.extend(args.iter().take(1));
        argv.extend(["--username", "alice"]);
        argv.extend(args.iter().skip(1));
        let out = tipline(dir.path(), &argv, input);
        assert!(out.status.success(), "{argv:?}: {}", text(&out.stderr));
        let rows = runtime
            .block_on(store.audit_rows(Some("operator:cli"), None, 1))
            .unwrap();
        assert_eq!(
            (rows[0].entry.action.as_str(), rows[0].entry.detail.as_str()),
            (action, "username=alice"),
            "{argv:?}"
        );
    }
    let alice = runtime
        .block_on(store.handler_by_username("alice"))
        .unwrap()
        .unwrap();
    assert!(tipline::crypto::password::verify(
        "a brand new long password",
        Some(&alice.password_hash)
    ));
    // A generated password is printed once; a change that changes nothing is refused.
    let out = tipline(
        dir.path(),
        &["handler", "reset-password", "--username", "alice"],
        "",
    );
    assert!(
        text(&out.stdout).contains("new password: "),
        "{}",
        text(&out.stdout)
    );
    let out = tipline(
        dir.path(),
        &["handler", "enable", "--username", "alice"],
        "",
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("`alice` is enabled: nothing to do"));
}

#[test]
fn keygen_rotates_keys_keeping_the_old_ones() {
    let dir = tempfile::tempdir().unwrap();
    let out = tipline(dir.path(), &["keygen"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let first = text(&out.stdout);
    let out = tipline(
        dir.path(),
        &[
            "keygen",
            "--rotate-intake",
            "--rotate-data",
            "--rotate-signing",
        ],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    for file in ["intake-key", "data-key", "signing-key"] {
        let keys = std::fs::read_to_string(dir.path().join("data").join(file)).unwrap();
        assert_eq!(keys.lines().count(), 2, "{file}");
    }
    let out = tipline(dir.path(), &["keygen"], "");
    let now = text(&out.stdout);
    for key in ["intake key id", "signing key id"] {
        let line = |all: &str| all.lines().find(|l| l.starts_with(key)).unwrap().to_owned();
        assert_ne!(line(&now), line(&first), "the new {key} is current");
    }
    // Both signing keys are published: cases signed before the rotation still verify.
    let keys = tipline::crypto::signing::SigningKeys::load_or_create(
        &dir.path().join("data").join("signing-key"),
    )
    .unwrap()
    .0
    .public_keys();
    assert_eq!(keys.len(), 2);
}

/// The database URL can come from a file (a container secret), so its password is in no
/// environment variable or config file; a file that cannot be read names the key.
#[test]
fn the_database_url_can_be_read_from_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("db-url");
    std::fs::write(&secret, "postgres://tipline:s3cret@db/tipline\n").unwrap();
    let config = dir.path().join("tipline.toml");
    std::fs::write(
        &config,
        format!("[database]\nurl_file = \"{}\"\n", secret.display()),
    )
    .unwrap();
    let settings = Settings::load(Some(&config)).unwrap();
    assert_eq!(
        settings.database.url,
        "postgres://tipline:s3cret@db/tipline"
    );
    assert!(!format!("{settings:?}").contains("s3cret"));
    std::fs::remove_file(&secret).unwrap();
    let error = Settings::load(Some(&config)).unwrap_err().to_string();
    assert!(
        error.contains("`database.url_file`: cannot read"),
        "{error}"
    );
}

/// `tipline redact --jsonl | head`: the reader going away early is no error.
#[test]
fn redact_stops_quietly_when_its_reader_goes_away() {
    let dir = tempfile::tempdir().unwrap();
    let line = "{\"id\":\"t\",\"text\":\"Call Sione on 021 555 0101 about the orchard.\"}\n";
    let input = line.repeat(20_000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_tipline"))
        .args(["redact", "--jsonl"])
        .current_dir(dir.path())
        .env_remove("RUST_LOG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut first = [0u8; 64];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        !text(&out.stderr).contains("Broken pipe"),
        "{}",
        text(&out.stderr)
    );
}
