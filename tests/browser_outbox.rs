//! The outbox in a real browser against tests/contract/server.mjs (see `support::SERVER`): what the HTTP backend keeps of a submission it could
//! not send while the browser was offline, sent again under its key, and the flush that sends
//! each kept entry once, even when two start at the same moment.
#![cfg(target_arch = "wasm32")]

use std::{cell::RefCell, rc::Rc};

use astana_hub_portal::api::Versioned;
use astana_hub_portal::backend::{Backend, BackendError, Config, HttpBackend, IdempotencyKey};
use astana_hub_portal::ui::outbox::{Entry, Outbox, Template};
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

mod support;
use support::{application, count, http};

wasm_bindgen_test_configure!(run_in_browser);

/// Makes the browser say it is offline (`navigator.onLine`), or online again.
fn set_offline(offline: bool) {
    let navigator: JsValue = window().navigator().into();
    let on_line = JsValue::from_str("onLine");
    if offline {
        let descriptor = js_sys::Object::new();
        js_sys::Reflect::set(&descriptor, &"value".into(), &JsValue::FALSE).unwrap();
        js_sys::Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE).unwrap();
        js_sys::Object::define_property(&navigator.into(), &on_line, &descriptor);
    } else {
        js_sys::Reflect::delete_property(&navigator.into(), &on_line).unwrap();
    }
}

fn storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

fn stored_entry() -> Option<Entry> {
    let text = storage().get_item("ahp:outbox:apply").unwrap()?;
    Some(serde_json::from_str(&text).expect("an entry"))
}

/// An application kept under `key`, sent from the page shown now, with its draft.
fn keep_application(key: &IdempotencyKey) {
    storage().clear().unwrap();
    let body = serde_json::to_string(&Versioned::new(application("970740000838"))).unwrap();
    let record = Template {
        head: "{\"names\":[],\"submission\":".into(),
        tail: "}".into(),
        flat: false,
    };
    let request = astana_hub_portal::backend::Unsent {
        endpoint: "v1/applications".into(),
        body,
    };
    let mut entry = Entry::waiting("apply", &key.0, request, record);
    entry.page = window().location().pathname().unwrap();
    entry.base = "/apply".into();
    entry.kind = "receipt".into();
    let draft = format!(
        r#"{{"journey":"apply","version":2,"answers":{{}},"idempotency_key":"{}"}}"#,
        key.0
    );
    storage().set_item("ahp:draft:apply", &draft).unwrap();
    storage()
        .set_item("ahp:outbox:apply", &serde_json::to_string(&entry).unwrap())
        .unwrap();
}

/// The outbox as the shell provides it, in an owner of its own.
fn outbox() -> (Owner, Outbox) {
    // It fetches its code in a task when an entry is kept: the tasks' executor, as mounting
    // the app starts it.
    leptos::mount::mount_to_body(|| ());
    let owner = Owner::new();
    let outbox = owner.with(|| {
        Outbox::provide();
        expect_context::<Outbox>()
    });
    (owner, outbox)
}

#[wasm_bindgen_test]
async fn kept_while_offline_and_sent_again_once() {
    let backend = http("ok", 2000, 0);
    let key = IdempotencyKey::generate();
    set_offline(true);
    let result = backend
        .submit_application(&key, &application("970740000838"))
        .await;
    set_offline(false);
    assert_eq!(result, Err(BackendError::Offline));
    assert_eq!(count(&key).await, 0, "nothing tried while offline");
    let unsent = backend.take_unsent(&key).expect("kept");
    assert_eq!(backend.take_unsent(&key), None, "taken once");
    assert_eq!(unsent.endpoint, "v1/applications");
    let sent = serde_json::to_string(&Versioned::new(application("970740000838"))).unwrap();
    assert_eq!(
        unsent.body, sent,
        "the body exactly as it would have been sent"
    );

    let first = backend.resend(&key, &unsent).await.expect("sent");
    let again = backend.resend(&key, &unsent).await.expect("sent again");
    assert_eq!(first, again);
    assert_eq!(count(&key).await, 1);
}

#[wasm_bindgen_test]
async fn an_unreachable_service_while_online_is_not_kept() {
    let text =
        r#"{"backend":"http","base_url":"http://127.0.0.1:9/","timeout_ms":2000,"retries":0}"#;
    let backend = HttpBackend::new(&Config::parse(text).unwrap());
    let key = IdempotencyKey::generate();
    let result = backend
        .submit_application(&key, &application("970740000838"))
        .await;
    assert_eq!(result, Err(BackendError::Offline));
    assert_eq!(backend.take_unsent(&key), None);
}

#[wasm_bindgen_test]
async fn two_flushes_at_once_send_an_entry_once() {
    let key = IdempotencyKey::generate();
    keep_application(&key);
    let (_owner, outbox) = outbox();
    let opened = Rc::new(RefCell::new(Vec::<String>::new()));
    let open = |opened: Rc<RefCell<Vec<String>>>| {
        move |to: &str, _: leptos_router::NavigateOptions| opened.borrow_mut().push(to.to_owned())
    };
    futures_util::future::join(
        outbox.flush(http("ok", 2000, 0), open(opened.clone())),
        outbox.flush(http("ok", 2000, 0), open(opened.clone())),
    )
    .await;
    let opened = opened.borrow().clone();
    assert_eq!(opened.len(), 1, "one flush sent it: {opened:?}");
    assert_eq!(count(&key).await, 1);
    let reference = opened[0].rsplit('/').next().unwrap().to_owned();
    assert!(opened[0].ends_with(&format!("/apply/confirmation/{reference}")));
    let record = storage()
        .get_item(&format!("ahp:receipt:{reference}"))
        .unwrap()
        .expect("the confirmation's record");
    let record: serde_json::Value = serde_json::from_str(&record).expect("JSON");
    assert_eq!(record["submission"]["reference"], reference.as_str());
    assert_eq!(record["names"], serde_json::json!([]));
    assert_eq!(stored_entry(), None, "sent, so no longer kept");
    assert_eq!(storage().get_item("ahp:draft:apply").unwrap(), None);
}

#[wasm_bindgen_test]
async fn a_refused_entry_stays_with_its_error_until_its_page_shows_it() {
    let key = IdempotencyKey::generate();
    keep_application(&key);
    let (owner, outbox) = outbox();
    outbox
        .flush(http("refuse", 2000, 0), |_: &str, _| panic!("not sent"))
        .await;
    let entry = stored_entry().expect("still kept");
    let error = entry.failure().expect("with its error");
    assert_eq!(error.field_errors()[0].path, "organisation.bin");
    assert_eq!(entry.claim, "");
    assert!(storage().get_item("ahp:draft:apply").unwrap().is_some());
    // Not sent again until the user sends it from the page.
    outbox
        .flush(http("ok", 2000, 0), |_: &str, _| panic!("not sent"))
        .await;
    assert_eq!(count(&key).await, 0);
    assert_eq!(
        owner.with(|| outbox.take_failure("apply")),
        Some(error),
        "the journey's page shows it"
    );
    assert_eq!(stored_entry(), None);
}

#[wasm_bindgen_test]
async fn offline_again_it_stays_kept() {
    let key = IdempotencyKey::generate();
    keep_application(&key);
    let (_owner, outbox) = outbox();
    set_offline(true);
    outbox
        .flush(http("ok", 2000, 0), |_: &str, _| panic!("not sent"))
        .await;
    set_offline(false);
    let entry = stored_entry().expect("still kept");
    assert_eq!((entry.failure(), entry.claim.as_str()), (None, ""));
    assert_eq!(count(&key).await, 0);
}
