//! The request for inclusion in the Fund's list (Law No. 207-V, Art. 7(2)(2)): the service's
//! checks, one case per refusal; its reference; its status, with no invented timeline.

use astana_hub_portal::api::*;
use chrono::NaiveDate;
use serde_json::json;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn university() -> ListRequest {
    ListRequest {
        organisation_name: "Beta University".into(),
        bin: "9707 4000 0838".into(),
        entity_type: "educational_organisation".into(),
        status_document: None,
        contact_name: "Dana Abenova".into(),
        contact_email: "dana@example.kz".into(),
        information_true: true,
    }
}

#[test]
fn art_7_2_2_a_university_with_what_identifies_it_is_accepted() {
    assert_eq!(university().check(d(2026, 3, 2)), Vec::new());
    assert_eq!(university().second_factor(), "970740000838");
}

#[test]
fn art_7_2_2_each_refusal_names_its_field() {
    type Change = fn(&mut ListRequest);
    let cases: [(&str, Change, &str, &str); 8] = [
        (
            "no name",
            |r| r.organisation_name = "  ".into(),
            "organisation_name",
            "api.field.required",
        ),
        (
            "BIN with a wrong check digit",
            |r| r.bin = "970740000839".into(),
            "bin",
            "ids.bad_check_digit",
        ),
        (
            "BIN too short",
            |r| r.bin = "97074000083".into(),
            "bin",
            "ids.wrong_length",
        ),
        (
            "a kind the Law does not list",
            |r| r.entity_type = "bank".into(),
            "entity_type",
            "api.field.unlisted_kind",
        ),
        (
            "no kind",
            |r| r.entity_type = String::new(),
            "entity_type",
            "api.field.unlisted_kind",
        ),
        (
            "no contact name",
            |r| r.contact_name = String::new(),
            "contact_name",
            "api.field.required",
        ),
        (
            "email without a domain",
            |r| r.contact_email = "dana@".into(),
            "contact_email",
            "api.field.email",
        ),
        (
            "not declared true",
            |r| r.information_true = false,
            "information_true",
            "api.field.declaration",
        ),
    ];
    for (case, change, path, code) in cases {
        let mut request = university();
        change(&mut request);
        let errors = request.check(d(2026, 3, 2));
        assert_eq!(errors.len(), 1, "{case}: {errors:?}");
        assert_eq!(
            (errors[0].path.as_str(), errors[0].code.as_str()),
            (path, code),
            "{case}"
        );
    }
}

#[test]
fn art_7_2_2_the_status_document_is_optional() {
    let mut named = university();
    named.status_document = Some("Licence No. 1 of 01.09.2015".into());
    assert_eq!(named.check(d(2026, 3, 2)), Vec::new());
    let without = serde_json::to_value(university()).unwrap();
    assert!(without.get("status_document").is_none());
    let read: ListRequest = serde_json::from_value(json!({
        "organisation_name": "Beta University",
        "bin": "970740000838",
        "entity_type": "technology_park",
        "contact_name": "Dana Abenova",
        "contact_email": "dana@example.kz",
        "information_true": true
    }))
    .unwrap();
    assert_eq!(read.status_document, None);
}

#[test]
fn list_request_references_carry_the_letter_f() {
    let r = Reference::new(2026, Kind::ListRequest, 12_345);
    assert_eq!(&r.as_str()[8..10], "F-");
    assert_eq!(
        Reference::parse(r.as_str()).unwrap().kind(),
        Kind::ListRequest
    );
    assert_eq!(
        serde_json::to_value(Kind::ListRequest).unwrap(),
        json!("list_request")
    );
}

#[test]
fn art_9_4_5_a_list_request_has_its_receipt_and_no_invented_stage() {
    let sent = d(2026, 3, 18);
    let timeline = timeline_of(Kind::ListRequest, sent).unwrap();
    assert_eq!(
        timeline,
        [Milestone {
            stage: Stage::Submitted,
            due: sent
        }]
    );
    for as_of in [sent, d(2026, 3, 19), d(2027, 1, 1)] {
        assert_eq!(stage_on(&timeline, as_of), Stage::Submitted, "{as_of}");
    }
    // The other kinds keep the review timeline.
    assert_eq!(
        timeline_of(Kind::Application, sent).unwrap(),
        milestones(sent).unwrap()
    );
}
