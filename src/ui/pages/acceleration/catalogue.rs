//! The catalogue at `/acceleration`: every programme with its purpose, who may apply, its
//! cohorts and the legal basis, filtered by the applicant's kind and stage. Closed and full
//! cohorts stay listed, marked as such.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::{DRAFT, use_catalogue, waiting};
use crate::{
    domain::{
        acceleration::{
            Cohort, CohortStatus, EnrolmentApplication, Programme, ProjectStage, check_enrolment,
        },
        eligibility::ApplicantKind,
    },
    journeys::acceleration::{KINDS, STAGES, from_id, id_of, role_key},
    ui::{
        i18n::use_i18n,
        link,
        page::Page,
        pages::form::{Draft, DraftTools, dyn_text, fill, format_date, message, text, tr},
    },
};

/// Whether the programme takes this kind of applicant at this stage, as its rules say.
/// Unset filters match everything.
fn fits(p: &Programme, kind: &str, stage: &str, today: NaiveDate) -> bool {
    let Some(cohort) = p.cohorts.first() else {
        return true;
    };
    let application = EnrolmentApplication {
        applicant_kind: from_id(kind).unwrap_or(ApplicantKind::LegalEntity),
        stage: from_id(stage).unwrap_or(ProjectStage::Idea),
        team: Vec::new(),
    };
    let decision = check_enrolment(p, cohort, &application, today);
    !decision
        .reasons
        .iter()
        .any(|r| match r.message_key.as_str() {
            "acceleration.reason.applicant_kind" | "acceleration.reason.team_not_incorporated" => {
                !kind.is_empty()
            }
            "acceleration.reason.stage" => !stage.is_empty(),
            _ => false,
        })
}

