//! Answers chosen from options: yes or no, radios, check boxes (with a filter for long lists),
//! a drop-down list, and a country.

use leptos::prelude::*;

use super::{
    super::{Choices, chosen, text, tr},
    Frame,
};
use crate::{domain::countries::sorted, i18n::Lang, ui::config::use_today};

pub(super) fn yes_no(f: Frame) -> AnyView {
    let list = options(
        f,
        "radio",
        vec!["yes", "no"],
        |lang, v| tr(lang, &format!("form.{v}")),
        move |v| f.set(v),
        None,
    );
    f.group(list.into_any())
}

pub(super) fn radios(f: Frame, choices: Choices) -> AnyView {
    let offered = f.answers.with_untracked(|a| f.q.options(a, choices));
    let list = options(
        f,
        "radio",
        offered,
        move |lang, v| choices.label(lang, use_today(), v),
        move |v| f.set(v),
        None,
    );
    f.group(list.into_any())
}

/// Check boxes, kept as one comma-separated answer; `search` adds a filter above them.
pub(super) fn checks(f: Frame, choices: Choices, search: bool) -> AnyView {
    let id = f.id();
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
                    on:input=move |ev| filter.set(lowercase(&event_target_value(&ev)))
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
        f.answers.update(|a| {
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
    let list = options(
        f,
        "checkbox",
        (choices.values)(),
        move |lang, v| choices.label(lang, use_today(), v),
        toggle,
        Some(filter),
    );
    f.group(
        view! {
            {search_box}
            {list}
        }
        .into_any(),
    )
}

/// Radios or check boxes. The first option carries the question's id, so the error summary's
/// link lands on it. With `filter`, options whose label does not contain it are hidden.
fn options(
    f: Frame,
    input: &'static str,
    values: Vec<&'static str>,
    label: impl Fn(Lang, &str) -> String + Copy + Send + Sync + 'static,
    on_pick: impl Fn(String) + Copy + 'static,
    filter: Option<RwSignal<String>>,
) -> impl IntoView {
    let (id, i18n, initial) = (f.id(), f.i18n, f.initial());
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
            let checked = chosen(&initial).any(|c| c == v);
            let hidden = move || {
                filter.is_some_and(|f| {
                    f.with(|f| {
                        !f.is_empty() && !lowercase(&label(i18n.lang(), v)).contains(f.as_str())
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

/// A drop-down list of `options`, each a value and its label in the reader's language,
/// drawn again when the language changes.
fn drop_down<O>(f: Frame, autocomplete: Option<&'static str>, options: O) -> AnyView
where
    O: Fn(Lang) -> Vec<(String, String)> + Send + Sync + 'static,
{
    let (id, i18n, answers) = (f.id(), f.i18n, f.answers);
    let listed = move || {
        let lang = i18n.lang();
        // Read again when the language changes, so the choice survives the new option list.
        let selected = answers.with_untracked(|a| a.get(id).cloned().unwrap_or_default());
        options(lang)
            .into_iter()
            .map(|(value, label)| {
                let selected = value == selected;
                view! {
                    <option value=value selected=selected>
                        {label}
                    </option>
                }
            })
            .collect_view()
    };
    f.single(
        view! {
            <select
                class="select"
                class:select--error=move || f.has_error()
                id=id
                name=id
                autocomplete=autocomplete
                aria-describedby=move || f.described_by()
                on:change=move |ev| f.set(event_target_value(&ev))
            >
                <option value="">{text("form.select")}</option>
                {listed}
            </select>
        }
        .into_any(),
        None,
    )
}

pub(super) fn select(f: Frame, choices: Choices) -> AnyView {
    drop_down(f, None, move |lang| {
        let today = use_today();
        (choices.values)()
            .into_iter()
            .map(|v| (v.to_owned(), choices.label(lang, today, v)))
            .collect()
    })
}

/// Every country of ISO 3166-1, by name in the reader's language and alphabet.
pub(super) fn country(f: Frame) -> AnyView {
    drop_down(f, Some("off"), |lang| {
        sorted(lang)
            .into_iter()
            .map(|c| (c.code.clone(), c.name(lang).to_owned()))
            .collect()
    })
}

/// `text` in lower case, by the browser: Rust's own conversion brings Unicode's case tables,
/// some 9 KB, onto the first page of every journey with a searchable list.
fn lowercase(text: &str) -> String {
    js_sys::JsString::from(text).to_lower_case().into()
}
