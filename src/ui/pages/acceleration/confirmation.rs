//! The confirmation, read from the record kept in this browser under its reference, so a reload
//! or a bookmark shows it again with no personal data in the address. Anyone who will need a
//! visa invitation gets a way into the invitation journey with what is known filled in.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use serde::{Deserialize, Serialize};

use crate::{
    api::{Attachment, Submission},
    journeys::{acceleration::member_name, country_name, invitations::trainee_of},
    ui::{
        i18n::use_i18n,
        link,
        page::Page,
        pages::form::{
            Answers, DocumentList, Draft, Milestones, NoRecord, fill, format_date, kept_record,
            status_link, text,
        },
    },
};

/// A team member who will need a visa invitation.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Invitee {
    pub surname: String,
    pub given_names: String,
    pub citizenship: String,
}

impl Invitee {
    pub fn of(m: &Answers) -> Invitee {
        let get = |id: &str| m.get(id).map(|v| v.trim().to_owned()).unwrap_or_default();
        Invitee {
            surname: get("surname"),
            given_names: get("given_names"),
            citizenship: get("citizenship"),
        }
    }
}

/// The name the record is kept under, with its reference.
pub const RECORD: &str = "enrolment";

/// What the confirmation shows: the service's receipt and the people to invite.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Record {
    pub submission: Option<Submission>,
    pub programme_id: String,
    pub cohort_id: String,
    pub programme_name: String,
    pub invitees: Vec<Invitee>,
    /// The documents sent; none in a record kept before documents were sent.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
}

#[component]
pub fn AccelerationConfirmation() -> impl IntoView {
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
    let visa = (!record.invitees.is_empty()).then(|| {
        let people = record
            .invitees
            .iter()
            .map(|person| view! { <Invite person=person.clone() record=record.clone() /> })
            .collect_view();
        view! {
            <h2 class="heading-m">{text("acc.visa_title")}</h2>
            <p>{text("acc.visa_next")}</p>
            <ul class="list invitees">{people}</ul>
        }
    });
    let name = record.programme_name.clone();
    let track = status_link(receipt.reference.as_str());
    view! {
        <Page title="acc.confirmation_title">
            <div class="panel panel--confirmation">
                <p>{text("acc.reference")}</p>
                <p class="reference">{receipt.reference.as_str().to_owned()}</p>
            </div>
            <p>
                {move || {
                    fill(
                        i18n.t("acc.submitted_on"),
                        &[
                            ("programme".into(), name.clone()),
                            ("date".into(), format_date(i18n.lang(), submitted)),
                        ],
                    )
                }}
            </p>
            <h2 class="heading-m">{text("acc.next_title")}</h2>
            <p>{text("acc.next_body")}</p>
            <Milestones timeline=receipt.timeline.clone() decision="acc.milestone_decision" />
            <DocumentList attachments=record.attachments.clone() />
            {visa}
            <p>{text("acc.keep_reference")}</p>
            <button class="button button--secondary no-print" type="button" on:click=|_| {
                let _ = window().print();
            }>{text("form.print")}</button>
            <p class="no-print">
                <a href=track>{text("acc.track")}</a>
            </p>
        </Page>
    }
    .into_any()
}

/// One person who needs an invitation, and the button that starts their request.
#[component]
fn Invite(person: Invitee, record: Record) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let mut named = Answers::new();
    named.insert("given_names".into(), person.given_names.clone());
    named.insert("surname".into(), person.surname.clone());
    let name = member_name(&named);
    let code = person.citizenship.clone();
    // A new invitation request on the trainee route, filled in through the draft store, so no
    // personal data travels in the address.
    let start = move |_| {
        let mut draft = Draft::new(crate::ui::pages::invitations::DRAFT);
        draft.answers = trainee_of(
            &person.surname,
            &person.given_names,
            &person.citizenship,
            &record.programme_name,
            &record.cohort_id,
        );
        draft.persist();
        navigate(&link("/invitations"), Default::default());
    };
    view! {
        <li>
            <strong>{name.clone()}</strong>
            " (" {move || country_name(i18n.lang(), &code)} ") "
            <button class="button button--secondary no-print" type="button" on:click=start>
                {text("acc.invite")}
                <span class="visually-hidden">" " {name}</span>
            </button>
        </li>
    }
}
