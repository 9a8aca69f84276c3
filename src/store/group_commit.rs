//! Group commit for arriving tips. Every submission is handed to a writer task, which
//! commits whatever has gathered since its last commit as one multi-row `INSERT` (one
//! transaction, one fsync) and only then answers each submitter. The batch size follows
//! the load by itself: an idle writer takes the first tip at once and commits it alone
//! (no added wait); under load, the tips that arrived during one commit make the next.
//! A tip's proof-of-work challenge is recorded as spent in the same transaction, first:
//! a challenge already spent (before, or by an earlier tip of the group) turns its tip
//! away unstored.

use super::challenges::{self, SpentChallenge};
use super::tips::NewTip;
use super::{Backend, StoreError};
use sqlx::{Any, AnyPool, Executor, Row};
use std::collections::HashSet;
use std::sync::{Arc, OnceLock};
use tokio::sync::{mpsc, oneshot, Mutex};

/// The most tips in one commit (6 parameters each, far below either backend's limit).
const MOST_PER_COMMIT: usize = 256;
/// Submissions waiting for a writer before submitters wait to hand theirs over.
const QUEUE: usize = 4096;

struct Pending {
    tip: NewTip,
    challenge: Option<SpentChallenge>,
    done: oneshot::Sender<Result<Inserted, StoreError>>,
}

/// What became of a tip handed to the writer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inserted {
    Stored,
    /// A tip with its submission hash is stored already: nothing was.
    AlreadyStored,
    /// Its proof-of-work challenge was spent already: nothing was stored.
    ChallengeReused,
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

    /// Stores the tip, and spends its challenge, and answers once the commit holding
    /// them is durable.
    pub(super) async fn insert(
        &self,
        tip: NewTip,
        challenge: Option<SpentChallenge>,
    ) -> Result<Inserted, StoreError> {
        let queue = self.queue.get_or_init(|| self.start());
        let (done, answer) = oneshot::channel();
        let pending = Pending {
            tip,
            challenge,
            done,
        };
        if queue.send(pending).await.is_err() {
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
    let group: Vec<&Pending> = batch.iter().collect();
    match insert_group(pool, &group).await {
        Ok(outcomes) => {
            // TRACE only: a line at the time tips arrive is a record of when they did
            // (invariant 2 allows reporter requests DEBUG at most).
            tracing::trace!(tips = batch.len(), "committed a group of tips");
            for (pending, outcome) in batch.into_iter().zip(outcomes) {
                let _ = pending.done.send(Ok(outcome));
            }
        }
        Err(error) if batch.len() == 1 => {
            if let Some(pending) = batch.into_iter().next() {
                let _ = pending.done.send(Err(error));
            }
        }
        Err(_) => {
            for pending in batch {
                let outcome = insert_group(pool, &[&pending])
                    .await
                    .map(|outcomes| outcomes[0]);
                let _ = pending.done.send(outcome);
            }
        }
    }
}

/// One transaction: the group's challenges spent, then its tips stored; each tip's
/// outcome in order. A group without challenges is one statement, itself a transaction.
async fn insert_group(pool: &AnyPool, group: &[&Pending]) -> Result<Vec<Inserted>, StoreError> {
    let challenges: Vec<&SpentChallenge> =
        group.iter().filter_map(|p| p.challenge.as_ref()).collect();
    if challenges.is_empty() {
        let tips: Vec<&NewTip> = group.iter().map(|p| &p.tip).collect();
        let stored = insert_many(pool, &tips).await?;
        return Ok(outcomes(group, &stored, &HashSet::new()));
    }
    let mut tx = pool.begin().await?;
    let mut fresh = challenges::spend(&mut *tx, &challenges).await?;
    // Each fresh challenge goes to the first tip of the group that brings it.
    let refused: HashSet<usize> = group
        .iter()
        .enumerate()
        .filter(|(_, p)| p.challenge.as_ref().is_some_and(|c| !fresh.remove(&c.id)))
        .map(|(i, _)| i)
        .collect();
    let tips: Vec<&NewTip> = group
        .iter()
        .enumerate()
        .filter(|(i, _)| !refused.contains(i))
        .map(|(_, p)| &p.tip)
        .collect();
    let stored = insert_many(&mut *tx, &tips).await?;
    tx.commit().await?;
    Ok(outcomes(group, &stored, &refused))
}

fn outcomes(
    group: &[&Pending],
    stored: &HashSet<String>,
    refused: &HashSet<usize>,
) -> Vec<Inserted> {
    group
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if refused.contains(&i) {
                Inserted::ChallengeReused
            } else if stored.contains(p.tip.id.as_str()) {
                Inserted::Stored
            } else {
                Inserted::AlreadyStored
            }
        })
        .collect()
}

/// One statement: the ids of the tips stored (a tip whose submission hash is stored
/// already, or comes twice in the batch, is not).
async fn insert_many<'e, E>(executor: E, tips: &[&NewTip]) -> Result<HashSet<String>, StoreError>
where
    E: Executor<'e, Database = Any>,
{
    if tips.is_empty() {
        return Ok(HashSet::new());
    }
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
    let rows = executor.fetch_all(query).await?;
    rows.iter()
        .map(|r| r.try_get::<String, _>("id").map_err(StoreError::from))
        .collect()
}
