//! Building the service: keys, storage, rules, the worker and the TLS server.

use crate::config::Settings;
use crate::crypto::at_rest::DataKeys;
use crate::crypto::sealing::IntakeKeys;
use crate::http::json_error;
use crate::redaction::Engine;
use crate::store::Store;
use crate::worker::Worker;
use crate::{agency, intake, review, telemetry, tls, web as pages};
use actix_web::dev::Server;
use actix_web::http::StatusCode;
use actix_web::middleware::{from_fn, DefaultHeaders};
use actix_web::{web, App, HttpResponse, HttpServer};
use std::net::TcpListener;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

/// The service's secrets, loaded from the data directory (created on first run).
pub struct Keys {
    pub intake: IntakeKeys,
    pub data: DataKeys,
}

impl Keys {
    pub fn intake_key_path(data_dir: &Path) -> std::path::PathBuf {
        data_dir.join("intake-key")
    }

    pub fn data_key_path(data_dir: &Path) -> std::path::PathBuf {
        data_dir.join("data-key")
    }

    pub fn load_or_create(data_dir: &Path) -> anyhow::Result<Keys> {
        create_private_dir(data_dir)?;
        let intake_path = Self::intake_key_path(data_dir);
        let (intake, created) = IntakeKeys::load_or_create(&intake_path)?;
        if created {
            tracing::warn!(path = %intake_path.display(), key_id = intake.current_id(), "generated a new intake key pair");
        }
        let data_path = Self::data_key_path(data_dir);
        let (data, created) = DataKeys::load_or_create(&data_path)?;
        if created {
            tracing::warn!(path = %data_path.display(), "generated a new data key: back it up, the database is unreadable without it");
        }
        Ok(Keys { intake, data })
    }
}

/// Creates the data directory readable by its owner only; an existing one is left as the
/// operator set it up.
fn create_private_dir(dir: &Path) -> anyhow::Result<()> {
    if dir.exists() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .map_err(|e| anyhow::anyhow!("cannot create the data directory {}: {e}", dir.display()))
}

/// What every request handler can reach.
pub struct AppState {
    pub store: Store,
    pub keys: Arc<Keys>,
    pub settings: Arc<Settings>,
    /// Wakes the redaction worker when a tip arrives.
    pub worker: Arc<Notify>,
    /// The reporter side's rate limit and proof of work, held in memory only.
    pub intake: intake::AntiAbuse,
}

pub fn load_engine(settings: &Settings) -> anyhow::Result<Engine> {
    Ok(match &settings.redaction.rules_dir {
        Some(dir) => Engine::from_dir(dir)?,
        None => Engine::embedded()?,
    })
}

pub async fn connect_store(settings: &Settings) -> anyhow::Result<Store> {
    create_private_dir(&settings.data_dir)?;
    let store = Store::connect(&settings.database.url, settings.database.max_connections).await?;
    store.migrate().await?;
    Ok(store)
}

pub struct Application {
    port: u16,
    server: Server,
    store: Store,
}

impl Application {
    /// Binds `server.listen` and builds everything; serving starts with `run_until_stopped`.
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        let listener = TcpListener::bind(settings.server.listen)
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", settings.server.listen))?;
        Self::build_with_listener(settings, listener).await
    }

    pub async fn build_with_listener(
        settings: Settings,
        listener: TcpListener,
    ) -> anyhow::Result<Application> {
        let engine = Arc::new(load_engine(&settings)?);
        let keys = Arc::new(Keys::load_or_create(&settings.data_dir)?);
        let (cert, key) = tls::certificate_files(&settings.server, &settings.data_dir)?;
        let tls_config = tls::server_config(&cert, &key)?;
        let store = connect_store(&settings).await?;

        let wake = Arc::new(Notify::new());
        let worker = Worker {
            store: store.clone(),
            keys: keys.clone(),
            engine,
            wake: wake.clone(),
            poll: Duration::from_secs(settings.redaction.poll_seconds),
        };
        tokio::spawn(worker.run());

        let port = listener.local_addr()?.port();
        let state = web::Data::new(AppState {
            store: store.clone(),
            keys,
            intake: intake::AntiAbuse::new(&settings.intake),
            settings: Arc::new(settings),
            worker: wake,
        });
        let server = HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
                .app_data(web::QueryConfig::default().error_handler(|error, _| {
                    let message = format!("bad query string: {error}");
                    actix_web::error::InternalError::from_response(
                        error,
                        json_error(StatusCode::BAD_REQUEST, message),
                    )
                    .into()
                }))
                .wrap(security_headers())
                .wrap(from_fn(telemetry::request_span))
                .route("/healthz", web::get().to(healthz))
                .configure(intake::routes)
                .configure(review::routes)
                .configure(agency::routes)
                .configure(pages::routes)
                .default_service(web::to(crate::http::not_found))
        })
        .listen_rustls_0_23(listener, (*tls_config).clone())?
        .run();
        tracing::info!(port, "tipline listening (TLS only)");
        Ok(Application {
            port,
            server,
            store,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let result = self.server.await;
        self.store.close().await;
        result
    }
}

/// Headers on every response. Pages that need a looser policy set their own, which
/// `DefaultHeaders` leaves alone.
fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add((
            "Strict-Transport-Security",
            "max-age=63072000; includeSubDomains",
        ))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("Referrer-Policy", "no-referrer"))
        .add(("Cache-Control", "no-store"))
        .add(("X-Frame-Options", "DENY"))
        .add((
            "Content-Security-Policy",
            "default-src 'none'; frame-ancestors 'none'",
        ))
}

async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    match state.store.ping().await {
        Ok(()) => HttpResponse::Ok().json(serde_json::json!({ "status": "ok" })),
        Err(e) => {
            tracing::error!(error = %e, "health check: database unreachable");
            json_error(StatusCode::SERVICE_UNAVAILABLE, "database unreachable")
        }
    }
}
