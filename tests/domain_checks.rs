//! Say only what the sources say. Every check the rules make is one of three kinds, taken from
//! its rule's confidence (`CheckKind`): the Law or a confirmed source may refuse; a format the
//! service needs may refuse but never cites the Law; an uncertain reading only warns. Each
//! decision below is made from a table of inputs that fails every check at least once; the
//! tests fail when a reason refuses on a rule below "confirmed" (format aside), when a reason
//! cites an article its rule does not, or when an outcome disagrees with its reasons.
use std::collections::BTreeSet;

use astana_hub_portal::domain::acceleration::{
    EnrolmentApplication, EnrolmentOutcome, ProjectStage, Role, TeamMember, catalogue,
    check_enrolment, check_housing,
};
use astana_hub_portal::domain::decision::{CheckKind, Confidence, Decision, Effect, Reason};
use astana_hub_portal::domain::eligibility::{
    ApplicantKind, EligibilityOutcome, TaxRegime, assess,
};
use astana_hub_portal::domain::params::rules;
use astana_hub_portal::domain::visa::{
    Collection, InvitationOutcome, InvitationRequest, Relation, VisaRoute, check_invitation,
    visa_data,
};
use chrono::Days;

mod fixtures;
use fixtures::{AS_OF, company, d, employee, explained, family};

const LAW: &str = "Law No. 207-V";

/// One broken thing per row: each makes at least one visa check unmet.
fn visa_table() -> Vec<(&'static str, InvitationRequest)> {
    type Change = fn(&mut InvitationRequest);
    let rows: [(&str, Change); 24] = [
        ("valid", |_| {}),
        ("longer than five years", |r| r.visa_end = d("2031-04-15")),
        ("ends before entry", |r| r.visa_end = d("2026-04-14")),
        ("engagement ends before it starts", |r| {
            r.engagement_end = d("2026-04-01")
        }),
        ("beyond the employment", |r| {
            r.engagement_end = d("2027-01-31")
        }),
        ("stay beyond the visa", |r| r.stay_days = 5000),
        ("passport too short", |r| {
            r.person.passport_expiry = d("2031-05-01")
        }),
        ("name with digits", |r| r.person.surname = "SM1TH".into()),
        ("Cyrillic name", |r| r.person.given_names = "Анна".into()),
        ("no surname", |r| r.person.surname = " ".into()),
        ("citizen of Kazakhstan", |r| {
            r.person.citizenship = "KZ".into()
        }),
        ("unknown country", |r| r.person.citizenship = "QQ".into()),
        ("passport number", |r| {
            r.person.passport_number = "ab".into()
        }),
        ("passport dates", |r| {
            r.person.passport_issued = d("2027-01-01")
        }),
        ("no qualification documents", |r| {
            r.qualification_documents_held = false
        }),
        ("trainee extension", |r| {
            r.route = VisaRoute::Trainee;
            r.extension = true
        }),
        ("airport for an actor's employee", |r| {
            r.collection = Collection::Airport
        }),
        ("filed too early", |r| r.entry_date = d("2026-12-01")),
        ("filed too late", |r| r.entry_date = d("2026-03-04")),
        ("trainee with a spouse", |r| {
            r.route = VisaRoute::Trainee;
            r.family = vec![family(Relation::Spouse, "1991-01-01")]
        }),
        ("child of 18", |r| {
            r.family = vec![family(Relation::Child, "2008-01-01")]
        }),
        ("dependant without documents", |r| {
            r.family = vec![family(Relation::Dependant, "1950-01-01")]
        }),
        ("family beyond the employee", |r| {
            let mut spouse = family(Relation::Spouse, "1991-01-01");
            spouse.visa_end = d("2031-04-15");
            r.visa_end = d("2031-04-14");
            r.family = vec![spouse]
        }),
        ("family member's name", |r| {
            let mut spouse = family(Relation::Spouse, "1991-01-01");
            spouse.person.surname = "Müller".into();
            r.family = vec![spouse]
        }),
    ];
    rows.into_iter()
        .map(|(name, change)| {
            let mut r = employee();
            change(&mut r);
            (name, r)
        })
        .collect()
}

fn visa_decisions() -> Vec<(&'static str, Decision<InvitationOutcome>)> {
    visa_table()
        .into_iter()
        .map(|(name, r)| (name, check_invitation(&r, d(AS_OF)).unwrap()))
        .collect()
}

