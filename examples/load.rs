//! The load tool: the real `tipline serve` on loopback under many concurrent reporters
//! over TLS, beside a bare actix-web + rustls endpoint serving the same bytes, in one
//! run, so that ratios hold on a noisy machine. Phases, each `--seconds` long:
//!
//! 1. the bare endpoint and our `GET /static/report.js`, kept-alive connections;
//! 2. the same with a new TLS connection per request;
//! 3. sealed tips (`POST /api/v1/tips`, sealed here beforehand), kept alive, then with
//!    a new connection per tip, each beside the bare endpoint taking the same bodies
//!    (read whole, answered 201 with a receipt-sized JSON, nothing else): the ceiling
//!    of this machine for a POST of that size; every 201 is checked against the
//!    database afterwards;
//! 4. the worker: how soon every tip accepted reaches `pending_review`;
//! 5. the agency side: cases leased and acknowledged per second;
//! 6. files (`files.rs`, only when asked for): a report with several files of nearly
//!    20 MB stripped, forwarded (sealed to an agency with a key) and fetched, each step's
//!    rise in the server's peak memory and the intake's latency meanwhile.
//!
//! For each: requests/s, p50/p99 latency, the server's CPU and this tool's own (the
//! load is made on the same cores, so what the tool takes the server cannot have); the
//! server's peak RSS at the end. `scripts/load` builds and runs it on SQLite and PostgreSQL.
//!
//! `cargo run --release --example load -- [--binary target/release/tipline]
//!  [--database postgres://…/db] [--seconds 8] [--clients 32] [--phases LIST]`
//! (`--phases` a comma list of `static,tips,worker,agency,files`; all but `files` by
//! default.)

#[path = "../benches/support/corpus.rs"]
#[allow(dead_code)] // the adversarial inputs are for the redaction bench
mod corpus;
#[path = "load/files.rs"]
mod files;

use base64::Engine as _;
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tipline::crypto::token;
use tipline::store::{self, Store};

const STATIC_BODY: &[u8] = include_bytes!("../static/report.js");

struct Options {
    binary: PathBuf,
    database: Option<String>,
    seconds: u64,
    clients: usize,
    phases: Vec<String>,
}

fn options() -> Options {
    let mut o = Options {
        binary: PathBuf::from("target/release/tipline"),
        database: None,
        seconds: 8,
        clients: 32,
        phases: ["static", "tips", "worker", "agency"]
            .map(String::from)
            .to_vec(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| panic!("{arg} needs a value"));
        match arg.as_str() {
            "--binary" => o.binary = value().into(),
            "--database" => o.database = Some(value()),
            "--seconds" => o.seconds = value().parse().expect("--seconds: a number"),
            "--clients" => o.clients = value().parse().expect("--clients: a number"),
            "--phases" => o.phases = value().split(',').map(String::from).collect(),
            other => panic!("unknown argument {other}"),
        }
    }
    // The server runs in a directory of its own.
    o.binary =
        std::fs::canonicalize(&o.binary).unwrap_or_else(|e| panic!("{}: {e}", o.binary.display()));
    o
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--bare-server") {
        bare_server(&args[2], Path::new(&args[3]));
        return;
    }
    tipline::tls::install_crypto_provider();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(run(options()));
}

