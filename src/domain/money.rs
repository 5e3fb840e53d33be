//! Money in tenge, held as an integer number of tiyn (1 tenge = 100 tiyn). No floating point.
//!
//! Input accepted by [`parse_tenge`], in every language: digits; spaces of any kind between
//! them as thousands separators (ordinary, no-break, narrow no-break, thin; their positions are
//! not checked); commas or points as thousands separators, before groups of exactly three
//! digits; one decimal mark (comma or point) followed by one or two digits; an optional
//! trailing "₸". So "1 234 567", "1234567", "1 234 567,50", "1234567.5", "1,234,567.50" and
//! "1.234.567,50" are all accepted. When both marks appear, the last is the decimal mark.
//!
//! One form depends on the language: a single comma before exactly three digits ("1,234") is a
//! thousands separator in English and a decimal comma in Kazakh and Russian, where it is then
//! refused for its three decimals. No input reads as two different amounts in two languages,
//! so an answer typed in one language is never silently read as another amount in another.
//! Rejected, each with its own message key: empty input, a minus sign, separators out of place,
//! more than two decimals, any other character, and amounts above [`MAX_TENGE`].

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount in tiyn.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Tiyn(pub i64);

/// The largest amount accepted: 10^15 tenge, far above any income, still well inside `i64`
/// (10^17 tiyn out of about 9.2 × 10^18).
pub const MAX_TENGE: i64 = 1_000_000_000_000_000;

impl Tiyn {
    pub const ZERO: Tiyn = Tiyn(0);

    pub fn from_tenge(tenge: i64) -> Tiyn {
        Tiyn(tenge * 100)
    }
}

impl fmt::Display for Tiyn {
    /// "1 234 567" for whole tenge, "1 234 567,50" otherwise; groups separated by a space.
    /// The interface adds the "₸" sign and locale spacing.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let digits = (abs / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(' ');
            }
            grouped.push(c);
        }
        match abs % 100 {
            0 => write!(f, "{sign}{grouped}"),
            t => write!(f, "{sign}{grouped},{t:02}"),
        }
    }
}

/// Why an amount typed by a user was not accepted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MoneyError {
    Empty,
    Negative,
    InvalidCharacter {
        character: char,
    },
    /// A separator with no digits on a side, a thousands separator not followed by three
    /// digits, or a decimal mark before another separator.
    MisplacedSeparator,
    TooManyDecimals {
        decimals: usize,
    },
    TooLarge,
}

impl MoneyError {
    pub fn message_key(&self) -> &'static str {
        match self {
            MoneyError::Empty => "money.empty",
            MoneyError::Negative => "money.negative",
            MoneyError::InvalidCharacter { .. } => "money.invalid_character",
            MoneyError::MisplacedSeparator => "money.misplaced_separator",
            MoneyError::TooManyDecimals { .. } => "money.too_many_decimals",
            MoneyError::TooLarge => "money.too_large",
        }
    }

    pub fn values(&self) -> Vec<(String, String)> {
        match self {
            MoneyError::InvalidCharacter { character } => {
                vec![("character".to_owned(), character.to_string())]
            }
            MoneyError::TooManyDecimals { decimals } => {
                vec![("decimals".to_owned(), decimals.to_string())]
            }
            MoneyError::TooLarge => {
                vec![("max".to_owned(), Tiyn::from_tenge(MAX_TENGE).to_string())]
            }
            _ => Vec::new(),
        }
    }
}

/// Parses an amount of tenge typed by a user writing in `lang` (see the module documentation
/// for the format).
pub fn parse_tenge(input: &str, lang: Lang) -> Result<Tiyn, MoneyError> {
    let text = input.trim();
    let text = text.strip_suffix('₸').unwrap_or(text).trim_end();
    if text.is_empty() {
        return Err(MoneyError::Empty);
    }
    if text.starts_with(['-', '−']) {
        return Err(MoneyError::Negative);
    }
    let mut digits = String::new();
    // Each comma or point, with the number of digits before it.
    let mut marks: Vec<(usize, char)> = Vec::new();
    for c in text.chars() {
        match c {
            ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}' => {}
            '0'..='9' => digits.push(c),
            ',' | '.' => marks.push((digits.len(), c)),
            _ => return Err(MoneyError::InvalidCharacter { character: c }),
        }
    }
    let decimal_at = decimal_mark(&marks, digits.len(), lang)?;
    let (whole, fraction) = match decimal_at {
        Some(i) => digits.split_at(marks[i].0),
        None => (digits.as_str(), ""),
    };
    let groups = &marks[..decimal_at.unwrap_or(marks.len())];
    let thousands_in_place = groups.iter().enumerate().all(|(i, &(at, _))| {
        let next = groups.get(i + 1).map_or(whole.len(), |g| g.0);
        let first_ok = i > 0 || (1..=3).contains(&at);
        first_ok && next - at == 3
    });
    if whole.is_empty() || (decimal_at.is_some() && fraction.is_empty()) || !thousands_in_place {
        return Err(MoneyError::MisplacedSeparator);
    }
    if fraction.len() > 2 {
        return Err(MoneyError::TooManyDecimals {
            decimals: fraction.len(),
        });
    }
    let significant = whole.trim_start_matches('0');
    // More than 16 digits is above the maximum whatever they are; fewer always fit in i64.
    if significant.len() > 16 {
        return Err(MoneyError::TooLarge);
    }
    let tenge: i64 = significant.parse().unwrap_or(0);
    if tenge > MAX_TENGE || (tenge == MAX_TENGE && fraction.bytes().any(|b| b != b'0')) {
        return Err(MoneyError::TooLarge);
    }
    let tiyn: i64 = format!("{fraction:0<2}").parse().unwrap_or(0);
    Ok(Tiyn(tenge * 100 + tiyn))
}

/// Which of the commas and points (`marks`, with the digits before each, out of `digits`) is
/// the decimal mark: the last, when both kinds appear or there is one alone; none when one kind
/// repeats (thousands). A single comma before exactly three digits is English thousands.
fn decimal_mark(
    marks: &[(usize, char)],
    digits: usize,
    lang: Lang,
) -> Result<Option<usize>, MoneyError> {
    let Some(&(at, mark)) = marks.last() else {
        return Ok(None);
    };
    let last = marks.len() - 1;
    if marks.iter().any(|&(_, c)| c != mark) {
        // Both kinds: the thousands marks first, all alike, then the one decimal mark.
        return if marks[..last].iter().all(|&(_, c)| c != mark) {
            Ok(Some(last))
        } else {
            Err(MoneyError::MisplacedSeparator)
        };
    }
    let english_thousands = lang == Lang::En && mark == ',' && digits - at == 3;
    Ok((marks.len() == 1 && !english_thousands).then_some(0))
}
