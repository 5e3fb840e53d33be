//! The membership fee calculator, and the fee breakdown shown wherever a fee is estimated.

use chrono::Datelike;
use leptos::{html, prelude::*};

use crate::{
    domain::{decision::Decision, fees::FeeBreakdown},
    journeys::fees::{STEP, fee_of},
    ui::{
        config::use_today,
        link,
        pages::form::{Answers, StepForm, Why, dyn_text, format_money, text},
    },
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
        result.set(answers.with_untracked(fee_of));
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