/// The reference: actix-web and rustls with nothing of ours, one route, the same bytes.
fn bare_server(listen: &str, data_dir: &Path) {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    tipline::tls::install_crypto_provider();
    let certs = CertificateDer::pem_file_iter(data_dir.join("dev-cert.pem"))
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    let key = PrivateKeyDer::from_pem_file(data_dir.join("dev-key.pem")).unwrap();
    let config = rustls::ServerConfig::builder()
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .unwrap();
    let listen: SocketAddr = listen.parse().unwrap();
    actix_web::rt::System::new().block_on(async move {
        actix_web::HttpServer::new(|| {
            actix_web::App::new()
                .app_data(actix_web::web::PayloadConfig::new(256 * 1024))
                .route(
                    "/static/report.js",
                    actix_web::web::get().to(|| async {
                        actix_web::HttpResponse::Ok()
                            .content_type("text/javascript")
                            .body(STATIC_BODY)
                    }),
                )
                .route(
                    "/api/v1/tips",
                    actix_web::web::post().to(|body: actix_web::web::Bytes| async move {
                        // The body read whole, as ours is, and an answer of the same shape.
                        actix_web::HttpResponse::Created()
                            .content_type("application/json")
                            .body(format!("{{\"receipt\":\"{:0>24}\"}}", body.len()))
                    }),
                )
        })
        // As ours does (`intake::connections`): no Nagle wait on a new connection's answer.
        .on_connect(|io, _| {
            type Tls = actix_tls::accept::rustls_0_23::TlsStream<actix_web::rt::net::TcpStream>;
            if let Some(tls) = io.downcast_ref::<Tls>() {
                let _ = tls.get_ref().0.set_nodelay(true);
            }
        })
        .bind_rustls_0_23(listen, config)
        .unwrap()
        .run()
        .await
        .unwrap()
    });
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A process's CPU time so far (user + system), from /proc.
fn cpu_of(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let Some(rest) = stat.rfind(')').map(|at| &stat[at + 2..]) else {
        return Duration::ZERO;
    };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    Duration::from_millis((ticks(11) + ticks(12)) * 10)
}

/// A process's peak resident set (VmHWM), in MiB.
fn peak_rss_mib(pid: u32) -> f64 {
    status_mib(pid, "VmHWM:")
}

/// A memory figure of a process's `/proc/PID/status` (`field` with its colon), in MiB.
fn status_mib(pid: u32, field: &str) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn client(data_dir: &Path, keep_alive: bool) -> reqwest::Client {
    let pem = std::fs::read(data_dir.join("dev-cert.pem")).unwrap();
    let mut builder = reqwest::Client::builder()
        .use_rustls_tls()
        .tls_built_in_root_certs(false)
        .add_root_certificate(reqwest::Certificate::from_pem(&pem).unwrap())
        .timeout(Duration::from_secs(30));
    if !keep_alive {
        builder = builder.pool_max_idle_per_host(0);
    }
    builder.build().unwrap()
}

#[derive(Default)]
struct Outcome {
    ok: usize,
    failed: usize,
    latencies: Vec<Duration>,
}

struct Measured {
    rate: f64,
    p50: Duration,
    p99: Duration,
    failed: usize,
    cpu: f64,
    /// This tool's own CPU over the phase, in cores.
    generator_cpu: f64,
}

impl std::fmt::Display for Measured {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:>9.0}/s  p50 {:>7.2} ms  p99 {:>7.2} ms  server CPU {:>4.0}%  load tool CPU {:>4.0}%{}",
            self.rate,
            self.p50.as_secs_f64() * 1e3,
            self.p99.as_secs_f64() * 1e3,
            self.cpu * 100.0,
            self.generator_cpu * 100.0,
            if self.failed > 0 {
                format!("  ({} failed)", self.failed)
            } else {
                String::new()
            }
        )
    }
}

