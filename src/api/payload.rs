//! The bodies of the submissions, and the checks the service makes on them (a request for
//! inclusion in the Fund's list has its own module, `list_request.rs`).
//!
//! The interface validates before it submits; the service checks again, because any client may
//! call it. [`ParticipantApplication::check`] and the others are those service-side checks,
//! answered as [`FieldError`]s (a 422 problem): the field checks declared on the types (lengths
//! from [`super::limits`], shapes, identification numbers: [`super::validate`]), then those
//! that need the date of the day or several fields.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationErrors};

use super::documents::Attachment;
use super::problem::FieldError;
use super::validate::{
    MAX_ITEMS, MAX_LONG_TEXT, MAX_TEXT, applicant_bin_number, bin_number, email_address,
    iin_number, in_body_order, phone_number, required, short_items, some_items, validated,
};
use crate::domain::{
    acceleration::{CohortStatus, Programme, Role, catalogue},
    contact::normalise_email,
    decision::Reason,
    eligibility::{Route, activity_data},
    visa::{self, InvitationOutcome, InvitationRequest, Relation, VisaRoute, check_invitation},
};

/// `GET /v1/catalogue`: the programmes with their cohorts as on `as_of`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Catalogue {
    #[serde(with = "crate::iso_date")]
    pub as_of: NaiveDate,
    pub programmes: Vec<Programme>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Validate)]
pub struct Organisation {
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"), custom(function = required))]
    pub name: String,
    /// 12 digits (spaces allowed: they are ignored).
    #[validate(
        length(max = MAX_TEXT, code = "api.field.too_long"),
        custom(function = applicant_bin_number)
    )]
    pub bin: String,
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"), custom(function = required))]
    pub legal_form: String,
    #[serde(with = "crate::iso_date")]
    pub registration_date: NaiveDate,
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"), custom(function = required))]
    pub registered_address: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"))]
    pub website: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Validate)]
pub struct Contact {
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"), custom(function = required))]
    pub name: String,
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"), custom(function = required))]
    pub position: String,
    #[validate(
        length(max = MAX_TEXT, code = "api.field.too_long"),
        custom(function = email_address)
    )]
    pub email: String,
    #[validate(
        length(max = MAX_TEXT, code = "api.field.too_long"),
        custom(function = phone_number)
    )]
    pub phone: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Validate)]
pub struct Project {
    #[validate(length(max = MAX_LONG_TEXT, code = "api.field.too_long"), custom(function = required))]
    pub description: String,
    #[validate(length(max = MAX_LONG_TEXT, code = "api.field.too_long"), custom(function = required))]
    pub business_plan_summary: String,
}

/// What the applicant declares; each must be true to submit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Declarations {
    /// The information given is true and complete.
    pub information_true: bool,
    /// Income comes only from priority activities, under the general tax regime.
    pub conditions_met: bool,
    /// Consent to the processing of personal data.
    pub data_processing: bool,
}

/// `POST /v1/applications`: participant status (Law No. 207-V, Art. 7(2)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Validate)]
pub struct ParticipantApplication {
    #[validate(nested)]
    pub organisation: Organisation,
    #[validate(nested)]
    pub contact: Contact,
    /// Ids of priority activities (`data/activities.toml`).
    #[validate(
        length(max = MAX_ITEMS, code = "api.field.too_many"),
        custom(function = some_items),
        custom(function = short_items)
    )]
    pub activities: Vec<String>,
    /// Total income of `income_year`, in tiyn.
    #[validate(range(min = 0, code = "api.field.negative"))]
    pub income_tiyn: i64,
    pub income_year: i32,
    pub headcount: u32,
    pub foreign_specialists: u32,
    #[validate(nested)]
    pub project: Project,
    /// Ids of the documents the applicant will provide.
    #[validate(
        length(max = MAX_ITEMS, code = "api.field.too_many"),
        custom(function = short_items)
    )]
    pub documents: Vec<String>,
    pub declarations: Declarations,
    pub route: Route,
    /// The uploaded documents the submission names (`POST /v1/documents`); the service checks
    /// that it holds each and that the journey's required documents are there.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[validate(length(max = MAX_ITEMS, code = "api.field.too_many"), nested)]
    pub attachments: Vec<Attachment>,
}

