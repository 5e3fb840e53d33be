//! Pages whose code is fetched when they are first visited, so the first load carries only the
//! layout, home and what every page needs.
//!
//! [`lazy_page!`] names a route and the chunk its code goes into. Built with the `split`
//! feature, the page's code sits behind a split point, and the release build (`.ci/build-wasm`)
//! cuts the WebAssembly there into one file per chunk. Without the feature (tests, checks) the
//! page is called directly and nothing changes. The router keeps the current page on screen
//! until the next one's code has arrived; if it cannot arrive (the connection dropped), the
//! page says so and offers to try again, and the answers saved in the browser stay.

use std::{future::Future, pin::Pin};

use leptos::prelude::*;

use super::{i18n::use_i18n, page::Page};

/// A page's code could not be fetched.
#[derive(Debug)]
pub struct NotLoaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// What loads a page and builds its view.
pub type Loader = fn() -> Pin<Box<dyn Future<Output = Result<AnyView, NotLoaded>> + Send>>;

/// The page built by `load`, or the message that it could not be fetched.
pub async fn show(load: Loader) -> AnyView {
    match load().await {
        Ok(page) => page,
        Err(NotLoaded) => view! { <PageNotLoaded load /> }.into_any(),
    }
}

/// Says the page could not be fetched; "Try again" fetches it once more and shows it here.
#[component]
fn PageNotLoaded(load: Loader) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: &'static str| move || i18n.t(key);
    let attempts = RwSignal::new(0u32);
    move || {
        if attempts.get() == 0 {
            return view! {
                <Page title="lazy.title">
                    <p>{t("lazy.body")}</p>
                    <p>{t("lazy.kept")}</p>
                    <button type="button" class="button" on:click=move |_| attempts.update(|n| *n += 1)>
                        {t("lazy.retry")}
                    </button>
                </Page>
            }
            .into_any();
        }
        Suspend::new(async move { show(load).await }).into_any()
    }
}

/// Declares `$route`, a lazily loaded route for the router (`Lazy::<$route>::new()`), whose
/// view is `$page` and whose code goes into the chunk `$chunk`. Pages of one journey share a
/// chunk, so moving between them fetches nothing more.
#[macro_export]
macro_rules! lazy_page {
    ($route:ident, $chunk:ident, $page:path) => {
        pub struct $route;

        // A block, so that each page's split point and its loader have names of their own.
        const _: () = {
            #[cfg_attr(
                        feature = "split",
                        leptos::wasm_split::wasm_split(
                            $chunk,
                            wasm_split_path = ::leptos::wasm_split,
                            fallible
                        )
                    )]
            fn build() -> Result<AnyView, $crate::ui::lazy::NotLoaded> {
                Ok(view! { <$page /> }.into_any())
            }

            fn load() -> std::pin::Pin<
                Box<
                    dyn std::future::Future<Output = Result<AnyView, $crate::ui::lazy::NotLoaded>>
                        + Send,
                >,
            > {
                #[cfg(feature = "split")]
                return Box::pin(build());
                #[cfg(not(feature = "split"))]
                return Box::pin(std::future::ready(build()));
            }

            impl leptos_router::LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                async fn view(_: Self) -> AnyView {
                    $crate::ui::lazy::show(load).await
                }
            }
        };
    };
}