/// `clients` tasks calling `request` back to back for `seconds`; `request` answers
/// whether the call succeeded.
async fn phase<F, Fut>(clients: usize, seconds: u64, pid: u32, request: F) -> Measured
where
    F: Fn(usize, usize) -> Fut + Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = bool> + Send,
{
    let stop = Arc::new(AtomicBool::new(false));
    let own = std::process::id();
    let (cpu_before, own_before, started) = (cpu_of(pid), cpu_of(own), Instant::now());
    let tasks: Vec<_> = (0..clients)
        .map(|c| {
            let (stop, request) = (stop.clone(), request.clone());
            tokio::spawn(async move {
                let mut outcome = Outcome::default();
                for i in 0.. {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let sent = Instant::now();
                    if request(c, i).await {
                        outcome.ok += 1;
                        outcome.latencies.push(sent.elapsed());
                    } else {
                        outcome.failed += 1;
                    }
                }
                outcome
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    stop.store(true, Ordering::Relaxed);
    let mut all = Outcome::default();
    for task in tasks {
        let o = task.await.unwrap();
        all.ok += o.ok;
        all.failed += o.failed;
        all.latencies.extend(o.latencies);
    }
    let wall = started.elapsed().as_secs_f64();
    let cpu = (cpu_of(pid) - cpu_before).as_secs_f64() / wall;
    let generator_cpu = (cpu_of(own) - own_before).as_secs_f64() / wall;
    all.latencies.sort();
    let at = |q: f64| {
        all.latencies
            .get(((all.latencies.len() as f64 * q) as usize).min(all.latencies.len().max(1) - 1))
            .copied()
            .unwrap_or_default()
    };
    Measured {
        rate: all.ok as f64 / wall,
        p50: at(0.50),
        p99: at(0.99),
        failed: all.failed,
        cpu,
        generator_cpu,
    }
}

/// A request maker for `phase`: sealed tips posted to `url` in turn, a call succeeding on
/// a 201 with a receipt; `receipts` counts them.
fn post_tips(
    c: reqwest::Client,
    url: String,
    envelopes: Arc<Vec<actix_web::web::Bytes>>,
    receipts: Option<Arc<std::sync::atomic::AtomicUsize>>,
) -> impl Fn(usize, usize) -> std::pin::Pin<Box<dyn std::future::Future<Output = bool> + Send>>
       + Clone
       + Send
       + Sync
       + 'static {
    move |client, i| {
        let (c, url, receipts) = (c.clone(), url.clone(), receipts.clone());
        let body = envelopes[(client * 7919 + i) % envelopes.len()].clone();
        Box::pin(async move {
            let Ok(r) = c
                .post(&url)
                .header("content-type", "application/json")
                .body(body)
                .send()
                .await
            else {
                return false;
            };
            let created = r.status() == reqwest::StatusCode::CREATED
                && r.json::<Value>()
                    .await
                    .is_ok_and(|v| v["receipt"].is_string());
            if let Some(receipts) = receipts.filter(|_| created) {
                receipts.fetch_add(1, Ordering::Relaxed);
            }
            created
        })
    }
}

async fn get_ok(client: &reqwest::Client, url: &str) -> bool {
    match client.get(url).send().await {
        Ok(r) if r.status().is_success() => r.bytes().await.is_ok(),
        _ => false,
    }
}

async fn wait_until_up(client: &reqwest::Client, url: &str) {
    for _ in 0..400 {
        if get_ok(client, url).await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{url} did not come up");
}

/// A fresh PostgreSQL database beside the one `server` names, for this run.
async fn fresh_postgres(server: &str) -> String {
    use sqlx::Connection;
    let name = format!("tipline_load_{}", tipline::domain::TipId::new());
    let mut admin = sqlx::PgConnection::connect(server).await.unwrap();
    sqlx::Executor::execute(&mut admin, format!("CREATE DATABASE {name}").as_str())
        .await
        .unwrap();
    let base = server.rsplit_once('/').map_or(server, |(b, _)| b);
    format!("{base}/{name}")
}

async fn run(o: Options) {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let database = match &o.database {
        Some(server) => fresh_postgres(server).await,
        None => format!("sqlite://{}", dir.path().join("tipline.db").display()),
    };
    let port = free_port();
    let connections = (o.clients * 16).max(800);
    let mut server = Command::new(&o.binary);
    if o.phases.iter().any(|p| p == "files") {
        server.env(
            "TIPLINE_ROUTING__FILE",
            files::routing_with_a_key(&o.binary, dir.path()),
        );
    }
    let mut server: Child = server
        .arg("serve")
        .current_dir(dir.path())
        .env("TIPLINE_DATA_DIR", &data_dir)
        .env("TIPLINE_DATABASE__URL", &database)
        .env("TIPLINE_SERVER__LISTEN", format!("127.0.0.1:{port}"))
        .env(
            "TIPLINE_INTAKE__RATE_LIMIT_PER_MINUTE",
            u32::MAX.to_string(),
        )
        // Every client of the tool is one address: it may hold all the server's
        // connections. A cap near the client count is met under load by connections
        // closed but not yet reclaimed (a smoke run saw 326 new connections refused at 16).
        .env("TIPLINE_SERVER__MAX_CONNECTIONS", connections.to_string())
        .env(
            "TIPLINE_SERVER__MAX_CONNECTIONS_PER_ADDRESS",
            connections.to_string(),
        )
        .env("TIPLINE_REDACTION__POLL_SECONDS", "1")
        // A forwarded tip's cases wait out the handler's undo window before an agency
        // may lease them: none here, or the agency phase finds nothing to lease.
        .env("TIPLINE_REVIEW__UNDO_SECONDS", "0")
        .stdout(Stdio::null())
        // Its log, at the default level, as an operator would keep it.
        .stderr(std::fs::File::create(dir.path().join("server.log")).unwrap())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", o.binary.display()));
    let pid = server.id();
    for _ in 0..400 {
        if data_dir.join("dev-key.pem").exists() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let base = format!("https://localhost:{port}");
    let keep = client(&data_dir, true);
    wait_until_up(&keep, &format!("{base}/healthz")).await;

    let bare_port = free_port();
    let mut bare = Command::new(std::env::current_exe().unwrap())
        .args(["--bare-server", &format!("127.0.0.1:{bare_port}")])
        .arg(&data_dir)
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let bare_base = format!("https://localhost:{bare_port}");
    wait_until_up(&keep, &format!("{bare_base}/static/report.js")).await;

    println!(
        "tipline load: {} clients, {} s a phase, {}, {} cores",
        o.clients,
        o.seconds,
        if o.database.is_some() {
            "PostgreSQL"
        } else {
            "SQLite"
        },
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let (clients, seconds) = (o.clients, o.seconds);
    let fresh = client(&data_dir, false);

    if o.phases.iter().any(|p| p == "static") {
        for (label, http) in [("kept alive", &keep), ("new connection each", &fresh)] {
            let url = format!("{bare_base}/static/report.js");
            let c = http.clone();
            let bare_rate = phase(clients, seconds, bare.id(), move |_, _| {
                let (c, url) = (c.clone(), url.clone());
                async move { get_ok(&c, &url).await }
            })
            .await;
            let url = format!("{base}/static/report.js");
            let c = http.clone();
            let ours = phase(clients, seconds, pid, move |_, _| {
                let (c, url) = (c.clone(), url.clone());
                async move { get_ok(&c, &url).await }
            })
            .await;
            println!("static, {label}:");
            println!("  bare actix-web + rustls  {bare_rate}");
            println!(
                "  GET /static/report.js    {ours}  = {:.0}% of bare",
                100.0 * ours.rate / bare_rate.rate
            );
        }
    }

    let mut accepted = 0usize;
    if o.phases.iter().any(|p| p == "tips") {
        let envelopes: Arc<Vec<actix_web::web::Bytes>> = Arc::new(
            sealed_tips(&keep, &base, 4096)
                .await
                .into_iter()
                .map(actix_web::web::Bytes::from)
                .collect(),
        );
        // What one core of this machine can do for a tip, whatever else there is: open
        // its envelope (the intake must, to refuse a bad one), with the server's key.
        let keys =
            tipline::crypto::sealing::IntakeKeys::load_or_create(&data_dir.join("intake-key"))
                .unwrap()
                .0;
        let opening = Instant::now();
        let sample = envelopes.len().min(500);
        for body in &envelopes[..sample] {
            let submission: Value = serde_json::from_slice(body).unwrap();
            let envelope = serde_json::from_value(submission["sealed"].clone()).unwrap();
            keys.open(&envelope).unwrap();
        }
        println!(
            "one core opens {:.0} envelopes/s (HPKE, P-256): intake's ceiling per core",
            sample as f64 / opening.elapsed().as_secs_f64()
        );
        let kinds = [("kept alive", &keep), ("new connection each", &fresh)];
        // The bare endpoint first, so that the worker's clock below starts with our tips.
        let mut bare_rates = Vec::new();
        for (_, http) in kinds {
            let url = format!("{bare_base}/api/v1/tips");
            let post = post_tips(http.clone(), url, envelopes.clone(), None);
            bare_rates.push(phase(clients, seconds, bare.id(), post).await);
        }
        let started = Instant::now();
        for ((label, http), bare_rate) in kinds.into_iter().zip(bare_rates) {
            let receipts = Arc::new(std::sync::atomic::AtomicUsize::new(0));
            let url = format!("{base}/api/v1/tips");
            let post = post_tips(http.clone(), url, envelopes.clone(), Some(receipts.clone()));
            let measured = phase(clients, seconds, pid, post).await;
            accepted += receipts.load(Ordering::Relaxed);
            println!("sealed tips, {label}:");
            println!("  bare POST, same bodies   {bare_rate}");
            println!(
                "  POST /api/v1/tips        {measured}  = {:.0}% of bare",
                100.0 * measured.rate / bare_rate.rate
            );
        }
        let store = Store::connect(&database, 2).await.unwrap();
        let stored = store.count_tips().await.unwrap() as usize;
        println!(
            "  {accepted} tips answered 201, {stored} stored: {}",
            if stored >= accepted {
                "every 201 durable"
            } else {
                "TIPS LOST"
            }
        );
        if o.phases.iter().any(|p| p == "worker") {
            // Tips reach the review queue: the time from the first tip until the worker
            // has drafted every one, against the intake's rate.
            let mut waiting = store.waiting_to_draft().await.unwrap();
            let backlog = waiting;
            let drain_started = Instant::now();
            while waiting > 0 && drain_started.elapsed() < Duration::from_secs(600) {
                tokio::time::sleep(Duration::from_millis(50)).await;
                waiting = store.waiting_to_draft().await.unwrap();
            }
            let all = started.elapsed().as_secs_f64();
            println!(
                "worker: {stored} tips in pending_review {all:.1} s after the first was sent \
                 ({:.0}/s end to end; {backlog} were waiting when intake stopped, drafted \
                 in {:.1} s)",
                stored as f64 / all,
                drain_started.elapsed().as_secs_f64()
            );
        }
        store.close().await;
    }

    if o.phases.iter().any(|p| p == "agency") {
        let seeding = Instant::now();
        let (token, cases) = seed_cases(&database, &data_dir, &base, 4000).await;
        println!(
            "review: {cases} tips claimed and forwarded through the review API in {:.1} s",
            seeding.elapsed().as_secs_f64()
        );
        let pullers = (clients / 4).max(1);
        let (cpu_before, started) = (cpu_of(pid), Instant::now());
        let deadline = started + Duration::from_secs(seconds);
        let tasks: Vec<_> = (0..pullers)
            .map(|_| {
                let (c, base, token) = (keep.clone(), base.clone(), token.clone());
                tokio::spawn(async move {
                    let mut acked = 0;
                    while Instant::now() < deadline {
                        match lease_and_ack(&c, &base, &token).await {
                            Some(0) | None => break,
                            Some(n) => acked += n,
                        }
                    }
                    acked
                })
            })
            .collect();
        let mut acked = 0;
        for task in tasks {
            acked += task.await.unwrap();
        }
        let wall = started.elapsed().as_secs_f64();
        println!(
            "agency, {pullers} pullers leasing 10 at a time and acknowledging each:\n  \
             {acked} of {cases} cases in {wall:.1} s: {:.0} cases/s  server CPU {:.0}%",
            acked as f64 / wall,
            100.0 * (cpu_of(pid) - cpu_before).as_secs_f64() / wall
        );
    }

    if o.phases.iter().any(|p| p == "files") {
        files::run(&database, &data_dir, &base, pid).await;
    }

    println!(
        "server peak RSS {:.1} MiB; bare endpoint {:.1} MiB",
        peak_rss_mib(pid),
        peak_rss_mib(bare.id())
    );
    let _ = bare.kill();
    let _ = bare.wait();
    let _ = server.kill();
    let _ = server.wait();
}

/// `count` tips from the generated corpus, sealed to the server's intake key and
/// padded as the browser pads them: request bodies ready to send.
async fn sealed_tips(client: &reqwest::Client, base: &str, count: usize) -> Vec<Vec<u8>> {
    let key: Value = client
        .get(format!("{base}/api/v1/intake-key"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let public = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(key["public_key"].as_str().unwrap())
        .unwrap();
    let key_id = key["key_id"].as_str().unwrap().to_owned();
    let categories = ["forced_labour", "trafficking", "exploitation", "other"];
    corpus::tips(count, 7)
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let text: String = text
                .chars()
                .take(tipline::domain::tip::MAX_BODY_CHARS)
                .collect();
            let tip = tipline::domain::RawTip::parse(categories[i % 4], &text, None)
                .or_else(|_| tipline::domain::RawTip::parse("other", &text, None))
                .unwrap();
            let plaintext = tipline::intake::padding::pad(tip.to_json());
            let envelope =
                tipline::crypto::sealing::seal_to_public_key(&public, &key_id, &plaintext).unwrap();
            serde_json::to_vec(&json!({ "sealed": envelope })).unwrap()
        })
        .collect()
}

/// A handler `name` added through the store (an admin, no authenticator required) and
/// signed in through the review API: a client holding its session.
async fn signed_in_handler(
    database: &str,
    data_dir: &Path,
    base: &str,
    name: &str,
) -> reqwest::Client {
    let store = Store::connect(database, 2).await.unwrap();
    let password = tipline::crypto::password::generate();
    let id = store
        .add_handler(
            "operator:cli",
            name,
            &tipline::crypto::password::hash(&password),
            tipline::domain::HandlerRole::Admin,
            store::now(),
        )
        .await
        .unwrap_or_else(|_| panic!("cannot add the handler `{name}`"));
    let admin = tipline::domain::Actor {
        id,
        username: name.into(),
    };
    store
        .set_totp_required(&admin, false, store::now())
        .await
        .unwrap();
    store.close().await;

    let pem = std::fs::read(data_dir.join("dev-cert.pem")).unwrap();
    let handler = reqwest::Client::builder()
        .use_rustls_tls()
        .tls_built_in_root_certs(false)
        .add_root_certificate(reqwest::Certificate::from_pem(&pem).unwrap())
        .cookie_store(true)
        .build()
        .unwrap();
    let signed_in = handler
        .post(format!("{base}/api/v1/review/login"))
        .json(&json!({ "username": name, "password": password }))
        .send()
        .await
        .unwrap();
    assert!(
        signed_in.status().is_success(),
        "the handler cannot sign in"
    );
    handler
}

/// A token for `agency`, issued through the store as `tipline agency token` does.
async fn agency_token(database: &str, agency: &str) -> String {
    let store = Store::connect(database, 2).await.unwrap();
    let t = token::generate("tla_");
    store
        .issue_agency_token("operator:cli", agency, "load", &t.hash, store::now())
        .await
        .unwrap();
    store.close().await;
    t.secret
}

/// Forwards up to `count` drafted tips to the police the way a handler does (signed in
/// through the review API: claim, then decide), and issues the police a token: the
/// agency phase needs cases waiting. Answers the token and how many were forwarded.
async fn seed_cases(database: &str, data_dir: &Path, base: &str, count: usize) -> (String, usize) {
    let handler = signed_in_handler(database, data_dir, base, "load").await;
    let token = agency_token(database, "police").await;
    let mut forwarded = 0;
    while forwarded < count {
        let list: Value = handler
            .get(format!("{base}/api/v1/review/tips?status=pending_review"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let ids: Vec<String> = list["tips"]
            .as_array()
            .map(|tips| {
                tips.iter()
                    .filter_map(|t| t["id"].as_str().map(String::from))
                    .take(count - forwarded)
                    .collect()
            })
            .unwrap_or_default();
        if ids.is_empty() {
            break;
        }
        let tasks: Vec<_> = ids
            .chunks(ids.len().div_ceil(8))
            .map(|chunk| {
                let (handler, base, chunk) = (handler.clone(), base.to_owned(), chunk.to_vec());
                tokio::spawn(async move {
                    let mut done = 0;
                    for id in chunk {
                        let claimed = handler
                            .post(format!("{base}/api/v1/review/tips/{id}/claim"))
                            .send()
                            .await
                            .is_ok_and(|r| r.status().is_success());
                        let decided = claimed
                            && handler
                                .post(format!("{base}/api/v1/review/tips/{id}/decision"))
                                .json(&json!({ "action": "forward", "agencies": ["police"] }))
                                .send()
                                .await
                                .is_ok_and(|r| r.status().is_success());
                        done += usize::from(decided);
                    }
                    done
                })
            })
            .collect();
        for task in tasks {
            forwarded += task.await.unwrap();
        }
    }
    (token, forwarded)
}

/// One lease of up to ten cases and an ack of each: how many were acknowledged, `None`
/// on a failure.
async fn lease_and_ack(client: &reqwest::Client, base: &str, token: &str) -> Option<usize> {
    let leased: Value = client
        .post(format!("{base}/api/v1/agency/cases/lease"))
        .bearer_auth(token)
        .json(&json!({ "max": 10, "lease_seconds": 60 }))
        .send()
        .await
        .ok()?
        .json()
        .await
        .ok()?;
    let cases = leased["cases"].as_array().cloned().unwrap_or_default();
    for case in &cases {
        let id = case["id"].as_str().unwrap_or_default();
        let acked = client
            .post(format!("{base}/api/v1/agency/cases/{id}/ack"))
            .bearer_auth(token)
            .json(&json!({ "lease": case["lease"] }))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success());
        if !acked {
            return None;
        }
    }
    Some(cases.len())
}
