//! The banner on every page of the static demo: nothing entered leaves this browser.

use leptos::prelude::*;

use super::{config::is_demo, i18n::use_i18n};

#[component]
pub fn DemoBanner() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: &'static str| move || i18n.t(key);
    move || {
        is_demo().then(|| {
            view! {
                <div class="demo-banner" role="region" aria-label=t("demo.banner.label")>
                    <p class="page-width">
                        <strong>{t("demo.banner.tag")}</strong>
                        " "
                        {t("demo.banner.text")}
                    </p>
                </div>
            }
        })
    }
}
