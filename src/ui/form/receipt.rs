//! What the confirmations share: the record kept in this browser under its reference, so a
//! reload or a bookmark shows it again with no personal data in the address; the page when
//! none is kept; the dates of what happens next.

use leptos::prelude::*;
use serde::{Serialize, de::DeserializeOwned};

use super::{format_date, load, save, text};
use crate::{
    api::{Milestone, Stage},
    ui::{i18n::use_i18n, link, page::Page},
};

/// Where a record is kept: `ahp:{kind}:{reference}`.
pub(super) fn record_key(kind: &str, reference: &str) -> String {
    format!("ahp:{kind}:{reference}")
}

/// Keeps `record` under [`record_key`].
pub fn keep_record<T: Serialize>(kind: &str, reference: &str, record: &T) {
    save(
        &record_key(kind, reference),
        &serde_json::to_string(record).unwrap_or_default(),
    );
}

/// The record kept by [`keep_record`], if this browser has it.
pub fn kept_record<T: DeserializeOwned>(kind: &str, reference: &str) -> Option<T> {
    load(&record_key(kind, reference)).and_then(|json| serde_json::from_str(&json).ok())
}

/// The status page with `reference` filled in, to track a submission.
pub fn status_link(reference: &str) -> String {
    link(&format!("/status?reference={reference}"))
}

/// No confirmation kept here under the address's reference: `title`, `body`, and tracking.
#[component]
pub fn NoRecord(title: &'static str, body: &'static str) -> impl IntoView {
    view! {
        <Page title>
            <p>{text(body)}</p>
            <p>
                <a href=link("/status")>{text("status.title")}</a>
            </p>
        </Page>
    }
}

/// The name of a stage of a participant application's timeline, as the status page and the
/// application's confirmation show it.
pub fn stage_key(stage: Stage) -> &'static str {
    match stage {
        Stage::Submitted => "track.stage.submitted",
        Stage::Moderation => "track.stage.moderation",
        Stage::Commission => "track.stage.commission",
        Stage::Decision => "track.stage.decision",
    }
}

/// Each stage of an enrolment's or an invitation's timeline with its date; `decision` names
/// the last stage, which differs between them.
#[component]
pub fn Milestones(timeline: Vec<Milestone>, decision: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let items = timeline
        .into_iter()
        .map(|m| {
            let key = match m.stage {
                Stage::Submitted => "acc.milestone_submitted",
                Stage::Moderation => "acc.milestone_moderation",
                Stage::Commission => "acc.milestone_commission",
                Stage::Decision => decision,
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
    view! { <ol class="timeline">{items}</ol> }
}
