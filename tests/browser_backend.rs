//! The mock backend in a real browser: persistence across a reload, idempotency, failure
//! injection, service-side checks and the status progression on fixed dates; and the
//! configuration gate with its demo banner.
#![cfg(target_arch = "wasm32")]

use astana_hub_portal::api::*;
use astana_hub_portal::backend::{
    Backend, BackendError, Config, IdempotencyKey, MockBackend, STORAGE_PREFIX,
};
use astana_hub_portal::ui::App;
use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod support;
use support::application;

wasm_bindgen_test_configure!(run_in_browser);

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A mock as `config.json` would make it, on a fixed day.
fn mock(today: &str, mock_settings: &str) -> MockBackend {
    let text = format!(
        r#"{{"backend":"mock","timeout_ms":1000,"today":"{today}","mock":{mock_settings}}}"#
    );
    MockBackend::new(&Config::parse(&text).expect("valid config"))
}

fn quiet(today: &str) -> MockBackend {
    mock(today, r#"{"delay_ms":0}"#)
}

fn storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

fn query(reference: &Reference, second_factor: &str) -> StatusQuery {
    StatusQuery {
        reference: reference.to_string(),
        second_factor: second_factor.into(),
    }
}

#[wasm_bindgen_test]
async fn a_submission_survives_a_reload_and_moves_through_its_stages_by_working_days() {
    MockBackend::forget_everything();
    let key = IdempotencyKey::generate();
    let made = quiet("2026-03-18")
        .submit_application(&key, &application("970740000838"))
        .await
        .expect("submitted");
    assert_eq!(made.submitted_on, d(2026, 3, 18));
    assert_eq!(made.reference.kind(), Kind::Application);
    assert!(
        storage().get_item("ahp:mock:store").unwrap().is_some(),
        "stored under the namespaced key"
    );
    // A new instance reads only what localStorage kept, as after a reload.
    for (today, stage) in [
        ("2026-03-18", Stage::Submitted),
        ("2026-03-19", Stage::Moderation),
        ("2026-03-30", Stage::Moderation),
        ("2026-03-31", Stage::Commission),
        ("2026-04-13", Stage::Commission),
        ("2026-04-14", Stage::Decision),
    ] {
        let status = quiet(today)
            .status(&query(&made.reference, "9707 4000 0838"))
            .await
            .expect("found after reload");
        assert_eq!(status.stage, stage, "on {today}");
        assert_eq!(status.timeline[1].due, d(2026, 3, 30));
    }
    let wrong = quiet("2026-03-19")
        .status(&query(&made.reference, "971240001583"))
        .await;
    assert_eq!(
        wrong,
        Err(BackendError::NotFound),
        "the second factor matters"
    );
}

/// An enrolment in an open cohort of 2 March 2026, by `applicant`.
fn enrolment(programme: &str, cohort: &str, applicant: Applicant) -> Enrolment {
    Enrolment {
        attachments: Vec::new(),
        programme_id: programme.into(),
        cohort_id: cohort.into(),
        applicant,
        project_summary: "Payments for small shops.".into(),
        team: vec![TeamMember {
            name: "Aigerim Sadykova".into(),
            role: astana_hub_portal::domain::acceleration::Role::ProjectManager,
            email: "aigerim@example.kz".into(),
            citizenship: "KZ".into(),
            iin: None,
            key_member: true,
            full_time_pm: true,
            needs_housing: false,
            housing: None,
            access_needs: None,
        }],
    }
}

#[wasm_bindgen_test]
async fn an_enrolment_is_tracked_by_the_participants_bin_or_the_teams_email() {
    MockBackend::forget_everything();
    let backend = quiet("2026-03-02");
    let by_participant = enrolment(
        "silkway",
        "silkway-next",
        Applicant::Participant {
            bin: "970740000838".into(),
        },
    );
    let by_team = enrolment(
        "techpreneurs",
        "techpreneurs-winter",
        Applicant::Team {
            name: "Qazaq Pay".into(),
            contact_email: "team@example.kz".into(),
        },
    );
    let mut made = Vec::new();
    for body in [&by_participant, &by_team] {
        let sent = backend
            .submit_enrolment(&IdempotencyKey::generate(), body)
            .await
            .expect("enrolled");
        assert_eq!(sent.reference.kind(), Kind::Enrolment);
        made.push(sent.reference);
    }
    let found = backend
        .status(&query(&made[0], "9707 4000 0838"))
        .await
        .expect("found by BIN");
    assert_eq!(
        (found.kind, found.stage),
        (Kind::Enrolment, Stage::Submitted)
    );
    assert!(
        backend
            .status(&query(&made[1], " Team@Example.KZ"))
            .await
            .is_ok()
    );
    for (reference, other) in [(&made[0], "team@example.kz"), (&made[1], "970740000838")] {
        assert_eq!(
            backend.status(&query(reference, other)).await,
            Err(BackendError::NotFound),
            "each enrolment by its own second factor"
        );
    }
}

#[wasm_bindgen_test]
async fn the_same_key_gives_the_first_answer_and_refuses_another_body() {
    MockBackend::forget_everything();
    let backend = quiet("2026-03-02");
    let key = IdempotencyKey::generate();
    let first = backend
        .submit_application(&key, &application("970740000838"))
        .await
        .unwrap();
    let again = quiet("2026-03-05")
        .submit_application(&key, &application("970740000838"))
        .await
        .unwrap();
    assert_eq!(
        again, first,
        "a retry, even days later, is the same submission"
    );
    let other = backend
        .submit_application(&key, &application("971240001583"))
        .await;
    assert_eq!(
        other,
        Err(BackendError::Conflict(Some(
            first.reference.as_str().to_owned()
        ))),
        "the refusal names the submission already made"
    );
    let second = backend
        .submit_application(&IdempotencyKey::generate(), &application("970740000838"))
        .await
        .unwrap();
    assert_ne!(
        second.reference, first.reference,
        "a new key is a new submission"
    );
    let stored = storage().get_item("ahp:mock:store").unwrap().unwrap();
    assert_eq!(stored.matches("\"reference\"").count(), 2);
}

#[wasm_bindgen_test]
async fn failures_are_injected_from_the_configuration() {
    MockBackend::forget_everything();
    let offline = mock("2026-03-02", r#"{"forced_error":"offline"}"#);
    assert_eq!(offline.catalogue().await, Err(BackendError::Offline));
    let key = IdempotencyKey::generate();
    assert_eq!(
        offline
            .submit_application(&key, &application("970740000838"))
            .await,
        Err(BackendError::Offline)
    );
    assert!(
        storage().get_item("ahp:mock:store").unwrap().is_none(),
        "a failed call stores nothing"
    );
    let always = mock("2026-03-02", r#"{"failure_rate":1.0}"#);
    assert_eq!(always.catalogue().await, Err(BackendError::Server));
    let never = mock("2026-03-02", r#"{"failure_rate":0.0}"#);
    assert!(never.catalogue().await.is_ok());
    // A forced conflict names no submission, as an older service's 409 does.
    let conflict = mock("2026-03-02", r#"{"forced_error":"conflict"}"#);
    let forced = conflict.catalogue().await.unwrap_err();
    assert_eq!(forced, BackendError::Conflict(None));
    assert_eq!(forced.message_key(), "backend.error.conflict");
    assert_eq!(
        BackendError::Conflict(Some("AH-2026-P-7K3M9Q-A".into())).message_key(),
        "backend.error.conflict_reference"
    );
    assert!(
        Config::parse(r#"{"backend":"mock","timeout_ms":1,"mock":{"forced_error":"typo"}}"#)
            .is_err()
    );
}

#[wasm_bindgen_test]
async fn the_delay_comes_from_the_configuration() {
    let slow = mock("2026-03-02", r#"{"delay_ms":300}"#);
    let started = js_sys::Date::now();
    slow.catalogue().await.unwrap();
    assert!(js_sys::Date::now() - started >= 290.0);
}

#[wasm_bindgen_test]
async fn the_catalogue_is_the_domains_for_the_configured_day() {
    let catalogue = quiet("2026-03-02").catalogue().await.unwrap();
    assert_eq!(catalogue.as_of, d(2026, 3, 2));
    assert_eq!(
        catalogue.programmes,
        astana_hub_portal::domain::acceleration::catalogue(d(2026, 3, 2))
    );
}

/// An actor's employee entering on 20 April 2026 for a year, with the sample's passport.
fn invitation(passport_expires: NaiveDate) -> Invitation {
    Invitation {
        attachments: Vec::new(),
        route: InvitationRoute::Employee,
        people: vec![Person {
            surname: "SMITH".into(),
            given_names: "JOHN".into(),
            date_of_birth: d(1990, 4, 12),
            sex: Sex::Male,
            citizenship: "GB".into(),
            passport_number: "123456789".into(),
            passport_issued: d(2022, 1, 10),
            passport_expires,
            relationship: Relationship::Principal,
            supporting_document: None,
            valid_until: None,
        }],
        employer_bin: Some("970740000838".into()),
        position: Some("Engineer".into()),
        engagement: Engagement::Employment {
            from: d(2026, 4, 20),
            until: d(2027, 4, 19),
        },
        entry_date: d(2026, 4, 20),
        stay_days: 90,
        collection: Some(Collection::Consulate {
            country: "United Kingdom".into(),
            city: "London".into(),
        }),
        valid_until: d(2027, 4, 19),
        contact_email: "hr@example.kz".into(),
        employer_is_fund: false,
        qualification_documents_held: true,
    }
}

#[wasm_bindgen_test]
async fn invitations_are_checked_by_the_visa_rules_and_tracked_by_the_employers_bin() {
    MockBackend::forget_everything();
    let backend = quiet("2026-03-02");
    let refused = backend
        .submit_invitation(&IdempotencyKey::generate(), &invitation(d(2027, 7, 18)))
        .await;
    assert_eq!(
        refused,
        Err(BackendError::Refused(vec![FieldError::new(
            "people.0.passport_expires",
            "visa.reason.passport_margin"
        )]))
    );
    let key = IdempotencyKey::generate();
    let first = backend
        .submit_invitation(&key, &invitation(d(2032, 1, 9)))
        .await
        .unwrap();
    assert_eq!(first.reference.kind(), Kind::Invitation);
    let again = backend
        .submit_invitation(&key, &invitation(d(2032, 1, 9)))
        .await
        .unwrap();
    assert_eq!(again, first);
    let status = backend
        .status(&query(&first.reference, "9707 4000 0838"))
        .await
        .unwrap();
    assert_eq!(status.kind, Kind::Invitation);
}

#[wasm_bindgen_test]
async fn refused_fields_carry_their_path_and_nothing_is_stored() {
    MockBackend::forget_everything();
    let answer = quiet("2026-03-02")
        .submit_application(&IdempotencyKey::generate(), &application("970740000839"))
        .await;
    let Err(BackendError::Refused(errors)) = answer else {
        panic!("expected a refusal, got {answer:?}");
    };
    assert_eq!(errors[0].path, "organisation.bin");
    assert!(storage().get_item("ahp:mock:store").unwrap().is_none());
    let typo = quiet("2026-03-02")
        .status(&StatusQuery {
            reference: "AH-2026-P-7K3M9Q-B".into(),
            second_factor: "970740000838".into(),
        })
        .await;
    assert_eq!(
        typo,
        Err(BackendError::Refused(vec![FieldError::new(
            "reference",
            "api.reference.check"
        )]))
    );
}

#[wasm_bindgen_test]
async fn an_unreadable_store_is_set_aside_not_lost() {
    MockBackend::forget_everything();
    storage()
        .set_item("ahp:mock:store", r#"{"version":99,"submissions":"?"}"#)
        .unwrap();
    quiet("2026-03-02")
        .submit_application(&IdempotencyKey::generate(), &application("970740000838"))
        .await
        .expect("a fresh store");
    assert_eq!(
        storage()
            .get_item("ahp:mock:store.unreadable")
            .unwrap()
            .as_deref(),
        Some(r#"{"version":99,"submissions":"?"}"#)
    );
    MockBackend::forget_everything();
    let left = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .filter(|k| k.starts_with(STORAGE_PREFIX))
        .count();
    assert_eq!(left, 0, "forget_everything removes every mock key");
}

/// Waits until `selector` matches inside `root`, up to two seconds.
async fn wait_for(root: &web_sys::HtmlElement, selector: &str) -> web_sys::Element {
    for _ in 0..100 {
        if let Some(el) = root.query_selector(selector).unwrap() {
            return el;
        }
        astana_hub_portal::backend::sleep(20).await;
    }
    panic!("nothing matches {selector}");
}

#[wasm_bindgen_test]
async fn the_app_shows_the_demo_banner_once_the_configuration_says_mock() {
    // The test runner serves the crate root's config.json: the mock.
    storage().clear().unwrap();
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/"))
        .unwrap();
    let root: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let _app = leptos::mount::mount_to(root.clone(), App);
    let banner = wait_for(&root, ".demo-banner").await;
    assert_eq!(banner.get_attribute("role").as_deref(), Some("region"));
    assert!(
        banner
            .text_content()
            .unwrap()
            .contains("nothing you enter is sent anywhere")
    );
    assert!(root.query_selector("h1").unwrap().is_some());
}

/// A document through the mock: kept in IndexedDB under an id made from its key, so the same
/// key gives the same document; its hash is the bytes' own; a submission naming a document
/// this browser does not hold is refused at its path; "delete my data" empties the store.
#[wasm_bindgen_test]
async fn a_document_is_kept_once_per_key_with_the_hash_of_its_bytes() {
    use astana_hub_portal::backend::{AnyBackend, digest, forget_documents};
    let pdf = b"%PDF-1.4\n% a plan\n%%EOF\n".to_vec();
    let backend = quiet("2026-03-02");
    let key = IdempotencyKey::generate();
    let first = backend.upload_document(&key, &pdf).await.expect("kept");
    let again = backend.upload_document(&key, &pdf).await.expect("kept");
    assert_eq!(first, again);
    assert_eq!(first.size, pdf.len() as u64);
    assert_eq!(Some(first.sha256.clone()), digest(&pdf).await);
    // SHA-256 of the empty string: the browser's digest is the standard one.
    assert_eq!(
        digest(b"").await.as_deref(),
        Some("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    );

    // A renamed executable never leaves the page.
    let any = AnyBackend::Mock(quiet("2026-03-02"));
    let refused = any
        .upload_document(&IdempotencyKey::generate(), b"MZ\x90\0 a program")
        .await;
    assert_eq!(
        refused,
        Err(BackendError::Refused(vec![FieldError::new(
            "file",
            "documents.problem.type"
        )]))
    );

    // Named by an application, then gone: the application is refused at the document's path.
    let mut body = application("970740000838");
    body.attachments = vec![Attachment {
        id: first.id.clone(),
        kind: "business_plan".into(),
        person: None,
        name: "plan.pdf".into(),
        size: first.size,
        sha256: first.sha256.clone(),
    }];
    forget_documents().await.expect("emptied");
    let answer = backend
        .submit_application(&IdempotencyKey::generate(), &body)
        .await;
    assert_eq!(
        answer.err().map(|e| e.field_errors().to_vec()),
        Some(vec![FieldError::new(
            "attachments.0.id",
            "api.field.unknown_document"
        )])
    );
}
