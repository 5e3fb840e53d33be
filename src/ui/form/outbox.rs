//! The outbox: a submission the HTTP backend could not send while the browser was offline is
//! kept in this browser under `ahp:outbox:<journey>`, exactly as it was to be sent, and sent
//! once when the connection returns: on the window's `online` event, and when the portal next
//! starts if the tab was closed. Sent and refused, or failing while the browser is online, it
//! stays with its error for the journey's page to show.
//!
//! The first load carries only this file: [`Outbox`], which notices at start, on the `online`
//! event and when a tab keeps one, that an entry is kept, and only then fetches the rest (the
//! split point `outbox`, like a journey's page in src/ui/lazy.rs): the entries (`entry.rs`),
//! and the flush and its banners (`flush.rs`), shown by [`OutboxNotices`] once here. A
//! journey's page that sends fetches it beforehand, while the network is there.
//!
//! Once only: it is sent with the draft's idempotency key, so the service records it once
//! however often it arrives; and a flush first writes a claim into the entry and reads it back
//! after a moment, so two flushes at the same moment (the event and the start, or two tabs) do
//! not both send it: the last claim written wins, the other flush leaves the entry. A claim
//! lasts as long as a send can take, so one left by a closed tab expires.

mod entry;
mod flush;

use leptos::prelude::*;

use super::store::keys;
use crate::ui::{i18n::I18n, lazy::NotLoaded};

pub use entry::{Entry, Template};

const OUTBOX: &str = "ahp:outbox:";

/// What the layout knows of the outbox. Provided once by the shell.
#[derive(Clone, Copy)]
pub struct Outbox {
    /// Notified when this tab or another keeps, sends or removes an entry.
    changed: Trigger,
    /// A submission on this page was just kept: its banner takes focus.
    just_kept: RwSignal<bool>,
    /// The outbox's code and texts are here, and its banners shown.
    here: RwSignal<bool>,
    i18n: Option<I18n>,
}

impl Outbox {
    pub fn provide() {
        let outbox = Outbox {
            changed: Trigger::new(),
            just_kept: RwSignal::new(false),
            here: RwSignal::new(false),
            i18n: use_context(),
        };
        provide_context(outbox);
        outbox.watch();
        // Another tab kept, sent or removed one.
        let storage = window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().is_none_or(|k| k.starts_with(OUTBOX)) {
                outbox.refresh();
            }
        });
        // Once here, the outbox's own listener sends what is kept.
        let online = window_event_listener(leptos::ev::online, move |_| outbox.watch());
        on_cleanup(move || {
            storage.remove();
            online.remove();
        });
    }

    /// Fetches the outbox's code if an entry is kept and it is not here yet.
    fn watch(self) {
        if !self.here.get_untracked() && !keys(OUTBOX).is_empty() {
            self.preload();
        }
    }

    /// Fetches the outbox's code and texts (the journeys'), for a page that may keep a
    /// submission: offline, they could not come. Its banners show once they are here.
    pub fn preload(self) {
        if !self.here.get_untracked() {
            leptos::task::spawn_local(async move {
                self.ready().await;
            });
        }
    }

    /// Whether the outbox's code and texts are here, once fetched if they were not.
    pub async fn ready(self) -> bool {
        if self.here.get_untracked() {
            return true;
        }
        #[cfg(feature = "split")]
        let code = fetch_code();
        #[cfg(not(feature = "split"))]
        let code = std::future::ready(Ok::<(), NotLoaded>(()));
        let texts = async {
            match self.i18n {
                Some(i18n) => i18n.load_journey_texts(crate::i18n::COMMON).await,
                None => true,
            }
        };
        let (code, texts) = futures_util::future::join(code, texts).await;
        if code.is_ok() && texts && !self.here.get_untracked() {
            self.here.set(true);
        }
        self.here.get_untracked()
    }

    /// The entries changed, in this tab or another.
    pub(super) fn refresh(self) {
        self.changed.notify();
        self.watch();
    }
}

/// The outbox's banners and its flush (`flush.rs`), built once their code is here.
#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(service_calls, fallible, preload(fetch_code))
)]
fn build() -> Result<AnyView, NotLoaded> {
    Ok(view! { <flush::Notices /> }.into_any())
}

/// Where the outbox's banners go: nothing until an entry is kept and the outbox's code has
/// come.
#[component]
pub fn OutboxNotices() -> impl IntoView {
    let outbox = use_context::<Outbox>();
    move || {
        outbox.is_some_and(|o| o.here.get()).then(|| {
            // Once the code is here, the split point answers at the first poll.
            #[cfg(feature = "split")]
            let view = futures_util::FutureExt::now_or_never(build()).and_then(Result::ok);
            #[cfg(not(feature = "split"))]
            let view = build().ok();
            view
        })
    }
}
