//! "Add another" (GOV.UK pattern): the items added so far, each summarised with Change and
//! Remove, one item edited at a time with the generic fields, and an "Add another" button.
//! After each action focus moves somewhere sensible and a live region says what happened.

use leptos::{ev::SubmitEvent, prelude::*};
use wasm_bindgen::JsCast;

use super::{
    Answers, Problem, Question, answer_text, field::Field, items_of, message,
    step_form::ErrorSummary, text,
};
use crate::ui::{config::use_today, i18n::use_i18n};

/// The message keys of one list; `added`, `changed` and `removed` take the item's `{name}`.
#[derive(Clone, Copy)]
pub struct ListTexts {
    /// The heading over the items.
    pub heading: &'static str,
    /// The heading over the form for one item.
    pub item: &'static str,
    pub none: &'static str,
    pub add_first: &'static str,
    pub add_another: &'static str,
    pub save: &'static str,
    pub added: &'static str,
    pub changed: &'static str,
    pub removed: &'static str,
}

/// The items of the list kept under `id` (see [`super::items_of`]), for an [`AddAnother`]: every
/// change is written back to the answers, and so to the draft.
pub fn list_answer(answers: RwSignal<Answers>, id: &'static str) -> RwSignal<Vec<Answers>> {
    let items = RwSignal::new(answers.with_untracked(|a| items_of(a, id)));
    Effect::new(move || {
        let json = items.with(|l| serde_json::to_string(l).unwrap_or_default());
        answers.update(|a| {
            a.insert(id.to_owned(), json);
        });
    });
    items
}

/// Which item the form is open for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Editing {
    New,
    At(usize),
}

