//! Participant status: Law No. 207-V, Art. 7(2) and the conditions of registration as an
//! Astana Hub actor (data/eligibility.toml, data/activities.toml).
use astana_hub_portal::domain::decision::{Confidence, Decision, Reason};
use astana_hub_portal::domain::eligibility::{
    ApplicantKind, EligibilityAnswers, EligibilityOutcome, Route, TaxBenefit, TaxRegime, assess,
};
use astana_hub_portal::i18n::{Lang, lookup};

mod fixtures;
use fixtures::{AS_OF, company, d};

fn explained(decision: &Decision<EligibilityOutcome>) {
    assert!(!decision.reasons.is_empty());
    for r in &decision.reasons {
        texts(&r.message_key, r);
    }
    if let EligibilityOutcome::NotEligible { next_steps }
    | EligibilityOutcome::FundDecides { next_steps } = &decision.outcome
    {
        assert!(!next_steps.is_empty(), "a refusal says what to do instead");
        for k in next_steps {
            for lang in Lang::ALL {
                assert!(lookup(lang, k).is_some(), "{k} {lang:?}");
            }
        }
    }
}

fn texts(key: &str, r: &Reason) {
    for lang in Lang::ALL {
        let t = lookup(lang, key).unwrap_or_else(|| panic!("{key} has no {lang:?} text"));
        for (name, _) in &r.values {
            assert!(t.contains(&format!("{{{name}}}")), "{key} lacks {{{name}}}");
        }
    }
}

fn eligible(a: &EligibilityAnswers) -> (Route, bool, TaxBenefit, Decision<EligibilityOutcome>) {
    let dec = assess(a, d(AS_OF));
    explained(&dec);
    match dec.outcome.clone() {
        EligibilityOutcome::Eligible {
            route,
            already_participant,
            tax_benefit,
        } => (route, already_participant, tax_benefit, dec),
        other => panic!("expected eligible, got {other:?}: {:#?}", dec.reasons),
    }
}

fn refused(a: &EligibilityAnswers) -> (Vec<String>, Decision<EligibilityOutcome>) {
    let dec = assess(a, d(AS_OF));
    explained(&dec);
    match dec.outcome.clone() {
        EligibilityOutcome::NotEligible { next_steps } => (next_steps, dec),
        other => panic!("expected not eligible, got {other:?}"),
    }
}

fn cites(dec: &Decision<EligibilityOutcome>, rule_id: &str) -> bool {
    dec.reasons.iter().any(|r| r.rule_id == rule_id)
}

#[test]
fn art_7_2_1_sez_participant_is_eligible() {
    let mut a = company();
    a.in_sez_register = true;
    a.activities.clear();
    let (route, already, _, dec) = eligible(&a);
    assert_eq!((route, already), (Route::Sez, true));
    let r = dec
        .reasons
        .iter()
        .find(|r| r.rule_id == "eligibility.route.sez")
        .unwrap();
    assert_eq!(r.citation.to_string(), "Law No. 207-V, Art. 7(2)(1)");
    assert_eq!(r.confidence, Confidence::Law);
}

#[test]
fn art_7_2_2_listed_type_included_by_the_fund_is_eligible() {
    let mut a = company();
    a.entity_type = Some("technology_park".into());
    a.in_fund_list = true;
    a.activities.clear();
    let (route, already, _, dec) = eligible(&a);
    assert_eq!((route, already), (Route::FundList, true));
    assert!(cites(&dec, "eligibility.route.fund_list"));
}

#[test]
fn art_8_1_5_11_listed_type_not_yet_included_may_ask_the_fund() {
    let mut a = company();
    a.entity_type = Some("scientific_organisation".into());
    a.activities.clear();
    let (route, already, _, dec) = eligible(&a);
    assert_eq!((route, already), (Route::FundList, false));
    assert!(
        dec.reasons
            .iter()
            .any(|r| r.message_key == "eligibility.reason.fund_list_may_apply")
    );
}

#[test]
fn art_7_2_2_unlisted_type_does_not_open_the_list_route() {
    let mut a = company();
    a.entity_type = Some("bank".into());
    a.in_fund_list = true;
    let (route, ..) = eligible(&a);
    assert_eq!(route, Route::AstanaHubActor);
}

#[test]
fn art_7_2_2_1_resident_company_with_priority_activity_may_register_as_actor() {
    let (route, already, benefit, dec) = eligible(&company());
    assert_eq!((route, already), (Route::AstanaHubActor, false));
    assert_eq!(benefit, TaxBenefit::ConditionMet);
    assert!(cites(&dec, "eligibility.route.actor"));
    assert!(dec.indicative, "the priority list is operator data");
}

#[test]
fn art_1_4_1_non_resident_legal_entity_may_register_as_actor() {
    let mut a = company();
    a.resident = false;
    let (route, _, _, dec) = eligible(&a);
    assert_eq!(route, Route::AstanaHubActor);
    assert!(
        dec.reasons
            .iter()
            .any(|r| r.message_key == "eligibility.reason.non_resident")
    );
}

