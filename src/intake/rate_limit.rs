//! Counting attempts per client without knowing who the client is.
//!
//! A client is counted under a tag: HMAC-SHA256 of its address (an IPv6 address by its
//! /64, which one household or phone usually holds), truncated to 128 bits, under a key
//! for the current hour (UTC) derived from the data key, so that every replica and a
//! restarted process use the same key in the same hour. The key changes on the hour and
//! every count is dropped with it, so a tag cannot be linked to the same client an hour
//! later. Counts live only in memory, per process: no tag or address is ever stored or
//! logged (a stored tag could be tested against a guessed address by whoever holds the
//! data key). With several replicas, a client's allowance is per replica, unless the
//! load balancer keeps each client on one (Kubernetes `sessionAffinity: ClientIP`). The window slides: this minute's count plus
//! last minute's, weighted by how much of it is still within sixty seconds, so no burst
//! at a minute's boundary gets twice the allowance.

use ring::hmac;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

const WINDOW: Duration = Duration::from_secs(60);
/// Seconds in the key's period: one key per UTC hour.
pub(super) const KEY_PERIOD: u64 = 3600;
/// Beyond this many distinct clients in one minute, new clients share one count, so a
/// flood of addresses cannot grow memory without bound.
pub(super) const MAX_CLIENTS: usize = 100_000;

pub(super) type Tag = [u8; 16];

/// The shared count for clients past `MAX_CLIENTS` and for connections with no address.
pub(super) const OVERFLOW: Tag = [0; 16];

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("too many attempts from this connection; try again in {retry_after_secs} seconds")]
pub struct Limited {
    pub retry_after_secs: u64,
}

impl crate::http::error::Problem for Limited {
    fn status(&self) -> actix_web::http::StatusCode {
        actix_web::http::StatusCode::TOO_MANY_REQUESTS
    }

    fn header(
        &self,
    ) -> Option<(
        actix_web::http::header::HeaderName,
        actix_web::http::header::HeaderValue,
    )> {
        Some((
            actix_web::http::header::RETRY_AFTER,
            actix_web::http::header::HeaderValue::from(self.retry_after_secs),
        ))
    }
}

pub struct RateLimiter {
    per_minute: u32,
    /// What the hourly keys are derived from (itself derived from the data key).
    base: hmac::Key,
    state: Mutex<State>,
}

struct State {
    key: hmac::Key,
    /// The hour (since the Unix epoch) `key` is for.
    key_hour: u64,
    window_start: Instant,
    counts: HashMap<Tag, u32>,
    /// The window before this one.
    previous: HashMap<Tag, u32>,
}

pub(super) fn fresh_key() -> hmac::Key {
    hmac::Key::new(hmac::HMAC_SHA256, &crate::crypto::random_bytes::<32>())
}

/// The hour since the Unix epoch, now.
pub(super) fn current_hour() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / KEY_PERIOD)
}

pub(super) fn hour_key(base: &hmac::Key, hour: u64) -> hmac::Key {
    hmac::Key::new(
        hmac::HMAC_SHA256,
        hmac::sign(base, &hour.to_be_bytes()).as_ref(),
    )
}

impl RateLimiter {
    /// `secret`: 32 bytes every replica derives alike from the data key, one for each
    /// limiter's purpose.
    pub fn new(per_minute: u32, secret: &[u8; 32]) -> Self {
        let now = Instant::now();
        let base = hmac::Key::new(hmac::HMAC_SHA256, secret);
        let hour = current_hour();
        RateLimiter {
            per_minute,
            state: Mutex::new(State {
                key: hour_key(&base, hour),
                key_hour: hour,
                window_start: now,
                counts: HashMap::new(),
                previous: HashMap::new(),
            }),
            base,
        }
    }

    /// Counts one attempt from `peer`; `Err` once it has used this minute's allowance.
    pub fn check(&self, peer: Option<IpAddr>) -> Result<(), Limited> {
        self.check_at(peer, Instant::now(), current_hour())
    }

    fn check_at(&self, peer: Option<IpAddr>, now: Instant, hour: u64) -> Result<(), Limited> {
        let mut state = self.state.lock().expect("rate limiter lock");
        if hour != state.key_hour {
            state.key = hour_key(&self.base, hour);
            state.key_hour = hour;
            state.counts.clear();
            state.previous.clear();
        }
        let since = now.duration_since(state.window_start);
        if since >= WINDOW {
            let whole = (since.as_secs() / WINDOW.as_secs()) as u32;
            state.previous = if whole == 1 {
                std::mem::take(&mut state.counts)
            } else {
                HashMap::new()
            };
            state.counts.clear();
            state.window_start += WINDOW * whole;
        }
        let mut tag = peer.map_or(OVERFLOW, |ip| tag(&state.key, ip));
        if !state.counts.contains_key(&tag) && state.counts.len() >= MAX_CLIENTS {
            tag = OVERFLOW;
        }
        let elapsed = now.duration_since(state.window_start).as_secs_f64();
        let window = WINDOW.as_secs_f64();
        let previous = f64::from(state.previous.get(&tag).copied().unwrap_or(0));
        let count = state.counts.entry(tag).or_insert(0);
        let limit = f64::from(self.per_minute);
        let current = f64::from(*count);
        if previous * (1.0 - elapsed / window) + current >= limit {
            // When the last window's weight will have fallen enough, or else when this
            // window ends.
            let wait = if current < limit && previous > 0.0 {
                window * (1.0 - (limit - current) / previous) - elapsed
            } else {
                window - elapsed
            };
            return Err(Limited {
                retry_after_secs: wait.ceil().max(1.0) as u64,
            });
        }
        *count += 1;
        Ok(())
    }
}

