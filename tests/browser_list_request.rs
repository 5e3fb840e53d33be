//! The mock backend takes a request for inclusion in the Fund's list as the reference server
//! does: checked, kept across a reload, tracked by the BIN, with its receipt alone.
#![cfg(target_arch = "wasm32")]

use astana_hub_portal::api::*;
use astana_hub_portal::backend::{Backend, BackendError, Config, IdempotencyKey, MockBackend};
use chrono::NaiveDate;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn quiet(today: &str) -> MockBackend {
    let text = format!(
        r#"{{"backend":"mock","timeout_ms":1000,"today":"{today}","mock":{{"delay_ms":0}}}}"#
    );
    MockBackend::new(&Config::parse(&text).expect("valid config"))
}

fn university() -> ListRequest {
    ListRequest {
        organisation_name: "Beta University".into(),
        bin: "970740000838".into(),
        entity_type: "educational_organisation".into(),
        status_document: None,
        contact_name: "Dana Abenova".into(),
        contact_email: "dana@example.kz".into(),
        information_true: true,
    }
}

#[wasm_bindgen_test]
async fn a_list_request_is_tracked_by_its_bin_and_stays_received() {
    MockBackend::forget_everything();
    let made = quiet("2026-03-18")
        .submit_list_request(&IdempotencyKey::generate(), &university())
        .await
        .expect("submitted");
    assert_eq!(made.reference.kind(), Kind::ListRequest);
    assert_eq!(made.timeline.len(), 1);
    let query = |second_factor: &str| StatusQuery {
        reference: made.reference.to_string(),
        second_factor: second_factor.into(),
    };
    let later = quiet("2026-09-01").status(&query("9707 4000 0838")).await;
    let status = later.expect("found after a reload");
    assert_eq!(status.stage, Stage::Submitted);
    assert_eq!(
        status.submitted_on,
        NaiveDate::from_ymd_opt(2026, 3, 18).unwrap()
    );
    let by_email = quiet("2026-09-01").status(&query("dana@example.kz")).await;
    assert_eq!(by_email, Err(BackendError::NotFound));
}

#[wasm_bindgen_test]
async fn a_list_request_of_an_unlisted_kind_is_refused_on_its_field() {
    MockBackend::forget_everything();
    let mut bank = university();
    bank.entity_type = "bank".into();
    let refused = quiet("2026-03-18")
        .submit_list_request(&IdempotencyKey::generate(), &bank)
        .await;
    assert_eq!(
        refused,
        Err(BackendError::Refused(vec![FieldError::new(
            "entity_type",
            "api.field.unlisted_kind"
        )]))
    );
}
