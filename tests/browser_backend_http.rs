//! The HTTP backend in a real browser against tests/contract/server.mjs (`support::SERVER`).
//! Each test picks the server's behaviour by the base URL.
#![cfg(target_arch = "wasm32")]

use astana_hub_portal::api::limits::MAX_TEXT;
use astana_hub_portal::api::*;
use astana_hub_portal::backend::{
    AnyBackend, Backend, BackendError, Config, HttpBackend, IdempotencyKey,
};
use wasm_bindgen_test::*;

mod support;
use support::{SERVER, application, count, http};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn success_and_the_same_key_again() {
    let backend = http("ok", 2000, 0);
    assert_eq!(backend.catalogue().await.unwrap().programmes, vec![]);
    let key = IdempotencyKey::generate();
    let first = backend
        .submit_application(&key, &application("970740000838"))
        .await
        .unwrap();
    assert_eq!(first.kind, Kind::Application);
    let again = backend
        .submit_application(&key, &application("970740000838"))
        .await
        .unwrap();
    assert_eq!(again, first);
    let mut other = application("970740000838");
    other.headcount = 6;
    assert_eq!(
        backend.submit_application(&key, &other).await,
        Err(BackendError::Conflict(Some(
            first.reference.as_str().to_owned()
        )))
    );
    assert_eq!(count(&key).await, 1);
}

#[wasm_bindgen_test]
async fn each_error_class() {
    let key = IdempotencyKey::generate();
    let refused = http("refuse", 2000, 0)
        .submit_application(&key, &application("970740000838"))
        .await;
    assert_eq!(
        refused,
        Err(BackendError::Refused(vec![FieldError {
            path: "organisation.bin".into(),
            code: "ids.bad_check_digit".into(),
            detail: Some("check digit".into()),
        }]))
    );
    for (mode, error) in [
        // An older service's 409 names no submission.
        ("conflict", BackendError::Conflict(None)),
        ("notfound", BackendError::NotFound),
        ("limited", BackendError::TooManyRequests(90)),
        ("server", BackendError::Server),
        ("malformed", BackendError::Unexpected),
        ("html", BackendError::Unexpected),
        ("oldschema", BackendError::Unexpected),
    ] {
        assert_eq!(http(mode, 2000, 0).catalogue().await, Err(error), "{mode}");
    }
    let status = http("ok", 2000, 0)
        .status(&StatusQuery {
            reference: "AH-2026-P-7K3M9Q-A".into(),
            second_factor: "970740000838".into(),
        })
        .await;
    assert_eq!(status, Err(BackendError::NotFound));
}

#[wasm_bindgen_test]
async fn nobody_listening_is_offline() {
    let text = r#"{"backend":"http","base_url":"http://127.0.0.1:9/","timeout_ms":2000}"#;
    let backend = HttpBackend::new(&Config::parse(text).unwrap());
    assert_eq!(backend.catalogue().await, Err(BackendError::Offline));
}

#[wasm_bindgen_test]
async fn a_slow_answer_is_aborted_at_the_timeout() {
    let started = js_sys::Date::now();
    assert_eq!(
        http("slow", 300, 0).catalogue().await,
        Err(BackendError::TimedOut)
    );
    let waited = js_sys::Date::now() - started;
    assert!(
        waited < 2000.0,
        "aborted after {waited} ms, not left hanging"
    );
}

#[wasm_bindgen_test]
async fn a_retry_after_a_lost_answer_does_not_make_a_second_submission() {
    let key = IdempotencyKey::generate();
    let submission = http("lost", 500, 2)
        .submit_application(&key, &application("970740000838"))
        .await
        .expect("the retry gets the first answer");
    assert_eq!(submission.kind, Kind::Application);
    assert_eq!(count(&key).await, 1);
}

#[wasm_bindgen_test]
async fn a_503_is_retried_with_the_same_key() {
    let key = IdempotencyKey::generate();
    assert_eq!(
        http("busy", 2000, 0)
            .submit_application(&key, &application("970740000838"))
            .await,
        Err(BackendError::Server),
        "without retries the 503 is the answer"
    );
    let key = IdempotencyKey::generate();
    http("busy", 2000, 1)
        .submit_application(&key, &application("970740000838"))
        .await
        .expect("the retry succeeds");
    assert_eq!(count(&key).await, 1);
}

#[wasm_bindgen_test]
async fn a_body_the_field_checks_refuse_is_answered_here_and_never_sent() {
    let text = format!(
        r#"{{"backend":"http","base_url":"{SERVER}/mode/ok","timeout_ms":2000,"retries":0}}"#
    );
    let backend = AnyBackend::from_config(&Config::parse(&text).expect("valid config"));
    let mut long = application("970740000838");
    long.organisation.name = "Ә".repeat(MAX_TEXT + 1);
    let key = IdempotencyKey::generate();
    let answer = backend.submit_application(&key, &long).await;
    let Err(BackendError::Refused(errors)) = answer else {
        panic!("refused before sending: {answer:?}");
    };
    let paths: Vec<_> = errors
        .iter()
        .map(|e| (e.path.as_str(), e.code.as_str()))
        .collect();
    assert_eq!(paths, [("organisation.name", "api.field.too_long")]);
    assert_eq!(count(&key).await, 0, "nothing reached the service");
}
