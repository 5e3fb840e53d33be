//! The start page of a long form: what it is, its sections as a task list, the way in (or back
//! into a draft), and the draft tools.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{Draft, DraftTools, Journey, TaskList, text};
use crate::ui::{i18n::use_i18n, link, page::Page};

/// The words of one journey's start page.
#[derive(Clone, Copy)]
pub struct StartTexts {
    pub title: &'static str,
    pub start: &'static str,
    pub resume: &'static str,
}

#[component]
pub fn JourneyStart(
    journey: &'static Journey,
    /// The name of the journey's draft, and the file it downloads to.
    draft: &'static str,
    file_name: &'static str,
    /// The page that takes up a loaded draft ("check your answers").
    resume: &'static str,
    texts: StartTexts,
    /// What the procedure is, above the task list.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    // Read again after the draft tools load or delete a draft, without writing it back: a
    // deletion leaves nothing stored.
    let answers = RwSignal::new(Draft::restore(draft).answers);
    let started = move || answers.with(|a| !a.is_empty());
    let first = journey.steps.first().map_or("", |s| s.slug);
    view! {
        <Page title=texts.title>
            {children()}
            <TaskList journey answers />
            <p>{text("apply.saved_note")}</p>
            <A href=link(&journey.path(first)) attr:class="button">
                {move || i18n.t(if started() { texts.resume } else { texts.start })}
            </A>
            <DraftTools
                journey=draft
                file_name
                resume
                changed=Callback::new(move |()| answers.set(Draft::restore(draft).answers))
            />
        </Page>
    }
}
