//! The outbox: a submission the HTTP backend could not send while the browser was offline is
//! kept in this browser under `ahp:outbox:<journey>`, exactly as it was to be sent, and sent
//! once when the connection returns: on the window's `online` event, and when the portal next
//! starts if the tab was closed. This lives in the shell, not in a journey's code, so that
//! start needs nothing more. Sent and refused, or failing while the browser is online, it
//! stays with its error for the journey's page to show.
//!
//! Once only: it is sent with the draft's idempotency key, so the service records it once
//! however often it arrives; and a flush first writes a claim into the entry and reads it back
//! after [`SETTLE_MS`], so two flushes at the same moment (the event and the start, or two
//! tabs) do not both send it: the last claim written wins, the other flush leaves the entry.
//! A claim lasts as long as a send can take, so one left by a closed tab expires.

use leptos::{html, prelude::*};
use leptos_router::{NavigateOptions, hooks::use_location, hooks::use_navigate};
use serde::{Deserialize, Serialize};

use super::{
    receipt::record_key,
    store::{Draft, keys, load, remove, save},
    text,
};
use crate::api::Submission;
use crate::backend::{BackendError, HttpBackend, IdempotencyKey, Unsent, browser_offline, sleep};
use crate::ui::{config::use_backend, i18n::use_i18n, link};

const OUTBOX: &str = "ahp:outbox:";

/// How long a flush waits between writing its claim and reading it back: long enough for a
/// claim written at the same moment by another tab to have arrived.
const SETTLE_MS: u32 = 100;

/// A submission waiting for the network, or one the service refused when it was sent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The journey's draft ("apply"): removed when the entry is sent, if it still has its key.
    pub journey: String,
    /// The address of the page it was sent from: its confirmation opens there, and its
    /// failure is shown there.
    pub page: String,
    /// The journey's route ("/apply"): the confirmation is `{base}/confirmation/{reference}`.
    pub base: String,
    /// The name its confirmation's record is kept under (`keep_record`).
    pub kind: String,
    pub key: String,
    pub request: Unsent,
    pub record: Template,
    /// Why the service did not take it when the outbox sent it.
    pub error: Option<BackendError>,
    pub claim: Option<Claim>,
}

/// A flush sending the entry: who, and until when (milliseconds since the epoch).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub by: String,
    pub until: f64,
}

impl Entry {
    /// Whether a flush may send it at `now`: it is not refused, and no live claim holds it.
    pub fn sendable(&self, now: f64) -> bool {
        self.error.is_none() && self.claim.as_ref().is_none_or(|c| c.until <= now)
    }

    /// Whether the claim written as `by` is the one kept.
    pub fn claimed_by(&self, by: &str) -> bool {
        self.claim.as_ref().is_some_and(|c| c.by == by)
    }
}

/// The record a confirmation shows, made before the service's receipt exists: its JSON on
/// either side of the place where the receipt goes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Template {
    pub head: String,
    pub tail: String,
    /// The receipt's fields go in without their braces: the record flattens the receipt.
    pub flat: bool,
}

impl Template {
    /// `record` is the record made with `blank` as its receipt, both as JSON: the receipt is
    /// found in it whole, or as its fields alone. `None` if it is not there.
    pub fn around(record: &str, blank: &str) -> Option<Template> {
        let (part, flat) = if record.contains(blank) {
            (blank, false)
        } else {
            (blank.strip_prefix('{')?.strip_suffix('}')?, true)
        };
        let (head, tail) = record.split_once(part)?;
        Some(Template {
            head: head.to_owned(),
            tail: tail.to_owned(),
            flat,
        })
    }

    /// The record with the service's `receipt` (JSON) in its place.
    pub fn fill(&self, receipt: &str) -> String {
        let fields = receipt.strip_prefix('{').and_then(|r| r.strip_suffix('}'));
        let receipt = match fields {
            Some(fields) if self.flat => fields,
            _ => receipt,
        };
        format!("{}{receipt}{}", self.head, self.tail)
    }
}

fn entry_key(journey: &str) -> String {
    format!("{OUTBOX}{journey}")
}

