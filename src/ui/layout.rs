//! What every page shares: the skip link, the header and the footer.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{
    i18n::{LanguageSwitcher, use_i18n},
    link,
};

/// Moves focus to the main content. The jump is done here because `<base href>` would
/// otherwise turn "#main-content" into a link to the start page.
#[component]
pub fn SkipLink() -> impl IntoView {
    let i18n = use_i18n();
    let skip = |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id("main-content") {
            let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };
    view! {
        <a href="#main-content" class="skip-link" on:click=skip>
            {move || i18n.t("layout.skip")}
        </a>
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="header">
            <div class="page-width header__inner">
                <a href=link("/") class="header__name">
                    {move || i18n.t("portal.name")}
                </a>
                <LanguageSwitcher />
            </div>
            // In the banner, not the page's content: a journey's code on its way.
            <super::lazy::FetchIndicator />
        </header>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="footer">
            <div class="page-width">
                <p>{move || i18n.t("layout.footer.law")}</p>
                <p>{move || i18n.t("layout.footer.unofficial")}</p>
            </div>
        </footer>
    }
}
