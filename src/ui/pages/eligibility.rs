//! "Check if you can apply": a few questions, one small group per page, then a result page with
//! the route, the cost, the time it takes and what to prepare, or why not and what to do.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_navigate};

use super::{
    fees::FeeEstimate,
    form::{
        Answers, Draft, DraftStep, Warnings, Why, dyn_text, format_date, message, parse_money,
        parse_number, reason_text, text,
    },
};
use crate::{
    domain::{
        eligibility::{EligibilityOutcome, Route, assess},
        money::Tiyn,
        params::Param,
        timeline::{Stage, review_timeline, timeline_data},
    },
    journeys::{
        eligibility::{JOURNEY, to_domain},
        fees::estimate,
    },
    ui::{config::use_today, i18n::use_i18n, link, page::Page},
};

const DRAFT: &str = "eligibility";

/// The start page: what the check asks and how long it takes.
#[component]
pub fn Eligibility() -> impl IntoView {
    let t = move |key: &'static str| text(key);
    view! {
        <Page title="eligibility.title">
            <p class="lead">{t("elig.start.lead")}</p>
            <p>{t("elig.start.body")}</p>
            <A href=link(&JOURNEY.path("who")) attr:class="button" attr:role="button">
                {t("elig.start.button")}
            </A>
        </Page>
    }
}

/// A step of the check, or its result.
#[component]
pub fn EligibilityStep() -> impl IntoView {
    let slug = super::step_slug();
    move || {
        let slug = slug();
        match JOURNEY.step(&slug) {
            Some(step) => view! { <DraftStep journey=&JOURNEY draft=DRAFT step /> }.into_any(),
            None => view! { <EligibilityResult /> }.into_any(),
        }
    }
}

/// The result as of the configured today, drawn again if that date arrives after the page.
#[component]
fn EligibilityResult() -> impl IntoView {
    let today = Memo::new(move |_| use_today());
    move || result_view(today.get())
}

fn result_view(today: NaiveDate) -> AnyView {
    let i18n = use_i18n();
    let answers = Draft::restore(DRAFT).answers;
    let back = link(&JOURNEY.back("result", &answers));
    let Some(domain_answers) = to_domain(&answers) else {
        // Nothing answered yet (a bookmark, a cleared browser): start the check.
        return view! {
            <Page title="eligibility.title">
                <p>{text("elig.result.none")}</p>
                <A href=link(&JOURNEY.path("who")) attr:class="button">
                    {text("elig.start.button")}
                </A>
            </Page>
        }
        .into_any();
    };
    let decision = assess(&domain_answers, today);
    let why = view! { <Why reasons=decision.reasons.clone() indicative=decision.indicative /> };
    let refused = decision.refused();
    let warnings: Vec<_> = decision.warnings().cloned().collect();
    let body = match decision.outcome {
        EligibilityOutcome::Eligible {
            route,
            already_participant,
            ..
        } => {
            let title = if already_participant {
                "elig.result.already"
            } else {
                "elig.result.eligible"
            };
            let (route_key, means_key) = match route {
                Route::Sez => ("elig.route.sez", "elig.route.sez_means"),
                Route::FundList => ("elig.route.fund_list", "elig.route.fund_list_means"),
                Route::AstanaHubActor => ("elig.route.actor", "elig.route.actor_means"),
            };
            // Organisations of a listed kind are included by the Fund in its list: no actor
            // application, fee estimate or actor review timeline applies to them.
            let apply = match (already_participant, route) {
                (true, _) => None,
                (false, Route::FundList) => {
                    Some(view! { <ListRequestNext answers=answers.clone() /> }.into_any())
                }
                (false, _) => {
                    Some(view! { <ApplyNext answers=answers.clone() today /> }.into_any())
                }
            };
            view! {
                <Page title=title>
                    <div class="panel panel--success">
                        <p class="heading-m">{text(route_key)}</p>
                        <p>{text(means_key)}</p>
                    </div>
                    <Warnings reasons=warnings />
                    {apply}
                    {why}
                </Page>
            }
            .into_any()
        }
        EligibilityOutcome::NotEligible { next_steps }
        | EligibilityOutcome::FundDecides { next_steps } => {
            // A refusal names the rules that refuse; an uncertain answer the readings it rests on.
            let (title, why_heading) = if refused {
                ("elig.result.not_eligible", "elig.result.why_not")
            } else {
                ("elig.result.fund_decides", "elig.result.why_uncertain")
            };
            let reasons = decision
                .reasons
                .iter()
                .filter(|r| if refused { r.refuses() } else { r.warns() })
                .cloned()
                .map(|r| {
                    let citation = r.citation.to_string();
                    view! {
                        <li>
                            {move || reason_text(i18n.lang(), &r)} " (" {citation} ")"
                        </li>
                    }
                })
                .collect_view();
            let steps = next_steps
                .into_iter()
                .map(|key| view! { <li>{dyn_text(key)}</li> })
                .collect_view();
            view! {
                <Page title=title>
                    <h2 class="heading-m">{text(why_heading)}</h2>
                    <ul class="list">{reasons}</ul>
                    <h2 class="heading-m">{text("elig.result.instead")}</h2>
                    <ul class="list">{steps}</ul>
                    <p>
                        <A href=link("/acceleration")>{text("elig.result.acceleration")}</A>
                    </p>
                    {why}
                </Page>
            }
            .into_any()
        }
    };
    view! {
        <super::form::BackLink href=back />
        {body}
        <p>
            <A href=link(&JOURNEY.path("who"))>{text("elig.result.again")}</A>
        </p>
    }
    .into_any()
}

