//! The answer to "why?": every rule a decision applied, its citation and the values it used.

use leptos::prelude::*;

use super::{fill, text, tr};
use crate::{domain::decision::Reason, ui::i18n::use_i18n};

/// A reason in plain words, with its values filled in.
pub fn reason_text(lang: crate::i18n::Lang, reason: &Reason) -> String {
    fill(&tr(lang, &reason.message_key), &reason.values)
}

/// A reason in plain words, its dates written for the reader ("2031-04-14" as "14 April 2031").
pub fn reason_words(lang: crate::i18n::Lang, r: &Reason) -> String {
    let values: Vec<(String, String)> = r
        .values
        .iter()
        .map(|(k, v)| match v.parse::<chrono::NaiveDate>() {
            Ok(d) => (k.clone(), super::format_date(lang, d)),
            Err(_) => (k.clone(), v.clone()),
        })
        .collect();
    fill(&tr(lang, &r.message_key), &values)
}

/// A disclosure listing each reason, then the notice when the decision is only indicative.
#[component]
pub fn Why(reasons: Vec<Reason>, indicative: bool) -> impl IntoView {
    let i18n = use_i18n();
    let items = reasons
        .into_iter()
        .map(|r| {
            let values = (!r.values.is_empty()).then(|| {
                let list = r
                    .values
                    .iter()
                    .map(|(k, v)| format!("{k} = {v}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                view! {
                    <br />
                    <span class="hint">{text("why.values")} ": " {list}</span>
                }
            });
            let citation = r.citation.to_string();
            let rule = r.rule_id.clone();
            view! {
                <li>
                    {move || reason_text(i18n.lang(), &r)}
                    <br />
                    <span class="hint">
                        {text("why.source")} ": " {citation} " (" {rule} ")"
                    </span>
                    {values}
                </li>
            }
        })
        .collect_view();
    view! {
        {indicative.then(|| view! { <p class="panel">{text("why.indicative")}</p> })}
        <details>
            <summary>{text("why.title")}</summary>
            <ul class="list why">{items}</ul>
        </details>
    }
}