/// Who enrols, in the catalogue's terms: a legal entity by its BIN (`participant`, the kind's
/// name from when only legal entities enrolled), an individual or an individual entrepreneur by
/// their IIN, or a team not yet incorporated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Applicant {
    Participant {
        bin: String,
    },
    Individual {
        iin: String,
        name: String,
        contact_email: String,
    },
    IndividualEntrepreneur {
        iin: String,
        name: String,
        contact_email: String,
    },
    Team {
        name: String,
        contact_email: String,
    },
}

/// The fields of an [`Applicant`] of any kind, for their checks: the derive does not reach an
/// enum's variants.
#[derive(Validate)]
struct ApplicantFields<'a> {
    #[validate(
        length(max = MAX_TEXT, code = "api.field.too_long"),
        custom(function = applicant_bin_number)
    )]
    bin: Option<&'a String>,
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"), custom(function = iin_number))]
    iin: Option<&'a String>,
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"), custom(function = required))]
    name: Option<&'a String>,
    #[validate(
        length(max = MAX_TEXT, code = "api.field.too_long"),
        custom(function = email_address)
    )]
    contact_email: Option<&'a String>,
}

impl Validate for Applicant {
    fn validate(&self) -> Result<(), ValidationErrors> {
        let fields = match self {
            Applicant::Participant { bin } => ApplicantFields {
                bin: Some(bin),
                iin: None,
                name: None,
                contact_email: None,
            },
            Applicant::Individual {
                iin,
                name,
                contact_email,
            }
            | Applicant::IndividualEntrepreneur {
                iin,
                name,
                contact_email,
            } => ApplicantFields {
                bin: None,
                iin: Some(iin),
                name: Some(name),
                contact_email: Some(contact_email),
            },
            Applicant::Team {
                name,
                contact_email,
            } => ApplicantFields {
                bin: None,
                iin: None,
                name: Some(name),
                contact_email: Some(contact_email),
            },
        };
        fields.validate()
    }
}

/// The nights a person is housed; a night is named by its evening.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Nights {
    #[serde(with = "crate::iso_date")]
    pub first_night: NaiveDate,
    #[serde(with = "crate::iso_date")]
    pub last_night: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Validate)]
pub struct TeamMember {
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"), custom(function = required))]
    pub name: String,
    pub role: Role,
    #[validate(
        length(max = MAX_TEXT, code = "api.field.too_long"),
        custom(function = email_address)
    )]
    pub email: String,
    /// ISO 3166-1 alpha-2.
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"))]
    pub citizenship: String,
    /// A team's members who are citizens of Kazakhstan give their IIN; foreigners have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"), custom(function = iin_number))]
    pub iin: Option<String>,
    pub key_member: bool,
    pub full_time_pm: bool,
    pub needs_housing: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub housing: Option<Nights>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = MAX_LONG_TEXT, code = "api.field.too_long"))]
    pub access_needs: Option<String>,
}

