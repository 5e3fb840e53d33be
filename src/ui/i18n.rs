//! The chosen language as reactive state, remembered across visits, and the switcher.

use leptos::prelude::*;

pub use crate::i18n::Lang;
use crate::i18n::lookup;

const STORAGE_KEY: &str = "ahp:lang";

/// The language context: copy it freely, read it inside closures so views follow a change.
#[derive(Clone, Copy)]
pub struct I18n(RwSignal<Lang>);

impl I18n {
    /// Starts with the remembered choice, English otherwise, and provides the context.
    pub fn provide() {
        let saved = local_storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|code| Lang::from_code(&code));
        provide_context(I18n(RwSignal::new(saved.unwrap_or_default())));
    }

    pub fn lang(self) -> Lang {
        self.0.get()
    }

    pub fn set(self, lang: Lang) {
        self.0.set(lang);
        if let Some(storage) = local_storage() {
            // Storage may be full or refused; the choice then lasts for this visit only.
            let _ = storage.set_item(STORAGE_KEY, lang.code());
        }
    }

    /// The text of `key` in the current language. Every key used here exists in all three
    /// languages (a test checks the sources), so the key itself is only a last resort.
    pub fn t(self, key: &'static str) -> &'static str {
        lookup(self.lang(), key).unwrap_or(key)
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Three buttons, each named in its own language and marked with its `lang`, so a reader who
/// does not know the current language still finds theirs.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let button = move |lang: Lang, name: &'static str| {
        view! {
            <li>
                <button
                    type="button"
                    class="language-switcher__button"
                    lang=lang.code()
                    aria-pressed=move || (i18n.lang() == lang).to_string()
                    on:click=move |_| i18n.set(lang)
                >
                    {name}
                </button>
            </li>
        }
    };
    view! {
        <nav class="language-switcher" aria-label=move || i18n.t("language.switcher")>
            <ul>
                {button(Lang::Kk, "Қазақша")}
                {button(Lang::Ru, "Русский")}
                {button(Lang::En, "English")}
            </ul>
        </nav>
    }
}
