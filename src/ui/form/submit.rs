//! Sending a journey's answers, once: the idempotency key is kept with the draft, so a retry
//! after a failure, a timeout or a reload sends the same key, and the service answers with the
//! first result instead of recording a second submission.

use std::future::Future;

use leptos::{html, prelude::*};
use leptos_router::NavigateOptions;
use serde::Serialize;

use super::{
    keep_record,
    store::{Draft, remove},
    text, tr,
};
use crate::api::Submission;
use crate::backend::{BackendError, IdempotencyKey};
use crate::ui::{i18n::use_i18n, link};

/// Whether a submission is on its way, and why the last one failed.
#[derive(Clone, Copy)]
pub struct Sending {
    pub busy: RwSignal<bool>,
    pub failure: RwSignal<Option<BackendError>>,
}

impl Sending {
    pub fn new() -> Self {
        Sending {
            busy: RwSignal::new(false),
            failure: RwSignal::new(None),
        }
    }

    /// Sends with the draft's key (made and kept on the first try). On success `done` gets the
    /// receipt and the draft is removed; on failure the draft and every answer stay.
    pub fn send<Fut>(
        self,
        journey: &'static str,
        send: impl FnOnce(IdempotencyKey) -> Fut + 'static,
        done: impl FnOnce(Submission) + 'static,
    ) where
        Fut: Future<Output = Result<Submission, BackendError>> + 'static,
    {
        let mut draft = Draft::restore(journey);
        if draft.idempotency_key.is_empty() {
            draft.idempotency_key = IdempotencyKey::generate().0;
            draft.persist();
        }
        let key = IdempotencyKey(draft.idempotency_key);
        self.busy.set(true);
        self.failure.set(None);
        leptos::task::spawn_local(async move {
            let result = send(key).await;
            self.busy.set(false);
            match result {
                Ok(submission) => {
                    done(submission);
                    remove(&Draft::key(journey));
                }
                Err(e) => self.failure.set(Some(e)),
            }
        });
    }

    /// As [`Sending::send`]; on success keeps what the confirmation shows, `record` made from
    /// the receipt, under `kind` (see [`keep_record`]) and opens the confirmation page,
    /// `{base}/confirmation/{reference}`.
    pub fn send_then_confirm<Fut, T: Serialize>(
        self,
        (journey, kind, base): (&'static str, &'static str, &'static str),
        send: impl FnOnce(IdempotencyKey) -> Fut + 'static,
        record: impl FnOnce(Submission) -> T + 'static,
        navigate: impl Fn(&str, NavigateOptions) + 'static,
    ) where
        Fut: Future<Output = Result<Submission, BackendError>> + 'static,
    {
        self.send(journey, send, move |submission| {
            let reference = submission.reference.as_str().to_owned();
            keep_record(kind, &reference, &record(submission));
            navigate(
                &link(&format!("{base}/confirmation/{reference}")),
                Default::default(),
            );
        });
    }
}

/// The question behind a path of the service's answer ("contact.email"): its label and the
/// address that changes it.
pub type Locate = fn(&str) -> Option<(&'static str, String)>;

/// Why the last submission failed, each answer the service refused (a link to its question
/// when `locate` finds one, else its message alone), then `kept`: what stays and how to try
/// again. It takes focus when it appears, as the error summary does.
#[component]
pub fn FailurePanel(
    failure: RwSignal<Option<BackendError>>,
    kept: &'static str,
    locate: Locate,
) -> impl IntoView {
    let i18n = use_i18n();
    let panel = NodeRef::<html::Div>::new();
    Effect::new(move || {
        if failure.with(Option::is_some)
            && let Some(el) = panel.get()
        {
            let _ = el.focus();
        }
    });
    move || {
        failure.get().map(|e| {
            let fields = e
                .field_errors()
                .iter()
                .map(|f| {
                    let code = f.code.clone();
                    let message = move || tr(i18n.lang(), &code);
                    match locate(&f.path) {
                        Some((label, href)) => view! {
                            <li>
                                <a href=href>{text(label)} ": " {message}</a>
                            </li>
                        }
                        .into_any(),
                        None => view! { <li>{message}</li> }.into_any(),
                    }
                })
                .collect_view();
            view! {
                <div class="error-summary" role="alert" tabindex="-1" node_ref=panel>
                    <h2 class="error-summary__title">{text("form.problem")}</h2>
                    <p>{move || tr(i18n.lang(), e.message_key())}</p>
                    <ul class="list">{fields}</ul>
                    <p>{text(kept)}</p>
                </div>
            }
        })
    }
}
