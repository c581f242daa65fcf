//! Rate limits, so one device (or someone guessing) cannot flood the service. Token buckets kept
//! in memory per instance: behind a load balancer each instance limits on its own, which still
//! bounds the total by the number of instances. Time comes from the service's clock, so tests
//! can move it.
//!
//! Requests that are not signed by a known device (enrolments, library downloads, failed
//! signatures) are limited per client address, never for everyone together: one sender flooding
//! must not lock out every other laptop. An IPv6 client is counted by its /64, which one
//! household or one attacker holds whole.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;

use axum::extract::{ConnectInfo, Request};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;

use crate::error::{Result, ServiceError};

/// How many requests a bucket allows in a burst, and how many it gains back per minute.
#[derive(Clone, Copy, Debug)]
pub struct Rate {
    pub burst: u32,
    pub per_minute: u32,
}

/// Enrolments, per client address: invites are rare.
pub const ENROL: Rate = Rate { burst: 10, per_minute: 10 };
/// Signed calls, per device: an outbox pass after a week offline stays well within this.
pub const PER_DEVICE: Rate = Rate { burst: 120, per_minute: 60 };
/// Library downloads, per client address (each device asks now and then).
pub const RESOURCES: Rate = Rate { burst: 120, per_minute: 120 };
/// Requests whose signature failed, per client address.
pub const BAD_SIGNATURES: Rate = Rate { burst: 30, per_minute: 30 };

/// The request header this service sets to the client's address as it counts it (any value a
/// client sends is replaced), so the handlers that limit by address can read it.
pub const CLIENT_HEADER: &str = "x-waymark-client-address";
/// Buckets kept before idle ones are dropped (every rate here refills within an hour).
const MOST_BUCKETS: usize = 100_000;

/// The address a request is counted under: the connection's peer (IPv6 by its /64), or
/// `unknown` when the server was started without peer addresses (some tests).
pub fn client_address(peer: Option<SocketAddr>) -> String {
    match peer.map(|p| p.ip()) {
        Some(IpAddr::V4(v4)) => v4.to_string(),
        Some(IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
        None => "unknown".into(),
    }
}

/// Middleware: puts the client's address, as [`client_address`] counts it, in [`CLIENT_HEADER`].
pub async fn tag_client(mut req: Request, next: Next) -> Response {
    let peer = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0);
    let value = HeaderValue::from_str(&client_address(peer)).unwrap_or(HeaderValue::from_static("unknown"));
    req.headers_mut().insert(CLIENT_HEADER, value);
    next.run(req).await
}

/// The address [`tag_client`] set on a request.
pub fn client_of(headers: &axum::http::HeaderMap) -> &str {
    headers.get(CLIENT_HEADER).and_then(|v| v.to_str().ok()).unwrap_or("unknown")
}

#[derive(Default)]
pub struct Limiter {
    buckets: Mutex<HashMap<String, (f64, i64)>>,
}

impl Limiter {
    /// Takes one token from `key`'s bucket at time `now` (seconds), or says how long to wait.
    pub fn take(&self, key: &str, rate: Rate, now: i64) -> Result<()> {
        let mut buckets = self.buckets.lock().map_err(|_| ServiceError::Unavailable)?;
        // Many addresses must not grow memory without end: drop buckets idle for an hour.
        if buckets.len() >= MOST_BUCKETS {
            buckets.retain(|_, (_, last)| now - *last < 3600);
        }
        let (tokens, last) = buckets.entry(key.to_string()).or_insert((f64::from(rate.burst), now));
        let refill = (now - *last).max(0) as f64 * f64::from(rate.per_minute) / 60.0;
        *tokens = (*tokens + refill).min(f64::from(rate.burst));
        *last = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            let wait = ((1.0 - *tokens) * 60.0 / f64::from(rate.per_minute)).ceil() as i64;
            Err(ServiceError::TooMany(wait.max(1)))
        }
    }

    /// A request's cost checked without taking a token: is this bucket empty?
    pub fn exhausted(&self, key: &str, rate: Rate, now: i64) -> bool {
        let buckets = match self.buckets.lock() {
            Ok(b) => b,
            Err(_) => return true,
        };
        match buckets.get(key) {
            None => false,
            Some((tokens, last)) => {
                let refill = (now - *last).max(0) as f64 * f64::from(rate.per_minute) / 60.0;
                tokens + refill < 1.0
            }
        }
    }
}
