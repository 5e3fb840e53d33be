//! The honest page for a journey that is not available yet.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::{i18n::use_i18n, link, page::Page};

/// `title` is the message key of the journey's heading.
#[component]
pub fn NotBuiltYet(title: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Page title=title>
            <div class="panel panel--notice">
                <p>{move || i18n.t("not_built.body")}</p>
            </div>
            <p>
                <A href=link("/")>{move || i18n.t("common.back_home")}</A>
            </p>
        </Page>
    }
}
