//! Translation tables and locale formatting. Pure Rust: the interface and the tests use it alike.
//!
//! Texts live in `src/i18n/shell/` and `src/i18n/journeys/`, a file per first part of the key
//! (`inv.surname` is in `journeys/inv.toml`), one table per key with `en`, `kk` and `ru`, and
//! come in two [`Part`]s. The shell's, which every page needs: English compiled in as [`MESSAGES`], sorted
//! by key; Kazakh and Russian as one [`file`] each. The journeys', as one file per language,
//! which the browser fetches with a journey's code (`src/ui/lazy.rs`). Native builds compile
//! every file in; the browser fetches what it needs and hands it to [`install`], so the first
//! load carries the shell's English only. A text holding a count has plural forms
//! ([`plural`]): [`message`] fills in its values and picks the form its count needs.

pub mod file;
pub mod format;
pub mod plural;

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

/// The two parts of the texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// What every page needs: the layout, home, "not found", the settings error.
    Shell,
    /// The journeys' questions, answers and rules, and the country names.
    Journeys,
}

impl Part {
    /// The site's file of this part in `lang`, relative to `<base href>`.
    pub fn file(self, lang: Lang) -> String {
        match self {
            Part::Shell => format!("texts/{}.json", lang.code()),
            Part::Journeys => format!("texts/journeys/{}.json", lang.code()),
        }
    }
}

/// Where the texts of a part are kept once read; none for the shell's English, compiled in.
fn slot(lang: Lang, part: Part) -> Option<&'static OnceLock<Texts>> {
    static SLOTS: [OnceLock<Texts>; 5] = [const { OnceLock::new() }; 5];
    let index = match (lang, part) {
        (Lang::En, Part::Shell) => return None,
        (Lang::En, Part::Journeys) => 0,
        (Lang::Kk, Part::Shell) => 1,
        (Lang::Kk, Part::Journeys) => 2,
        (Lang::Ru, Part::Shell) => 3,
        (Lang::Ru, Part::Journeys) => 4,
    };
    Some(&SLOTS[index])
}

/// The file of a part compiled into this build: every one in native builds; the journeys'
/// English in a browser build that is not split (the component tests), where it costs nothing.
fn compiled_in(lang: Lang, part: Part) -> Option<&'static str> {
    macro_rules! texts {
        ($path:literal) => {
            include_str!(concat!(env!("OUT_DIR"), "/texts/", $path))
        };
    }
    if cfg!(target_arch = "wasm32") {
        #[cfg(not(feature = "split"))]
        if (lang, part) == (Lang::En, Part::Journeys) {
            return Some(texts!("journeys/en.json"));
        }
        return None;
    }
    Some(match (lang, part) {
        (Lang::En, Part::Shell) => return None,
        (Lang::En, Part::Journeys) => texts!("journeys/en.json"),
        (Lang::Kk, Part::Shell) => texts!("kk.json"),
        (Lang::Kk, Part::Journeys) => texts!("journeys/kk.json"),
        (Lang::Ru, Part::Shell) => texts!("ru.json"),
        (Lang::Ru, Part::Journeys) => texts!("journeys/ru.json"),
    })
}

fn translations(lang: Lang, part: Part) -> Option<&'static Texts> {
    let slot = slot(lang, part)?;
    if let Some(file) = compiled_in(lang, part) {
        return Some(
            slot.get_or_init(|| file::parse(file).expect("the build writes valid texts files")),
        );
    }
    slot.get()
}

/// Whether a part's texts in `lang` are here: the shell's English always; the rest when
/// compiled in or [`install`]ed.
pub fn available(lang: Lang, part: Part) -> bool {
    (lang, part) == (Lang::En, Part::Shell) || translations(lang, part).is_some()
}

/// Takes a fetched texts file; from then on [`lookup`] answers with its texts.
pub fn install(lang: Lang, part: Part, file: &str) -> Result<(), String> {
    let texts = file::parse(file)?;
    if let Some(slot) = slot(lang, part) {
        // Already there (compiled in, or a second fetch): the first copy stays.
        let _ = slot.set(texts);
    }
    Ok(())
}

/// The text of `key` in `lang`, or `None` when the key is unknown, that language is missing or
/// its texts are not here.
pub fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    let shell = match lang {
        Lang::En => MESSAGES
            .binary_search_by(|(k, _)| (*k).cmp(key))
            .ok()
            .map(|i| MESSAGES[i].1),
        _ => translations(lang, Part::Shell)
            .and_then(|t| t.get(key))
            .map(String::as_str),
    };
    let text = shell.or_else(|| {
        translations(lang, Part::Journeys)?
            .get(key)
            .map(String::as_str)
    })?;
    (!text.is_empty()).then_some(text)
}

/// The text of `key` in `lang`, else in English (a file cached from an older build may lack a
/// newer key), with the language it is in.
fn found(lang: Lang, key: &str) -> Option<(Lang, &'static str)> {
    lookup(lang, key)
        .map(|text| (lang, text))
        .or_else(|| Some((Lang::En, lookup(Lang::En, key)?)))
}

/// The text to show for `key`: in `lang`, else in English, else the key itself, so a gap shows
/// instead of breaking the page. A plural text shows its last form, the one for most counts:
/// texts with a count are shown through [`message`] or [`plural`].
pub fn text(lang: Lang, key: &str) -> &str {
    match found(lang, key) {
        Some((lang, text)) => form_for(lang, text, None),
        None => key,
    }
}

/// The form of `key` for a count of `n`, found as [`text`] finds it.
pub fn plural(lang: Lang, key: &str, n: u64) -> &str {
    match found(lang, key) {
        Some((lang, text)) => form_for(lang, text, Some(n)),
        None => key,
    }
}

/// The form of `text` (in `lang`) for a count of `n`; the last form when the count is unknown
/// or the text has fewer forms than its language needs (a file from an older build).
fn form_for(lang: Lang, text: &str, n: Option<u64>) -> &str {
    let Some((_, forms)) = plural::decode(text) else {
        return text;
    };
    let wanted = n.map(|n| plural::form(lang.code(), n));
    let at = plural::forms(lang.code())
        .iter()
        .position(|f| Some(*f) == wanted);
    at.and_then(|i| forms.get(i))
        .or(forms.last())
        .copied()
        .unwrap_or_default()
}

/// The text of `key` with each `{name}` replaced by its value; a plural text first takes the
/// form its count's value asks for.
pub fn message(lang: Lang, key: &str, values: &[(String, String)]) -> String {
    let Some((lang, text)) = found(lang, key) else {
        return key.to_owned();
    };
    let count = plural::decode(text).and_then(|(name, _)| {
        let (_, value) = values.iter().find(|(n, _)| n == name)?;
        let digits: String = value.chars().filter(|c| !c.is_whitespace()).collect();
        digits.parse().ok()
    });
    fill(form_for(lang, text, count), values)
}

/// Replaces each `{name}` in `text` with its value.
pub fn fill(text: &str, values: &[(String, String)]) -> String {
    values.iter().fold(text.to_owned(), |t, (name, value)| {
        t.replace(&format!("{{{name}}}"), value)
    })
}

/// Every key of the English texts, both parts, for completeness checks.
pub fn keys() -> impl Iterator<Item = &'static str> {
    let journeys = translations(Lang::En, Part::Journeys)
        .into_iter()
        .flat_map(|t| t.keys());
    MESSAGES
        .iter()
        .map(|(k, _)| *k)
        .chain(journeys.map(String::as_str))
}
