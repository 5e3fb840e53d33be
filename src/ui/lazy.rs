//! Pages whose code is fetched when they are first visited, so the first load carries only the
//! layout, home and what every page needs. The journey's texts come at the same time
//! (`I18n::load_journey_texts`).
//!
//! [`lazy_page!`] names a route and the chunk its code goes into. Built with the `split`
//! feature, the page's code sits behind a split point, and the release build (`.ci/build-wasm`)
//! cuts the WebAssembly there into one file per chunk. Without the feature (tests, checks)
//! there is nothing to fetch and the page is built at once. The router keeps the current page
//! on screen until the next one's code and texts have arrived; if they cannot arrive (the
//! connection dropped), the page says so and offers to try again, and the answers saved in the
//! browser stay.

use std::{future::Future, pin::Pin, time::Duration};

use futures_util::future::join;
use leptos::prelude::*;

use super::{
    i18n::{I18n, use_i18n},
    page::Page,
    site::site_has_new_version,
};

/// A page's code could not be fetched.
#[derive(Debug)]
pub struct NotLoaded;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for NotLoaded {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// A page's code on its way.
pub type Fetching = Pin<Box<dyn Future<Output = Result<(), NotLoaded>> + Send>>;

/// How a page that is fetched on first visit comes: `lazy_page!` writes one for each.
#[derive(Clone, Copy)]
pub struct LazyPage {
    /// Fetches the page's code.
    pub fetch: fn() -> Fetching,
    /// Builds the page's view, once its code is here; `None` before.
    pub build: fn() -> Option<AnyView>,
    /// The journey whose texts the page shows (`src/i18n/journeys.toml`).
    pub texts: &'static str,
}

/// How many pages' code is on its way; the layout's [`FetchIndicator`] shows while any is.
#[derive(Clone, Copy)]
pub struct Fetches(RwSignal<u32>);

impl Fetches {
    pub fn provide() {
        provide_context(Fetches(RwSignal::new(0)));
    }
}

/// Fetches a page's code and its journey's texts at once; false when either could not come.
async fn fetch(page: LazyPage, i18n: I18n, fetches: Option<Fetches>) -> bool {
    let count = |step: i32| {
        if let Some(Fetches(n)) = fetches {
            n.update(|n| *n = n.saturating_add_signed(step));
        }
    };
    count(1);
    let (code, texts) = join((page.fetch)(), i18n.load_journey_texts(page.texts)).await;
    count(-1);
    code.is_ok() && texts
}

/// After this long without the page, the indicator shows: a quick fetch shows nothing.
const INDICATOR_DELAY: Duration = Duration::from_millis(400);

/// "Loading the page", announced politely, while a page's code takes longer than
/// [`INDICATOR_DELAY`] to come; the page the user is on stays until then.
#[component]
pub fn FetchIndicator() -> impl IntoView {
    let Fetches(count) = expect_context();
    let shown = RwSignal::new(false);
    Effect::new(move |_| {
        if count.get() == 0 {
            shown.set(false);
        } else {
            set_timeout(
                move || shown.set(count.get_untracked() > 0),
                INDICATOR_DELAY,
            );
        }
    });
    let i18n = use_i18n();
    view! {
        <div class="fetching page-width" role="status">
            {move || {
                shown
                    .get()
                    .then(|| {
                        view! {
                            <p class="fetching__text">
                                <span class="fetching__bar" aria-hidden="true"></span>
                                {i18n.t("lazy.loading")}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// The page; or, when its code or texts could not be fetched, why: the site now serves another
/// version (a release removed this version's files), or the connection. The router awaits it.
pub async fn show(page: LazyPage) -> AnyView {
    if fetch(page, use_i18n(), use_context()).await
        && let Some(view) = (page.build)()
    {
        return view;
    }
    if site_has_new_version().await {
        return view! { <NewVersion /> }.into_any();
    }
    view! { <PageNotLoaded page /> }.into_any()
}

/// Says a new version of the portal is out, whose page this version cannot fetch. Reloading
/// opens the same address in the new version, where the answers saved in this browser wait.
#[component]
fn NewVersion() -> impl IntoView {
    let reload = Callback::new(|()| {
        let _ = window().location().reload();
    });
    view! {
        <NotShown
            title="lazy.new_version.title"
            body="lazy.new_version.body"
            action="lazy.new_version.reload"
            act=reload
        />
    }
}

/// Says the page could not be fetched. "Try again" fetches it once more: the page then shows
/// here, or the message again, as a new page that takes focus.
#[component]
fn PageNotLoaded(page: LazyPage) -> impl IntoView {
    let i18n = use_i18n();
    let fetches = use_context();
    let fetched = RwSignal::new(false);
    let failed_attempts = RwSignal::new(0u32);
    let retry = Callback::new(move |()| {
        leptos::task::spawn_local(async move {
            if fetch(page, i18n, fetches).await {
                fetched.set(true);
            } else {
                failed_attempts.update(|n| *n += 1);
            }
        });
    });
    // Built here, not in the task: the page needs the contexts of the place it is shown in.
    move || {
        failed_attempts.track();
        if fetched.get()
            && let Some(view) = (page.build)()
        {
            return view;
        }
        view! { <NotShown title="lazy.title" body="lazy.body" action="lazy.retry" act=retry /> }
            .into_any()
    }
}

/// A page that did not come: why (`body`), that the answers given are kept, and a button that
/// does `action`.
#[component]
fn NotShown(
    title: &'static str,
    body: &'static str,
    action: &'static str,
    act: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: &'static str| move || i18n.t(key);
    view! {
        <Page title>
            <p>{t(body)}</p>
            <p>{t("lazy.kept")}</p>
            <button type="button" class="button" on:click=move |_| act.run(())>
                {t(action)}
            </button>
        </Page>
    }
}

/// Declares `$route`, a route for the router (`Lazy::<$route>::new()`) whose view is `$view`,
/// whose code goes into the chunk `$chunk` and which shows the texts of the journey `$texts`
/// (`src/i18n/journeys.toml`).
#[macro_export]
macro_rules! lazy_page {
    ($route:ident, $chunk:ident, $texts:literal, $view:expr) => {
        pub struct $route;

        // A block, so that each page's split point and its helpers have names of their own.
        const _: () = {
            #[cfg_attr(
                feature = "split",
                wasm_split_helpers::wasm_split($chunk, fallible, preload(fetch_code))
            )]
            fn build() -> Result<AnyView, $crate::ui::lazy::NotLoaded> {
                $crate::ui::pages::form::provide_storage();
                Ok($view.into_any())
            }

            const PAGE: $crate::ui::lazy::LazyPage = $crate::ui::lazy::LazyPage {
                #[cfg(feature = "split")]
                fetch: || Box::pin(async { Ok(fetch_code().await?) }),
                #[cfg(not(feature = "split"))]
                fetch: || Box::pin(std::future::ready(Ok(()))),
                // Once the code is here, the split point answers at the first poll.
                #[cfg(feature = "split")]
                build: || futures_util::FutureExt::now_or_never(build()).and_then(Result::ok),
                #[cfg(not(feature = "split"))]
                build: || build().ok(),
                texts: $texts,
            };

            impl leptos_router::LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                async fn view(_: Self) -> AnyView {
                    $crate::ui::lazy::show(PAGE).await
                }
            }
        };
    };
}
