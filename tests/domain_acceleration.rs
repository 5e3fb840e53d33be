//! Acceleration (Law No. 207-V, Art. 8-1(5-1)) and housing (Art. 8-1(5-8)), on the demo
//! catalogue in data/programmes.toml.
use astana_hub_portal::domain::acceleration::{
    CohortStatus, EnrolmentApplication, EnrolmentOutcome, HousingOutcome, Programme, ProjectStage,
    Role, TeamMember, catalogue, check_enrolment, check_housing,
};
use astana_hub_portal::domain::decision::Reason;
use astana_hub_portal::domain::eligibility::ApplicantKind;
use chrono::Days;

mod fixtures;
use fixtures::{AS_OF, d, explained};

fn programme(id: &str) -> Programme {
    catalogue(d(AS_OF))
        .into_iter()
        .find(|p| p.id == id)
        .unwrap()
}

fn member(role: Role, full_time: bool) -> TeamMember {
    TeamMember { role, full_time }
}

/// A company at the MVP stage with three key members and a full-time project manager.
fn seed_team() -> EnrolmentApplication {
    EnrolmentApplication {
        applicant_kind: ApplicantKind::LegalEntity,
        stage: ProjectStage::Mvp,
        team: vec![
            member(Role::ProjectManager, true),
            member(Role::Developer, true),
            member(Role::Designer, false),
        ],
    }
}

fn check(
    programme_id: &str,
    cohort_id: &str,
    app: &EnrolmentApplication,
) -> (EnrolmentOutcome, Vec<Reason>) {
    let p = programme(programme_id);
    let c = p.cohorts.iter().find(|c| c.id == cohort_id).unwrap();
    let dec = check_enrolment(&p, c, app, d(AS_OF));
    explained(&dec.reasons);
    (dec.outcome, dec.reasons)
}

fn keys(reasons: &[Reason]) -> Vec<&str> {
    reasons.iter().map(|r| r.message_key.as_str()).collect()
}

/// The demo catalogue's conditions are uncertain: unmet, they warn and never refuse.
fn warned(reasons: &[Reason]) -> Vec<&str> {
    reasons
        .iter()
        .filter(|r| r.warns())
        .map(|r| r.message_key.as_str())
        .collect()
}

#[test]
fn art_8_1_5_1_catalogue_has_the_funds_programmes_and_live_cohorts() {
    let all = catalogue(d(AS_OF));
    let names: Vec<&str> = all.iter().map(|p| p.name.as_str()).collect();
    for name in [
        "Silkway Accelerator",
        "Techpreneurs",
        "Hero Training",
        "Scalerator",
        "Seed Money",
        "Tech Orda",
    ] {
        assert!(names.contains(&name), "{name}");
    }
    let statuses: Vec<CohortStatus> = all
        .iter()
        .flat_map(|p| p.cohorts.iter().map(|c| c.status))
        .collect();
    for s in [
        CohortStatus::Open,
        CohortStatus::Full,
        CohortStatus::DeadlinePassed,
        CohortStatus::NotYetOpen,
    ] {
        assert!(statuses.contains(&s), "the demo shows a {s:?} cohort");
    }
}

#[test]
fn art_8_1_5_1_catalogue_moves_with_the_as_of_date() {
    let later = d(AS_OF).checked_add_days(Days::new(400)).unwrap();
    let a = &programme("seed_money").cohorts[0];
    let b = &catalogue(later)
        .into_iter()
        .find(|p| p.id == "seed_money")
        .unwrap()
        .cohorts[0];
    assert_eq!(
        b.deadline,
        a.deadline.checked_add_days(Days::new(400)).unwrap()
    );
    assert_eq!(
        a.status, b.status,
        "a demo deployed today still has open cohorts next year"
    );
}

#[test]
fn art_8_1_5_1_seed_money_team_with_full_time_manager_can_apply() {
    let (outcome, reasons) = check("seed_money", "seed-money-round", &seed_team());
    assert_eq!(outcome, EnrolmentOutcome::CanApply);
    assert!(keys(&reasons).contains(&"acceleration.reason.can_apply"));
    assert!(warned(&reasons).is_empty());
}

