//! The outbox's flush and its banners: fetched (the split point `outbox`) only once an entry is
//! kept in this browser. It sends what is kept when it comes and whenever the connection
//! returns, and says what is kept, sent while its page was not shown, or refused.

use std::{cell::RefCell, rc::Rc};

use leptos::{html, prelude::*};
use leptos_router::{NavigateOptions, hooks::use_location, hooks::use_navigate};
use wasm_bindgen::{closure::Closure, prelude::*};
use wasm_bindgen_futures::{JsFuture, future_to_promise};

use super::super::{
    receipt::record_key,
    store::{Draft, keys, load, remove, save},
    text,
};
use super::{
    OUTBOX, Outbox,
    entry::{Entry, entries, entry_key, read, write},
};
use crate::api::Submission;
use crate::backend::{BackendError, HttpBackend, IdempotencyKey, browser_offline, sleep};
use crate::ui::{config::use_backend, i18n::use_i18n, link};

/// How long a flush waits between writing its claim and reading it back: long enough for a
/// claim written at the same moment by another tab to have arrived.
const SETTLE_MS: u32 = 100;

fn here() -> String {
    window().location().pathname().unwrap_or_default()
}

#[wasm_bindgen(inline_js = r#"
export function exclusively(name, task) {
  if (!navigator.locks) return task();
  return navigator.locks.request(name, { ifAvailable: true }, (lock) => (lock ? task() : undefined));
}
"#)]
extern "C" {
    /// Runs `task` (a function that returns a promise) while this tab holds the browser's lock
    /// `name`, shared by every tab of the site; not at all when another tab holds it. Where the
    /// browser has no locks (a page not served over HTTPS), the claim in the entry guards alone.
    fn exclusively(name: &str, task: &JsValue) -> js_sys::Promise;
}

impl Outbox {
    /// Sends each kept submission that no other flush holds, one at a time; `navigate` opens
    /// the confirmation of one sent from the page shown. The others sent: their reference and
    /// their confirmation's address.
    pub async fn flush(
        self,
        backend: HttpBackend,
        navigate: impl Fn(&str, NavigateOptions),
    ) -> Vec<(String, String)> {
        let mut elsewhere = Vec::new();
        for key in keys(OUTBOX) {
            // Sent under the lock, and taken out of the outbox before it is released: another
            // tab that takes the lock next finds nothing left to send.
            let outcome = Rc::new(RefCell::new(None));
            let task = {
                let (key, backend, outcome) = (key.clone(), backend.clone(), outcome.clone());
                Closure::once_into_js(move || {
                    future_to_promise(async move {
                        *outcome.borrow_mut() = send_kept(&key, &backend).await;
                        Ok(JsValue::UNDEFINED)
                    })
                })
            };
            let _ = JsFuture::from(exclusively(&key, &task)).await;
            if let Some((entry, reference, confirmation)) = outcome.take() {
                if here() == entry.page {
                    navigate(&confirmation, Default::default());
                } else {
                    elsewhere.push((reference, confirmation));
                }
            }
            self.changed.notify();
        }
        elsewhere
    }
}

/// Sends the submission kept under `key` unless another flush holds it; when sent, the entry,
/// its reference and its confirmation's address.
async fn send_kept(key: &str, backend: &HttpBackend) -> Option<(Entry, String, String)> {
    let mut entry = read(key).filter(|e| e.sendable(js_sys::Date::now()))?;
    let by = IdempotencyKey::generate().0;
    entry.claim = by.clone();
    entry.until = js_sys::Date::now() + backend.longest_ms() + f64::from(SETTLE_MS);
    write(&entry);
    sleep(SETTLE_MS).await;
    if !read(key).is_some_and(|e| e.claimed_by(&by)) {
        return None;
    }
    let result = backend
        .resend(&IdempotencyKey(entry.key.clone()), &entry.request())
        .await;
    // "Delete my data" while it was on its way: nothing more is kept of it.
    read(key)?;
    entry.claim.clear();
    match result {
        Ok(submission) => {
            let (reference, confirmation) = sent(&entry, &submission);
            return Some((entry, reference, confirmation));
        }
        Err(BackendError::Offline) if browser_offline() => write(&entry),
        Err(error) => {
            entry.refuse(error);
            write(&entry);
        }
    }
    None
}

