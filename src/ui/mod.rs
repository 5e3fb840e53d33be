//! The browser interface: Leptos components. Thin: it turns input into domain types and shows
//! what the domain decided.

pub mod config;
mod crash;
mod demo_banner;
pub mod i18n;
mod layout;
pub mod lazy;
mod page;
mod pages;
mod service_worker;
mod site;

use std::sync::OnceLock;

use leptos::prelude::*;
use leptos_router::{
    Lazy,
    components::{Route, Router, Routes},
    path,
};

use config::ConfigGate;
use demo_banner::DemoBanner;
use i18n::{I18n, use_i18n};
use layout::{Footer, Header, SkipLink};
use page::{DocumentTitle, PagesShown};
use pages::{Home, NotFound};
use service_worker::ServiceWorker;

// The parsers of what a user types or loads, for the fuzz targets (tests/fuzz).
pub use pages::form::{Draft, KEPT_DAYS, Unreadable, parse_date};
// The outbox's entries and records, for its native tests.
pub use pages::form::outbox;

pub use crash::show_crash_notice;

/// The whole portal: language, configuration, layout and routes.
#[component]
pub fn App() -> impl IntoView {
    I18n::provide();
    PagesShown::provide();
    DocumentTitle::provide();
    let i18n = use_i18n();
    Effect::new(move || {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", i18n.lang().code());
        }
    });
    // Nothing is drawn until a remembered Kazakh or Russian choice has its texts (or has failed
    // to get them): a page that flashes English first is read out in the wrong language.
    move || {
        i18n.settled().then(|| {
            view! {
                <ConfigGate>
                    <Portal />
                </ConfigGate>
            }
        })
    }
}

/// The layout and the routes; `config::use_backend` and `config::use_today` serve them.
#[component]
fn Portal() -> impl IntoView {
    let above = AbovePages::provide();
    pages::form::Outbox::provide();
    lazy::Fetches::provide();
    // Nothing shows until the configuration and the first page are here (a journey's page waits
    // for its code, src/ui/lazy.rs): the demo banner and the page then appear together instead
    // of pushing the layout about as each arrives.
    let loading = move || !(config::is_configured() && PagesShown::any());
    view! {
        <Router base=base_path()>
            <div class="portal" class:portal--loading=loading>
                <SkipLink />
                <DemoBanner />
                <ServiceWorker />
                <Header />
                <main id="main-content" class="page-width" tabindex="-1">
                    <div aria-live="polite">{move || above.view.get().map(|view| view.run())}</div>
                    <pages::form::OutboxNotices />
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=Home />
                        <Route path=path!("/eligibility") view={Lazy::<pages::EligibilityRoute>::new()} />
                        <Route path=path!("/eligibility/*rest") view={Lazy::<pages::EligibilityStepsRoute>::new()} />
                        <Route path=path!("/fees") view={Lazy::<pages::FeesRoute>::new()} />
                        <Route path=path!("/apply") view={Lazy::<pages::ApplyRoute>::new()} />
                        <Route path=path!("/apply/*rest") view={Lazy::<pages::ApplyStepsRoute>::new()} />
                        <Route path=path!("/acceleration") view={Lazy::<pages::AccelerationRoute>::new()} />
                        <Route path=path!("/acceleration/*rest") view={Lazy::<pages::AccelerationStepsRoute>::new()} />
                        <Route path=path!("/invitations") view={Lazy::<pages::InvitationsRoute>::new()} />
                        <Route path=path!("/invitations/*rest") view={Lazy::<pages::InvitationsStepsRoute>::new()} />
                        <Route path=path!("/list-request") view={Lazy::<pages::ListRequestRoute>::new()} />
                        <Route path=path!("/list-request/*rest") view={Lazy::<pages::ListRequestStepsRoute>::new()} />
                        <Route path=path!("/status") view={Lazy::<pages::StatusRoute>::new()} />
                    </Routes>
                </main>
                <Footer />
            </div>
        </Router>
    }
}

/// The place above every page for what the journeys' code says there: the storage notices
/// (`pages::form::StorageNotices`). That code comes with the first journey page shown, not with
/// the first load; it puts its view here and sets up its state under the layout's owner, where
/// both last as long as the layout.
#[derive(Clone)]
pub struct AbovePages {
    pub owner: WeakOwner,
    pub view: RwSignal<Option<ViewFn>>,
}

impl AbovePages {
    fn provide() -> Self {
        let above = AbovePages {
            owner: Owner::current().unwrap_or_default().downgrade(),
            view: RwSignal::new(None),
        };
        provide_context(above.clone());
        above
    }
}

/// The path the app is served under, from `<base href>` in index.html: "" at the root of a
/// host, "/portal" when deployed under a sub-path. One build serves both.
fn base_path() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        let base = document().base_uri().ok().flatten().unwrap_or_default();
        let path = base
            .split_once("://")
            .and_then(|(_, rest)| rest.find('/').map(|i| &rest[i..]))
            .unwrap_or("/");
        path.trim_end_matches('/').to_owned()
    })
}

/// The address of a route of the portal, such as "/fees", wherever the portal is served.
/// The router's links take absolute paths as they are, so every link goes through here.
pub fn link(route: &str) -> String {
    format!("{}{route}", base_path())
}
