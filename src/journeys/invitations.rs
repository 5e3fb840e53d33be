//! The invitation request as data: the route check, the steps and their questions, a family
//! member's questions, and the answers turned into what the visa rules and the service take.

use chrono::NaiveDate;

use crate::{
    api::limits::MAX_TEXT,
    api::{
        Attachment, Collection, Engagement, Invitation, InvitationRoute, Person, Relationship, Sex,
    },
    domain::{
        acceleration::{catalogue, catalogue_data},
        countries::HOME_COUNTRY,
        visa::{name_problem, passport_number_fits},
    },
    i18n::{self, Lang, fill, format::format_date},
};

use super::{
    Answers, Choices, Journey, Kind, Outcome, Question, Step, attachments_of,
    checks::{bin, email},
    is_yes, items_of, parse_date, parse_number,
};

pub const ROUTES: Choices = Choices {
    values: || vec!["trainee", "employee", "extension"],
    prefix: "inv.route.",
    label: None,
};

const SEX: Choices = Choices {
    values: || vec!["female", "male"],
    prefix: "inv.sex_opt.",
    label: None,
};

const EMPLOYERS: Choices = Choices {
    values: || vec!["actor", "fund"],
    prefix: "inv.employer_opt.",
    label: None,
};

const PLACES: Choices = Choices {
    values: || vec!["consulate", "airport"],
    prefix: "inv.collection_opt.",
    label: None,
};

const RELATIONS: Choices = Choices {
    values: || vec!["spouse", "child", "dependant"],
    prefix: "inv.relationship_opt.",
    label: None,
};

/// Programmes by their own name, the same in every language: no text key holds it, so the
/// option shows the name itself.
const PROGRAMMES: Choices = Choices {
    values: || {
        catalogue_data()
            .programmes
            .iter()
            .map(|p| p.name.as_str())
            .collect()
    },
    prefix: "",
    label: None,
};

/// Cohorts by their id ("silkway-next"), shown by their programme and dates.
const COHORTS: Choices = Choices {
    values: || {
        catalogue_data()
            .programmes
            .iter()
            .flat_map(|p| p.cohorts.iter().map(|c| c.id.as_str()))
            .collect()
    },
    prefix: "",
    label: Some(cohort_label),
};

/// A cohort as people read it, "Silkway Accelerator: 16 March 2026 to 12 June 2026": the data
/// gives cohorts no name, and their dates follow today's catalogue.
fn cohort_label(lang: Lang, today: NaiveDate, id: &str) -> String {
    catalogue(today)
        .iter()
        .find_map(|p| {
            let c = p.cohorts.iter().find(|c| c.id == id)?;
            let dates = fill(
                i18n::text(lang, "acc.cohort_dates"),
                &[
                    ("starts".into(), format_date(lang, c.starts)),
                    ("ends".into(), format_date(lang, c.ends)),
                ],
            );
            Some(format!("{}: {dates}", p.name))
        })
        .unwrap_or_else(|| id.to_owned())
}

pub fn route(a: &Answers) -> &str {
    a.get("route").map_or("", String::as_str)
}

pub fn is_trainee(a: &Answers) -> bool {
    route(a) == "trainee"
}

fn is_extension(a: &Answers) -> bool {
    route(a) == "extension"
}

fn employed(a: &Answers) -> bool {
    matches!(route(a), "employee" | "extension")
}

fn with_family(a: &Answers) -> bool {
    employed(a) && is_yes(a, "with_family")
}

fn at_consulate(a: &Answers) -> bool {
    !is_extension(a) && a.get("collection").is_some_and(|c| c == "consulate")
}

fn at_airport(a: &Answers) -> bool {
    !is_extension(a) && a.get("collection").is_some_and(|c| c == "airport")
}

fn mrz(value: &str, suggestion_key: &'static str, latin_key: &'static str) -> Outcome {
    match name_problem(value.trim()) {
        None => Ok(()),
        Some(s) if s.is_empty() => Err((latin_key, Vec::new())),
        Some(s) => Err((suggestion_key, vec![("suggestion".into(), s)])),
    }
}

fn surname(value: &str, _: &Answers, _: NaiveDate) -> Outcome {
    mrz(
        value,
        "visa.reason.surname_suggestion",
        "visa.reason.surname_characters",
    )
}

