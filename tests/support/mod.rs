//! What the browser tests share: waiting for the page, finding, reading and typing as a user
//! would. Each `tests/browser_*.rs` declares `mod support;` and uses what it needs.
#![allow(dead_code)] // each test file uses a different part

use astana_hub_portal::api::*;
use astana_hub_portal::domain::eligibility::Route;
use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub type Root = web_sys::HtmlElement;

/// Lets scheduled effects and renders run.
pub async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback(&resolve)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("timer");
}

/// Lets the timers, effects and renders scheduled so far run, a few frames' worth.
pub async fn settle() {
    for _ in 0..5 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
                .expect("setTimeout");
        });
        wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .expect("timer");
    }
}

/// Puts `path` in the address bar without loading anything.
pub fn set_address(path: &str) {
    window()
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .expect("replaceState");
}

/// Mounts the whole portal at `path`, as a visitor opening that address would, and lets it
/// settle. The portal stays mounted for the rest of the test.
pub async fn open_portal_at(path: &str) -> Root {
    // config.json is fetched relative to <base href>, as on a real deployment.
    if document().query_selector("base").unwrap().is_none() {
        let base = document().create_element("base").unwrap();
        base.set_attribute("href", "/").unwrap();
        document().head().unwrap().append_child(&base).unwrap();
    }
    set_address(path);
    let root = fresh_root();
    std::mem::forget(leptos::mount::mount_to(
        root.clone(),
        astana_hub_portal::ui::App,
    ));
    settle().await;
    root
}

/// A fresh element of our own to mount into: the test runner's page has text of its own.
pub fn fresh_root() -> Root {
    let root = document().create_element("div").expect("create div");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    root.unchecked_into()
}

pub fn find(root: &Root, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

pub fn text_of(root: &Root, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

pub fn click(root: &Root, selector: &str) {
    find(root, selector).click();
}

/// Every element under `within` that matches `selector`, in document order.
pub fn all(within: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let list = within.query_selector_all(selector).expect("valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|node| node.unchecked_into())
        .collect()
}

/// An event of type `kind` that bubbles, as a browser's.
pub fn event(kind: &str) -> web_sys::Event {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    web_sys::Event::new_with_event_init_dict(kind, &init).expect("event")
}

/// Types `value` as a person would: the value, then the event the field listens to
/// (`change` for a select, `input` otherwise).
pub fn type_into(root: &Root, selector: &str, value: &str) {
    let field = find(root, selector);
    let kind = if field.tag_name() == "SELECT" {
        field
            .unchecked_ref::<web_sys::HtmlSelectElement>()
            .set_value(value);
        "change"
    } else if field.tag_name() == "TEXTAREA" {
        field
            .unchecked_ref::<web_sys::HtmlTextAreaElement>()
            .set_value(value);
        "input"
    } else {
        field
            .unchecked_ref::<web_sys::HtmlInputElement>()
            .set_value(value);
        "input"
    };
    field.dispatch_event(&event(kind)).expect("dispatch");
}

pub fn focused_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

/// A complete, valid participant application from the organisation with this BIN.
pub fn application(bin: &str) -> ParticipantApplication {
    ParticipantApplication {
        attachments: Vec::new(),
        organisation: Organisation {
            name: "Alpha LLP".into(),
            bin: bin.into(),
            legal_form: "llp".into(),
            registration_date: NaiveDate::from_ymd_opt(2020, 5, 1).expect("a date"),
            registered_address: "Astana".into(),
            website: None,
        },
        contact: Contact {
            name: "Aigerim".into(),
            position: "Director".into(),
            email: "aigerim@example.kz".into(),
            phone: "+7 701 000 0000".into(),
        },
        activities: vec!["software_development".into()],
        income_tiyn: 10_000_000,
        income_year: 2025,
        headcount: 5,
        foreign_specialists: 0,
        project: Project {
            description: "A platform".into(),
            business_plan_summary: "Grow".into(),
        },
        documents: vec![],
        declarations: Declarations {
            information_true: true,
            conditions_met: true,
            data_processing: true,
        },
        route: Route::AstanaHubActor,
    }
}

/// The contract test server (tests/contract/server.mjs), which `.ci/test` starts on port 8299;
/// CONTRACT_SERVER at build time names another address.
pub const SERVER: &str = match option_env!("CONTRACT_SERVER") {
    Some(url) => url,
    None => "http://127.0.0.1:8299",
};

/// The HTTP backend against the contract server, which behaves as `mode` says ("ok", "refuse", …).
pub fn http(mode: &str, timeout_ms: u32, retries: u32) -> astana_hub_portal::backend::HttpBackend {
    let text = format!(
        r#"{{"backend":"http","base_url":"{SERVER}/mode/{mode}","timeout_ms":{timeout_ms},"retries":{retries},"retry_backoff_ms":50}}"#
    );
    astana_hub_portal::backend::HttpBackend::new(
        &astana_hub_portal::backend::Config::parse(&text).expect("valid config"),
    )
}

/// How many submissions the contract server made under `key`.
pub async fn count(key: &astana_hub_portal::backend::IdempotencyKey) -> u64 {
    let response = gloo_net::http::Request::get(&format!("{SERVER}/count/{}", key.0))
        .send()
        .await
        .expect("count");
    let value: serde_json::Value = response.json().await.expect("count is JSON");
    value["count"].as_u64().expect("a number")
}
