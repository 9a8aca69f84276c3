//! What every request handler can reach. A leaf: it names the shared pieces and builds
//! nothing, so route modules depend on it and `startup` alone wires it up.

use crate::config::Settings;
use crate::crypto::keys::Keys;
use crate::routing::Routing;
use crate::store::Store;
use crate::worker::opened::OpenedTips;
use crate::worker::Heartbeat;
use std::sync::Arc;
use tokio::sync::Notify;

/// What every request handler can reach.
pub struct AppState {
    pub store: Store,
    pub keys: Arc<Keys>,
    pub settings: Arc<Settings>,
    /// The agencies and the rules that suggest them (`routing.toml`).
    pub routing: Arc<Routing>,
    /// Wakes the redaction worker when a tip arrives.
    pub worker: Arc<Notify>,
    /// Tips opened at intake, handed to the worker so it need not open them again.
    pub opened: Arc<OpenedTips>,
    /// When the redaction worker last reported (`/readyz`).
    pub worker_heartbeat: Arc<Heartbeat>,
}
