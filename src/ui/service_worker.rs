//! The service worker (`sw.js`, written by the build: `.ci/service-worker.mjs`) keeps this
//! version's files, so a later visit and every journey open without the network. It is
//! registered once the first page is shown, so keeping the files never delays that page, and
//! only when `config.json` wants it (`"service_worker": false` removes it).
//!
//! A new version never takes over by surprise: the browser installs it beside the running one,
//! and a banner offers it; taking it reloads the page, where the answers saved in this browser
//! wait.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, prelude::*};

use super::{config::service_worker_wanted, i18n::use_i18n, page::PagesShown};

#[wasm_bindgen(inline_js = r#"
export function register_worker(url, scope, on_waiting) {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register(url, { scope }).then((registration) => {
    if (!registration) return;
    // The worker keeps config.json as it passes through it, which the first visit's did not:
    // asked once more when the first worker takes the page, so a visit offline finds it.
    if (!navigator.serviceWorker.controller) {
      const keepConfig = () => fetch(new URL("config.json", scope)).catch(() => {});
      navigator.serviceWorker.addEventListener("controllerchange", keepConfig, { once: true });
    }
    // A version waits when a new one is installed while an older one serves the page.
    const offer = () => registration.waiting && navigator.serviceWorker.controller && on_waiting();
    offer();
    registration.addEventListener("updatefound", () => {
      const worker = registration.installing;
      worker?.addEventListener("statechange", () => worker.state === "installed" && offer());
    });
  }, () => {});
}

export function unregister_workers() {
  navigator.serviceWorker?.getRegistrations().then((all) => all.forEach((r) => r.unregister()), () => {});
}

export function take_waiting_version() {
  navigator.serviceWorker.getRegistration().then((registration) => {
    if (!registration?.waiting) return location.reload();
    navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
    registration.waiting.postMessage({ type: "SKIP_WAITING" });
  }, () => location.reload());
}
"#)]
extern "C" {
    fn register_worker(url: &str, scope: &str, on_waiting: &JsValue);
    fn unregister_workers();
    fn take_waiting_version();
}

/// Registers or removes the service worker once, and offers a waiting new version.
#[component]
pub fn ServiceWorker() -> impl IntoView {
    let waiting = RwSignal::new(false);
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !PagesShown::any() {
            return done.unwrap_or(false);
        }
        let Some(wanted) = service_worker_wanted() else {
            return false;
        };
        if wanted {
            let base = document().base_uri().ok().flatten().unwrap_or_default();
            let url = web_sys::Url::new_with_base("sw.js", &base).map(|u| u.href());
            let offer = Closure::<dyn Fn()>::new(move || waiting.set(true)).into_js_value();
            if let Ok(url) = url {
                register_worker(&url, &base, &offer);
            }
        } else {
            unregister_workers();
        }
        true
    });
    let i18n = use_i18n();
    let t = move |key: &'static str| move || i18n.t(key);
    view! {
        <div role="status" class="page-width">
            {move || {
                waiting
                    .get()
                    .then(|| {
                        view! {
                            <div class="notification-banner">
                                <p class="notification-banner__title">{t("update.title")}</p>
                                <div class="notification-banner__content">
                                    <p class="notification-banner__heading">{t("update.ready")}</p>
                                    <button type="button" class="button" on:click=move |_| take_waiting_version()>
                                        {t("update.take")}
                                    </button>
                                </div>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
