//! "Check your answers": each answer as the user will read it, with a Change link back to it.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{Answers, Question, answer_text, text, tr};
use crate::ui::{config::use_today, i18n::use_i18n};

/// One row per question asked; `change` gives the address that returns to a question.
/// `refused` holds what the service refused, by question id and message key: each message
/// shows in its question's row.
#[component]
pub fn SummaryList(
    questions: Vec<&'static Question>,
    answers: RwSignal<Answers>,
    change: fn(&Question) -> String,
    #[prop(optional)] refused: Option<Signal<Vec<(&'static str, String)>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = questions
        .into_iter()
        .map(|q| {
            let value = move || answers.with(|a| answer_text(i18n.lang(), use_today(), q, a));
            let refusal = move || {
                let key = refused?
                    .with(|r| r.iter().find(|(id, _)| *id == q.id).cloned())?
                    .1;
                Some(view! {
                    <p class="error-message">
                        <span class="visually-hidden">{text("form.error_prefix")}</span>
                        {tr(i18n.lang(), &key)}
                    </p>
                })
            };
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{text(q.label)}</dt>
                    <dd class="summary-list__value">{refusal} {value}</dd>
                    <dd class="summary-list__actions">
                        <A href=change(q)>
                            {text("form.change")}
                            <span class="visually-hidden">" " {text(q.label)}</span>
                        </A>
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="summary-list">{rows}</dl> }
}
