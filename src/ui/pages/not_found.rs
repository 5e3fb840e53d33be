//! The page for an address the portal does not know.

use leptos::prelude::*;

use crate::ui::{i18n::use_i18n, link, page::Page};

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: &'static str| move || i18n.t(key);
    view! {
        <Page title="not_found.title">
            <p>{t("not_found.body")}</p>
            <p>{t("not_found.options")}</p>
            <ul class="list">
                <li>
                    <a href=link("/")>{t("common.back_home")}</a>
                </li>
                <li>
                    <a href=link("/status")>{t("home.status.link")}</a>
                </li>
            </ul>
        </Page>
    }
}
