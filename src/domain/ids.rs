//! Kazakh identification numbers: BIN (business identification number of a legal entity) and
//! IIN (individual identification number), 12 digits each, with one check digit.
//!
//! Source: Government Decree No. 565 of 11.06.2003 (facts file, section 6). Rule ids:
//! `ids.check_digit`, `ids.bin.structure`, `ids.iin.structure`.
//!
//! Input handling, decided once for both numbers: spaces around the number are trimmed, and
//! spaces inside it (ordinary, no-break, thin) are removed, because invoices commonly print a
//! BIN in groups ("050 640 004 409") and people paste it that way. Any other character is an
//! error that names the character.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A valid BIN of a legal entity (5th digit 4 or 5).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Bin(String);

/// A valid IIN of an individual.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Iin(String);

/// Which unit of a legal entity a BIN belongs to (6th digit).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BinUnit {
    HeadOffice,
    Branch,
    RepresentativeOffice,
    PeasantFarm,
    /// Digits 4 to 9 are not described by the decree; the number is still accepted.
    Other(u8),
}

impl Bin {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Registration month (1..=12) from the YYMM prefix.
    pub fn registration_month(&self) -> u32 {
        digit_pair(&self.0, 2)
    }

    /// Two-digit registration year (the century is not encoded).
    pub fn registration_year_2(&self) -> u32 {
        digit_pair(&self.0, 0)
    }

    /// Resident legal entity (type digit 4) or non-resident (5).
    pub fn is_resident(&self) -> bool {
        self.0.as_bytes()[4] == b'4'
    }

    pub fn unit(&self) -> BinUnit {
        match self.0.as_bytes()[5] - b'0' {
            0 => BinUnit::HeadOffice,
            1 => BinUnit::Branch,
            2 => BinUnit::RepresentativeOffice,
            3 => BinUnit::PeasantFarm,
            d => BinUnit::Other(d),
        }
    }
}

impl Iin {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Date of birth from YYMMDD and the century digit.
    pub fn birth_date(&self) -> chrono::NaiveDate {
        iin_birth_date(&self.0).expect("checked when parsed")
    }
}

impl fmt::Display for Bin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for Iin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a string is not a valid BIN or IIN. Each variant has its own message key
/// ([`IdError::message_key`]) and carries the values the message shows ([`IdError::values`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum IdError {
    Empty,
    /// A character other than a digit or a space; `position` counts from 1.
    NonDigit {
        character: char,
        position: usize,
    },
    WrongLength {
        length: usize,
    },
    /// The 12th digit does not match the one computed from the first 11.
    BadCheckDigit {
        expected: u8,
        found: u8,
    },
    /// Both weightings give 10: no 12-digit number starts with these 11 digits.
    NoCheckDigit,
    /// An IIN (an individual's number) was entered where a BIN is asked.
    LooksLikeIin,
    /// A BIN was entered where an IIN is asked.
    LooksLikeBin,
    /// The 5th digit of a BIN is not 4 (resident) or 5 (non-resident legal entity).
    NotLegalEntity {
        type_digit: u8,
    },
    /// The month in YYMM (BIN) or YYMMDD (IIN) is not 01..12.
    BadMonth {
        month: u32,
    },
    /// The IIN's YYMMDD with its century digit is not a calendar date.
    BadBirthDate,
    /// A branch's or representative office's BIN where the legal entity itself must apply:
    /// neither is a legal entity, its head office applies with its own BIN.
    NotHeadOffice {
        unit: BinUnit,
    },
    /// The 7th digit of an IIN (century and sex) is not 1..6.
    BadCenturyDigit {
        digit: u8,
    },
}

impl IdError {
    pub fn message_key(&self) -> &'static str {
        match self {
            IdError::Empty => "ids.empty",
            IdError::NonDigit { .. } => "ids.non_digit",
            IdError::WrongLength { .. } => "ids.wrong_length",
            IdError::BadCheckDigit { .. } => "ids.bad_check_digit",
            IdError::NoCheckDigit => "ids.no_check_digit",
            IdError::LooksLikeIin => "ids.bin.looks_like_iin",
            IdError::LooksLikeBin => "ids.iin.looks_like_bin",
            IdError::NotLegalEntity { .. } => "ids.bin.not_legal_entity",
            IdError::BadMonth { .. } => "ids.bad_month",
            IdError::BadBirthDate => "ids.iin.bad_birth_date",
            IdError::BadCenturyDigit { .. } => "ids.iin.bad_century_digit",
            IdError::NotHeadOffice {
                unit: BinUnit::RepresentativeOffice,
            } => "ids.bin.representative_office",
            IdError::NotHeadOffice { .. } => "ids.bin.branch",
        }
    }

    /// Named values for the message placeholders, e.g. `("length", "11")`. The expected check
    /// digit is deliberately not shown: a typo is usually elsewhere in the number, and showing
    /// the digit would invite "fixing" the last one.
    pub fn values(&self) -> Vec<(String, String)> {
        let one = |k: &str, v: String| vec![(k.to_owned(), v)];
        match self {
            IdError::NonDigit {
                character,
                position,
            } => vec![
                ("character".to_owned(), character.to_string()),
                ("position".to_owned(), position.to_string()),
            ],
            IdError::WrongLength { length } => one("length", length.to_string()),
            IdError::NotLegalEntity { type_digit } => one("type_digit", type_digit.to_string()),
            IdError::BadMonth { month } => one("month", format!("{month:02}")),
            IdError::BadCenturyDigit { digit } => one("digit", digit.to_string()),
            _ => Vec::new(),
        }
    }
}