fn given_names(value: &str, _: &Answers, _: NaiveDate) -> Outcome {
    mrz(
        value,
        "visa.reason.given_names_suggestion",
        "visa.reason.given_names_characters",
    )
}

fn passport_number(value: &str, _: &Answers, _: NaiveDate) -> Outcome {
    passport_number_fits(value)
        .then_some(())
        .ok_or(("visa.reason.passport_number", Vec::new()))
}

fn foreigner(value: &str, _: &Answers, _: NaiveDate) -> Outcome {
    (value != HOME_COUNTRY)
        .then_some(())
        .ok_or(("visa.reason.citizen", Vec::new()))
}

fn qualification(value: &str, _: &Answers, _: NaiveDate) -> Outcome {
    (value == "yes")
        .then_some(())
        .ok_or(("visa.reason.qualification_documents", Vec::new()))
}

fn cohort_of_programme(value: &str, a: &Answers, _: NaiveDate) -> Outcome {
    let name = a.get("programme").map_or("", String::as_str);
    catalogue_data()
        .programmes
        .iter()
        .any(|p| p.name == name && p.cohorts.iter().any(|c| c.id == value))
        .then_some(())
        .ok_or(("inv.cohort_other_programme", Vec::new()))
}

const TEXT: Kind = Kind::text("text", "off", 100);

/// The passport's questions, the same for the person invited and for each family member.
macro_rules! passport_questions {
    () => {
        [
            Question::new("surname", "inv.surname", "inv.surname_empty", TEXT)
                .hint("inv.names_hint")
                .check(surname),
            Question::new(
                "given_names",
                "inv.given_names",
                "inv.given_names_empty",
                TEXT,
            )
            .check(given_names),
            Question::new("date_of_birth", "inv.birth", "inv.birth_empty", Kind::Date),
            Question::new(
                "sex",
                "inv.sex_question",
                "inv.sex_empty",
                Kind::Radios(SEX),
            ),
            Question::new(
                "citizenship",
                "inv.citizenship",
                "inv.citizenship_empty",
                Kind::Country,
            )
            .check(foreigner),
            Question::new(
                "passport_number",
                "inv.passport_number",
                "inv.passport_number_empty",
                TEXT,
            )
            .hint("inv.passport_number_hint")
            .check(passport_number),
            Question::new(
                "passport_issued",
                "inv.passport_issued",
                "inv.passport_issued_empty",
                Kind::Date,
            ),
            Question::new(
                "passport_expires",
                "inv.passport_expires",
                "inv.passport_expires_empty",
                Kind::Date,
            ),
        ]
    };
}

/// The route check on the start page.
pub static ROUTE: &[Question] = &[Question::new(
    "route",
    "inv.route_question",
    "inv.route_empty",
    Kind::Radios(ROUTES),
)];

pub static START: Step = Step {
    slug: "route",
    title: "invitations.title",
    lead: Some("inv.start_lead"),
    questions: ROUTE,
    when: None,
};

static PERSON: &[Question] = &passport_questions!();

static PROGRAMME: &[Question] = &[
    Question::new(
        "programme",
        "inv.programme",
        "inv.programme_empty",
        Kind::Select(PROGRAMMES),
    ),
    Question::new(
        "cohort",
        "inv.cohort",
        "inv.cohort_empty",
        Kind::Select(COHORTS),
    )
    .hint("inv.cohort_hint")
    .check(cohort_of_programme),
];

static EMPLOYMENT: &[Question] = &[
    Question::new(
        "employer",
        "inv.employer_question",
        "inv.employer_empty",
        Kind::Radios(EMPLOYERS),
    ),
    Question::new(
        "employer_bin",
        "inv.employer_bin",
        "inv.employer_bin_empty",
        Kind::text("text", "off", 20),
    )
    .hint("acc.bin_hint")
    .check(bin),
    Question::new("position", "inv.position", "inv.position_empty", TEXT),
    Question::new(
        "employment_from",
        "inv.employment_from",
        "inv.employment_from_empty",
        Kind::Date,
    ),
    Question::new(
        "employment_until",
        "inv.employment_until",
        "inv.employment_until_empty",
        Kind::Date,
    )
    .hint("inv.employment_until_hint"),
    Question::new(
        "qualification_documents",
        "inv.qualification",
        "inv.qualification_empty",
        Kind::YesNo,
    )
    .hint("inv.qualification_hint")
    .check(qualification),
    Question::new(
        "with_family",
        "inv.with_family",
        "inv.with_family_empty",
        Kind::YesNo,
    )
    .hint("inv.with_family_hint"),
];

