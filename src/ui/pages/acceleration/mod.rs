//! Enrolment in the Fund's acceleration programmes (Law No. 207-V, Art. 8-1(5-1)) with the team
//! and housing for people undergoing acceleration (Art. 8-1(5-8)): the catalogue, the steps,
//! "check your answers", submission, and a confirmation that survives a reload.

mod catalogue;
mod check;
mod confirmation;
mod team;

use leptos::prelude::*;

pub use catalogue::Acceleration;
pub use confirmation::AccelerationConfirmation;

use super::form::{Answers, DocumentUpload, DraftStep, Step, text, tr};
use crate::{
    api::Catalogue,
    backend::{Backend, BackendError},
    domain::{
        acceleration::{Cohort, Programme},
        documents::documents_of,
    },
    journeys::acceleration::JOURNEY,
    ui::{config::use_backend, i18n::use_i18n, link},
};

/// The name of this journey's draft in the browser and in a downloaded file.
const DRAFT: &str = "acceleration";

/// Below the project's questions, the documents the enrolment takes (a pitch deck).
fn pitch_deck(step: &'static Step, answers: RwSignal<Answers>) -> Option<AnyView> {
    (step.slug == "project").then(|| {
        documents_of("acceleration")
            .map(|kind| view! { <DocumentUpload kind answers /> })
            .collect_view()
            .into_any()
    })
}

/// The catalogue as the backend serves it today.
fn use_catalogue() -> LocalResource<Result<Catalogue, BackendError>> {
    let backend = use_backend();
    LocalResource::new(move || async move { backend.catalogue().await })
}

/// The programme and cohort the draft is for, in `catalogue`.
fn chosen(catalogue: &Catalogue, answers: &Answers) -> Option<(Programme, Cohort)> {
    let get = |id: &str| answers.get(id).cloned().unwrap_or_default();
    let programme = catalogue
        .programmes
        .iter()
        .find(|p| p.id == get("programme"))?;
    let cohort = programme.cohorts.iter().find(|c| c.id == get("cohort"))?;
    Some((programme.clone(), cohort.clone()))
}

/// While the catalogue loads, when it fails, or when the draft names no cohort it has.
fn waiting(state: Option<BackendError>) -> AnyView {
    let i18n = use_i18n();
    match state {
        None => view! { <p role="status">{text("acc.loading")}</p> }.into_any(),
        Some(e) => view! {
            <div class="panel" role="alert">
                <p>{move || tr(i18n.lang(), e.message_key())}</p>
                <p>{text("acc.loading_failed")}</p>
            </div>
        }
        .into_any(),
    }
}

/// Renders `page` with the draft's programme and cohort from the backend's catalogue.
fn with_cohort(
    answers: RwSignal<Answers>,
    page: impl Fn(Programme, Cohort) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let catalogue = use_catalogue();
    move || match catalogue.get() {
        None => waiting(None),
        Some(Err(e)) => waiting(Some(e)),
        Some(Ok(c)) => match answers.with_untracked(|a| chosen(&c, a)) {
            Some((programme, cohort)) => page(programme, cohort),
            None => view! {
                <p>{text("acc.no_cohort")}</p>
                <p>
                    <a href=link("/acceleration")>{text("acc.choose_programme")}</a>
                </p>
            }
            .into_any(),
        },
    }
}

/// A step of the enrolment, the team or "check your answers". Keyed by the step, so each page
/// is built afresh rather than patched into the previous one.
#[component]
pub fn AccelerationStep() -> impl IntoView {
    let slug = super::step_slug();
    view! {
        <For each=move || [slug()] key=String::clone let:slug>
            {match slug.as_str() {
                "team" => view! { <team::TeamPage /> }.into_any(),
                "check" => view! { <check::CheckAnswers /> }.into_any(),
                _ => match JOURNEY.step(&slug) {
                    Some(step) => view! { <DraftStep journey=&JOURNEY draft=DRAFT step extra=pitch_deck /> }.into_any(),
                    None => view! { <super::NotFound /> }.into_any(),
                },
            }}
        </For>
    }
}
