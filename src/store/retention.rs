//! Retention: what a decided tip keeps, and for how long. After `retention.decided_days`
//! the original (the sealed envelope), the draft, the decision note and the conversation
//! with the reporter, and the sealed originals of its files (and the stripped copies
//! that were not forwarded), are erased; the tip's row stays (status, category, days) so the
//! reporter's code still says what became of it, and the cases stay with the agencies.

use super::audit::{self, AuditEntry};
use super::{Backend, Store, StoreError};
use crate::domain::AuditAction;
use sqlx::{Any, Transaction};
use tracing::instrument;

/// How the audit log names the retention sweep.
pub const RETENTION_AUDIT_NAME: &str = "system:retention";

/// The PostgreSQL advisory lock the hourly sweep takes, so that one replica sweeps at a
/// time (the audit log's appenders take 7460512).
const SWEEP_LOCK: i64 = 7_460_513;

impl Store {
    /// Erases what decided tips keep once `days` have passed since their decision, as of
    /// `today` (`YYYY-MM-DD`, a parameter so that tests can move the clock). Returns how
    /// many tips were erased; a sweep that erased any is audited.
    #[instrument(skip_all)]
    pub async fn apply_retention(
        &self,
        today: &str,
        days: u32,
        now: i64,
    ) -> Result<u64, StoreError> {
        let mut tx = self.pool.begin().await?;
        let erased = erase_expired(self.backend, &mut tx, today, days, now).await?;
        tx.commit().await?;
        Ok(erased)
    }

    /// The hourly sweep, run by one replica at a time: retention, the files staged for a
    /// forward that was abandoned (`store::staged`), the sign-in counts of
    /// made-up usernames not tried for a day, and the proof-of-work challenges that
    /// expired before today. On PostgreSQL it runs under an advisory lock taken for its
    /// transaction; a replica that finds the lock held skips the sweep (`None`), since
    /// another is doing it now. Returns how many tips retention erased.
    #[instrument(skip_all)]
    pub async fn hourly_sweep(
        &self,
        today: &str,
        days: u32,
        now: i64,
    ) -> Result<Option<u64>, StoreError> {
        let mut tx = self.pool.begin().await?;
        if self.backend == Backend::Postgres {
            let ours: bool = sqlx::query_scalar("SELECT pg_try_advisory_xact_lock($1)")
                .bind(SWEEP_LOCK)
                .fetch_one(&mut *tx)
                .await?;
            if !ours {
                tx.rollback().await?;
                return Ok(None);
            }
        }
        let erased = erase_expired(self.backend, &mut tx, today, days, now).await?;
        sqlx::query("DELETE FROM unknown_sign_ins WHERE last_attempt_at <= $1")
            .bind(now - super::credentials::FORGET_AFTER)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM spent_challenges WHERE expires_on < $1")
            .bind(today)
            .execute(&mut *tx)
            .await?;
        // Files of a submission cut off before its tip was stored (a crash, a lost
        // connection): never seen by anyone. From before yesterday, so an upload under way
        // at midnight is not swept from under it.
        let stale = super::days_before(today, 1).unwrap_or_default();
        sqlx::query(
            "DELETE FROM attachment_chunks WHERE attachment_id IN \
               (SELECT id FROM attachments WHERE state = 'uploading' AND created_on < $1)",
        )
        .bind(&stale)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM attachments WHERE state = 'uploading' AND created_on < $1")
            .bind(&stale)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM undo_windows WHERE until <= $1")
            .bind(now)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        // In short transactions of its own, after the sweep's: a file is tens of MB.
        self.drop_abandoned_staging(now).await?;
        Ok(Some(erased))
    }
}

async fn erase_expired(
    backend: Backend,
    tx: &mut Transaction<'static, Any>,
    today: &str,
    days: u32,
    now: i64,
) -> Result<u64, StoreError> {
    let Some(cutoff) = super::days_before(today, days) else {
        return Ok(0);
    };
    // A tip forwarded before and back in review (the reporter added to it) waits.
    let expired = "SELECT id FROM tips WHERE decided_on < $1 AND erased_on IS NULL \
                   AND status IN ('forwarded', 'rejected')";
    sqlx::query(&format!("DELETE FROM messages WHERE tip_id IN ({expired})"))
        .bind(&cutoff)
        .execute(&mut **tx)
        .await?;
    // The sealed originals of its files go too, and the stripped copies nobody was
    // sent; a copy forwarded to an agency without a key stays with its case, as its body
    // does. One sent only to agencies with keys goes: their cases hold it sealed to them
    // (`case_attachment_chunks`), and nothing else needs the data key's copy.
    let files = format!("SELECT id FROM attachments WHERE tip_id IN ({expired})");
    sqlx::query(&format!(
        "DELETE FROM attachment_chunks WHERE attachment_id IN ({files})"
    ))
    .bind(&cutoff)
    .execute(&mut **tx)
    .await?;
    let kept = "SELECT attachment_id FROM case_attachments WHERE sealed_key IS NULL";
    sqlx::query(&format!(
        "DELETE FROM attachment_stripped_chunks \
         WHERE attachment_id IN ({files}) AND attachment_id NOT IN ({kept})"
    ))
    .bind(&cutoff)
    .execute(&mut **tx)
    .await?;
    sqlx::query(&format!(
        "UPDATE attachments SET sealed_key = $2, found_text = NULL, \
           stripped = CASE WHEN id IN ({kept}) THEN stripped ELSE NULL END, \
           stripped_key = CASE WHEN id IN ({kept}) THEN stripped_key ELSE NULL END \
         WHERE id IN ({files})"
    ))
    .bind(&cutoff)
    .bind(Vec::<u8>::new())
    .execute(&mut **tx)
    .await?;
    let erased = sqlx::query(
        "UPDATE tips SET sealed = $2, draft = NULL, decision_note = NULL, erased_on = $3 \
         WHERE decided_on < $1 AND erased_on IS NULL AND status IN ('forwarded', 'rejected')",
    )
    .bind(&cutoff)
    .bind(Vec::<u8>::new())
    .bind(today)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if erased > 0 {
        audit::append(
            backend,
            tx,
            &AuditEntry::new(
                now,
                RETENTION_AUDIT_NAME.to_owned(),
                AuditAction::Erased,
                None,
                &format!("tips={erased}; decided_before={cutoff}"),
            ),
        )
        .await?;
    }
    Ok(erased)
}
