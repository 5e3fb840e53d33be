//! The confirmation, read from the record kept in this browser under its reference, so a reload
//! or a bookmark shows it again with no personal data in the address.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

use crate::{
    api::{Stage, Submission},
    ui::{
        i18n::use_i18n,
        link,
        page::Page,
        pages::form::{dyn_text, fill, format_date, load, save, text},
    },
};

fn record_key(reference: &str) -> String {
    format!("ahp:invitation:{reference}")
}

/// What the confirmation shows: the service's receipt, the route and who it covers.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Record {
    pub submission: Option<Submission>,
    pub route: String,
    pub names: Vec<String>,
    /// Tracked with the employer's BIN; otherwise with the contact email.
    pub by_bin: bool,
}

pub fn save_record(reference: &str, record: &Record) {
    save(
        &record_key(reference),
        &serde_json::to_string(record).unwrap_or_default(),
    );
}

#[component]
pub fn InvitationConfirmation() -> impl IntoView {
    let i18n = use_i18n();
    let reference = use_params_map().with_untracked(|p| p.get("reference").unwrap_or_default());
    let record: Option<Record> =
        load(&record_key(&reference)).and_then(|json| serde_json::from_str(&json).ok());
    let Some((record, receipt)) = record.and_then(|r| Some((r.clone(), r.submission?))) else {
        return view! {
            <Page title="acc.confirmation_missing">
                <p>{text("acc.confirmation_missing_body")}</p>
                <p>
                    <a href=link("/status")>{text("status.title")}</a>
                </p>
            </Page>
        }
        .into_any();
    };
    let submitted = receipt.submitted_on;
    let milestones = receipt
        .timeline
        .iter()
        .map(|m| {
            let key = match m.stage {
                Stage::Submitted => "acc.milestone_submitted",
                Stage::Moderation => "acc.milestone_moderation",
                Stage::Commission => "acc.milestone_commission",
                Stage::Decision => "inv.milestone_decision",
            };
            let due = m.due;
            view! {
                <li>
                    <strong>{move || format_date(i18n.lang(), due)}</strong>
                    ": "
                    {text(key)}
                </li>
            }
        })
        .collect_view();
    let people = record
        .names
        .iter()
        .map(|n| view! { <li>{n.clone()}</li> })
        .collect_view();
    let track = if record.by_bin {
        "inv.track_bin"
    } else {
        "inv.track_email"
    };
    view! {
        <Page title="inv.confirmation_title">
            <div class="panel panel--confirmation">
                <p>{text("acc.reference")}</p>
                <p class="reference">{receipt.reference.as_str().to_owned()}</p>
            </div>
            <p>
                {move || {
                    fill(
                        i18n.t("inv.submitted_on"),
                        &[("date".into(), format_date(i18n.lang(), submitted))],
                    )
                }}
            </p>
            <p>{dyn_text(format!("inv.route.{}", record.route))}</p>
            <h2 class="heading-m">{text("inv.covers")}</h2>
            <ul class="list list--bullet">{people}</ul>
            <h2 class="heading-m">{text("acc.next_title")}</h2>
            <p>{text("inv.next_body")}</p>
            <ol class="timeline">{milestones}</ol>
            <p>{text(track)}</p>
            <button class="button button--secondary no-print" type="button" on:click=|_| {
                let _ = window().print();
            }>{text("form.print")}</button>
            <p class="no-print">
                <a href=link(&format!("/status?reference={reference}"))>{text("status.title")}</a>
            </p>
        </Page>
    }
    .into_any()
}
