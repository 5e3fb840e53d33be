//! "Check your answers": the visa rules first; when they refuse, each refusal with its rule
//! and a link to the answer to change; otherwise every answer, then Submit.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::{
    DRAFT, JOURNEY,
    confirmation::{RECORD, Record},
};
use crate::{
    api::{Invitation, refused_field},
    backend::Backend,
    domain::{
        decision::{Decision, Reason},
        visa::{InvitationOutcome, check_invitation},
    },
    journeys::invitations::{MEMBER, family_of, invitation, is_trainee, person_name, step_of},
    ui::{
        config::{use_backend, use_today},
        i18n::use_i18n,
        link,
        page::Page,
        pages::form::{
            Answers, BackLink, DocumentList, Draft, FailurePanel, ItemSummary, Sending, Warnings,
            Why, dyn_text, reason_words, saved_answers, text,
        },
    },
};

/// The page where the field at `path` of the request is answered, to come back from.
fn change_link(path: &str, trainee: bool) -> String {
    step_of(path, trainee).map_or_else(
        || link("/invitations"),
        |slug| link(&format!("{}?change=1", JOURNEY.path(slug))),
    )
}

/// A field the service refused: the title of its step and the way back to it.
fn refused_step(path: &str) -> Option<(&'static str, String)> {
    let trainee = is_trainee(&Draft::restore(DRAFT).answers);
    let step = JOURNEY.step(step_of(path, trainee)?)?;
    Some((step.title, change_link(path, trainee)))
}

#[component]
pub fn CheckAnswers() -> impl IntoView {
    let answers = saved_answers(DRAFT);
    let navigate = use_navigate();
    let back = link(&answers.with_untracked(|a| JOURNEY.back("check", a)));
    // Drawn again when the configured "today" arrives after the page.
    let page = move || {
        let today = use_today();
        let a = answers.get_untracked();
        // A draft cut short or loaded half-done: back to the first page with something missing.
        let missing = if a.get("route").is_none_or(String::is_empty) {
            Some("/invitations".to_owned())
        } else {
            JOURNEY
                .problems(&a, use_i18n().lang(), today)
                .first()
                .map(|(step, _)| JOURNEY.path(step.slug))
                .or_else(|| invitation(&a).is_none().then(|| JOURNEY.path("person")))
        };
        let body = match (missing, invitation(&a)) {
            (None, Some(body)) => body,
            (to, _) => {
                let (to, navigate) = (link(&to.unwrap_or_default()), navigate.clone());
                request_animation_frame(move || navigate(&to, Default::default()));
                return ().into_any();
            }
        };
        let decision = body.request(today).map_err(|e| e.code).and_then(|r| {
            check_invitation(&r, today).map_err(|_| "api.field.beyond_calendar".into())
        });
        match decision {
            Ok(d) if d.outcome == InvitationOutcome::CanFile => {
                view! { <Answered answers body decision=d /> }.into_any()
            }
            Ok(d) => view! { <Refused reasons=d.reasons trainee=is_trainee(&a) /> }.into_any(),
            Err(code) => view! {
                <Page title="inv.refused_title">
                    <p>{dyn_text(code)}</p>
                </Page>
            }
            .into_any(),
        }
    };
    view! {
        <BackLink href=back />
        {page}
    }
}

/// The rules refuse: each refusal, its rule, what would satisfy it and where to change it.
#[component]
fn Refused(reasons: Vec<Reason>, trainee: bool) -> impl IntoView {
    let i18n = use_i18n();
    let items = reasons
        .iter()
        .filter(|r| r.refuses())
        .map(|r| (r.clone(), refused_field(r)))
        .map(|(r, path)| {
            let citation = r.citation.to_string();
            view! {
                <li>
                    {move || reason_words(i18n.lang(), &r)}
                    " (" {citation} ") "
                    <a href=change_link(&path, trainee)>{text("inv.change_this")}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <Page title="inv.refused_title">
            <p>{text("inv.refused_lead")}</p>
            <ul class="list list--bullet">{items}</ul>
            <Why reasons indicative=false />
        </Page>
    }
}

#[component]
fn Answered(
    answers: RwSignal<Answers>,
    body: Invitation,
    decision: Decision<InvitationOutcome>,
) -> impl IntoView {
    let warnings = decision.warnings().cloned().collect();
    let i18n = use_i18n();
    let backend = use_backend();
    let navigate = use_navigate();
    let request = Sending::new(DRAFT);
    let sending = request.busy;
    let a = answers.get_untracked();
    let route = a.get("route").cloned().unwrap_or_default();
    let sections = JOURNEY
        .steps
        .iter()
        .filter(|s| s.asked(&a) && !s.questions.is_empty())
        .map(|s| {
            view! {
                <h2 class="heading-m">{text(s.title)}</h2>
                <ItemSummary questions=s.questions item=a.clone() />
                <p>
                    <a href=link(&format!("{}?change=1", JOURNEY.path(s.slug)))>
                        {text("form.change")}
                        <span class="visually-hidden">" " {text(s.title)}</span>
                    </a>
                </p>
            }
        })
        .collect_view();
    let family = if body.people.len() > 1 {
        family_of(&a)
    } else {
        Vec::new()
    };
    let mut names = vec![person_name(&a)];
    names.extend(family.iter().map(person_name));
    let family = (!family.is_empty()).then(|| {
        let members = family
            .iter()
            .map(|m| {
                view! {
                    <h3 class="heading-s">{person_name(m)}</h3>
                    <ItemSummary questions=MEMBER item=m.clone() />
                }
            })
            .collect_view();
        view! {
            <h2 class="heading-m">{text("inv.family_members")}</h2>
            {members}
            <p>
                <a href=link(&format!("{}?change=1", JOURNEY.path("family")))>
                    {text("form.change")}
                    <span class="visually-hidden">" " {text("inv.family_members")}</span>
                </a>
            </p>
        }
    });
    let record_base = Record {
        submission: None,
        route: route.clone(),
        names,
        by_bin: body.employer_bin.is_some(),
        attachments: body.attachments.clone(),
    };
    let sent = body.attachments.clone();
    let submit = Callback::new(move |()| {
        let body = body.clone();
        let mut record = record_base.clone();
        request.send_then_confirm(
            (RECORD, JOURNEY.base),
            move |key| async move { backend.submit_invitation(&key, &body).await },
            move |submission| {
                record.submission = Some(submission);
                record
            },
            navigate.clone(),
        );
    });
    view! {
        <FailurePanel sending=request kept="inv.failure_kept" locate=refused_step resend=submit />
        <Page title="inv.check_title">
            <Warnings reasons=warnings />
            <h2 class="heading-m">{text("inv.route_question")}</h2>
            <p>
                {dyn_text(format!("inv.route.{route}"))} " "
                <a href=link("/invitations")>
                    {text("form.change")}
                    <span class="visually-hidden">" " {text("inv.route_question")}</span>
                </a>
            </p>
            {sections}
            {family}
            <DocumentList attachments=sent />
            <Why reasons=decision.reasons indicative=decision.indicative />
            <h2 class="heading-m">{text("inv.submit_title")}</h2>
            <p>{text("inv.submit_note")}</p>
            <button class="button" type="button" on:click=move |_| submit.run(()) disabled=move || sending.get()>
                {move || i18n.t(if sending.get() { "acc.sending" } else { "inv.submit" })}
            </button>
        </Page>
    }
}
