//! The membership fee calculator's one page as data: the year and the incomes, checked against
//! the fee schedule (`domain::fees`) as they are typed.

use chrono::NaiveDate;

use crate::domain::{
    decision::Decision,
    fees::{FeeBreakdown, FeeError, FeeInput, calculate, schedule},
    money::Tiyn,
};

use super::{Answers, Kind, Outcome, Question, Step, accepted_money, parse_number};

/// The fee for a whole year of participation on `income`, and on `priority` income where the
/// schedule's base is priority-activity income.
pub fn estimate(
    year: i32,
    income: Tiyn,
    priority: Option<Tiyn>,
) -> Result<Decision<FeeBreakdown>, FeeError> {
    calculate(&FeeInput {
        year,
        total_income: income,
        priority_income: priority,
        participation_start: None,
        participation_end: None,
    })
}

fn year_covered(value: &str, _: &Answers, _: NaiveDate) -> Outcome {
    let year = parse_number(value).unwrap_or_default() as i32;
    estimate(year, Tiyn::ZERO, Some(Tiyn::ZERO))
        .map(|_| ())
        .map_err(|e| (e.message_key(), e.values()))
}

/// The income answers as the calculator reads them: total, and priority when it is asked.
/// Read once each question has accepted its answer.
fn incomes(a: &Answers) -> Option<(Tiyn, Option<Tiyn>)> {
    let total = accepted_money(a.get("income")?)?;
    let priority = a.get("priority_income").and_then(|p| accepted_money(p));
    Some((total, priority))
}

fn year_of(a: &Answers) -> i32 {
    a.get("year").and_then(|y| parse_number(y)).unwrap_or(2026) as i32
}

/// Checked on the last income question asked, once both figures are in.
fn incomes_in_range(_: &str, a: &Answers, today: NaiveDate) -> Outcome {
    match (
        incomes(a),
        year_covered(a.get("year").map_or("", |s| s), a, today),
    ) {
        (Some((total, priority)), Ok(())) => estimate(year_of(a), total, priority)
            .map(|_| ())
            .or_else(|e| match e {
                // Said by the priority income question's own "empty" message.
                FeeError::PriorityIncomeNeeded => Ok(()),
                e => Err((e.message_key(), e.values())),
            }),
        _ => Ok(()),
    }
}

fn priority_asked(_: &Answers) -> bool {
    schedule().may_use_priority_income()
}

fn total_checked_here(value: &str, a: &Answers, today: NaiveDate) -> Outcome {
    if priority_asked(a) {
        Ok(())
    } else {
        incomes_in_range(value, a, today)
    }
}

static QUESTIONS: &[Question] = &[
    Question::new(
        "year",
        "feecalc.year",
        "feecalc.year_empty",
        Kind::Number {
            min: 2000,
            max: 2100,
        },
    )
    .hint("feecalc.year_hint")
    .check(year_covered),
    Question::new(
        "income",
        "feecalc.income",
        "feecalc.income_empty",
        Kind::Money,
    )
    .hint("feecalc.income_hint")
    .check(total_checked_here),
    Question::new(
        "priority_income",
        "feecalc.priority_income",
        "feecalc.priority_income_empty",
        Kind::Money,
    )
    .hint("feecalc.priority_income_hint")
    .when(priority_asked)
    .check(incomes_in_range),
];

pub static STEP: Step = Step {
    slug: "",
    title: "fees.title",
    lead: Some("feecalc.lead"),
    questions: QUESTIONS,
    when: None,
};

/// The fee the calculator's answers come to; `None` while one is missing or refused.
pub fn fee_of(a: &Answers) -> Option<Decision<FeeBreakdown>> {
    let year = a.get("year").and_then(|y| parse_number(y))? as i32;
    let (total, priority) = incomes(a)?;
    estimate(year, total, priority).ok()
}
