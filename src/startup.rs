//! Building the service: keys, storage, rules, the worker and the TLS server.

use crate::config::Settings;
use crate::crypto::keys::{create_private_dir, Keys};
use crate::http::json_error;
use crate::redaction::Engine;
use crate::routing::Routing;
use crate::state::AppState;
use crate::store::Store;
use crate::worker::{Heartbeat, Worker};
use crate::{agency, health, intake, review, telemetry, tls, web as pages};
use actix_http::HttpService;
use actix_service::{map_config, IntoServiceFactory, ServiceFactoryExt};
use actix_web::dev::{AppConfig, Server};
use actix_web::http::StatusCode;
use actix_web::middleware::{from_fn, DefaultHeaders};
use actix_web::{web, App};
use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

pub fn load_engine(settings: &Settings) -> anyhow::Result<Engine> {
    Ok(match &settings.redaction.rules_dir {
        Some(dir) => Engine::from_dir(dir)?,
        None => Engine::embedded()?,
    })
}

/// The routing configuration, checked, and the agency registry brought into step
/// with it (audited when it changes).
pub async fn load_routing(settings: &Settings, store: &Store) -> anyhow::Result<Routing> {
    let routing = Routing::load(settings.routing.file.as_deref())?;
    let changes = store
        .configure_agencies(CONFIG_AUDIT_NAME, &routing.agencies, crate::store::now())
        .await?;
    if changes != Default::default() {
        tracing::info!(added = ?changes.added, changed = ?changes.changed, deactivated = ?changes.deactivated, "agencies updated from routing.toml");
    }
    Ok(routing)
}

/// Who the audit log names for changes made by the configuration at start.
pub const CONFIG_AUDIT_NAME: &str = "operator:config";

pub async fn connect_store(settings: &Settings) -> anyhow::Result<Store> {
    open_store(settings, crate::store::WAIT_AT_MOST).await
}

/// The store for a one-shot command (`tipline handler ...`, `tipline agency ...`): on
/// SQLite it waits up to a minute for the running server's write lock, where a request
/// waits 10 s, since an operator's command is better late than refused.
pub async fn connect_store_for_command(settings: &Settings) -> anyhow::Result<Store> {
    open_store(settings, Duration::from_secs(60)).await
}

async fn open_store(settings: &Settings, lock_wait: Duration) -> anyhow::Result<Store> {
    create_private_dir(&settings.data_dir)?;
    let url = &settings.database.url;
    let store = Store::connect_waiting(url, settings.database.max_connections, lock_wait).await?;
    store.migrate().await?;
    Ok(store)
}

pub struct Application {
    port: u16,
    metrics_port: Option<u16>,
    server: Server,
    worker: Worker,
    store: Store,
    /// The waiting-tips e-mail, when `[notify]` names an SMTP server.
    notifier: Option<crate::notify::Notifier>,
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
        let certificate = tls::ReloadableCertificate::load(&cert, &key)?;
        let tls_config =
            tls::server_config(certificate.clone(), settings.agency.client_ca.as_deref())?;
        tokio::spawn(reload_certificate_on_hangup(certificate));
        let store = connect_store(&settings).await?;
        let routing = Arc::new(load_routing(&settings, &store).await?);
        if store.backend() == crate::store::Backend::Postgres {
            tokio::spawn(crate::store::wakeup::relay_notifications(
                settings.database.url.clone(),
                store.queue_signal().clone(),
            ));
        }

