//! How long a failed sign-in takes for a handler who exists and for a username that
//! names nobody, against the real server over TLS (SQLite in a temporary directory):
//! the checked failures (argon2 against the real or the dummy hash, one counting write,
//! one audit row) and the attempts refused too early. The two must not be told apart.
//! `cargo run --release --example sign_in_timing [-- names [cookie]]` (default 40 names
//! each, four checked and four refused attempts per name, the two kinds interleaved;
//! with `cookie`, every attempt brings a device cookie that is no device of the
//! account, which is looked up whatever the name).

use std::time::{Duration, Instant};
use tipline::config::Settings;
use tipline::crypto::password;
use tipline::domain::actor::OPERATOR_AUDIT_NAME;
use tipline::domain::HandlerRole;
use tipline::startup::Application;

struct Summary {
    median: f64,
    mean: f64,
    p10: f64,
    p90: f64,
    n: usize,
}

fn summary(mut ms: Vec<f64>) -> Summary {
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
    Summary {
        median: at(0.5),
        mean: ms.iter().sum::<f64>() / ms.len() as f64,
        p10: at(0.1),
        p90: at(0.9),
        n: ms.len(),
    }
}

fn show(what: &str, s: &Summary) {
    println!(
        "{what:<28} n={:<4} median {:>7.2} ms  mean {:>7.2} ms  p10 {:>7.2}  p90 {:>7.2}",
        s.n, s.median, s.mean, s.p10, s.p90
    );
}

#[tokio::main]
async fn main() {
    let names: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(40);
    let with_cookie = std::env::args().nth(2).as_deref() == Some("cookie");
    tipline::telemetry::init(std::io::sink);
    let dir = tempfile::tempdir().unwrap();
    let mut settings = Settings {
        data_dir: dir.path().join("data"),
        ..Settings::default()
    };
    settings.database.url = format!("sqlite://{}", dir.path().join("tipline.db").display());
    settings.server.listen = "127.0.0.1:0".parse().unwrap();
    settings.review.sign_in_per_minute = 1000;
    let listener = std::net::TcpListener::bind(settings.server.listen).unwrap();
    let app = Application::build_with_listener(settings.clone(), listener)
        .await
        .unwrap();
    let (port, store) = (app.port(), app.store().clone());
    tokio::spawn(app.run_until_stopped());
    let pem = std::fs::read(settings.data_dir.join("dev-cert.pem")).unwrap();
    let client = reqwest::Client::builder()
        .use_rustls_tls()
        .tls_built_in_root_certs(false)
        .add_root_certificate(reqwest::Certificate::from_pem(&pem).unwrap())
        .build()
        .unwrap();
    for i in 0..names {
        store
            .add_handler(
                OPERATOR_AUDIT_NAME,
                &format!("real-{i:03}"),
                &password::hash(&password::generate()),
                HandlerRole::Handler,
                tipline::store::now(),
            )
            .await
            .unwrap();
    }
    let url = format!("https://localhost:{port}/api/v1/review/login");
    let attempt = |name: String| {
        let (client, url) = (client.clone(), url.clone());
        async move {
            let started = Instant::now();
            let mut request = client.post(url);
            if with_cookie {
                request = request.header("cookie", "__Host-tipline_device=tld_not-a-device");
            }
            let r = request
                .json(&serde_json::json!({ "username": name, "password": "a wrong password" }))
                .send()
                .await
                .unwrap();
            let status = r.status().as_u16();
            r.bytes().await.unwrap();
            (status, started.elapsed())
        }
    };
    // Warm up: connections, the worker threads argon2 runs on.
    for _ in 0..3 {
        attempt("warm-up".into()).await;
    }
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let (mut real_checked, mut ghost_checked) = (Vec::new(), Vec::new());
    let (mut real_refused, mut ghost_refused) = (Vec::new(), Vec::new());
    for i in 0..names {
        let (real, ghost) = (format!("real-{i:03}"), format!("nope-{i:03}"));
        for n in 0..9 {
            // Alternate which goes first, so neither always meets a warmer server.
            let order = if (i + n) % 2 == 0 {
                [(&real, true), (&ghost, false)]
            } else {
                [(&ghost, false), (&real, true)]
            };
            for (name, is_real) in order {
                let (status, took) = attempt(name.clone()).await;
                // Attempts 1-4 are checked (401); the 5th is checked and sets a wait
                // (429); the rest come too early (429, unchecked).
                let bucket = match (n < 5, is_real) {
                    (true, true) => &mut real_checked,
                    (true, false) => &mut ghost_checked,
                    (false, true) => &mut real_refused,
                    (false, false) => &mut ghost_refused,
                };
                assert!(status == 401 || status == 429, "{name}: {status}");
                bucket.push(ms(took));
            }
        }
    }
    let checked = (summary(real_checked), summary(ghost_checked));
    let refused = (summary(real_refused), summary(ghost_refused));
    show("checked, handler exists", &checked.0);
    show("checked, names nobody", &checked.1);
    show("too early, handler exists", &refused.0);
    show("too early, names nobody", &refused.1);
    println!(
        "difference (exists - nobody): checked median {:+.2} ms, mean {:+.2} ms; \
         too early median {:+.2} ms, mean {:+.2} ms",
        checked.0.median - checked.1.median,
        checked.0.mean - checked.1.mean,
        refused.0.median - refused.1.median,
        refused.0.mean - refused.1.mean,
    );
}
