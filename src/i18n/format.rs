//! Money and dates written the way readers of each language expect.

use chrono::{Datelike, NaiveDate};

use super::{Lang, fill, text};
use crate::domain::money::Tiyn;

/// "1 234 567 ₸", "1 234 567,50 ₸": groups and the sign kept on one line by no-break spaces.
pub fn format_money(amount: Tiyn) -> String {
    format!("{}\u{a0}₸", amount.to_string().replace(' ', "\u{a0}"))
}

/// "12 March 2026", "12 марта 2026 г.", "2026 жылғы 12 наурыз".
pub fn format_date(lang: Lang, date: NaiveDate) -> String {
    let months = text(lang, "form.date.months");
    let month = months.split(',').nth(date.month0() as usize).unwrap_or("");
    fill(
        text(lang, "form.date.pattern"),
        &[
            ("day".into(), date.day().to_string()),
            ("month".into(), month.to_owned()),
            ("year".into(), date.year().to_string()),
        ],
    )
}
