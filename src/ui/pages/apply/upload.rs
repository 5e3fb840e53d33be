//! A document checked before it is sent: its type read from its content, its size, by the
//! rule the service applies (`domain::documents`). The file does not leave the browser, and the
//! page says so: only its name, type and size are kept with the draft.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::{
    domain::documents::check_file,
    ui::{
        i18n::use_i18n,
        pages::form::{Answers, chosen_file, message, text},
    },
};

/// "2.4 MB", rounded to a tenth. In whole numbers: formatting a float would bring the float
/// printing code into the bundle for this one line.
fn megabytes(bytes: f64) -> String {
    let tenths = (bytes as u64 * 10 + 524_288) / 1_048_576;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

#[component]
pub fn FileCheck(answers: RwSignal<Answers>) -> impl IntoView {
    let i18n = use_i18n();
    let problem = RwSignal::new(None::<(&'static str, Vec<(String, String)>)>);
    let check = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        leptos::task::spawn_local(async move {
            let size = file.size();
            let head = match file.slice_with_i32_and_i32(0, 8) {
                Ok(blob) => JsFuture::from(blob.array_buffer())
                    .await
                    .map(|b| js_sys::Uint8Array::new(&b).to_vec())
                    .unwrap_or_default(),
                Err(_) => Vec::new(),
            };
            let verdict = check_file(&head, size as u64, 0)
                .map(|kind| {
                    let kind = format!("{kind:?}").to_uppercase();
                    format!("{} ({kind}, {})", file.name(), megabytes(size))
                })
                .map_err(|p| (p.message_key(), p.values()));
            match verdict {
                Ok(summary) => {
                    problem.set(None);
                    answers.update(|a| {
                        a.insert("attachment".into(), summary);
                    });
                }
                Err(refused) => problem.set(Some(refused)),
            }
        });
    };
    let accepted = move || answers.with(|a| a.get("attachment").cloned());
    view! {
        <div class="form-group" class:form-group--error=move || problem.with(Option::is_some)>
            <label class="label" for="attachment">
                {text("apply.attachment")} " (" {text("form.optional")} ")"
            </label>
            <div class="hint" id="attachment-hint">{text("apply.attachment_hint")}</div>
            {move || problem.get().map(|(key, values)| view! {
                <p class="error-message" id="attachment-error" role="alert">
                    <span class="visually-hidden">{text("form.error_prefix")}</span>
                    {message(i18n.lang(), key, &values)}
                </p>
            })}
            <input
                type="file"
                id="attachment"
                aria-describedby=move || if problem.with(Option::is_some) { "attachment-hint attachment-error" } else { "attachment-hint" }
                on:change=check
            />
            {move || accepted().map(|s| view! {
                <p class="file-status" role="status">{text("apply.attachment_accepted")} ": " {s}</p>
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::megabytes;

    #[test]
    fn megabytes_are_rounded_to_a_tenth() {
        assert_eq!(megabytes(0.0), "0.0 MB");
        assert_eq!(megabytes(52_428.0), "0.0 MB");
        assert_eq!(megabytes(52_429.0), "0.1 MB");
        assert_eq!(megabytes(1_048_576.0), "1.0 MB");
        assert_eq!(megabytes(2_516_582.0), "2.4 MB");
        assert_eq!(megabytes(5.0 * 1024.0 * 1024.0), "5.0 MB");
    }
}
