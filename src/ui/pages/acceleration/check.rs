//! "Check your answers": every answer with a Change link, who will need a visa invitation, then
//! Submit. When the programme's rules refuse the enrolment, the page says why instead.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::{
    DRAFT, JOURNEY,
    confirmation::{Invitee, RECORD, Record},
    with_cohort,
};
use crate::{
    backend::Backend,
    domain::{
        acceleration::{Cohort, EnrolmentOutcome, Programme, check_enrolment, check_housing},
        decision::Reason,
    },
    journeys::{
        acceleration::{
            application, enrolment, incomplete_member, is_foreign, member_name, member_questions,
            nights, team_of,
        },
        attachments_of, country_name,
    },
    ui::{
        config::{use_backend, use_today},
        i18n::use_i18n,
        link,
        page::Page,
        pages::form::{
            Answers, BackLink, DocumentList, FailurePanel, ItemSummary, Question, ReasonList,
            Sending, SummaryList, Warnings, Why, fill, format_date, is_yes, saved_answers, text,
        },
    },
};

#[component]
pub fn CheckAnswers() -> impl IntoView {
    let answers = saved_answers(DRAFT);
    let back = link(&answers.with_untracked(|a| JOURNEY.back("check", a)));
    view! {
        <BackLink href=back />
        {with_cohort(answers, move |programme, cohort| {
            view! { <Review answers programme cohort /> }.into_any()
        })}
    }
}

#[component]
fn Review(answers: RwSignal<Answers>, programme: Programme, cohort: Cohort) -> impl IntoView {
    let today = use_today();
    // A draft loaded from a file or cut short: back to the first step with a problem.
    if let Some((step, _)) = answers
        .with_untracked(|a| JOURNEY.problems(a, use_i18n().lang(), use_today()))
        .first()
    {
        let (to, navigate) = (link(&JOURNEY.path(step.slug)), use_navigate());
        request_animation_frame(move || navigate(&to, Default::default()));
        return ().into_any();
    }
    // A member the team page would not save now: back to the list, which says who.
    let team_incomplete = answers.with_untracked(|a| {
        incomplete_member(
            member_questions(programme.housing, a),
            &team_of(a),
            use_i18n().lang(),
            use_today(),
        )
        .is_some()
    });
    if team_incomplete {
        let (to, navigate) = (link(&JOURNEY.path("team")), use_navigate());
        request_animation_frame(move || navigate(&to, Default::default()));
        return ().into_any();
    }
    let decision = answers
        .with_untracked(application)
        .map(|app| check_enrolment(&programme, &cohort, &app, today));
    match decision {
        Some(d) if d.outcome == EnrolmentOutcome::CanApply => {
            let mut warnings: Vec<Reason> = d.warnings().cloned().collect();
            warnings.extend(answers.with_untracked(|a| housing_warnings(&programme, &cohort, a)));
            view! { <Answered answers programme cohort warnings /> }.into_any()
        }
        Some(d) => view! { <CannotEnrol reasons=d.reasons indicative=d.indicative /> }.into_any(),
        None => {
            let (to, navigate) = (link(&JOURNEY.path("project")), use_navigate());
            request_animation_frame(move || navigate(&to, Default::default()));
            ().into_any()
        }
    }
}

/// The programme's rules refuse: each reason, and what to do instead.
#[component]
fn CannotEnrol(reasons: Vec<Reason>, indicative: bool) -> impl IntoView {
    let refusals = reasons.iter().filter(|r| r.refuses()).cloned().collect();
    view! {
        <Page title="acc.cannot_title">
            <h2 class="heading-m">{text("acc.cannot_why")}</h2>
            <ReasonList reasons=refusals />
            <h2 class="heading-m">{text("acc.cannot_instead")}</h2>
            <ul class="list list--bullet">
                <li>
                    <a href=link("/acceleration/team")>{text("acc.cannot_change_team")}</a>
                </li>
                <li>
                    <a href=link("/acceleration/project?change=stage")>{text("acc.cannot_change_project")}</a>
                </li>
                <li>
                    <a href=link("/acceleration")>{text("acc.cannot_other_cohort")}</a>
                </li>
            </ul>
            <Why reasons indicative />
        </Page>
    }
}

