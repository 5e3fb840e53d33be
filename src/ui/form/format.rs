//! Texts with values filled in, money and dates written the way readers of each language expect.

use chrono::{Datelike, NaiveDate};

use crate::{
    domain::money::Tiyn,
    i18n::{self, Lang},
};

/// The text of a key built at run time (an option, a domain reason), as [`i18n::text`] finds it.
pub fn tr(lang: Lang, key: &str) -> String {
    i18n::text(lang, key).to_owned()
}

pub use crate::i18n::{fill, message};

/// "1 234 567 ₸", "1 234 567,50 ₸": groups and the sign kept on one line by no-break spaces.
pub fn format_money(amount: Tiyn) -> String {
    format!("{}\u{a0}₸", amount.to_string().replace(' ', "\u{a0}"))
}

/// "12 March 2026", "12 марта 2026 г.", "2026 жылғы 12 наурыз".
pub fn format_date(lang: Lang, date: NaiveDate) -> String {
    let months = tr(lang, "form.date.months");
    let month = months.split(',').nth(date.month0() as usize).unwrap_or("");
    fill(
        &tr(lang, "form.date.pattern"),
        &[
            ("day".into(), date.day().to_string()),
            ("month".into(), month.to_owned()),
            ("year".into(), date.year().to_string()),
        ],
    )
}

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
