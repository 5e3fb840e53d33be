//! Translation tables and locale formatting. Pure Rust: the interface and the tests use it alike.
//!
//! Texts live in `src/i18n/*.toml`, one table per key with `en`, `kk` and `ru`. The build script
//! compiles English in as [`MESSAGES`], sorted by key, and writes Kazakh and Russian as one
//! [`file`] each. Native builds compile those files in too; the browser fetches the chosen one
//! and hands it to [`install`], so its first load carries English only.

pub mod file;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use file::Texts;

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// The three languages of the portal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "kk")]
    Kk,
    #[serde(rename = "ru")]
    Ru,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Kk, Lang::Ru];

    /// The BCP 47 tag, for `<html lang>`, the saved choice and the texts file's name.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Kk => "kk",
            Lang::Ru => "ru",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// Where the texts of a language other than English are kept once read.
fn slot(lang: Lang) -> Option<&'static OnceLock<Texts>> {
    static KK: OnceLock<Texts> = OnceLock::new();
    static RU: OnceLock<Texts> = OnceLock::new();
    match lang {
        Lang::En => None,
        Lang::Kk => Some(&KK),
        Lang::Ru => Some(&RU),
    }
}

fn translations(lang: Lang) -> Option<&'static Texts> {
    let slot = slot(lang)?;
    #[cfg(not(target_arch = "wasm32"))]
    slot.get_or_init(|| {
        let compiled_in = match lang {
            Lang::Kk => include_str!(concat!(env!("OUT_DIR"), "/texts/kk.json")),
            _ => include_str!(concat!(env!("OUT_DIR"), "/texts/ru.json")),
        };
        file::parse(compiled_in).expect("the build writes valid texts files")
    });
    slot.get()
}

/// Whether the texts of `lang` are here: English always; Kazakh and Russian always in native
/// builds, in the browser once [`install`]ed.
pub fn available(lang: Lang) -> bool {
    lang == Lang::En || translations(lang).is_some()
}

/// Takes the fetched texts file of `lang`; from then on [`lookup`] answers in that language.
pub fn install(lang: Lang, file: &str) -> Result<(), serde_json::Error> {
    let texts = file::parse(file)?;
    if let Some(slot) = slot(lang) {
        // Already there (compiled in, or a second fetch): the first copy stays.
        let _ = slot.set(texts);
    }
    Ok(())
}

/// The text of `key` in `lang`, or `None` when the key is unknown, that language is missing or
/// its texts are not here.
pub fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    let text = match lang {
        Lang::En => {
            let i = MESSAGES.binary_search_by(|(k, _)| (*k).cmp(key)).ok()?;
            MESSAGES[i].1
        }
        _ => translations(lang)?.get(key)?.as_str(),
    };
    (!text.is_empty()).then_some(text)
}

/// The text to show for `key`: in `lang`, else in English (a file cached from an older build
/// may lack a newer key), else the key itself, so a gap shows instead of breaking the page.
pub fn text(lang: Lang, key: &str) -> &str {
    lookup(lang, key)
        .or_else(|| lookup(Lang::En, key))
        .unwrap_or(key)
}

/// Every key of the English table, for completeness checks.
pub fn keys() -> impl Iterator<Item = &'static str> {
    MESSAGES.iter().map(|(k, _)| *k)
}
