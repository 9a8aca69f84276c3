//! Settings: one TOML file plus `TIPLINE_*` environment overrides (`TIPLINE_SERVER__LISTEN`,
//! `TIPLINE_DATABASE__URL`, …: a double underscore separates a section from its key).
//! With no file at all the defaults give a working development service.

use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Where generated keys, the dev certificate and the default SQLite database live.
    pub data_dir: PathBuf,
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    pub intake: IntakeSettings,
    pub attachments: AttachmentSettings,
    pub redaction: RedactionSettings,
    pub review: ReviewSettings,
    pub agency: AgencySettings,
    pub routing: RoutingSettings,
    pub retention: RetentionSettings,
    pub metrics: MetricsSettings,
    pub notify: NotifySettings,
}

/// An optional e-mail to handlers when tips wait: how many, and a link to the queue,
/// nothing of the tips (no category, no id). Sent at fixed times of day, and counting
/// tips by the day they arrived, so that when it goes out says nothing finer about when
/// any tip arrived (invariant 2). Off unless `smtp_host` is set.
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotifySettings {
    pub smtp_host: Option<String>,
    pub smtp_port: u16,
    pub smtp_tls: SmtpTls,
    pub smtp_username: Option<String>,
    /// Never printed.
    pub smtp_password: Option<String>,
    pub from: String,
    pub to: Vec<String>,
    /// Tips waiting for review that arrived this many days before today, or earlier,
    /// are counted.
    pub wait_days: u32,
    /// When (UTC, `HH:MM`) the count is sent, if it is not 0.
    pub send_at: Vec<String>,
    /// The queue's address, for the link.
    pub console_url: String,
}

