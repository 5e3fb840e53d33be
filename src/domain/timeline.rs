//! Expected dates of the review of a registration application (rule `timeline.review`):
//! moderation within 5 working days of submission, then the commission's decision within 10
//! working days of moderation (astanahub.com/en/registration; numbers in `data/timeline.toml`).

use crate::domain::calendar::{CalendarError, add_working_days};
use crate::domain::params::{Param, parse};
use crate::json::{FromJson, Json, Members, ReadError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// A step of the review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    Submitted,
    /// Moderation done, or documents returned for correction.
    Moderation,
    /// The commission's decision; an agreement and a certificate follow.
    Commission,
}

/// The review durations of `data/timeline.toml`, in working days.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimelineData {
    pub moderation_working_days: Param<u32>,
    pub commission_working_days: Param<u32>,
}

impl FromJson for TimelineData {
    fn from_json(value: &Json) -> Result<TimelineData, ReadError> {
        let members = Members::of(value)?;
        Ok(TimelineData {
            moderation_working_days: members.required("moderation_working_days")?,
            commission_working_days: members.required("commission_working_days")?,
        })
    }
}

pub fn timeline_data() -> &'static TimelineData {
    static DATA: OnceLock<TimelineData> = OnceLock::new();
    DATA.get_or_init(|| {
        parse(
            "timeline",
            include_str!(concat!(env!("OUT_DIR"), "/data/timeline.json")),
        )
    })
}

/// Latest expected date of each stage for an application submitted on `submitted`, using the
/// durations in force on that date.
pub fn review_timeline(submitted: NaiveDate) -> Result<Vec<(Stage, NaiveDate)>, CalendarError> {
    let data = timeline_data();
    let days = |p: &Param<u32>| p.at(submitted).copied().unwrap_or(0) as i32;
    let moderation = add_working_days(submitted, days(&data.moderation_working_days))?;
    let commission = add_working_days(moderation, days(&data.commission_working_days))?;
    Ok(vec![
        (Stage::Submitted, submitted),
        (Stage::Moderation, moderation),
        (Stage::Commission, commission),
    ])
}
