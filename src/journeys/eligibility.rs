//! "Check if you can apply" as data: who asks, the company, the registers, the activities and
//! the income, and the answers as the eligibility rules take them.

use crate::domain::eligibility::{
    ApplicantKind, EligibilityAnswers, TaxRegime, activity_data, eligibility_data,
};
use crate::domain::params::Param;

use super::{Answers, Choices, Journey, Kind, Question, Step, chosen_of, is_yes, parse_number};

/// The values of a list parameter as it stands in its latest version.
fn latest(p: &'static Param<Vec<String>>) -> Vec<&'static str> {
    p.values
        .values()
        .next_back()
        .map(|v| v.iter().map(String::as_str).collect())
        .unwrap_or_default()
}

pub fn priority_activities() -> Vec<&'static str> {
    latest(&activity_data().priority)
}

pub const PRIORITY: Choices = Choices {
    values: priority_activities,
    prefix: "activities.priority.",
    label: None,
};

const KINDS: Choices = Choices {
    values: || {
        vec![
            "legal_entity",
            "individual_entrepreneur",
            "individual",
            "unincorporated_team",
        ]
    },
    prefix: "elig.kinds.",
    label: None,
};

const REGIMES: Choices = Choices {
    values: || vec!["general", "simplified", "other_special"],
    prefix: "elig.regimes.",
    label: None,
};

/// The kinds of organisation Art. 7(2)(2) lists; the list request asks which one too.
pub const ENTITY_TYPES: Choices = Choices {
    values: || latest(&eligibility_data().entity_types),
    prefix: "eligibility.entity.",
    label: None,
};

const NON_COMPLIANT: Choices = Choices {
    values: || latest(&activity_data().non_compliant),
    prefix: "elig.nc.",
    label: None,
};

fn legal_entity(a: &Answers) -> bool {
    a.get("applicant_kind").is_some_and(|k| k == "legal_entity")
}

static WHO: &[Question] = &[Question::new(
    "applicant_kind",
    "elig.kind",
    "elig.kind_empty",
    Kind::Radios(KINDS),
)];

static COMPANY: &[Question] = &[
    Question::new(
        "resident",
        "elig.resident",
        "elig.resident_empty",
        Kind::YesNo,
    )
    .hint("elig.resident_hint"),
    Question::new(
        "tax_regime",
        "elig.regime",
        "elig.regime_empty",
        Kind::Radios(REGIMES),
    ),
];

static REGISTERS: &[Question] = &[
    Question::new("in_sez_register", "elig.sez", "elig.sez_empty", Kind::YesNo)
        .hint("elig.sez_hint"),
    Question::new("entity_type", "elig.entity", "", Kind::Select(ENTITY_TYPES))
        .hint("elig.entity_hint")
        .optional(),
    Question::new(
        "in_fund_list",
        "elig.fund_list",
        "elig.fund_list_empty",
        Kind::YesNo,
    )
    .when(|a| a.get("entity_type").is_some_and(|t| !t.is_empty())),
];

static ACTIVITIES: &[Question] = &[
    Question::new(
        "activities",
        "elig.activities",
        "",
        Kind::Checks {
            choices: PRIORITY,
            search: true,
        },
    )
    .hint("elig.activities_hint")
    .optional(),
    Question::new(
        "other_activities",
        "elig.other_activities",
        "",
        Kind::Checks {
            choices: NON_COMPLIANT,
            search: false,
        },
    )
    .hint("elig.other_activities_hint")
    .optional(),
];

static INCOME: &[Question] = &[
    Question::new("income", "elig.income", "", Kind::Money)
        .hint("elig.income_hint")
        .optional(),
    Question::new(
        "priority_share",
        "elig.share",
        "",
        Kind::Number { min: 0, max: 100 },
    )
    .hint("elig.share_hint")
    .optional(),
];

static STEPS: &[Step] = &[
    Step {
        slug: "who",
        title: "elig.who.title",
        lead: None,
        questions: WHO,
        when: None,
    },
    Step {
        slug: "company",
        title: "elig.company.title",
        lead: None,
        questions: COMPANY,
        when: Some(legal_entity),
    },
    Step {
        slug: "registers",
        title: "elig.registers.title",
        lead: None,
        questions: REGISTERS,
        when: Some(legal_entity),
    },
    Step {
        slug: "activities",
        title: "elig.activities_title",
        lead: None,
        questions: ACTIVITIES,
        when: Some(legal_entity),
    },
    Step {
        slug: "income",
        title: "elig.income_title",
        lead: Some("elig.income_lead"),
        questions: INCOME,
        when: Some(legal_entity),
    },
];

pub static JOURNEY: Journey = Journey {
    base: "/eligibility",
    steps: STEPS,
    end: "result",
};

/// The answers as the rules take them; `None` until the first question is answered.
pub fn to_domain(a: &Answers) -> Option<EligibilityAnswers> {
    let applicant_kind = match a.get("applicant_kind")?.as_str() {
        "legal_entity" => ApplicantKind::LegalEntity,
        "individual_entrepreneur" => ApplicantKind::IndividualEntrepreneur,
        "individual" => ApplicantKind::Individual,
        "unincorporated_team" => ApplicantKind::UnincorporatedTeam,
        _ => return None,
    };
    let tax_regime = match a.get("tax_regime").map(String::as_str) {
        Some("simplified") => TaxRegime::Simplified,
        Some("other_special") => TaxRegime::OtherSpecial,
        _ => TaxRegime::General,
    };
    let mut activities = chosen_of(a, "activities");
    activities.extend(chosen_of(a, "other_activities"));
    Some(EligibilityAnswers {
        applicant_kind,
        resident: is_yes(a, "resident"),
        entity_type: a.get("entity_type").filter(|t| !t.is_empty()).cloned(),
        in_fund_list: is_yes(a, "in_fund_list"),
        in_sez_register: is_yes(a, "in_sez_register"),
        activities,
        priority_income_share_percent: a
            .get("priority_share")
            .and_then(|s| parse_number(s))
            .and_then(|n| u32::try_from(n).ok()),
        tax_regime,
        older_criteria: Vec::new(),
    })
}