#[test]
fn art_8_1_5_1_team_below_minimum_size_warns() {
    let mut app = seed_team();
    app.team.pop();
    let (outcome, reasons) = check("seed_money", "seed-money-round", &app);
    assert_eq!(outcome, EnrolmentOutcome::CanApply);
    assert_eq!(warned(&reasons), ["acceleration.reason.team_size"]);
    let r = reasons
        .iter()
        .find(|r| r.message_key == "acceleration.reason.team_size")
        .unwrap();
    assert_eq!(
        r.values,
        vec![("size".into(), "2".into()), ("minimum".into(), "3".into())]
    );
}

#[test]
fn art_8_1_5_1_part_time_project_manager_is_not_enough() {
    let mut app = seed_team();
    app.team[0].full_time = false;
    let (outcome, reasons) = check("seed_money", "seed-money-round", &app);
    assert_eq!(outcome, EnrolmentOutcome::CanApply);
    assert_eq!(
        warned(&reasons),
        ["acceleration.needs_full_time.project_manager"]
    );
}

#[test]
fn art_8_1_5_1_required_role_missing() {
    let mut app = seed_team();
    app.stage = ProjectStage::Revenue;
    app.team
        .extend([member(Role::Developer, true), member(Role::Developer, true)]);
    let (outcome, reasons) = check("scalerator", "scalerator-next", &app);
    assert_eq!(outcome, EnrolmentOutcome::CanApply);
    assert_eq!(warned(&reasons), ["acceleration.needs.business_developer"]);
}

#[test]
fn art_8_1_5_1_applicant_kind_not_accepted() {
    let mut app = seed_team();
    app.applicant_kind = ApplicantKind::Individual;
    let (outcome, reasons) = check("seed_money", "seed-money-round", &app);
    assert_eq!(outcome, EnrolmentOutcome::CanApply);
    assert_eq!(warned(&reasons), ["acceleration.reason.applicant_kind"]);
}

#[test]
fn art_8_1_5_1_unincorporated_team_only_where_allowed() {
    let mut app = seed_team();
    app.applicant_kind = ApplicantKind::UnincorporatedTeam;
    app.stage = ProjectStage::Idea;
    let (outcome, _) = check("techpreneurs", "techpreneurs-winter", &app);
    assert_eq!(outcome, EnrolmentOutcome::CanApply);
    let (outcome, reasons) = check("silkway", "silkway-next", &app);
    assert_eq!(outcome, EnrolmentOutcome::CanApply);
    assert!(warned(&reasons).contains(&"acceleration.reason.team_not_incorporated"));
}

#[test]
fn art_8_1_5_1_stage_not_accepted() {
    let mut app = seed_team();
    app.stage = ProjectStage::Idea;
    let (_, reasons) = check("seed_money", "seed-money-round", &app);
    assert!(keys(&reasons).contains(&"acceleration.reason.stage"));
}

#[test]
fn art_8_1_5_1_deadline_passed_names_the_deadline() {
    let mut app = seed_team();
    app.stage = ProjectStage::Idea;
    let (outcome, reasons) = check("techpreneurs", "techpreneurs-autumn", &app);
    // The service's own cohorts: a format check, so it refuses.
    assert_eq!(outcome, EnrolmentOutcome::CannotApply);
    let r = reasons
        .iter()
        .find(|r| r.message_key == "acceleration.reason.deadline_passed")
        .unwrap();
    assert!(r.refuses());
    assert_eq!(r.values, vec![("date".into(), "2026-02-25".into())]);
}

#[test]
fn art_8_1_5_1_full_cohort_and_not_yet_open_cohort() {
    let app = EnrolmentApplication {
        applicant_kind: ApplicantKind::Individual,
        stage: ProjectStage::Idea,
        team: vec![member(Role::Developer, true)],
    };
    let (_, reasons) = check("hero_training", "hero-training-next", &app);
    assert!(keys(&reasons).contains(&"acceleration.reason.full"));
    let (_, reasons) = check("hero_training", "hero-training-later", &app);
    assert!(keys(&reasons).contains(&"acceleration.reason.not_yet_open"));
}

