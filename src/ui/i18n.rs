//! The chosen language as reactive state, remembered across visits, and the switcher.
//!
//! The shell's English is compiled in; its Kazakh and Russian are fetched (`texts/<code>.json`)
//! when chosen, on start for a remembered choice. A journey's texts are fetched with its first
//! page's code (`texts/journeys/<journey>/<code>.json`, see `src/ui/lazy.rs`), and from then
//! on with every language chosen. A key found in none of them brings every journey's texts
//! (`texts/journeys/<code>.json`). Until a language's files have arrived the page stays in
//! the language it was in; a file that cannot be loaded leaves it in English, says so beside the
//! switcher, and pressing the language again tries again. `lang()` is always the language
//! actually shown, which `<html lang>` follows.

use futures_util::future::join;
use leptos::prelude::*;

use super::site::fetch_site_file;
pub use crate::i18n::Lang;
use crate::i18n::{COMMON, Part, available, install, text};

const STORAGE_KEY: &str = "ahp:lang";

/// The language context: copy it freely, read it inside closures so views follow a change.
#[derive(Clone, Copy)]
pub struct I18n {
    shown: RwSignal<Lang>,
    /// The last choice: a file that arrives after another choice is kept but not shown.
    chosen: StoredValue<Lang>,
    /// The language whose texts could not be loaded, while English stands in for it.
    failed: RwSignal<Option<Lang>>,
    /// Whether the remembered language's texts have arrived or failed to, on start.
    settled: RwSignal<bool>,
    /// The journeys' texts the pages shown so far needed: they come with each language.
    journeys: StoredValue<Vec<Part>>,
    /// Every journey's texts are on their way, for a key missing from a journey's own.
    filling: StoredValue<bool>,
}

