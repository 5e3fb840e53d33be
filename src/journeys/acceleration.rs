//! The enrolment as data: its steps and questions, the team members' questions, and the
//! answers turned into what the rules and the service take.

use chrono::NaiveDate;

use serde::{Serialize, de::DeserializeOwned};

use super::{
    Answers, Choices, Journey, Kind, Question, Step, attachments_of,
    checks::{applicant_bin, email, iin},
    chosen, is_yes, items_of, parse_date,
};
use crate::{
    api::limits::MAX_TEXT,
    api::{Applicant, Enrolment, Nights, TeamMember},
    domain::{
        acceleration::{self, EnrolmentApplication, ProjectStage, Role},
        countries,
        eligibility::ApplicantKind,
    },
    i18n::Lang,
};

pub const STAGES: Choices = Choices {
    values: || vec!["idea", "prototype", "mvp", "revenue", "scaling"],
    prefix: "acc.stage.",
    label: None,
};

/// The kinds of applicant, by the catalogue's ids.
pub const KINDS: [&str; 4] = [
    "legal_entity",
    "individual_entrepreneur",
    "individual",
    "unincorporated_team",
];

const WHO: Choices = Choices {
    values: || KINDS.to_vec(),
    prefix: "acc.who_opt.",
    label: None,
};

const ROLES: Choices = Choices {
    values: || {
        vec![
            "project_manager",
            "technical_lead",
            "developer",
            "designer",
            "business_developer",
        ]
    },
    prefix: "acceleration.role.",
    label: None,
};

/// The id the contract uses for a value of the domain ("project_manager").
pub fn id_of<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A value of the domain from its id.
pub fn from_id<T: DeserializeOwned>(id: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(id.to_owned())).ok()
}

/// The kinds of applicant the chosen programme takes, noted when the cohort was chosen from
/// the catalogue (`applicant_kinds`, and `team_allowed` for teams not yet a company). A draft
/// noted before individuals could enrol names no kinds: it was a legal entity's.
fn offered_kinds(a: &Answers) -> Vec<&'static str> {
    let listed: Vec<&str> = a
        .get("applicant_kinds")
        .map_or_else(|| vec!["legal_entity"], |v| chosen(v).collect());
    KINDS
        .into_iter()
        .filter(|k| match *k {
            "unincorporated_team" => is_yes(a, "team_allowed"),
            k => listed.contains(&k),
        })
        .collect()
}

/// Who applies: the one kind the programme takes, or the one chosen among several.
fn applicant_kind(a: &Answers) -> Option<ApplicantKind> {
    let offered = offered_kinds(a);
    let id = match offered[..] {
        [only] => only,
        _ => a.get("applicant_kind")?.as_str(),
    };
    offered.contains(&id).then(|| from_id(id)).flatten()
}

fn is_kind(a: &Answers, kinds: &[ApplicantKind]) -> bool {
    applicant_kind(a).is_some_and(|k| kinds.contains(&k))
}

fn is_legal_entity(a: &Answers) -> bool {
    is_kind(a, &[ApplicantKind::LegalEntity])
}

/// An individual, or an individual entrepreneur: a person, known by their IIN.
fn is_person(a: &Answers) -> bool {
    is_kind(
        a,
        &[
            ApplicantKind::Individual,
            ApplicantKind::IndividualEntrepreneur,
        ],
    )
}

fn is_team(a: &Answers) -> bool {
    is_kind(a, &[ApplicantKind::UnincorporatedTeam])
}

const CONTACT_EMAIL: Question = Question::new(
    "contact_email",
    "acc.contact_email",
    "acc.contact_email_empty",
    Kind::text("email", "email", MAX_TEXT),
)
.check(email);

static APPLICANT: &[Question] = &[
    Question::new(
        "applicant_kind",
        "acc.who",
        "acc.who_empty",
        Kind::Radios(WHO),
    )
    .offered(offered_kinds)
    .when(|a| offered_kinds(a).len() > 1),
    Question::new(
        "bin",
        "acc.bin",
        "acc.bin_empty",
        Kind::text("text", "off", 20),
    )
    .hint("acc.bin_hint")
    .check(applicant_bin)
    .when(is_legal_entity),
    Question::new(
        "iin",
        "acc.iin",
        "acc.iin_empty",
        Kind::text("text", "off", 20),
    )
    .hint("acc.iin_hint")
    .check(iin)
    .when(is_person),
    Question::new(
        "full_name",
        "acc.full_name",
        "acc.full_name_empty",
        Kind::text("text", "name", MAX_TEXT),
    )
    .hint("acc.full_name_hint")
    .when(is_person),
    // A person follows the enrolment with their IIN; the address is only for writing to them.
    CONTACT_EMAIL.hint("acc.person_email_hint").when(is_person),
    Question::new(
        "team_name",
        "acc.team_name",
        "acc.team_name_empty",
        Kind::text("text", "off", MAX_TEXT),
    )
    .when(is_team),
    CONTACT_EMAIL.hint("acc.contact_email_hint").when(is_team),
];