/// `POST /v1/enrolments`: a place in a cohort (Art. 8-1(5-1), housing (5-8)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Validate)]
pub struct Enrolment {
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"))]
    pub programme_id: String,
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"))]
    pub cohort_id: String,
    #[validate(nested)]
    pub applicant: Applicant,
    #[validate(
        length(max = MAX_LONG_TEXT, code = "api.field.too_long"),
        custom(function = required)
    )]
    pub project_summary: String,
    #[validate(
        length(max = MAX_ITEMS, code = "api.field.too_many"),
        custom(function = some_items),
        nested
    )]
    pub team: Vec<TeamMember>,
    /// The uploaded documents the submission names (`POST /v1/documents`); the service checks
    /// that it holds each and that the journey's required documents are there.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[validate(length(max = MAX_ITEMS, code = "api.field.too_many"), nested)]
    pub attachments: Vec<Attachment>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvitationRoute {
    /// Training under a Fund programme (Art. 8-1(5-5)).
    Trainee,
    /// Employee of an Astana Hub actor or of the Fund (Art. 7-1(2)).
    Employee,
    /// Extension without leaving Kazakhstan (Art. 7-1(5)).
    Extension,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Female,
    Male,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    #[serde(rename = "self")]
    Principal,
    Spouse,
    Child,
    Dependant,
}

/// A person to invite; names in Latin letters as in the passport's machine readable zone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Validate)]
pub struct Person {
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"), custom(function = required))]
    pub surname: String,
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"), custom(function = required))]
    pub given_names: String,
    #[serde(with = "crate::iso_date")]
    pub date_of_birth: NaiveDate,
    pub sex: Sex,
    /// ISO 3166-1 alpha-2.
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"))]
    pub citizenship: String,
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"), custom(function = required))]
    pub passport_number: String,
    #[serde(with = "crate::iso_date")]
    pub passport_issued: NaiveDate,
    #[serde(with = "crate::iso_date")]
    pub passport_expires: NaiveDate,
    pub relationship: Relationship,
    /// Id of the document proving a dependant's or family member's tie, when one is needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"))]
    pub supporting_document: Option<String>,
    /// A family member's own last visa day, when it ends before the request's `valid_until`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::iso_date::option"
    )]
    pub valid_until: Option<NaiveDate>,
}

/// Why the people come: a job, or a programme of the Fund.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Engagement {
    Employment {
        #[serde(with = "crate::iso_date")]
        from: NaiveDate,
        #[serde(with = "crate::iso_date")]
        until: NaiveDate,
    },
    Programme {
        programme_id: String,
        cohort_id: String,
    },
}

/// The texts of an [`Engagement`], for their checks.
#[derive(Validate)]
struct EngagementFields<'a> {
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"))]
    programme_id: Option<&'a String>,
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"))]
    cohort_id: Option<&'a String>,
}

impl Validate for Engagement {
    fn validate(&self) -> Result<(), ValidationErrors> {
        match self {
            Engagement::Employment { .. } => Ok(()),
            Engagement::Programme {
                programme_id,
                cohort_id,
            } => EngagementFields {
                programme_id: Some(programme_id),
                cohort_id: Some(cohort_id),
            }
            .validate(),
        }
    }
}

/// Where the visa is collected (Art. 7-1(1)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "place", rename_all = "snake_case")]
pub enum Collection {
    Consulate { country: String, city: String },
    Airport { airport: String },
}

/// The texts of a [`Collection`], for their checks.
#[derive(Validate)]
struct CollectionFields<'a> {
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"), custom(function = required))]
    country: Option<&'a String>,
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"), custom(function = required))]
    city: Option<&'a String>,
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"), custom(function = required))]
    airport: Option<&'a String>,
}

impl Validate for Collection {
    fn validate(&self) -> Result<(), ValidationErrors> {
        let fields = match self {
            Collection::Consulate { country, city } => CollectionFields {
                country: Some(country),
                city: Some(city),
                airport: None,
            },
            Collection::Airport { airport } => CollectionFields {
                country: None,
                city: None,
                airport: Some(airport),
            },
        };
        fields.validate()
    }
}