        let wake = Arc::new(Notify::new());
        let poll = Duration::from_secs(settings.redaction.poll_seconds);
        let drawing = Duration::from_secs(settings.attachments.render_seconds.into());
        let heartbeat = Arc::new(Heartbeat::new(poll, drawing, crate::store::now()));
        let opened = Arc::new(crate::worker::opened::OpenedTips::default());
        let worker = Worker {
            store: store.clone(),
            keys: keys.clone(),
            engine,
            wake: wake.clone(),
            poll,
            retention_days: settings.retention.decided_days,
            heartbeat: heartbeat.clone(),
            opened: opened.clone(),
            pages: Arc::new(
                crate::worker::pages::PageRenderer::new(&settings.attachments).map_err(|e| {
                    anyhow::anyhow!("finding this program, to draw PDF pages with: {e}")
                })?,
            ),
            heif: Arc::new(
                crate::worker::heif::HeifDecoder::new(&settings.attachments).map_err(|e| {
                    anyhow::anyhow!("finding this program, to decode HEIC photos with: {e}")
                })?,
            ),
        };
        let port = listener.local_addr()?.port();
        let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
        let connections_per_worker = (settings.server.max_connections / workers).max(1);
        let anti_abuse = web::Data::new(intake::AntiAbuse::new(&settings, &keys.data));
        let caps =
            intake::connections::ConnectionCaps::new(settings.server.max_connections_per_address);
        let metrics = web::Data::new(crate::metrics::Metrics::default());
        let metrics_listener = match settings.metrics.listen {
            Some(address) => Some(
                TcpListener::bind(address)
                    .map_err(|e| anyhow::anyhow!("cannot listen for metrics on {address}: {e}"))?,
            ),
            None => None,
        };
        let metrics_port = match &metrics_listener {
            Some(listener) => Some(listener.local_addr()?.port()),
            None => None,
        };
        let state = web::Data::new(AppState {
            store: store.clone(),
            keys,
            settings: Arc::new(settings.clone()),
            routing,
            worker: wake,
            opened,
            worker_heartbeat: heartbeat,
        });
        let metrics_app = {
            let (state, metrics) = (state.clone(), metrics.clone());
            move || {
                App::new()
                    .app_data(state.clone())
                    .app_data(metrics.clone())
                    .wrap(from_fn(crate::http::deadline))
                    .wrap(security_headers())
                    .wrap(from_fn(telemetry::request_span))
                    .service(
                        crate::http::resource("/metrics", "GET")
                            .route(web::get().to(crate::metrics::serve)),
                    )
                    .default_service(web::to(crate::http::not_found))
            }
        };
        let app = move || {
            App::new()
                .app_data(state.clone())
                .app_data(anti_abuse.clone())
                .app_data(metrics.clone())
                .app_data(web::QueryConfig::default().error_handler(|error, _| {
                    let message = format!("bad query string: {error}");
                    actix_web::error::InternalError::from_response(
                        error,
                        json_error(StatusCode::BAD_REQUEST, message),
                    )
                    .into()
                }))
                .wrap(from_fn(crate::http::deadline))
                .wrap(security_headers())
                .wrap(from_fn(telemetry::request_span))
                .service(
                    crate::http::resource("/healthz", "GET").route(web::get().to(health::healthz)),
                )
                .service(
                    crate::http::resource("/readyz", "GET").route(web::get().to(health::readyz)),
                )
                .configure(intake::routes)
                .configure(review::routes)
                .configure(agency::routes)
                .configure(pages::routes)
                .default_service(web::to(crate::http::not_found))
        };
        // Built by hand rather than with `HttpServer` so that each accepted connection
        // meets its address's cap before the TLS handshake (`intake::connections`).
        // On SIGTERM, requests in flight get this long to finish; then the connections
        // close (a kept-alive or long-polling client reconnects to another replica, and a
        // lease whose answer is lost lapses and is delivered again), so a rolling
        // restart does not wait out every idle connection.
        let mut builder = Server::build()
            .workers(workers)
            .max_concurrent_connections(connections_per_worker)
            .shutdown_timeout(10)
            // Signals are `run_until_stopped`'s: it stops the worker before the server.
            .disable_signals();
        if let Some(listener) = metrics_listener {
            let tls_config = tls_config.clone();
            builder = builder.listen("metrics", listener, move || {
                HttpService::build()
                    .client_request_timeout(crate::http::HEADER_DEADLINE)
                    .keep_alive(crate::http::KEEP_ALIVE)
                    .client_disconnect_timeout(Duration::from_secs(1))
                    .finish(map_config(
                        metrics_app()
                            .into_factory()
                            .map_err(|e: actix_web::Error| e.error_response()),
                        |_| AppConfig::default(),
                    ))
                    .rustls_0_23((*tls_config).clone())
            })?;
        }
        let server = builder
            .listen("tipline", listener, move || {
                let http = HttpService::build()
                    .on_connect_ext(client_certificate)
                    .client_request_timeout(crate::http::HEADER_DEADLINE)
                    .keep_alive(crate::http::KEEP_ALIVE)
                    .client_disconnect_timeout(Duration::from_secs(1))
                    .finish(map_config(
                        app()
                            .into_factory()
                            .map_err(|e: actix_web::Error| e.error_response()),
                        // TLS-only, but nothing reads `AppConfig` (URLs are never built
                        // from it), so the default serves.
                        |_| AppConfig::default(),
                    ))
                    .rustls_0_23((*tls_config).clone());
                intake::connections::Capped::new(caps.clone(), http)
            })?
            .run();
        tracing::info!(port, "tipline listening (TLS only)");
        let notifier = crate::notify::Notifier::new(store.clone(), &settings.notify)?;
        Ok(Application {
            port,
            metrics_port,
            server,
            worker,
            store,
            notifier,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The metrics listener's port, when `metrics.listen` is set.
    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics_port
    }

    /// The service's store, shared by the server and the worker.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Serves and drafts side by side until either stops. The server stops on a signal;
    /// the worker only by failing, and then the server is stopped too and the process
    /// reports it, so a replica never goes on taking tips that nobody drafts.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        let handle = self.server.handle();
        let server = self.server;
        tokio::pin!(server);
        let mut worker = tokio::spawn(self.worker.run());
        // Best effort beside the service: a notice that fails is logged and tried at the
        // next time; it never stops the service.
        let mut notifier = self.notifier.map(|n| tokio::spawn(n.run()));
        let result = tokio::select! {
            graceful = stop_signal() => {
                // The worker and the notifier stop first, and are waited for. The pool's
                // connections were made on the server's threads' runtimes, which end
                // with the server: a pass still under way would meet them gone and log
                // an error at the very moment the service stops.
                stop_task(&mut worker).await;
                if let Some(mut notifier) = notifier.take() {
                    stop_task(&mut notifier).await;
                }
                // The server future carries out the stop: it is polled beside it.
                let (_, served) = tokio::join!(handle.stop(graceful), &mut server);
                served.map_err(anyhow::Error::from)
            }
            served = &mut server => {
                stop_task(&mut worker).await;
                served.map_err(anyhow::Error::from)
            }
            stopped = &mut worker => {
                let _ = tokio::join!(handle.stop(true), &mut server);
                Err(match stopped {
                    Ok(error) => anyhow::anyhow!("the redaction worker stopped: {error}"),
                    Err(panic) => anyhow::anyhow!("the redaction worker panicked: {panic}"),
                })
            }
        };
        if let Some(mut notifier) = notifier {
            stop_task(&mut notifier).await;
        }
        if let Err(e) = &result {
            tracing::error!(error = %e, "tipline stopped");
        }
        self.store.close().await;
        result
    }
}

