//! Files sealed to an agency ahead of the decision that sends them (invariant 16). A
//! file for an agency with its own key is sealed to it for its case, in transactions of
//! its own, before the decision commits: so the decision's commit stays small (it links what was staged), and SQLite's one connection is never held
//! while tens of megabytes are written, with tips waiting behind it. A staged file
//! (`staged_case_files`, its chunks already in `case_attachment_chunks` under the id of a
//! case not yet stored) reaches no agency: an agency is served only a file linked to a
//! stored case it holds. The decision links it only if the stripped copy is still the
//! one sealed (a region blacked out meanwhile fails the decision); a forward that fails
//! drops what it staged, and the hourly sweep drops what an abandoned one left.

use super::attachments::{CopyError, StoredCopy, COPY_COLUMNS};
use super::{Backend, Store, StoreError};
use crate::crypto::at_rest::DataKeys;
use crate::domain::{AttachmentId, CaseId, CaseKind, NewCase};
use sqlx::{Any, Row, Transaction};
use tracing::instrument;

/// Chunks of a file sealed and written (or dropped) in one transaction. On SQLite one
/// (256 KiB), so that tips arriving meanwhile take its one connection between two:
/// against four, measured with the load tool's `files` phase, the intake's median while
/// a forward sealed 60 MB was 7-16 against 13-30 ms, the forward as fast. On PostgreSQL
/// a transaction holds no connection but its own, and a commit a chunk (a WAL flush
/// each) made the same forward take 0.8-1.7 s instead of 0.5-0.6: a file a transaction.
fn chunks_a_transaction(backend: Backend) -> i64 {
    match backend {
        Backend::Sqlite => 1,
        Backend::Postgres => i64::MAX,
    }
}

/// How long a staged file may wait for its decision before the hourly sweep drops it:
/// far past any request's deadline, so only an abandoned forward's.
const STAGED_AT_MOST: i64 = 3600;

/// The files staged for a decision, by case and file: what its commit links.
#[derive(Default)]
pub(super) struct Staged(Vec<(CaseId, AttachmentId)>);

impl Staged {
    pub(super) fn holds(&self, case: &CaseId, file: &AttachmentId) -> bool {
        self.0.iter().any(|(c, f)| c == case && f == file)
    }
}

/// The files of a decision that go with `case`: those sent with the report go with the
/// report, those sent with a message with that message's update.
pub(super) fn sent_with<'a>(
    case: &NewCase,
    files: &'a [(AttachmentId, Option<i64>)],
) -> impl Iterator<Item = &'a AttachmentId> {
    let goes_with = match case.kind() {
        CaseKind::Report => None,
        CaseKind::Update => Some(case.sequence()),
    };
    files
        .iter()
        .filter(move |(_, with)| *with == goes_with)
        .map(|(file, _)| file)
}

