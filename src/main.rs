//! Browser entry point: mount the portal into `#app`. No panic hook: its message formatting
//! costs 1.5 KB of the first load, and a panic stops the page the same way without it.

use astana_hub_portal::ui::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    let root = document()
        .get_element_by_id("app")
        .expect("index.html has an element with id app")
        .unchecked_into();
    // The view lives as long as the page.
    leptos::mount::mount_to(root, App).forget();
}
