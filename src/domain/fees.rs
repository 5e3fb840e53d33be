//! The membership fee (Law No. 207-V, Art. 10(1)(4-2)), from the schedule in `data/fees.toml`.
//!
//! Calculation, one rule each:
//! - base: total or priority-activity income of the calendar year, as the schedule says;
//! - part year (`fees.part_year`): the income entered is the whole year's income; a participant
//!   for only part of the year pays `days of participation / days in the year` of the fee, and
//!   any floor or cap is scaled the same way;
//! - rounding (`fees.rounding`): `base × rate × days ÷ (10 000 × days in year)` is computed
//!   exactly in `i128` and rounded once, half up, to the whole tiyn;
//! - floor and cap (optional, in MRP of the year) are then applied;
//! - instalments: equal parts in whole tiyn, the last one carrying the remainder.
//!
//! The schedule and MRP used are those in force on the first day of participation in the year.

use crate::domain::decision::{Decision, values};
use crate::domain::money::{MAX_TENGE, Tiyn};
use crate::domain::params::{Param, parse, reason};
use crate::json::{self, FromJson, Json, Members, ReadError};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// What the fee is a percentage of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeeBase {
    TotalIncome,
    PriorityIncome,
}

impl FromJson for FeeBase {
    fn from_json(value: &Json) -> Result<FeeBase, ReadError> {
        json::one_of(
            value,
            &[
                ("total_income", FeeBase::TotalIncome),
                ("priority_income", FeeBase::PriorityIncome),
            ],
        )
    }
}

/// The fee schedule of `data/fees.toml`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FeeSchedule {
    pub rate_basis_points: Param<u32>,
    pub base: Param<FeeBase>,
    pub instalments: Param<u32>,
    pub floor_mrp: Option<Param<u32>>,
    pub cap_mrp: Option<Param<u32>>,
}

impl FromJson for FeeSchedule {
    fn from_json(value: &Json) -> Result<FeeSchedule, ReadError> {
        let members = Members::of(value)?;
        Ok(FeeSchedule {
            rate_basis_points: members.required("rate_basis_points")?,
            base: members.required("base")?,
            instalments: members.required("instalments")?,
            floor_mrp: members.optional("floor_mrp")?,
            cap_mrp: members.optional("cap_mrp")?,
        })
    }
}

impl FeeSchedule {
    /// Whether any period of the schedule takes priority-activity income as its base: then
    /// the forms ask for that income too.
    pub fn may_use_priority_income(&self) -> bool {
        self.base
            .values
            .values()
            .any(|b| *b == FeeBase::PriorityIncome)
    }
}

struct MrpFile {
    mrp: Param<i64>,
}

impl FromJson for MrpFile {
    fn from_json(value: &Json) -> Result<MrpFile, ReadError> {
        Ok(MrpFile {
            mrp: Members::of(value)?.required("mrp")?,
        })
    }
}

pub fn schedule() -> &'static FeeSchedule {
    static DATA: OnceLock<FeeSchedule> = OnceLock::new();
    DATA.get_or_init(|| {
        parse(
            "fees",
            include_str!(concat!(env!("OUT_DIR"), "/data/fees.json")),
        )
    })
}

/// The monthly calculation index by year (`data/mrp.toml`), in whole tenge.
pub fn mrp() -> &'static Param<i64> {
    static DATA: OnceLock<MrpFile> = OnceLock::new();
    &DATA
        .get_or_init(|| {
            parse(
                "mrp",
                include_str!(concat!(env!("OUT_DIR"), "/data/mrp.json")),
            )
        })
        .mrp
}

/// What the user tells us for one calendar year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeeInput {
    pub year: i32,
    pub total_income: Tiyn,
    /// Needed only when the schedule's base is priority-activity income.
    pub priority_income: Option<Tiyn>,
    /// First day as a participant in this year; `None` means from 1 January.
    #[serde(default, with = "crate::iso_date::option")]
    pub participation_start: Option<NaiveDate>,
    /// Last day as a participant in this year (included); `None` means to 31 December.
    #[serde(default, with = "crate::iso_date::option")]
    pub participation_end: Option<NaiveDate>,
}

