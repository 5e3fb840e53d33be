//! Apply for participant status: a start page with the draft tools, the steps, "check your
//! answers", submission through the backend, and a confirmation that survives a reload.

use chrono::Datelike;
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_navigate};
use serde::{Deserialize, Serialize};

use super::{
    fees::FeeEstimate,
    form::{
        Answers, BackLink, DocumentList, DocumentUpload, DraftStep, FailurePanel, JourneyStart,
        NoRecord, Question, Sending, StartTexts, Step, SummaryList, format_date, kept_record,
        message, parse_money, saved_answers, stage_key, status_link, text,
    },
};
use crate::{
    api::{Attachment, Submission},
    backend::{Backend, BackendError},
    domain::documents::documents_of,
    journeys::{
        apply::{JOURNEY, to_application},
        attachments_of,
        fees::estimate,
    },
    ui::{
        config::{use_backend, use_today},
        i18n::use_i18n,
        link,
        page::Page,
    },
};

/// The name a receipt is kept under, with its reference.
const RECEIPT: &str = "receipt";

const DRAFT: &str = "apply";

/// The start page: what is asked, the way in, and the draft tools.
#[component]
pub fn Apply() -> impl IntoView {
    let texts = StartTexts {
        title: "apply.title",
        start: "apply.start",
        resume: "apply.continue_draft",
    };
    view! {
        <JourneyStart journey=&JOURNEY draft=DRAFT file_name="astana-hub-application.json" resume="/apply/check" texts>
            <p class="lead">{text("apply.lead")}</p>
        </JourneyStart>
    }
}

/// A step, "check your answers", by the last part of the address.
#[component]
pub fn ApplyStep() -> impl IntoView {
    let slug = super::step_slug();
    move || {
        let slug = slug();
        match JOURNEY.step(&slug) {
            Some(step) => {
                view! { <DraftStep journey=&JOURNEY draft=DRAFT step extra=uploads /> }.into_any()
            }
            None => view! { <CheckAnswers /> }.into_any(),
        }
    }
}

/// Below the documents' checklist, an upload for each document the application takes.
fn uploads(step: &'static Step, answers: RwSignal<Answers>) -> Option<AnyView> {
    (step.slug == "documents").then(|| {
        documents_of("apply")
            .map(|kind| view! { <DocumentUpload kind answers /> })
            .collect_view()
            .into_any()
    })
}

/// Every answer with a Change link, the fee estimate, then Submit. A failed submission keeps
/// the draft and its idempotency key, so pressing Submit again can never apply twice.
#[component]
fn CheckAnswers() -> impl IntoView {
    let i18n = use_i18n();
    let answers = saved_answers(DRAFT);
    let navigate = use_navigate();
    let backend = use_backend();
    let request = Sending::new(DRAFT);
    let (sending, failure) = (request.busy, request.failure);
    // A draft loaded from a file or cut short: send the user to the first step with a problem.
    if let Some((step, _)) = answers
        .with_untracked(|a| JOURNEY.problems(a, i18n.lang(), use_today()))
        .first()
    {
        let to = link(&JOURNEY.path(step.slug));
        request_animation_frame(move || use_navigate()(&to, Default::default()));
    }
    // What the service refused, by question, to show in each question's row.
    let refused = Signal::derive(move || {
        failure.with(|f| {
            f.iter()
                .flat_map(BackendError::field_errors)
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
    let fee = move || {
        let year = use_today().year();
        answers.with(|a| estimate(year, parse_money(a.get("income")?, i18n.lang())?, None).ok())
    };
    let submit = Callback::new(move |()| {
        let Some(body) = answers.with_untracked(|a| to_application(a, use_today(), i18n.lang()))
        else {
            return;
        };
        let attachments = body.attachments.clone();
        request.send_then_confirm(
            (RECEIPT, JOURNEY.base),
            move |key| async move { backend.submit_application(&key, &body).await },
            |submission| Receipt {
                submission,
                attachments,
            },
            navigate.clone(),
        );
    });
    view! {
        <BackLink href=link(&JOURNEY.back("check", &answers.get_untracked())) />
        <FailurePanel sending=request kept="apply.failure_kept" locate=refused_question resend=submit />
        <Page title="apply.check_title">
            {sections}
            {move || view! { <DocumentList attachments=answers.with(attachments_of) /> }}
            <h2 class="heading-m">{text("elig.cost.title")}</h2>
            {move || fee().map(|d| view! { <FeeEstimate decision=d /> })}
            <h2 class="heading-m">{text("apply.submit_title")}</h2>
            <p>{text("apply.submit_note")}</p>
            <button class="button" type="button" on:click=move |_| submit.run(()) disabled=move || sending.get()>
                {move || i18n.t(if sending.get() { "apply.sending" } else { "apply.submit" })}
            </button>
        </Page>
    }
}

/// The address of a question's step, coming back to "check your answers" after Continue.
fn change_link(q: &Question) -> String {
    link(&JOURNEY.change_path(q))
}

/// A refused answer's question, to link to it from the failure panel.
fn refused_question(path: &str) -> Option<(&'static str, String)> {
    JOURNEY
        .locate(path)
        .map(|(label, path)| (label, link(&path)))
}

/// What the confirmation shows, kept in this browser under the reference: the service's answer
/// and the documents sent. A receipt kept before documents were sent reads as having none.
#[derive(Serialize, Deserialize)]
struct Receipt {
    #[serde(flatten)]
    submission: Submission,
    #[serde(default)]
    attachments: Vec<Attachment>,
}

/// The confirmation, read from the receipt kept in this browser under its reference, so a
/// reload or a bookmark shows it again without personal data in the address.
#[component]
pub fn Confirmation() -> impl IntoView {
    let i18n = use_i18n();
    let reference = super::confirmed_reference();
    let receipt: Option<Receipt> = kept_record(RECEIPT, &reference);
    let Some(Receipt {
        submission: receipt,
        attachments,
    }) = receipt
    else {
        return view! {
            <NoRecord title="apply.confirmation_missing" body="apply.confirmation_missing_body" />
        }
        .into_any();
    };
    let submitted = receipt.submitted_on;
    let reference = receipt.reference.as_str().to_owned();
    let track = status_link(&reference);
    let items = receipt
        .timeline
        .iter()
        .map(|m| {
            let due = m.due;
            view! {
                <li>
                    <strong>{move || format_date(i18n.lang(), due)}</strong>
                    ": "
                    {text(stage_key(m.stage))}
                </li>
            }
        })
        .collect_view();
    view! {
        <Page title="apply.confirmation_title">
            <div class="panel panel--confirmation">
                <p>{text("apply.reference")}</p>
                <p class="reference">{reference}</p>
            </div>
            <p>
                {move || message(i18n.lang(), "apply.submitted_on", &[("date".into(), format_date(i18n.lang(), submitted))])}
            </p>
            <h2 class="heading-m">{text("apply.next_title")}</h2>
            <p>{text("apply.next_body")}</p>
            <ol class="timeline">{items}</ol>
            <DocumentList attachments />
            <p>{text("apply.keep_reference")}</p>
            <button class="button button--secondary" type="button" on:click=|_| {
                let _ = window().print();
            }>{text("form.print")}</button>
            <p>
                <A href=track>{text("status.title")}</A>
            </p>
        </Page>
    }
    .into_any()
}
