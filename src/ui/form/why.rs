//! The answer to "why?": every rule a decision applied, its citation and the values it used.

use leptos::prelude::*;

use super::{message, text};
use crate::{
    domain::decision::{CheckKind, Effect, Reason},
    ui::i18n::use_i18n,
};

/// A reason in plain words, with its values filled in.
pub fn reason_text(lang: crate::i18n::Lang, reason: &Reason) -> String {
    message(lang, &reason.message_key, &reason.values)
}

/// A reason in plain words, its dates written for the reader ("2031-04-14" as "14 April 2031").
pub fn reason_words(lang: crate::i18n::Lang, r: &Reason) -> String {
    let values: Vec<(String, String)> = r
        .values
        .iter()
        .map(|(k, v)| match crate::iso_date::parse(v) {
            Some(d) => (k.clone(), super::format_date(lang, d)),
            None => (k.clone(), v.clone()),
        })
        .collect();
    message(lang, &r.message_key, &values)
}

/// The kind of check a reason is, as every "why?" names it.
pub fn kind_key(kind: CheckKind) -> &'static str {
    match kind {
        CheckKind::Law => "why.kind.law",
        CheckKind::Format => "why.kind.format",
        CheckKind::Uncertain => "why.kind.uncertain",
    }
}

fn effect_key(effect: Effect) -> Option<&'static str> {
    match effect {
        Effect::Applied => None,
        Effect::Refuses => Some("why.effect.refuses"),
        Effect::Warns => Some("why.effect.warns"),
    }
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
            let (kind, effect) = (kind_key(r.confidence.kind()), effect_key(r.effect));
            view! {
                <li>
                    {move || reason_text(i18n.lang(), &r)}
                    <br />
                    <span class="hint">
                        <strong>{text(kind)}</strong>
                        {effect.map(|e| view! { " · " <strong>{text(e)}</strong> })}
                        ". " {text("why.source")} ": " {citation} " (" {rule} ")"
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

/// The uncertain readings a decision did not find met: shown before the applicant goes on,
/// never blocking; the Fund decides.
#[component]
pub fn Warnings(reasons: Vec<Reason>) -> impl IntoView {
    (!reasons.is_empty()).then(|| {
        view! {
            <div class="panel panel--warning" data-warnings="">
                <h2 class="heading-m">{text("why.warnings_title")}</h2>
                <p>{text("why.warnings_lead")}</p>
                <ReasonList reasons />
            </div>
        }
    })
}

/// Reasons as a bulleted list, each in plain words with its source.
#[component]
pub fn ReasonList(reasons: Vec<Reason>) -> impl IntoView {
    let i18n = use_i18n();
    let items = reasons
        .into_iter()
        .map(|r| {
            let citation = r.citation.to_string();
            view! { <li>{move || reason_words(i18n.lang(), &r)} " (" {citation} ")"</li> }
        })
        .collect_view();
    view! { <ul class="list list--bullet">{items}</ul> }
}