static VISA: &[Question] = &[
    Question::new("entry_date", "inv.entry", "inv.entry_empty", Kind::Date).hint("inv.entry_hint"),
    Question::new(
        "stay_days",
        "inv.stay_days",
        "inv.stay_days_empty",
        Kind::Number { min: 1, max: 1826 },
    )
    .hint("inv.stay_days_hint"),
    Question::new(
        "valid_until",
        "inv.valid_until",
        "inv.valid_until_empty",
        Kind::Date,
    )
    .hint("inv.valid_until_hint"),
    Question::new(
        "collection",
        "inv.collection_question",
        "inv.collection_empty",
        Kind::Radios(PLACES),
    )
    .hint("inv.collection_hint")
    .when(|a| !is_extension(a)),
    Question::new(
        "consulate_city",
        "inv.consulate_city",
        "inv.consulate_city_empty",
        TEXT,
    )
    .sent_as("collection.city")
    .when(at_consulate),
    Question::new(
        "consulate_country",
        "inv.consulate_country",
        "inv.consulate_country_empty",
        TEXT,
    )
    .sent_as("collection.country")
    .when(at_consulate),
    Question::new("airport", "inv.airport", "inv.airport_empty", TEXT)
        .sent_as("collection.airport")
        .hint("inv.airport_hint")
        .when(at_airport),
    Question::new(
        "contact_email",
        "inv.contact_email",
        "inv.contact_email_empty",
        Kind::text("email", "email", MAX_TEXT),
    )
    .hint("inv.contact_email_hint")
    .check(email),
];

static STEPS: &[Step] = &[
    Step {
        slug: "person",
        title: "inv.person_title",
        lead: Some("inv.person_lead"),
        questions: PERSON,
        when: None,
    },
    Step {
        slug: "programme",
        title: "inv.programme_title",
        lead: None,
        questions: PROGRAMME,
        when: Some(is_trainee),
    },
    Step {
        slug: "employment",
        title: "inv.employment_title",
        lead: None,
        questions: EMPLOYMENT,
        when: Some(employed),
    },
    Step {
        slug: "visa",
        title: "inv.visa_title",
        lead: None,
        questions: VISA,
        when: None,
    },
    // The family is its own page (an "add another" list); listed here for Back and Continue.
    Step {
        slug: "family",
        title: "inv.family_title",
        lead: None,
        questions: &[],
        when: Some(with_family),
    },
];

pub static JOURNEY: Journey = Journey {
    base: "/invitations",
    steps: STEPS,
    end: "check",
};

/// The questions about one family member: the relationship, the passport, a dependant's
/// documents and a visa ending earlier than the employee's.
pub static MEMBER: &[Question] = &{
    let [s, g, b, x, c, n, i, e] = passport_questions!();
    [
        Question::new(
            "relationship",
            "inv.relationship_question",
            "inv.relationship_empty",
            Kind::Radios(RELATIONS),
        ),
        s,
        g,
        b,
        x,
        c,
        n,
        i,
        e,
        Question::new(
            "member_valid_until",
            "inv.member_valid_until",
            "",
            Kind::Date,
        )
        .hint("inv.member_valid_until_hint")
        .optional(),
    ]
};

/// "Given names Surname", as the list and the confirmation show a person.
pub fn person_name(m: &Answers) -> String {
    let get = |id: &str| m.get(id).map(|v| v.trim()).unwrap_or("");
    format!("{} {}", get("given_names"), get("surname"))
        .trim()
        .to_owned()
}

/// The family, kept in the draft as one answer holding a list.
pub fn family_of(a: &Answers) -> Vec<Answers> {
    items_of(a, "family")
}

fn date(a: &Answers, id: &str) -> Option<NaiveDate> {
    parse_date(a.get(id)?).ok()
}

