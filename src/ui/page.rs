//! The frame of every page: its title in the tab and its `h1`.

use leptos::{html, prelude::*};
use leptos_meta::Title;

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
    view! {
        <Title text=move || format!("{} – {}", i18n.t(title), i18n.t("portal.name")) />
        <h1 class="heading-xl" tabindex="-1" node_ref=heading>
            {move || i18n.t(title)}
        </h1>
        {children()}
    }
}
