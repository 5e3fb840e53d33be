//! The frame of every page: its title in the tab and its `h1`.

use leptos::{html, prelude::*};

use super::i18n::use_i18n;

/// Counts the pages shown so far in this visit: the first page keeps the browser's own focus,
/// every later one (a client-side navigation) moves focus to its `h1`, as a page load would.
#[derive(Clone, Copy)]
pub struct PagesShown(RwSignal<u32>);

impl PagesShown {
    pub fn provide() {
        provide_context(PagesShown(RwSignal::new(0)));
    }

    /// Whether a page has been shown yet (reactive).
    pub fn any() -> bool {
        use_context::<PagesShown>().is_some_and(|PagesShown(shown)| shown.get() > 0)
    }
}

/// The tab's title: "heading – portal name", with "Error: " before it while an error summary
/// lists problems (the summary gives that word, in the journeys' texts). Kept here rather than
/// by a head-managing crate: the tab's title is all the portal sets in the head, with
/// `<html lang>`, which [`super::App`] sets itself.
#[derive(Clone, Copy)]
pub struct DocumentTitle {
    heading: RwSignal<Option<&'static str>>,
    error_prefix: RwSignal<Option<&'static str>>,
}

impl DocumentTitle {
    pub fn provide() {
        let title = DocumentTitle {
            heading: RwSignal::new(None),
            error_prefix: RwSignal::new(None),
        };
        provide_context(title);
        let i18n = use_i18n();
        Effect::new(move || {
            if let Some(heading) = title.heading.get() {
                let prefix = title.error_prefix.get().unwrap_or_default();
                let name = i18n.t("portal.name");
                document().set_title(&format!("{prefix}{} – {name}", i18n.t(heading)));
            }
        });
    }

    /// Puts the prefix `error_prefix` gives ("Error: ") before the title while it gives one,
    /// until the caller is gone.
    pub fn mark_errors(error_prefix: impl Fn() -> Option<&'static str> + Send + Sync + 'static) {
        let Some(DocumentTitle {
            error_prefix: shown,
            ..
        }) = use_context()
        else {
            return;
        };
        Effect::new(move || shown.set(error_prefix()));
        on_cleanup(move || {
            shown.try_set(None);
        });
    }
}

/// A page with its heading. The document title is "heading – portal name", and after a
/// client-side navigation focus moves to the heading so screen readers announce the new page.
#[component]
pub fn Page(
    /// Message key of the heading, also used for the document title.
    title: &'static str,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading = NodeRef::<html::H1>::new();
    let is_navigation = use_context::<PagesShown>().is_some_and(|PagesShown(shown)| {
        shown.update(|n| *n += 1);
        shown.get_untracked() > 1
    });
    Effect::new(move || {
        if let (true, Some(h1)) = (is_navigation, heading.get()) {
            let _ = h1.focus();
        }
    });
    if let Some(DocumentTitle { heading, .. }) = use_context() {
        heading.set(Some(title));
    }
    view! {
        <h1 class="heading-xl" tabindex="-1" node_ref=heading>
            {move || i18n.t(title)}
        </h1>
        {children()}
    }
}
