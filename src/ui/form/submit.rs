//! Sending a journey's answers, once: the idempotency key is kept with the draft, so a retry
//! after a failure, a timeout or a reload sends the same key, and the service answers with the
//! first result instead of recording a second submission. When answers changed after a send
//! the service recorded but whose answer was lost, the key meets a conflict: the failure panel
//! names the submission already made and offers to send these answers as a new one. With the
//! HTTP backend, a submission that meets no network goes to the outbox (`outbox.rs`), to be
//! sent when the connection returns.

use std::future::Future;

use chrono::NaiveDate;
use leptos::{html, prelude::*};
use leptos_router::NavigateOptions;
use serde::Serialize;

use super::{
    keep_record, message,
    outbox::{Entry, Outbox, Template},
    receipt::status_link,
    store::{Draft, remove},
    text, tr,
};
use crate::api::{Kind, Reference, Submission};
use crate::backend::{BackendError, IdempotencyKey, Unsent};
use crate::ui::{
    config::{PortalBackend, use_backend},
    i18n::use_i18n,
    link,
};

/// Whether a submission of `journey` (its draft's name) is on its way, and why the last one
/// failed.
#[derive(Clone, Copy)]
pub struct Sending {
    pub journey: &'static str,
    pub busy: RwSignal<bool>,
    pub failure: RwSignal<Option<BackendError>>,
    backend: PortalBackend,
    outbox: Option<Outbox>,
}

impl Sending {
    pub fn new(journey: &'static str) -> Self {
        let failure = RwSignal::new(None);
        let outbox = use_context::<Outbox>();
        let backend = use_backend();
        if let Some(outbox) = outbox {
            // Kept offline, then refused by the service when the outbox sent it: said here.
            Effect::new(move || {
                if let Some(error) = outbox.take_failure(journey) {
                    failure.set(Some(error));
                }
            });
            // The outbox's code comes now, while the network is there: offline it could not.
            leptos::task::spawn_local(async move {
                if backend.http().await.is_some() {
                    outbox.preload();
                }
            });
        }
        Sending {
            journey,
            busy: RwSignal::new(false),
            failure,
            backend,
            outbox,
        }
    }

    /// Forgets the draft's key, so `resend` (the page's send) makes a fresh one: the old key
    /// names the submission already made with the earlier answers.
    pub fn send_as_new(self, resend: Callback<()>) {
        let mut draft = Draft::restore(self.journey);
        draft.idempotency_key.clear();
        draft.persist();
        resend.run(());
    }

    /// Sends with the draft's key (made and kept on the first try). On success `done` gets the
    /// receipt and the draft is removed; on failure the draft and every answer stay, and
    /// `keep` is offered what the HTTP backend could not send for want of a network (it says
    /// whether it kept it; if not, the failure is shown).
    fn send<Fut>(
        self,
        send: impl FnOnce(IdempotencyKey) -> Fut + 'static,
        done: impl FnOnce(Submission) + 'static,
        keep: impl FnOnce(IdempotencyKey, Unsent) -> bool + 'static,
    ) where
        Fut: Future<Output = Result<Submission, BackendError>> + 'static,
    {
        let journey = self.journey;
        let mut draft = Draft::restore(journey);
        if draft.idempotency_key.is_empty() {
            draft.idempotency_key = IdempotencyKey::generate().0;
            draft.persist();
        }
        let key = IdempotencyKey(draft.idempotency_key);
        self.busy.set(true);
        self.failure.set(None);
        leptos::task::spawn_local(async move {
            let result = send(key.clone()).await;
            self.busy.set(false);
            match result {
                Ok(submission) => {
                    done(submission);
                    remove(&Draft::key(journey));
                    if let Some(outbox) = self.outbox {
                        outbox.forget(journey);
                    }
                }
                Err(BackendError::Offline) => {
                    let unsent = match self.backend.http().await {
                        Some(http) => http.take_unsent(&key),
                        None => None,
                    };
                    // The outbox's code, if it is still on its way.
                    if let (Some(outbox), Some(_)) = (self.outbox, &unsent) {
                        outbox.ready().await;
                    }
                    if !unsent.is_some_and(|u| keep(key, u)) {
                        self.failure.set(Some(BackendError::Offline));
                    }
                }
                Err(e) => self.failure.set(Some(e)),
            }
        });
    }

