//! The redaction worker: opens each newly received tip, and each new reporter message,
//! runs the engine over it and stores the draft (encrypted), which puts it before a
//! handler. Woken by
//! intake, and polling too, for tips that arrived through another replica. Hourly it
//! also applies retention (`store::retention`) and sweeps stale sign-in counts.

use crate::crypto::keys::Keys;
use crate::crypto::sealing::Envelope;
use crate::domain::RawTip;
use crate::domain::{Context, Draft, MessageAuthor};
use crate::redaction::{subject, Engine};
use crate::store::{self, Store, StoreError};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

pub struct Worker {
    pub store: Store,
    pub keys: Arc<Keys>,
    pub engine: Arc<Engine>,
    pub wake: Arc<Notify>,
    pub poll: Duration,
    /// `retention.decided_days`: applied hourly.
    pub retention_days: u32,
}

const RETENTION_EVERY: Duration = Duration::from_secs(3600);

impl Worker {
    /// Drafts until the store is closed for good, which it returns; a failed pass (the
    /// database briefly away) is logged and tried again at the next wake-up or poll.
    pub async fn run(self) -> StoreError {
        let mut retention_due = tokio::time::Instant::now();
        loop {
            match self.drain().await {
                Ok(0) => {}
                // Drafting follows arrival within a second: a line at INFO would keep
                // each tip's arrival time (invariant 2), so it is DEBUG, as reporter
                // requests are.
                Ok(n) => tracing::debug!(drafted = n, "drafted tips"),
                Err(e) if e.is_permanent() => return e,
                Err(e) => tracing::error!(error = %e, "redaction worker pass failed"),
            }
            if tokio::time::Instant::now() >= retention_due {
                match self.hourly().await {
                    Ok(()) => {}
                    Err(e) if e.is_permanent() => return e,
                    Err(e) => tracing::error!(error = %e, "retention pass failed"),
                }
                retention_due += RETENTION_EVERY;
            }
            let _ = tokio::time::timeout(self.poll, self.wake.notified()).await;
        }
    }

    /// Retention, and forgetting the sign-in counts of made-up usernames a day old.
    async fn hourly(&self) -> Result<(), StoreError> {
        let (today, now) = (store::today(), store::now());
        let erased = self
            .store
            .apply_retention(&today, self.retention_days, now)
            .await?;
        if erased > 0 {
            tracing::info!(erased, "retention erased decided tips");
        }
        self.store.forget_unknown_sign_ins(now).await?;
        Ok(())
    }

    /// Drafts every received tip and reporter message; returns how many it drafted.
    pub async fn drain(&self) -> Result<usize, StoreError> {
        Ok(self.drain_tips().await? + self.drain_messages().await?)
    }

    async fn drain_tips(&self) -> Result<usize, StoreError> {
        let mut drafted = 0;
        let mut after = 0;
        loop {
            let batch = self.store.received_tips(after, 32).await?;
            let Some(last) = batch.last() else {
                return Ok(drafted);
            };
            after = last.seq;
            for tip in batch {
                let Some(draft) = self.draft(&tip.sealed) else {
                    // Intake validated the envelope, so this is a key that has since been
                    // removed, a damaged row, or an engine bug: leave it, say so, and go on.
                    tracing::error!(tip = %tip.id, "a received tip could not be opened or redacted; it stays in `received`");
                    continue;
                };
                let sealed_draft = self
                    .keys
                    .data
                    .encrypt(Context::Draft(&tip.id), &draft.to_json());
                if self
                    .store
                    .store_draft(tip.id.as_str(), &sealed_draft)
                    .await?
                {
                    drafted += 1;
                }
            }
        }
    }

    async fn drain_messages(&self) -> Result<usize, StoreError> {
        let mut drafted = 0;
        let mut after = 0;
        loop {
            let batch = self.store.received_messages(after, 32).await?;
            let Some(last) = batch.last() else {
                return Ok(drafted);
            };
            after = last.seq;
            for message in batch {
                let text = self
                    .keys
                    .data
                    .decrypt_string(
                        Context::Message(&message.tip_id, MessageAuthor::Reporter),
                        &message.body,
                    )
                    .ok();
                let Some(draft) = text.and_then(|t| self.redact(&t)) else {
                    tracing::error!(tip = %message.tip_id, "a reporter message could not be opened or redacted; it stays in `received`");
                    continue;
                };
                let sealed_draft = self.keys.data.encrypt(
                    Context::MessageDraft(&message.tip_id, message.seq),
                    &draft.to_json(),
                );
                if self
                    .store
                    .store_message_draft(message.seq, &sealed_draft)
                    .await?
                {
                    drafted += 1;
                }
            }
        }
    }

    fn draft(&self, sealed: &[u8]) -> Option<Draft> {
        let envelope: Envelope = serde_json::from_slice(sealed).ok()?;
        let plain = self.keys.intake.open(&envelope).ok()?;
        let tip = RawTip::from_json(&plain).ok()?;
        self.redact(&tip.review_text())
    }

    /// The engine's draft of a text. A bug in the engine that one text trips must not
    /// stop the service (nor, after a restart, stop it again on the same text): that
    /// text waits, reported.
    fn redact(&self, text: &str) -> Option<Draft> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let redaction = self.engine.redact(text);
            let reasons = subject::reasons(text, &redaction.spans);
            Draft::from_redaction(redaction).with_reasons(reasons)
        }))
        .ok()
    }
}
