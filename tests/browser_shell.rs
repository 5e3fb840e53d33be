//! The shell in a real browser: mount the app, click, read the DOM.
#![cfg(target_arch = "wasm32")]

use astana_hub_portal::ui::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Lets scheduled effects and renders run.
async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback(&resolve)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("timer");
}

/// A fresh element of our own to mount into: the test runner's page has text of its own.
/// The address is set to the start page, whatever page the runner serves the test from.
fn fresh_root() -> web_sys::HtmlElement {
    window()
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/"))
        .expect("replaceState");
    let root = document().create_element("div").expect("create div");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    root.unchecked_into()
}

fn text_of(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn click(root: &web_sys::HtmlElement, selector: &str) {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

#[wasm_bindgen_test]
async fn language_switcher_translates_the_page_and_remembers_the_choice() {
    let storage = window().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let root = fresh_root();
    let _app = leptos::mount::mount_to(root.clone(), App);
    next_tick().await;

    assert_eq!(
        text_of(&root, "h1"),
        "Services of the Astana Hub innovation cluster"
    );
    assert_eq!(
        text_of(&root, "button[aria-pressed=true]"),
        "English",
        "English is the default"
    );

    click(&root, "button[lang=ru]");
    next_tick().await;

    assert_eq!(
        text_of(&root, "h1"),
        "Услуги инновационного кластера Astana Hub"
    );
    assert_eq!(text_of(&root, "button[aria-pressed=true]"), "Русский");
    let html_lang = document().document_element().unwrap().get_attribute("lang");
    assert_eq!(html_lang.as_deref(), Some("ru"));
    assert_eq!(storage.get_item("ahp:lang").unwrap().as_deref(), Some("ru"));
    assert!(
        document().title().starts_with("Услуги"),
        "the document title follows the language: {}",
        document().title()
    );

    click(&root, "button[lang=kk]");
    next_tick().await;
    assert_eq!(
        text_of(&root, "h1"),
        "Astana Hub инновациялық кластерінің қызметтері"
    );
}

#[wasm_bindgen_test]
async fn remembered_language_is_used_on_the_next_visit() {
    let storage = window().local_storage().unwrap().unwrap();
    storage.set_item("ahp:lang", "kk").unwrap();
    let root = fresh_root();
    let _app = leptos::mount::mount_to(root.clone(), App);
    next_tick().await;
    assert_eq!(text_of(&root, "button[aria-pressed=true]"), "Қазақша");
    storage.clear().unwrap();
}