fn eligibility_decisions() -> Vec<Decision<EligibilityOutcome>> {
    let mut rows = Vec::new();
    for kind in [
        ApplicantKind::LegalEntity,
        ApplicantKind::IndividualEntrepreneur,
        ApplicantKind::Individual,
        ApplicantKind::UnincorporatedTeam,
    ] {
        let mut a = company();
        a.applicant_kind = kind;
        rows.push(a);
    }
    let mut a = company();
    a.activities.clear();
    rows.push(a);
    let mut a = company();
    a.activities.push("software_resale".into());
    rows.push(a);
    let mut a = company();
    a.tax_regime = TaxRegime::Simplified;
    rows.push(a);
    let mut a = company();
    a.older_criteria = vec!["state_share_50".into(), "has_branches".into()];
    rows.push(a);
    let mut a = company();
    a.priority_income_share_percent = Some(10);
    rows.push(a);
    let mut a = company();
    a.entity_type = Some("educational_organisation".into());
    rows.push(a);
    let mut a = company();
    a.entity_type = Some("educational_organisation".into());
    a.in_fund_list = true;
    rows.push(a);
    let mut a = company();
    a.in_sez_register = true;
    rows.push(a);
    rows.iter().map(|a| assess(a, d(AS_OF))).collect()
}

fn enrolment_decisions() -> Vec<Decision<EnrolmentOutcome>> {
    let as_of = d(AS_OF);
    let member = |role| TeamMember {
        role,
        full_time: false,
    };
    let mut out = Vec::new();
    for programme in catalogue(as_of) {
        for cohort in &programme.cohorts {
            for kind in [
                ApplicantKind::LegalEntity,
                ApplicantKind::Individual,
                ApplicantKind::UnincorporatedTeam,
            ] {
                for stage in [ProjectStage::Idea, ProjectStage::Revenue] {
                    let app = EnrolmentApplication {
                        applicant_kind: kind,
                        stage,
                        team: vec![member(Role::ProjectManager), member(Role::Developer)],
                    };
                    out.push(check_enrolment(&programme, cohort, &app, as_of));
                }
            }
        }
    }
    out
}

fn housing_decisions() -> Vec<Decision<impl std::fmt::Debug>> {
    let mut out = Vec::new();
    for programme in catalogue(d(AS_OF)) {
        for cohort in &programme.cohorts {
            let before = cohort.starts.checked_sub_days(Days::new(1)).unwrap();
            for nights in [vec![], vec![cohort.starts], vec![before, cohort.ends]] {
                out.push(check_housing(&programme, cohort, &nights));
            }
        }
    }
    out
}

/// Every reason of every decision above.
fn all_reasons() -> Vec<Reason> {
    let mut all: Vec<Reason> = Vec::new();
    all.extend(visa_decisions().into_iter().flat_map(|(_, d)| d.reasons));
    all.extend(eligibility_decisions().into_iter().flat_map(|d| d.reasons));
    all.extend(enrolment_decisions().into_iter().flat_map(|d| d.reasons));
    all.extend(housing_decisions().into_iter().flat_map(|d| d.reasons));
    all
}

#[test]
fn no_reason_refuses_on_a_rule_below_confirmed() {
    for r in all_reasons() {
        match r.effect {
            Effect::Refuses => assert!(
                matches!(r.confidence.kind(), CheckKind::Law | CheckKind::Format),
                "{} ({}) refuses on an uncertain reading",
                r.rule_id,
                r.message_key
            ),
            Effect::Warns => assert_eq!(
                r.confidence,
                Confidence::Uncertain,
                "{} warns although its source is sure",
                r.rule_id
            ),
            Effect::Applied => {}
        }
    }
}

#[test]
fn format_checks_never_cite_the_law() {
    for rule in rules() {
        if rule.confidence == Confidence::Format {
            assert_ne!(rule.citation.source, LAW, "{}", rule.id);
        }
    }
    for r in all_reasons() {
        if r.confidence == Confidence::Format {
            assert_ne!(r.citation.source, LAW, "{}", r.rule_id);
        }
    }
}