impl I18n {
    /// Starts with the remembered choice, English otherwise, and provides the context.
    pub fn provide() {
        let saved = local_storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|code| Lang::from_code(&code));
        let i18n = I18n {
            shown: RwSignal::new(Lang::En),
            chosen: StoredValue::new(Lang::En),
            failed: RwSignal::new(None),
            settled: RwSignal::new(false),
            journeys: StoredValue::new(Vec::new()),
            filling: StoredValue::new(false),
        };
        provide_context(i18n);
        crate::i18n::on_missing(|lang, key| {
            if let Some(i18n) = use_context::<I18n>() {
                i18n.fill_gap(lang, key);
            }
        });
        i18n.show(saved.unwrap_or_default());
    }

    /// Whether the page can be drawn: the remembered language is shown, or English after its
    /// texts failed to load.
    pub fn settled(self) -> bool {
        self.settled.get()
    }

    /// The language the page is shown in.
    pub fn lang(self) -> Lang {
        self.shown.get()
    }

    pub fn set(self, lang: Lang) {
        if let Some(storage) = local_storage() {
            // Storage may be full or refused; the choice then lasts for this visit only.
            let _ = storage.set_item(STORAGE_KEY, lang.code());
        }
        self.show(lang);
    }

    fn show(self, lang: Lang) {
        self.chosen.set_value(lang);
        self.failed.set(None);
        let parts = self.parts();
        if parts.iter().all(|part| available(lang, *part)) {
            self.shown.set(lang);
            self.settled.set(true);
            return;
        }
        leptos::task::spawn_local(async move {
            let loaded = fetch(lang, &parts).await;
            self.settled.try_set(true);
            // The app may be gone, or another language chosen meanwhile.
            if self.chosen.try_get_value() != Some(lang) {
                return;
            }
            if loaded {
                self.shown.set(lang);
            } else {
                self.shown.set(Lang::En);
                self.failed.set(Some(lang));
            }
        });
    }

    /// The parts of the texts the pages shown so far need.
    fn parts(self) -> Vec<Part> {
        let mut parts = vec![Part::Shell];
        self.journeys.with_value(|j| parts.extend(j));
        parts
    }

    /// Fetches `journey`'s texts (`JOURNEY_TEXTS`) in the language shown, with those every
    /// journey shows ([`COMMON`] alone for the outbox's); from then on every language chosen
    /// brings them too. False when a file could not be loaded. The language's files alone are
    /// enough: every key has a text in all three languages (a test checks the sources), and the
    /// files are named by their content, so they are this build's own.
    pub async fn load_journey_texts(self, journey: &'static str) -> bool {
        let common = [Part::Journey(COMMON)];
        // The outbox's are the common ones alone.
        let own: &[Part] = if journey == COMMON {
            &[]
        } else {
            &[Part::Journey(journey)]
        };
        common.iter().chain(own).for_each(|part| self.wants(*part));
        let lang = self.shown.get_untracked();
        let (common, own) = join(fetch(lang, &common), fetch(lang, own)).await;
        common && own
    }

    fn wants(self, part: Part) {
        self.journeys.update_value(|j| {
            if !j.contains(&part) {
                j.push(part);
            }
        });
    }

    /// A key was found in none of the texts here: fetches every journey's, then draws the texts
    /// again (they follow `shown`). Only once journeys' texts are wanted: before, every key
    /// shown is the shell's, all here.
    fn fill_gap(self, lang: Lang, key: &str) {
        let wanted = self.journeys.with_value(|j| !j.is_empty());
        if !wanted || available(lang, Part::Journeys) || self.filling.get_value() {
            return;
        }
        leptos::logging::warn!(
            "texts: `{key}` is in no texts of the journeys shown (src/i18n/journeys.toml)"
        );
        self.filling.set_value(true);
        self.wants(Part::Journeys);
        leptos::task::spawn_local(async move {
            let loaded = fetch(lang, &[Part::Journeys]).await;
            self.filling.try_set_value(false);
            if loaded {
                self.shown.try_update(|_| ());
            }
        });
    }

    /// The text of `key` in the current language (English where it has none). Every key used
    /// here exists in all three languages (a test checks the sources), so the key itself is
    /// only a last resort.
    pub fn t(self, key: &'static str) -> &'static str {
        text(self.lang(), key)
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// Fetches and installs the parts of `lang`'s texts not here yet; false when one failed.
async fn fetch(lang: Lang, parts: &[Part]) -> bool {
    for &part in parts {
        if available(lang, part) {
            continue;
        }
        let file = fetch_site_file(&part.file(lang)).await;
        if !file.is_ok_and(|file| install(lang, part, &file).is_ok()) {
            return false;
        }
    }
    true
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Each language's name in itself, and what to say, in English and in that language, when its
/// texts cannot be loaded: compiled in, since then its file is exactly what is missing.
const LANGUAGES: [(Lang, &str, &str, &str); 3] = [
    (
        Lang::Kk,
        "Қазақша",
        "The Kazakh texts could not be loaded, so the portal is shown in English. Press Қазақша to try again.",
        "Қазақ тіліндегі мәтіндер жүктелмеді, сондықтан портал ағылшын тілінде көрсетілді. Қайталап көру үшін «Қазақша» түймесін басыңыз.",
    ),
    (
        Lang::Ru,
        "Русский",
        "The Russian texts could not be loaded, so the portal is shown in English. Press Русский to try again.",
        "Не удалось загрузить тексты на русском языке, поэтому портал показан на английском. Нажмите «Русский», чтобы попробовать ещё раз.",
    ),
    (Lang::En, "English", "", ""),
];

/// Three buttons, each named in its own language and marked with its `lang`, so a reader who
/// does not know the current language still finds theirs; below them, whether a language's
/// texts could not be loaded.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let buttons = LANGUAGES.map(|(lang, name, _, _)| {
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
    });
    let failure = move || {
        let failed = i18n.failed.get()?;
        let (lang, _, in_english, in_itself) =
            LANGUAGES.into_iter().find(|(l, ..)| *l == failed)?;
        Some(view! {
            <span lang="en">{in_english}</span>
            " "
            <span lang=lang.code()>{in_itself}</span>
        })
    };
    view! {
        <nav class="language-switcher" aria-label=move || i18n.t("language.switcher")>
            <ul>{buttons}</ul>
            <p class="language-switcher__status" role="status">{failure}</p>
        </nav>
    }
}
