//! The acceleration journey in a real browser: the applicant step, which offers only the kinds of
//! applicant the programme takes, and the "add another" list of the team page: adding, changing
//! and removing members, where focus goes after each, and what the live region says.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod support;
use support::{Root, all, find, focused_id, open_portal_at, settle, type_into};

wasm_bindgen_test_configure!(run_in_browser);

/// The page at `path` of a draft with `answers` (a JSON object), mounted in an element of our
/// own; the crate's config.json fixes today.
async fn draft_page(path: &str, answers: &str) -> Root {
    let storage = window().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let draft = format!(
        r#"{{"journey":"acceleration","version":1,"idempotency_key":"","answers":{answers}}}"#
    );
    storage.set_item("ahp:draft:acceleration", &draft).unwrap();
    open_portal_at(path).await
}

/// The team page of a draft for the Silkway cohort that takes applications.
async fn team_page() -> Root {
    draft_page(
        "/acceleration/team",
        r#"{"programme":"silkway","cohort":"silkway-next","team_allowed":"no"}"#,
    )
    .await
}

/// The ids of the inputs the form shows, radios by their value.
fn inputs(root: &Root) -> Vec<String> {
    all(root, "form input")
        .iter()
        .map(|i| match i.get_attribute("type").as_deref() {
            Some("radio") => i.get_attribute("value").unwrap_or_default(),
            _ => i.id(),
        })
        .collect()
}

#[wasm_bindgen_test]
async fn an_individuals_programme_asks_for_a_persons_iin_and_nothing_to_choose() {
    let root = draft_page(
        "/acceleration/applicant",
        r#"{"programme":"tech_orda","cohort":"tech-orda-next","team_allowed":"no",
            "applicant_kinds":"individual"}"#,
    )
    .await;
    assert_eq!(find(&root, "h1").text_content().unwrap(), "Who is applying");
    assert_eq!(inputs(&root), ["iin", "full_name", "contact_email"]);
}

#[wasm_bindgen_test]
async fn a_programme_taking_several_kinds_offers_them_and_asks_what_the_choice_needs() {
    let root = draft_page(
        "/acceleration/applicant",
        r#"{"programme":"techpreneurs","cohort":"techpreneurs-winter","team_allowed":"yes",
            "applicant_kinds":"legal_entity,individual_entrepreneur,individual"}"#,
    )
    .await;
    assert_eq!(
        inputs(&root),
        [
            "legal_entity",
            "individual_entrepreneur",
            "individual",
            "unincorporated_team"
        ]
    );
    find(&root, "#applicant_kind-individual_entrepreneur").click();
    settle().await;
    assert_eq!(inputs(&root)[4..], ["iin", "full_name", "contact_email"]);
    find(&root, "#applicant_kind").click();
    settle().await;
    assert_eq!(inputs(&root)[4..], ["bin"]);
}

fn status(root: &Root) -> String {
    find(root, ".add-another [role=status]")
        .text_content()
        .unwrap_or_default()
}

async fn add_member(root: &Root, given: &str) {
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
        all(&root, ".add-another__form").len(),
        1,
        "an empty list opens the form"
    );

    add_member(&root, "Aigerim").await;
    assert_eq!(all(&root, ".add-another__item").len(), 1);
    assert_eq!(all(&root, ".add-another__form").len(), 0);
    assert_eq!(status(&root), "Aigerim Sadykova added to the team.");
    assert_eq!(focused_id(), "team-item-0", "focus goes to the item added");

    find(&root, "#team-add").click();
    settle().await;
    assert_eq!(focused_id(), "given_names", "focus goes to the first field");
    add_member(&root, "Dana").await;
    assert_eq!(all(&root, ".add-another__item").len(), 2);
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
    assert_eq!(all(&root, ".add-another__item").len(), 1);
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
    assert_eq!(all(&root, ".add-another__item").len(), 0);
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
