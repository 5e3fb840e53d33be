//! The contract: reference numbers, fingerprints, the idempotency rule, the status progression
//! on fixed dates, and the JSON shapes both sides rely on.

use astana_hub_portal::api::*;
use astana_hub_portal::domain::{acceleration::Role, eligibility::Route};
use chrono::NaiveDate;
use serde_json::json;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

// Reference numbers

#[test]
fn reference_check_character_computed_by_hand() {
    // 2,0,2,6 · 1..4 = 32; P = 20 · 5 = 100; 7K3M9Q = 5·6 + 17·7 + 1·8 + 18·9 + 7·10 + 21·11
    // = 620; 752 mod 31 = 8, and ALPHABET[8] = 'A'.
    let r = Reference::parse("AH-2026-P-7K3M9Q-A").unwrap();
    assert_eq!(r.kind(), Kind::Application);
    assert_eq!(r.year(), 2026);
    assert_eq!(
        Reference::parse("AH-2026-P-7K3M9Q-B"),
        Err(ReferenceError::Check)
    );
}

#[test]
fn reference_new_round_trips_for_every_kind() {
    for kind in Kind::ALL {
        for n in [0u64, 1, 30, 31, 123_456_789, u64::MAX] {
            let r = Reference::new(2027, kind, n);
            assert_eq!(Reference::parse(r.as_str()).as_ref(), Ok(&r), "{r}");
            assert_eq!(r.kind(), kind);
            assert_eq!(r.as_str().len(), "AH-2026-P-7K3M9Q-X".len());
        }
    }
    assert_eq!(
        Reference::new(2026, Kind::Enrolment, 0).as_str()[8..10],
        *"E-"
    );
    assert_ne!(
        Reference::new(2026, Kind::Invitation, 1),
        Reference::new(2026, Kind::Invitation, 2)
    );
}

#[test]
fn reference_typed_loosely_is_accepted() {
    let r = Reference::parse("  ah-2026-p-7k3m9q-a ").unwrap();
    assert_eq!(r.as_str(), "AH-2026-P-7K3M9Q-A");
}

#[test]
fn reference_every_single_substitution_is_caught() {
    let good = "AH-2026-P-7K3M9Q-A";
    let positions: Vec<usize> = (3..good.len()).filter(|&i| &good[i..=i] != "-").collect();
    for i in positions {
        for c in ALPHABET_CHARS.chars().chain('0'..='9') {
            if good.as_bytes()[i] as char == c {
                continue;
            }
            let mut typo = good.to_owned();
            typo.replace_range(i..=i, &c.to_string());
            assert!(Reference::parse(&typo).is_err(), "{typo} passed");
        }
    }
}

#[test]
fn reference_every_neighbour_swap_is_caught() {
    let serial = "AH-2026-P-7K3M9Q-A";
    for i in [3usize, 4, 5, 11, 12, 13, 14, 15] {
        let mut b = serial.as_bytes().to_vec();
        if b[i] == b[i + 1] {
            continue;
        }
        b.swap(i, i + 1);
        let swapped = String::from_utf8(b).unwrap();
        assert!(Reference::parse(&swapped).is_err(), "{swapped} passed");
    }
}

#[test]
fn reference_malformed_texts_are_format_errors() {
    for text in [
        "",
        "AH-2026-P-7K3M9Q",
        "XX-2026-P-7K3M9Q-A",
        "AH-26-P-7K3M9Q-A",
        "AH-2026-Z-7K3M9Q-A",
        "AH-2026-P-7K3M9O-A",
        "AH-2026-P-7K3M91-A",
        "AH-2026-P-7K3M9QQ-A",
        "AH-2026-P-7K3M9Q-AA",
        "AH-2026-PP-7K3M9Q-A",
    ] {
        assert_eq!(
            Reference::parse(text),
            Err(ReferenceError::Format),
            "{text}"
        );
    }
}

#[test]
fn reference_in_json_is_a_string_and_checked() {
    let r: Reference = serde_json::from_value(json!("AH-2026-P-7K3M9Q-A")).unwrap();
    assert_eq!(
        serde_json::to_value(&r).unwrap(),
        json!("AH-2026-P-7K3M9Q-A")
    );
    assert!(serde_json::from_value::<Reference>(json!("AH-2026-P-7K3M9Q-B")).is_err());
}

