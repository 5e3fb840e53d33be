//! One document of a journey, uploaded for real (GOV.UK's file upload pattern): the file is
//! checked by the service's own rule first (type by content, size: `domain::documents`), then
//! sent through the backend with a key of its own, so trying again never makes two documents;
//! its receipt (id, size, SHA-256) is kept with the draft as an [`Attachment`], listed with
//! its name shown as plain text, and can be removed or replaced.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::{Answers, chosen_file, dyn_text, message, text};
use crate::journeys::{ATTACHMENTS, attachments_of};
use crate::{
    api::Attachment,
    backend::{Backend, BackendError, IdempotencyKey, digest, held_document},
    domain::documents::{DocumentKind, check_file},
    i18n::Lang,
    ui::{
        config::{is_demo, use_backend},
        i18n::use_i18n,
    },
};

fn keep(answers: RwSignal<Answers>, list: &[Attachment]) {
    let json = serde_json::to_string(list).unwrap_or_default();
    answers.update(|a| {
        a.insert(ATTACHMENTS.to_owned(), json);
    });
}

/// "2.4 MB", rounded to a tenth. In whole numbers: formatting a float would bring the float
/// printing code into the bundle for this one line.
pub fn megabytes(bytes: u64) -> String {
    let tenths = (bytes * 10 + 524_288) / 1_048_576;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// The first characters of a SHA-256, enough to compare by eye with the service's record.
pub fn short_hash(sha256: &str) -> String {
    sha256.chars().take(12).collect()
}

/// A file on its way: its name, bytes, their SHA-256 (to compare with the receipt) and key,
/// kept so "Try again" sends the same file under the same key.
#[derive(Clone)]
struct Sending {
    name: String,
    bytes: std::sync::Arc<Vec<u8>>,
    sha256: Option<String>,
    key: IdempotencyKey,
}

/// A message key with the values of its placeholders.
type Said = (String, Vec<(String, String)>);

fn said(key: &str, values: Vec<(String, String)>) -> Option<Said> {
    Some((key.to_owned(), values))
}

#[component]
pub fn DocumentUpload(
    kind: &'static DocumentKind,
    /// Whose document: the person's index in the submission, or none for the submission's.
    #[prop(optional)]
    person: Option<usize>,
    answers: RwSignal<Answers>,
    /// Whose document, named after its label ("Copy of the passport's photo page: MARY SMITH").
    #[prop(optional, into)]
    owner: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let backend = use_backend();
    let id = match person {
        Some(p) => format!("document-{}-{p}", kind.id),
        None => format!("document-{}", kind.id),
    };
    let problem = RwSignal::new(None::<Said>);
    let sending = RwSignal::new(None::<Sending>);
    let busy = RwSignal::new(false);
    let mine = move |a: &Attachment| a.kind == kind.id && a.person == person;

    let send = move || {
        let Some(file) = sending.get_untracked() else {
            return;
        };
        busy.set(true);
        problem.set(None);
        leptos::task::spawn_local(async move {
            let answer = backend.upload_document(&file.key, &file.bytes).await;
            busy.set(false);
            match answer {
                // The bytes the service holds must be the bytes chosen.
                Ok(receipt) if file.sha256.as_deref().is_none_or(|h| h == receipt.sha256) => {
                    let mut list = answers.with_untracked(attachments_of);
                    list.retain(|a| !mine(a));
                    list.push(Attachment {
                        id: receipt.id,
                        kind: kind.id.clone(),
                        person,
                        name: file.name,
                        size: receipt.size,
                        sha256: receipt.sha256,
                    });
                    keep(answers, &list);
                    sending.set(None);
                }
                Ok(_) => problem.set(said("documents.problem.changed", Vec::new())),
                Err(BackendError::Refused(errors)) => {
                    // The service's reason when the texts can say it, else the file's type.
                    let code = errors.first().map(|e| e.code.as_str());
                    let key = code
                        .filter(|c| crate::i18n::lookup(Lang::En, c).is_some())
                        .unwrap_or("documents.problem.type");
                    problem.set(said(key, Vec::new()));
                    sending.set(None);
                }
                Err(e) => problem.set(said(e.message_key(), e.values())),
            }
        });
    };

    let choose = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        leptos::task::spawn_local(async move {
            let bytes = match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                Err(_) => Vec::new(),
            };
            let others: u64 = answers.with_untracked(|a| {
                attachments_of(a)
                    .iter()
                    .filter(|a| !mine(a))
                    .map(|a| a.size)
                    .sum()
            });
            let head = &bytes[..bytes.len().min(8)];
            match check_file(head, bytes.len() as u64, others) {
                Err(p) => {
                    sending.set(None);
                    problem.set(said(p.message_key(), p.values()));
                }
                Ok(_) => {
                    sending.set(Some(Sending {
                        name: file.name(),
                        sha256: digest(&bytes).await,
                        bytes: std::sync::Arc::new(bytes),
                        key: IdempotencyKey::generate(),
                    }));
                    send();
                }
            }
        });
    };

    // A draft moved from another device names files the demo's store here never held: they
    // are taken off the draft and asked for again, never shown as if they were here. Checked
    // once the configuration says the demo answers.
    Effect::new(move || {
        if !is_demo() {
            return;
        }
        let Some(named) =
            answers.with_untracked(|a| attachments_of(a).into_iter().find(|a| mine(a)))
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let held = held_document(&named.id)
                .await
                .ok()
                .and_then(|h| h.as_bool());
            if held == Some(false) {
                let mut list = answers.with_untracked(attachments_of);
                list.retain(|a| a.id != named.id);
                keep(answers, &list);
                problem.set(said(
                    "documents.problem.elsewhere",
                    vec![("name".into(), named.name)],
                ));
            }
        });
    });

    let remove = move |_| {
        let mut list = answers.with_untracked(attachments_of);
        list.retain(|a| !mine(a));
        keep(answers, &list);
    };
    let held = move || answers.with(|a| attachments_of(a).into_iter().find(|a| mine(a)));
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if problem.with(Option::is_some) {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    let label = kind.label();
    let optional = !kind.required();
    view! {
        <div class="form-group upload" class:form-group--error=move || problem.with(Option::is_some)>
            <label class="label" for=id.clone()>
                {dyn_text(label.clone())}
                {owner.clone().filter(|o| !o.is_empty()).map(|o| format!(": {o}"))}
                {optional.then(|| view! { " (" {text("form.optional")} ")" })}
            </label>
            <div class="hint" id=hint_id>
                {text("documents.hint")}
                {optional.then(|| view! { " " {text("documents.hint_optional")} })}
            </div>
            {move || problem.get().map(|(key, values)| view! {
                <p class="error-message" id=error_id.clone()>
                    <span class="visually-hidden">{text("form.error_prefix")}</span>
                    {message(i18n.lang(), &key, &values)}
                </p>
            })}
            {move || held().map(|a| view! {
                <div class="upload__file">
                    <p>
                        <strong class="upload__name">{a.name.clone()}</strong>
                        " (" {megabytes(a.size)} "), SHA-256 " <code>{short_hash(&a.sha256)}</code> "…"
                    </p>
                    <button class="button button--secondary" type="button" on:click=remove>
                        {text("documents.remove")}
                        <span class="visually-hidden">" " {a.name.clone()}</span>
                    </button>
                </div>
            })}
            <input
                class="file-upload"
                type="file"
                id=id
                accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
                aria-describedby=described_by
                disabled=move || busy.get()
                on:change=choose
            />
            <div role="status" class="upload__status">
                {move || busy.get().then(|| view! {
                    <progress class="upload__progress" aria-label=move || i18n.t("documents.sending")></progress>
                    " " {text("documents.sending")}
                })}
            </div>
            {move || (!busy.get() && problem.with(Option::is_some) && sending.with(Option::is_some)).then(|| view! {
                <button class="button button--secondary" type="button" on:click=move |_| send()>
                    {text("documents.again")}
                </button>
            })}
        </div>
    }
}

/// The documents sent, as check your answers and the confirmation list them: each name, size
/// and the first characters of its SHA-256.
#[component]
pub fn DocumentList(attachments: Vec<Attachment>) -> impl IntoView {
    (!attachments.is_empty()).then(|| {
        let items = attachments
            .into_iter()
            .map(|a| {
                view! {
                    <li>
                        {dyn_text(format!("documents.{}", a.kind))} ": "
                        <strong class="upload__name">{a.name}</strong>
                        " (" {megabytes(a.size)} "), SHA-256 " <code>{short_hash(&a.sha256)}</code> "…"
                    </li>
                }
            })
            .collect_view();
        view! {
            <h2 class="heading-m">{text("documents.sent")}</h2>
            <ul class="list documents">{items}</ul>
        }
    })
}
