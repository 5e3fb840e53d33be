//! Track an application, an enrolment, a visa invitation or a request for inclusion in the
//! Fund's list: reference number and second factor in, where it stands and when each stage is
//! due out. A reference the service does not know gets a plain message on the same page. A
//! confirmation links here with its reference filled in.

use chrono::NaiveDate;
use leptos::{html, prelude::*};
use leptos_router::hooks::use_query_map;

use super::form::{
    Answers, Kind, Outcome, Question, Step, StepForm, dyn_text, format_date, message, stage_key,
    text,
};
use crate::{
    api::limits::MAX_TEXT,
    api::{self, Reference, Status, StatusQuery, normalise_bin},
    backend::{Backend, BackendError},
    domain::contact::email_shaped,
    ui::{config::use_backend, i18n::use_i18n, link},
};

fn reference(value: &str, _: &Answers, _: NaiveDate) -> Outcome {
    Reference::parse(value)
        .map(|_| ())
        .map_err(|e| (e.message_key(), Vec::new()))
}

/// A BIN, an IIN or an email, as the reference's kind allows: an application and a list request
/// have only their BIN, an enrolment the company's BIN, the person's IIN or a team's contact
/// email, an invitation the employer's BIN or, for a trainee, the request's contact email. BIN
/// and IIN look alike here.
fn second_factor(value: &str, answers: &Answers, _: NaiveDate) -> Outcome {
    let kind = answers
        .get("reference")
        .and_then(|r| Reference::parse(r).ok())
        .map(|r| r.kind());
    let bin = normalise_bin(value);
    if value.contains('@') {
        match kind {
            Some(api::Kind::Application) => return Err(("track.bin_for_application", Vec::new())),
            Some(api::Kind::ListRequest) => {
                return Err(("track.bin_for_list_request", Vec::new()));
            }
            _ => {}
        }
        if email_shaped(value) {
            return Ok(());
        }
    } else if bin.len() == 12 && bin.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(());
    }
    Err(("track.second_factor_shape", Vec::new()))
}

static QUESTIONS: &[Question] = &[
    Question::new(
        "reference",
        "track.reference",
        "track.reference_empty",
        Kind::Text {
            input: "text",
            autocomplete: "off",
            max: 40,
        },
    )
    .hint("track.reference_hint")
    .check(reference),
    Question::new(
        "second_factor",
        "track.second_factor",
        "track.second_factor_empty",
        Kind::Text {
            input: "text",
            autocomplete: "off",
            max: MAX_TEXT,
        },
    )
    .hint("track.second_factor_hint")
    .check(second_factor),
];

static STEP: Step = Step {
    slug: "",
    title: "status.title",
    lead: Some("track.lead"),
    questions: QUESTIONS,
    when: None,
};

#[component]
pub fn StatusPage() -> impl IntoView {
    let i18n = use_i18n();
    let backend = use_backend();
    let mut given = Answers::new();
    if let Some(r) = use_query_map().with_untracked(|q| q.get("reference")) {
        given.insert("reference".into(), r);
    }
    let answers = RwSignal::new(given);
    let result = RwSignal::new(None::<Result<Status, BackendError>>);
    let busy = RwSignal::new(false);
    let heading = NodeRef::<html::H2>::new();
    Effect::new(move || {
        if result.with(Option::is_some)
            && let Some(h) = heading.get()
        {
            let _ = h.focus();
        }
    });
    let ask = move |()| {
        let query = answers.with_untracked(|a| StatusQuery {
            reference: a
                .get("reference")
                .cloned()
                .unwrap_or_default()
                .trim()
                .to_ascii_uppercase(),
            second_factor: a.get("second_factor").cloned().unwrap_or_default(),
        });
        busy.set(true);
        leptos::task::spawn_local(async move {
            result.set(Some(backend.status(&query).await));
            busy.set(false);
        });
    };
    let shown = move || {
        result.get().map(|r| match r {
            Ok(status) => {
                let current = status.stage;
                let items = status
                    .timeline
                    .iter()
                    .map(|m| {
                        let key = stage_key(m.stage);
                        let (due, done) = (m.due, m.stage <= current);
                        let state = if done { "track.done" } else { "track.expected" };
                        view! {
                            <li>
                                <strong>{move || format_date(i18n.lang(), due)}</strong>
                                ": " {text(key)} " (" {text(state)} ")"
                            </li>
                        }
                    })
                    .collect_view();
                let reference = status.reference.as_str().to_owned();
                let kind = format!("track.kind.{:?}", status.kind).to_ascii_lowercase();
                // No published timeline: say so instead of leaving the reader to wonder.
                let no_timeline = (status.kind == api::Kind::ListRequest)
                    .then(|| view! { <p>{text("list.track_note")}</p> });
                view! {
                    <h2 class="heading-l" tabindex="-1" node_ref=heading>
                        {reference}
                    </h2>
                    <p>{dyn_text(kind)}</p>
                    <p class="panel">
                        {text("track.now")} ": " <strong>{text(stage_key(current))}</strong>
                    </p>
                    <ol class="timeline">{items}</ol>
                    {no_timeline}
                }
                .into_any()
            }
            Err(e) => {
                let title = match e {
                    BackendError::NotFound => "track.not_found_title",
                    BackendError::TooManyRequests(_) => "backend.error.too_many_title",
                    BackendError::NewVersion => "lazy.new_version.title",
                    _ => "form.problem",
                };
                let said = move || message(i18n.lang(), e.message_key(), &e.values());
                view! {
                    <h2 class="heading-m" tabindex="-1" node_ref=heading>
                        {text(title)}
                    </h2>
                    <p class="panel" role="alert">{said}</p>
                }
                .into_any()
            }
        })
    };
    view! {
        <StepForm step=&STEP answers back=link("/") on_continue=ask busy />
        <section aria-live="polite">{shown}</section>
    }
}