const ALPHABET_CHARS: &str = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

// Fingerprints and idempotency

#[test]
fn canonical_json_sorts_keys_at_every_level() {
    let a = json!({"b": [true, null, "x"], "a": 1, "c": {"z": 1, "y": 2}});
    assert_eq!(
        canonical_json(&a),
        r#"{"a":1,"b":[true,null,"x"],"c":{"y":2,"z":1}}"#
    );
}

#[test]
fn fingerprint_is_fnv1a_of_the_canonical_json() {
    // Reference values computed independently of this code.
    assert_eq!(fingerprint(&json!({})), "08f44b07b5901a25");
    assert_eq!(
        fingerprint(&json!({"b": [true, null, "x"], "a": 1})),
        "dfbb1f98a6d14526"
    );
}

#[test]
fn fingerprint_ignores_key_order_but_not_values() {
    let one = json!({"name": "Alpha", "bin": "970740000838"});
    let same: serde_json::Value =
        serde_json::from_str(r#"{ "bin" : "970740000838", "name":"Alpha" }"#).unwrap();
    let other = json!({"name": "Alpha", "bin": "970740000839"});
    assert_eq!(fingerprint(&one), fingerprint(&same));
    assert_ne!(fingerprint(&one), fingerprint(&other));
    assert_eq!(fingerprint(&application()), fingerprint(&application()));
    let mut changed = application();
    changed.headcount += 1;
    assert_ne!(fingerprint(&application()), fingerprint(&changed));
}

#[test]
fn idempotency_new_same_and_conflict() {
    let answer = "first answer".to_owned();
    assert_eq!(replay::<String>(None, "aa"), Replay::New);
    assert_eq!(
        replay(Some(("aa", &answer)), "aa"),
        Replay::Same(answer.clone())
    );
    assert_eq!(
        replay(Some(("aa", &answer)), "bb"),
        Replay::Conflict(answer)
    );
}

// Status progression

#[test]
fn status_progression_skips_nauryz_2026() {
    // Submitted Wednesday 18 March 2026. Nauryz 21–23 March falls on Sat–Mon; the Saturday and
    // Sunday move to Tuesday 24 and Wednesday 25. Moderation: 19, 20, 26, 27, 30 March.
    // Commission: 31 March, 1, 2, 3, 6, 7, 8, 9, 10, 13 April.
    let t = milestones(d(2026, 3, 18)).unwrap();
    let due: Vec<(Stage, NaiveDate)> = t.iter().map(|m| (m.stage, m.due)).collect();
    assert_eq!(
        due,
        vec![
            (Stage::Submitted, d(2026, 3, 18)),
            (Stage::Moderation, d(2026, 3, 30)),
            (Stage::Commission, d(2026, 4, 13)),
            (Stage::Decision, d(2026, 4, 13)),
        ]
    );
    for (as_of, stage) in [
        (d(2026, 3, 18), Stage::Submitted),
        (d(2026, 3, 19), Stage::Moderation),
        (d(2026, 3, 30), Stage::Moderation),
        (d(2026, 3, 31), Stage::Commission),
        (d(2026, 4, 13), Stage::Commission),
        (d(2026, 4, 14), Stage::Decision),
        (d(2027, 1, 1), Stage::Decision),
    ] {
        assert_eq!(stage_on(&t, as_of), stage, "on {as_of}");
    }
}

#[test]
fn status_progression_from_a_friday_before_new_year() {
    // Friday 26 December 2025: 29, 30, 31 December count; 1–2 January are holidays and 3–4 a
    // weekend; 5 and 6 January close the moderation. The commission then skips 7 January
    // (Orthodox Christmas): 8, 9, 12–16, 19, 20, 21 January.
    let t = milestones(d(2025, 12, 26)).unwrap();
    assert_eq!(t[1].due, d(2026, 1, 6));
    assert_eq!(t[2].due, d(2026, 1, 21));
}

#[test]
fn status_beyond_the_holiday_table_is_an_error() {
    assert!(milestones(d(2040, 1, 10)).is_err());
}

// Shapes and checks

fn application() -> ParticipantApplication {
    ParticipantApplication {
        attachments: Vec::new(),
        organisation: Organisation {
            name: "Alpha LLP".into(),
            bin: "970740000838".into(),
            legal_form: "llp".into(),
            registration_date: d(2020, 5, 1),
            registered_address: "Astana, Mangilik El 55/8".into(),
            website: None,
        },
        contact: Contact {
            name: "Aigerim Sarsenova".into(),
            position: "Director".into(),
            email: "aigerim@example.kz".into(),
            phone: "+7 701 000 0000".into(),
        },
        activities: vec!["software_development".into()],
        income_tiyn: 1_200_000_000,
        income_year: 2025,
        headcount: 12,
        foreign_specialists: 1,
        project: Project {
            description: "A platform".into(),
            business_plan_summary: "Grow".into(),
        },
        documents: vec!["business_plan".into()],
        declarations: Declarations {
            information_true: true,
            conditions_met: true,
            data_processing: true,
        },
        route: Route::AstanaHubActor,
    }
}

#[test]
fn application_checks_name_each_refused_field() {
    assert_eq!(application().check(d(2026, 3, 2)), vec![]);
    let mut bad = application();
    bad.organisation.bin = "970740000839".into();
    bad.contact.email = "aigerim@".into();
    bad.activities = vec!["software_development".into(), "resale".into()];
    bad.declarations.data_processing = false;
    let paths: Vec<(String, String)> = bad
        .check(d(2026, 3, 2))
        .into_iter()
        .map(|e| (e.path, e.code))
        .collect();
    assert_eq!(
        paths,
        vec![
            ("organisation.bin".into(), "ids.bad_check_digit".into()),
            ("contact.email".into(), "api.field.email".into()),
            ("activities.1".into(), "api.field.unknown_activity".into()),
            (
                "declarations.data_processing".into(),
                "api.field.declaration".into()
            ),
        ]
    );
}

#[test]
fn second_factor_per_kind() {
    assert_eq!(application().second_factor(), "970740000838");
    assert!(second_factor_matches("970740000838", " 9707 4000 0838 "));
    assert!(!second_factor_matches("970740000838", "970740000839"));
    assert!(second_factor_matches("team@example.kz", " Team@Example.KZ"));
    assert!(!second_factor_matches("team@example.kz", ""));
    let team = Enrolment {
        attachments: Vec::new(),
        programme_id: "silkway".into(),
        cohort_id: "c1".into(),
        applicant: Applicant::Team {
            name: "Team".into(),
            contact_email: "Team@Example.kz".into(),
        },
        project_summary: "x".into(),
        team: vec![],
    };
    assert_eq!(team.second_factor(), "team@example.kz");
}

/// An enrolment of `applicant` in Tech Orda, which takes individuals, with one member.
fn enrolment_by(applicant: Applicant) -> Enrolment {
    Enrolment {
        attachments: Vec::new(),
        programme_id: "tech_orda".into(),
        cohort_id: "tech-orda-next".into(),
        applicant,
        project_summary: "A mobile app".into(),
        team: vec![TeamMember {
            name: "Aigerim Sadykova".into(),
            role: Role::Developer,
            email: "aigerim@example.kz".into(),
            citizenship: "KZ".into(),
            iin: None,
            key_member: true,
            full_time_pm: false,
            needs_housing: false,
            housing: None,
            access_needs: None,
        }],
    }
}

fn person(iin: &str) -> Applicant {
    Applicant::Individual {
        iin: iin.into(),
        name: "Aigerim Sadykova".into(),
        contact_email: "aigerim@example.kz".into(),
    }
}

/// Decree No. 565 (BIN / IIN) on the applicant of an enrolment (Law No. 207-V, Art. 8-1(5-1)):
/// a person gives an IIN, a legal entity a BIN, and each is told when it gives the other.
#[test]
fn enrolment_applicant_is_checked_by_its_own_number() {
    let cases = [
        (
            "decree_565_individual_with_a_valid_iin",
            person("900515300018"),
            None,
        ),
        (
            "decree_565_individual_entrepreneur_is_known_by_an_iin",
            Applicant::IndividualEntrepreneur {
                iin: "9512 0640 0016".into(),
                name: "Dana Omarova".into(),
                contact_email: "dana@example.kz".into(),
            },
            None,
        ),
        (
            "decree_565_iin_with_a_bad_check_digit",
            person("900515300019"),
            Some(("applicant.iin", "ids.bad_check_digit")),
        ),
        (
            "decree_565_bin_given_for_an_individual",
            person("970740000838"),
            Some(("applicant.iin", "ids.iin.looks_like_bin")),
        ),
        (
            "decree_565_iin_given_for_a_legal_entity",
            Applicant::Participant {
                bin: "900515300018".into(),
            },
            Some(("applicant.bin", "ids.bin.looks_like_iin")),
        ),
    ];
    for (name, applicant, expected) in cases {
        let found: Vec<(String, String)> = enrolment_by(applicant)
            .check()
            .into_iter()
            .map(|e| (e.path, e.code))
            .collect();
        let expected: Vec<(String, String)> = expected
            .into_iter()
            .map(|(p, c)| (p.into(), c.into()))
            .collect();
        assert_eq!(found, expected, "{name}");
    }
}

#[test]
fn decree_565_a_team_members_iin_is_checked_when_given() {
    let mut team = enrolment_by(Applicant::Team {
        name: "Qazaq Robotics".into(),
        contact_email: "team@example.kz".into(),
    });
    team.team[0].iin = Some("900515300019".into());
    let paths: Vec<_> = team.check().into_iter().map(|e| (e.path, e.code)).collect();
    assert_eq!(
        paths,
        vec![("team.0.iin".into(), "ids.bad_check_digit".into())]
    );
}

/// Art. 8-1(5-1): the demo catalogue says Tech Orda takes individuals only. That is an
/// uncertain condition: check your answers warns, and the service takes any kind.
#[test]
fn art_8_1_5_1_whom_a_programme_takes_never_refuses_at_the_service() {
    let today = d(2026, 3, 2);
    assert_eq!(
        enrolment_by(person("900515300018")).check_cohort(today),
        None
    );
    for applicant in [
        Applicant::Participant {
            bin: "970740000838".into(),
        },
        Applicant::Team {
            name: "Team".into(),
            contact_email: "team@example.kz".into(),
        },
    ] {
        assert_eq!(enrolment_by(applicant).check_cohort(today), None);
    }
    assert_eq!(
        enrolment_by(person("9005 1530 0018")).second_factor(),
        "900515300018"
    );
}

#[test]
fn bodies_have_the_documented_json_shape() {
    let body = serde_json::to_value(Versioned::new(application())).unwrap();
    assert_eq!(body["schema_version"], json!(SCHEMA_VERSION));
    assert_eq!(body["data"]["organisation"]["bin"], json!("970740000838"));
    assert_eq!(body["data"]["route"], json!("astana_hub_actor"));
    assert!(body["data"]["organisation"].get("website").is_none());
    let applicant = serde_json::to_value(Applicant::Participant { bin: "1".into() }).unwrap();
    assert_eq!(applicant, json!({"kind": "participant", "bin": "1"}));
    let applicant = serde_json::to_value(person("1")).unwrap();
    assert_eq!(
        applicant,
        json!({"kind": "individual", "iin": "1", "name": "Aigerim Sadykova",
               "contact_email": "aigerim@example.kz"})
    );
    let problem =
        ProblemKind::Validation.problem(vec![FieldError::new("organisation.bin", "ids.empty")]);
    let problem = serde_json::to_value(problem).unwrap();
    assert_eq!(
        problem["type"],
        json!("urn:astana-hub-portal:problem:validation")
    );
    assert_eq!(problem["status"], json!(422));
    assert_eq!(problem["errors"][0]["path"], json!("organisation.bin"));
    let read: Problem = serde_json::from_value(json!({"title": "x", "status": 503})).unwrap();
    assert_eq!(read.type_uri, "about:blank");
}

#[test]
fn problem_kinds_have_distinct_uris_and_statuses() {
    let mut uris: Vec<_> = ProblemKind::ALL.iter().map(|k| k.uri()).collect();
    uris.dedup();
    assert_eq!(uris.len(), ProblemKind::ALL.len());
    assert_eq!(ProblemKind::IdempotencyConflict.status(), 409);
}