/// Stops a task and waits until it has: a pass under way ends at its next await, not
/// after the store or the runtime it uses is gone.
async fn stop_task<T>(task: &mut tokio::task::JoinHandle<T>) {
    task.abort();
    let _ = task.await;
}

/// Waits for a signal to stop: `true` for SIGTERM (requests in flight may finish, as in
/// a rolling restart), `false` for SIGINT or SIGQUIT (stop now).
async fn stop_signal() -> bool {
    use tokio::signal::unix::{signal, SignalKind};
    let (Ok(mut term), Ok(mut int), Ok(mut quit)) = (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
        signal(SignalKind::quit()),
    ) else {
        tracing::warn!("cannot listen for signals: the service stops only when killed");
        return std::future::pending().await;
    };
    tokio::select! {
        _ = term.recv() => true,
        _ = int.recv() => false,
        _ = quit.recv() => false,
    }
}

/// Puts the client certificate a connection presented (already verified against
/// `agency.client_ca` in the handshake) where the agency API's extractor finds it.
fn client_certificate(
    io: &actix_tls::accept::rustls_0_23::TlsStream<actix_web::rt::net::TcpStream>,
    data: &mut actix_http::Extensions,
) {
    if let Some(certificate) = io
        .get_ref()
        .1
        .peer_certificates()
        .and_then(|chain| chain.first())
        .and_then(agency::auth::ClientCertificate::from_der)
    {
        data.insert(certificate);
    }
}

/// `kill -HUP` reloads the certificate and key (renewals need no restart); a pair that
/// does not load is refused and the old one keeps serving.
async fn reload_certificate_on_hangup(certificate: Arc<tls::ReloadableCertificate>) {
    use tokio::signal::unix::{signal, SignalKind};
    let Ok(mut hangups) = signal(SignalKind::hangup()) else {
        tracing::warn!("cannot listen for SIGHUP: the certificate reloads only on restart");
        return;
    };
    while hangups.recv().await.is_some() {
        match certificate.reload() {
            Ok(()) => tracing::info!("TLS certificate reloaded"),
            Err(e) => {
                tracing::error!(error = %e, "TLS certificate not reloaded; the old one is served")
            }
        }
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
