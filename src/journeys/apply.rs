//! The application for participant status, as data: its steps and questions, and the checks
//! the generic ones do not make.

use chrono::{Datelike, NaiveDate};

use super::{
    Answers, Choices, Journey, Kind, Outcome, Question, Step, attachments_of,
    checks::{applicant_bin, email},
    chosen, chosen_of,
    eligibility::PRIORITY,
    parse_date, parse_money, parse_number,
};
use crate::{
    api::limits::MAX_TEXT,
    api::{Contact, Declarations, Organisation, ParticipantApplication, Project},
    domain::contact::kazakh_phone,
    domain::eligibility::Route,
    i18n::Lang,
};

fn not_in_future(value: &str, _: &Answers, today: NaiveDate) -> Outcome {
    match parse_date(value) {
        Ok(d) if d > today => Err(("apply.reg_date_future", Vec::new())),
        _ => Ok(()),
    }
}

fn phone(value: &str, _: &Answers, _: NaiveDate) -> Outcome {
    kazakh_phone(value)
        .then_some(())
        .ok_or(("apply.phone_invalid", Vec::new()))
}

/// An address a browser can open; "https://" may be left out.
fn website(value: &str, _: &Answers, _: NaiveDate) -> Outcome {
    let v = value.trim();
    let host = v
        .strip_prefix("https://")
        .or_else(|| v.strip_prefix("http://"))
        .unwrap_or(v);
    let host = host.split('/').next().unwrap_or("");
    let ok = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    ok.then_some(())
        .ok_or(("apply.website_invalid", Vec::new()))
}

fn foreign_within_headcount(value: &str, a: &Answers, _: NaiveDate) -> Outcome {
    let staff = a.get("headcount").and_then(|h| parse_number(h));
    match (parse_number(value), staff) {
        (Some(f), Some(s)) if f > s => Err(("apply.foreign_above_headcount", Vec::new())),
        _ => Ok(()),
    }
}

pub const DECLARATION_IDS: [&str; 3] = ["information_true", "conditions_met", "data_processing"];

fn all_declared(value: &str, _: &Answers, _: NaiveDate) -> Outcome {
    let ticked = chosen(value).count();
    (ticked == DECLARATION_IDS.len())
        .then_some(())
        .ok_or(("apply.declarations_all", Vec::new()))
}

const LEGAL_FORMS: Choices = Choices {
    values: || vec!["llp", "jsc", "other"],
    prefix: "apply.form.",
    label: None,
};

const DOCUMENTS: Choices = Choices {
    values: || {
        vec![
            "charter",
            "registration_certificate",
            "business_plan",
            "financial_statements",
            "team_cvs",
        ]
    },
    prefix: "apply.document.",
    label: None,
};

const DECLARATIONS: Choices = Choices {
    values: || DECLARATION_IDS.to_vec(),
    prefix: "apply.declaration.",
    label: None,
};

static ORGANISATION: &[Question] = &[
    Question::new(
        "org_name",
        "apply.org_name",
        "apply.org_name_empty",
        Kind::text("text", "organization", MAX_TEXT),
    )
    .sent_as("organisation.name"),
    Question::new(
        "bin",
        "apply.bin",
        "ids.empty",
        Kind::text("text", "off", 20),
    )
    .sent_as("organisation.bin")
    .hint("apply.bin_hint")
    .check(applicant_bin),
    Question::new(
        "legal_form",
        "apply.legal_form",
        "apply.legal_form_empty",
        Kind::Radios(LEGAL_FORMS),
    )
    .sent_as("organisation.legal_form"),
    Question::new(
        "reg_date",
        "apply.reg_date",
        "apply.reg_date_empty",
        Kind::Date,
    )
    .sent_as("organisation.registration_date")
    .hint("apply.reg_date_hint")
    .check(not_in_future),
    Question::new(
        "address",
        "apply.address",
        "apply.address_empty",
        Kind::text("text", "street-address", MAX_TEXT),
    )
    .sent_as("organisation.registered_address"),
    Question::new(
        "website",
        "apply.website",
        "",
        Kind::text("url", "url", MAX_TEXT),
    )
    .sent_as("organisation.website")
    .hint("apply.website_hint")
    .optional()
    .check(website),
];

static CONTACT: &[Question] = &[
    Question::new(
        "contact_name",
        "apply.contact_name",
        "apply.contact_name_empty",
        Kind::text("text", "name", MAX_TEXT),
    )
    .sent_as("contact.name"),
    Question::new(
        "position",
        "apply.position",
        "apply.position_empty",
        Kind::text("text", "organization-title", MAX_TEXT),
    )
    .sent_as("contact.position"),
    Question::new(
        "email",
        "apply.email",
        "apply.email_empty",
        Kind::text("email", "email", MAX_TEXT),
    )
    .sent_as("contact.email")
    .hint("apply.email_hint")
    .check(email),
    Question::new(
        "phone",
        "apply.phone",
        "apply.phone_empty",
        Kind::text("tel", "tel", 30),
    )
    .sent_as("contact.phone")
    .hint("apply.phone_hint")
    .check(phone),
];

