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
// JOURNEY_TEXTS: the journeys' texts files, `common` and each journey's, with the first parts of
// the keys each holds (`journeys.toml`).
include!(concat!(env!("OUT_DIR"), "/journey_texts.rs"));

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

/// The parts of the texts, each a file per language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// What every page needs: the layout, home, "not found", the settings error.
    Shell,
    /// Every journey's questions, answers and rules, and the country names.
    Journeys,
    /// A part of [`Part::Journeys`] (one of [`JOURNEY_TEXTS`], `journeys.toml`): what every
    /// journey's pages show ([`COMMON`]), or one journey's own.
    Journey(&'static str),
}

/// The texts every journey's pages show, with their own.
pub const COMMON: &str = "common";

impl Part {
    /// The site's file of this part in `lang`, relative to `<base href>`.
    pub fn file(self, lang: Lang) -> String {
        match self {
            Part::Shell => format!("texts/{}.json", lang.code()),
            Part::Journeys => format!("texts/journeys/{}.json", lang.code()),
            Part::Journey(journey) => format!("texts/journeys/{journey}/{}.json", lang.code()),
        }
    }
}

/// Where the texts of a part are kept once read; none for the shell's English, compiled in,
/// or for a journey without a file.
fn slot(lang: Lang, part: Part) -> Option<&'static OnceLock<Texts>> {
    const PER_LANG: usize = 2 + JOURNEY_TEXTS.len();
    static SLOTS: [OnceLock<Texts>; 3 * PER_LANG] = [const { OnceLock::new() }; 3 * PER_LANG];
    let index = match part {
        Part::Shell if lang == Lang::En => return None,
        Part::Shell => 0,
        Part::Journeys => 1,
        Part::Journey(journey) => 2 + JOURNEY_TEXTS.iter().position(|(j, _)| *j == journey)?,
    };
    let lang = Lang::ALL
        .iter()
        .position(|l| *l == lang)
        .unwrap_or_default();
    Some(&SLOTS[lang * PER_LANG + index])
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
    // Natively every journey's texts are here in one part: a journey's own add nothing.
    Some(match (lang, part) {
        (Lang::En, Part::Shell) | (_, Part::Journey(_)) => return None,
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
/// compiled in or [`install`]ed, a journey's also when every journey's are.
pub fn available(lang: Lang, part: Part) -> bool {
    // Every journey's texts hold each journey's.
    let whole = || matches!(part, Part::Journey(_)) && available(lang, Part::Journeys);
    (lang, part) == (Lang::En, Part::Shell) || translations(lang, part).is_some() || whole()
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
        let journeys = JOURNEY_TEXTS.iter().map(|(j, _)| Part::Journey(j));
        journeys
            .chain([Part::Journeys])
            .find_map(|part| translations(lang, part)?.get(key))
            .map(String::as_str)
    })?;
    (!text.is_empty()).then_some(text)
}

/// Who is told of a key found in none of the texts here, with the language shown: the page
/// then fetches every journey's texts (`ui::i18n`). Natively nobody is told.
static MISSING: OnceLock<fn(Lang, &str)> = OnceLock::new();

/// Has `tell` called whenever a text is asked for a key found in none of the texts here.
pub fn on_missing(tell: fn(Lang, &str)) {
    let _ = MISSING.set(tell);
}

/// The text of `key` in `lang`, else in English (a file cached from an older build may lack a
/// newer key), with the language it is in.
fn found(lang: Lang, key: &str) -> Option<(Lang, &'static str)> {
    let found = lookup(lang, key)
        .map(|text| (lang, text))
        .or_else(|| Some((Lang::En, lookup(Lang::En, key)?)));
    if found.is_none()
        && is_key(key)
        && !covered(lang, key)
        && let Some(tell) = MISSING.get()
    {
        tell(lang, key);
    }
    found
}

/// Whether `key` is shaped as a key (`inv.route.trainee`), not a name shown as it is (a
/// programme's, from the catalogue).
fn is_key(key: &str) -> bool {
    key.contains('.')
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'_')
}

/// Whether the texts here hold every key named like `key` (by its first part): a journey's own
/// texts in `lang` with that part, or every journey's. Such a key, when not found, exists
/// nowhere (a value the interface does not know, from a tampered draft, say).
fn covered(lang: Lang, key: &str) -> bool {
    let first = key.split('.').next().unwrap_or_default();
    translations(lang, Part::Journeys).is_some()
        || JOURNEY_TEXTS.iter().any(|(journey, parts)| {
            parts.contains(&first) && translations(lang, Part::Journey(journey)).is_some()
        })
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
