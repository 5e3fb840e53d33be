//! The confirmation, read from the record kept in this browser under its reference, so a reload
//! or a bookmark shows it again with no personal data in the address.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{
    api::{Attachment, Submission},
    ui::{
        i18n::use_i18n,
        page::Page,
        pages::form::{
            DocumentList, Milestones, NoRecord, dyn_text, fill, format_date, kept_record,
            status_link, text,
        },
    },
};

/// The name the record is kept under, with its reference.
pub const RECORD: &str = "invitation";

/// What the confirmation shows: the service's receipt, the route and who it covers.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Record {
    pub submission: Option<Submission>,
    pub route: String,
    pub names: Vec<String>,
    /// Tracked with the employer's BIN; otherwise with the contact email.
    pub by_bin: bool,
    /// The documents sent; none in a record kept before documents were sent.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
}

#[component]
pub fn InvitationConfirmation() -> impl IntoView {
    let i18n = use_i18n();
    let reference = super::super::confirmed_reference();
    let record: Option<Record> = kept_record(RECORD, &reference);
    let Some((record, receipt)) = record.and_then(|r| Some((r.clone(), r.submission?))) else {
        return view! {
            <NoRecord title="acc.confirmation_missing" body="acc.confirmation_missing_body" />
        }
        .into_any();
    };
    let submitted = receipt.submitted_on;
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
            <DocumentList attachments=record.attachments.clone() />
            <h2 class="heading-m">{text("acc.next_title")}</h2>
            <p>{text("inv.next_body")}</p>
            // What the Law asks of the employer and the Fund once a worker is recruited.
            {(record.route != "trainee").then(|| view! { <p>{text("inv.next_employer")}</p> })}
            <Milestones timeline=receipt.timeline.clone() decision="inv.milestone_decision" />
            <p>{text(track)}</p>
            <button class="button button--secondary no-print" type="button" on:click=|_| {
                let _ = window().print();
            }>{text("form.print")}</button>
            <p class="no-print">
                <a href=status_link(&reference)>{text("status.title")}</a>
            </p>
        </Page>
    }
    .into_any()
}
