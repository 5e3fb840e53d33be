//! Who may be a participant of the innovation cluster: the three routes of Law No. 207-V,
//! Art. 7(2), and the conditions of registration as an Astana Hub actor.
//!
//! Routes, in the order they are tried:
//! 1. Art. 7(2)(1): in the single register of SEZ "Park of Innovative Technologies" participants;
//! 2. Art. 7(2)(2): an entity type of the list, already included by the Fund in its list of
//!    innovation cluster actors (Art. 8-1(5-11));
//! 3. Art. 7(2)(2-1): registration as an Astana Hub actor (Art. 1(4-1), Art. 8-1(5-7)) when its
//!    conditions are met (`data/eligibility.toml`, `data/activities.toml`);
//! 4. otherwise, an entity type of the list may ask the Fund for inclusion.
//!
//! The 90 % income share of Tax Code Art. 17 bears on tax benefits and is reported beside the
//! outcome; it bars registration only if the data says so.

use crate::domain::decision::{Decision, Reason, values};
use crate::domain::params::{Param, parse, reason};
use crate::json::{self, FromJson, Json, Members, ReadError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// Who is applying.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicantKind {
    LegalEntity,
    IndividualEntrepreneur,
    Individual,
    /// People who intend to found a company together but have not yet.
    UnincorporatedTeam,
}

impl FromJson for ApplicantKind {
    fn from_json(value: &Json) -> Result<ApplicantKind, ReadError> {
        json::one_of(
            value,
            &[
                ("legal_entity", ApplicantKind::LegalEntity),
                (
                    "individual_entrepreneur",
                    ApplicantKind::IndividualEntrepreneur,
                ),
                ("individual", ApplicantKind::Individual),
                ("unincorporated_team", ApplicantKind::UnincorporatedTeam),
            ],
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaxRegime {
    General,
    Simplified,
    /// Any other special regime.
    OtherSpecial,
}

/// The answers of the "check if you can apply" journey.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EligibilityAnswers {
    pub applicant_kind: ApplicantKind,
    pub resident: bool,
    /// An id of `entity_types` in `data/eligibility.toml`, if the entity has such a status.
    pub entity_type: Option<String>,
    /// Already included by the Fund in the list of innovation cluster actors.
    pub in_fund_list: bool,
    pub in_sez_register: bool,
    /// Ids of `data/activities.toml` (priority or non-compliant) the entity carries on.
    pub activities: Vec<String>,
    /// Share of total annual income from priority activities, in whole per cent, if known.
    pub priority_income_share_percent: Option<u32>,
    pub tax_regime: TaxRegime,
    /// Ids of the older criteria (`older_criteria`) that describe the entity.
    pub older_criteria: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// Art. 7(2)(1).
    Sez,
    /// Art. 7(2)(2).
    FundList,
    /// Art. 7(2)(2-1).
    AstanaHubActor,
}

/// The Tax Code Art. 17 income condition for tax benefits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaxBenefit {
    ConditionMet,
    ConditionNotMet,
    Unknown,
    /// The as-of date is outside the condition's dates (it ends on 1 January 2029).
    NotInForce,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum EligibilityOutcome {
    /// `already_participant`: true for the register and list routes once included; false when
    /// the applicant may apply (registration, or a request for inclusion in the Fund's list).
    Eligible {
        route: Route,
        already_participant: bool,
        tax_benefit: TaxBenefit,
    },
    /// `next_steps`: message keys of what to do instead.
    NotEligible { next_steps: Vec<String> },
    /// Only an uncertain reading stands in the way: the portal cannot say, the Fund decides.
    FundDecides { next_steps: Vec<String> },
}

/// One older criterion of `data/eligibility.toml`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OlderCriterion {
    pub id: String,
    pub bars_registration: bool,
}

impl FromJson for OlderCriterion {
    fn from_json(value: &Json) -> Result<OlderCriterion, ReadError> {
        let members = Members::of(value)?;
        Ok(OlderCriterion {
            id: members.required("id")?,
            bars_registration: members.required("bars_registration")?,
        })
    }
}

/// `data/eligibility.toml`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EligibilityData {
    pub entity_types: Param<Vec<String>>,
    pub general_tax_regime_required: Param<bool>,
    pub priority_income_share_percent: Param<u32>,
    pub income_share_bars_registration: Param<bool>,
    pub older_criteria: Param<Vec<OlderCriterion>>,
}

impl FromJson for EligibilityData {
    fn from_json(value: &Json) -> Result<EligibilityData, ReadError> {
        let members = Members::of(value)?;
        Ok(EligibilityData {
            entity_types: members.required("entity_types")?,
            general_tax_regime_required: members.required("general_tax_regime_required")?,
            priority_income_share_percent: members.required("priority_income_share_percent")?,
            income_share_bars_registration: members.required("income_share_bars_registration")?,
            older_criteria: members.required("older_criteria")?,
        })
    }
}

/// `data/activities.toml`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActivityData {
    pub priority: Param<Vec<String>>,
    pub non_compliant: Param<Vec<String>>,
}