#[test]
fn art_8_1_5_8_housing_nights_inside_the_cohort() {
    let p = programme("silkway");
    let c = &p.cohorts[1];
    let first = c.starts;
    let last = c.ends.pred_opt().unwrap();
    let dec = check_housing(&p, c, &[first, last]);
    explained(&dec.reasons);
    assert_eq!(dec.outcome, HousingOutcome::Available);
    let dec = check_housing(&p, c, &[first.pred_opt().unwrap(), c.ends]);
    explained(&dec.reasons);
    assert_eq!(dec.outcome, HousingOutcome::FundDecides);
    let outside: Vec<_> = dec
        .reasons
        .iter()
        .filter(|r| r.message_key == "acceleration.reason.night_outside")
        .collect();
    assert_eq!(outside.len(), 2);
    // The Law leaves housing to the Fund's rules: the portal's reading only warns.
    assert!(outside.iter().all(|r| r.warns()));
    assert_eq!(
        check_housing(&p, c, &[]).outcome,
        HousingOutcome::FundDecides
    );
}

#[test]
fn art_8_1_5_8_programme_without_housing() {
    let p = programme("tech_orda");
    let c = &p.cohorts[1];
    let dec = check_housing(&p, c, &[c.starts]);
    assert_eq!(dec.outcome, HousingOutcome::FundDecides);
    assert!(keys(&dec.reasons).contains(&"acceleration.reason.no_housing"));
}

/// Art. 8-1(5-1), Art. 8-1(5-8): people undergo acceleration too. Each programme takes the
/// kinds of applicant its catalogue entry names: both individuals' programmes take an
/// individual and refuse a company; an individual entrepreneur and a team reach Techpreneurs.
#[test]
fn art_8_1_5_1_each_kind_reaches_the_programmes_that_take_it() {
    let cases = [
        (
            "individual_in_hero_training",
            "hero_training",
            "hero-training-spring",
            ApplicantKind::Individual,
            true,
        ),
        (
            "individual_in_tech_orda",
            "tech_orda",
            "tech-orda-next",
            ApplicantKind::Individual,
            true,
        ),
        (
            "company_not_in_tech_orda",
            "tech_orda",
            "tech-orda-next",
            ApplicantKind::LegalEntity,
            false,
        ),
        (
            "entrepreneur_not_in_hero_training",
            "hero_training",
            "hero-training-spring",
            ApplicantKind::IndividualEntrepreneur,
            false,
        ),
        (
            "entrepreneur_in_techpreneurs",
            "techpreneurs",
            "techpreneurs-winter",
            ApplicantKind::IndividualEntrepreneur,
            true,
        ),
        (
            "team_in_techpreneurs",
            "techpreneurs",
            "techpreneurs-winter",
            ApplicantKind::UnincorporatedTeam,
            true,
        ),
        (
            "individual_not_in_silkway",
            "silkway",
            "silkway-next",
            ApplicantKind::Individual,
            false,
        ),
    ];
    for (name, programme_id, cohort_id, kind, takes) in cases {
        let app = EnrolmentApplication {
            applicant_kind: kind,
            stage: ProjectStage::Prototype,
            team: vec![
                member(Role::ProjectManager, true),
                member(Role::Developer, true),
            ],
        };
        let (outcome, reasons) = check(programme_id, cohort_id, &app);
        let refused_kind = keys(&reasons).contains(&"acceleration.reason.applicant_kind");
        assert_eq!(!refused_kind, takes, "{name}: {:?}", keys(&reasons));
        if takes {
            assert_eq!(
                outcome,
                EnrolmentOutcome::CanApply,
                "{name}: {:?}",
                keys(&reasons)
            );
        }
    }
}
