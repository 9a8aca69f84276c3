//! The waiting-tips e-mail, sent to a local SMTP sink the test runs: how many tips wait
//! and a link, nothing of the tips; none when nothing has waited since an earlier day.

use crate::helpers::spawn_app_with;
use std::sync::{Arc, Mutex};
use tipline::config::SmtpTls;
use tipline::domain::HandlerRole;
use tipline::notify::Notifier;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// A minimal SMTP server on a free port: accepts any mail and keeps what DATA carried.
async fn smtp_sink() -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let mails = Arc::new(Mutex::new(Vec::new()));
    let kept = mails.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let kept = kept.clone();
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 sink ESMTP\r\n").await.unwrap();
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(body) = &mut data {
                        if line == "." {
                            kept.lock().unwrap().push(std::mem::take(body));
                            data = None;
                            write.write_all(b"250 kept\r\n").await.unwrap();
                        } else {
                            body.push_str(&line);
                            body.push('\n');
                        }
                        continue;
                    }
                    let verb = line.split_whitespace().next().unwrap_or("").to_uppercase();
                    let answer: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250 sink\r\n",
                        "DATA" => {
                            data = Some(String::new());
                            b"354 go on\r\n"
                        }
                        "QUIT" => {
                            write.write_all(b"221 bye\r\n").await.unwrap();
                            break;
                        }
                        _ => b"250 OK\r\n",
                    };
                    write.write_all(answer).await.unwrap();
                }
            });
        }
    });
    (port, mails)
}

fn tomorrow(today: &str) -> String {
    let day = time::Date::parse(
        today,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .unwrap();
    day.next_day()
        .unwrap()
        .format(time::macros::format_description!("[year]-[month]-[day]"))
        .unwrap()
}

#[tokio::test]
async fn the_waiting_tips_notice_says_how_many_and_nothing_of_them() {
    let (port, mails) = smtp_sink().await;
    let app = spawn_app_with(|s| {
        s.notify.smtp_host = Some("127.0.0.1".into());
        s.notify.smtp_port = port;
        s.notify.smtp_tls = SmtpTls::None;
        s.notify.from = "tipline@example.org".into();
        s.notify.to = vec!["handlers@example.org".into(), "lead@example.org".into()];
        s.notify.console_url = "https://tips.example.org/console/queue".into();
    })
    .await;
    for body in [
        "They keep our passports at the packhouse.",
        "Forced to work nights unpaid.",
    ] {
        app.submit_ok("forced_labour", body).await;
    }
    let handler = app.handler("hana", HandlerRole::Handler).await;
    let tips = app.wait_for_pending(&handler, 2).await;
    let notifier = Notifier::new(app.store.clone(), &app.settings.notify)
        .unwrap()
        .expect("configured");

    // Tips that arrived today have not waited a day: no e-mail.
    let today = tipline::store::today();
    assert_eq!(
        notifier
            .send_if_waiting(&today, &format!("{today}T08:00Z"))
            .await
            .unwrap(),
        None
    );
    assert!(mails.lock().unwrap().is_empty());

    // Tomorrow both have: one e-mail to everyone, a count and a link only; a second
    // replica at the same scheduled time sends nothing.
    let tomorrow = tomorrow(&today);
    let morning = format!("{tomorrow}T08:00Z");
    let replica = Notifier::new(app.store.clone(), &app.settings.notify)
        .unwrap()
        .expect("configured");
    assert_eq!(
        notifier.send_if_waiting(&tomorrow, &morning).await.unwrap(),
        Some(2)
    );
    assert_eq!(
        replica.send_if_waiting(&tomorrow, &morning).await.unwrap(),
        None
    );
    let sent = mails.lock().unwrap().clone();
    assert_eq!(sent.len(), 1);
    let mail = &sent[0];
    assert!(
        mail.contains("Subject: tipline: 2 tips waiting for review"),
        "{mail}"
    );
    assert!(
        mail.contains("https://tips.example.org/console/queue"),
        "{mail}"
    );
    assert!(
        mail.contains("To: handlers@example.org, lead@example.org"),
        "{mail}"
    );
    for secret in [
        "passports",
        "nights",
        "forced",
        tips[0]["id"].as_str().unwrap(),
    ] {
        assert!(!mail.to_lowercase().contains(secret), "{secret} in {mail}");
    }

    // A tip being read is not waiting.
    let id = tips[0]["id"].as_str().unwrap();
    assert_eq!(handler.claim(id).await.status(), reqwest::StatusCode::OK);
    assert_eq!(
        notifier
            .send_if_waiting(&tomorrow, &format!("{tomorrow}T16:00Z"))
            .await
            .unwrap(),
        Some(1)
    );
    assert!(mails.lock().unwrap()[1].contains("Subject: tipline: 1 tip waiting for review"));
}

/// A notice is no reason to weaken the rest: a plain connection only to this machine,
/// addresses that are addresses, times of day that are times.
#[test]
fn bad_notify_settings_are_refused_with_their_key() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tipline.toml");
    for (toml, key) in [
        (
            "[notify]\nsmtp_host = \"mail.example.org\"\nsmtp_tls = \"none\"\nfrom = \"a@example.org\"\nto = [\"b@example.org\"]",
            "notify.smtp_tls",
        ),
        (
            "[notify]\nsmtp_host = \"mail.example.org\"\nfrom = \"not an address\"\nto = [\"b@example.org\"]",
            "notify.from",
        ),
        (
            "[notify]\nsmtp_host = \"mail.example.org\"\nfrom = \"a@example.org\"\nto = [\"b@example.org\"]\nsend_at = [\"8 am\"]",
            "notify.send_at",
        ),
    ] {
        std::fs::write(&file, toml).unwrap();
        let err = tipline::config::Settings::load(Some(&file))
            .expect_err("refused")
            .to_string();
        assert!(err.contains(key), "{err}");
    }
}
