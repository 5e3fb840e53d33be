//! The membership fee calculator, and the fee breakdown shown wherever a fee is estimated.

use chrono::Datelike;
use leptos::{html, prelude::*};

use crate::{
    domain::{
        decision::Decision,
        fees::{FeeBreakdown, FeeError, FeeInput, calculate, schedule},
        money::Tiyn,
    },
    ui::{
        config::use_today,
        link,
        pages::form::{
            Answers, Kind, Outcome, Question, Step, StepForm, Why, accepted_money, dyn_text,
            format_money, parse_number, text,
        },
    },
};

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

fn year_covered(value: &str, _: &Answers) -> Outcome {
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
fn incomes_in_range(_: &str, a: &Answers) -> Outcome {
    match (incomes(a), year_covered(a.get("year").map_or("", |s| s), a)) {
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

fn total_checked_here(value: &str, a: &Answers) -> Outcome {
    if priority_asked(a) {
        Ok(())
    } else {
        incomes_in_range(value, a)
    }
}

static QUESTIONS: [Question; 3] = [
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

static STEP: Step = Step {
    slug: "",
    title: "fees.title",
    lead: Some("feecalc.lead"),
    questions: &QUESTIONS,
    when: None,
};

/// The breakdown: each line with the rule it comes from, then "why?".
#[component]
pub fn FeeEstimate(decision: Decision<FeeBreakdown>) -> impl IntoView {
    let b = decision.outcome;
    let last = b.lines.len().saturating_sub(1);
    let rows = b
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let citation = decision
                .reasons
                .iter()
                .find(|r| r.rule_id == line.rule_id)
                .map(|r| r.citation.to_string())
                .unwrap_or_else(|| line.rule_id.clone());
            let key = line.message_key.clone();
            view! {
                <tr class:fee-total=i == last>
                    <th scope="row">{dyn_text(key)}</th>
                    <td>{citation}</td>
                    <td class="numeric">{format_money(line.amount)}</td>
                </tr>
            }
        })
        .collect_view();
    let instalments = (b.instalments.len() > 1).then(|| {
        let list = b
            .instalments
            .iter()
            .map(|t| format_money(*t))
            .collect::<Vec<_>>()
            .join(", ");
        view! { <p>{text("feecalc.instalments")} ": " {list}</p> }
    });
    view! {
        <table class="table fee-breakdown">
            <caption class="table__caption">
                {text("feecalc.breakdown")} " " {b.year}
            </caption>
            <thead>
                <tr>
                    <th scope="col">{text("feecalc.col.item")}</th>
                    <th scope="col">{text("feecalc.col.rule")}</th>
                    <th scope="col" class="numeric">
                        {text("feecalc.col.amount")}
                    </th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        {instalments}
        <Why reasons=decision.reasons indicative=decision.indicative />
    }
}

#[component]
pub fn Fees() -> impl IntoView {
    let answers = RwSignal::new(Answers::new());
    // The year offered is the configured today's, which may arrive after the page: the form is
    // drawn again with it then, keeping whatever else was typed.
    let this_year = Memo::new(move |_| use_today().year().to_string());
    let result = RwSignal::new(None::<Decision<FeeBreakdown>>);
    let heading = NodeRef::<html::H2>::new();
    Effect::new(move || {
        if result.with(Option::is_some)
            && let Some(h) = heading.get()
        {
            let _ = h.focus();
        }
    });
    let compute = move |()| {
        let found = answers.with_untracked(|a| {
            let year = a.get("year").and_then(|y| parse_number(y))? as i32;
            let (total, priority) = incomes(a)?;
            estimate(year, total, priority).ok()
        });
        result.set(found);
    };
    let shown = move || {
        result.get().map(|d| {
            let total = format_money(d.outcome.total);
            view! {
                <section class="fee-result" aria-labelledby="fee-result-heading">
                    <h2 class="heading-l" id="fee-result-heading" tabindex="-1" node_ref=heading>
                        {text("feecalc.result")} ": " {total}
                    </h2>
                    <FeeEstimate decision=d />
                    <button class="button button--secondary" type="button" on:click=|_| {
                        let _ = window().print();
                    }>{text("form.print")}</button>
                </section>
            }
        })
    };
    let form = move || {
        let year = this_year.get();
        answers.update_untracked(|a| {
            a.insert("year".into(), year);
        });
        view! { <StepForm step=&STEP answers back=link("/") on_continue=compute /> }
    };
    view! {
        {form}
        {shown}
    }
}
