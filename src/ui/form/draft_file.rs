//! Save and return without a server, for any journey: download its draft as a file, load one
//! back, or delete everything the portal keeps in this browser.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{Draft, clear_all, store::KEPT_DAYS, text};
use crate::ui::{config::is_demo, i18n::use_i18n, link};

/// Offers `json` as a file named `name`, through a link the page never shows.
pub(super) fn download(name: &str, json: &str) -> Option<()> {
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

/// The draft tools of the journey whose draft is named `journey`: its file is `file_name`, and
/// `resume` is the page that takes up loaded answers. `changed` runs after a load or a
/// deletion, for the parts of the page that depend on the draft.
#[component]
pub fn DraftTools(
    journey: &'static str,
    file_name: &'static str,
    resume: &'static str,
    #[prop(optional)] changed: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    // The message after an action: its key and whether it reports a problem.
    let message = RwSignal::new(None::<(&'static str, bool)>);
    let done = move |key| {
        message.set(Some((key, false)));
        if let Some(c) = changed {
            c.run(());
        }
    };
    let save_file = move |_| {
        download(file_name, &Draft::restore(journey).to_json());
    };
    let load_file = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        // The task runs outside the component: it takes the component's context with it.
        let owner = Owner::current().unwrap_or_default();
        leptos::task::spawn_local(async move {
            let read = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            // A damaged file, or another journey's, changes nothing.
            match read.and_then(|json| Draft::parse(journey, &json)) {
                Some(draft) => {
                    owner.with(|| draft.persist());
                    done("form.draft_loaded");
                }
                None => message.set(Some(("form.draft_bad_file", true))),
            }
        });
    };
    let delete = move |_| {
        clear_all();
        done("form.data_deleted");
    };
    let shown = move || {
        message.get().map(|(key, problem)| {
            let resume = (key == "form.draft_loaded")
                .then(|| view! { " " <a href=link(resume)>{text("form.draft_resume")}</a> });
            view! {
                <p class=if problem { "error-message" } else { "panel panel--success" } role="status">
                    {text(key)}
                    {resume}
                </p>
            }
        })
    };
    view! {
        <h2 class="heading-m">{text("form.draft_title")}</h2>
        <p>{text("form.draft_body")}</p>
        <p>{move || crate::i18n::message(i18n.lang(), "form.draft_kept", &[("days".into(), KEPT_DAYS.to_string())])}</p>
        <div aria-live="polite">{shown}</div>
        <button class="button button--secondary" type="button" on:click=save_file>
            {text("form.draft_download")}
        </button>
        <div class="form-group">
            <label class="label" for="draft-file">{text("form.draft_load")}</label>
            <div class="hint" id="draft-file-hint">{text("form.draft_load_hint")}</div>
            <input type="file" id="draft-file" accept=".json,application/json" aria-describedby="draft-file-hint" on:change=load_file />
        </div>
        <h2 class="heading-m">{text("form.delete_title")}</h2>
        <p>{text("form.delete_body")}</p>
        // In the demo the service's records sit in this browser too, and go with the rest.
        <p>{move || i18n.t(if is_demo() { "form.delete_demo" } else { "form.delete_service" })}</p>
        <button class="button button--warning" type="button" on:click=delete>
            {text("form.delete")}
        </button>
    }
}
