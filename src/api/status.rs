//! Where a submission stands. Every kind goes the same way, counted in working days of the
//! domain calendar from the submission date (rule `timeline.review`, `data/timeline.toml`):
//! submitted → moderation (5 working days) → commission (10 working days) → decision.
//!
//! On the submission day it is `submitted`; from the next day until the moderation's due date
//! (included) `moderation`; then until the commission's due date (included) `commission`; after
//! that `decision` (the Fund writes to the applicant with the outcome).
//!
//! A request for inclusion in the Fund's list is the exception ([`timeline_of`]): the Fund
//! decides it under its inclusion rules (Art. 9(4)(5)), which publish no timeline, so it has
//! only its receipt and stays `submitted` until the Fund writes.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use validator::Validate;

use super::reference::{Kind, Reference};
use super::validate::MAX_TEXT;
use crate::domain::calendar::CalendarError;
use crate::domain::timeline::{Stage as ReviewStage, review_timeline};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Submitted,
    Moderation,
    Commission,
    Decision,
}

/// A stage and the last day it is expected to end on (for `decision`: the day it is expected).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub stage: Stage,
    #[serde(with = "crate::iso_date")]
    pub due: NaiveDate,
}

/// The answer to a submission.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Submission {
    pub reference: Reference,
    pub kind: Kind,
    #[serde(with = "crate::iso_date")]
    pub submitted_on: NaiveDate,
    pub timeline: Vec<Milestone>,
}

/// `POST /v1/status`. The second factor is the BIN for an application and a list request, and
/// for an enrolment or
/// an invitation that has one (the participant's, the employer's); otherwise the contact
/// email given with the submission.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct StatusQuery {
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"))]
    pub reference: String,
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"))]
    pub second_factor: String,
}

/// Where a submission stands on `as_of`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Status {
    pub reference: Reference,
    pub kind: Kind,
    #[serde(with = "crate::iso_date")]
    pub submitted_on: NaiveDate,
    #[serde(with = "crate::iso_date")]
    pub as_of: NaiveDate,
    pub stage: Stage,
    pub timeline: Vec<Milestone>,
}

/// The expected dates of a submission made on `submitted`: submitted, moderation, commission,
/// and the decision, announced on the commission's due date.
pub fn milestones(submitted: NaiveDate) -> Result<Vec<Milestone>, CalendarError> {
    let mut out: Vec<Milestone> = review_timeline(submitted)?
        .into_iter()
        .map(|(stage, due)| Milestone {
            stage: match stage {
                ReviewStage::Submitted => Stage::Submitted,
                ReviewStage::Moderation => Stage::Moderation,
                ReviewStage::Commission => Stage::Commission,
            },
            due,
        })
        .collect();
    if let Some(last) = out.last().map(|m| m.due) {
        out.push(Milestone {
            stage: Stage::Decision,
            due: last,
        });
    }
    Ok(out)
}

/// The expected dates of a submission of `kind` made on `submitted`: [`milestones`], or for a
/// request for inclusion in the Fund's list its receipt alone.
pub fn timeline_of(kind: Kind, submitted: NaiveDate) -> Result<Vec<Milestone>, CalendarError> {
    match kind {
        Kind::ListRequest => Ok(vec![Milestone {
            stage: Stage::Submitted,
            due: submitted,
        }]),
        Kind::Application | Kind::Enrolment | Kind::Invitation => milestones(submitted),
    }
}

/// The stage on `as_of`, from the milestones of [`timeline_of`]. With no review stage after
/// the receipt, it stays `submitted`.
pub fn stage_on(timeline: &[Milestone], as_of: NaiveDate) -> Stage {
    let due = |stage: Stage| timeline.iter().find(|m| m.stage == stage).map(|m| m.due);
    match (
        due(Stage::Submitted),
        due(Stage::Moderation),
        due(Stage::Commission),
    ) {
        (Some(s), _, _) if as_of <= s => Stage::Submitted,
        (_, Some(m), _) if as_of <= m => Stage::Moderation,
        (_, _, Some(c)) if as_of <= c => Stage::Commission,
        (_, None, None) => Stage::Submitted,
        _ => Stage::Decision,
    }
}