static PROJECT: &[Question] = &[
    Question::new(
        "stage",
        "acc.project_stage",
        "acc.stage_empty",
        Kind::Radios(STAGES),
    ),
    Question::new(
        "project_summary",
        "acc.summary",
        "acc.summary_empty",
        Kind::Long { max: 1500 },
    )
    .hint("acc.summary_hint"),
];

static STEPS: &[Step] = &[
    Step {
        slug: "applicant",
        title: "acc.applicant_title",
        lead: Some("acc.applicant_lead"),
        questions: APPLICANT,
        when: None,
    },
    Step {
        slug: "project",
        title: "acc.project_title",
        lead: None,
        questions: PROJECT,
        when: None,
    },
    // The team is its own page (an "add another" list); listed here for Back and Continue.
    Step {
        slug: "team",
        title: "acc.team_title",
        lead: None,
        questions: &[],
        when: None,
    },
];

pub static JOURNEY: Journey = Journey {
    base: "/acceleration",
    steps: STEPS,
    end: "check",
};

const GIVEN: Question = Question::new(
    "given_names",
    "acc.given_names",
    "acc.given_names_empty",
    Kind::text("text", "off", 100),
)
.hint("acc.names_hint");
const SURNAME: Question = Question::new(
    "surname",
    "acc.surname",
    "acc.surname_empty",
    Kind::text("text", "off", 100),
);
const EMAIL: Question = Question::new(
    "email",
    "acc.email",
    "acc.email_empty",
    Kind::text("email", "off", MAX_TEXT),
)
.check(email);
const CITIZENSHIP: Question = Question::new(
    "citizenship",
    "acc.citizenship",
    "acc.citizenship_empty",
    Kind::Country,
)
.hint("acc.citizenship_hint");
const ROLE: Question = Question::new("role", "acc.role", "acc.role_empty", Kind::Radios(ROLES));
const KEY: Question = Question::new(
    "key_member",
    "acc.key_member",
    "acc.key_member_empty",
    Kind::YesNo,
)
.hint("acc.key_member_hint");
const FULL_TIME: Question = Question::new(
    "full_time",
    "acc.full_time",
    "acc.full_time_empty",
    Kind::YesNo,
);

fn housed(a: &Answers) -> bool {
    is_yes(a, "needs_housing")
}

/// A team's member who is a citizen of Kazakhstan gives their IIN; a foreigner has none.
const MEMBER_IIN: Question = Question::new(
    "iin",
    "acc.iin",
    "acc.member_iin_empty",
    Kind::text("text", "off", 20),
)
.hint("acc.member_iin_hint")
.check(iin)
.when(|m| {
    m.get("citizenship")
        .is_some_and(|c| c == countries::HOME_COUNTRY)
});

/// Housing (Art. 8-1(5-8)), asked when the programme offers it.
const NEEDS_HOUSING: Question = Question::new(
    "needs_housing",
    "acc.needs_housing",
    "acc.needs_housing_empty",
    Kind::YesNo,
)
.hint("acc.needs_housing_hint");
const FIRST_NIGHT: Question = Question::new(
    "first_night",
    "acc.first_night",
    "acc.first_night_empty",
    Kind::Date,
)
.hint("acc.night_hint")
.when(housed);
const LAST_NIGHT: Question = Question::new(
    "last_night",
    "acc.last_night",
    "acc.last_night_empty",
    Kind::Date,
)
.when(housed);
const ACCESS_NEEDS: Question = Question::new(
    "access_needs",
    "acc.access_needs",
    "",
    Kind::Long { max: 500 },
)
.hint("acc.access_needs_hint")
.optional()
.when(housed);

static MEMBER: &[Question] = &[GIVEN, SURNAME, EMAIL, CITIZENSHIP, ROLE, KEY, FULL_TIME];
static MEMBER_HOUSED: &[Question] = &[
    GIVEN,
    SURNAME,
    EMAIL,
    CITIZENSHIP,
    ROLE,
    KEY,
    FULL_TIME,
    NEEDS_HOUSING,
    FIRST_NIGHT,
    LAST_NIGHT,
    ACCESS_NEEDS,
];
static TEAM_MEMBER: &[Question] = &[
    GIVEN,
    SURNAME,
    EMAIL,
    CITIZENSHIP,
    MEMBER_IIN,
    ROLE,
    KEY,
    FULL_TIME,
];
static TEAM_MEMBER_HOUSED: &[Question] = &[
    GIVEN,
    SURNAME,
    EMAIL,
    CITIZENSHIP,
    MEMBER_IIN,
    ROLE,
    KEY,
    FULL_TIME,
    NEEDS_HOUSING,
    FIRST_NIGHT,
    LAST_NIGHT,
    ACCESS_NEEDS,
];

