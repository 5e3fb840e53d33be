//! Translation tables and locale formatting. Pure Rust: the interface and the tests use it alike.
//!
//! Texts live in `src/i18n/*.toml`, one table per key with `en`, `kk` and `ru`; the build script
//! turns them into [`MESSAGES`], sorted by key.

use serde::{Deserialize, Serialize};

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// The three languages of the portal, in the order of the columns of [`MESSAGES`].
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

    /// The BCP 47 tag, for `<html lang>` and for the saved choice.
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

    fn column(self) -> usize {
        self as usize
    }
}

/// The text of `key` in `lang`, or `None` when the key is unknown or that language is missing.
pub fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    let i = MESSAGES.binary_search_by(|(k, _)| (*k).cmp(key)).ok()?;
    let text = MESSAGES[i].1[lang.column()];
    (!text.is_empty()).then_some(text)
}

/// Every key of every table, for completeness checks.
pub fn keys() -> impl Iterator<Item = &'static str> {
    MESSAGES.iter().map(|(k, _)| *k)
}
