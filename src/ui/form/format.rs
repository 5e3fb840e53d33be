//! Texts as the views show them: reactive to the chosen language.

use crate::i18n::{self, Lang};

/// The text of a key built at run time (an option, a domain reason), as [`i18n::text`] finds it.
pub fn tr(lang: Lang, key: &str) -> String {
    i18n::text(lang, key).to_owned()
}

pub use crate::i18n::{
    fill,
    format::{format_date, format_money},
    message,
};

/// The text of `key` in the current language, as a reactive view child. Every call returns the
/// same closure type, so the framework's rendering code is generated once, not once per text:
/// this keeps the bundle small.
pub fn text(key: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = crate::ui::i18n::use_i18n();
    move || i18n.t(key)
}

/// As [`text`], for a key built at run time (an option's label, a domain reason).
pub fn dyn_text(key: String) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let i18n = crate::ui::i18n::use_i18n();
    move || tr(i18n.lang(), &key)
}