/// `POST /v1/invitations`: a visa invitation (Art. 7-1, Art. 8-1(5-5)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Validate)]
pub struct Invitation {
    pub route: InvitationRoute,
    #[validate(
        length(max = MAX_ITEMS, code = "api.field.too_many"),
        custom(function = some_items),
        nested
    )]
    pub people: Vec<Person>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"), custom(function = bin_number))]
    pub employer_bin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"))]
    pub position: Option<String>,
    #[validate(nested)]
    pub engagement: Engagement,
    #[serde(with = "crate::iso_date")]
    pub entry_date: NaiveDate,
    pub stay_days: u32,
    /// Absent for an extension, which is granted without leaving Kazakhstan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(nested)]
    pub collection: Option<Collection>,
    /// Last day the requested visa is valid.
    #[serde(with = "crate::iso_date")]
    pub valid_until: NaiveDate,
    /// Where the Fund writes back; the second factor when there is no employer BIN.
    #[validate(
        length(max = MAX_TEXT, code = "api.field.too_long"),
        custom(function = email_address)
    )]
    pub contact_email: String,
    /// The employer is the Fund itself (Art. 7-1(1)), not an Astana Hub actor.
    #[serde(default)]
    pub employer_is_fund: bool,
    /// The employer holds documents certifying the employee's qualifications (Art. 7-1(4)).
    #[serde(default)]
    pub qualification_documents_held: bool,
    /// The uploaded documents the submission names (`POST /v1/documents`); the service checks
    /// that it holds each and that the journey's required documents are there.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[validate(length(max = MAX_ITEMS, code = "api.field.too_many"), nested)]
    pub attachments: Vec<Attachment>,
}

/// The digits of a BIN or an IIN, spaces removed: how both are compared and stored.
pub fn normalise_bin(bin: &str) -> String {
    bin.chars().filter(|c| !c.is_whitespace()).collect()
}

impl ParticipantApplication {
    /// The service-side checks, on the date the application arrives.
    pub fn check(&self, today: NaiveDate) -> Vec<FieldError> {
        let mut errors = validated(self);
        if self.organisation.registration_date > today {
            errors.push(FieldError::new(
                "organisation.registration_date",
                "api.field.future_date",
            ));
        }
        let priority = activity_data().priority.at(today);
        for (i, id) in self.activities.iter().enumerate() {
            if !priority.is_some_and(|list| list.contains(id)) {
                errors.push(FieldError::new(
                    format!("activities.{i}"),
                    "api.field.unknown_activity",
                ));
            }
        }
        let d = &self.declarations;
        for (ok, path) in [
            (d.information_true, "declarations.information_true"),
            (d.conditions_met, "declarations.conditions_met"),
            (d.data_processing, "declarations.data_processing"),
        ] {
            if !ok {
                errors.push(FieldError::new(path, "api.field.declaration"));
            }
        }
        in_body_order(self, errors)
    }

    /// The BIN: what the status lookup asks for besides the reference.
    pub fn second_factor(&self) -> String {
        normalise_bin(&self.organisation.bin)
    }
}

impl Enrolment {
    /// The service-side checks. Whether the cohort exists and is open depends on the catalogue
    /// of the day: [`Enrolment::check_cohort`].
    pub fn check(&self) -> Vec<FieldError> {
        let mut errors = validated(self);
        for (i, member) in self.team.iter().enumerate() {
            if let Some(nights) = &member.housing
                && nights.last_night < nights.first_night
            {
                errors.push(FieldError::new(
                    format!("team.{i}.housing.last_night"),
                    "api.field.date_order",
                ));
            }
        }
        in_body_order(self, errors)
    }

    /// The cohort must exist in the catalogue of `today` and take applications, from this kind
    /// of applicant.
    pub fn check_cohort(&self, today: NaiveDate) -> Option<FieldError> {
        let programmes = catalogue(today);
        let Some(programme) = programmes.iter().find(|p| p.id == self.programme_id) else {
            return Some(FieldError::new(
                "programme_id",
                "api.field.unknown_programme",
            ));
        };
        // The cohort's being open is the service's own state (a format check). Whom the
        // programme takes is the catalogue's uncertain condition: it warns on check your
        // answers, never refuses here (`acceleration.applicant_kind`).
        match programme.cohorts.iter().find(|c| c.id == self.cohort_id) {
            Some(c) if c.status == CohortStatus::Open => None,
            _ => Some(FieldError::new("cohort_id", "api.field.cohort_closed")),
        }
    }

