//! A date as three boxes, day, month and year (the GOV.UK date input): no picker to fight with.

use leptos::prelude::*;

use super::{super::text, Frame};

/// The three parts are kept together as "day/month/year", so a half-typed date is not lost.
pub(super) fn date(f: Frame) -> AnyView {
    let (id, answers) = (f.id(), f.answers);
    let initial = f.initial();
    let parts: Vec<String> = initial.split('/').map(str::to_owned).collect();
    let part = |i: usize| parts.get(i).cloned().unwrap_or_default();
    let field = move |i: usize, name: &'static str, label: &'static str, value: String| {
        // The day carries the question's id, so the error summary's link lands on it.
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
                    class:input--error=move || f.has_error()
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
    f.group(
        view! {
            <div class="date-input">
                {field(0, "day", "form.date.day", part(0))}
                {field(1, "month", "form.date.month", part(1))}
                {field(2, "year", "form.date.year", part(2))}
            </div>
        }
        .into_any(),
    )
}
