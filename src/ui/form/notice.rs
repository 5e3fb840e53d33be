//! What the layout says about this browser's storage, in GOV.UK notification banners above
//! the page's heading: answers that cannot be saved, a saved draft that could not be used, and
//! a draft another tab changed.

use leptos::prelude::*;

use super::{
    draft_file::download,
    store::{Draft, KEPT_DAYS, StoreState},
    text,
};
use crate::ui::{AbovePages, i18n::use_i18n};

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

/// Sets up, once, what the layout keeps for the journeys: the drafts' state and these notices
/// above every page. Every page fetched on first visit calls it before it is built
/// (`lazy_page!`), so this code comes with the journeys' instead of the first load. Without the
/// layout (a component tested alone) there is nothing to set up.
pub fn provide_storage() {
    let Some(above) = use_context::<AbovePages>() else {
        return;
    };
    if use_context::<StoreState>().is_some() {
        return;
    }
    if let Some(owner) = above.owner.upgrade() {
        owner.with(|| {
            StoreState::provide();
            above.view.set(Some(ViewFn::from(StorageNotices)));
        });
    }
}

#[component]
fn StorageNotices() -> impl IntoView {
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
    // In the layout's live region (`AbovePages`), which is there from the start.
    view! { {unsaved} {notice} {conflict} }.into_any()
}
