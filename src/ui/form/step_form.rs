//! A whole step (heading, questions, Continue), its error summary and its back link.
//! Validation runs only when Continue is pressed.

use leptos::{ev::SubmitEvent, html, prelude::*};
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use super::{Answers, Problem, Step, field::Field, message, text};
use crate::ui::{
    config::use_today,
    i18n::use_i18n,
    page::{DocumentTitle, Page},
};

#[component]
pub fn BackLink(href: String) -> impl IntoView {
    view! {
        <A href=href attr:class="back-link">
            {text("form.back")}
        </A>
    }
}

/// Moves focus to a field, as the error summary's links do.
fn focus_field(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// "There is a problem", with a link to each field in error. It takes focus each time
/// Continue finds problems, and puts "Error: " before the page title while they last.
#[component]
pub fn ErrorSummary(errors: RwSignal<Vec<Problem>>) -> impl IntoView {
    let i18n = use_i18n();
    let node = NodeRef::<html::Div>::new();
    Effect::new(move || {
        if !errors.read().is_empty()
            && let Some(el) = node.get()
        {
            let _ = el.focus();
        }
    });
    DocumentTitle::mark_errors(move || {
        (!errors.with(Vec::is_empty)).then(|| i18n.t("form.error_prefix"))
    });
    let items = move || {
        let lang = i18n.lang();
        errors
            .get()
            .into_iter()
            .map(|p| {
                let field = p.field;
                view! {
                    <li>
                        <a
                            href=format!("#{field}")
                            on:click=move |ev| {
                                ev.prevent_default();
                                focus_field(field);
                            }
                        >
                            {message(lang, p.key, &p.values)}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || !errors.with(Vec::is_empty)>
            <div class="error-summary" tabindex="-1" node_ref=node aria-labelledby="error-summary-title">
                <div role="alert">
                    <h2 class="error-summary__title" id="error-summary-title">
                        {text("form.problem")}
                    </h2>
                    <ul class="error-summary__list">{items}</ul>
                </div>
            </div>
        </Show>
    }
}

/// A whole step: back link, error summary, heading, the questions asked, then Continue.
/// `on_continue` runs only when every question asked has an acceptable answer.
#[component]
pub fn StepForm(
    step: &'static Step,
    answers: RwSignal<Answers>,
    back: String,
    #[prop(into)] on_continue: Callback<()>,
    /// Shown after the questions: a fee estimate, a note.
    #[prop(optional)]
    children: Option<Children>,
    /// While true (an answer awaited from the service), the button says so and a press does
    /// nothing, so a question is never sent twice.
    #[prop(optional, into)]
    busy: Signal<bool>,
    /// "Step 3 of 7" over the heading: this step's place among those asked, and their number.
    #[prop(optional_no_strip)]
    progress: Option<(usize, usize)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let errors = RwSignal::new(Vec::<Problem>::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let found = answers.with_untracked(|a| step.validate(a, i18n.lang(), use_today()));
        let ok = found.is_empty();
        errors.set(found);
        if ok {
            on_continue.run(());
        }
    };
    let questions = step
        .questions
        .iter()
        .map(|q| {
            let asked = Memo::new(move |_| answers.with(|a| q.asked(a)));
            view! {
                <Show when=move || asked.get()>
                    <Field question=q answers errors />
                </Show>
            }
        })
        .collect_view();
    view! {
        <BackLink href=back />
        <ErrorSummary errors />
        {progress.map(|(at, of)| {
            let values = [("step".to_owned(), at.to_string()), ("total".to_owned(), of.to_string())];
            view! { <p class="caption">{move || message(i18n.lang(), "form.step_of", &values)}</p> }
        })}
        <Page title=step.title>
            {step.lead.map(|l| view! { <p class="lead">{text(l)}</p> })}
            <form novalidate on:submit=submit>
                {questions}
                {children.map(|c| c())}
                <button class="button" type="submit" aria-disabled=move || busy.get().then_some("true")>
                    {move || if busy.get() { text("form.wait")() } else { text("form.continue")() }}
                </button>
            </form>
        </Page>
    }
}