impl FromJson for ActivityData {
    fn from_json(value: &Json) -> Result<ActivityData, ReadError> {
        let members = Members::of(value)?;
        Ok(ActivityData {
            priority: members.required("priority")?,
            non_compliant: members.required("non_compliant")?,
        })
    }
}

pub fn eligibility_data() -> &'static EligibilityData {
    static DATA: OnceLock<EligibilityData> = OnceLock::new();
    DATA.get_or_init(|| {
        parse(
            "eligibility",
            include_str!(concat!(env!("OUT_DIR"), "/data/eligibility.json")),
        )
    })
}

pub fn activity_data() -> &'static ActivityData {
    static DATA: OnceLock<ActivityData> = OnceLock::new();
    DATA.get_or_init(|| {
        parse(
            "activities",
            include_str!(concat!(env!("OUT_DIR"), "/data/activities.json")),
        )
    })
}

fn contains(p: &Param<Vec<String>>, as_of: NaiveDate, id: &str) -> bool {
    p.at(as_of).is_some_and(|list| list.iter().any(|x| x == id))
}

/// Assesses the answers against the rules in force on `as_of`.
pub fn assess(answers: &EligibilityAnswers, as_of: NaiveDate) -> Decision<EligibilityOutcome> {
    let data = eligibility_data();
    let not_eligible = |reasons, steps: &[&str]| {
        Decision::new(
            EligibilityOutcome::NotEligible {
                next_steps: steps.iter().map(|s| (*s).to_owned()).collect(),
            },
            reasons,
        )
    };

    match answers.applicant_kind {
        ApplicantKind::LegalEntity => {}
        ApplicantKind::IndividualEntrepreneur => {
            // That an individual entrepreneur is no legal entity is an inference: it warns.
            let reasons = vec![
                reason(
                    "eligibility.legal_entity_only",
                    "eligibility.reason.legal_entity_only",
                    Vec::new(),
                ),
                reason(
                    "eligibility.ie_excluded",
                    "eligibility.reason.individual_entrepreneur",
                    Vec::new(),
                )
                .unmet(),
            ];
            let next_steps = [
                "eligibility.next.ask_fund",
                "eligibility.next.incorporate",
                "eligibility.next.acceleration",
            ];
            return Decision::new(
                EligibilityOutcome::FundDecides {
                    next_steps: next_steps.iter().map(|s| (*s).to_owned()).collect(),
                },
                reasons,
            );
        }
        ApplicantKind::Individual | ApplicantKind::UnincorporatedTeam => {
            let reasons = vec![
                reason(
                    "eligibility.legal_entity_only",
                    "eligibility.reason.legal_entity_only",
                    Vec::new(),
                )
                .unmet(),
            ];
            return not_eligible(
                reasons,
                &[
                    "eligibility.next.incorporate",
                    "eligibility.next.acceleration",
                ],
            );
        }
    }

    let eligible = |route, already_participant, mut reasons: Vec<Reason>| {
        let (tax_benefit, tax_reason) = tax_benefit(answers, as_of);
        reasons.push(tax_reason);
        Decision::new(
            EligibilityOutcome::Eligible {
                route,
                already_participant,
                tax_benefit,
            },
            reasons,
        )
    };

    if answers.in_sez_register {
        let r = reason(
            "eligibility.route.sez",
            "eligibility.reason.sez",
            Vec::new(),
        );
        return eligible(Route::Sez, true, vec![r]);
    }
    let listed_type = answers
        .entity_type
        .as_deref()
        .filter(|id| contains(&data.entity_types, as_of, id));
    if listed_type.is_some() && answers.in_fund_list {
        let r = reason(
            "eligibility.route.fund_list",
            "eligibility.reason.fund_list_included",
            Vec::new(),
        );
        return eligible(Route::FundList, true, vec![r]);
    }

    // A kind the Law lists in Art. 7(2)(2) has its own route: inclusion in the Fund's list,
    // whatever the conditions of registration as an actor would say.
    if listed_type.is_some() {
        let r = reason(
            "eligibility.route.fund_list",
            "eligibility.reason.fund_list_may_apply",
            Vec::new(),
        );
        return eligible(Route::FundList, false, vec![r]);
    }
    let (actor_ok, mut reasons, steps) = actor_conditions(answers, as_of);
    if actor_ok {
        reasons.insert(
            0,
            reason(
                "eligibility.route.actor",
                "eligibility.reason.actor",
                Vec::new(),
            ),
        );
        return eligible(Route::AstanaHubActor, false, reasons);
    }
    reasons.insert(
        0,
        reason(
            "eligibility.route.actor",
            "eligibility.reason.actor_not_met",
            Vec::new(),
        ),
    );
    not_eligible(reasons, &steps)
}