fn read(key: &str) -> Option<Entry> {
    serde_json::from_str(&load(key)?).ok()
}

fn write(entry: &Entry) {
    save(
        &entry_key(&entry.journey),
        &serde_json::to_string(entry).unwrap_or_default(),
    );
}

fn entries() -> Vec<Entry> {
    keys(OUTBOX).iter().filter_map(|k| read(k)).collect()
}

fn here() -> String {
    window().location().pathname().unwrap_or_default()
}

/// What the layout knows of the outbox. Provided once by the shell.
#[derive(Clone, Copy)]
pub struct Outbox {
    /// The entries as stored, read again after each change in this tab or another.
    entries: RwSignal<Vec<Entry>>,
    /// Sent while their page was not shown: the reference and its confirmation's address.
    sent: RwSignal<Vec<(String, String)>>,
    /// A submission on this page was just kept: its banner takes focus.
    just_kept: RwSignal<bool>,
}

impl Outbox {
    pub fn provide() {
        let outbox = Outbox {
            entries: RwSignal::new(entries()),
            sent: RwSignal::new(Vec::new()),
            just_kept: RwSignal::new(false),
        };
        provide_context(outbox);
        // Another tab kept, sent or removed one.
        let listener = window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().is_none_or(|k| k.starts_with(OUTBOX)) {
                outbox.refresh();
            }
        });
        on_cleanup(move || listener.remove());
    }

    pub(super) fn refresh(self) {
        self.entries.set(entries());
    }

    /// Keeps a submission that met no network, to be sent when the connection returns.
    pub fn keep(self, entry: &Entry) {
        write(entry);
        self.refresh();
        self.just_kept.set(true);
    }

    /// Removes the journey's entry: sent by its page, or its failure shown there.
    pub fn forget(self, journey: &str) {
        if self
            .entries
            .with_untracked(|e| e.iter().any(|e| e.journey == journey))
        {
            remove(&entry_key(journey));
            self.refresh();
        }
    }

    /// Why the journey's kept submission was not taken when it was sent, once (reactive).
    pub fn take_failure(self, journey: &str) -> Option<BackendError> {
        let error = self.entries.with(|e| {
            e.iter()
                .find(|e| e.journey == journey)
                .and_then(|e| e.error.clone())
        })?;
        self.forget(journey);
        Some(error)
    }

    /// Sends each kept submission that no other flush holds, one at a time; `navigate` opens
    /// the confirmation of one sent from the page shown.
    pub async fn flush(self, backend: HttpBackend, navigate: impl Fn(&str, NavigateOptions)) {
        for key in keys(OUTBOX) {
            let Some(mut entry) = read(&key).filter(|e| e.sendable(js_sys::Date::now())) else {
                continue;
            };
            let by = IdempotencyKey::generate().0;
            entry.claim = Some(Claim {
                by: by.clone(),
                until: js_sys::Date::now() + backend.longest_ms() + f64::from(SETTLE_MS),
            });
            write(&entry);
            sleep(SETTLE_MS).await;
            if !read(&key).is_some_and(|e| e.claimed_by(&by)) {
                continue;
            }
            let result = backend
                .resend(&IdempotencyKey(entry.key.clone()), &entry.request)
                .await;
            // "Delete my data" while it was on its way: nothing more is kept of it.
            if read(&key).is_none() {
                self.refresh();
                continue;
            }
            entry.claim = None;
            match result {
                Ok(submission) => self.sent_one(&entry, &submission, &navigate),
                Err(BackendError::Offline) if browser_offline() => write(&entry),
                Err(error) => {
                    entry.error = Some(error);
                    write(&entry);
                }
            }
            self.refresh();
        }
    }

    /// As a submission sent from its page: the confirmation's record kept, the draft removed,
    /// the confirmation opened if its page is shown, else a banner names it.
    fn sent_one(
        self,
        entry: &Entry,
        submission: &Submission,
        navigate: &impl Fn(&str, NavigateOptions),
    ) {
        let reference = submission.reference.as_str().to_owned();
        let receipt = serde_json::to_string(submission).unwrap_or_default();
        save(
            &record_key(&entry.kind, &reference),
            &entry.record.fill(&receipt),
        );
        // Not a draft started again since, under another key.
        let draft = Draft::key(&entry.journey);
        if load(&draft)
            .and_then(|t| Draft::read(&entry.journey, &t).ok())
            .is_some_and(|d| d.idempotency_key == entry.key)
        {
            remove(&draft);
        }
        remove(&entry_key(&entry.journey));
        let confirmation = link(&format!("{}/confirmation/{reference}", entry.base));
        if here() == entry.page {
            navigate(&confirmation, Default::default());
        } else {
            self.sent.update(|s| s.push((reference, confirmation)));
        }
    }
}