fn asked(questions: &'static [Question], a: &Answers) -> Vec<&'static Question> {
    questions.iter().filter(|q| q.asked(a)).collect()
}

/// The housing readings not met for anyone on the team (uncertain: they warn).
fn housing_warnings(programme: &Programme, cohort: &Cohort, a: &Answers) -> Vec<Reason> {
    team_of(a)
        .iter()
        .filter(|m| is_yes(m, "needs_housing"))
        .filter_map(nights)
        .flat_map(|n| check_housing(programme, cohort, &n).reasons)
        .filter(Reason::warns)
        .collect()
}

#[component]
fn Answered(
    answers: RwSignal<Answers>,
    programme: Programme,
    cohort: Cohort,
    warnings: Vec<Reason>,
) -> impl IntoView {
    let i18n = use_i18n();
    let backend = use_backend();
    let navigate = use_navigate();
    let request = Sending::new(DRAFT);
    let sending = request.busy;
    let a = answers.get_untracked();
    let (starts, ends) = (cohort.starts, cohort.ends);
    let dates = move || {
        fill(
            i18n.t("acc.cohort_dates"),
            &[
                ("starts".into(), format_date(i18n.lang(), starts)),
                ("ends".into(), format_date(i18n.lang(), ends)),
            ],
        )
    };
    let steps = JOURNEY.steps;
    let section = move |i: usize, change: fn(&Question) -> String| {
        let questions = asked(steps[i].questions, &answers.get_untracked());
        view! {
            <h2 class="heading-m">{text(steps[i].title)}</h2>
            <SummaryList questions answers change />
        }
    };
    let questions = member_questions(programme.housing, &a);
    let team = team_of(&a);
    let members = team
        .iter()
        .map(|m| {
            view! {
                <h3 class="heading-s">{member_name(m)}</h3>
                <ItemSummary questions item=m.clone() />
            }
        })
        .collect_view();
    let foreign: Vec<Answers> = team.iter().filter(|m| is_foreign(m)).cloned().collect();
    let visa = (!foreign.is_empty()).then(|| {
        let names = foreign
            .iter()
            .map(|m| {
                let (name, code) = (
                    member_name(m),
                    m.get("citizenship").cloned().unwrap_or_default(),
                );
                view! { <li>{name} " (" {move || country_name(i18n.lang(), &code)} ")"</li> }
            })
            .collect_view();
        view! {
            <div class="panel">
                <h2 class="heading-m">{text("acc.visa_title")}</h2>
                <p>{text("acc.visa_note")}</p>
                <ul class="list list--bullet">{names}</ul>
            </div>
        }
    });

    let record_base = Record {
        submission: None,
        programme_id: programme.id.clone(),
        cohort_id: cohort.id.clone(),
        programme_name: programme.name.clone(),
        invitees: foreign.iter().map(Invitee::of).collect(),
        attachments: answers.with_untracked(attachments_of),
    };
    let submit = Callback::new(move |()| {
        let Some(body) = answers.with_untracked(enrolment) else {
            return;
        };
        let mut record = record_base.clone();
        request.send_then_confirm(
            (RECORD, JOURNEY.base),
            move |key| async move { backend.submit_enrolment(&key, &body).await },
            move |submission| {
                record.submission = Some(submission);
                record
            },
            navigate.clone(),
        );
    });
    view! {
        <FailurePanel sending=request kept="acc.failure_kept" locate=|path| JOURNEY.locate(path) resend=submit />
        <Page title="acc.check_title">
            <Warnings reasons=warnings />
            <h2 class="heading-m">{text("acc.programme")}</h2>
            <dl class="summary-list">
                <div class="summary-list__row">
                    <dt class="summary-list__key">{text("acc.programme")}</dt>
                    <dd class="summary-list__value">{programme.name.clone()}</dd>
                    <dd class="summary-list__actions">
                        <a href=link("/acceleration")>
                            {text("form.change")}
                            <span class="visually-hidden">" " {text("acc.programme")}</span>
                        </a>
                    </dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">{text("acc.cohort")}</dt>
                    <dd class="summary-list__value">{dates}</dd>
                </div>
            </dl>
            {section(0, |_| link("/acceleration/applicant?change=1"))}
            {section(1, |_| link("/acceleration/project?change=1"))}
            <DocumentList attachments=answers.with_untracked(attachments_of) />
            <h2 class="heading-m">{text("acc.members")}</h2>
            {members}
            <p>
                <a href=link("/acceleration/team")>
                    {text("form.change")}
                    <span class="visually-hidden">" " {text("acc.members")}</span>
                </a>
            </p>
            {visa}
            <h2 class="heading-m">{text("acc.submit_title")}</h2>
            <p>{text("acc.submit_note")}</p>
            <button class="button" type="button" on:click=move |_| submit.run(()) disabled=move || sending.get()>
                {move || i18n.t(if sending.get() { "acc.sending" } else { "acc.submit" })}
            </button>
        </Page>
    }
}