/// Person `index` of the request (0 the person invited, then the family), from their answers
/// `a`; `sent` are the documents the request names.
fn person(
    a: &Answers,
    relationship: Relationship,
    index: usize,
    sent: &[Attachment],
) -> Option<Person> {
    let get = |id: &str| a.get(id).map(|v| v.trim().to_owned()).unwrap_or_default();
    Some(Person {
        // The machine readable zone is upper case; typed lower case is accepted (the names
        // are checked to be A to Z, so the ASCII case suffices).
        surname: get("surname").to_ascii_uppercase(),
        given_names: get("given_names").to_ascii_uppercase(),
        date_of_birth: date(a, "date_of_birth")?,
        sex: if get("sex") == "female" {
            Sex::Female
        } else {
            Sex::Male
        },
        citizenship: get("citizenship"),
        passport_number: get("passport_number"),
        passport_issued: date(a, "passport_issued")?,
        passport_expires: date(a, "passport_expires")?,
        relationship,
        // A dependant's documents (Art. 7-1(2)) are the file uploaded for them.
        supporting_document: sent
            .iter()
            .find(|d| d.kind == "dependency" && d.person == Some(index))
            .filter(|_| relationship == Relationship::Dependant)
            .map(|d| d.id.clone()),
        valid_until: date(a, "member_valid_until"),
    })
}

/// The programme's id from its name as asked.
pub fn programme_id(a: &Answers) -> String {
    let name = a.get("programme").map_or("", String::as_str);
    catalogue_data()
        .programmes
        .iter()
        .find(|p| p.name == name)
        .map(|p| p.id.clone())
        .unwrap_or_default()
}

/// The request as the service takes it; `None` while an answer is missing.
pub fn invitation(a: &Answers) -> Option<Invitation> {
    let get = |id: &str| a.get(id).map(|v| v.trim().to_owned()).unwrap_or_default();
    let sent = attachments_of(a);
    let mut people = vec![person(a, Relationship::Principal, 0, &sent)?];
    if with_family(a) {
        for (i, m) in family_of(a).iter().enumerate() {
            let relationship = match m.get("relationship").map(String::as_str) {
                Some("child") => Relationship::Child,
                Some("dependant") => Relationship::Dependant,
                _ => Relationship::Spouse,
            };
            people.push(person(m, relationship, i + 1, &sent)?);
        }
    }
    let (route, engagement) = match route(a) {
        "trainee" => (
            InvitationRoute::Trainee,
            Engagement::Programme {
                programme_id: programme_id(a),
                cohort_id: get("cohort"),
            },
        ),
        r => (
            if r == "extension" {
                InvitationRoute::Extension
            } else {
                InvitationRoute::Employee
            },
            Engagement::Employment {
                from: date(a, "employment_from")?,
                until: date(a, "employment_until")?,
            },
        ),
    };
    let collection = if at_airport(a) {
        Some(Collection::Airport {
            airport: get("airport"),
        })
    } else {
        at_consulate(a).then(|| Collection::Consulate {
            country: get("consulate_country"),
            city: get("consulate_city"),
        })
    };
    Some(Invitation {
        attachments: sent,
        route,
        people,
        employer_bin: employed(a).then(|| get("employer_bin")),
        position: employed(a).then(|| get("position")),
        engagement,
        entry_date: date(a, "entry_date")?,
        stay_days: u32::try_from(parse_number(&get("stay_days"))?).ok()?,
        collection,
        valid_until: date(a, "valid_until")?,
        contact_email: get("contact_email"),
        employer_is_fund: employed(a) && get("employer") == "fund",
        qualification_documents_held: employed(a) && is_yes(a, "qualification_documents"),
    })
}

/// The step where the field at `path` of the request is answered; `None` for the route, which
/// the start page asks. The person invited is the first of `people`, the family the others;
/// a field no question names is the programme's or the job's, by the route.
pub fn step_of(path: &str, trainee: bool) -> Option<&'static str> {
    Some(match path.split('.').collect::<Vec<_>>()[..] {
        ["people", "0", ..] => "person",
        ["people", ..] => "family",
        ["route"] => return None,
        _ => match JOURNEY.question_at(path) {
            Some((step, _)) => step.slug,
            None if trainee => "programme",
            None => "employment",
        },
    })
}

/// A trainee's request begun from an enrolment: the route, the person as the team list names
/// them, and the programme (by its name, as asked) and cohort they were enrolled in.
pub fn trainee_of(
    surname: &str,
    given_names: &str,
    citizenship: &str,
    programme_name: &str,
    cohort_id: &str,
) -> Answers {
    [
        ("route", "trainee"),
        ("surname", surname),
        ("given_names", given_names),
        ("citizenship", citizenship),
        ("programme", programme_name),
        ("cohort", cohort_id),
    ]
    .into_iter()
    .map(|(id, value)| (id.to_owned(), value.to_owned()))
    .collect()
}
