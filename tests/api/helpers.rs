//! The test harness: the real server on a random port over TLS, with a fresh SQLite
//! database, or a fresh PostgreSQL database when `TIPLINE_TEST_POSTGRES` names a server
//! (e.g. `postgres://127.0.0.1:5432/test`).

use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;
use tipline::config::Settings;
use tipline::crypto::{password, token};
use tipline::domain::actor::OPERATOR_AUDIT_NAME;
use tipline::domain::HandlerRole;
use tipline::startup::Application;
use tipline::store::{self, Store};

/// Every log line the servers in this test binary wrote.
#[derive(Clone, Default)]
pub struct CapturedLogs(Arc<Mutex<Vec<u8>>>);

impl Write for CapturedLogs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl CapturedLogs {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

pub fn logs() -> &'static CapturedLogs {
    static LOGS: OnceLock<CapturedLogs> = OnceLock::new();
    LOGS.get_or_init(|| {
        let logs = CapturedLogs::default();
        let writer = logs.clone();
        tipline::telemetry::init_with("tipline=trace", move || writer.clone());
        logs
    })
}

pub struct TestApp {
    pub port: u16,
    /// The metrics listener's, when `metrics.listen` was set.
    pub metrics_port: Option<u16>,
    pub base: String,
    pub store: Store,
    pub settings: Settings,
    pub database: Database,
    /// Keeps the data directory alive for the test.
    pub _dir: tempfile::TempDir,
    pub client: Client,
}

pub enum Database {
    Sqlite(std::path::PathBuf),
    Postgres { url: String },
}

pub fn postgres_server() -> Option<String> {
    std::env::var("TIPLINE_TEST_POSTGRES")
        .ok()
        .filter(|v| !v.is_empty())
}