/// As a submission sent from its page: the confirmation's record kept, the draft removed, the
/// entry too. Its reference and its confirmation's address.
fn sent(entry: &Entry, submission: &Submission) -> (String, String) {
    let reference = submission.reference.as_str().to_owned();
    let receipt = serde_json::to_string(submission).unwrap_or_default();
    save(
        &record_key(&entry.kind, &reference),
        &entry.record(&receipt),
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
    (reference, confirmation)
}

/// Sends what the outbox holds now and whenever the connection returns, and says what it
/// holds: kept submissions, sent ones whose page is not shown, and refused ones, with a link
/// to their page.
#[component]
pub(super) fn Notices() -> impl IntoView {
    let outbox = expect_context::<Outbox>();
    let i18n = use_i18n();
    let backend = use_backend();
    let navigate = use_navigate();
    // Sent while their page was not shown: the reference and its confirmation's address.
    let elsewhere = RwSignal::new(Vec::<(String, String)>::new());
    let flush = move || {
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            if let Some(http) = backend.http().await {
                let sent = outbox.flush(http, navigate).await;
                if !sent.is_empty() {
                    elsewhere.update(|e| e.extend(sent));
                }
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
            elsewhere.set(Vec::new());
        }
        now
    });
    let kept_banner = NodeRef::<html::Div>::new();
    Effect::new(move || {
        if outbox.just_kept.get()
            && let Some(el) = kept_banner.get()
        {
            outbox.just_kept.set(false);
            let _ = el.focus();
        }
    });
    let entries = Memo::new(move |_| {
        outbox.changed.track();
        entries()
    });
    let kept =
        move || {
            entries.with(|e| e.iter().any(|e| e.error.is_empty())).then(|| {
            view! {
                <Banner id="outbox-kept".into() title="form.storage.title" node_ref=kept_banner>
                    <p class="notification-banner__heading">{text("outbox.kept")}</p>
                </Banner>
            }
        })
        };
    let refused = move || {
        pathname.track();
        let here = here();
        entries.with(|e| {
            e.iter()
                .filter(|e| !e.error.is_empty() && e.page != here)
                .map(|e| {
                    let page = e.page.clone();
                    view! {
                        <Banner id=format!("outbox-refused-{}", e.journey) title="form.storage.title">
                            <p class="notification-banner__heading">{text("outbox.refused")}</p>
                            <p><a href=page>{text("outbox.refused_link")}</a></p>
                        </Banner>
                    }
                })
                .collect_view()
        })
    };
    let sent = move || {
        elsewhere
            .get()
            .into_iter()
            .map(|(reference, href)| {
                let id = format!("outbox-sent-{reference}");
                let said = move || {
                    crate::i18n::message(
                        i18n.lang(),
                        "outbox.sent",
                        &[("reference".into(), reference.clone())],
                    )
                };
                view! {
                    <Banner id title="outbox.success" success=true>
                        <p class="notification-banner__heading">{said}</p>
                        <p><a href=href>{text("outbox.sent_link")}</a></p>
                    </Banner>
                }
            })
            .collect_view()
    };
    view! { <div aria-live="polite">{kept} {refused} {sent}</div> }
}

/// One of the outbox's banners: a region named by its title, or, for a success, an alert.
#[component]
fn Banner(
    id: String,
    title: &'static str,
    #[prop(optional)] success: bool,
    #[prop(optional)] node_ref: NodeRef<html::Div>,
    children: Children,
) -> impl IntoView {
    let labelled = id.clone();
    view! {
        <div
            class="notification-banner"
            class:notification-banner--success=success
            role=if success { "alert" } else { "region" }
            aria-labelledby=labelled
            tabindex=(!success).then_some("-1")
            node_ref=node_ref
        >
            <h2 class="notification-banner__title" id=id>{text(title)}</h2>
            <div class="notification-banner__content">{children()}</div>
        </div>
    }
}
