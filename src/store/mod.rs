//! Storage on SQLite (embedded default) or PostgreSQL, through sqlx's `Any` driver so
//! that one query serves both wherever the SQL is the same; the few places where it
//! differs ask `Backend`. Migrations are kept per backend and run at start.
//!
//! SQLite runs with one connection: it has one writer anyway, and a single connection
//! serialises transactions instead of failing them with SQLITE_BUSY on lock upgrade.
//! Nothing in this module holds a transaction while acquiring another connection.

pub mod agencies;
pub mod attachments;
pub mod audit;
pub mod cases;
pub mod challenges;
pub mod credentials;
pub mod decided;
pub mod deliveries;
mod drafts;
mod group_commit;
pub mod handlers;
pub mod messages;
pub mod notices;
pub mod phone;
pub mod questions;
pub mod rekey;
pub mod retention;
pub mod settings;
mod staged;
pub mod stats;
pub mod supervision;
pub mod tips;
pub mod undo;
pub mod wakeup;

use sqlx::any::AnyRow;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Executor, Row};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;
use tracing::instrument;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// The longest a request waits for a connection, and on PostgreSQL for one statement,
/// before it is answered 503: a hung database delays a reporter by this much at most.
pub const WAIT_AT_MOST: Duration = Duration::from_secs(10);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// Row locking for queue reads: PostgreSQL replicas skip rows another holds;
    /// SQLite has one writer, so there is nothing to lock.
    fn skip_locked(self) -> &'static str {
        match self {
            Backend::Sqlite => "",
            Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        }
    }

    /// Locks a row read inside a transaction until it commits (PostgreSQL); SQLite's one
    /// writer needs none.
    fn for_update(self) -> &'static str {
        match self {
            Backend::Sqlite => "",
            Backend::Postgres => " FOR UPDATE",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("cannot create the database file or its directory {path}: {source}")]
    Directory {
        path: String,
        source: std::io::Error,
    },
}

impl StoreError {
    /// The pool was closed: nothing will succeed again in this process.
    pub fn is_permanent(&self) -> bool {
        matches!(self, StoreError::Database(sqlx::Error::PoolClosed))
    }
}

/// A storage failure is an outage to the client, whatever its cause: the one place where
/// store errors become 503.
impl crate::http::error::Problem for StoreError {
    fn status(&self) -> actix_web::http::StatusCode {
        actix_web::http::StatusCode::SERVICE_UNAVAILABLE
    }
}

#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// Wakes this process's long-polling leases when a case is queued.
    queue: Arc<wakeup::QueueSignal>,
    /// Arriving tips, committed in groups.
    tips: Arc<group_commit::TipWriter>,
}

impl Store {
    pub async fn connect(url: &str, max_connections: u32) -> Result<Store, StoreError> {
        Store::connect_waiting(url, max_connections, WAIT_AT_MOST).await
    }

    /// As `connect`, with how long a statement on SQLite waits for another process's
    /// write lock: a command run beside the server may wait longer than a request.
    pub async fn connect_waiting(
        url: &str,
        max_connections: u32,
        lock_wait: Duration,
    ) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let (backend, url) = if url.starts_with("sqlite:") {
            (Backend::Sqlite, prepare_sqlite_url(url)?)
        } else {
            (Backend::Postgres, url.to_owned())
        };
        let options = AnyConnectOptions::from_str(&url)?;
        let pool = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite {
                1
            } else {
                max_connections
            })
            .acquire_timeout(WAIT_AT_MOST)
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL for concurrent readers; FULL so a commit is on disk before
                        // the receipt goes out (invariant 5).
                        conn.execute("PRAGMA journal_mode = WAL").await?;
                        conn.execute("PRAGMA synchronous = FULL").await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                        // Erased and deleted content is overwritten in the file, not left
                        // in free pages (retention, invariant 3).
                        conn.execute("PRAGMA secure_delete = ON").await?;
                        conn.execute(
                            format!("PRAGMA busy_timeout = {}", lock_wait.as_millis()).as_str(),
                        )
                        .await?;
                    } else {
                        // A hung server answers with an error in bounded time, not never.
                        conn.execute(
                            format!("SET statement_timeout = {}", WAIT_AT_MOST.as_millis())
                                .as_str(),
                        )
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        Ok(Store {
            tips: Arc::new(group_commit::TipWriter::new(pool.clone(), backend)),
            pool,
            backend,
            queue: Arc::default(),
        })
    }

    pub async fn migrate(&self) -> Result<(), StoreError> {
        match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await?,
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await?,
        }
        Ok(())
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn queue_signal(&self) -> &Arc<wakeup::QueueSignal> {
        &self.queue
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// For health checks: the schema is there and the database takes writes (a
    /// replica left read-only after a failover, or a missing schema, is not ready). The
    /// write touches nothing: it is rolled back.
    #[instrument(skip_all)]
    pub async fn ready(&self) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE console_settings SET value = value WHERE name = 'totp_required'")
            .execute(&mut *tx)
            .await?;
        tx.rollback().await?;
        Ok(())
    }
}

/// Creates the directory of a SQLite file and the file itself, readable by its owner
/// only (SQLite gives its WAL and shared-memory files the database file's mode).
fn prepare_sqlite_url(url: &str) -> Result<String, StoreError> {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:")
        .split('?')
        .next()
        .unwrap_or_default();
    if let Some(parent) = std::path::Path::new(path)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent).map_err(|source| StoreError::Directory {
            path: parent.display().to_string(),
            source,
        })?;
    }
    if !path.is_empty() && !path.starts_with(':') {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(false);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        options.open(path).map_err(|source| StoreError::Directory {
            path: path.to_owned(),
            source,
        })?;
    }
    Ok(if url.contains("mode=") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    })
}

/// Reads a column that holds one of a closed set of values (its CHECK constraint's).
fn decode<T>(row: &AnyRow, column: &str, parse: fn(&str) -> Option<T>) -> Result<T, sqlx::Error> {
    let text: String = row.try_get(column)?;
    parse(&text).ok_or_else(|| sqlx::Error::ColumnDecode {
        index: column.to_owned(),
        source: format!("unexpected value `{text}`").into(),
    })
}

/// Reads a truth value: PostgreSQL answers a boolean, SQLite an integer.
fn flag(row: &AnyRow, column: &str) -> Result<bool, sqlx::Error> {
    match row.try_get::<bool, _>(column) {
        Ok(value) => Ok(value),
        Err(_) => Ok(row.try_get::<i64, _>(column)? != 0),
    }
}

/// Unix seconds now.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Whether text can be looked up at all: PostgreSQL refuses NUL in text (an error, which
/// would read as an outage), and no stored key, name or id holds one, so a lookup with
/// one finds nothing, on either backend alike.
fn storable(text: &str) -> bool {
    !text.contains('\0')
}

/// The first second of `at`'s UTC day: the finest time kept for what a reporter does.
pub fn day_start(at: i64) -> i64 {
    at - at.rem_euclid(86_400)
}

/// Today's date (UTC), the only arrival time kept for a tip.
pub fn today() -> String {
    day_of(now())
}

const DAY: &[time::format_description::FormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

/// The UTC day of a time, as `YYYY-MM-DD`.
pub fn day_of(at: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(at)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
        .date()
        .format(DAY)
        .expect("a date always formats")
}

/// The day `days` before `day` (`YYYY-MM-DD`); `None` for a malformed day.
pub fn days_before(day: &str, days: u32) -> Option<String> {
    let date = time::Date::parse(day, DAY).ok()?;
    let earlier = date.checked_sub(time::Duration::days(i64::from(days)))?;
    earlier.format(DAY).ok()
}