#[test]
fn art_7_2_individual_is_not_eligible() {
    let mut a = company();
    a.applicant_kind = ApplicantKind::Individual;
    let (steps, dec) = refused(&a);
    assert!(steps.contains(&"eligibility.next.incorporate".to_owned()));
    assert!(cites(&dec, "eligibility.legal_entity_only"));
    assert!(!dec.indicative, "stated by the Law");
}

#[test]
fn art_7_2_individual_entrepreneur_is_left_to_the_fund() {
    let mut a = company();
    a.applicant_kind = ApplicantKind::IndividualEntrepreneur;
    let dec = assess(&a, d(AS_OF));
    explained(&dec);
    // That an individual entrepreneur is no legal entity is an inference: a warning only.
    assert!(matches!(
        dec.outcome,
        EligibilityOutcome::FundDecides { .. }
    ));
    assert!(!dec.refused());
    let warned: Vec<&str> = dec.warnings().map(|r| r.rule_id.as_str()).collect();
    assert_eq!(warned, ["eligibility.ie_excluded"]);
    assert!(dec.indicative);
}

#[test]
fn art_7_2_unincorporated_team_is_pointed_to_acceleration() {
    let mut a = company();
    a.applicant_kind = ApplicantKind::UnincorporatedTeam;
    let (steps, _) = refused(&a);
    assert!(steps.contains(&"eligibility.next.acceleration".to_owned()));
}

#[test]
fn art_8_1_5_7_no_known_priority_activity_warns() {
    // The list of priority activities is operator data (its order was not found): an activity
    // missing from it is a warning, and the Fund decides.
    let mut a = company();
    a.activities = vec![];
    let (route, _, _, dec) = eligible(&a);
    assert_eq!(route, Route::AstanaHubActor);
    let warned: Vec<&str> = dec.warnings().map(|r| r.message_key.as_str()).collect();
    assert_eq!(warned, ["eligibility.reason.no_priority_activity"]);
}

#[test]
fn art_8_1_5_7_non_compliant_activity_is_not_eligible() {
    for activity in [
        "software_resale",
        "it_consulting_servicing",
        "services_without_software",
        "goods_not_own_production",
    ] {
        let mut a = company();
        a.activities.push(activity.into());
        let (steps, dec) = refused(&a);
        assert!(steps.contains(&"eligibility.next.separate_non_compliant".to_owned()));
        let key = format!("activities.non_compliant.{activity}");
        assert!(
            dec.reasons.iter().any(|r| r.message_key == key),
            "{activity}"
        );
    }
}

#[test]
fn art_8_1_5_7_special_tax_regime_is_not_eligible() {
    for regime in [TaxRegime::Simplified, TaxRegime::OtherSpecial] {
        let mut a = company();
        a.tax_regime = regime;
        let (steps, dec) = refused(&a);
        assert_eq!(steps, vec!["eligibility.next.general_regime".to_owned()]);
        assert!(cites(&dec, "eligibility.actor.tax_regime"));
    }
}

#[test]
fn tax_code_art_17_share_below_90_is_reported_not_a_bar() {
    let mut a = company();
    a.priority_income_share_percent = Some(89);
    let (route, _, benefit, dec) = eligible(&a);
    assert_eq!(route, Route::AstanaHubActor);
    assert_eq!(benefit, TaxBenefit::ConditionNotMet);
    let r = dec
        .reasons
        .iter()
        .find(|r| r.rule_id == "tax.art17.income_share")
        .unwrap();
    assert!(r.values.contains(&("threshold".into(), "90".into())));
    assert!(r.values.contains(&("until".into(), "2029-01-01".into())));
}

#[test]
fn tax_code_art_17_share_of_exactly_90_meets_the_condition() {
    let mut a = company();
    a.priority_income_share_percent = Some(90);
    assert_eq!(eligible(&a).2, TaxBenefit::ConditionMet);
    a.priority_income_share_percent = None;
    assert_eq!(eligible(&a).2, TaxBenefit::Unknown);
}

#[test]
fn tax_code_art_17_condition_ends_on_2029_01_01() {
    let a = company();
    let on = |date: &str| match assess(&a, d(date)).outcome {
        EligibilityOutcome::Eligible { tax_benefit, .. } => tax_benefit,
        other => panic!("{other:?}"),
    };
    assert_eq!(on("2028-12-31"), TaxBenefit::ConditionMet);
    assert_eq!(on("2029-01-01"), TaxBenefit::NotInForce);
    assert_eq!(
        on("2025-06-01"),
        TaxBenefit::NotInForce,
        "new Tax Code from 2026"
    );
}

#[test]
fn older_criteria_warn_but_do_not_bar() {
    let mut a = company();
    a.older_criteria = vec!["subsoil_user".into(), "has_branches".into()];
    let (route, _, _, dec) = eligible(&a);
    assert_eq!(route, Route::AstanaHubActor);
    let cautions = dec
        .reasons
        .iter()
        .filter(|r| r.message_key == "eligibility.reason.older_criterion_caution")
        .count();
    assert_eq!(cautions, 2);
    assert!(
        dec.reasons
            .iter()
            .any(|r| r.message_key == "eligibility.older.subsoil_user")
    );
    assert!(dec.indicative);
}

#[test]
fn every_decision_is_deterministic_for_a_date() {
    let a = company();
    assert_eq!(assess(&a, d(AS_OF)), assess(&a, d(AS_OF)));
}
