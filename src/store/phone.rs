//! Reports taken by phone: the tip and the audit row of the handler who took it commit
//! together, and a handler opening a report by its receipt code for a caller is audited.
//! Both rows are dated to the day: the time of a call is the time of a reporter's act.

use super::audit::{self, AuditEntry};
use super::tips::{insert_tip_query, NewTip};
use super::{Store, StoreError};
use crate::domain::{Actor, AuditAction};
use tracing::instrument;

impl Store {
    /// `insert_tip` for a report taken by `taker`. False, storing nothing, when the
    /// submission token was used already (the page posted again).
    #[instrument(skip_all)]
    pub(super) async fn insert_phone_tip(
        &self,
        tip: &NewTip,
        taker: &Actor,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let done = insert_tip_query(tip).execute(&mut *tx).await?;
        if done.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        audit::append(
            self.backend,
            &mut tx,
            &AuditEntry::new(
                super::day_start(super::now()),
                taker.audit_name(),
                AuditAction::PhoneReport,
                Some(tip.id.as_str()),
                &format!("region={}", tip.region),
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Records that `handler` looked a receipt code up for a caller: which tip it named,
    /// or that it named none.
    #[instrument(skip_all)]
    pub async fn audit_phone_follow_up(
        &self,
        handler: &Actor,
        tip_id: Option<&str>,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        audit::append(
            self.backend,
            &mut tx,
            &AuditEntry::new(
                super::day_start(now),
                handler.audit_name(),
                AuditAction::PhoneFollowUp,
                tip_id,
                if tip_id.is_some() {
                    ""
                } else {
                    "the code named no report"
                },
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