    /// As [`Sending::send`]; on success keeps what the confirmation shows, `record` made from
    /// the receipt, under `kind` (see [`keep_record`]) and opens the confirmation page,
    /// `{base}/confirmation/{reference}`. Offline, the outbox keeps the request and the record
    /// with a place for the receipt, and does the same when it is sent.
    pub fn send_then_confirm<Fut, T: Serialize>(
        self,
        (kind, base): (&'static str, &'static str),
        send: impl FnOnce(IdempotencyKey) -> Fut + 'static,
        record: impl FnOnce(Submission) -> T + Clone + 'static,
        navigate: impl Fn(&str, NavigateOptions) + 'static,
    ) where
        Fut: Future<Output = Result<Submission, BackendError>> + 'static,
    {
        let page = window().location().pathname().unwrap_or_default();
        let template = record.clone();
        let keep = move |key: IdempotencyKey, request: Unsent| {
            let Some(outbox) = self.outbox else {
                return false;
            };
            // The record made around a receipt that cannot be mistaken for a real one.
            let blank = Submission {
                reference: Reference::new(0, Kind::Application, 0),
                kind: Kind::Application,
                submitted_on: NaiveDate::MIN,
                timeline: Vec::new(),
            };
            let made = serde_json::to_string(&template(blank.clone())).unwrap_or_default();
            let blank = serde_json::to_string(&blank).unwrap_or_default();
            let Some(record) = Template::around(&made, &blank) else {
                return false;
            };
            let mut entry = Entry::waiting(self.journey, &key.0, request, record);
            entry.page = page;
            entry.base = base.to_owned();
            entry.kind = kind.to_owned();
            outbox.keep(&entry)
        };
        self.send(
            send,
            move |submission| {
                let reference = submission.reference.as_str().to_owned();
                keep_record(kind, &reference, &record(submission));
                navigate(
                    &link(&format!("{base}/confirmation/{reference}")),
                    Default::default(),
                );
            },
            keep,
        );
    }
}

/// The question behind a path of the service's answer ("contact.email"): its label and the
/// address that changes it.
pub type Locate = fn(&str) -> Option<(&'static str, String)>;

/// Why the last submission failed, each answer the service refused (a link to its question
/// when `locate` finds one, else its message alone), then `kept`: what stays and how to try
/// again. After a conflict, instead of `kept`: a link to track the submission already made
/// (when the service named it) and a button that sends these answers as a new one with
/// `resend`, the page's send. It takes focus when it appears, as the error summary does.
#[component]
pub fn FailurePanel(
    sending: Sending,
    kept: &'static str,
    locate: Locate,
    resend: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let failure = sending.failure;
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
            let conflict = match &e {
                BackendError::Conflict(reference) => Some(reference.clone()),
                _ => None,
            };
            let values = [("reference".to_owned(), conflict.clone().flatten().unwrap_or_default())];
            let said = move || message(i18n.lang(), e.message_key(), &values);
            let next = match conflict {
                None => view! { <p>{text(kept)}</p> }.into_any(),
                Some(named) => view! {
                    {named.map(|r| view! {
                        <p>
                            <a href=status_link(&r)>{text("backend.conflict.track")}</a>
                        </p>
                    })}
                    <button class="button" type="button" on:click=move |_| sending.send_as_new(resend)>
                        {text("backend.conflict.send_new")}
                    </button>
                }
                .into_any(),
            };
            view! {
                <div class="error-summary" role="alert" tabindex="-1" node_ref=panel>
                    <h2 class="error-summary__title">{text("form.problem")}</h2>
                    <p>{said}</p>
                    <ul class="list">{fields}</ul>
                    {next}
                </div>
            }
        })
    }
}
