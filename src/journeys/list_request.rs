//! The request to be included in the Fund's list of actors as data: the organisation, the
//! status it holds, a contact and the declaration, and the answers as the service takes them.

use crate::api::{ListRequest, limits::MAX_TEXT};

use super::{
    Answers, Choices, Journey, Kind, Question, Step,
    checks::{applicant_bin, email},
    chosen_of,
    eligibility::ENTITY_TYPES,
};

const DECLARATION: Choices = Choices {
    values: || vec!["information_true"],
    prefix: "list.declaration.",
    label: None,
};

// Question ids are the request's field names, so a field the service refuses leads back to
// its question (`Journey::locate`).
static ORGANISATION: &[Question] = &[
    Question::new(
        "organisation_name",
        "apply.org_name",
        "apply.org_name_empty",
        Kind::text("text", "organization", MAX_TEXT),
    ),
    Question::new(
        "bin",
        "apply.bin",
        "ids.empty",
        Kind::text("text", "off", 20),
    )
    .hint("apply.bin_hint")
    .check(applicant_bin),
];

static STATUS: &[Question] = &[
    Question::new(
        "entity_type",
        "list.entity_type",
        "list.entity_type_empty",
        Kind::Radios(ENTITY_TYPES),
    )
    .hint("list.entity_type_hint"),
    Question::new(
        "status_document",
        "list.status_document",
        "",
        Kind::text("text", "off", MAX_TEXT),
    )
    .hint("list.status_document_hint")
    .optional(),
];

static CONTACT: &[Question] = &[
    Question::new(
        "contact_name",
        "apply.contact_name",
        "apply.contact_name_empty",
        Kind::text("text", "name", MAX_TEXT),
    ),
    Question::new(
        "contact_email",
        "apply.email",
        "apply.email_empty",
        Kind::text("email", "email", MAX_TEXT),
    )
    .hint("list.contact_email_hint")
    .check(email),
];

static DECLARATIONS: &[Question] = &[Question::new(
    "information_true",
    "list.declarations",
    "list.declarations_empty",
    Kind::Checks {
        choices: DECLARATION,
        search: false,
    },
)];

static STEPS: &[Step] = &[
    Step::new("organisation", "apply.organisation_title", ORGANISATION),
    Step::new("status", "list.status_title", STATUS),
    Step::new("contact", "apply.contact_title", CONTACT),
    Step::new("declaration", "apply.declarations_title", DECLARATIONS),
];

pub static JOURNEY: Journey = Journey {
    base: "/list-request",
    steps: STEPS,
    end: "check",
};

/// The request as the service takes it.
pub fn to_request(a: &Answers) -> ListRequest {
    let get = |id: &str| a.get(id).map(|v| v.trim().to_owned()).unwrap_or_default();
    ListRequest {
        organisation_name: get("organisation_name"),
        bin: get("bin"),
        entity_type: get("entity_type"),
        status_document: Some(get("status_document")).filter(|d| !d.is_empty()),
        contact_name: get("contact_name"),
        contact_email: get("contact_email"),
        information_true: chosen_of(a, "information_true")
            .iter()
            .any(|d| d == "information_true"),
    }
}
