//! Typed answers: a line, several lines with a count of what is left, a number or an amount.

use leptos::prelude::*;

use super::{super::message, Frame};

/// One line; `input` is the HTML type ("text", "email", "tel", "url").
pub(super) fn line(f: Frame, input: &'static str, autocomplete: &'static str) -> AnyView {
    f.single(
        view! {
            <input
                class="input"
                class:input--error=move || f.has_error()
                id=f.id()
                name=f.id()
                type=input
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                spellcheck=(input != "text").then_some("false")
                value=f.initial()
                aria-describedby=move || f.described_by()
                on:input=move |ev| f.set(event_target_value(&ev))
            />
        }
        .into_any(),
        None,
    )
}

/// Several lines, with a visible count of the characters left (or over) of `max`.
pub(super) fn long(f: Frame, max: usize) -> AnyView {
    let id = f.id();
    let used = Memo::new(move |_| {
        f.answers
            .with(|a| a.get(id).map_or(0, |v| v.chars().count()))
    });
    let over = move || used.get() > max;
    let count = move || {
        let n = used.get();
        let (key, left) = if n <= max {
            ("form.chars_left", max - n)
        } else {
            ("form.chars_over", n - max)
        };
        message(f.i18n.lang(), key, &[("count".into(), left.to_string())])
    };
    f.single(
        view! {
            <textarea
                class="textarea"
                class:textarea--error=move || f.has_error()
                id=id
                name=id
                rows="6"
                prop:value=f.initial()
                aria-describedby=move || f.described_by()
                on:input=move |ev| f.set(event_target_value(&ev))
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

/// A whole number, or with `money` an amount in tenge, typed as people type them.
pub(super) fn number(f: Frame, money: bool) -> AnyView {
    f.single(
        view! {
            <div class="input-wrapper">
                <input
                    class="input input--short"
                    class:input--error=move || f.has_error()
                    id=f.id()
                    name=f.id()
                    type="text"
                    inputmode=if money { "decimal" } else { "numeric" }
                    spellcheck="false"
                    value=f.initial()
                    aria-describedby=move || f.described_by()
                    on:input=move |ev| f.set(event_target_value(&ev))
                />
                {money.then(|| view! { <span class="input-suffix" aria-hidden="true">"₸"</span> })}
            </div>
        }
        .into_any(),
        None,
    )
}
