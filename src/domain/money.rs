//! Money in tenge, held as an integer number of tiyn (1 tenge = 100 tiyn). No floating point.
//!
//! Input accepted by [`parse_tenge`]: digits, spaces of any kind between them as thousands
//! separators (ordinary, no-break, narrow no-break, thin; their positions are not checked), one
//! decimal separator (comma or point) followed by one or two digits, and an optional trailing
//! "₸". So "1 234 567", "1234567", "1 234 567,50" and "1234567.5" are all accepted. Rejected,
//! each with its own message key: empty input, a minus sign, a second separator (as in the
//! English "1,234,567": use spaces for thousands), more than two decimals, any other character,
//! and amounts above [`MAX_TENGE`].

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
    /// More than one decimal separator, or one with no digits on a side.
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

/// Parses an amount of tenge typed by a user (see the module documentation for the format).
pub fn parse_tenge(input: &str) -> Result<Tiyn, MoneyError> {
    let text = input.trim();
    let text = text.strip_suffix('₸').unwrap_or(text).trim_end();
    if text.is_empty() {
        return Err(MoneyError::Empty);
    }
    if text.starts_with(['-', '−']) {
        return Err(MoneyError::Negative);
    }
    let mut whole = String::new();
    let mut fraction: Option<String> = None;
    for c in text.chars() {
        match c {
            ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}' => {}
            '0'..='9' => fraction.as_mut().unwrap_or(&mut whole).push(c),
            ',' | '.' if fraction.is_none() => fraction = Some(String::new()),
            ',' | '.' => return Err(MoneyError::MisplacedSeparator),
            _ => return Err(MoneyError::InvalidCharacter { character: c }),
        }
    }
    if whole.is_empty() || fraction.as_ref().is_some_and(String::is_empty) {
        return Err(MoneyError::MisplacedSeparator);
    }
    let fraction = fraction.unwrap_or_default();
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
