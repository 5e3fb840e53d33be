//! One step of a journey whose answers live in its draft: the page every journey's steps share.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::{Answers, Journey, Step, StepForm, saved_answers};
use crate::ui::link;

/// What a step shows below its questions, from the step's answers.
pub type Extra = fn(&'static Step, RwSignal<Answers>) -> Option<AnyView>;

/// Where the page `slug` of `journey` leads, forward (Continue) or not (Back): the next or the
/// previous page asked, or after a Change link (`?change=`) the journey's end page, where the
/// link came from. For the pages of a journey that are not a plain step (a list) too.
pub fn step_links(
    journey: &'static Journey,
    slug: &'static str,
    answers: RwSignal<Answers>,
) -> impl Fn(bool) -> String + Clone + 'static {
    let changing = use_query_map().with_untracked(|q| q.get("change").is_some());
    move |forward: bool| {
        link(&if changing {
            journey.path(journey.end)
        } else if forward {
            answers.with_untracked(|a| journey.next(slug, a))
        } else {
            answers.with_untracked(|a| journey.back(slug, a))
        })
    }
}

/// `step` of `journey`, its answers in the draft named `draft`.
#[component]
pub fn DraftStep(
    journey: &'static Journey,
    draft: &'static str,
    step: &'static Step,
    #[prop(optional)] extra: Option<Extra>,
) -> impl IntoView {
    let answers = saved_answers(draft);
    let navigate = use_navigate();
    let to = step_links(journey, step.slug, answers);
    let back = to(false);
    let next = move |()| navigate(&to(true), Default::default());
    let extra = extra.and_then(|f| f(step, answers));
    let progress = answers.with_untracked(|a| journey.progress(step.slug, a));
    view! {
        <StepForm step answers back on_continue=next progress>
            {extra}
        </StepForm>
    }
}