/// The questions about one team member: housing when the programme offers it, and the IIN of
/// each citizen of Kazakhstan when the applicant is a team, which no BIN or IIN identifies.
pub fn member_questions(programme_houses: bool, a: &Answers) -> &'static [Question] {
    match (programme_houses, is_team(a)) {
        (false, false) => MEMBER,
        (true, false) => MEMBER_HOUSED,
        (false, true) => TEAM_MEMBER,
        (true, true) => TEAM_MEMBER_HOUSED,
    }
}

/// The first member whose answers `questions` refuse: one from Kazakhstan saved before the
/// applicant became a team has no IIN yet.
pub fn incomplete_member<'a>(
    questions: &[Question],
    team: &'a [Answers],
    lang: Lang,
    today: NaiveDate,
) -> Option<&'a Answers> {
    team.iter().find(|m| {
        questions
            .iter()
            .any(|q| q.asked(m) && q.validate(m, lang, today).is_some())
    })
}

/// "Given names Surname", as the list and the service show a member.
pub fn member_name(m: &Answers) -> String {
    let get = |id: &str| m.get(id).map(|v| v.trim()).unwrap_or("");
    format!("{} {}", get("given_names"), get("surname"))
        .trim()
        .to_owned()
}

pub fn is_foreign(m: &Answers) -> bool {
    m.get("citizenship")
        .is_some_and(|c| countries::is_foreign(c))
}

/// The team, kept in the draft as one answer holding a JSON list.
pub fn team_of(a: &Answers) -> Vec<Answers> {
    items_of(a, "team")
}

/// The nights from the first to the last, each named by its evening; `None` while a date is
/// missing or the last comes before the first.
pub fn nights(m: &Answers) -> Option<Vec<NaiveDate>> {
    let date = |id: &str| parse_date(m.get(id)?).ok();
    let (first, last) = (date("first_night")?, date("last_night")?);
    (first <= last).then(|| first.iter_days().take_while(|d| *d <= last).collect())
}

/// What the programme's rules look at: who applies, the stage and the key members.
pub fn application(a: &Answers) -> Option<EnrolmentApplication> {
    let team = team_of(a)
        .iter()
        .filter(|m| is_yes(m, "key_member"))
        .filter_map(|m| {
            Some(acceleration::TeamMember {
                role: from_id(m.get("role")?)?,
                full_time: is_yes(m, "full_time"),
            })
        })
        .collect();
    Some(EnrolmentApplication {
        applicant_kind: applicant_kind(a)?,
        stage: from_id::<ProjectStage>(a.get("stage")?)?,
        team,
    })
}

/// The enrolment as the service takes it; `None` while an answer is missing.
pub fn enrolment(a: &Answers) -> Option<Enrolment> {
    let get = |id: &str| a.get(id).map(|v| v.trim().to_owned()).unwrap_or_default();
    let (iin, name, contact_email) = (get("iin"), get("full_name"), get("contact_email"));
    let applicant = match applicant_kind(a)? {
        ApplicantKind::LegalEntity => Applicant::Participant { bin: get("bin") },
        ApplicantKind::Individual => Applicant::Individual {
            iin,
            name,
            contact_email,
        },
        ApplicantKind::IndividualEntrepreneur => Applicant::IndividualEntrepreneur {
            iin,
            name,
            contact_email,
        },
        ApplicantKind::UnincorporatedTeam => Applicant::Team {
            name: get("team_name"),
            contact_email,
        },
    };
    let team_iin = is_team(a);
    let team = team_of(a)
        .iter()
        .map(|m| {
            let role: Role = from_id(m.get("role")?)?;
            let needs_housing = housed(m);
            let housing = needs_housing
                .then(|| nights(m))
                .flatten()
                .and_then(|n| Some((*n.first()?, *n.last()?)))
                .map(|(first_night, last_night)| Nights {
                    first_night,
                    last_night,
                });
            Some(TeamMember {
                name: member_name(m),
                role,
                email: m.get("email")?.trim().to_owned(),
                citizenship: m.get("citizenship")?.clone(),
                iin: m
                    .get("iin")
                    .filter(|_| team_iin && MEMBER_IIN.asked(m))
                    .map(|v| v.trim().to_owned()),
                key_member: is_yes(m, "key_member"),
                full_time_pm: role == Role::ProjectManager && is_yes(m, "full_time"),
                needs_housing,
                housing,
                access_needs: m
                    .get("access_needs")
                    .filter(|v| needs_housing && !v.trim().is_empty())
                    .cloned(),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Enrolment {
        attachments: attachments_of(a),
        programme_id: get("programme"),
        cohort_id: get("cohort"),
        applicant,
        project_summary: get("project_summary"),
        team,
    })
}

/// The role's label key.
pub fn role_key(role: Role) -> String {
    format!("acceleration.role.{}", id_of(&role))
}