/// The conditions of registration as an Astana Hub actor: whether they are all met, the
/// reasons, and what to do about those that are not.
fn actor_conditions(
    answers: &EligibilityAnswers,
    as_of: NaiveDate,
) -> (bool, Vec<Reason>, Vec<&'static str>) {
    let data = eligibility_data();
    let acts = activity_data();
    let mut reasons = Vec::new();
    let mut steps = Vec::new();

    reasons.push(reason(
        "eligibility.actor.residency",
        if answers.resident {
            "eligibility.reason.resident"
        } else {
            "eligibility.reason.non_resident"
        },
        Vec::new(),
    ));

    let priority_count = answers
        .activities
        .iter()
        .filter(|a| contains(&acts.priority, as_of, a))
        .count();
    let non_compliant: Vec<&String> = answers
        .activities
        .iter()
        .filter(|a| contains(&acts.non_compliant, as_of, a))
        .collect();
    if priority_count == 0 {
        reasons.push(
            acts.priority
                .reason(
                    "eligibility.actor.priority_activities",
                    "eligibility.reason.no_priority_activity",
                    Vec::new(),
                )
                .unmet(),
        );
        steps.push("eligibility.next.priority_activities");
    } else {
        reasons.push(acts.priority.reason(
            "eligibility.actor.priority_activities",
            "eligibility.reason.priority_activity",
            values([("count", priority_count.to_string())]),
        ));
    }
    for id in &non_compliant {
        reasons.push(
            acts.non_compliant
                .reason(
                    "eligibility.actor.priority_activities",
                    &format!("activities.non_compliant.{id}"),
                    Vec::new(),
                )
                .unmet(),
        );
    }
    if !non_compliant.is_empty() {
        steps.push("eligibility.next.separate_non_compliant");
    }

    let general_required = data
        .general_tax_regime_required
        .at(as_of)
        .copied()
        .unwrap_or(false);
    if general_required && answers.tax_regime != TaxRegime::General {
        reasons.push(
            data.general_tax_regime_required
                .reason(
                    "eligibility.actor.tax_regime",
                    "eligibility.reason.not_general_regime",
                    Vec::new(),
                )
                .unmet(),
        );
        steps.push("eligibility.next.general_regime");
    } else if general_required {
        reasons.push(data.general_tax_regime_required.reason(
            "eligibility.actor.tax_regime",
            "eligibility.reason.general_regime",
            Vec::new(),
        ));
    }

    let share_bars = data
        .income_share_bars_registration
        .at(as_of)
        .copied()
        .unwrap_or(false);
    let threshold = data.priority_income_share_percent.at(as_of).copied();
    if let (true, Some(threshold), Some(share)) =
        (share_bars, threshold, answers.priority_income_share_percent)
        && share < threshold
    {
        reasons.push(
            data.income_share_bars_registration
                .reason(
                    "eligibility.actor.income_share_bar",
                    "eligibility.reason.income_share_bar",
                    values([
                        ("share", share.to_string()),
                        ("threshold", threshold.to_string()),
                    ]),
                )
                .unmet(),
        );
        steps.push("eligibility.next.priority_activities");
    }

    let mut older_failed = false;
    for criterion in data.older_criteria.at(as_of).into_iter().flatten() {
        if !answers.older_criteria.contains(&criterion.id) {
            continue;
        }
        let bars = criterion.bars_registration;
        older_failed |= bars;
        let key = if bars {
            "eligibility.reason.older_criterion_bar"
        } else {
            "eligibility.reason.older_criterion_caution"
        };
        let r = data.older_criteria.reason(
            &format!("eligibility.older.{}", criterion.id),
            key,
            Vec::new(),
        );
        // A criterion that bars is unmet; its confidence decides whether it refuses.
        reasons.push(if bars { r.unmet() } else { r });
        reasons.push(data.older_criteria.reason(
            &format!("eligibility.older.{}", criterion.id),
            &format!("eligibility.older.{}", criterion.id),
            Vec::new(),
        ));
    }
    if older_failed {
        steps.push("eligibility.next.contact_fund");
    }

    let ok = !reasons.iter().any(Reason::refuses);
    steps.dedup();
    (ok, reasons, steps)
}

/// The Tax Code Art. 17 income condition: reported, never a registration bar by itself.
fn tax_benefit(answers: &EligibilityAnswers, as_of: NaiveDate) -> (TaxBenefit, Reason) {
    let p = &eligibility_data().priority_income_share_percent;
    let Some(&threshold) = p.at(as_of) else {
        let until = p.until.map(|d| d.to_string()).unwrap_or_default();
        let r = p.reason(
            "tax.art17.income_share",
            "tax.reason.not_in_force",
            values([("from", p.effective_from.to_string()), ("until", until)]),
        );
        return (TaxBenefit::NotInForce, r);
    };
    let until = p.until.map(|d| d.to_string()).unwrap_or_default();
    match answers.priority_income_share_percent {
        None => (
            TaxBenefit::Unknown,
            p.reason(
                "tax.art17.income_share",
                "tax.reason.unknown",
                values([("threshold", threshold.to_string()), ("until", until)]),
            ),
        ),
        Some(share) => {
            let (benefit, key) = if share >= threshold {
                (TaxBenefit::ConditionMet, "tax.reason.met")
            } else {
                (TaxBenefit::ConditionNotMet, "tax.reason.not_met")
            };
            let v = values([
                ("share", share.to_string()),
                ("threshold", threshold.to_string()),
                ("until", until),
            ]);
            (benefit, p.reason("tax.art17.income_share", key, v))
        }
    }
}