/// How the SMTP connection is protected: STARTTLS, TLS from the start, or nothing (for
/// a relay on the same machine only).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SmtpTls {
    Starttls,
    Tls,
    None,
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricsSettings {
    /// Where Prometheus metrics are served (`GET /metrics`, TLS with the service's
    /// certificate); none when absent. Keep it off the public network.
    pub listen: Option<SocketAddr>,
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoutingSettings {
    /// The agencies and the rules that suggest them (`routing.toml`); absent means the
    /// file built into the binary.
    pub file: Option<PathBuf>,
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetentionSettings {
    /// Days after a tip is forwarded or rejected before its original text, draft, note
    /// and conversation are erased (the agencies' cases are theirs and stay).
    pub decided_days: u32,
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntakeSettings {
    /// Leading zero bits a proof-of-work answer must have; 0 turns the challenge off.
    pub pow_difficulty: u8,
    /// Submissions and follow-up attempts allowed per client per minute, counted in
    /// memory under a rotating keyed hash of the address (never stored or logged).
    pub rate_limit_per_minute: u32,
    /// The most files one report may carry (0: the form takes none).
    pub max_attachments: usize,
    /// The largest file accepted, in MB (10^6 bytes).
    pub max_attachment_mb: u32,
    /// The most MB of files one client may send in an hour (counted as the rate limit
    /// is, in memory under the hour's keyed hash of the address); past it, 429.
    pub upload_mb_per_hour: u32,
    /// A form with files may take as long as it needs, but each
    /// `upload_window_seconds` of it must bring at least this many bytes a second, so a
    /// client trickling bytes cannot hold a connection (about what 2G gives).
    pub upload_min_bytes_per_second: u32,
    pub upload_window_seconds: u32,
}

/// A PDF's pages drawn as images, and a HEIC/HEIF photo decoded, by the worker in a
/// child process it kills past `render_seconds` (and that limits its own memory and CPU
/// time), so that a hostile file can cost at most that.
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachmentSettings {
    /// The most pages of a PDF drawn (the first ones).
    pub pdf_pages: u32,
    /// Dots per inch of a drawn page.
    pub pdf_dpi: u32,
    /// The most pixels of one drawn page: a larger page is drawn smaller to fit.
    pub pdf_max_pixels: u32,
    /// Seconds (wall clock, and CPU) one PDF's drawing, or one photo's decoding, may
    /// take; then it is stopped.
    pub render_seconds: u32,
    /// The child process's address space, in MB.
    pub render_memory_mb: u32,
    /// The program run as `PROGRAM render-pdf` to draw pages and `PROGRAM decode-heif`
    /// to decode HEIC photos; default: this binary.
    pub renderer: Option<PathBuf>,
}

impl AttachmentSettings {
    pub fn page_limits(&self) -> crate::attachments::PageLimits {
        crate::attachments::PageLimits {
            pages: self.pdf_pages,
            dpi: self.pdf_dpi,
            max_pixels: self.pdf_max_pixels,
        }
    }
}

impl IntakeSettings {
    pub fn max_attachment_bytes(&self) -> u64 {
        u64::from(self.max_attachment_mb) * 1_000_000
    }

    /// The window over which an upload's pace is judged.
    pub fn upload_window(&self) -> std::time::Duration {
        std::time::Duration::from_secs(self.upload_window_seconds.into())
    }

    /// The least an upload must bring in each window.
    pub fn upload_least_per_window(&self) -> u64 {
        u64::from(self.upload_min_bytes_per_second) * u64::from(self.upload_window_seconds)
    }
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerSettings {
    pub listen: SocketAddr,
    /// PEM certificate chain and private key. When both are absent a self-signed
    /// development certificate is generated into `data_dir`.
    pub tls_cert: Option<PathBuf>,
    pub tls_key: Option<PathBuf>,
    /// The name the dev certificate is issued for, besides localhost and 127.0.0.1.
    pub dev_cert_host: Option<String>,
    /// Open connections the server holds at once; past it, new ones wait in the backlog
    /// instead of exhausting file descriptors (keep it below `ulimit -n`).
    pub max_connections: usize,
    /// Open connections one client address may hold (an IPv6 address by its /64); more
    /// are closed at once, so one client cannot take every connection.
    pub max_connections_per_address: usize,
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseSettings {
    /// `sqlite://path` or `postgres://…`. It may hold a password, so it is never printed.
    pub url: String,
    /// A file holding the URL (a container secret), read at start in place of `url`,
    /// so the password is in no environment variable or config file.
    pub url_file: Option<PathBuf>,
    pub max_connections: u32,
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedactionSettings {
    /// A directory of rule files; absent means the rules built into the binary.
    pub rules_dir: Option<PathBuf>,
    /// How often the worker looks for tips that arrived through another replica.
    pub poll_seconds: u64,
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewSettings {
    /// A claim lapses after this long, so an abandoned tip returns to the queue.
    pub claim_minutes: u32,
    /// A console session ends after this long without a request.
    pub session_idle_minutes: u32,
    /// Failed sign-ins in a row (password or TOTP code) that cost no wait; after them
    /// every attempt waits, since the one before, twice as long as the last wait.
    pub max_failed_logins: u32,
    /// The first wait, after the last free failure.
    pub sign_in_wait_seconds: u32,
    /// The longest wait: the account is slowed, never shut, so its owner still gets in.
    pub sign_in_wait_max_minutes: u32,
    /// Sign-in attempts one client may make per minute, whatever the usernames: an
    /// address cannot lock out accounts or load the server with argon2 faster.
    pub sign_in_per_minute: u32,
    /// After a tip's first decision (forward or reject), the handler may take it back for
    /// this long; its cases wait as long before any agency can lease them. 0: no undo.
    pub undo_seconds: u32,
    /// A handler with no authenticator may sign in with the password alone (only to set
    /// one up) for this long after the account was made, its password reset or its
    /// authenticator removed; after that an administrator must reset the password.
    pub enrol_within_hours: u32,
    /// What the review page proposes for a span by the role the engine (or the handler)
    /// gives it: the handler decides each span in the end.
    pub roles: RoleDefaults,
    /// Whether the handler who took a report by phone may also review it. Off: a second
    /// handler reviews every call (the two-person rule); a small team may turn it on,
    /// and each such claim is audited as the handler's own call.
    pub own_calls: bool,
}

/// What review proposes for each role's spans.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleDefaults {
    pub reporter: Treatment,
    pub subject: Treatment,
    pub third: Treatment,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Treatment {
    Redact,
    Keep,
}

impl RoleDefaults {
    /// Whether review proposes to keep (restore) a span of this role.
    pub fn keeps(&self, role: crate::redaction::Role) -> bool {
        use crate::redaction::Role;
        let treatment = match role {
            Role::Reporter => self.reporter,
            Role::Subject => self.subject,
            Role::Other => self.third,
        };
        treatment == Treatment::Keep
    }
}

impl Default for RoleDefaults {
    /// The reporter's details and third parties' are redacted; the subject's (the person
    /// or business reported, whom the agency must find) kept.
    fn default() -> Self {
        RoleDefaults {
            reporter: Treatment::Redact,
            subject: Treatment::Keep,
            third: Treatment::Redact,
        }
    }
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgencySettings {
    pub max_lease_seconds: u32,
    pub max_cases_per_lease: u32,
    /// Leases of one case without an ack (nacked, or lapsed) before it goes to dead
    /// letter, where only a supervisor's requeue sends it again.
    pub max_deliveries: u32,
    /// The longest a lease request may wait for a case (`wait_seconds`).
    pub max_wait_seconds: u32,
    /// A waiting lease looks again this often even without a wake-up, in case one was
    /// lost (another replica's on a lost PostgreSQL listener connection).
    pub long_poll_recheck_seconds: u32,
    /// PEM file of the CA(s) that issue agencies' client certificates. When set, the
    /// TLS handshake accepts (never requires) a client certificate from them.
    pub client_ca: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            data_dir: PathBuf::from("data"),
            server: ServerSettings {
                listen: SocketAddr::from(([127, 0, 0, 1], 8443)),
                tls_cert: None,
                tls_key: None,
                dev_cert_host: None,
                max_connections: 800,
                max_connections_per_address: 64,
            },
            database: DatabaseSettings {
                url: "sqlite://data/tipline.db".into(),
                url_file: None,
                max_connections: 8,
            },
            intake: IntakeSettings {
                pow_difficulty: 0,
                rate_limit_per_minute: 30,
                max_attachments: 10,
                max_attachment_mb: 20,
                upload_mb_per_hour: 400,
                upload_min_bytes_per_second: 4096,
                upload_window_seconds: 30,
            },
            attachments: AttachmentSettings {
                pdf_pages: 20,
                pdf_dpi: 150,
                // An A4 page at 150 dpi is 2.2 million.
                pdf_max_pixels: 4_000_000,
                render_seconds: 30,
                render_memory_mb: 1024,
                renderer: None,
            },
            redaction: RedactionSettings {
                rules_dir: None,
                poll_seconds: 5,
            },
            review: ReviewSettings {
                claim_minutes: 30,
                session_idle_minutes: 30,
                max_failed_logins: 5,
                sign_in_wait_seconds: 30,
                sign_in_wait_max_minutes: 15,
                sign_in_per_minute: 10,
                undo_seconds: 30,
                enrol_within_hours: 72,
                roles: RoleDefaults::default(),
                own_calls: false,
            },
            agency: AgencySettings {
                max_lease_seconds: 3600,
                max_cases_per_lease: 100,
                max_deliveries: 5,
                max_wait_seconds: 30,
                long_poll_recheck_seconds: 5,
                client_ca: None,
            },
            routing: RoutingSettings { file: None },
            retention: RetentionSettings { decided_days: 90 },
            metrics: MetricsSettings { listen: None },
            notify: NotifySettings {
                smtp_host: None,
                smtp_port: 587,
                smtp_tls: SmtpTls::Starttls,
                smtp_username: None,
                smtp_password: None,
                from: String::new(),
                to: Vec::new(),
                wait_days: 1,
                send_at: vec!["08:00".into()],
                console_url: "https://localhost:8443/console/queue".into(),
            },
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("config file {0} does not exist")]
    Missing(PathBuf),
    #[error("config: {0}")]
    Invalid(String),
}

impl Settings {
    /// Defaults, then the file (if given), then `TIPLINE_*` variables.
    pub fn load(file: Option<&Path>) -> Result<Settings, ConfigError> {
        let mut figment = Figment::from(Serialized::defaults(Settings::default()));
        if let Some(file) = file {
            if !file.exists() {
                return Err(ConfigError::Missing(file.to_owned()));
            }
            figment = figment.merge(Toml::file_exact(file));
        }
        // TIPLINE_CONFIG names the file (read by the CLI); TIPLINE_TEST_* belong to the
        // test suite. Any other TIPLINE_ variable must name a setting.
        let env = Env::prefixed("TIPLINE_")
            .filter(|key| {
                key != "config" && !key.as_str().to_ascii_lowercase().starts_with("test_")
            })
            .split("__");
        Self::extract(figment.merge(env))
    }

    fn extract(figment: Figment) -> Result<Settings, ConfigError> {
        let mut settings: Settings = figment.extract().map_err(|e| {
            ConfigError::Invalid(
                e.into_iter()
                    .map(|e| describe(&e))
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })?;
        if let Some(file) = &settings.database.url_file {
            let url = std::fs::read_to_string(file).map_err(|e| {
                ConfigError::Invalid(format!(
                    "`database.url_file`: cannot read {}: {e}",
                    file.display()
                ))
            })?;
            settings.database.url = url.trim().to_owned();
        }
        settings.validate()?;
        Ok(settings)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let bad =
            |key: &str, allowed: &str| Err(ConfigError::Invalid(format!("`{key}`: {allowed}")));
        let url = &self.database.url;
        if !(url.starts_with("sqlite:")
            || url.starts_with("postgres://")
            || url.starts_with("postgresql://"))
        {
            return bad(
                "database.url",
                "must start with sqlite:, postgres:// or postgresql://",
            );
        }
        if self.database.max_connections == 0 {
            return bad("database.max_connections", "must be at least 1");
        }
        if self.server.tls_cert.is_some() != self.server.tls_key.is_some() {
            return bad(
                "server.tls_cert",
                "server.tls_cert and server.tls_key go together: set both or neither",
            );
        }
        if !(1..=24 * 60).contains(&self.review.claim_minutes) {
            return bad("review.claim_minutes", "must be between 1 and 1440");
        }
        if !(1..=24 * 30).contains(&self.review.enrol_within_hours) {
            return bad("review.enrol_within_hours", "must be between 1 and 720");
        }
        if self.review.undo_seconds > 600 {
            return bad("review.undo_seconds", "must be between 0 and 600");
        }
        if !(1..=24 * 60).contains(&self.review.session_idle_minutes) {
            return bad("review.session_idle_minutes", "must be between 1 and 1440");
        }
        if !(10..=86_400).contains(&self.agency.max_lease_seconds) {
            return bad("agency.max_lease_seconds", "must be between 10 and 86400");
        }
        if !(1..=1000).contains(&self.agency.max_cases_per_lease) {
            return bad("agency.max_cases_per_lease", "must be between 1 and 1000");
        }
        if !(1..=100).contains(&self.agency.max_deliveries) {
            return bad("agency.max_deliveries", "must be between 1 and 100");
        }
        // A waiting lease must be answered well inside the request deadline.
        if self.agency.max_wait_seconds > 40 {
            return bad("agency.max_wait_seconds", "must be between 0 and 40");
        }
        if !(1..=60).contains(&self.agency.long_poll_recheck_seconds) {
            return bad(
                "agency.long_poll_recheck_seconds",
                "must be between 1 and 60",
            );
        }
        if !(1..=3650).contains(&self.retention.decided_days) {
            return bad("retention.decided_days", "must be between 1 and 3650");
        }
        if !(16..=1_000_000).contains(&self.server.max_connections) {
            return bad("server.max_connections", "must be between 16 and 1000000");
        }
        if !(1..=self.server.max_connections).contains(&self.server.max_connections_per_address) {
            return bad(
                "server.max_connections_per_address",
                "must be between 1 and server.max_connections",
            );
        }
        if self.intake.pow_difficulty > 32 {
            return bad("intake.pow_difficulty", "must be between 0 (off) and 32");
        }
        if self.intake.max_attachments > 100 {
            return bad("intake.max_attachments", "must be between 0 and 100");
        }
        if !(1..=200).contains(&self.intake.max_attachment_mb) {
            return bad("intake.max_attachment_mb", "must be between 1 and 200");
        }
        if !(256..=10_000_000).contains(&self.intake.upload_min_bytes_per_second) {
            return bad(
                "intake.upload_min_bytes_per_second",
                "must be between 256 and 10000000",
            );
        }
        if !(1..=300).contains(&self.intake.upload_window_seconds) {
            return bad("intake.upload_window_seconds", "must be between 1 and 300");
        }
        let a = &self.attachments;
        if !(1..=200).contains(&a.pdf_pages) {
            return bad("attachments.pdf_pages", "must be between 1 and 200");
        }
        if !(36..=600).contains(&a.pdf_dpi) {
            return bad("attachments.pdf_dpi", "must be between 36 and 600");
        }
        if !(10_000..=50_000_000).contains(&a.pdf_max_pixels) {
            return bad(
                "attachments.pdf_max_pixels",
                "must be between 10000 and 50000000",
            );
        }
        if !(1..=600).contains(&a.render_seconds) {
            return bad("attachments.render_seconds", "must be between 1 and 600");
        }
        if !(64..=65_536).contains(&a.render_memory_mb) {
            return bad(
                "attachments.render_memory_mb",
                "must be between 64 and 65536",
            );
        }
        if self.intake.upload_mb_per_hour == 0 {
            return bad("intake.upload_mb_per_hour", "must be at least 1");
        }
        if self.intake.rate_limit_per_minute == 0 {
            return bad("intake.rate_limit_per_minute", "must be at least 1");
        }
        if !(1..=100).contains(&self.review.max_failed_logins) {
            return bad("review.max_failed_logins", "must be between 1 and 100");
        }
        if !(1..=3600).contains(&self.review.sign_in_wait_seconds) {
            return bad("review.sign_in_wait_seconds", "must be between 1 and 3600");
        }
        if !(1..=24 * 60).contains(&self.review.sign_in_wait_max_minutes)
            || i64::from(self.review.sign_in_wait_max_minutes) * 60
                < i64::from(self.review.sign_in_wait_seconds)
        {
            return bad(
                "review.sign_in_wait_max_minutes",
                "must be between 1 and 1440, and no shorter than review.sign_in_wait_seconds",
            );
        }
        if !(1..=1000).contains(&self.review.sign_in_per_minute) {
            return bad("review.sign_in_per_minute", "must be between 1 and 1000");
        }
        self.notify.validate()?;
        if self.review.roles.reporter != Treatment::Redact {
            return bad(
                "review.roles.reporter",
                "must be \"redact\": review never proposes to send a reporter's own details",
            );
        }
        if !(1..=3600).contains(&self.redaction.poll_seconds) {
            return bad("redaction.poll_seconds", "must be between 1 and 3600");
        }
        Ok(())
    }
}

impl NotifySettings {
    /// The times of day (UTC) to send at, as (hour, minute).
    pub fn times(&self) -> Vec<(u8, u8)> {
        self.send_at.iter().filter_map(|t| parse_hh_mm(t)).collect()
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let bad = |key: &str, allowed: &str| {
            Err(ConfigError::Invalid(format!("`notify.{key}`: {allowed}")))
        };
        let Some(host) = &self.smtp_host else {
            return Ok(());
        };
        if self.from.parse::<lettre::message::Mailbox>().is_err() {
            return bad("from", "must be an e-mail address");
        }
        if self.to.is_empty()
            || self
                .to
                .iter()
                .any(|t| t.parse::<lettre::message::Mailbox>().is_err())
        {
            return bad(
                "to",
                "must list at least one e-mail address, and only those",
            );
        }
        if self.send_at.is_empty() || self.send_at.iter().any(|t| parse_hh_mm(t).is_none()) {
            return bad("send_at", "must list times of day as \"HH:MM\" (UTC)");
        }
        if !self.console_url.starts_with("https://") {
            return bad("console_url", "must be an https:// address");
        }
        let local = matches!(host.as_str(), "localhost" | "127.0.0.1" | "::1");
        if self.smtp_tls == SmtpTls::None && !local {
            return bad(
                "smtp_tls",
                "\"none\" only for a relay on this machine (localhost): use starttls or tls",
            );
        }
        if self.smtp_username.is_some() != self.smtp_password.is_some() {
            return bad(
                "smtp_username",
                "smtp_username and smtp_password go together",
            );
        }
        Ok(())
    }
}

fn parse_hh_mm(value: &str) -> Option<(u8, u8)> {
    let (h, m) = value.split_once(':')?;
    let (h, m): (u8, u8) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60 && value.len() == 5).then_some((h, m))
}

/// Figment's message with the offending key spelled out.
fn describe(e: &figment::Error) -> String {
    let key = e.path.join(".");
    let origin = e
        .metadata
        .as_ref()
        .map(|m| format!(" (from {})", m.name))
        .unwrap_or_default();
    if key.is_empty() {
        format!("{}{origin}", e.kind)
    } else {
        format!("`{key}`: {}{origin}", e.kind)
    }
}

/// Hides the database password; everything else is safe to print.
impl fmt::Debug for Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Settings")
            .field("data_dir", &self.data_dir)
            .field("listen", &self.server.listen)
            .field("tls_cert", &self.server.tls_cert)
            .field("metrics", &self.metrics.listen)
            .field("database", &redact_url(&self.database.url))
            .field("rules_dir", &self.redaction.rules_dir)
            .field("routing", &self.routing.file)
            .field("client_ca", &self.agency.client_ca)
            .finish_non_exhaustive()
    }
}

fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            format!("{}://***@{}", &url[..scheme], &url[at + 1..])
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from_toml(source: &str) -> Result<Settings, ConfigError> {
        Settings::extract(
            Figment::from(Serialized::defaults(Settings::default())).merge(Toml::string(source)),
        )
    }

    #[test]
    fn defaults_are_valid() {
        assert!(from_toml("").is_ok());
    }

    #[test]
    fn a_bad_value_names_its_key() {
        let err = from_toml("[server]\nlisten = \"nowhere\"")
            .unwrap_err()
            .to_string();
        assert!(err.contains("`server.listen`"), "{err}");
        let err = from_toml("[review]\nundo_seconds = 601")
            .unwrap_err()
            .to_string();
        assert!(err.contains("`review.undo_seconds`"), "{err}");
        let err = from_toml("[attachments]\npdf_pages = 0")
            .unwrap_err()
            .to_string();
        assert!(err.contains("`attachments.pdf_pages`"), "{err}");
        let err = from_toml("[review]\nclaim_minutes = 0")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("`review.claim_minutes`: must be between 1 and 1440"),
            "{err}"
        );
        let err = from_toml("[database]\nurl = \"mysql://x\"")
            .unwrap_err()
            .to_string();
        assert!(err.contains("`database.url`"), "{err}");
    }

    #[test]
    fn role_defaults_are_read_and_never_send_the_reporter() {
        let s = from_toml(
            "[review.roles]\nreporter = \"redact\"\nsubject = \"redact\"\nthird = \"keep\"",
        )
        .unwrap();
        assert!(!s.review.roles.keeps(crate::redaction::Role::Subject));
        assert!(s.review.roles.keeps(crate::redaction::Role::Other));
        let d = Settings::default().review.roles;
        assert!(d.keeps(crate::redaction::Role::Subject));
        assert!(
            !d.keeps(crate::redaction::Role::Reporter) && !d.keeps(crate::redaction::Role::Other)
        );
        let err = from_toml(
            "[review.roles]\nreporter = \"keep\"\nsubject = \"keep\"\nthird = \"redact\"",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("`review.roles.reporter`"), "{err}");
        let err = from_toml(
            "[review.roles]\nreporter = \"redact\"\nsubject = \"hide\"\nthird = \"redact\"",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("review.roles.subject"), "{err}");
    }

    #[test]
    fn an_unknown_key_is_named() {
        let err = from_toml("[server]\nlisten_port = 1")
            .unwrap_err()
            .to_string();
        assert!(err.contains("listen_port"), "{err}");
    }

    #[test]
    fn debug_hides_the_database_password() {
        let mut s = Settings::default();
        s.database.url = "postgres://tipline:hunter2@db/tipline".into();
        let shown = format!("{s:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("***@db/tipline"), "{shown}");
    }
}
