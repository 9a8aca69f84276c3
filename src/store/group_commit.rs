//! Group commit for arriving tips. Every submission is handed to a writer task, which
//! commits whatever has gathered since its last commit as one multi-row `INSERT` (one
//! transaction, one fsync) and only then answers each submitter. The batch size follows
//! the load by itself: an idle writer takes the first tip at once and commits it alone
//! (no added wait); under load, the tips that arrived during one commit make the next.

use super::tips::NewTip;
use super::{Backend, StoreError};
use sqlx::{AnyPool, Row};
use std::collections::HashSet;
use std::sync::{Arc, OnceLock};
use tokio::sync::{mpsc, oneshot, Mutex};

/// The most tips in one commit (6 parameters each, far below either backend's limit).
const MOST_PER_COMMIT: usize = 256;
/// Submissions waiting for a writer before submitters wait to hand theirs over.
const QUEUE: usize = 4096;

struct Pending {
    tip: NewTip,
    done: oneshot::Sender<Result<bool, StoreError>>,
}

/// The submitters' side; the writers start at the first tip (so a store opened by a
/// command that stores no tip starts none) and stop when the last `Store` is dropped.
pub(super) struct TipWriter {
    pool: AnyPool,
    backend: Backend,
    queue: OnceLock<mpsc::Sender<Pending>>,
    /// The runtime the store was opened on, where the writers run. actix-web serves each
    /// worker thread on a runtime of its own and a graceful stop ends them one by one: a
    /// writer started on the runtime of the request that brought the first tip would die
    /// with it, and a tip still in flight on another thread would be refused.
    runtime: tokio::runtime::Handle,
}

impl TipWriter {
    /// Called within the runtime that outlives the server's (`Store::connect`).
    pub(super) fn new(pool: AnyPool, backend: Backend) -> Self {
        TipWriter {
            pool,
            backend,
            queue: OnceLock::new(),
            runtime: tokio::runtime::Handle::current(),
        }
    }

    /// Stores the tip and answers once the commit holding it is durable: true if it was
    /// stored, false if a tip with its submission hash already was.
    pub(super) async fn insert(&self, tip: NewTip) -> Result<bool, StoreError> {
        let queue = self.queue.get_or_init(|| self.start());
        let (done, answer) = oneshot::channel();
        if queue.send(Pending { tip, done }).await.is_err() {
            return Err(sqlx::Error::PoolClosed.into());
        }
        answer
            .await
            .unwrap_or(Err(StoreError::Database(sqlx::Error::PoolClosed)))
    }

    fn start(&self) -> mpsc::Sender<Pending> {
        let (sender, receiver) = mpsc::channel(QUEUE);
        let receiver = Arc::new(Mutex::new(receiver));
        // SQLite has one connection and one writer. PostgreSQL commits from several
        // connections at once: a second writer sends its batch while the first waits
        // for its flush.
        let writers = match self.backend {
            Backend::Sqlite => 1,
            Backend::Postgres => 2,
        };
        for _ in 0..writers {
            self.runtime
                .spawn(write(self.pool.clone(), receiver.clone()));
        }
        sender
    }
}

async fn write(pool: AnyPool, receiver: Arc<Mutex<mpsc::Receiver<Pending>>>) {
    let mut batch = Vec::with_capacity(MOST_PER_COMMIT);
    loop {
        let taken = receiver
            .lock()
            .await
            .recv_many(&mut batch, MOST_PER_COMMIT)
            .await;
        if taken == 0 {
            return; // every submitter is gone
        }
        commit(&pool, std::mem::take(&mut batch)).await;
    }
}

/// Commits a batch and answers each of its submitters. A batch that fails is tried again
/// a tip at a time, so one bad row costs the others nothing and each submitter gets
/// its own tip's outcome.
async fn commit(pool: &AnyPool, batch: Vec<Pending>) {
    let tips: Vec<&NewTip> = batch.iter().map(|p| &p.tip).collect();
    match insert_many(pool, &tips).await {
        Ok(stored) => {
            // TRACE only: a line at the time tips arrive is a record of when they did
            // (invariant 2 allows reporter requests DEBUG at most).
            tracing::trace!(tips = batch.len(), "committed a group of tips");
            for pending in batch {
                let stored = stored.contains(pending.tip.id.as_str());
                let _ = pending.done.send(Ok(stored));
            }
        }
        Err(error) if batch.len() == 1 => {
            if let Some(pending) = batch.into_iter().next() {
                let _ = pending.done.send(Err(error));
            }
        }
        Err(_) => {
            for pending in batch {
                let outcome = insert_many(pool, &[&pending.tip])
                    .await
                    .map(|stored| !stored.is_empty());
                let _ = pending.done.send(outcome);
            }
        }
    }
}

/// One statement, so one transaction: the ids of the tips stored (a tip whose
/// submission hash is stored already, or comes twice in the batch, is not).
async fn insert_many(pool: &AnyPool, tips: &[&NewTip]) -> Result<HashSet<String>, StoreError> {
    let mut sql = String::from(
        "INSERT INTO tips (id, status, category, received_on, sealed, receipt_hash, submission_hash, \
           channel, region) VALUES ",
    );
    for i in 0..tips.len() {
        let p = i * 8;
        if i > 0 {
            sql.push_str(", ");
        }
        sql.push_str(&format!(
            "(${}, 'received', ${}, ${}, ${}, ${}, ${}, ${}, ${})",
            p + 1,
            p + 2,
            p + 3,
            p + 4,
            p + 5,
            p + 6,
            p + 7,
            p + 8
        ));
    }
    sql.push_str(" ON CONFLICT (submission_hash) DO NOTHING RETURNING id");
    let mut query = sqlx::query(&sql);
    for tip in tips {
        query = query
            .bind(tip.id.as_str())
            .bind(tip.category.as_str())
            .bind(&tip.received_on)
            .bind(&tip.sealed)
            .bind(&tip.receipt_hash)
            .bind(tip.submission_hash.as_deref())
            .bind(tip.channel.as_str())
            .bind(tip.region.as_str());
    }
    let rows = query.fetch_all(pool).await?;
    rows.iter()
        .map(|r| r.try_get::<String, _>("id").map_err(StoreError::from))
        .collect()
}
