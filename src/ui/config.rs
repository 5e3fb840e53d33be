//! The run-time configuration: `config.json`, fetched relative to `<base href>` at start.
//!
//! The layout shows at once (its pages compute from the domain alone); what needs the service
//! waits for the file. A missing or invalid file replaces the portal with a page that says what
//! is wrong. The component tests are served the `config.json` at the crate's root by the test
//! runner: the mock, no delay, a fixed "today".
//!
//! For the interface:
//! - [`use_backend`]: the backend the configuration chose; its calls wait for the file;
//! - [`use_today`]: the app's one "today" (the configured date, else Astana's); read it
//!   inside a closure so a view follows the configured date once the file has arrived.

use std::{future::Future, pin::Pin};

use super::i18n::{LanguageSwitcher, use_i18n};
use super::lazy::NotLoaded;
use super::page::Page;
use super::site::{fetch_site_file, site_has_new_version};
use crate::api::{
    Catalogue, DocumentReceipt, Enrolment, Invitation, ListRequest, ParticipantApplication, Status,
    StatusQuery, Submission,
};
use crate::backend::{
    AnyBackend, Backend, BackendError, Config, ConfigError, HttpBackend, IdempotencyKey,
};
use chrono::NaiveDate;
use leptos::prelude::*;

/// The configuration and the backend it chose.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub config: Config,
    pub backend: AnyBackend,
}

type State = RwSignal<Option<Result<Loaded, ConfigError>>>;

/// The context: `None` while `config.json` is on its way.
#[derive(Clone, Copy)]
struct ConfigState(State);

/// The backend of the configuration, as a handle that is cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct PortalBackend(State);

pub fn use_backend() -> PortalBackend {
    PortalBackend(expect_context::<ConfigState>().0)
}

/// Today: the configured date when there is one, else Astana's by the browser's clock.
pub fn use_today() -> NaiveDate {
    let ConfigState(state) = expect_context();
    state.with(|s| match s {
        Some(Ok(loaded)) => loaded.config.today(),
        _ => crate::backend::browser_today(),
    })
}

/// Whether `config.json` has arrived and is valid (reactive).
pub fn is_configured() -> bool {
    let ConfigState(state) = expect_context();
    state.with(|s| matches!(s, Some(Ok(_))))
}

/// Whether the configuration wants the service worker; `None` until it has arrived (reactive).
pub fn service_worker_wanted() -> Option<bool> {
    let ConfigState(state) = expect_context();
    state.with(|s| match s {
        Some(Ok(loaded)) => Some(loaded.config.service_worker),
        _ => None,
    })
}

/// Whether the demo backend answers (reactive).
pub fn is_demo() -> bool {
    let ConfigState(state) = expect_context();
    state.with(|s| matches!(s, Some(Ok(l)) if l.backend.is_mock()))
}

impl PortalBackend {
    /// The backend once the file has arrived; a failed file has replaced the portal already.
    async fn ready(self) -> Result<AnyBackend, BackendError> {
        loop {
            match self.0.get_untracked() {
                Some(Ok(loaded)) => return Ok(loaded.backend),
                Some(Err(_)) => return Err(BackendError::Unexpected),
                None => crate::backend::sleep(20).await,
            }
        }
    }

    /// The HTTP backend, once the file has arrived, if it chose one: only it has an outbox
    /// (the mock lives in the browser and needs no network).
    pub async fn http(self) -> Option<HttpBackend> {
        match self.ready().await {
            Ok(AnyBackend::Http(http)) => Some(http),
            _ => None,
        }
    }
}

