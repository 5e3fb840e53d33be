//! Citizenship: every country of ISO 3166-1, named and sorted in the reader's language. The
//! generic fields take option texts from the message tables; country names are domain data.

use leptos::prelude::*;

use crate::{
    domain::countries::{country, sorted},
    i18n::Lang,
    ui::{
        i18n::use_i18n,
        pages::form::{Answers, Problem, Question, message, text},
    },
};

/// The country's name in `lang`, or the code as typed when it is not a known one.
pub fn country_name(lang: Lang, code: &str) -> String {
    country(code).map_or_else(|| code.to_owned(), |c| c.name(lang).to_owned())
}

/// Citizenship as the list shows it: the country by name.
pub fn member_answer(lang: Lang, q: &'static Question, a: &Answers) -> Option<String> {
    (q.id == "citizenship").then(|| country_name(lang, a.get(q.id).map_or("", String::as_str)))
}

/// The citizenship question as a list of countries; `None` for every other question.
pub fn member_field(
    q: &'static Question,
    answers: RwSignal<Answers>,
    errors: RwSignal<Vec<Problem>>,
) -> Option<AnyView> {
    if q.id != "citizenship" {
        return None;
    }
    let i18n = use_i18n();
    let id = q.id;
    let error = Memo::new(move |_| errors.with(|e| e.iter().find(|p| p.field == id).cloned()));
    let has_error = move || error.with(Option::is_some);
    let described_by = move || {
        let mut ids = q.hint.map(|_| format!("{id}-hint")).unwrap_or_default();
        if has_error() {
            ids.push_str(&format!(" {id}-error"));
        }
        ids.trim().to_owned()
    };
    let options = move || {
        let lang = i18n.lang();
        // Read again when the language changes, so the choice survives the new option list.
        let selected = answers.with_untracked(|a| a.get(id).cloned().unwrap_or_default());
        sorted(lang)
            .into_iter()
            .map(|c| {
                let code = c.code.clone();
                view! {
                    <option value=code.clone() selected=code == selected>
                        {c.name(lang).to_owned()}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <div class="form-group" class:form-group--error=has_error>
            <label class="label" for=id>
                {text(q.label)}
            </label>
            {q.hint.map(|h| view! { <div class="hint" id=format!("{id}-hint")>{text(h)}</div> })}
            {move || {
                error
                    .get()
                    .map(|p| {
                        view! {
                            <p class="error-message" id=format!("{id}-error")>
                                <span class="visually-hidden">{i18n.t("form.error_prefix")}</span>
                                {message(i18n.lang(), p.key, &p.values)}
                            </p>
                        }
                    })
            }}
            <select
                class="select"
                class:select--error=has_error
                id=id
                name=id
                autocomplete="off"
                aria-describedby=described_by
                on:change=move |ev| answers.update(|a| {
                    a.insert(id.to_owned(), event_target_value(&ev));
                })
            >
                <option value="">{text("form.select")}</option>
                {options}
            </select>
        </div>
    }
    .into_any()
    .into()
}
