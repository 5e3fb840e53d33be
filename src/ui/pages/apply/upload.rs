//! A document chosen for upload is accepted only when its content is of an allowed type (read
//! from its first bytes, not its name) and it is small enough. Only its name, type and size are
//! kept with the draft.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::ui::pages::form::{Answers, chosen_file, text};

pub const MAX_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

/// The type of a file by its first bytes: PDF, PNG, JPEG, or a ZIP container (DOCX, XLSX).
pub fn sniff(head: &[u8]) -> Option<&'static str> {
    const KINDS: [(&[u8], &str); 4] = [
        (b"%PDF-", "PDF"),
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"\xff\xd8\xff", "JPEG"),
        (b"PK\x03\x04", "DOCX/XLSX"),
    ];
    KINDS
        .iter()
        .find(|(magic, _)| head.starts_with(magic))
        .map(|(_, kind)| *kind)
}

/// "2.4 MB", rounded to a tenth. In whole numbers: formatting a float would bring the float
/// printing code into the bundle for this one line.
fn megabytes(bytes: f64) -> String {
    let tenths = (bytes as u64 * 10 + 524_288) / 1_048_576;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

#[component]
pub fn FileCheck(answers: RwSignal<Answers>) -> impl IntoView {
    let problem = RwSignal::new(None::<&'static str>);
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
            let verdict = match sniff(&head) {
                None => Err("apply.file_type"),
                Some(_) if size > MAX_BYTES => Err("apply.file_size"),
                Some(kind) => Ok(format!("{} ({kind}, {})", file.name(), megabytes(size))),
            };
            match verdict {
                Ok(summary) => {
                    problem.set(None);
                    answers.update(|a| {
                        a.insert("attachment".into(), summary);
                    });
                }
                Err(key) => problem.set(Some(key)),
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
            {move || problem.get().map(|key| view! {
                <p class="error-message" id="attachment-error" role="alert">
                    <span class="visually-hidden">{text("form.error_prefix")}</span>
                    {text(key)}
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
    use super::{MAX_BYTES, megabytes};

    #[test]
    fn megabytes_are_rounded_to_a_tenth() {
        assert_eq!(megabytes(0.0), "0.0 MB");
        assert_eq!(megabytes(52_428.0), "0.0 MB");
        assert_eq!(megabytes(52_429.0), "0.1 MB");
        assert_eq!(megabytes(1_048_576.0), "1.0 MB");
        assert_eq!(megabytes(2_516_582.0), "2.4 MB");
        assert_eq!(megabytes(MAX_BYTES), "5.0 MB");
    }
}
