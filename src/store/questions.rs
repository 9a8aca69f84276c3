//! Questions agencies ask about their cases. Each goes to the handler who forwarded the
//! case (and to supervisors), who marks it handled once dealt with (audited).

use super::audit::{self, AuditEntry};
use super::{Store, StoreError};
use crate::domain::{Actor, AuditAction, CaseId};
use sqlx::Row;
use tracing::instrument;

/// An open question as the console lists it.
pub struct OpenQuestion {
    pub seq: i64,
    pub case_id: CaseId,
    pub tip_id: String,
    pub agency_id: String,
    /// AEAD ciphertext (`case:<id>:question`).
    pub body: Vec<u8>,
    pub asked_on: String,
    pub forwarded_by: Option<String>,
}

impl Store {
    /// Stores an agency's question about its case, if the case is the agency's and has
    /// been delivered to it. `None` otherwise (another agency's case looks like none).
    #[instrument(skip_all)]
    pub async fn ask_about_case(
        &self,
        agency_id: &str,
        case_id: &str,
        body: &[u8],
        today: &str,
    ) -> Result<Option<i64>, StoreError> {
        if !super::storable(case_id) {
            return Ok(None);
        }
        Ok(sqlx::query(
            "INSERT INTO agency_questions (case_id, body, asked_on) \
             SELECT id, $3, $4 FROM cases WHERE id = $1 AND agency_id = $2 AND deliveries > 0 \
             RETURNING seq",
        )
        .bind(case_id)
        .bind(agency_id)
        .bind(body)
        .bind(today)
        .fetch_optional(&self.pool)
        .await?
        .map(|r| r.try_get("seq"))
        .transpose()?)
    }

    /// Questions not yet handled: on cases `forwarded_by` forwarded, or all of them.
    #[instrument(skip_all)]
    pub async fn open_questions(
        &self,
        forwarded_by: Option<i64>,
    ) -> Result<Vec<OpenQuestion>, StoreError> {
        let rows = sqlx::query(
            "SELECT q.seq, q.case_id, c.tip_id, c.agency_id, q.body, q.asked_on, h.username \
             FROM agency_questions q JOIN cases c ON c.id = q.case_id \
             LEFT JOIN handlers h ON h.id = c.forwarded_by \
             WHERE q.handled_on IS NULL AND ($1 = 0 OR c.forwarded_by = $1) ORDER BY q.seq",
        )
        .bind(forwarded_by.unwrap_or(0))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(OpenQuestion {
                    seq: r.try_get("seq")?,
                    case_id: CaseId::from_stored(r.try_get("case_id")?),
                    tip_id: r.try_get("tip_id")?,
                    agency_id: r.try_get("agency_id")?,
                    body: r.try_get("body")?,
                    asked_on: r.try_get("asked_on")?,
                    forwarded_by: r.try_get("username")?,
                })
            })
            .collect()
    }

    /// Marks an open question handled, audited; on a case `forwarded_by` forwarded, or
    /// any when `None` (a supervisor). False when there is no such open question.
    #[instrument(skip_all)]
    pub async fn handle_question(
        &self,
        who: &Actor,
        forwarded_by: Option<i64>,
        seq: i64,
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query(
            "UPDATE agency_questions SET handled_by = $1, handled_on = $2 \
             WHERE seq = $3 AND handled_on IS NULL AND case_id IN \
               (SELECT id FROM cases WHERE $4 = 0 OR forwarded_by = $4) \
             RETURNING case_id",
        )
        .bind(who.id)
        .bind(super::day_of(now))
        .bind(seq)
        .bind(forwarded_by.unwrap_or(0))
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            tx.rollback().await?;
            return Ok(false);
        };
        let case_id: String = row.try_get("case_id")?;
        let case = sqlx::query("SELECT tip_id, agency_id FROM cases WHERE id = $1")
            .bind(&case_id)
            .fetch_one(&mut *tx)
            .await?;
        let (tip_id, agency_id): (String, String) =
            (case.try_get("tip_id")?, case.try_get("agency_id")?);
        let detail = format!("case={case_id}; agency={agency_id}; question={seq}");
        audit::append(
            self.backend,
            &mut tx,
            &AuditEntry::new(
                now,
                who.audit_name(),
                AuditAction::QuestionHandled,
                Some(&tip_id),
                &detail,
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}
