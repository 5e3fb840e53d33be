//! The form components in a real browser, through the pages that use them: fields, the error
//! summary and the fee breakdown. The runner serves the crate's `config.json`: the mock, no
//! delay, today fixed at 2 March 2026.
#![cfg(target_arch = "wasm32")]

use astana_hub_portal::ui::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod support;
use support::{
    Root, all, click, event, find, focused_id, next_tick, set_address, text_of, type_into,
};

wasm_bindgen_test_configure!(run_in_browser);

/// The app mounted into an element of our own with nothing stored, then shown at `path` once
/// `config.json` has arrived (the demo banner shows then). It starts from "/", where the
/// runner serves `config.json`, and moves as the browser's Back and Forward buttons do.
async fn open(path: &str) -> (Root, impl Sized) {
    window().local_storage().unwrap().unwrap().clear().unwrap();
    set_address("/");
    let root: Root = document()
        .create_element("div")
        .expect("create div")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .unwrap();
    let app = leptos::mount::mount_to(root.clone(), App);
    for _ in 0..200 {
        next_tick().await;
        if root.query_selector(".demo-banner").unwrap().is_some() {
            set_address(path);
            window().dispatch_event(&event("popstate")).unwrap();
            next_tick().await;
            next_tick().await;
            return (root, app);
        }
    }
    panic!("config.json did not arrive");
}

fn texts_of(root: &Root, selector: &str) -> Vec<String> {
    all(root, selector)
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect()
}

fn value_of(root: &Root, selector: &str) -> String {
    find(root, selector)
        .unchecked_into::<web_sys::HtmlInputElement>()
        .value()
}

fn attr(root: &Root, selector: &str, name: &str) -> Option<String> {
    find(root, selector).get_attribute(name)
}

/// Tells the page that `element` was typed into.
fn fire_input(element: &web_sys::Element) {
    element.dispatch_event(&event("input")).unwrap();
}

async fn press_continue(root: &Root) {
    click(root, "form button[type=submit]");
    next_tick().await;
    next_tick().await;
}

