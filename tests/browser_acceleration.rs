//! The "add another" list of the acceleration journey's team page, in a real browser: adding,
//! changing and removing members, where focus goes after each, and what the live region says.
#![cfg(target_arch = "wasm32")]

use astana_hub_portal::ui::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Lets the timers, effects and renders scheduled so far run.
async fn settle() {
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

/// The team page of a draft for the Silkway cohort that takes applications (the crate's
/// config.json fixes today), mounted in an element of our own.
async fn team_page() -> web_sys::HtmlElement {
    let storage = window().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    storage
        .set_item(
            "ahp:draft:acceleration",
            r#"{"journey":"acceleration","version":1,"idempotency_key":"",
               "answers":{"programme":"silkway","cohort":"silkway-next","team_allowed":"no"}}"#,
        )
        .unwrap();
    // config.json is fetched relative to <base href>, as on a real deployment.
    if document().query_selector("base").unwrap().is_none() {
        let base = document().create_element("base").unwrap();
        base.set_attribute("href", "/").unwrap();
        document().head().unwrap().append_child(&base).unwrap();
    }
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/acceleration/team"))
        .unwrap();
    let root: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let app = leptos::mount::mount_to(root.clone(), App);
    std::mem::forget(app);
    settle().await;
    root
}

fn find(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

fn count(root: &web_sys::HtmlElement, selector: &str) -> u32 {
    js_sys::Function::new_with_args("el, sel", "return el.querySelectorAll(sel).length;")
        .call2(&wasm_bindgen::JsValue::NULL, root, &selector.into())
        .ok()
        .and_then(|n| n.as_f64())
        .unwrap_or(0.0) as u32
}

/// Types `value` as a person would: the value, then the event the field listens to.
fn type_into(root: &web_sys::HtmlElement, selector: &str, value: &str) {
    let el = find(root, selector);
    let kind = if el.tag_name() == "SELECT" {
        "change"
    } else {
        "input"
    };
    js_sys::Function::new_with_args(
        "el, value, kind",
        "el.value = value; el.dispatchEvent(new Event(kind, { bubbles: true }));",
    )
    .call3(
        &wasm_bindgen::JsValue::NULL,
        &el,
        &value.into(),
        &kind.into(),
    )
    .expect("type into the field");
}

fn focused_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

fn status(root: &web_sys::HtmlElement) -> String {
    find(root, ".add-another [role=status]")
        .text_content()
        .unwrap_or_default()
}

async fn add_member(root: &web_sys::HtmlElement, given: &str) {
    type_into(root, "#given_names", given);
    type_into(root, "#surname", "Sadykova");
    type_into(root, "#email", "a@example.kz");
    type_into(root, "#citizenship", "KZ");
    find(root, "#role").click();
    find(root, "#key_member").click();
    find(root, "#full_time").click();
    find(root, "#needs_housing-no").click();
    settle().await;
    find(root, ".add-another__form button[type=submit]").click();
    settle().await;
}

#[wasm_bindgen_test]
async fn add_change_and_remove_move_focus_and_announce() {
    let root = team_page().await;
    assert_eq!(find(&root, "h1").text_content().unwrap(), "Your team");
    assert_eq!(
        count(&root, ".add-another__form"),
        1,
        "an empty list opens the form"
    );

    add_member(&root, "Aigerim").await;
    assert_eq!(count(&root, ".add-another__item"), 1);
    assert_eq!(count(&root, ".add-another__form"), 0);
    assert_eq!(status(&root), "Aigerim Sadykova added to the team.");
    assert_eq!(focused_id(), "team-item-0", "focus goes to the item added");

    find(&root, "#team-add").click();
    settle().await;
    assert_eq!(focused_id(), "given_names", "focus goes to the first field");
    add_member(&root, "Dana").await;
    assert_eq!(count(&root, ".add-another__item"), 2);
    assert_eq!(focused_id(), "team-item-1");

    // Change the first: the form opens with its answers.
    find(&root, ".add-another__item .button--secondary").click();
    settle().await;
    let given: web_sys::HtmlInputElement = find(&root, "#given_names").unchecked_into();
    assert_eq!(given.value(), "Aigerim");
    type_into(&root, "#given_names", "Aigul");
    find(&root, ".add-another__form button[type=submit]").click();
    settle().await;
    assert_eq!(status(&root), "Details of Aigul Sadykova changed.");
    assert_eq!(focused_id(), "team-item-0");

    find(&root, ".add-another__item .button--warning").click();
    settle().await;
    assert_eq!(count(&root, ".add-another__item"), 1);
    assert_eq!(status(&root), "Aigul Sadykova removed from the team.");
    assert_eq!(focused_id(), "team-heading");

    let draft = window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("ahp:draft:acceleration")
        .unwrap()
        .unwrap();
    assert!(
        draft.contains("Dana") && !draft.contains("Aigul"),
        "the draft keeps the list: {draft}"
    );
}

#[wasm_bindgen_test]
async fn save_with_a_missing_answer_shows_the_problem_and_keeps_the_form() {
    let root = team_page().await;
    type_into(&root, "#given_names", "Aigerim");
    find(&root, ".add-another__form button[type=submit]").click();
    settle().await;
    assert_eq!(count(&root, ".add-another__item"), 0);
    let summary = find(&root, ".error-summary").text_content().unwrap();
    assert!(summary.contains("Enter the person’s surname"), "{summary}");
    assert_eq!(
        document()
            .active_element()
            .map(|e| e.class_name())
            .unwrap_or_default(),
        "error-summary"
    );
    let given: web_sys::HtmlInputElement = find(&root, "#given_names").unchecked_into();
    assert_eq!(given.value(), "Aigerim", "what was typed is kept");
}