/// Parses a BIN of a legal entity.
pub fn parse_bin(input: &str) -> Result<Bin, IdError> {
    let digits = checked_digits(input)?;
    let b = digits.as_bytes();
    match b[4] - b'0' {
        4 | 5 => {}
        // An IIN has the tens of the birth day (0..3) in 5th place.
        0..=3 => return Err(IdError::LooksLikeIin),
        d => return Err(IdError::NotLegalEntity { type_digit: d }),
    }
    let month = digit_pair(&digits, 2);
    if !(1..=12).contains(&month) {
        return Err(IdError::BadMonth { month });
    }
    Ok(Bin(digits))
}

/// Parses the BIN of a legal entity that applies in its own name (a participant, an enrolling
/// company): a branch or a representative office is refused with the head office's role.
pub fn parse_applicant_bin(input: &str) -> Result<Bin, IdError> {
    let bin = parse_bin(input)?;
    match bin.unit() {
        unit @ (BinUnit::Branch | BinUnit::RepresentativeOffice) => {
            Err(IdError::NotHeadOffice { unit })
        }
        _ => Ok(bin),
    }
}

/// Parses an IIN of an individual.
pub fn parse_iin(input: &str) -> Result<Iin, IdError> {
    let digits = checked_digits(input)?;
    let b = digits.as_bytes();
    if (4..=6).contains(&(b[4] - b'0')) {
        return Err(IdError::LooksLikeBin);
    }
    let month = digit_pair(&digits, 2);
    if !(1..=12).contains(&month) {
        return Err(IdError::BadMonth { month });
    }
    let century = b[6] - b'0';
    if !(1..=6).contains(&century) {
        return Err(IdError::BadCenturyDigit { digit: century });
    }
    iin_birth_date(&digits).ok_or(IdError::BadBirthDate)?;
    Ok(Iin(digits))
}

/// The check digit for the first 11 digits, or `None` when both weightings give 10.
pub fn check_digit(first11: &[u8; 11]) -> Option<u8> {
    let weighted = |weights: [u32; 11]| -> u32 {
        first11
            .iter()
            .zip(weights)
            .map(|(d, w)| u32::from(*d) * w)
            .sum::<u32>()
            % 11
    };
    let first = weighted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    let r = if first == 10 {
        weighted([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2])
    } else {
        first
    };
    (r != 10).then_some(r as u8)
}

/// Trimmed, inner spaces removed, 12 digits with a correct check digit.
fn checked_digits(input: &str) -> Result<String, IdError> {
    let mut digits = String::with_capacity(12);
    for (i, c) in input.trim().chars().enumerate() {
        if is_space(c) {
            continue;
        }
        if !c.is_ascii_digit() {
            return Err(IdError::NonDigit {
                character: c,
                position: i + 1,
            });
        }
        digits.push(c);
    }
    if digits.is_empty() {
        return Err(IdError::Empty);
    }
    if digits.len() != 12 {
        return Err(IdError::WrongLength {
            length: digits.len(),
        });
    }
    let mut first11 = [0u8; 11];
    for (slot, b) in first11.iter_mut().zip(digits.bytes()) {
        *slot = b - b'0';
    }
    let found = digits.as_bytes()[11] - b'0';
    match check_digit(&first11) {
        None => Err(IdError::NoCheckDigit),
        Some(expected) if expected != found => Err(IdError::BadCheckDigit { expected, found }),
        Some(_) => Ok(digits),
    }
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{2009}' | '\u{202F}')
}

fn digit_pair(digits: &str, at: usize) -> u32 {
    let b = digits.as_bytes();
    u32::from(b[at] - b'0') * 10 + u32::from(b[at + 1] - b'0')
}

/// 7th digit: 1-2 born 1800s, 3-4 born 1900s, 5-6 born 2000s (odd male, even female).
fn iin_birth_date(digits: &str) -> Option<chrono::NaiveDate> {
    let century = match digits.as_bytes()[6] - b'0' {
        1 | 2 => 1800,
        3 | 4 => 1900,
        5 | 6 => 2000,
        _ => return None,
    };
    let year = century + digit_pair(digits, 0) as i32;
    chrono::NaiveDate::from_ymd_opt(year, digit_pair(digits, 2), digit_pair(digits, 4))
}
