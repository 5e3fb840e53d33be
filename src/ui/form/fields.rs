//! The generic components: one field of any kind, the error summary, the back link and a whole
//! step (heading, questions, Continue). Validation runs only when Continue is pressed.

use leptos::{ev::SubmitEvent, html, prelude::*};
use leptos_meta::Title;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use super::{
    Answers, Kind, Problem, Question, Step, add_another::FieldView, chosen, message, text, tr,
};
use crate::{
    i18n::Lang,
    ui::{i18n::use_i18n, page::Page},
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
    // The title's formatter can outlive this page when a step replaces a step of the same
    // route: a disposed signal then reads as "no errors".
    let formatter = move |title: String| {
        if errors.try_with(Vec::is_empty).unwrap_or(true) {
            title
        } else {
            format!("{}{title}", i18n.t("form.error_prefix"))
        }
    };
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
        <Title formatter=formatter />
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

/// One question: label or legend, hint, inline error (the summary's words), and its input.
/// Each keystroke is kept in `answers`; nothing is checked until Continue.
#[component]
pub fn Field(
    question: &'static Question,
    answers: RwSignal<Answers>,
    errors: RwSignal<Vec<Problem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let q = question;
    let id = q.id;
    let error = Memo::new(move |_| errors.with(|e| e.iter().find(|p| p.field == id).cloned()));
    let has_error = move || error.with(Option::is_some);
    let initial = answers.with_untracked(|a| a.get(id).cloned().unwrap_or_default());
    let set = move |value: String| {
        answers.update(|a| {
            a.insert(id.to_owned(), value);
        })
    };
    let is_long = matches!(q.kind, Kind::Long { .. });
    let described_by = move || {
        let mut ids = Vec::new();
        if q.hint.is_some() {
            ids.push(format!("{id}-hint"));
        }
        if is_long {
            ids.push(format!("{id}-count"));
        }
        if has_error() {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let label_text = move || {
        let mut text = i18n.t(q.label).to_owned();
        if q.optional {
            text.push_str(&format!(" ({})", i18n.t("form.optional")));
        }
        text
    };
    let hint = move || {
        q.hint.map(|h| {
            view! {
                <div class="hint" id=format!("{id}-hint")>
                    {text(h)}
                </div>
            }
        })
    };
    let error_message = move || {
        error.get().map(|p| {
            view! {
                <p class="error-message" id=format!("{id}-error")>
                    <span class="visually-hidden">{i18n.t("form.error_prefix")}</span>
                    {message(i18n.lang(), p.key, &p.values)}
                </p>
            }
        })
    };

    let group = |control: AnyView| {
        view! {
            <div class="form-group" class:form-group--error=has_error>
                <fieldset aria-describedby=described_by>
                    <legend>{label_text}</legend>
                    {hint()}
                    {error_message}
                    {control}
                </fieldset>
            </div>
        }
        .into_any()
    };
    let single = |control: AnyView, after: Option<AnyView>| {
        view! {
            <div class="form-group" class:form-group--error=has_error>
                <label class="label" for=id>
                    {label_text}
                </label>
                {hint()}
                {error_message}
                {control}
                {after}
            </div>
        }
        .into_any()
    };
    let on_input = move |ev| set(event_target_value(&ev));

    match q.kind {
        Kind::Text {
            input,
            autocomplete,
            ..
        } => single(
            view! {
                <input
                    class="input"
                    class:input--error=has_error
                    id=id
                    name=id
                    type=input
                    autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                    spellcheck=(input != "text").then_some("false")
                    value=initial
                    aria-describedby=described_by
                    on:input=on_input
                />
            }
            .into_any(),
            None,
        ),
        Kind::Long { max } => {
            let used =
                Memo::new(move |_| answers.with(|a| a.get(id).map_or(0, |v| v.chars().count())));
            let over = move || used.get() > max;
            let count = move || {
                let n = used.get();
                let (key, left) = if n <= max {
                    ("form.chars_left", max - n)
                } else {
                    ("form.chars_over", n - max)
                };
                message(i18n.lang(), key, &[("count".into(), left.to_string())])
            };
            single(
                view! {
                    <textarea
                        class="textarea"
                        class:textarea--error=has_error
                        id=id
                        name=id
                        rows="6"
                        prop:value=initial
                        aria-describedby=described_by
                        on:input=on_input
                    ></textarea>
                }
                .into_any(),
                Some(
                    view! {
                        <p class="hint char-count" id=format!("{id}-count") class:char-count--over=over>
                            {count}
                        </p>
                    }
                    .into_any(),
                ),
            )
        }
        Kind::Money | Kind::Number { .. } => {
            let money = matches!(q.kind, Kind::Money);
            single(
                view! {
                    <div class="input-wrapper">
                        <input
                            class="input input--short"
                            class:input--error=has_error
                            id=id
                            name=id
                            type="text"
                            inputmode=if money { "decimal" } else { "numeric" }
                            spellcheck="false"
                            value=initial
                            aria-describedby=described_by
                            on:input=on_input
                        />
                        {money.then(|| view! { <span class="input-suffix" aria-hidden="true">"₸"</span> })}
                    </div>
                }
                .into_any(),
                None,
            )
        }
        Kind::Date => group(date_inputs(id, initial, answers, has_error)),
        Kind::YesNo => group(
            choice_list(
                id,
                "radio",
                &initial,
                vec!["yes", "no"],
                |lang, v| tr(lang, &format!("form.{v}")),
                set,
                None,
            )
            .into_any(),
        ),
        Kind::Radios(choices) => group(
            choice_list(
                id,
                "radio",
                &initial,
                answers.with_untracked(|a| q.options(a, choices)),
                move |lang, v| choices.label(lang, v),
                set,
                None,
            )
            .into_any(),
        ),
        Kind::Checks { choices, search } => {
            let filter = RwSignal::new(String::new());
            let search_box = search.then(|| {
                view! {
                    <div class="search">
                        <label class="label" for=format!("{id}-search")>
                            {text("form.search")}
                        </label>
                        <input
                            class="input"
                            type="search"
                            id=format!("{id}-search")
                            autocomplete="off"
                            on:input=move |ev| filter.set(event_target_value(&ev).to_lowercase())
                            on:keydown=move |ev| {
                                if ev.key() == "Enter" {
                                    ev.prevent_default();
                                }
                            }
                        />
                    </div>
                }
            });
            let toggle = move |value: String| {
                answers.update(|a| {
                    let mut list: Vec<String> = a
                        .get(id)
                        .map(|v| chosen(v).map(str::to_owned).collect())
                        .unwrap_or_default();
                    if let Some(i) = list.iter().position(|v| *v == value) {
                        list.remove(i);
                    } else {
                        list.push(value);
                    }
                    a.insert(id.to_owned(), list.join(","));
                })
            };
            group(
                view! {
                    {search_box}
                    {choice_list(id, "checkbox", &initial, (choices.values)(), move |lang, v| choices.label(lang, v), toggle, Some(filter))}
                }
                .into_any(),
            )
        }
        Kind::Select(choices) => single(
            view! {
                <select
                    class="select"
                    class:select--error=has_error
                    id=id
                    name=id
                    aria-describedby=described_by
                    on:change=on_input
                >
                    <option value="">{text("form.select")}</option>
                    {(choices.values)()
                        .into_iter()
                        .map(|v| {
                            view! {
                                <option value=v selected=initial == v>
                                    {move || choices.label(i18n.lang(), v)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            }
            .into_any(),
            None,
        ),
    }
}

/// Radios or check boxes. The first option carries the question's id, so the error summary's
/// link lands on it. With `filter`, options whose label does not contain it are hidden.
fn choice_list(
    id: &'static str,
    input: &'static str,
    initial: &str,
    values: Vec<&'static str>,
    label: impl Fn(Lang, &str) -> String + Copy + Send + Sync + 'static,
    on_pick: impl Fn(String) + Copy + 'static,
    filter: Option<RwSignal<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let class = if input == "radio" {
        "radios"
    } else {
        "checkboxes"
    };
    let items = values
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            let el_id = if i == 0 {
                id.to_owned()
            } else {
                format!("{id}-{v}")
            };
            let checked = chosen(initial).any(|c| c == v);
            let hidden = move || {
                filter.is_some_and(|f| {
                    f.with(|f| {
                        !f.is_empty() && !label(i18n.lang(), v).to_lowercase().contains(f.as_str())
                    })
                })
            };
            view! {
                <div class="choice" class:hidden=hidden>
                    <input
                        type=input
                        id=el_id.clone()
                        name=id
                        value=v
                        checked=checked
                        on:change=move |_| on_pick(v.to_owned())
                    />
                    <label for=el_id>{move || label(i18n.lang(), v)}</label>
                </div>
            }
        })
        .collect_view();
    view! { <div class=class>{items}</div> }
}

/// Day, month and year, kept together as "day/month/year" so a half-typed date is not lost.
fn date_inputs(
    id: &'static str,
    initial: String,
    answers: RwSignal<Answers>,
    has_error: impl Fn() -> bool + Copy + Send + 'static,
) -> AnyView {
    let parts: Vec<String> = initial.split('/').map(str::to_owned).collect();
    let part = |i: usize| parts.get(i).cloned().unwrap_or_default();
    let field = move |i: usize, name: &'static str, label: &'static str, value: String| {
        let el_id = if i == 0 {
            id.to_owned()
        } else {
            format!("{id}-{name}")
        };
        let set = move |ev| {
            let typed = event_target_value(&ev);
            answers.update(|a| {
                let mut now: Vec<String> = a
                    .get(id)
                    .map(|v| v.split('/').map(str::to_owned).collect())
                    .unwrap_or_default();
                now.resize(3, String::new());
                now[i] = typed;
                a.insert(id.to_owned(), now.join("/"));
            })
        };
        view! {
            <div class=format!("date-input__item date-input__item--{name}")>
                <label class="label" for=el_id.clone()>
                    {text(label)}
                </label>
                <input
                    class="input"
                    class:input--error=has_error
                    id=el_id
                    name=format!("{id}-{name}")
                    type="text"
                    inputmode="numeric"
                    value=value
                    on:input=set
                />
            </div>
        }
    };
    view! {
        <div class="date-input">
            {field(0, "day", "form.date.day", part(0))}
            {field(1, "month", "form.date.month", part(1))}
            {field(2, "year", "form.date.year", part(2))}
        </div>
    }
    .into_any()
}

/// A whole step: back link, error summary, heading, the questions asked, then Continue.
/// `on_continue` runs only when every question asked has an acceptable answer.
#[component]
pub fn StepForm(
    step: &'static Step,
    answers: RwSignal<Answers>,
    back: String,
    #[prop(into)] on_continue: Callback<()>,
    /// Renders the questions the generic fields cannot (a list of countries).
    #[prop(optional_no_strip)]
    field: Option<FieldView>,
    /// Shown after the questions: a fee estimate, a note.
    #[prop(optional)]
    children: Option<Children>,
    /// While true (an answer awaited from the service), the button says so and a press does
    /// nothing, so a question is never sent twice.
    #[prop(optional, into)]
    busy: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let errors = RwSignal::new(Vec::<Problem>::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let found = answers.with_untracked(|a| step.validate(a, i18n.lang()));
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
            let control = move || {
                field
                    .and_then(|f| f(q, answers, errors))
                    .unwrap_or_else(|| view! { <Field question=q answers errors /> }.into_any())
            };
            view! { <Show when=move || asked.get()>{control()}</Show> }
        })
        .collect_view();
    view! {
        <BackLink href=back />
        <ErrorSummary errors />
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