impl Store {
    /// Seals each of `files` that goes to an agency with a key to it, for its case,
    /// recording each in `staged` as soon as its row is written (so a failure part way
    /// leaves the caller knowing what to drop). Only a stripped file of tip `tip` is
    /// staged, whatever the caller named. Each chunk of the stored copy is read, opened,
    /// sealed and written before the next is read: a file is never whole in memory, and
    /// on SQLite each transaction is short.
    #[instrument(skip_all)]
    pub(super) async fn stage_files(
        &self,
        tip: &str,
        cases: &[NewCase],
        files: &[(AttachmentId, Option<i64>)],
        data_keys: &DataKeys,
        now: i64,
        staged: &mut Staged,
    ) -> Result<(), StoreError> {
        for case in cases {
            for file in sent_with(case, files) {
                let Some(sealed) = case.seal_file(file) else {
                    continue;
                };
                let row = sqlx::query(&format!(
                    "SELECT stripped_sha256, {COPY_COLUMNS} FROM attachments \
                     WHERE id = $1 AND tip_id = $2 AND state = 'stripped'"
                ))
                .bind(file.as_str())
                .bind(tip)
                .fetch_optional(&self.pool)
                .await?;
                let Some(row) = row else {
                    continue;
                };
                let copy =
                    StoredCopy::from_row(&row, file, data_keys).map_err(CopyError::in_decision)?;
                let per_transaction = chunks_a_transaction(self.backend);
                let mut tx = self.pool.begin().await?;
                sqlx::query(
                    "INSERT INTO staged_case_files \
                       (case_id, attachment_id, sealed_key, stripped_sha256, staged_at) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(case.id().as_str())
                .bind(file.as_str())
                .bind(sealed.sealed_key())
                .bind(row.try_get::<String, _>("stripped_sha256")?)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                staged.0.push((case.id().clone(), file.clone()));
                let count = copy.count();
                for n in 0..count {
                    if n > 0 && n % per_transaction == 0 {
                        tx.commit().await?;
                        tx = self.pool.begin().await?;
                    }
                    let plain = copy
                        .chunk(&mut *tx, file, n)
                        .await
                        .map_err(CopyError::in_decision)?;
                    sqlx::query(
                        "INSERT INTO case_attachment_chunks (case_id, attachment_id, n, ct) \
                         VALUES ($1, $2, $3, $4)",
                    )
                    .bind(case.id().as_str())
                    .bind(file.as_str())
                    .bind(n)
                    .bind(sealed.seal_chunk(n as u64, n + 1 == count, &plain))
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
            }
        }
        Ok(())
    }

    /// Drops what a decision that did not commit staged.
    pub(super) async fn drop_staged(&self, staged: &Staged) -> Result<(), StoreError> {
        for (case, file) in &staged.0 {
            self.drop_staged_file(case.as_str(), file.as_str()).await?;
        }
        Ok(())
    }

    /// Drops the files staged before `now - STAGED_AT_MOST`, left by a forward that
    /// stopped before it could drop them (the process ended, or the request's deadline
    /// passed); returns how many.
    #[instrument(skip_all)]
    pub async fn drop_abandoned_staging(&self, now: i64) -> Result<u64, StoreError> {
        let left: Vec<(String, String)> = sqlx::query_as(
            "SELECT case_id, attachment_id FROM staged_case_files WHERE staged_at < $1",
        )
        .bind(now - STAGED_AT_MOST)
        .fetch_all(&self.pool)
        .await?;
        for (case, file) in &left {
            self.drop_staged_file(case, file).await?;
        }
        Ok(left.len() as u64)
    }

    /// A staged file's chunks, `chunks_a_transaction` at a time (on SQLite a delete
    /// overwrites what it deletes, `secure_delete`, so it writes as much as it frees),
    /// then its row. Only while the
    /// row is there: a file a decision linked (whose commit dropped the row) keeps its
    /// chunks, even if that commit's answer was lost.
    async fn drop_staged_file(&self, case: &str, file: &str) -> Result<(), StoreError> {
        loop {
            let gone = sqlx::query(
                "DELETE FROM case_attachment_chunks \
                 WHERE case_id = $1 AND attachment_id = $2 \
                   AND n IN (SELECT n FROM case_attachment_chunks \
                     WHERE case_id = $1 AND attachment_id = $2 ORDER BY n LIMIT $3) \
                   AND EXISTS (SELECT 1 FROM staged_case_files \
                     WHERE case_id = $1 AND attachment_id = $2)",
            )
            .bind(case)
            .bind(file)
            .bind(chunks_a_transaction(self.backend))
            .execute(&self.pool)
            .await?;
            if gone.rows_affected() == 0 {
                break;
            }
        }
        sqlx::query("DELETE FROM staged_case_files WHERE case_id = $1 AND attachment_id = $2")
            .bind(case)
            .bind(file)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

/// Links a staged file to its case, now stored, in the decision's transaction, and
/// drops its staged row: only while the file is still a stripped file of tip `tip` whose
/// copy is the one sealed. False when it is not (a region was blacked out since): the
/// decision must not go ahead. On PostgreSQL the file's row is locked until the
/// decision commits, so a black-out waits and then finds the file sent.
pub(super) async fn link_staged(
    tx: &mut Transaction<'static, Any>,
    backend: Backend,
    tip: &str,
    case: &CaseId,
    file: &AttachmentId,
) -> Result<bool, StoreError> {
    lock_file(tx, backend, file).await?;
    let linked = sqlx::query(
        "INSERT INTO case_attachments (case_id, attachment_id, sealed_key) \
         SELECT s.case_id, s.attachment_id, s.sealed_key \
         FROM staged_case_files s JOIN attachments a ON a.id = s.attachment_id \
         WHERE s.case_id = $1 AND s.attachment_id = $2 AND a.tip_id = $3 \
           AND a.state = 'stripped' AND a.stripped_sha256 = s.stripped_sha256",
    )
    .bind(case.as_str())
    .bind(file.as_str())
    .bind(tip)
    .execute(&mut **tx)
    .await?;
    sqlx::query("DELETE FROM staged_case_files WHERE case_id = $1 AND attachment_id = $2")
        .bind(case.as_str())
        .bind(file.as_str())
        .execute(&mut **tx)
        .await?;
    Ok(linked.rows_affected() == 1)
}

/// Links a stripped file of tip `tip` to a case whose agency has no key of its own (it
/// is served the copy under the data key); nothing when the file is not one.
pub(super) async fn link_unsealed(
    tx: &mut Transaction<'static, Any>,
    backend: Backend,
    tip: &str,
    case: &CaseId,
    file: &AttachmentId,
) -> Result<(), StoreError> {
    lock_file(tx, backend, file).await?;
    sqlx::query(
        "INSERT INTO case_attachments (case_id, attachment_id) \
         SELECT $1, id FROM attachments WHERE id = $2 AND tip_id = $3 AND state = 'stripped'",
    )
    .bind(case.as_str())
    .bind(file.as_str())
    .bind(tip)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Holds a file's row until the transaction ends (PostgreSQL; SQLite has one writer), so
/// that a black-out and a decision sending the file take turns.
pub(super) async fn lock_file(
    tx: &mut Transaction<'static, Any>,
    backend: Backend,
    file: &AttachmentId,
) -> Result<(), StoreError> {
    sqlx::query(&format!(
        "SELECT id FROM attachments WHERE id = $1{}",
        backend.for_update()
    ))
    .bind(file.as_str())
    .fetch_optional(&mut **tx)
    .await?;
    Ok(())
}