    /// The legal entity's BIN, the person's IIN, or the team's contact email.
    pub fn second_factor(&self) -> String {
        self.second_factor_with(normalise_email)
    }

    /// [`Enrolment::second_factor`] with the email written by `email`: the mock keeps it as
    /// given (see [`second_factor_matches`]).
    pub fn second_factor_with(&self, email: fn(&str) -> String) -> String {
        match &self.applicant {
            Applicant::Participant { bin } => normalise_bin(bin),
            Applicant::Individual { iin, .. } | Applicant::IndividualEntrepreneur { iin, .. } => {
                normalise_bin(iin)
            }
            Applicant::Team { contact_email, .. } => email(contact_email),
        }
    }
}

impl Invitation {
    /// The service-side checks on the date the request arrives: the shape of the body, then
    /// the visa rules of [`crate::domain::visa`], each refusal on the field it concerns.
    pub fn check(&self, today: NaiveDate) -> Vec<FieldError> {
        let mut errors = validated(self);
        if self.employer_bin.is_none() && self.route != InvitationRoute::Trainee {
            errors.push(FieldError::new("employer_bin", "api.field.required"));
        }
        for (i, p) in self.people.iter().enumerate() {
            if p.passport_expires <= p.passport_issued {
                errors.push(FieldError::new(
                    format!("people.{i}.passport_expires"),
                    "api.field.date_order",
                ));
            }
            // The person invited first, then the family.
            if (i == 0) != (p.relationship == Relationship::Principal) {
                errors.push(FieldError::new(
                    format!("people.{i}.relationship"),
                    "api.field.relationship",
                ));
            }
        }
        if self.valid_until < self.entry_date {
            errors.push(FieldError::new("valid_until", "api.field.date_order"));
        }
        if self.collection.is_none() && self.route != InvitationRoute::Extension {
            errors.push(FieldError::new("collection", "api.field.required"));
        }
        let errors = in_body_order(self, errors);
        if !errors.is_empty() {
            return errors;
        }
        match self.request(today) {
            Err(e) => vec![e],
            Ok(request) => match check_invitation(&request, today) {
                Err(_) => vec![FieldError::new("entry_date", "api.field.beyond_calendar")],
                Ok(d) if d.outcome == InvitationOutcome::CanFile => Vec::new(),
                Ok(d) => refusals(&d.reasons),
            },
        }
    }

    /// What the visa rules look at. The programme's dates come from the catalogue of `today`.
    pub fn request(&self, today: NaiveDate) -> Result<InvitationRequest, FieldError> {
        let (start, end) = match &self.engagement {
            Engagement::Employment { from, until } => (*from, *until),
            Engagement::Programme {
                programme_id,
                cohort_id,
            } => {
                let cohort = catalogue(today)
                    .into_iter()
                    .find(|p| &p.id == programme_id)
                    .and_then(|p| p.cohorts.into_iter().find(|c| &c.id == cohort_id))
                    .ok_or_else(|| {
                        FieldError::new("engagement.cohort_id", "api.field.unknown_programme")
                    })?;
                (cohort.starts, cohort.ends)
            }
        };
        let person = |p: &Person| visa::Person {
            surname: p.surname.clone(),
            given_names: p.given_names.clone(),
            date_of_birth: p.date_of_birth,
            citizenship: p.citizenship.clone(),
            passport_number: p.passport_number.clone(),
            passport_issued: p.passport_issued,
            passport_expiry: p.passport_expires,
        };
        let principal = self
            .people
            .first()
            .ok_or_else(|| FieldError::new("people", "api.field.required"))?;
        let family = self.people[1..]
            .iter()
            .map(|p| visa::FamilyMember {
                relation: match p.relationship {
                    Relationship::Child => Relation::Child,
                    Relationship::Dependant => Relation::Dependant,
                    _ => Relation::Spouse,
                },
                person: person(p),
                supporting_document: p
                    .supporting_document
                    .as_deref()
                    .is_some_and(|d| !d.trim().is_empty()),
                visa_end: p.valid_until.unwrap_or(self.valid_until),
            })
            .collect();
        Ok(InvitationRequest {
            route: match (self.route, self.employer_is_fund) {
                (InvitationRoute::Trainee, _) => VisaRoute::Trainee,
                (_, true) => VisaRoute::FundEmployee,
                (_, false) => VisaRoute::ActorEmployee,
            },
            person: person(principal),
            entry_date: self.entry_date,
            stay_days: self.stay_days,
            visa_end: self.valid_until,
            engagement_start: start,
            engagement_end: end,
            qualification_documents_held: self.qualification_documents_held,
            extension: self.route == InvitationRoute::Extension,
            collection: match self.collection {
                Some(Collection::Airport { .. }) => visa::Collection::Airport,
                _ => visa::Collection::Consulate,
            },
            family,
        })
    }