/// One line of the breakdown, naming the rule it comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeeLine {
    pub rule_id: String,
    pub message_key: String,
    pub amount: Tiyn,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeeBreakdown {
    pub year: i32,
    pub base_kind: FeeBase,
    pub base: Tiyn,
    pub rate_basis_points: u32,
    pub days_participating: u32,
    pub days_in_year: u32,
    pub lines: Vec<FeeLine>,
    pub total: Tiyn,
    pub instalments: Vec<Tiyn>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FeeError {
    /// The schedule is not in force in that year (e.g. before its first year).
    YearNotCovered {
        year: i32,
    },
    /// A floor or cap in MRP needs the MRP of a year the data does not have.
    MrpNotCovered {
        year: i32,
    },
    NegativeIncome,
    IncomeTooLarge,
    PriorityAboveTotal,
    /// The base in force is priority-activity income, and none was given.
    PriorityIncomeNeeded,
    ParticipationOutsideYear {
        year: i32,
    },
    ParticipationEndsBeforeStart,
}

impl FeeError {
    pub fn message_key(&self) -> &'static str {
        match self {
            FeeError::YearNotCovered { .. } => "fees.error.year_not_covered",
            FeeError::MrpNotCovered { .. } => "fees.error.mrp_not_covered",
            FeeError::NegativeIncome => "fees.error.negative_income",
            FeeError::IncomeTooLarge => "money.too_large",
            FeeError::PriorityAboveTotal => "fees.error.priority_above_total",
            FeeError::PriorityIncomeNeeded => "fees.error.priority_income_needed",
            FeeError::ParticipationOutsideYear { .. } => "fees.error.participation_outside_year",
            FeeError::ParticipationEndsBeforeStart => "fees.error.participation_order",
        }
    }

    pub fn values(&self) -> Vec<(String, String)> {
        match self {
            FeeError::YearNotCovered { year }
            | FeeError::MrpNotCovered { year }
            | FeeError::ParticipationOutsideYear { year } => values([("year", year.to_string())]),
            FeeError::IncomeTooLarge => values([("max", Tiyn::from_tenge(MAX_TENGE).to_string())]),
            _ => Vec::new(),
        }
    }
}

/// The fee for one year from the embedded schedule and MRP table.
pub fn calculate(input: &FeeInput) -> Result<Decision<FeeBreakdown>, FeeError> {
    calculate_with(schedule(), mrp(), input)
}

/// `n ÷ d` for non-negative `n` and positive `d`, rounded half up.
fn div_half_up(n: i128, d: i128) -> i64 {
    ((2 * n + d) / (2 * d)) as i64
}

