//! Acceleration programmes of the Fund (Law No. 207-V, Art. 8-1(5-1)) and housing for people
//! undergoing acceleration (Art. 8-1(5-8)), from the demo catalogue in `data/programmes.toml`.
//!
//! Cohort dates are kept as day offsets and made absolute by [`catalogue`] for a given date,
//! so the demo always has open, closed and full cohorts.

use crate::domain::decision::{Citation, Confidence, Decision, Reason, values};
use crate::domain::eligibility::ApplicantKind;
use crate::domain::params::{parse, reason};
use crate::json::{self, FromJson, Json, Members, ReadError};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectStage {
    Idea,
    Prototype,
    Mvp,
    Revenue,
    Scaling,
}

impl FromJson for ProjectStage {
    fn from_json(value: &Json) -> Result<ProjectStage, ReadError> {
        json::one_of(
            value,
            &[
                ("idea", ProjectStage::Idea),
                ("prototype", ProjectStage::Prototype),
                ("mvp", ProjectStage::Mvp),
                ("revenue", ProjectStage::Revenue),
                ("scaling", ProjectStage::Scaling),
            ],
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    ProjectManager,
    TechnicalLead,
    Developer,
    Designer,
    BusinessDeveloper,
}

impl Role {
    const ALL: [Role; 5] = [
        Role::ProjectManager,
        Role::TechnicalLead,
        Role::Developer,
        Role::Designer,
        Role::BusinessDeveloper,
    ];

    /// The role's name in the data, in the service's messages and in its message keys:
    /// "project_manager".
    fn name(self) -> &'static str {
        match self {
            Role::ProjectManager => "project_manager",
            Role::TechnicalLead => "technical_lead",
            Role::Developer => "developer",
            Role::Designer => "designer",
            Role::BusinessDeveloper => "business_developer",
        }
    }
}

impl FromJson for Role {
    fn from_json(value: &Json) -> Result<Role, ReadError> {
        json::one_of(value, &Role::ALL.map(|role| (role.name(), role)))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Online,
    Offline,
    Hybrid,
}

impl FromJson for Format {
    fn from_json(value: &Json) -> Result<Format, ReadError> {
        json::one_of(
            value,
            &[
                ("online", Format::Online),
                ("offline", Format::Offline),
                ("hybrid", Format::Hybrid),
            ],
        )
    }
}

/// A role the team must have; `full_time` when the person must work on the project full time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequiredRole {
    pub role: Role,
    pub full_time: bool,
}

impl FromJson for RequiredRole {
    fn from_json(value: &Json) -> Result<RequiredRole, ReadError> {
        let members = Members::of(value)?;
        Ok(RequiredRole {
            role: members.required("role")?,
            full_time: members.required("full_time")?,
        })
    }
}

/// Where a cohort stands on the as-of date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CohortStatus {
    NotYetOpen,
    Open,
    DeadlinePassed,
    Full,
}

/// A cohort with absolute dates. `ends` is the last day of the programme.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cohort {
    pub id: String,
    #[serde(with = "crate::iso_date")]
    pub opens: NaiveDate,
    #[serde(with = "crate::iso_date")]
    pub deadline: NaiveDate,
    #[serde(with = "crate::iso_date")]
    pub starts: NaiveDate,
    #[serde(with = "crate::iso_date")]
    pub ends: NaiveDate,
    pub seats: u32,
    pub seats_taken: u32,
    pub status: CohortStatus,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Programme {
    pub id: String,
    /// The programme's own name, the same in every language.
    pub name: String,
    /// Translation key of the description.
    pub description: String,
    pub applicant_kinds: Vec<ApplicantKind>,
    pub unincorporated_team_allowed: bool,
    pub stages: Vec<ProjectStage>,
    pub min_team_size: u32,
    pub required_roles: Vec<RequiredRole>,
    pub format: Format,
    /// Language codes: "kk", "ru", "en".
    pub languages: Vec<String>,
    /// Whether the Fund houses participants during the programme (Art. 8-1(5-8)).
    pub housing: bool,
    pub cohorts: Vec<Cohort>,
}

impl Programme {
    /// Whether the programme takes applications from this kind of applicant.
    pub fn accepts(&self, kind: ApplicantKind) -> bool {
        match kind {
            ApplicantKind::UnincorporatedTeam => self.unincorporated_team_allowed,
            kind => self.applicant_kinds.contains(&kind),
        }
    }
}

/// A cohort as written in the data file: days relative to the as-of date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CohortOffsets {
    pub id: String,
    pub opens: i64,
    pub deadline: i64,
    pub starts: i64,
    pub ends: i64,
    pub seats: u32,
    pub seats_taken: u32,
}

impl FromJson for CohortOffsets {
    fn from_json(value: &Json) -> Result<CohortOffsets, ReadError> {
        let members = Members::of(value)?;
        Ok(CohortOffsets {
            id: members.required("id")?,
            opens: members.required("opens")?,
            deadline: members.required("deadline")?,
            starts: members.required("starts")?,
            ends: members.required("ends")?,
            seats: members.required("seats")?,
            seats_taken: members.required("seats_taken")?,
        })
    }
}

