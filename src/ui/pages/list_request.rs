//! Ask the Fund to include an organisation in its list of innovation cluster actors (Law
//! No. 207-V, Art. 7(2)(2); the Fund approves the list, Art. 8-1(5-11)): a start page saying
//! what this procedure is, the questions, "check your answers", submission through the backend,
//! and a confirmation that survives a reload. The Fund's rules for inclusion (Art. 9(4)(5)) are
//! not published, so the request asks only what identifies the organisation, the status of a
//! listed kind it holds, and a contact: no fee, no timeline, no priority activity.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_navigate};

use super::form::{
    BackLink, DraftStep, FailurePanel, JourneyStart, NoRecord, Question, Sending, StartTexts,
    SummaryList, fill, format_date, kept_record, saved_answers, status_link, text,
};
use crate::{
    api::Submission,
    backend::Backend,
    journeys::list_request::{JOURNEY, to_request},
    ui::{
        config::{use_backend, use_today},
        i18n::use_i18n,
        link,
        page::Page,
    },
};

/// The name of this journey's draft in the browser; the eligibility result starts it with the
/// organisation's kind.
pub const DRAFT: &str = "list-request";

/// The name a receipt is kept under, with its reference.
const RECEIPT: &str = "list-receipt";

/// The start page: what this procedure is, what it asks, the way in and the draft tools.
#[component]
pub fn ListRequestStart() -> impl IntoView {
    let texts = StartTexts {
        title: "list.title",
        start: "list.start",
        resume: "list.continue_draft",
    };
    view! {
        <JourneyStart journey=&JOURNEY draft=DRAFT file_name="astana-hub-list-request.json" resume="/list-request/check" texts>
            <p class="lead">{text("list.lead")}</p>
            <p>{text("list.rules")}</p>
        </JourneyStart>
    }
}

/// A step or "check your answers", by the last part of the address.
#[component]
pub fn ListRequestStep() -> impl IntoView {
    let slug = super::step_slug();
    move || {
        let slug = slug();
        match JOURNEY.step(&slug) {
            Some(step) => view! { <DraftStep journey=&JOURNEY draft=DRAFT step /> }.into_any(),
            None => view! { <CheckAnswers /> }.into_any(),
        }
    }
}

/// The address of a question's step, coming back to "check your answers" after Continue.
fn change_link(q: &Question) -> String {
    link(&JOURNEY.change_path(q))
}

/// A refused field's question, to link to it from the failure panel.
fn refused_question(path: &str) -> Option<(&'static str, String)> {
    JOURNEY
        .locate(path)
        .map(|(label, path)| (label, link(&path)))
}

/// Every answer with a Change link, then Send. A failed submission keeps the draft and its
/// idempotency key, so sending again can never make a second request.
#[component]
fn CheckAnswers() -> impl IntoView {
    let i18n = use_i18n();
    let answers = saved_answers(DRAFT);
    let navigate = use_navigate();
    let backend = use_backend();
    let request = Sending::new(DRAFT);
    let sending = request.busy;
    // A draft loaded from a file or cut short: to the first step with a problem.
    if let Some((step, _)) = answers
        .with_untracked(|a| JOURNEY.problems(a, i18n.lang(), use_today()))
        .first()
    {
        let to = link(&JOURNEY.path(step.slug));
        request_animation_frame(move || use_navigate()(&to, Default::default()));
    }
    // What the service refused, by question, to show in each question's row.
    let refused = Signal::derive(move || {
        request.failure.with(|f| {
            f.iter()
                .flat_map(|e| e.field_errors())
                .filter_map(|e| Some((JOURNEY.question_at(&e.path)?.1.id, e.code.clone())))
                .collect()
        })
    });
    let sections = JOURNEY
        .steps
        .iter()
        .map(|s| {
            view! {
                <h2 class="heading-m">{text(s.title)}</h2>
                <SummaryList questions=s.questions.iter().collect() answers change=change_link refused />
            }
        })
        .collect_view();
    let submit = Callback::new(move |()| {
        let body = answers.with_untracked(to_request);
        request.send_then_confirm(
            (RECEIPT, JOURNEY.base),
            move |key| async move { backend.submit_list_request(&key, &body).await },
            |submission| submission,
            navigate.clone(),
        );
    });
    view! {
        <BackLink href=link(&JOURNEY.back("check", &answers.get_untracked())) />
        <FailurePanel sending=request kept="list.failure_kept" locate=refused_question resend=submit />
        <Page title="list.check_title">
            {sections}
            <h2 class="heading-m">{text("list.submit_title")}</h2>
            <p>{text("list.submit_note")}</p>
            <button class="button" type="button" on:click=move |_| submit.run(()) disabled=move || sending.get()>
                {move || i18n.t(if sending.get() { "apply.sending" } else { "list.submit" })}
            </button>
        </Page>
    }
}

/// The confirmation, read from the receipt kept in this browser under its reference, so a
/// reload or a bookmark shows it again without personal data in the address.
#[component]
pub fn ListRequestConfirmation() -> impl IntoView {
    let i18n = use_i18n();
    let reference = super::confirmed_reference();
    let receipt: Option<Submission> = kept_record(RECEIPT, &reference);
    let Some(receipt) = receipt else {
        return view! {
            <NoRecord title="apply.confirmation_missing" body="list.confirmation_missing_body" />
        }
        .into_any();
    };
    let submitted = receipt.submitted_on;
    let reference = receipt.reference.as_str().to_owned();
    view! {
        <Page title="list.confirmation_title">
            <div class="panel panel--confirmation">
                <p>{text("apply.reference")}</p>
                <p class="reference">{reference.clone()}</p>
            </div>
            <p>
                {move || fill(i18n.t("list.submitted_on"), &[("date".into(), format_date(i18n.lang(), submitted))])}
            </p>
            <h2 class="heading-m">{text("list.next_title")}</h2>
            <p>{text("list.next_body")}</p>
            <p>{text("list.next_listed")}</p>
            <p>{text("list.keep_reference")}</p>
            <button class="button button--secondary no-print" type="button" on:click=|_| {
                let _ = window().print();
            }>{text("form.print")}</button>
            <p class="no-print">
                <A href=status_link(&reference)>{text("status.title")}</A>
            </p>
        </Page>
    }
    .into_any()
}
