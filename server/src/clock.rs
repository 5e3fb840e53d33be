//! "Today", read from the clock here and nowhere else (the domain never reads it).

use chrono::{DateTime, FixedOffset, NaiveDate};
use std::time::{SystemTime, UNIX_EPOCH};

/// Astana's offset from UTC: the Fund's working days are counted in its time.
const ASTANA_OFFSET_SECONDS: i32 = 5 * 3600;

#[derive(Clone, Copy, Debug)]
pub struct Clock {
    fixed: Option<NaiveDate>,
}

impl Clock {
    /// A clock stopped at `fixed`, or the system clock when `None`.
    pub fn new(fixed: Option<NaiveDate>) -> Clock {
        Clock { fixed }
    }

    pub fn today(&self) -> NaiveDate {
        self.fixed.unwrap_or_else(astana_today)
    }
}

fn astana_today() -> NaiveDate {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let offset = FixedOffset::east_opt(ASTANA_OFFSET_SECONDS).expect("a valid offset");
    DateTime::from_timestamp(seconds, 0)
        .unwrap_or_default()
        .with_timezone(&offset)
        .date_naive()
}
