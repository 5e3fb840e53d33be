//! Browser entry point: mount the portal into `#app`. A panic shows what happened and a way to
//! reload (`show_crash_notice`); the hook formats no message, which would cost 1.5 KB of the
//! first load. It runs before the release build's abort.

use astana_hub_portal::ui::{App, show_crash_notice};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    std::panic::set_hook(Box::new(|_| show_crash_notice()));
    let root = document()
        .get_element_by_id("app")
        .expect("index.html has an element with id app")
        .unchecked_into();
    // The view lives as long as the page.
    leptos::mount::mount_to(root, App).forget();
}