fn focused_class() -> String {
    document()
        .active_element()
        .map(|e| e.class_name())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn continue_with_empty_required_fields_shows_the_summary_and_inline_errors() {
    let (root, _app) = open("/apply/organisation").await;
    assert_eq!(text_of(&root, "h1"), "Your organisation");
    assert!(root.query_selector(".error-summary").unwrap().is_none());
    assert!(root.query_selector("#org_name-error").unwrap().is_none());
    let clean_title = document().title();
    assert!(!clean_title.starts_with("Error: "), "{clean_title}");

    press_continue(&root).await;

    assert_eq!(text_of(&root, ".error-summary h2"), "There is a problem");
    assert_eq!(
        texts_of(&root, ".error-summary li"),
        [
            "Enter the organisation's name.",
            "Enter the 12-digit number.",
            "Select the legal form.",
            "Enter the date of registration.",
            "Enter the registered address.",
        ],
        "one link per field in error, in the page's order; the optional website is not one"
    );
    assert_eq!(
        text_of(&root, "#org_name-error"),
        "Error: Enter the organisation's name.",
        "the inline message has the summary's words after a hidden prefix"
    );
    assert!(
        focused_class().contains("error-summary"),
        "the summary takes focus"
    );
    assert_eq!(document().title(), format!("Error: {clean_title}"));
    assert!(
        find(&root, "#org_name")
            .closest(".form-group")
            .unwrap()
            .unwrap()
            .class_list()
            .contains("form-group--error")
    );
}

#[wasm_bindgen_test]
async fn summary_link_moves_focus_to_its_field() {
    let (root, _app) = open("/apply/organisation").await;
    press_continue(&root).await;
    assert_eq!(
        attr(&root, ".error-summary a", "href").as_deref(),
        Some("#org_name")
    );
    click(&root, ".error-summary a[href='#bin']");
    next_tick().await;
    assert_eq!(focused_id(), "bin");
    click(&root, ".error-summary a[href='#reg_date']");
    next_tick().await;
    assert_eq!(focused_id(), "reg_date", "a date's link lands on its day");
    click(&root, ".error-summary a[href='#legal_form']");
    next_tick().await;
    assert_eq!(
        focused_id(),
        "legal_form",
        "a choice's link lands on its first option"
    );
}

#[wasm_bindgen_test]
async fn typed_values_are_kept_through_errors_and_corrections() {
    let (root, _app) = open("/apply/organisation").await;
    type_into(&root, "#org_name", "Qazaq Soft LLP");
    type_into(&root, "#bin", "123");
    type_into(&root, "#reg_date", "31");
    type_into(&root, "#reg_date-month", "2");
    type_into(&root, "#reg_date-year", "2020");
    press_continue(&root).await;

    assert_eq!(value_of(&root, "#org_name"), "Qazaq Soft LLP");
    assert_eq!(value_of(&root, "#bin"), "123");
    assert_eq!(value_of(&root, "#reg_date"), "31");
    assert_eq!(value_of(&root, "#reg_date-year"), "2020");
    assert!(root.query_selector("#org_name-error").unwrap().is_none());
    assert_eq!(
        text_of(&root, "#bin-error"),
        "Error: The number must have 12 digits. You entered 3 digits."
    );
    assert_eq!(
        text_of(&root, "#reg_date-error"),
        "Error: Enter a real date, for example 27 3 2024."
    );
    let draft = window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("ahp:draft:apply")
        .unwrap()
        .expect("the draft is saved as the user types");
    assert!(draft.contains("Qazaq Soft LLP"), "{draft}");
    assert!(draft.contains("31/2/2020"), "{draft}");

    // Corrected: that error goes, the others stay.
    type_into(&root, "#reg_date", "28");
    press_continue(&root).await;
    assert!(root.query_selector("#reg_date-error").unwrap().is_none());
    assert!(root.query_selector("#bin-error").unwrap().is_some());
    assert!(
        !texts_of(&root, ".error-summary li")
            .iter()
            .any(|t| t.contains("real date"))
    );
}

#[wasm_bindgen_test]
async fn registration_date_is_checked_against_the_configured_today() {
    let (root, _app) = open("/apply/organisation").await;
    // After 2 March 2026, the configured today, though before the browser's clock.
    type_into(&root, "#reg_date", "1");
    type_into(&root, "#reg_date-month", "6");
    type_into(&root, "#reg_date-year", "2026");
    press_continue(&root).await;
    assert_eq!(
        text_of(&root, "#reg_date-error"),
        "Error: The date of registration must be today or in the past."
    );
    type_into(&root, "#reg_date", "2");
    type_into(&root, "#reg_date-month", "3");
    press_continue(&root).await;
    assert!(root.query_selector("#reg_date-error").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn hints_and_errors_are_tied_to_their_inputs() {
    let (root, _app) = open("/apply/organisation").await;
    assert_eq!(
        attr(&root, "#bin", "aria-describedby").as_deref(),
        Some("bin-hint")
    );
    assert_eq!(
        text_of(&root, "#bin-hint"),
        "12 digits, for example 180240000286."
    );
    assert_eq!(attr(&root, "#org_name", "aria-describedby"), None);
    assert_eq!(
        attr(&root, "label[for=bin]", "class").as_deref(),
        Some("label")
    );

    press_continue(&root).await;
    assert_eq!(
        attr(&root, "#bin", "aria-describedby").as_deref(),
        Some("bin-hint bin-error")
    );
    assert_eq!(
        attr(&root, "#org_name", "aria-describedby").as_deref(),
        Some("org_name-error")
    );
    // A group of inputs is described through its fieldset, named by its legend.
    let fieldset = find(&root, "#reg_date")
        .closest("fieldset")
        .unwrap()
        .unwrap();
    assert_eq!(
        fieldset.get_attribute("aria-describedby").as_deref(),
        Some("reg_date-hint reg_date-error")
    );
    assert_eq!(
        fieldset
            .query_selector("legend")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Date of registration")
    );
    for id in ["bin-hint", "bin-error", "reg_date-hint", "reg_date-error"] {
        assert!(document().get_element_by_id(id).is_some(), "#{id} exists");
    }
}

#[wasm_bindgen_test]
async fn long_text_counts_the_characters_left() {
    let (root, _app) = open("/apply/project").await;
    assert_eq!(
        attr(&root, "#description", "aria-describedby").as_deref(),
        Some("description-hint description-count")
    );
    assert_eq!(
        text_of(&root, "#description-count"),
        "You have 1000 characters remaining"
    );
    let area: web_sys::HtmlTextAreaElement = find(&root, "#description").unchecked_into();
    area.set_value("A marketplace");
    fire_input(&area);
    next_tick().await;
    assert_eq!(
        text_of(&root, "#description-count"),
        "You have 987 characters remaining"
    );
    press_continue(&root).await;
    assert_eq!(area.value(), "A marketplace");
    assert_eq!(
        texts_of(&root, ".error-summary li"),
        ["Enter a summary of the business plan."]
    );
}

#[wasm_bindgen_test]
async fn fee_breakdown_names_the_rule_of_each_line_in_tenge() {
    let (root, _app) = open("/fees").await;
    assert_eq!(
        value_of(&root, "#year"),
        "2026",
        "the configured year is offered"
    );
    type_into(&root, "#income", "1 234 567,50");
    press_continue(&root).await;

    assert!(root.query_selector(".error-summary").unwrap().is_none());
    assert_eq!(
        text_of(&root, "#fee-result-heading"),
        "Estimated fee: 12\u{a0}345,68\u{a0}₸"
    );
    assert_eq!(focused_id(), "fee-result-heading");
    let rows = all(&root, ".fee-breakdown tbody tr");
    let cells = |i: usize| -> Vec<String> {
        all(&rows[i], "th, td")
            .iter()
            .map(|c| c.text_content().unwrap_or_default())
            .collect()
    };
    assert_eq!(rows.len(), 3, "base, fee at the rate, total");
    let amounts: Vec<String> = (0..3).map(|i| cells(i)[2].clone()).collect();
    assert_eq!(
        amounts,
        [
            "1\u{a0}234\u{a0}567,50\u{a0}₸",
            "12\u{a0}345,68\u{a0}₸",
            "12\u{a0}345,68\u{a0}₸"
        ]
    );
    assert_eq!(cells(0)[0], "Income the fee is calculated on");
    assert_eq!(cells(2)[0], "Membership fee for the year");
    for i in 0..3 {
        let rule = &cells(i)[1];
        assert!(
            !rule.trim().is_empty() && !rule.starts_with("fees."),
            "line {i} cites its rule, not an id: {rule:?}"
        );
    }
    assert!(rows[2].class_list().contains("fee-total"));
}

#[wasm_bindgen_test]
async fn fee_calculator_errors_keep_the_input() {
    let (root, _app) = open("/fees").await;
    type_into(&root, "#income", "12x");
    press_continue(&root).await;
    assert_eq!(texts_of(&root, ".error-summary li").len(), 1);
    assert!(text_of(&root, "#income-error").starts_with("Error: "));
    assert_eq!(value_of(&root, "#income"), "12x");
    assert!(root.query_selector(".fee-breakdown").unwrap().is_none());
}