pub(super) fn tag(key: &hmac::Key, ip: IpAddr) -> Tag {
    let signed = match ip.to_canonical() {
        IpAddr::V4(v4) => hmac::sign(key, &v4.octets()),
        IpAddr::V6(v6) => hmac::sign(key, &v6.octets()[..8]),
    };
    let mut tag = [0u8; 16];
    tag.copy_from_slice(&signed.as_ref()[..16]);
    tag
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    const HOUR: u64 = 500_000;

    fn limiter(per_minute: u32) -> RateLimiter {
        RateLimiter::new(per_minute, &[7; 32])
    }

    #[test]
    fn counts_per_client_per_minute() {
        let limiter = limiter(2);
        let t0 = Instant::now();
        assert!(limiter.check_at(ip("192.0.2.1"), t0, HOUR).is_ok());
        assert!(limiter.check_at(ip("192.0.2.1"), t0, HOUR).is_ok());
        let refused = limiter.check_at(ip("192.0.2.1"), t0, HOUR).unwrap_err();
        assert_eq!(refused.retry_after_secs, 60);
        // Another client has its own allowance.
        assert!(limiter.check_at(ip("192.0.2.2"), t0, HOUR).is_ok());
        // The next minute starts afresh.
        assert!(limiter
            .check_at(ip("192.0.2.1"), t0 + Duration::from_secs(61), HOUR)
            .is_ok());
    }

    #[test]
    fn a_burst_across_a_minute_boundary_gets_no_double_allowance() {
        let limiter = limiter(10);
        let t0 = Instant::now();
        let before = t0 + Duration::from_secs(59);
        let after = t0 + Duration::from_secs(61);
        let allowed = (0..20)
            .filter(|_| limiter.check_at(ip("192.0.2.1"), before, HOUR).is_ok())
            .count()
            + (0..20)
                .filter(|_| limiter.check_at(ip("192.0.2.1"), after, HOUR).is_ok())
                .count();
        assert!(allowed <= 11, "{allowed} passed in two seconds");
        // A minute later the old count has worn off.
        let later = t0 + Duration::from_secs(125);
        assert!(limiter.check_at(ip("192.0.2.1"), later, HOUR).is_ok());
    }

    #[test]
    fn an_ipv6_client_is_counted_by_its_64() {
        let limiter = limiter(1);
        let t0 = Instant::now();
        assert!(limiter.check_at(ip("2001:db8:1:2::1"), t0, HOUR).is_ok());
        assert!(limiter
            .check_at(ip("2001:db8:1:2::ffff"), t0, HOUR)
            .is_err());
        assert!(limiter.check_at(ip("2001:db8:1:3::1"), t0, HOUR).is_ok());
    }

    #[test]
    fn the_key_changes_on_the_hour_and_old_counts_go_with_it() {
        let limiter = limiter(1);
        let t0 = Instant::now();
        assert!(limiter.check_at(ip("192.0.2.1"), t0, HOUR).is_ok());
        let before = tag(&limiter.state.lock().unwrap().key, ip("192.0.2.1").unwrap());
        assert!(limiter.check_at(ip("192.0.2.9"), t0, HOUR + 1).is_ok());
        let state = limiter.state.lock().unwrap();
        assert_eq!(
            state.counts.len(),
            1,
            "counts under the old key were dropped"
        );
        assert_ne!(tag(&state.key, ip("192.0.2.1").unwrap()), before);
    }

    #[test]
    fn every_replica_derives_the_same_key_for_the_same_hour() {
        let (one, two) = (limiter(1), limiter(1));
        let t0 = Instant::now();
        assert!(one.check_at(ip("192.0.2.1"), t0, HOUR).is_ok());
        assert!(two.check_at(ip("192.0.2.1"), t0, HOUR).is_ok());
        let tags =
            [&one, &two].map(|l| tag(&l.state.lock().unwrap().key, ip("192.0.2.1").unwrap()));
        assert_eq!(tags[0], tags[1]);
        let other = RateLimiter::new(1, &[8; 32]);
        assert!(other.check_at(ip("192.0.2.1"), t0, HOUR).is_ok());
        assert_ne!(
            tag(&other.state.lock().unwrap().key, ip("192.0.2.1").unwrap()),
            tags[0]
        );
    }

    #[test]
    fn tags_do_not_contain_the_address() {
        let key = fresh_key();
        let t = tag(&key, ip("192.0.2.1").unwrap());
        assert!(!t.windows(4).any(|w| w == [192, 0, 2, 1]));
    }
}