#[test]
fn every_reason_cites_the_article_of_its_rule() {
    for r in all_reasons() {
        if r.citation.source != LAW {
            continue;
        }
        if let Some(category) = r.rule_id.strip_prefix("visa.category.") {
            let c = visa_data()
                .categories
                .iter()
                .find(|c| c.id == category)
                .unwrap();
            assert_eq!(r.citation, c.citation, "{}", r.message_key);
            continue;
        }
        let rule = rules()
            .iter()
            .find(|rule| rule.id == r.rule_id)
            .unwrap_or_else(|| panic!("{} cites the Law but is no rule", r.rule_id));
        assert_eq!(
            r.citation, rule.citation,
            "{} ({}) cites {} where its rule cites {}",
            r.rule_id, r.message_key, r.citation, rule.citation
        );
    }
}

#[test]
fn every_check_is_failed_by_the_tables() {
    // So that the tests above look at every way a check can fail.
    let unmet: BTreeSet<String> = all_reasons()
        .into_iter()
        .filter(|r| r.effect != Effect::Applied)
        .map(|r| r.rule_id)
        .collect();
    for id in [
        "visa.validity.max",
        "visa.dates.order",
        "visa.validity.stay",
        "visa.validity.engagement",
        "visa.passport_margin",
        "visa.names",
        "visa.category.actor_employee",
        "visa.citizenship",
        "visa.passport.data",
        "visa.qualification_documents",
        "visa.extension",
        "visa.filing_window",
        "visa.collection",
        "visa.category.trainee",
        "visa.family",
        "visa.family.not_beyond_employee",
        "eligibility.legal_entity_only",
        "eligibility.ie_excluded",
        "eligibility.actor.priority_activities",
        "eligibility.actor.tax_regime",
        "acceleration.applicant_kind",
        "acceleration.stage",
        "acceleration.team",
        "acceleration.cohort_open",
        "acceleration.housing.nights",
    ] {
        assert!(unmet.contains(id), "no row of the tables fails {id}");
    }
}

#[test]
fn outcomes_agree_with_their_reasons() {
    for (name, dec) in visa_decisions() {
        explained(&dec.reasons);
        let refused = dec.outcome == InvitationOutcome::CannotFile;
        assert_eq!(refused, dec.refused(), "{name}");
        assert_eq!(
            name == "valid",
            dec.reasons.iter().all(|r| !r.refuses() && !r.warns())
        );
    }
    for dec in eligibility_decisions() {
        explained(&dec.reasons);
        match dec.outcome {
            EligibilityOutcome::NotEligible { .. } => assert!(dec.refused()),
            EligibilityOutcome::FundDecides { .. } => {
                assert!(!dec.refused() && dec.warnings().next().is_some())
            }
            EligibilityOutcome::Eligible { .. } => assert!(!dec.refused()),
        }
    }
    for dec in enrolment_decisions() {
        explained(&dec.reasons);
        assert_eq!(dec.outcome == EnrolmentOutcome::CannotApply, dec.refused());
    }
}

/// The readings the Law does not state: they warn and never refuse, whatever else changes.
#[test]
fn the_laws_silences_only_warn() {
    let warned: BTreeSet<(String, String)> = all_reasons()
        .into_iter()
        .filter(|r| r.warns())
        .map(|r| (r.rule_id, r.message_key))
        .collect();
    for (rule, key) in [
        ("visa.validity.engagement", "visa.reason.beyond_engagement"),
        ("visa.validity.stay", "visa.reason.stay_beyond_visa"),
        (
            "visa.family.not_beyond_employee",
            "visa.reason.family_beyond_employee",
        ),
        ("visa.family", "visa.reason.child_age"),
        (
            "acceleration.housing.nights",
            "acceleration.reason.night_outside",
        ),
        (
            "eligibility.ie_excluded",
            "eligibility.reason.individual_entrepreneur",
        ),
    ] {
        assert!(
            warned.contains(&(rule.to_owned(), key.to_owned())),
            "{rule} {key} warns"
        );
    }
}

/// Art. 7-1(2) is about employees of Astana Hub actors or of the Fund and their families: a
/// trainee's decision (Art. 8-1(5-5)) never rests on it.
#[test]
fn a_trainees_reasons_never_cite_the_employees_article() {
    for (name, mut r) in visa_table() {
        r.route = VisaRoute::Trainee;
        let dec = check_invitation(&r, d(AS_OF)).unwrap();
        for reason in &dec.reasons {
            let c = &reason.citation;
            assert!(
                !(c.source == LAW
                    && c.article.as_deref() == Some("7-1")
                    && c.paragraph.as_deref() == Some("2")),
                "{name}: {} cites {c}",
                reason.message_key
            );
        }
    }
}
