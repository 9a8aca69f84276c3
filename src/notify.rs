//! The optional e-mail to handlers when tips wait for review (`[notify]`): how many and a
//! link to the queue, nothing of the tips. It is sent at fixed times of day (UTC) and
//! counts the tips that arrived `wait_days` days before today or earlier, so neither when
//! it goes out nor what it says tells anyone more about when a tip arrived than its day
//! (invariant 2). With several replicas configured alike, the first to claim a scheduled
//! time sends its notice (`store::notices`), the others nothing.

use crate::config::{NotifySettings, SmtpTls};
use crate::store::{self, Store, StoreError};
use lettre::message::{header::ContentType, Mailbox, Message};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use time::OffsetDateTime;

#[derive(Debug, thiserror::Error)]
pub enum NotifyError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the notice could not be written: {0}")]
    Message(#[from] lettre::error::Error),
    #[error("the notice could not be sent: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
    #[error("notify: {0}")]
    Address(#[from] lettre::address::AddressError),
}

pub struct Notifier {
    store: Store,
    settings: NotifySettings,
    transport: AsyncSmtpTransport<Tokio1Executor>,
}

impl Notifier {
    /// `None` when no SMTP server is configured.
    pub fn new(store: Store, settings: &NotifySettings) -> Result<Option<Notifier>, NotifyError> {
        let Some(host) = &settings.smtp_host else {
            return Ok(None);
        };
        let builder = match settings.smtp_tls {
            SmtpTls::Starttls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)?,
            SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host)?,
            SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
        };
        let builder = builder.port(settings.smtp_port);
        let builder = match (&settings.smtp_username, &settings.smtp_password) {
            (Some(user), Some(password)) => {
                builder.credentials(Credentials::new(user.clone(), password.clone()))
            }
            _ => builder,
        };
        Ok(Some(Notifier {
            store,
            settings: settings.clone(),
            transport: builder.build(),
        }))
    }

    /// At each configured time, sends the notice if any tip waits.
    pub async fn run(self) {
        let times = self.settings.times();
        loop {
            let now = OffsetDateTime::now_utc();
            let next = next_time(now, &times);
            let wait = (next - now).try_into().unwrap_or_default();
            tokio::time::sleep(wait).await;
            let slot = format!(
                "{}T{:02}:{:02}Z",
                store::today(),
                next.hour(),
                next.minute()
            );
            match self.send_if_waiting(&store::today(), &slot).await {
                Ok(Some(count)) => tracing::info!(count, "sent the waiting-tips notice"),
                Ok(None) => {}
                Err(e) => tracing::error!(error = %e, "the waiting-tips notice failed"),
            }
        }
    }

    /// Sends the notice scheduled for `slot` when tips that arrived `wait_days` before
    /// `today` or earlier wait for review: how many it counted, or `None` when none wait
    /// or another replica took this slot.
    pub async fn send_if_waiting(
        &self,
        today: &str,
        slot: &str,
    ) -> Result<Option<i64>, NotifyError> {
        let Some(day) = store::days_before(today, self.settings.wait_days) else {
            return Ok(None);
        };
        if !self.store.claim_notice(slot, today).await? {
            return Ok(None);
        }
        let count = self.store.count_waiting(&day, store::now()).await?;
        if count == 0 {
            return Ok(None);
        }
        let mut message = Message::builder()
            .from(self.settings.from.parse::<Mailbox>()?)
            .subject(format!(
                "tipline: {count} {} waiting for review",
                if count == 1 { "tip" } else { "tips" }
            ))
            .header(ContentType::TEXT_PLAIN);
        for to in &self.settings.to {
            message = message.to(to.parse::<Mailbox>()?);
        }
        let body = format!(
            "{count} {} waiting for review, received on {day} or before.\n\nThe queue: {}\n",
            if count == 1 { "tip is" } else { "tips are" },
            self.settings.console_url
        );
        self.transport.send(message.body(body)?).await?;
        Ok(Some(count))
    }
}

/// The next of the times of day (UTC) after `now`.
fn next_time(now: OffsetDateTime, times: &[(u8, u8)]) -> OffsetDateTime {
    let at = |day: OffsetDateTime, (h, m): (u8, u8)| {
        day.replace_time(time::Time::from_hms(h, m, 0).unwrap_or(time::Time::MIDNIGHT))
    };
    times
        .iter()
        .map(|t| at(now, *t))
        .filter(|t| *t > now)
        .min()
        .or_else(|| {
            times
                .iter()
                .map(|t| at(now + time::Duration::days(1), *t))
                .min()
        })
        .unwrap_or(now + time::Duration::days(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_time_is_today_or_else_tomorrow() {
        let now = time::macros::datetime!(2026-11-29 09:30 UTC);
        let times = [(8, 0), (16, 0)];
        assert_eq!(
            next_time(now, &times),
            time::macros::datetime!(2026-11-29 16:00 UTC)
        );
        let late = time::macros::datetime!(2026-11-29 17:00 UTC);
        assert_eq!(
            next_time(late, &times),
            time::macros::datetime!(2026-11-30 08:00 UTC)
        );
    }
}
