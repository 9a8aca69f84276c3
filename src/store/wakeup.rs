//! Wakes the leases that long-poll for an agency's cases when one is queued for it.
//! In this process the store wakes them after its commit; on PostgreSQL the commit also
//! sends a NOTIFY (in the same transaction, so it is delivered only if the case is
//! really there), which `relay_notifications` turns into the same wake-up on every
//! replica. A lost notification costs at most `agency.long_poll_recheck_seconds`: the
//! waiting lease looks again after that long anyway.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Notify;

/// The PostgreSQL channel; the payload is the agency id.
pub const CHANNEL: &str = "tipline_case_queued";

#[derive(Default)]
pub struct QueueSignal {
    agencies: Mutex<HashMap<String, Arc<Notify>>>,
}

impl QueueSignal {
    /// What a long-polling lease for `agency` waits on.
    pub fn for_agency(&self, agency: &str) -> Arc<Notify> {
        self.agencies
            .lock()
            .expect("queue signal lock")
            .entry(agency.to_owned())
            .or_default()
            .clone()
    }

    /// Wakes every lease waiting for `agency`'s cases.
    pub fn wake(&self, agency: &str) {
        if let Some(notify) = self.agencies.lock().expect("queue signal lock").get(agency) {
            notify.notify_waiters();
        }
    }
}

/// Listens on PostgreSQL for cases queued by any replica and wakes this one's waiting
/// leases. Runs until the process stops; a lost connection is made again.
pub async fn relay_notifications(url: String, signal: Arc<QueueSignal>) {
    loop {
        match sqlx::postgres::PgListener::connect(&url).await {
            Ok(mut listener) => {
                if let Err(e) = listener.listen(CHANNEL).await {
                    tracing::warn!(error = %e, "cannot listen for queued cases; long polls fall back to rechecking");
                } else {
                    loop {
                        match listener.recv().await {
                            Ok(note) => signal.wake(note.payload()),
                            Err(e) => {
                                tracing::warn!(error = %e, "lost the queued-case listener; reconnecting");
                                break;
                            }
                        }
                    }
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for queued cases; long polls fall back to rechecking")
            }
        }
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
}
