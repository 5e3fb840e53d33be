//! One step of a journey whose answers live in its draft: the page every journey's steps share.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::{Answers, Journey, Step, StepForm, saved_answers};
use crate::ui::link;

/// What a step shows below its questions, from the step's answers.
pub type Extra = fn(&'static Step, RwSignal<Answers>) -> Option<AnyView>;

/// `step` of `journey`, its answers in the draft named `draft`. Continue leads to the next step
/// asked and Back to the one before; after a Change link (`?change=`) both lead to the journey's
/// end page, where the link came from.
#[component]
pub fn DraftStep(
    journey: &'static Journey,
    draft: &'static str,
    step: &'static Step,
    #[prop(optional)] extra: Option<Extra>,
) -> impl IntoView {
    let answers = saved_answers(draft);
    let navigate = use_navigate();
    let changing = use_query_map().with_untracked(|q| q.get("change").is_some());
    let to = move |forward: bool| {
        link(&if changing {
            journey.path(journey.end)
        } else if forward {
            answers.with_untracked(|a| journey.next(step.slug, a))
        } else {
            answers.with_untracked(|a| journey.back(step.slug, a))
        })
    };
    let next = move |()| navigate(&to(true), Default::default());
    let extra = extra.and_then(|f| f(step, answers));
    view! {
        <StepForm step answers back=to(false) on_continue=next>
            {extra}
        </StepForm>
    }
}
