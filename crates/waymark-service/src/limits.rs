//! Rate limits, so one device (or someone guessing) cannot flood the service. Token buckets kept
//! in memory per instance: behind a load balancer each instance limits on its own, which still
//! bounds the total by the number of instances. Time comes from the service's clock, so tests
//! can move it.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::error::{Result, ServiceError};

/// How many requests a bucket allows in a burst, and how many it gains back per minute.
#[derive(Clone, Copy, Debug)]
pub struct Rate {
    pub burst: u32,
    pub per_minute: u32,
}

/// Enrolments, for everyone together: invites are rare.
pub const ENROL: Rate = Rate { burst: 10, per_minute: 10 };
/// Signed calls, per device: an outbox pass after a week offline stays well within this.
pub const PER_DEVICE: Rate = Rate { burst: 120, per_minute: 60 };
/// Library downloads, for everyone together (each device asks now and then).
pub const RESOURCES: Rate = Rate { burst: 120, per_minute: 120 };
/// Requests whose signature failed, for everyone together.
pub const BAD_SIGNATURES: Rate = Rate { burst: 30, per_minute: 30 };

#[derive(Default)]
pub struct Limiter {
    buckets: Mutex<HashMap<String, (f64, i64)>>,
}

impl Limiter {
    /// Takes one token from `key`'s bucket at time `now` (seconds), or says how long to wait.
    pub fn take(&self, key: &str, rate: Rate, now: i64) -> Result<()> {
        let mut buckets = self.buckets.lock().map_err(|_| ServiceError::Unavailable)?;
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
