//! How many bytes of files one client may send in an hour (`intake.upload_mb_per_hour`):
//! the per-minute limit counts attempts, and one attempt may carry ten files of 20 MB,
//! so without this one address could fill the store. Counted as `rate_limit` counts:
//! under a keyed hash of the address with the hour's key, in memory only, every count
//! dropped on the hour with its key, so that no count links a client beyond the hour.
//! For the same reason there is no daily budget: it would need a tag that lasts the day.

use super::rate_limit::{current_hour, hour_key, tag, Tag, KEY_PERIOD, MAX_CLIENTS, OVERFLOW};
use ring::hmac;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

/// A client's budget for the hour is spent: nothing of the file is kept.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("this connection has sent {limit_mb} MB of files this hour, the most taken; try again in {retry_after_secs} seconds")]
pub struct Spent {
    pub limit_mb: u32,
    pub retry_after_secs: u64,
}

pub struct UploadBudget {
    per_hour_mb: u32,
    base: hmac::Key,
    state: Mutex<State>,
}

struct State {
    key: hmac::Key,
    /// The hour (since the Unix epoch) `key` and `used` are for.
    key_hour: u64,
    used: HashMap<Tag, u64>,
}

impl UploadBudget {
    /// `secret`: 32 bytes every replica derives alike from the data key.
    pub fn new(per_hour_mb: u32, secret: &[u8; 32]) -> Self {
        let base = hmac::Key::new(hmac::HMAC_SHA256, secret);
        let hour = current_hour();
        UploadBudget {
            per_hour_mb,
            state: Mutex::new(State {
                key: hour_key(&base, hour),
                key_hour: hour,
                used: HashMap::new(),
            }),
            base,
        }
    }

    /// Takes `bytes` of a file arriving from `peer` out of its budget for this hour;
    /// `Err`, taking nothing, when they do not fit in what is left.
    pub fn take(&self, peer: Option<IpAddr>, bytes: u64) -> Result<(), Spent> {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        self.take_at(peer, bytes, now)
    }

    fn take_at(&self, peer: Option<IpAddr>, bytes: u64, now: u64) -> Result<(), Spent> {
        let hour = now / KEY_PERIOD;
        let mut state = self.state.lock().expect("upload budget lock");
        if hour != state.key_hour {
            state.key = hour_key(&self.base, hour);
            state.key_hour = hour;
            state.used.clear();
        }
        let mut tag = peer.map_or(OVERFLOW, |ip| tag(&state.key, ip));
        if !state.used.contains_key(&tag) && state.used.len() >= MAX_CLIENTS {
            tag = OVERFLOW;
        }
        let limit = u64::from(self.per_hour_mb) * 1_000_000;
        let used = state.used.entry(tag).or_insert(0);
        if *used + bytes > limit {
            return Err(Spent {
                limit_mb: self.per_hour_mb,
                retry_after_secs: KEY_PERIOD - now % KEY_PERIOD,
            });
        }
        *used += bytes;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    const NOW: u64 = 1_800_000_000;

    #[test]
    fn a_client_may_send_its_budget_an_hour_and_no_more() {
        let budget = UploadBudget::new(2, &[7; 32]);
        assert!(budget.take_at(ip("192.0.2.1"), 1_500_000, NOW).is_ok());
        let spent = budget
            .take_at(ip("192.0.2.1"), 600_000, NOW + 10)
            .unwrap_err();
        assert_eq!(spent.limit_mb, 2);
        assert_eq!(spent.retry_after_secs, KEY_PERIOD - (NOW + 10) % KEY_PERIOD);
        // Refused bytes were not taken: what is left still fits.
        assert!(budget.take_at(ip("192.0.2.1"), 500_000, NOW + 20).is_ok());
        // Another client has its own budget; an IPv6 client is counted by its /64.
        assert!(budget.take_at(ip("192.0.2.2"), 2_000_000, NOW).is_ok());
        assert!(budget
            .take_at(ip("2001:db8:1:2::1"), 2_000_000, NOW)
            .is_ok());
        assert!(budget.take_at(ip("2001:db8:1:2::9"), 1, NOW).is_err());
        // The next hour starts afresh, under a new key.
        let next = (NOW / KEY_PERIOD + 1) * KEY_PERIOD;
        assert!(budget.take_at(ip("192.0.2.1"), 2_000_000, next).is_ok());
        assert_eq!(budget.state.lock().unwrap().used.len(), 1);
    }
}
