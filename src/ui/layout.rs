//! What every page shares: the skip link, the header and the footer.

use leptos::prelude::*;
use leptos_router::components::A;

use super::i18n::{LanguageSwitcher, use_i18n};

#[component]
pub fn SkipLink() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a href="#main-content" class="skip-link">
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
                <A href="/" attr:class="header__name">
                    {move || i18n.t("portal.name")}
                </A>
                <LanguageSwitcher />
            </div>
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