/// A fresh database URL: a new SQLite file, or a new PostgreSQL database.
pub async fn fresh_database(dir: &std::path::Path) -> (String, Database) {
    match postgres_server() {
        None => {
            let path = dir.join("tipline.db");
            (
                format!("sqlite://{}", path.display()),
                Database::Sqlite(path),
            )
        }
        Some(server) => {
            use sqlx::Connection;
            let name = format!("tipline_test_{}", tipline::domain::TipId::new());
            let mut admin = sqlx::PgConnection::connect(&server)
                .await
                .expect("connect to the PostgreSQL test server");
            sqlx::Executor::execute(&mut admin, format!("CREATE DATABASE {name}").as_str())
                .await
                .expect("create a test database");
            let base = server.rsplit_once('/').map(|(b, _)| b).unwrap_or(&server);
            let url = format!("{base}/{name}");
            (url.clone(), Database::Postgres { url })
        }
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

pub async fn spawn_app_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
    logs();
    let dir = tempfile::tempdir().unwrap();
    let (url, database) = fresh_database(dir.path()).await;
    let mut settings = Settings {
        data_dir: dir.path().join("data"),
        ..Settings::default()
    };
    settings.database.url = url;
    settings.server.listen = "127.0.0.1:0".parse().unwrap();
    settings.redaction.poll_seconds = 1;
    // Most tests forward and lease at once; `undo.rs` tests the window itself.
    settings.review.undo_seconds = 0;
    // The worker draws PDF pages by running the service's binary; this process is the
    // test harness, so it is named.
    settings.attachments.renderer = Some(env!("CARGO_BIN_EXE_tipline").into());
    adjust(&mut settings);
    let listener = std::net::TcpListener::bind(settings.server.listen).unwrap();
    let app = Application::build_with_listener(settings.clone(), listener)
        .await
        .expect("the application builds");
    let port = app.port();
    let metrics_port = app.metrics_port();
    // The service's own store: on SQLite one connection serialises every write, so the
    // test's writes never race the service's into SQLITE_BUSY.
    let store = app.store().clone();
    tokio::spawn(app.run_until_stopped());
    let client = client_for(&settings.data_dir);
    // Serving starts when the spawned task first runs: wait for it, so that a test may
    // then block its thread (a synchronous TLS client) without starving the server.
    wait_healthy(&client, port).await;
    TestApp {
        port,
        metrics_port,
        base: format!("https://localhost:{port}"),
        store,
        settings,
        database,
        _dir: dir,
        client,
    }
}

/// Waits until the server on `port` answers `/healthz` with 200.
pub async fn wait_healthy(client: &Client, port: u16) {
    for _ in 0..200 {
        if let Ok(r) = client
            .get(format!("https://localhost:{port}/healthz"))
            .send()
            .await
        {
            if r.status() == StatusCode::OK {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not come up");
}

/// A TLS client for `localhost` that trusts only the dev certificate in `data_dir`.
pub fn tls_client(data_dir: &std::path::Path) -> rustls::ClientConnection {
    use rustls::pki_types::pem::PemObject;
    let mut roots = rustls::RootCertStore::empty();
    roots
        .add(
            rustls::pki_types::CertificateDer::from_pem_file(data_dir.join("dev-cert.pem"))
                .unwrap(),
        )
        .unwrap();
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_root_certificates(roots)
    .with_no_client_auth();
    let name = rustls::pki_types::ServerName::try_from("localhost").unwrap();
    rustls::ClientConnection::new(Arc::new(config), name).unwrap()
}

/// Rows in every table a request could write to: a refused request changes none.
pub async fn row_counts(app: &TestApp) -> Vec<(&'static str, i64)> {
    let pool = app.raw_pool().await;
    let mut counts = Vec::new();
    for table in [
        "tips",
        "cases",
        "messages",
        "audit_log",
        "sessions",
        "agency_tokens",
        "agency_questions",
        "unknown_sign_ins",
        "handlers",
    ] {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&pool)
            .await
            .unwrap();
        counts.push((table, n));
    }
    pool.close().await;
    counts
}

/// A raw TLS connection to the server on `port`, trusting only the dev certificate in
/// `data_dir`, for requests no HTTP client would send (slow, malformed).
pub fn tls_stream(
    data_dir: &std::path::Path,
    port: u16,
) -> rustls::StreamOwned<rustls::ClientConnection, std::net::TcpStream> {
    let connection = tls_client(data_dir);
    let tcp = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    tcp.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    rustls::StreamOwned::new(connection, tcp)
}

/// A client that trusts only the server's generated dev certificate.
pub fn client_for(data_dir: &std::path::Path) -> Client {
    client_from(data_dir, std::net::Ipv4Addr::LOCALHOST.into())
}

/// A client like `client_for` whose connections come from `address` (another
/// loopback address: a different reporter to the rate limiters and connection caps).
pub fn client_from(data_dir: &std::path::Path, address: std::net::IpAddr) -> Client {
    let pem = std::fs::read(data_dir.join("dev-cert.pem")).unwrap();
    Client::builder()
        .local_address(address)
        .use_rustls_tls()
        .tls_built_in_root_certs(false)
        .add_root_certificate(reqwest::Certificate::from_pem(&pem).unwrap())
        .cookie_store(true)
        .timeout(Duration::from_secs(30))
        // An idle connection is not reused near the time the server closes it: a test
        // whose thread was busy (exiftool) would send on a closed connection.
        .pool_idle_timeout(tipline::http::KEEP_ALIVE / 2)
        .build()
        .unwrap()
}

pub struct Handler {
    pub username: String,
    pub password: String,
    pub client: Client,
    pub base: String,
    /// The authenticator's secret, when one is set up.
    pub totp_secret: Option<Vec<u8>>,
    /// The last TOTP time step used: a code is good once.
    last_step: std::sync::atomic::AtomicI64,
}

/// Sets up an authenticator for a handler, as they would on their account page; its
/// secret.
pub async fn enrol_totp(store: &Store, data_dir: &std::path::Path, username: &str) -> Vec<u8> {
    let secret = tipline::crypto::random_bytes::<20>().to_vec();
    let keys = tipline::crypto::keys::Keys::load_or_create(data_dir).unwrap();
    let id = store
        .handler_by_username(username)
        .await
        .unwrap()
        .unwrap()
        .id;
    let sealed = keys
        .data
        .encrypt(tipline::domain::Context::TotpSecret(id), &secret);
    let actor = tipline::domain::Actor {
        id,
        username: username.to_owned(),
    };
    store
        .enrol_totp(&actor, &sealed, 0, &[], store::now())
        .await
        .unwrap();
    secret
}

/// A handler's requests, with their own session.
impl Handler {
    pub fn new(
        username: &str,
        password: &str,
        client: Client,
        base: &str,
        totp_secret: Option<Vec<u8>>,
    ) -> Handler {
        Handler {
            username: username.to_owned(),
            password: password.to_owned(),
            client,
            base: base.to_owned(),
            totp_secret,
            last_step: Default::default(),
        }
    }

    /// The same handler and session, talking to the server at `base`.
    pub fn at(&self, base: &str) -> Handler {
        Handler::new(
            &self.username,
            &self.password,
            self.client.clone(),
            base,
            self.totp_secret.clone(),
        )
    }

    /// A TOTP code not used before: each sign-in takes the next time step in the window
    /// the server accepts (one step either side of now), waiting when it has run out.
    pub async fn code(&self) -> String {
        use std::sync::atomic::Ordering;
        let secret = self
            .totp_secret
            .as_ref()
            .expect("the handler has an authenticator");
        loop {
            let now = store::now();
            let now_step = now / 30;
            // A code of the step before now is accepted only until this step ends: taken
            // with under 10 s left, it could expire on its way through a loaded machine
            // (a 401 seen on PostgreSQL in CI).
            let lowest = if 30 - now % 30 > 10 {
                now_step - 1
            } else {
                now_step
            };
            let step = (self.last_step.load(Ordering::SeqCst) + 1).max(lowest);
            if step <= now_step + 1 {
                self.last_step.store(step, Ordering::SeqCst);
                return totp_rs::Builder::new()
                    .with_secret(secret.clone())
                    .build()
                    .unwrap()
                    .generate(u64::try_from(step * 30).unwrap())
                    .to_string();
            }
            tokio::time::sleep(Duration::from_secs(5)).await;
        }
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap()
    }

    pub async fn get_json(&self, path: &str) -> Value {
        self.get(path).await.json().await.unwrap()
    }

    pub async fn post(&self, path: &str) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap()
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.base))
            .json(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn claim(&self, tip_id: &str) -> reqwest::Response {
        self.post(&format!("/api/v1/review/tips/{tip_id}/claim"))
            .await
    }

    pub async fn decide(&self, tip_id: &str, decision: &Value) -> reqwest::Response {
        self.post_json(&format!("/api/v1/review/tips/{tip_id}/decision"), decision)
            .await
    }

    /// Decides a claimed tip, asserting the decision is taken (204; else the answer).
    pub async fn decide_ok(&self, tip_id: &str, decision: &Value) {
        let r = self.decide(tip_id, decision).await;
        assert_eq!(
            r.status(),
            StatusCode::NO_CONTENT,
            "{}",
            r.text().await.unwrap()
        );
    }

    /// Claims and forwards a tip, asserting both succeed.
    pub async fn forward(&self, tip_id: &str, agencies: &[&str]) {
        assert_eq!(self.claim(tip_id).await.status(), StatusCode::OK);
        self.decide_ok(
            tip_id,
            &json!({ "action": "forward", "agencies": agencies }),
        )
        .await;
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    pub async fn get_json(&self, path: &str) -> Value {
        self.get(path).await.json().await.unwrap()
    }

    pub async fn submit(&self, body: &Value) -> (StatusCode, Value) {
        let response = self.post_json("/api/v1/tips", body).await;
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    /// Submits a tip and returns its receipt.
    pub async fn submit_ok(&self, category: &str, body: &str) -> String {
        let (status, answer) = self
            .submit(&json!({ "category": category, "body": body }))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{answer}");
        answer["receipt"].as_str().unwrap().to_owned()
    }

    /// Adds a handler through the store, as `tipline handler add` does, with no
    /// authenticator yet.
    pub async fn add_handler_without_totp(&self, username: &str, role: HandlerRole) -> Handler {
        let password = password::generate();
        self.store
            .add_handler(
                OPERATOR_AUDIT_NAME,
                username,
                &password::hash(&password),
                role,
                store::now(),
            )
            .await
            .unwrap();
        Handler {
            username: username.to_owned(),
            password,
            client: client_for(&self.settings.data_dir),
            base: self.base.clone(),
            totp_secret: None,
            last_step: std::sync::atomic::AtomicI64::new(0),
        }
    }

    /// Adds a handler with an authenticator set up (as every handler must by default),
    /// as they would on their account page.
    pub async fn add_handler(&self, username: &str, role: HandlerRole) -> Handler {
        let mut h = self.add_handler_without_totp(username, role).await;
        h.totp_secret = Some(enrol_totp(&self.store, &self.settings.data_dir, username).await);
        h
    }

    /// A signed-in handler (password and a TOTP code).
    pub async fn handler(&self, username: &str, role: HandlerRole) -> Handler {
        let h = self.add_handler(username, role).await;
        let r = h
            .client
            .post(self.url("/api/v1/review/login"))
            .json(
                &json!({ "username": h.username, "password": h.password, "totp": h.code().await }),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        h
    }

    /// Issues an agency token, as `tipline agency token` does.
    pub async fn agency_token(&self, agency: &str) -> String {
        let t = token::generate("tla_");
        assert!(self
            .store
            .issue_agency_token(OPERATOR_AUDIT_NAME, agency, "tests", &t.hash, store::now())
            .await
            .unwrap());
        t.secret
    }

    /// Waits until the worker has drafted `n` tips, returning the pending list.
    pub async fn wait_for_pending(&self, handler: &Handler, n: usize) -> Vec<Value> {
        for _ in 0..100 {
            let list = handler
                .get_json("/api/v1/review/tips?status=pending_review")
                .await;
            let tips = list["tips"].as_array().unwrap().clone();
            if tips.len() >= n {
                return tips;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the worker did not draft {n} tips in time");
    }

    /// The id of the oldest tip waiting for review, once the worker has drafted one.
    pub async fn first_pending(&self, handler: &Handler) -> String {
        self.wait_for_pending(handler, 1).await[0]["id"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    pub async fn lease(&self, token: &str, max: u32, lease_seconds: u32) -> (StatusCode, Value) {
        let r = self
            .client
            .post(self.url("/api/v1/agency/cases/lease"))
            .bearer_auth(token)
            .json(&json!({ "max": max, "lease_seconds": lease_seconds }))
            .send()
            .await
            .unwrap();
        let status = r.status();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    /// Leases with every field given, e.g. `{"max": 1, "wait_seconds": 5}`.
    pub async fn lease_with(&self, token: &str, request: &Value) -> (StatusCode, Value) {
        let r = self
            .client
            .post(self.url("/api/v1/agency/cases/lease"))
            .bearer_auth(token)
            .json(request)
            .send()
            .await
            .unwrap();
        let status = r.status();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    /// Returns a case under its lease, with a reason.
    pub async fn nack(
        &self,
        token: &str,
        case_id: &str,
        lease: &str,
        reason: &str,
    ) -> (StatusCode, Value) {
        let r = self
            .client
            .post(self.url(&format!("/api/v1/agency/cases/{case_id}/nack")))
            .bearer_auth(token)
            .json(&json!({ "lease": lease, "reason": reason }))
            .send()
            .await
            .unwrap();
        let status = r.status();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    /// Reads a leased case again.
    pub async fn get_case(&self, token: &str, case_id: &str) -> (StatusCode, Value) {
        let r = self
            .client
            .get(self.url(&format!("/api/v1/agency/cases/{case_id}")))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        let status = r.status();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    /// Another replica of the service: the same settings, keys and database (a second
    /// process's worth on PostgreSQL), on its own port.
    pub async fn replica(&self) -> (u16, Client) {
        let mut settings = self.settings.clone();
        settings.server.listen = "127.0.0.1:0".parse().unwrap();
        let listener = std::net::TcpListener::bind(settings.server.listen).unwrap();
        let app = Application::build_with_listener(settings, listener)
            .await
            .expect("the replica builds");
        let port = app.port();
        tokio::spawn(app.run_until_stopped());
        let client = client_for(&self.settings.data_dir);
        wait_healthy(&client, port).await;
        (port, client)
    }

    /// Acknowledges a case under the lease named in its lease answer.
    pub async fn ack(&self, token: &str, case_id: &str, lease: &str) -> (StatusCode, Value) {
        let r = self
            .client
            .post(self.url(&format!("/api/v1/agency/cases/{case_id}/ack")))
            .bearer_auth(token)
            .json(&json!({ "lease": lease }))
            .send()
            .await
            .unwrap();
        let status = r.status();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    /// Everything the database holds, as bytes to search: the SQLite files, or every
    /// PostgreSQL row as text (binary columns shown as hex, so search both forms).
    pub async fn database_dump(&self) -> Vec<u8> {
        match &self.database {
            Database::Sqlite(path) => {
                let mut all = Vec::new();
                for suffix in ["", "-wal", "-shm"] {
                    let file = format!("{}{suffix}", path.display());
                    if let Ok(bytes) = std::fs::read(&file) {
                        all.extend(bytes);
                    }
                }
                all
            }
            Database::Postgres { url } => {
                use sqlx::{Connection, Row};
                let mut conn = sqlx::PgConnection::connect(url).await.unwrap();
                let tables: Vec<String> = sqlx::query(
                    "SELECT table_name::text AS t FROM information_schema.tables WHERE table_schema = 'public'",
                )
                .fetch_all(&mut conn)
                .await
                .unwrap()
                .iter()
                .map(|r| r.get("t"))
                .collect();
                let mut all = String::new();
                for table in tables {
                    let rows = sqlx::query(&format!(
                        "SELECT row_to_json(x)::text AS j FROM \"{table}\" x"
                    ))
                    .fetch_all(&mut conn)
                    .await
                    .unwrap();
                    for r in rows {
                        all.push_str(&r.get::<String, _>("j"));
                        all.push('\n');
                    }
                }
                all.into_bytes()
            }
        }
    }

    /// True when `needle` is in the database in plaintext (or hex of it, for PostgreSQL).
    pub async fn database_contains(&self, needle: &str) -> bool {
        let dump = self.database_dump().await;
        let hex: String = needle.bytes().map(|b| format!("{b:02x}")).collect();
        contains(&dump, needle.as_bytes()) || contains(&dump, hex.as_bytes())
    }
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

impl TestApp {
    /// A direct connection to the service's database, as an intruder with a copy of the
    /// credentials would have.
    pub async fn raw_pool(&self) -> sqlx::AnyPool {
        sqlx::any::install_default_drivers();
        sqlx::AnyPool::connect(&self.settings.database.url)
            .await
            .unwrap()
    }

    /// The column names of a table, as the schema stands after migration.
    pub async fn columns_of(&self, table: &str) -> Vec<String> {
        use sqlx::Row;
        let sql = match self.store.backend() {
            tipline::store::Backend::Sqlite => {
                format!("SELECT name FROM pragma_table_info('{table}')")
            }
            tipline::store::Backend::Postgres => format!(
                "SELECT column_name::text AS name FROM information_schema.columns \
                 WHERE table_name = '{table}'"
            ),
        };
        sqlx::query(&sql)
            .fetch_all(&self.raw_pool().await)
            .await
            .unwrap()
            .iter()
            .map(|r| r.get::<String, _>("name"))
            .collect()
    }

    /// Edits an audit row by going around the append-only trigger, as a tamperer with
    /// database access could, then puts the trigger back.
    pub async fn tamper_with_audit_row(&self, set: &str, seq: i64) {
        let pool = self.raw_pool().await;
        let (drop, recreate) = match self.store.backend() {
            tipline::store::Backend::Sqlite => (
                "DROP TRIGGER audit_log_no_update",
                "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
            ),
            tipline::store::Backend::Postgres => (
                "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update",
                "ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update",
            ),
        };
        sqlx::query(drop).execute(&pool).await.unwrap();
        sqlx::query(&format!("UPDATE audit_log SET {set} WHERE seq = {seq}"))
            .execute(&pool)
            .await
            .unwrap();
        sqlx::query(recreate).execute(&pool).await.unwrap();
        pool.close().await;
    }
}

impl TestApp {
    /// The sealed originals of every tip not yet decided.
    pub async fn received_or_pending_sealed(&self) -> Vec<Vec<u8>> {
        use sqlx::Row;
        sqlx::query("SELECT sealed FROM tips WHERE decided_on IS NULL")
            .fetch_all(&self.raw_pool().await)
            .await
            .unwrap()
            .iter()
            .map(|r| r.get::<Vec<u8>, _>("sealed"))
            .collect()
    }
}

impl TestApp {
    /// Every row of every table as text, table by table and sorted, but for what merely
    /// using a session changes (`sessions.last_seen_at`): a refused request changes
    /// none of it.
    pub async fn rows_snapshot(&self) -> Vec<String> {
        use sqlx::Row;
        let pool = self.raw_pool().await;
        let tables_sql = match self.store.backend() {
            tipline::store::Backend::Sqlite => {
                "SELECT name FROM sqlite_master WHERE type = 'table' \
                 AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%' ORDER BY name"
            }
            tipline::store::Backend::Postgres => {
                "SELECT table_name::text AS name FROM information_schema.tables \
                 WHERE table_schema = 'public' AND table_name NOT LIKE '_sqlx%' ORDER BY 1"
            }
        };
        let tables: Vec<String> = sqlx::query(tables_sql)
            .fetch_all(&pool)
            .await
            .unwrap()
            .iter()
            .map(|r| r.get::<String, _>("name"))
            .collect();
        let mut snapshot = Vec::new();
        for table in tables {
            let columns: Vec<String> = self
                .columns_of(&table)
                .await
                .into_iter()
                .filter(|c| !(table == "sessions" && c == "last_seen_at"))
                .collect();
            let row = match self.store.backend() {
                tipline::store::Backend::Sqlite => columns
                    .iter()
                    .map(|c| format!("quote(\"{c}\")"))
                    .collect::<Vec<_>>()
                    .join(" || '|' || "),
                tipline::store::Backend::Postgres => columns
                    .iter()
                    .map(|c| format!("COALESCE(\"{c}\"::text, 'NULL')"))
                    .collect::<Vec<_>>()
                    .join(" || '|' || "),
            };
            let mut rows: Vec<String> = sqlx::query(&format!("SELECT {row} AS r FROM \"{table}\""))
                .fetch_all(&pool)
                .await
                .unwrap()
                .iter()
                .map(|r| format!("{table}: {}", r.get::<String, _>("r")))
                .collect();
            rows.sort();
            snapshot.extend(rows);
        }
        pool.close().await;
        snapshot
    }
}