/// For an eligible applicant: what it costs, how long it takes, what to prepare, and the way
/// into the application with the answers carried over.
#[component]
fn ApplyNext(answers: Answers, today: NaiveDate) -> impl IntoView {
    let navigate = use_navigate();
    // Priority-activity income, where the schedule's base needs it, from the share given.
    let fee = answers
        .get("income")
        .and_then(|i| parse_money(i, use_i18n().lang()))
        .and_then(|income| {
            let share = answers.get("priority_share").and_then(|s| parse_number(s));
            let priority = share.map(|p| Tiyn(income.0 / 100 * p + income.0 % 100 * p / 100));
            estimate(today.year(), income, priority).ok()
        });
    let cost = match fee {
        Some(d) => view! { <FeeEstimate decision=d /> }.into_any(),
        None => view! {
            <p>
                {text("elig.cost.no_income")} " "
                <A href=link("/fees")>{text("elig.cost.calculator")}</A>
            </p>
        }
        .into_any(),
    };
    let start = move |_| {
        let mut draft = Draft::restore("apply");
        for (from, to) in [("income", "income"), ("activities", "activities")] {
            if let Some(v) = answers.get(from).filter(|v| !v.is_empty()) {
                draft
                    .answers
                    .entry(to.to_owned())
                    .or_insert_with(|| v.clone());
            }
        }
        draft.persist();
        navigate(&link("/apply"), Default::default());
    };
    let prepare = [
        "elig.prepare.bin",
        "elig.prepare.contact",
        "elig.prepare.income",
        "elig.prepare.plan",
        "elig.prepare.documents",
    ]
    .map(|key| view! { <li>{text(key)}</li> });
    view! {
        <h2 class="heading-m">{text("elig.cost.title")}</h2>
        {cost}
        <h2 class="heading-m">{text("elig.time.title")}</h2>
        <ReviewTimeline from=today />
        <h2 class="heading-m">{text("elig.prepare.title")}</h2>
        <ul class="list list--bullet">{prepare}</ul>
        <button class="button" type="button" on:click=start>
            {text("elig.start_application")}
        </button>
    }
}

/// For an organisation of a listed kind not yet in the Fund's list: what the procedure is,
/// what it asks, and the way into the request with the organisation's kind carried over.
#[component]
fn ListRequestNext(answers: Answers) -> impl IntoView {
    let navigate = use_navigate();
    let start = move |_| {
        let mut draft = Draft::restore(super::list_request::DRAFT);
        if let Some(kind) = answers.get("entity_type").filter(|v| !v.is_empty()) {
            draft
                .answers
                .entry("entity_type".to_owned())
                .or_insert_with(|| kind.clone());
        }
        draft.persist();
        navigate(&link("/list-request"), Default::default());
    };
    let prepare = [
        "elig.list.prepare_bin",
        "elig.list.prepare_status",
        "elig.list.prepare_contact",
    ]
    .map(|key| view! { <li>{text(key)}</li> });
    view! {
        <h2 class="heading-m">{text("elig.list.title")}</h2>
        <p>{text("elig.list.body")}</p>
        <p>{text("elig.list.no_estimate")}</p>
        <h2 class="heading-m">{text("elig.prepare.title")}</h2>
        <ul class="list list--bullet">{prepare}</ul>
        <button class="button" type="button" on:click=start>
            {text("elig.list.start")}
        </button>
    }
}

/// The review's stages with the latest expected date of each, for an application sent on
/// `from`.
#[component]
pub fn ReviewTimeline(from: NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    let data = timeline_data();
    let lead = move || {
        let lang = i18n.lang();
        let days = |p: &'static Param<u32>| {
            let n = p.at(from).copied().unwrap_or(0).to_string();
            message(lang, "elig.time.working_days", &[("count".into(), n)])
        };
        let values = [
            ("moderation".to_owned(), days(&data.moderation_working_days)),
            ("commission".to_owned(), days(&data.commission_working_days)),
        ];
        message(lang, "elig.time.lead", &values)
    };
    match review_timeline(from) {
        Ok(stages) => {
            let items = stages
                .into_iter()
                .map(|(stage, date)| {
                    let key = match stage {
                        Stage::Submitted => "elig.time.submitted",
                        Stage::Moderation => "elig.time.moderation",
                        Stage::Commission => "elig.time.commission",
                    };
                    view! {
                        <li>
                            <strong>{move || format_date(i18n.lang(), date)}</strong>
                            ": "
                            {text(key)}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <p>{lead}</p>
                <ol class="timeline">{items}</ol>
            }
            .into_any()
        }
        Err(e) => {
            let v = e.values();
            view! { <p>{move || super::form::message(i18n.lang(), e.message_key(), &v)}</p> }
                .into_any()
        }
    }
}
