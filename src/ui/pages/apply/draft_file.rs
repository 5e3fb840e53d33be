//! Save and return without a server: download the draft as a file, load it back, or delete
//! everything the portal keeps in this browser.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::DRAFT;
use crate::ui::pages::form::{Draft, clear_all, text};

/// Offers `json` as a file named `name`, through a link the page never shows.
fn download(name: &str, json: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&JsValue::from_str(json));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a").ok()?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url).ok()
}

/// The first file chosen in a file input.
pub fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.unchecked_into();
    input.files()?.get(0)
}

#[component]
pub fn DraftTools() -> impl IntoView {
    // The message after an action: its key and whether it reports a problem.
    let message = RwSignal::new(None::<(&'static str, bool)>);
    let save_file = move |_| {
        let draft = Draft::restore(DRAFT);
        download("astana-hub-application.json", &draft.to_json());
    };
    let load_file = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        leptos::task::spawn_local(async move {
            let read = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            // A damaged or foreign file changes nothing.
            match read.and_then(|json| Draft::parse(DRAFT, &json)) {
                Some(draft) => {
                    draft.persist();
                    message.set(Some(("apply.draft_loaded", false)));
                }
                None => message.set(Some(("apply.draft_bad_file", true))),
            }
        });
    };
    let delete = move |_| {
        clear_all();
        message.set(Some(("apply.data_deleted", false)));
    };
    let shown = move || {
        message.get().map(|(key, problem)| {
            view! {
                <p class=if problem { "error-message" } else { "panel panel--success" } role="status">
                    {text(key)}
                </p>
            }
        })
    };
    view! {
        <h2 class="heading-m">{text("apply.draft_title")}</h2>
        <p>{text("apply.draft_body")}</p>
        <div aria-live="polite">{shown}</div>
        <button class="button button--secondary" type="button" on:click=save_file>
            {text("apply.draft_download")}
        </button>
        <div class="form-group">
            <label class="label" for="draft-file">{text("apply.draft_load")}</label>
            <div class="hint" id="draft-file-hint">{text("apply.draft_load_hint")}</div>
            <input type="file" id="draft-file" accept=".json,application/json" aria-describedby="draft-file-hint" on:change=load_file />
        </div>
        <h2 class="heading-m">{text("apply.delete_title")}</h2>
        <p>{text("apply.delete_body")}</p>
        <button class="button button--warning" type="button" on:click=delete>
            {text("apply.delete")}
        </button>
    }
}