fn focus(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// After the view has changed, moves focus to element `id`.
fn focus_later(id: String) {
    request_animation_frame(move || focus(&id));
}

/// The list, under the page's heading. `id` prefixes the ids of its elements; `errors` feeds
/// the error summary shown above the list, where Save reports problems and the page its own;
/// `editing` tells the page whether an item form is open.
#[component]
pub fn AddAnother(
    id: &'static str,
    items: RwSignal<Vec<Answers>>,
    questions: &'static [Question],
    /// The item's name in the list and in announcements.
    name: fn(&Answers) -> String,
    texts: ListTexts,
    errors: RwSignal<Vec<Problem>>,
    editing: RwSignal<bool>,
    /// Checks beyond each question's own, run on Save.
    #[prop(optional, into)]
    check: Option<Callback<Answers, Vec<Problem>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(items.with_untracked(Vec::is_empty).then_some(Editing::New));
    let current = RwSignal::new(Answers::new());
    let announcement = RwSignal::new(String::new());
    Effect::new(move || editing.set(open.get().is_some()));
    let heading_id = format!("{id}-heading");
    let add_id = format!("{id}-add");
    let item_id = move |i: usize| format!("{id}-item-{i}");
    let first_field =
        move || current.with_untracked(|a| questions.iter().find(|q| q.asked(a)).map(|q| q.id));
    let say = move |key: &'static str, item: &Answers| {
        announcement.set(message(i18n.lang(), key, &[("name".into(), name(item))]));
    };

    let start = move |at: Editing| {
        current.set(match at {
            Editing::New => Answers::new(),
            Editing::At(i) => items.with_untracked(|l| l.get(i).cloned().unwrap_or_default()),
        });
        errors.set(Vec::new());
        open.set(Some(at));
        if let Some(first) = first_field() {
            focus_later(first.to_owned());
        }
    };
    let remove = move |i: usize| {
        let gone = items
            .try_update(|l| (i < l.len()).then(|| l.remove(i)))
            .flatten();
        if let Some(item) = gone {
            say(texts.removed, &item);
        }
        if open.get_untracked() == Some(Editing::At(i)) {
            open.set(None);
        }
        focus_later(format!("{id}-heading"));
    };
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let item = current.get_untracked();
        let mut found: Vec<Problem> = questions
            .iter()
            .filter(|q| q.asked(&item))
            .filter_map(|q| q.validate(&item, i18n.lang(), use_today()))
            .collect();
        if found.is_empty()
            && let Some(check) = check
        {
            found = check.run(item.clone());
        }
        let ok = found.is_empty();
        errors.set(found);
        if !ok {
            return;
        }
        // Answers to questions no longer asked are dropped, as the page would not show them.
        let kept: Answers = item
            .into_iter()
            .filter(|(k, _)| {
                questions
                    .iter()
                    .any(|q| q.id == k && q.asked(&current.get_untracked()))
            })
            .collect();
        let at = match open.get_untracked() {
            Some(Editing::At(i)) => {
                items.update(|l| {
                    if let Some(slot) = l.get_mut(i) {
                        *slot = kept.clone();
                    }
                });
                say(texts.changed, &kept);
                i
            }
            _ => {
                say(texts.added, &kept);
                items
                    .try_update(|l| {
                        l.push(kept);
                        l.len() - 1
                    })
                    .unwrap_or(0)
            }
        };
        open.set(None);
        focus_later(item_id(at));
    };
    let cancel = move |_| {
        open.set(None);
        errors.set(Vec::new());
        focus_later(format!("{id}-add"));
    };

    let list = move || {
        items
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                let label = name(&item);
                view! {
                    <li class="add-another__item">
                        <h3 class="heading-s" id=item_id(i) tabindex="-1">{label.clone()}</h3>
                        <ItemSummary questions item=item.clone() />
                        <div class="add-another__actions">
                            <button class="button button--secondary" type="button" on:click=move |_| start(Editing::At(i))>
                                {i18n.t("form.change")}
                                <span class="visually-hidden">" " {label.clone()}</span>
                            </button>
                            <button class="button button--warning" type="button" on:click=move |_| remove(i)>
                                {i18n.t("add_another.remove")}
                                <span class="visually-hidden">" " {label.clone()}</span>
                            </button>
                        </div>
                    </li>
                }
            })
            .collect_view()
    };
    let form = move || {
        open.get().map(|_| {
            let fields = questions
                .iter()
                .map(|q| {
                    let asked = Memo::new(move |_| current.with(|a| q.asked(a)));
                    view! {
                        <Show when=move || asked.get()>
                            <Field question=q answers=current errors />
                        </Show>
                    }
                })
                .collect_view();
            view! {
                <form class="add-another__form" novalidate on:submit=save>
                    <h3 class="heading-s">{text(texts.item)}</h3>
                    {fields}
                    <button class="button" type="submit">{text(texts.save)}</button>
                    " "
                    <button class="button button--secondary" type="button" on:click=cancel>
                        {text("add_another.cancel")}
                    </button>
                </form>
            }
        })
    };
    let add_label = move || {
        i18n.t(if items.with(Vec::is_empty) {
            texts.add_first
        } else {
            texts.add_another
        })
    };
    view! {
        <ErrorSummary errors />
        <div class="add-another">
            <h2 class="heading-m" id=heading_id tabindex="-1">{text(texts.heading)}</h2>
            <Show when=move || items.with(Vec::is_empty)>
                <p>{text(texts.none)}</p>
            </Show>
            <ul class="add-another__list">{list}</ul>
            {form}
            <Show when=move || open.get().is_none()>
                <button class="button button--secondary" type="button" id=add_id.clone() on:click=move |_| start(Editing::New)>
                    {add_label}
                </button>
            </Show>
            <div class="visually-hidden" role="status">{move || announcement.get()}</div>
        </div>
    }
}

/// One item's answers to the questions asked of it, as the list shows them; also for a
/// "check your answers" page.
#[component]
pub fn ItemSummary(questions: &'static [Question], item: Answers) -> impl IntoView {
    let i18n = use_i18n();
    let rows = questions
        .iter()
        .filter(|q| q.asked(&item))
        .map(|q| {
            let item = item.clone();
            let value = move || answer_text(i18n.lang(), use_today(), q, &item);
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{text(q.label)}</dt>
                    <dd class="summary-list__value">{value}</dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="summary-list">{rows}</dl> }
}