/// A filter: a list of options, "any" first; the list below follows the choice at once.
fn filter(
    id: &'static str,
    label: &'static str,
    values: Vec<&'static str>,
    prefix: &'static str,
    chosen: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="form-group filters__item">
            <label class="label" for=id>
                {text(label)}
            </label>
            <select class="select" id=id on:change=move |ev| chosen.set(event_target_value(&ev))>
                <option value="">{text("acc.filter_any")}</option>
                {values
                    .into_iter()
                    .map(|v| {
                        view! {
                            <option value=v selected=move || chosen.with(|c| c == v)>
                                {dyn_text(format!("{prefix}{v}"))}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

#[component]
pub fn Acceleration() -> impl IntoView {
    let i18n = use_i18n();
    let catalogue = use_catalogue();
    let has_draft = || Draft::restore(DRAFT).answers.contains_key("cohort");
    let started = RwSignal::new(has_draft());
    let kind = RwSignal::new(String::new());
    let stage = RwSignal::new(String::new());
    let list = move || match catalogue.get() {
        None => waiting(None),
        Some(Err(e)) => waiting(Some(e)),
        Some(Ok(c)) => {
            let today = c.as_of;
            let shown: Vec<Programme> = c
                .programmes
                .into_iter()
                .filter(|p| kind.with(|k| stage.with(|s| fits(p, k, s, today))))
                .collect();
            let count = message(
                i18n.lang(),
                "acc.showing",
                &[
                    ("shown".into(), shown.len().to_string()),
                    ("all".into(), catalogue_len(&catalogue)),
                ],
            );
            view! {
                <p role="status">{count}</p>
                {shown.into_iter().map(|p| view! { <ProgrammeCard programme=p /> }).collect_view()}
            }
            .into_any()
        }
    };
    view! {
        <Page title="acceleration.title">
            <p class="lead">{text("acc.lead")}</p>
            <p>{text("acc.legal_basis")}</p>
            {move || started.get().then(|| view! { <ResumeDraft /> })}
            <div class="filters" role="search" aria-label=move || i18n.t("acc.filters")>
                {filter("filter-kind", "acc.filter_kind", KINDS.to_vec(), "acc.kind.", kind)}
                {filter("filter-stage", "acc.filter_stage", (STAGES.values)(), STAGES.prefix, stage)}
            </div>
            {list}
            <DraftTools
                journey=DRAFT
                file_name="astana-hub-enrolment.json"
                resume="/acceleration/check"
                changed=Callback::new(move |()| started.set(has_draft()))
            />
        </Page>
    }
}

fn catalogue_len(
    c: &LocalResource<Result<crate::api::Catalogue, crate::backend::BackendError>>,
) -> String {
    c.with_untracked(|c| match c {
        Some(Ok(c)) => c.programmes.len(),
        _ => 0,
    })
    .to_string()
}

/// A link back into an enrolment already started in this browser.
#[component]
fn ResumeDraft() -> impl IntoView {
    view! {
        <div class="panel">
            <p>{text("acc.draft_exists")}</p>
            <a href=link("/acceleration/check")>{text("acc.draft_continue")}</a>
        </div>
    }
}

#[component]
fn ProgrammeCard(programme: Programme) -> impl IntoView {
    let i18n = use_i18n();
    let p = programme;
    let join = move |keys: Vec<String>| {
        move || {
            keys.iter()
                .map(|k| tr(i18n.lang(), k))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let mut who: Vec<String> = p
        .applicant_kinds
        .iter()
        .map(|k| format!("acc.kind.{}", id_of(k)))
        .collect();
    if p.unincorporated_team_allowed {
        who.push("acc.kind.unincorporated_team".into());
    }
    let stages = p
        .stages
        .iter()
        .map(|s| format!("{}{}", STAGES.prefix, id_of(s)))
        .collect();
    let languages = p
        .languages
        .iter()
        .map(|l| format!("acc.language.{l}"))
        .collect();
    let min = p.min_team_size.to_string();
    let team = move || {
        message(
            i18n.lang(),
            "acc.team_min",
            &[("minimum".into(), min.clone())],
        )
    };
    let roles = p
        .required_roles
        .iter()
        .map(|r| {
            let kind = if r.full_time {
                "needs_full_time"
            } else {
                "needs"
            };
            let key = role_key(r.role).replace(".role.", &format!(".{kind}."));
            view! { <br /> {dyn_text(key)} }
        })
        .collect_view();
    let housing = if p.housing {
        "acc.housing_yes"
    } else {
        "acc.housing_no"
    };
    let row = |key: &'static str, value: AnyView| {
        view! {
            <div class="summary-list__row">
                <dt class="summary-list__key">{text(key)}</dt>
                <dd class="summary-list__value">{value}</dd>
            </div>
        }
    };
    let heading_id = format!("programme-{}", p.id);
    let cohorts = p
        .cohorts
        .iter()
        .map(|c| view! { <CohortItem programme=p.clone() cohort=c.clone() /> })
        .collect_view();
    view! {
        <section class="programme" aria-labelledby=heading_id.clone()>
            <h2 class="heading-l" id=heading_id.clone()>{p.name.clone()}</h2>
            <p>{dyn_text(p.description.clone())}</p>
            <dl class="summary-list">
                {row("acc.who_may_apply", view! { {join(who)} }.into_any())}
                {row("acc.stages", view! { {join(stages)} }.into_any())}
                {row("acc.team", view! { {team} {roles} }.into_any())}
                {row("acc.delivery", view! { {dyn_text(format!("acc.format.{}", id_of(&p.format)))} }.into_any())}
                {row("acc.languages", view! { {join(languages)} }.into_any())}
                {row("acc.housing", view! { {text(housing)} }.into_any())}
            </dl>
            <h3 class="heading-m">{text("acc.cohorts")}</h3>
            <ul class="cohorts">{cohorts}</ul>
        </section>
    }
}

/// One cohort: its dates, deadline and seats, and the way in while it takes applications.
#[component]
fn CohortItem(programme: Programme, cohort: Cohort) -> impl IntoView {
    let i18n = use_i18n();
    let c = cohort;
    let date = move |d: NaiveDate| move || format_date(i18n.lang(), d);
    let (starts, ends, deadline, opens) = (c.starts, c.ends, c.deadline, c.opens);
    let dates = move || {
        fill(
            i18n.t("acc.cohort_dates"),
            &[
                ("starts".into(), format_date(i18n.lang(), starts)),
                ("ends".into(), format_date(i18n.lang(), ends)),
            ],
        )
    };
    let seats_left = c.seats.saturating_sub(c.seats_taken);
    let seats = move || {
        message(
            i18n.lang(),
            "acc.seats_left",
            &[
                ("left".into(), seats_left.to_string()),
                ("seats".into(), c.seats.to_string()),
            ],
        )
    };
    let (status_key, closed) = match c.status {
        CohortStatus::Open => ("acc.status_open", false),
        CohortStatus::NotYetOpen => ("acc.status_not_yet_open", true),
        CohortStatus::DeadlinePassed => ("acc.status_deadline_passed", true),
        CohortStatus::Full => ("acc.status_full", true),
    };
    let status = move || {
        fill(
            i18n.t(status_key),
            &[("date".into(), format_date(i18n.lang(), opens))],
        )
    };
    let navigate = use_navigate();
    let name = programme.name.clone();
    let apply = (c.status == CohortStatus::Open).then(|| {
        let (programme_id, cohort_id) = (programme.id.clone(), c.id.clone());
        let team_allowed = programme.unincorporated_team_allowed;
        let kinds: Vec<String> = programme.applicant_kinds.iter().map(id_of).collect();
        let kinds = kinds.join(",");
        let choose = move |_| {
            let mut draft = Draft::restore(DRAFT);
            if draft.answers.get("cohort") != Some(&cohort_id) {
                // Another cohort is another submission.
                draft.idempotency_key.clear();
            }
            for (k, v) in [
                ("programme", programme_id.clone()),
                ("cohort", cohort_id.clone()),
                (
                    "team_allowed",
                    if team_allowed { "yes" } else { "no" }.to_owned(),
                ),
                ("applicant_kinds", kinds.clone()),
            ] {
                draft.answers.insert(k.to_owned(), v);
            }
            draft.persist();
            navigate(&link("/acceleration/applicant"), Default::default());
        };
        view! {
            <button class="button" type="button" on:click=choose>
                {text("acc.apply")}
                <span class="visually-hidden">" " {name.clone()} ", " {dates}</span>
            </button>
        }
    });
    view! {
        <li class="cohort" class:cohort--closed=closed>
            <p class="heading-s">{dates}</p>
            <dl class="summary-list">
                <div class="summary-list__row">
                    <dt class="summary-list__key">{text("acc.deadline")}</dt>
                    <dd class="summary-list__value">{date(deadline)}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">{text("acc.seats")}</dt>
                    <dd class="summary-list__value">{seats}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">{text("acc.status")}</dt>
                    <dd class="summary-list__value">
                        <strong>{status}</strong>
                    </dd>
                </div>
            </dl>
            {apply}
        </li>
    }
}
