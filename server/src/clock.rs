//! "Today", read from the clock here and nowhere else (the domain never reads it).

use astana_hub_portal::domain::calendar::astana_date;
use chrono::{DateTime, NaiveDate};
use std::time::{SystemTime, UNIX_EPOCH};

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

/// Today in Astana, the same day the browser takes (`astana_date`).
fn astana_today() -> NaiveDate {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    astana_date(
        DateTime::from_timestamp(seconds, 0)
            .unwrap_or_default()
            .naive_utc(),
    )
}