/// A programme as written in the data file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProgrammeData {
    pub id: String,
    pub name: String,
    pub description: String,
    pub applicant_kinds: Vec<ApplicantKind>,
    pub unincorporated_team_allowed: bool,
    pub stages: Vec<ProjectStage>,
    pub min_team_size: u32,
    pub required_roles: Vec<RequiredRole>,
    pub format: Format,
    pub languages: Vec<String>,
    pub housing: bool,
    pub cohorts: Vec<CohortOffsets>,
}

impl FromJson for ProgrammeData {
    fn from_json(value: &Json) -> Result<ProgrammeData, ReadError> {
        let members = Members::of(value)?;
        Ok(ProgrammeData {
            id: members.required("id")?,
            name: members.required("name")?,
            description: members.required("description")?,
            applicant_kinds: members.required("applicant_kinds")?,
            unincorporated_team_allowed: members.required("unincorporated_team_allowed")?,
            stages: members.required("stages")?,
            min_team_size: members.required("min_team_size")?,
            required_roles: members.required("required_roles")?,
            format: members.required("format")?,
            languages: members.required("languages")?,
            housing: members.required("housing")?,
            cohorts: members.required("cohorts")?,
        })
    }
}

/// `data/programmes.toml`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CatalogueData {
    pub label: String,
    pub citation: Citation,
    pub confidence: Confidence,
    pub programmes: Vec<ProgrammeData>,
}

impl FromJson for CatalogueData {
    fn from_json(value: &Json) -> Result<CatalogueData, ReadError> {
        let members = Members::of(value)?;
        Ok(CatalogueData {
            label: members.required("label")?,
            citation: members.required("citation")?,
            confidence: members.required("confidence")?,
            programmes: members.required("programmes")?,
        })
    }
}

pub fn catalogue_data() -> &'static CatalogueData {
    static DATA: OnceLock<CatalogueData> = OnceLock::new();
    DATA.get_or_init(|| {
        parse(
            "programmes",
            include_str!(concat!(env!("OUT_DIR"), "/data/programmes.json")),
        )
    })
}

fn shift(as_of: NaiveDate, days: i64) -> NaiveDate {
    let n = Days::new(days.unsigned_abs());
    if days >= 0 {
        as_of.checked_add_days(n)
    } else {
        as_of.checked_sub_days(n)
    }
    .unwrap_or(as_of)
}

/// The programmes with cohort dates and status as on `as_of`.
pub fn catalogue(as_of: NaiveDate) -> Vec<Programme> {
    catalogue_data()
        .programmes
        .iter()
        .map(|p| Programme {
            id: p.id.clone(),
            name: p.name.clone(),
            description: p.description.clone(),
            applicant_kinds: p.applicant_kinds.clone(),
            unincorporated_team_allowed: p.unincorporated_team_allowed,
            stages: p.stages.clone(),
            min_team_size: p.min_team_size,
            required_roles: p.required_roles.clone(),
            format: p.format,
            languages: p.languages.clone(),
            housing: p.housing,
            cohorts: p
                .cohorts
                .iter()
                .map(|c| {
                    let mut cohort = Cohort {
                        id: c.id.clone(),
                        opens: shift(as_of, c.opens),
                        deadline: shift(as_of, c.deadline),
                        starts: shift(as_of, c.starts),
                        ends: shift(as_of, c.ends),
                        seats: c.seats,
                        seats_taken: c.seats_taken,
                        status: CohortStatus::Open,
                    };
                    cohort.status = cohort_status(&cohort, as_of);
                    cohort
                })
                .collect(),
        })
        .collect()
}

