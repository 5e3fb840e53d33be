//! Status lookups, rate limited per client address and per reference: a BIN or an email
//! cannot be guessed faster than the limits allow, from one address or from many.
//! The counts live in this instance's memory: with N instances behind a balancer, a client
//! gets at most N times the limits.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::config::StatusLimits;

pub struct Lookups {
    per_client: DefaultKeyedRateLimiter<IpAddr>,
    per_reference: DefaultKeyedRateLimiter<String>,
}

impl Lookups {
    pub fn new(limits: StatusLimits) -> Lookups {
        Lookups {
            per_client: RateLimiter::keyed(quota(limits.per_client, limits.window)),
            per_reference: RateLimiter::keyed(quota(limits.per_reference, limits.window)),
        }
    }

    /// Counts one lookup, or answers how long until the next one is allowed.
    pub fn check(&self, client: IpAddr, reference: &str) -> Result<(), Duration> {
        let clock = DefaultClock::default();
        self.per_client
            .check_key(&client)
            .and_then(|()| self.per_reference.check_key(&reference.to_owned()))
            .map_err(|refused| refused.wait_time_from(clock.now()))
    }

    /// Drops the counts that are full again, so memory follows recent lookups only.
    pub fn forget_idle(&self) {
        self.per_client.retain_recent();
        self.per_client.shrink_to_fit();
        self.per_reference.retain_recent();
        self.per_reference.shrink_to_fit();
    }
}

/// `n` lookups at once, then one more each `window / n`.
fn quota(n: u32, window: Duration) -> Quota {
    let n = NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN);
    Quota::with_period(window / n.get())
        .unwrap_or_else(|| Quota::per_second(n))
        .allow_burst(n)
}
