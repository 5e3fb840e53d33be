//! Browser entry point: mount the portal into `#app`.

use astana_hub_portal::ui::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    console_error_panic_hook::set_once();
    let root = document()
        .get_element_by_id("app")
        .expect("index.html has an element with id app")
        .unchecked_into();
    // The view lives as long as the page.
    leptos::mount::mount_to(root, App).forget();
}