/// Full beats the dates: a full cohort takes no more applications whatever the day.
pub fn cohort_status(cohort: &Cohort, as_of: NaiveDate) -> CohortStatus {
    if cohort.seats_taken >= cohort.seats {
        CohortStatus::Full
    } else if as_of < cohort.opens {
        CohortStatus::NotYetOpen
    } else if as_of > cohort.deadline {
        CohortStatus::DeadlinePassed
    } else {
        CohortStatus::Open
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    pub role: Role,
    pub full_time: bool,
}

/// What an applicant tells us when asking to join a cohort.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EnrolmentApplication {
    pub applicant_kind: ApplicantKind,
    pub stage: ProjectStage,
    /// Key members of the team, the applicant included.
    pub team: Vec<TeamMember>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnrolmentOutcome {
    CanApply,
    CannotApply,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HousingOutcome {
    Available,
    /// Some night or the programme itself is outside what the portal reads as housed; the
    /// Fund decides.
    FundDecides,
}

/// A rule's reason, no surer than the catalogue it reads from.
fn catalogue_reason(rule_id: &str, key: &str, v: Vec<(String, String)>) -> Reason {
    let mut r = reason(rule_id, key, v);
    r.confidence = r.confidence.max(catalogue_data().confidence);
    r
}

/// Whether the application may be made to `cohort` of `programme` on `as_of`; each unmet
/// condition is a reason with its values.
pub fn check_enrolment(
    programme: &Programme,
    cohort: &Cohort,
    application: &EnrolmentApplication,
    as_of: NaiveDate,
) -> Decision<EnrolmentOutcome> {
    let mut failed = Vec::new();

    if !programme.accepts(application.applicant_kind) {
        let key = if application.applicant_kind == ApplicantKind::UnincorporatedTeam {
            "acceleration.reason.team_not_incorporated"
        } else {
            "acceleration.reason.applicant_kind"
        };
        failed.push(catalogue_reason(
            "acceleration.applicant_kind",
            key,
            values([("programme", programme.name.clone())]),
        ));
    }
    if !programme.stages.contains(&application.stage) {
        failed.push(catalogue_reason(
            "acceleration.stage",
            "acceleration.reason.stage",
            values([("programme", programme.name.clone())]),
        ));
    }
    let size = application.team.len();
    if size < programme.min_team_size as usize {
        failed.push(catalogue_reason(
            "acceleration.team",
            "acceleration.reason.team_size",
            values([
                ("size", size.to_string()),
                ("minimum", programme.min_team_size.to_string()),
            ]),
        ));
    }
    for required in &programme.required_roles {
        let present = application
            .team
            .iter()
            .any(|m| m.role == required.role && (m.full_time || !required.full_time));
        if !present {
            // One message per role, so that each language names the role in its own words.
            let kind = if required.full_time {
                "needs_full_time"
            } else {
                "needs"
            };
            let key = format!("acceleration.{kind}.{}", required.role.name());
            failed.push(catalogue_reason("acceleration.team", &key, Vec::new()));
        }
    }
    // Whether the service takes applications for the cohort is its own state, not a reading
    // of the catalogue's uncertain conditions: a format check.
    let dates = |key: &str, date: NaiveDate| {
        reason(
            "acceleration.cohort_open",
            key,
            values([("date", date.to_string())]),
        )
    };
    match cohort_status(cohort, as_of) {
        CohortStatus::Open => {}
        CohortStatus::NotYetOpen => {
            failed.push(dates("acceleration.reason.not_yet_open", cohort.opens))
        }
        CohortStatus::DeadlinePassed => failed.push(dates(
            "acceleration.reason.deadline_passed",
            cohort.deadline,
        )),
        CohortStatus::Full => failed.push(reason(
            "acceleration.cohort_open",
            "acceleration.reason.full",
            values([("seats", cohort.seats.to_string())]),
        )),
    }

    let mut reasons = vec![reason(
        "acceleration.programmes",
        "acceleration.reason.programmes",
        Vec::new(),
    )];
    reasons.extend(failed.into_iter().map(Reason::unmet));
    let decision = Decision::new(EnrolmentOutcome::CanApply, reasons);
    if decision.refused() {
        return Decision {
            outcome: EnrolmentOutcome::CannotApply,
            ..decision
        };
    }
    let mut reasons = decision.reasons;
    reasons.push(dates("acceleration.reason.can_apply", cohort.deadline));
    Decision::new(EnrolmentOutcome::CanApply, reasons)
}

/// Whether housing can be given for the requested nights. The Law says only that the Fund
/// houses individuals undergoing acceleration under its operating rules (Art. 8-1(5-8)), so
/// every condition here is an uncertain reading that warns. A night is named by the date of its
/// evening; it lies inside the cohort when both that evening and the next morning are programme
/// days, that is `starts <= night < ends`.
pub fn check_housing(
    programme: &Programme,
    cohort: &Cohort,
    nights: &[NaiveDate],
) -> Decision<HousingOutcome> {
    let mut unmet = Vec::new();
    if !programme.housing {
        unmet.push(catalogue_reason(
            "acceleration.housing.nights",
            "acceleration.reason.no_housing",
            values([("programme", programme.name.clone())]),
        ));
    }
    if nights.is_empty() {
        unmet.push(reason(
            "acceleration.housing.nights",
            "acceleration.reason.no_nights",
            Vec::new(),
        ));
    }
    for night in nights {
        if *night < cohort.starts || *night >= cohort.ends {
            unmet.push(reason(
                "acceleration.housing.nights",
                "acceleration.reason.night_outside",
                values([
                    ("night", night.to_string()),
                    ("starts", cohort.starts.to_string()),
                    ("ends", cohort.ends.to_string()),
                ]),
            ));
        }
    }
    let mut reasons = vec![reason(
        "acceleration.housing",
        "acceleration.reason.housing_available",
        values([("nights", nights.len().to_string())]),
    )];
    let outcome = if unmet.is_empty() {
        HousingOutcome::Available
    } else {
        HousingOutcome::FundDecides
    };
    reasons.extend(unmet.into_iter().map(Reason::unmet));
    Decision::new(outcome, reasons)
}
