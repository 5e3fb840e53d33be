//! The task list of a long form (GOV.UK pattern): each section asked, a link to it, and how far
//! it has got, from the journey's data and the draft.

use leptos::prelude::*;

use super::{Answers, Journey, text};
use crate::ui::{config::use_today, i18n::use_i18n, link};

#[component]
pub fn TaskList(journey: &'static Journey, answers: RwSignal<Answers>) -> impl IntoView {
    let i18n = use_i18n();
    let items = move || {
        let (lang, today) = (i18n.lang(), use_today());
        answers.with(|a| {
            journey
                .asked_steps(a)
                .into_iter()
                .map(|step| {
                    let status = journey.status(step, a, lang, today);
                    let status_id = format!("task-{}-status", step.slug);
                    let done = status == super::TaskStatus::Completed;
                    view! {
                        <li class="task-list__item">
                            <a class="task-list__link" href=link(&journey.path(step.slug)) aria-describedby=status_id.clone()>
                                {text(step.title)}
                            </a>
                            <strong class="tag" class:tag--done=done id=status_id>
                                {text(status.key())}
                            </strong>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <h2 class="heading-m">{text("form.task.heading")}</h2>
        <ul class="task-list">{items}</ul>
    }
}
