//! The application for participant status, as data: its steps and questions, and the checks
//! the generic ones do not make.

use crate::{
    api::limits::MAX_TEXT,
    domain::contact::{email_shaped, kazakh_phone},
    domain::ids::parse_applicant_bin,
    ui::{
        config::use_today,
        pages::{
            eligibility::PRIORITY,
            form::{
                Answers, Choices, Journey, Kind, Outcome, Question, Step, parse_date, parse_number,
            },
        },
    },
};

pub fn bin(value: &str, _: &Answers) -> Outcome {
    parse_applicant_bin(value)
        .map(|_| ())
        .map_err(|e| (e.message_key(), e.values()))
}

fn not_in_future(value: &str, _: &Answers) -> Outcome {
    match parse_date(value) {
        Ok(d) if d > use_today() => Err(("apply.reg_date_future", Vec::new())),
        _ => Ok(()),
    }
}

pub fn email(value: &str, _: &Answers) -> Outcome {
    email_shaped(value)
        .then_some(())
        .ok_or(("apply.email_invalid", Vec::new()))
}

fn phone(value: &str, _: &Answers) -> Outcome {
    kazakh_phone(value)
        .then_some(())
        .ok_or(("apply.phone_invalid", Vec::new()))
}

/// An address a browser can open; "https://" may be left out.
fn website(value: &str, _: &Answers) -> Outcome {
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

fn foreign_within_headcount(value: &str, a: &Answers) -> Outcome {
    let staff = a.get("headcount").and_then(|h| parse_number(h));
    match (parse_number(value), staff) {
        (Some(f), Some(s)) if f > s => Err(("apply.foreign_above_headcount", Vec::new())),
        _ => Ok(()),
    }
}

pub const DECLARATION_IDS: [&str; 3] = ["information_true", "conditions_met", "data_processing"];

fn all_declared(value: &str, _: &Answers) -> Outcome {
    let ticked = super::super::form::chosen(value).count();
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

const fn text(input: &'static str, autocomplete: &'static str, max: usize) -> Kind {
    Kind::Text {
        input,
        autocomplete,
        max,
    }
}

static ORGANISATION: [Question; 6] = [
    Question::new(
        "org_name",
        "apply.org_name",
        "apply.org_name_empty",
        text("text", "organization", MAX_TEXT),
    ),
    Question::new("bin", "apply.bin", "ids.empty", text("text", "off", 20))
        .hint("apply.bin_hint")
        .check(bin),
    Question::new(
        "legal_form",
        "apply.legal_form",
        "apply.legal_form_empty",
        Kind::Radios(LEGAL_FORMS),
    ),
    Question::new(
        "reg_date",
        "apply.reg_date",
        "apply.reg_date_empty",
        Kind::Date,
    )
    .hint("apply.reg_date_hint")
    .check(not_in_future),
    Question::new(
        "address",
        "apply.address",
        "apply.address_empty",
        text("text", "street-address", MAX_TEXT),
    ),
    Question::new("website", "apply.website", "", text("url", "url", MAX_TEXT))
        .hint("apply.website_hint")
        .optional()
        .check(website),
];

static CONTACT: [Question; 4] = [
    Question::new(
        "contact_name",
        "apply.contact_name",
        "apply.contact_name_empty",
        text("text", "name", MAX_TEXT),
    ),
    Question::new(
        "position",
        "apply.position",
        "apply.position_empty",
        text("text", "organization-title", MAX_TEXT),
    ),
    Question::new(
        "email",
        "apply.email",
        "apply.email_empty",
        text("email", "email", MAX_TEXT),
    )
    .hint("apply.email_hint")
    .check(email),
    Question::new(
        "phone",
        "apply.phone",
        "apply.phone_empty",
        text("tel", "tel", 30),
    )
    .hint("apply.phone_hint")
    .check(phone),
];

static ACTIVITIES: [Question; 1] = [Question::new(
    "activities",
    "apply.activities",
    "apply.activities_empty",
    Kind::Checks {
        choices: PRIORITY,
        search: true,
    },
)
.hint("apply.activities_hint")];

static INCOME: [Question; 3] = [
    Question::new("income", "apply.income", "apply.income_empty", Kind::Money)
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
    .hint("apply.foreign_hint")
    .check(foreign_within_headcount),
];

static PROJECT: [Question; 2] = [
    Question::new(
        "description",
        "apply.description",
        "apply.description_empty",
        Kind::Long { max: 1000 },
    )
    .hint("apply.description_hint"),
    Question::new(
        "plan_summary",
        "apply.plan_summary",
        "apply.plan_summary_empty",
        Kind::Long { max: 2000 },
    )
    .hint("apply.plan_summary_hint"),
];

static DOCUMENTS_Q: [Question; 1] = [Question::new(
    "documents",
    "apply.documents",
    "apply.documents_empty",
    Kind::Checks {
        choices: DOCUMENTS,
        search: false,
    },
)
.hint("apply.documents_hint")];

static DECLARATIONS_Q: [Question; 1] = [Question::new(
    "declarations",
    "apply.declarations",
    "apply.declarations_all",
    Kind::Checks {
        choices: DECLARATIONS,
        search: false,
    },
)
.check(all_declared)];

const fn step(slug: &'static str, title: &'static str, questions: &'static [Question]) -> Step {
    Step {
        slug,
        title,
        lead: None,
        questions,
        when: None,
    }
}

static STEPS: [Step; 7] = [
    step("organisation", "apply.organisation_title", &ORGANISATION),
    step("contact", "apply.contact_title", &CONTACT),
    step("activities", "apply.activities_title", &ACTIVITIES),
    step("income", "apply.income_title", &INCOME),
    step("project", "apply.project_title", &PROJECT),
    step("documents", "apply.documents_title", &DOCUMENTS_Q),
    step("declarations", "apply.declarations_title", &DECLARATIONS_Q),
];

pub static JOURNEY: Journey = Journey {
    base: "/apply",
    steps: &STEPS,
    end: "check",
};
