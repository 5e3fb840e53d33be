//! Visa invitations (Law No. 207-V, Art. 7-1 and Art. 8-1(5-5)): which request fits, the
//! person, the programme or the job, the visa, the family, "check your answers", submission
//! and a confirmation that survives a reload. Passport data stays in the draft in this browser
//! and in the request body: never in an address, a title or the console.

mod check;
mod confirmation;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

pub use confirmation::InvitationConfirmation;

use super::form::{
    AddAnother, Answers, BackLink, DocumentUpload, Draft, DraftStep, DraftTools, ListTexts,
    Problem, Step, StepForm, TaskList, dyn_text, list_answer, saved_answers, step_links, text,
};
use crate::journeys::invitations::{JOURNEY, MEMBER, ROUTES, START, person_name};
use crate::{
    domain::documents::{For, documents_of},
    ui::{link, page::Page},
};

/// The name of this journey's draft in the browser; an enrolment's confirmation starts a
/// trainee's request by writing it.
pub const DRAFT: &str = "invitations";

/// The start: the three requests, each with what it needs, how long it takes and its legal
/// basis, then the choice; below, the draft tools.
#[component]
pub fn Invitations() -> impl IntoView {
    let answers = saved_answers(DRAFT);
    let navigate = use_navigate();
    // After a load or a deletion the form is drawn again from the draft as it now is. The
    // answers are replaced without being written back: a deletion leaves nothing stored.
    let drawn = RwSignal::new(0u32);
    let changed = Callback::new(move |()| {
        answers.update_untracked(|a| *a = Draft::restore(DRAFT).answers);
        drawn.update(|n| *n += 1);
    });
    let routes = || {
        (ROUTES.values)()
            .into_iter()
            .map(|r| {
                view! {
                    <h2 class="heading-m">{dyn_text(format!("inv.route.{r}"))}</h2>
                    <p>{dyn_text(format!("inv.route_needs.{r}"))}</p>
                    <p>{dyn_text(format!("inv.route_time.{r}"))}</p>
                    <p class="hint">{dyn_text(format!("inv.route_basis.{r}"))}</p>
                }
            })
            .collect_view()
    };
    let form = move || {
        drawn.track();
        let navigate = navigate.clone();
        view! {
            <StepForm
                step=&START
                answers
                back=link("/")
                on_continue=move |()| {
                    let next = answers.with_untracked(|a| JOURNEY.next("", a));
                    navigate(&link(&next), Default::default())
                }
            >
                {routes()}
            </StepForm>
        }
    };
    // Once a request is chosen, its sections and how far each has got.
    let tasks = move || {
        answers
            .with(|a| a.contains_key("route"))
            .then(|| view! { <TaskList journey=&JOURNEY answers /> })
    };
    view! {
        {form}
        {tasks}
        <DraftTools
            journey=DRAFT
            file_name="astana-hub-invitation.json"
            resume="/invitations/check"
            changed
        />
    }
}

/// A step, the family or "check your answers". Keyed by the step, so each page is built
/// afresh rather than patched into the previous one.
#[component]
pub fn InvitationStep() -> impl IntoView {
    let slug = super::step_slug();
    view! {
        <For each=move || [slug()] key=String::clone let:slug>
            {match slug.as_str() {
                "family" => view! { <FamilyPage /> }.into_any(),
                "check" => view! { <check::CheckAnswers /> }.into_any(),
                _ => match JOURNEY.step(&slug) {
                    Some(step) => view! {
                        <DraftStep journey=&JOURNEY draft=DRAFT step extra=person_documents />
                    }
                    .into_any(),
                    None => view! { <super::NotFound /> }.into_any(),
                },
            }}
        </For>
    }
}

const TEXTS: ListTexts = ListTexts {
    heading: "inv.family_members",
    item: "inv.family_member",
    none: "inv.family_none",
    add_first: "inv.family_add",
    add_another: "inv.family_add_another",
    save: "inv.family_save",
    added: "inv.family_added",
    changed: "inv.family_changed",
    removed: "inv.family_removed",
};

/// The documents asked of `person` (0 the person invited, then the family) whose relationship
/// is `relationship`, each an upload labelled with `name`.
fn documents_of_person(
    answers: RwSignal<Answers>,
    person: usize,
    relationship: &str,
    name: String,
) -> AnyView {
    documents_of("invitations")
        .filter(|d| match d.asked_of {
            For::Person => true,
            For::Dependant => relationship == "dependant",
            For::SpouseOrChild => matches!(relationship, "spouse" | "child"),
            For::Submission => false,
        })
        .map(|kind| view! { <DocumentUpload kind person answers owner=name.clone() /> })
        .collect_view()
        .into_any()
}

/// Below the passport's questions, the copy of its photo page.
fn person_documents(step: &'static Step, answers: RwSignal<Answers>) -> Option<AnyView> {
    (step.slug == "person").then(|| {
        let name = answers.with_untracked(person_name);
        documents_of_person(answers, 0, "principal", name)
    })
}

/// The family as an "add another" list; none at all is fine. Below it, each member's
/// documents: a dependant's are required (Art. 7-1(2)).
#[component]
fn FamilyPage() -> impl IntoView {
    let answers = saved_answers(DRAFT);
    let navigate = use_navigate();
    let to = step_links(&JOURNEY, "family", answers);
    let back = to(false);
    let items = list_answer(answers, "family");
    let errors = RwSignal::new(Vec::<Problem>::new());
    let editing = RwSignal::new(false);
    let proceed = move |_| {
        if items.with_untracked(Vec::is_empty) {
            errors.set(vec![Problem {
                field: "family-add",
                key: "inv.family_empty",
                values: Vec::new(),
            }]);
            return;
        }
        if editing.get_untracked() {
            errors.set(vec![Problem {
                field: "relationship",
                key: "inv.family_unsaved",
                values: Vec::new(),
            }]);
            return;
        }
        navigate(&to(true), Default::default());
    };
    view! {
        <BackLink href=back />
        <Page title="inv.family_title">
            <p class="lead">{text("inv.family_lead")}</p>
            <AddAnother
                id="family"
                items
                questions=MEMBER
                name=person_name
                texts=TEXTS
                errors
                editing
            />
            {move || {
                let family = items.get();
                (!family.is_empty() && !editing.get()).then(|| {
                    let uploads = family
                        .iter()
                        .enumerate()
                        .map(|(i, m)| {
                            let relationship = m.get("relationship").cloned().unwrap_or_default();
                            documents_of_person(answers, i + 1, &relationship, person_name(m))
                        })
                        .collect_view();
                    view! {
                        <h2 class="heading-m">{text("inv.family_documents")}</h2>
                        {uploads}
                    }
                })
            }}
            <button class="button" type="button" on:click=proceed>
                {text("form.continue")}
            </button>
        </Page>
    }
}
