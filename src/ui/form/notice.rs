//! What the layout says about this browser's storage, in GOV.UK notification banners above
//! the page's heading: answers that cannot be saved, a saved draft that could not be used, and
//! a draft another tab changed.

use leptos::prelude::*;

use super::{
    draft_file::download,
    store::{Draft, KEPT_DAYS, StoreState},
    text,
};
use crate::ui::i18n::use_i18n;

/// One banner: the "Important" title, a message, and the buttons given, if any.
#[component]
fn Banner(
    id: &'static str,
    message: &'static str,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="notification-banner" role="region" aria-labelledby=id>
            <h2 class="notification-banner__title" id=id>{text("form.storage.title")}</h2>
            <div class="notification-banner__content">
                <p class="notification-banner__heading">
                    {move || {
                        crate::i18n::message(i18n.lang(), message, &[("days".into(), KEPT_DAYS.to_string())])
                    }}
                </p>
                {children.map(|c| c())}
            </div>
        </div>
    }
}

#[component]
pub fn StorageNotices() -> impl IntoView {
    let Some(state) = use_context::<StoreState>() else {
        return ().into_any();
    };
    let unsaved = move || {
        state.unsaved.get().map(|key| {
            // The answers kept in memory, as a file the journey's start page can load back.
            let journey = key.strip_prefix("ahp:draft:").map(str::to_owned);
            let save = journey.map(|j| {
                let get = move |_| {
                    download(
                        &format!("astana-hub-{j}.json"),
                        &Draft::restore(&j).to_json(),
                    );
                };
                view! {
                    <button class="button button--secondary" type="button" on:click=get>
                        {text("form.draft_download")}
                    </button>
                }
            });
            view! {
                <Banner id="storage-unsaved" message="form.storage.unsaved">
                    {save}
                </Banner>
            }
        })
    };
    let notice = move || {
        state
            .notice
            .get()
            .map(|message| view! { <Banner id="storage-notice" message /> })
    };
    let conflict = move || {
        state.conflict.get().map(|journey| {
            // The other tab's answers: the page drawn again from the saved draft.
            let load = |_| {
                let _ = window().location().reload();
            };
            let keep = move |_| {
                state.conflict.set(None);
                state.keep.set(Some(journey.clone()));
            };
            view! {
                <Banner id="storage-conflict" message="form.storage.conflict">
                    <div class="button-group">
                        <button class="button" type="button" on:click=load>
                            {text("form.storage.load_other")}
                        </button>
                        <button class="button button--secondary" type="button" on:click=keep>
                            {text("form.storage.keep_mine")}
                        </button>
                    </div>
                </Banner>
            }
        })
    };
    view! { <div aria-live="polite">{unsaved} {notice} {conflict}</div> }.into_any()
}