    /// The employer's BIN when there is one, else the contact email.
    pub fn second_factor(&self) -> String {
        self.second_factor_with(normalise_email)
    }

    /// [`Invitation::second_factor`] with the email written by `email`: the mock keeps it as
    /// given (see [`second_factor_matches`]).
    pub fn second_factor_with(&self, email: fn(&str) -> String) -> String {
        match &self.employer_bin {
            Some(bin) => normalise_bin(bin),
            None => email(&self.contact_email),
        }
    }
}

/// The visa rules' refusals as field errors, each on the field it concerns. Warnings are
/// not refusals: the service takes the request and the Fund decides.
fn refusals(reasons: &[Reason]) -> Vec<FieldError> {
    reasons
        .iter()
        .filter(|r| r.refuses())
        .map(|r| FieldError::new(refused_field(r), &r.message_key))
        .collect()
}

/// The path of the field a refusal of [`check_invitation`] concerns (family member n is
/// `people.n`).
pub fn refused_field(r: &Reason) -> String {
    let name = r.message_key.rsplit('.').next().unwrap_or_default();
    let member = r
        .values
        .iter()
        .find(|(k, _)| k == "member")
        .map_or("0", |(_, v)| v.as_str());
    let person_field = match name {
        n if n.starts_with("surname") => "surname",
        n if n.starts_with("given_names") => "given_names",
        "passport_margin" => "passport_expires",
        "passport_number" => "passport_number",
        "passport_dates" => "passport_issued",
        "citizen" | "citizenship_unknown" => "citizenship",
        "child_age" => "date_of_birth",
        "dependant_document" => "supporting_document",
        "family_beyond_employee" => "valid_until",
        "no_family" => "relationship",
        other => {
            return match other {
                "max_years" | "beyond_engagement" | "end_before_entry" => "valid_until",
                "engagement_order" => "engagement.until",
                "stay_beyond_visa" => "stay_days",
                "too_early" | "too_late" => "entry_date",
                "airport_fund_only" => "collection",
                "qualification_documents" => "qualification_documents_held",
                _ => "route",
            }
            .to_owned();
        }
    };
    format!("people.{member}.{person_field}")
}

/// Whether what a person typed as second factor matches the stored one: a BIN or an IIN with
/// or without spaces, an email in any case.
///
/// A stored email is compared in any case too: the service stores it lower-cased, the mock as
/// given, so that lower-casing (which brings Unicode's case tables, some 9 KB) is on the status
/// page only and not on the first page of the journeys that submit an email.
pub fn second_factor_matches(stored: &str, given: &str) -> bool {
    let (stored, given) = if stored.contains('@') {
        (normalise_email(stored), normalise_email(given))
    } else {
        (stored.to_owned(), normalise_bin(given))
    };
    !given.is_empty() && given == stored
}
