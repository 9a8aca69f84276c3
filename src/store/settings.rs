//! Settings an administrator changes from the console (as opposed to the config file).

use super::audit::{self, AuditEntry};
use super::{Store, StoreError};
use crate::domain::Actor;
use crate::domain::AuditAction;
use sqlx::Row;
use tracing::instrument;

const TOTP_REQUIRED: &str = "totp_required";

impl Store {
    /// Whether every handler must enrol TOTP before doing anything else.
    #[instrument(skip_all)]
    pub async fn totp_required(&self) -> Result<bool, StoreError> {
        let value: Option<String> =
            sqlx::query("SELECT value FROM console_settings WHERE name = $1")
                .bind(TOTP_REQUIRED)
                .fetch_optional(&self.pool)
                .await?
                .map(|r| r.try_get("value"))
                .transpose()?;
        Ok(value.as_deref() == Some("1"))
    }

    #[instrument(skip_all)]
    pub async fn set_totp_required(
        &self,
        admin: &Actor,
        required: bool,
        now: i64,
    ) -> Result<(), StoreError> {
        let value = if required { "1" } else { "0" };
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE console_settings SET value = $1 WHERE name = $2")
            .bind(value)
            .bind(TOTP_REQUIRED)
            .execute(&mut *tx)
            .await?;
        audit::append(
            self.backend,
            &mut tx,
            &AuditEntry::new(
                now,
                admin.audit_name(),
                AuditAction::SettingChanged,
                None,
                &format!("{TOTP_REQUIRED}={value}"),
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
