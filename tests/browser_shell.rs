//! The shell in a real browser: mount the app, click, read the DOM.
#![cfg(target_arch = "wasm32")]

use astana_hub_portal::i18n::{Lang, Part, install, lookup};
use astana_hub_portal::ui::{App, show_crash_notice};
use leptos::prelude::*;
use wasm_bindgen_test::*;

mod support;
use support::{click, fresh_root, next_tick, set_address, text_of};

wasm_bindgen_test_configure!(run_in_browser);

/// The Kazakh and Russian texts, both parts, as the build writes them for the site: the test
/// runner serves the crate's folder, not the site, so they are handed over instead of fetched
/// (the end-to-end specs fetch them, and cover a file that fails to load).
fn install_texts() {
    macro_rules! texts {
        ($path:literal) => {
            include_str!(concat!(env!("OUT_DIR"), "/texts/", $path))
        };
    }
    let files = [
        (Lang::Kk, Part::Shell, texts!("kk.json")),
        (Lang::Kk, Part::Journeys, texts!("journeys/kk.json")),
        (Lang::Ru, Part::Shell, texts!("ru.json")),
        (Lang::Ru, Part::Journeys, texts!("journeys/ru.json")),
    ];
    for (lang, part, file) in files {
        install(lang, part, file).unwrap();
    }
}

#[wasm_bindgen_test]
async fn language_switcher_translates_the_page_and_remembers_the_choice() {
    install_texts();
    let storage = window().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    set_address("/");
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
    install_texts();
    let storage = window().local_storage().unwrap().unwrap();
    storage.set_item("ahp:lang", "kk").unwrap();
    set_address("/");
    let root = fresh_root();
    let _app = leptos::mount::mount_to(root.clone(), App);
    next_tick().await;
    assert_eq!(text_of(&root, "button[aria-pressed=true]"), "Қазақша");
    storage.clear().unwrap();
}

/// After a panic the page says so in the language shown (`<html lang>`), says the answers are
/// saved, and offers a reload that the router leaves to the browser; a second panic adds
/// nothing. The hook itself (src/main.rs) only calls this.
#[wasm_bindgen_test]
async fn a_panic_says_what_happened_in_the_language_shown() {
    install_texts();
    window().local_storage().unwrap().unwrap().clear().unwrap();
    let html = document().document_element().unwrap();
    html.set_attribute("lang", "kk").unwrap();
    show_crash_notice();
    show_crash_notice();

    let notices = document().query_selector_all("#crash-notice").unwrap();
    assert_eq!(notices.length(), 1, "shown once");
    let notice = document().get_element_by_id("crash-notice").unwrap();
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    let said = notice.text_content().unwrap();
    for key in ["crash.title", "crash.saved", "crash.reload"] {
        let kazakh = lookup(Lang::Kk, key).unwrap();
        assert!(said.contains(kazakh), "{key} in Kazakh: {said}");
    }
    let reload = notice.query_selector("a").unwrap().unwrap();
    assert_eq!(reload.get_attribute("rel").as_deref(), Some("external"));
    assert_eq!(
        reload.get_attribute("href"),
        window().location().href().ok(),
        "the same address, loaded afresh"
    );
    notice.remove();
    html.set_attribute("lang", "en").unwrap();
}