impl Backend for PortalBackend {
    async fn catalogue(&self) -> Result<Catalogue, BackendError> {
        self.ready().await?.catalogue().await
    }
    async fn submit_application(
        &self,
        key: &IdempotencyKey,
        body: &ParticipantApplication,
    ) -> Result<Submission, BackendError> {
        self.ready().await?.submit_application(key, body).await
    }
    async fn submit_enrolment(
        &self,
        key: &IdempotencyKey,
        body: &Enrolment,
    ) -> Result<Submission, BackendError> {
        self.ready().await?.submit_enrolment(key, body).await
    }
    async fn submit_invitation(
        &self,
        key: &IdempotencyKey,
        body: &Invitation,
    ) -> Result<Submission, BackendError> {
        self.ready().await?.submit_invitation(key, body).await
    }
    async fn submit_list_request(
        &self,
        key: &IdempotencyKey,
        body: &ListRequest,
    ) -> Result<Submission, BackendError> {
        self.ready().await?.submit_list_request(key, body).await
    }
    async fn status(&self, query: &StatusQuery) -> Result<Status, BackendError> {
        let backend = self.ready().await?;
        #[cfg(feature = "split")]
        let lookup = look_up(backend, query.clone()).await;
        #[cfg(not(feature = "split"))]
        let lookup = look_up(backend, query.clone());
        match lookup {
            Ok(lookup) => lookup.await,
            // Its code could not be fetched: gone with a release, else the connection.
            Err(NotLoaded) if site_has_new_version().await => Err(BackendError::NewVersion),
            Err(NotLoaded) => Err(BackendError::Offline),
        }
    }
    async fn upload_document(
        &self,
        key: &IdempotencyKey,
        bytes: &[u8],
    ) -> Result<DocumentReceipt, BackendError> {
        self.ready().await?.upload_document(key, bytes).await
    }
}

/// A status lookup, whose code is fetched on the first lookup: until then the status page is a
/// form of two questions, and reading the backends' answers is most of its code. It comes with
/// the outbox's (the release build's chunk `service_calls`: the service's calls made after a
/// page is shown), since a chunk of its own would cut the code the pages share into more
/// modules, each one more to instantiate on every page.
#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(service_calls, fallible)
)]
fn look_up(backend: AnyBackend, query: StatusQuery) -> Result<Lookup, NotLoaded> {
    Ok(Box::pin(async move { backend.status(&query).await }))
}

type Lookup = Pin<Box<dyn Future<Output = Result<Status, BackendError>>>>;

async fn load() -> Result<Loaded, ConfigError> {
    let text = fetch_site_file("config.json")
        .await
        .map_err(ConfigError::Missing)?;
    let config = Config::parse(&text)?;
    Ok(Loaded {
        backend: AnyBackend::from_config(&config),
        config,
    })
}

/// Loads the configuration and shows the portal, or the page that says what is wrong.
#[component]
pub fn ConfigGate(children: ChildrenFn) -> impl IntoView {
    let state: State = RwSignal::new(None);
    provide_context(ConfigState(state));
    leptos::task::spawn_local(async move { state.set(Some(load().await)) });
    // Only a change between "no error" and an error redraws: the arrival of a good config
    // must not build the page a second time (it would lose focus and anything typed).
    let error =
        Memo::new(move |_| state.with(|s| s.as_ref().and_then(|r| r.as_ref().err().cloned())));
    move || match error.get() {
        Some(error) => view! { <ConfigErrorPage error /> }.into_any(),
        None => children().into_any(),
    }
}

#[component]
fn ConfigErrorPage(error: ConfigError) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: &'static str| move || i18n.t(key);
    let (reason, detail) = match error {
        ConfigError::Missing(Some(status)) => ("config.error.missing", format!("HTTP {status}")),
        ConfigError::Missing(None) => ("config.error.unreachable", String::new()),
        ConfigError::Invalid(why) => ("config.error.invalid", why),
    };
    // The heading and the tab's title as every page has them (`Page`).
    view! {
        <header class="header">
            <div class="page-width header__inner">
                <span class="header__name">{t("portal.name")}</span>
                <LanguageSwitcher />
            </div>
        </header>
        <main id="main-content" class="page-width" tabindex="-1">
            <Page title="config.error.title">
                <p>{t(reason)}</p>
                {(!detail.is_empty()).then(|| view! { <p><code>{detail}</code></p> })}
                <p>{t("config.error.what_to_do")}</p>
            </Page>
        </main>
    }
}