static ACTIVITIES: &[Question] = &[Question::new(
    "activities",
    "apply.activities",
    "apply.activities_empty",
    Kind::Checks {
        choices: PRIORITY,
        search: true,
    },
)
.sent_as("activities")
.hint("apply.activities_hint")];

static INCOME: &[Question] = &[
    Question::new("income", "apply.income", "apply.income_empty", Kind::Money)
        .sent_as("income_tiyn")
        .hint("apply.income_hint"),
    Question::new(
        "headcount",
        "apply.headcount",
        "apply.headcount_empty",
        Kind::Number {
            min: 0,
            max: 1_000_000,
        },
    ),
    Question::new(
        "foreign",
        "apply.foreign",
        "apply.foreign_empty",
        Kind::Number {
            min: 0,
            max: 1_000_000,
        },
    )
    .sent_as("foreign_specialists")
    .hint("apply.foreign_hint")
    .check(foreign_within_headcount),
];

static PROJECT: &[Question] = &[
    Question::new(
        "description",
        "apply.description",
        "apply.description_empty",
        Kind::Long { max: 1000 },
    )
    .sent_as("project.description")
    .hint("apply.description_hint"),
    Question::new(
        "plan_summary",
        "apply.plan_summary",
        "apply.plan_summary_empty",
        Kind::Long { max: 2000 },
    )
    .sent_as("project.business_plan_summary")
    .hint("apply.plan_summary_hint"),
];

static DOCUMENTS_Q: &[Question] = &[Question::new(
    "documents",
    "apply.documents",
    "apply.documents_empty",
    Kind::Checks {
        choices: DOCUMENTS,
        search: false,
    },
)
.sent_as("documents")
.hint("apply.documents_hint")];

static DECLARATIONS_Q: &[Question] = &[Question::new(
    "declarations",
    "apply.declarations",
    "apply.declarations_all",
    Kind::Checks {
        choices: DECLARATIONS,
        search: false,
    },
)
.sent_as("declarations")
.check(all_declared)];

static STEPS: &[Step] = &[
    Step::new("organisation", "apply.organisation_title", ORGANISATION),
    Step::new("contact", "apply.contact_title", CONTACT),
    Step::new("activities", "apply.activities_title", ACTIVITIES),
    Step::new("income", "apply.income_title", INCOME),
    Step::new("project", "apply.project_title", PROJECT),
    Step::new("documents", "apply.documents_title", DOCUMENTS_Q),
    Step::new("declarations", "apply.declarations_title", DECLARATIONS_Q),
];

pub static JOURNEY: Journey = Journey {
    base: "/apply",
    steps: STEPS,
    end: "check",
};

/// The application as the service takes it, sent on `today`; `None` while an answer is missing
/// or wrong.
pub fn to_application(a: &Answers, today: NaiveDate, lang: Lang) -> Option<ParticipantApplication> {
    let get = |id: &str| a.get(id).map(|v| v.trim().to_owned()).unwrap_or_default();
    let declared = chosen_of(a, "declarations");
    let declaration = |id: &str| declared.iter().any(|d| d == id);
    let number = |id: &str| parse_number(&get(id)).and_then(|n| u32::try_from(n).ok());
    Some(ParticipantApplication {
        attachments: attachments_of(a),
        organisation: Organisation {
            name: get("org_name"),
            bin: get("bin"),
            legal_form: get("legal_form"),
            registration_date: parse_date(&get("reg_date")).ok()?,
            registered_address: get("address"),
            website: Some(get("website")).filter(|w| !w.is_empty()),
        },
        contact: Contact {
            name: get("contact_name"),
            position: get("position"),
            email: get("email"),
            phone: get("phone"),
        },
        activities: chosen_of(a, "activities"),
        income_tiyn: parse_money(&get("income"), lang)?.0,
        income_year: today.year() - 1,
        headcount: number("headcount")?,
        foreign_specialists: number("foreign")?,
        project: Project {
            description: get("description"),
            business_plan_summary: get("plan_summary"),
        },
        documents: chosen_of(a, "documents"),
        declarations: Declarations {
            information_true: declaration(DECLARATION_IDS[0]),
            conditions_met: declaration(DECLARATION_IDS[1]),
            data_processing: declaration(DECLARATION_IDS[2]),
        },
        route: Route::AstanaHubActor,
    })
}
