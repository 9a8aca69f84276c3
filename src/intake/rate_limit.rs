//! Counting attempts per client without knowing who the client is.
//!
//! A client is counted under a tag: HMAC-SHA256 of its address (an IPv6 address by its
//! /64, which one household or phone usually holds) under a random key that lives only
//! in memory, truncated to 128 bits. The key is replaced every hour and every count is
//! dropped with it, so a tag cannot be linked to the same client an hour later, and no
//! tag or address is ever stored or logged. The window slides: this minute's count plus
//! last minute's, weighted by how much of it is still within sixty seconds, so no burst
//! at a minute's boundary gets twice the allowance.

use ring::hmac;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

const WINDOW: Duration = Duration::from_secs(60);
const KEY_LIFETIME: Duration = Duration::from_secs(3600);
/// Beyond this many distinct clients in one minute, new clients share one count, so a
/// flood of addresses cannot grow memory without bound.
const MAX_CLIENTS: usize = 100_000;

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
    state: Mutex<State>,
}

struct State {
    key: hmac::Key,
    key_born: Instant,
    window_start: Instant,
    counts: HashMap<Tag, u32>,
    /// The window before this one.
    previous: HashMap<Tag, u32>,
}

pub(super) fn fresh_key() -> hmac::Key {
    hmac::Key::new(hmac::HMAC_SHA256, &crate::crypto::random_bytes::<32>())
}

impl RateLimiter {
    pub fn new(per_minute: u32) -> Self {
        let now = Instant::now();
        RateLimiter {
            per_minute,
            state: Mutex::new(State {
                key: fresh_key(),
                key_born: now,
                window_start: now,
                counts: HashMap::new(),
                previous: HashMap::new(),
            }),
        }
    }

    /// Counts one attempt from `peer`; `Err` once it has used this minute's allowance.
    pub fn check(&self, peer: Option<IpAddr>) -> Result<(), Limited> {
        self.check_at(peer, Instant::now())
    }

    fn check_at(&self, peer: Option<IpAddr>, now: Instant) -> Result<(), Limited> {
        let mut state = self.state.lock().expect("rate limiter lock");
        if now.duration_since(state.key_born) >= KEY_LIFETIME {
            state.key = fresh_key();
            state.key_born = now;
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

    #[test]
    fn counts_per_client_per_minute() {
        let limiter = RateLimiter::new(2);
        let t0 = Instant::now();
        assert!(limiter.check_at(ip("192.0.2.1"), t0).is_ok());
        assert!(limiter.check_at(ip("192.0.2.1"), t0).is_ok());
        let refused = limiter.check_at(ip("192.0.2.1"), t0).unwrap_err();
        assert_eq!(refused.retry_after_secs, 60);
        // Another client has its own allowance.
        assert!(limiter.check_at(ip("192.0.2.2"), t0).is_ok());
        // The next minute starts afresh.
        assert!(limiter
            .check_at(ip("192.0.2.1"), t0 + Duration::from_secs(61))
            .is_ok());
    }

    #[test]
    fn a_burst_across_a_minute_boundary_gets_no_double_allowance() {
        let limiter = RateLimiter::new(10);
        let t0 = Instant::now();
        let before = t0 + Duration::from_secs(59);
        let after = t0 + Duration::from_secs(61);
        let allowed = (0..20)
            .filter(|_| limiter.check_at(ip("192.0.2.1"), before).is_ok())
            .count()
            + (0..20)
                .filter(|_| limiter.check_at(ip("192.0.2.1"), after).is_ok())
                .count();
        assert!(allowed <= 11, "{allowed} passed in two seconds");
        // A minute later the old count has worn off.
        let later = t0 + Duration::from_secs(125);
        assert!(limiter.check_at(ip("192.0.2.1"), later).is_ok());
    }

    #[test]
    fn an_ipv6_client_is_counted_by_its_64() {
        let limiter = RateLimiter::new(1);
        let t0 = Instant::now();
        assert!(limiter.check_at(ip("2001:db8:1:2::1"), t0).is_ok());
        assert!(limiter.check_at(ip("2001:db8:1:2::ffff"), t0).is_err());
        assert!(limiter.check_at(ip("2001:db8:1:3::1"), t0).is_ok());
    }

    #[test]
    fn the_key_rotates_and_old_counts_go_with_it() {
        let limiter = RateLimiter::new(1);
        let t0 = Instant::now();
        let before = tag(&limiter.state.lock().unwrap().key, ip("192.0.2.1").unwrap());
        assert!(limiter.check_at(ip("192.0.2.1"), t0).is_ok());
        assert!(limiter.check_at(ip("192.0.2.9"), t0 + KEY_LIFETIME).is_ok());
        let state = limiter.state.lock().unwrap();
        assert_eq!(
            state.counts.len(),
            1,
            "counts under the old key were dropped"
        );
        assert_ne!(tag(&state.key, ip("192.0.2.1").unwrap()), before);
    }

    #[test]
    fn tags_do_not_contain_the_address() {
        let key = fresh_key();
        let t = tag(&key, ip("192.0.2.1").unwrap());
        assert!(!t.windows(4).any(|w| w == [192, 0, 2, 1]));
    }
}