/// Sends what the outbox holds at start and whenever the connection returns, and says what
/// it holds: kept submissions, sent ones whose page is not shown, and refused ones, with a
/// link to their page.
#[component]
pub fn OutboxNotices() -> impl IntoView {
    let Some(outbox) = use_context::<Outbox>() else {
        return ().into_any();
    };
    let i18n = use_i18n();
    let backend = use_backend();
    let navigate = use_navigate();
    let flush = move || {
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            if let Some(http) = backend.http().await {
                outbox.flush(http, navigate).await;
            }
        });
    };
    flush();
    let listener = window_event_listener(leptos::ev::online, move |_| flush());
    on_cleanup(move || listener.remove());

    let pathname = use_location().pathname;
    // A banner about a sent submission is for the page it appeared on.
    Effect::new(move |seen: Option<String>| {
        let now = pathname.get();
        if seen.is_some_and(|s| s != now) {
            outbox.sent.set(Vec::new());
        }
        now
    });
    let banner = NodeRef::<html::Div>::new();
    Effect::new(move || {
        if outbox.just_kept.get()
            && let Some(el) = banner.get()
        {
            outbox.just_kept.set(false);
            let _ = el.focus();
        }
    });
    let kept = move || {
        outbox
            .entries
            .with(|e| e.iter().any(|e| e.error.is_none()))
            .then(|| {
                view! {
                    <div class="notification-banner" role="region" aria-labelledby="outbox-kept" tabindex="-1" node_ref=banner>
                        <h2 class="notification-banner__title" id="outbox-kept">{text("form.storage.title")}</h2>
                        <div class="notification-banner__content">
                            <p class="notification-banner__heading">{text("outbox.kept")}</p>
                        </div>
                    </div>
                }
            })
    };
    let refused = move || {
        pathname.track();
        let here = here();
        outbox.entries.with(|e| {
            e.iter()
                .filter(|e| e.error.is_some() && e.page != here)
                .map(|e| {
                    let id = format!("outbox-refused-{}", e.journey);
                    let labelled = id.clone();
                    view! {
                        <div class="notification-banner" role="region" aria-labelledby=labelled>
                            <h2 class="notification-banner__title" id=id>{text("form.storage.title")}</h2>
                            <div class="notification-banner__content">
                                <p class="notification-banner__heading">{text("outbox.refused")}</p>
                                <p><a href=e.page.clone()>{text("outbox.refused_link")}</a></p>
                            </div>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    let sent = move || {
        outbox
            .sent
            .get()
            .into_iter()
            .map(|(reference, href)| {
                let id = format!("outbox-sent-{reference}");
                let labelled = id.clone();
                let said = move || {
                    crate::i18n::message(
                        i18n.lang(),
                        "outbox.sent",
                        &[("reference".into(), reference.clone())],
                    )
                };
                view! {
                    <div class="notification-banner notification-banner--success" role="alert" aria-labelledby=labelled>
                        <h2 class="notification-banner__title" id=id>{text("outbox.success")}</h2>
                        <div class="notification-banner__content">
                            <p class="notification-banner__heading">{said}</p>
                            <p><a href=href>{text("outbox.sent_link")}</a></p>
                        </div>
                    </div>
                }
            })
            .collect_view()
    };
    view! { <div aria-live="polite">{kept} {refused} {sent}</div> }.into_any()
}
