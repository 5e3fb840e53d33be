//! A journey page whose texts cannot be fetched (src/ui/lazy.rs), in a real browser. A test
//! binary of its own: the texts installed here are the whole process's.
#![cfg(target_arch = "wasm32")]

use astana_hub_portal::i18n::{Lang, Part, install};
use leptos::prelude::*;
use wasm_bindgen_test::*;

mod support;
use support::{click, open_portal_at, settle, text_of};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_journey_page_without_its_texts_says_so_and_try_again_brings_it() {
    // The shell's Kazakh is here; the journeys' is not, and the test runner has no such file
    // to fetch: opening a journey page in Kazakh fails as it would offline.
    install(
        Lang::Kk,
        Part::Shell,
        include_str!(concat!(env!("OUT_DIR"), "/texts/kk.json")),
    )
    .unwrap();
    let storage = window().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    storage.set_item("ahp:lang", "kk").unwrap();
    let root = open_portal_at("/fees").await;

    assert_eq!(text_of(&root, "h1"), "Бұл бетті жүктеу мүмкін болмады");
    assert_eq!(text_of(&root, "main button"), "Қайталап көру");

    // Still missing: the same message, the page still usable.
    click(&root, "main button");
    settle().await;
    assert_eq!(text_of(&root, "h1"), "Бұл бетті жүктеу мүмкін болмады");

    install(
        Lang::Kk,
        Part::Journeys,
        include_str!(concat!(env!("OUT_DIR"), "/texts/journeys/kk.json")),
    )
    .unwrap();
    click(&root, "main button");
    settle().await;
    assert_eq!(text_of(&root, "h1"), "Мүшелік жарнаны есептеу");
    assert!(
        root.query_selector("main form").unwrap().is_some(),
        "the fee calculator's form is shown"
    );
}
