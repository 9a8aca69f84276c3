//! Open connections per client: at most `server.max_connections_per_address` at once,
//! so that one address cannot hold every connection the server has (slow handshakes,
//! headers or bodies). A connection past its address's cap is closed as soon as it is
//! accepted, before the TLS handshake, and other clients are unaffected.
//!
//! Counted under a keyed hash of the address (an IPv6 address by its /64, as the rate
//! limiter counts), in memory, and only while the connection is open: a count goes with
//! its last connection, so nothing outlives the connections themselves.

use super::rate_limit::{fresh_key, tag, Tag, OVERFLOW};
use actix_web::dev::{Service, ServiceFactory};
use actix_web::rt::net::TcpStream;
use ring::hmac;
use std::collections::HashMap;
use std::future::Future;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

pub struct ConnectionCaps {
    per_address: usize,
    key: hmac::Key,
    open: Mutex<HashMap<Tag, usize>>,
}

/// One admitted connection, counted until it is dropped.
struct Held {
    caps: Arc<ConnectionCaps>,
    tag: Tag,
}

impl ConnectionCaps {
    pub fn new(per_address: usize) -> Arc<Self> {
        Arc::new(ConnectionCaps {
            per_address,
            key: fresh_key(),
            open: Mutex::new(HashMap::new()),
        })
    }

    /// Counts a connection from `peer`, or `None` when its address is at its cap.
    fn admit(self: &Arc<Self>, peer: Option<IpAddr>) -> Option<Held> {
        let tag = peer.map_or(OVERFLOW, |ip| tag(&self.key, ip));
        let mut open = self.open.lock().expect("connection caps lock");
        let count = open.entry(tag).or_insert(0);
        if *count >= self.per_address {
            return None;
        }
        *count += 1;
        Some(Held {
            caps: Arc::clone(self),
            tag,
        })
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        let mut open = self.caps.open.lock().expect("connection caps lock");
        if let Some(count) = open.get_mut(&self.tag) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.tag);
            }
        }
    }
}

/// The server's connection service (TLS, then HTTP) behind the caps: wired in by
/// `startup`, so that the peer address is read here and nowhere else.
pub struct Capped<F> {
    caps: Arc<ConnectionCaps>,
    inner: F,
}

impl<F> Capped<F> {
    pub fn new(caps: Arc<ConnectionCaps>, inner: F) -> Self {
        Capped { caps, inner }
    }
}

type Boxed<T> = Pin<Box<dyn Future<Output = T>>>;

impl<F> ServiceFactory<TcpStream> for Capped<F>
where
    F: ServiceFactory<TcpStream, Config = (), Response = ()>,
    F::Service: 'static,
    F::Future: 'static,
{
    type Response = ();
    type Error = F::Error;
    type Config = ();
    type Service = CappedService<F::Service>;
    type InitError = F::InitError;
    type Future = Boxed<Result<Self::Service, Self::InitError>>;

    fn new_service(&self, _: ()) -> Self::Future {
        let caps = Arc::clone(&self.caps);
        let inner = self.inner.new_service(());
        Box::pin(async move {
            Ok(CappedService {
                caps,
                inner: inner.await?,
            })
        })
    }
}

pub struct CappedService<S> {
    caps: Arc<ConnectionCaps>,
    inner: S,
}

impl<S> Service<TcpStream> for CappedService<S>
where
    S: Service<TcpStream, Response = ()>,
    S::Future: 'static,
{
    type Response = ();
    type Error = S::Error;
    type Future = Boxed<Result<(), S::Error>>;

    fn poll_ready(&self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&self, io: TcpStream) -> Self::Future {
        let Some(held) = self.caps.admit(io.peer_addr().ok().map(|a| a.ip())) else {
            // Dropping the stream closes it: nothing is read from it or written to it.
            return Box::pin(async { Ok(()) });
        };
        // Without it, the answer to a new connection's first request waits for the
        // client to acknowledge the handshake's last flight (Nagle against delayed ACK:
        // 40 ms on Linux), which caps new connections far below what the CPU allows.
        let _ = io.set_nodelay(true);
        // The inner future is the whole connection: handshake, then every request.
        let connection = self.inner.call(io);
        Box::pin(async move {
            let served = connection.await;
            drop(held);
            served
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn an_address_holds_at_most_its_cap_and_a_closed_connection_frees_a_place() {
        let caps = ConnectionCaps::new(2);
        let first = caps.admit(ip("192.0.2.1")).unwrap();
        let _second = caps.admit(ip("192.0.2.1")).unwrap();
        assert!(caps.admit(ip("192.0.2.1")).is_none());
        assert!(caps.admit(ip("192.0.2.2")).is_some(), "another address");
        drop(first);
        assert!(caps.admit(ip("192.0.2.1")).is_some());
    }

    #[test]
    fn an_ipv6_client_is_counted_by_its_64_and_counts_go_with_their_connections() {
        let caps = ConnectionCaps::new(1);
        let held = caps.admit(ip("2001:db8:1:2::1")).unwrap();
        assert!(caps.admit(ip("2001:db8:1:2::ffff")).is_none());
        drop(held);
        assert!(
            caps.open.lock().unwrap().is_empty(),
            "nothing outlives them"
        );
    }
}