/// The fee for one year from a given schedule and MRP table (the data files, or a test's).
pub fn calculate_with(
    schedule: &FeeSchedule,
    mrp: &Param<i64>,
    input: &FeeInput,
) -> Result<Decision<FeeBreakdown>, FeeError> {
    let year = input.year;
    let jan1 = NaiveDate::from_ymd_opt(year, 1, 1).ok_or(FeeError::YearNotCovered { year })?;
    let dec31 = NaiveDate::from_ymd_opt(year, 12, 31).ok_or(FeeError::YearNotCovered { year })?;
    let start = input.participation_start.unwrap_or(jan1);
    let end = input.participation_end.unwrap_or(dec31);
    if start.year() != year || end.year() != year {
        return Err(FeeError::ParticipationOutsideYear { year });
    }
    if end < start {
        return Err(FeeError::ParticipationEndsBeforeStart);
    }
    let total = input.total_income.0;
    let priority = input.priority_income.map(|p| p.0);
    if total < 0 || priority.is_some_and(|p| p < 0) {
        return Err(FeeError::NegativeIncome);
    }
    if total > MAX_TENGE * 100 {
        return Err(FeeError::IncomeTooLarge);
    }
    if priority.is_some_and(|p| p > total) {
        return Err(FeeError::PriorityAboveTotal);
    }
    let not_covered = FeeError::YearNotCovered { year };
    let rate = *schedule
        .rate_basis_points
        .at(start)
        .ok_or(not_covered.clone())?;
    let base_kind = *schedule.base.at(start).ok_or(not_covered.clone())?;
    let instalments = (*schedule.instalments.at(start).ok_or(not_covered)?).max(1);
    let base = match base_kind {
        FeeBase::TotalIncome => total,
        FeeBase::PriorityIncome => priority.ok_or(FeeError::PriorityIncomeNeeded)?,
    };
    let days = (end - start).num_days() as u32 + 1;
    let days_in_year = (dec31 - jan1).num_days() as u32 + 1;
    let scale = 10_000 * i128::from(days_in_year);
    let computed = div_half_up(
        i128::from(base) * i128::from(rate) * i128::from(days),
        scale,
    );

    let mut reasons = vec![
        reason("fees.membership", "fees.reason.membership", Vec::new()),
        schedule.base.reason(
            "fees.base",
            match base_kind {
                FeeBase::TotalIncome => "fees.reason.base_total",
                FeeBase::PriorityIncome => "fees.reason.base_priority",
            },
            values([("base", Tiyn(base).to_string())]),
        ),
        schedule.rate_basis_points.reason(
            "fees.rate",
            "fees.reason.rate",
            values([("percent", percent(rate))]),
        ),
        reason("fees.rounding", "fees.reason.rounding", Vec::new()),
    ];
    let mut lines = vec![
        line("fees.base", "fees.line.base", base),
        line("fees.rate", "fees.line.rate", computed),
    ];
    if days < days_in_year {
        reasons.push(reason(
            "fees.part_year",
            "fees.reason.part_year",
            values([
                ("days", days.to_string()),
                ("days_in_year", days_in_year.to_string()),
            ]),
        ));
    }

    let mut fee = computed;
    let limits = [
        (&schedule.floor_mrp, "fees.floor", true),
        (&schedule.cap_mrp, "fees.cap", false),
    ];
    for (param, rule_id, is_floor) in limits {
        // Message keys follow the rule: fees.floor → fees.reason.floor, fees.line.floor.
        let name = if is_floor { "floor" } else { "cap" };
        let Some(param) = param else { continue };
        let Some(&count) = param.at(start) else {
            continue;
        };
        let mrp_value = *mrp.at(start).ok_or(FeeError::MrpNotCovered { year })?;
        let full = i128::from(count) * i128::from(mrp_value) * 100;
        let limit = div_half_up(full * i128::from(days), i128::from(days_in_year));
        let applies = if is_floor { fee < limit } else { fee > limit };
        if applies {
            fee = limit;
            reasons.push(param.reason(
                rule_id,
                &format!("fees.reason.{name}"),
                values([
                    ("mrp_count", count.to_string()),
                    ("mrp", mrp_value.to_string()),
                    ("amount", Tiyn(limit).to_string()),
                ]),
            ));
            lines.push(line(rule_id, &format!("fees.line.{name}"), limit));
        }
    }
    lines.push(line("fees.membership", "fees.line.total", fee));

    let n = i64::from(instalments);
    let mut parts = vec![Tiyn(fee / n); instalments as usize];
    if let Some(last) = parts.last_mut() {
        last.0 += fee % n;
    }
    reasons.push(schedule.instalments.reason(
        "fees.instalments",
        "fees.reason.instalments",
        values([("count", instalments.to_string())]),
    ));

    Ok(Decision::new(
        FeeBreakdown {
            year,
            base_kind,
            base: Tiyn(base),
            rate_basis_points: rate,
            days_participating: days,
            days_in_year,
            lines,
            total: Tiyn(fee),
            instalments: parts,
        },
        reasons,
    ))
}

fn line(rule_id: &str, message_key: &str, amount: i64) -> FeeLine {
    FeeLine {
        rule_id: rule_id.to_owned(),
        message_key: message_key.to_owned(),
        amount: Tiyn(amount),
    }
}

/// Basis points as a percentage: 100 → "1", 150 → "1.5", 125 → "1.25".
fn percent(bp: u32) -> String {
    let (whole, frac) = (bp / 100, bp % 100);
    match frac {
        0 => whole.to_string(),
        f if f.is_multiple_of(10) => format!("{whole}.{}", f / 10),
        f => format!("{whole}.{f:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_formats() {
        assert_eq!(percent(100), "1");
        assert_eq!(percent(150), "1.5");
        assert_eq!(percent(125), "1.25");
    }

    #[test]
    fn half_up() {
        assert_eq!(div_half_up(5, 10), 1);
        assert_eq!(div_half_up(4, 10), 0);
        assert_eq!(div_half_up(15, 10), 2);
    }
}
