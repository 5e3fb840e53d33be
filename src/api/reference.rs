//! Reference numbers: `AH-2026-P-7K3M9Q-X`.
//!
//! - `AH`, then the year of submission (4 digits);
//! - the kind: `P` participant application, `E` acceleration enrolment, `V` visa invitation,
//!   `F` request for inclusion in the Fund's list (`L` is not in the alphabet);
//! - six serial characters from [`ALPHABET`], 31 characters without the look-alikes
//!   0/O, 1/I/L, so a reference read over the phone or copied by hand survives;
//! - one check character from the same alphabet.
//!
//! Check: over the eleven characters year + kind + serial, value each year digit by its
//! number and every other character by its index in [`ALPHABET`]; weight the i-th character
//! (from 0) by i + 1; the check character is `ALPHABET[sum mod 31]`. Because 31 is prime and
//! every weight and every difference of values is below 31, any single changed character and
//! any swap of two neighbouring characters changes the check.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The characters of serials and check characters.
pub const ALPHABET: &[u8; 31] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const SERIAL_LEN: usize = 6;

/// What a submission is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Application,
    Enrolment,
    Invitation,
    ListRequest,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Application,
        Kind::Enrolment,
        Kind::Invitation,
        Kind::ListRequest,
    ];

    pub fn letter(self) -> char {
        match self {
            Kind::Application => 'P',
            Kind::Enrolment => 'E',
            Kind::Invitation => 'V',
            Kind::ListRequest => 'F',
        }
    }

    fn from_letter(c: char) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.letter() == c)
    }
}

/// A valid reference number, kept in its canonical upper-case form.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Reference {
    text: String,
    year: i32,
    kind: Kind,
}

/// Why a text is not a reference number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReferenceError {
    /// Not shaped like `AH-2026-P-7K3M9Q-X`.
    Format,
    /// Shaped right, but the check character does not match: a typo.
    Check,
}

impl ReferenceError {
    pub fn message_key(self) -> &'static str {
        match self {
            ReferenceError::Format => "api.reference.format",
            ReferenceError::Check => "api.reference.check",
        }
    }
}

fn index(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == c).map(|i| i as u32)
}

/// The check character of year (4 digits) + kind letter + serial.
fn check_char(year: &str, kind: char, serial: &str) -> Option<char> {
    let values = year
        .bytes()
        .map(|b| b.is_ascii_digit().then(|| u32::from(b - b'0')))
        .chain(std::iter::once(index(kind as u8)))
        .chain(serial.bytes().map(index));
    let mut sum = 0u32;
    for (i, value) in values.enumerate() {
        sum += (i as u32 + 1) * value?;
    }
    Some(ALPHABET[(sum % 31) as usize] as char)
}

impl Reference {
    /// The reference of the `number`-th serial (taken modulo 31⁶) of a year and kind.
    pub fn new(year: i32, kind: Kind, number: u64) -> Reference {
        let mut n = number % 31u64.pow(SERIAL_LEN as u32);
        let mut serial = [b'2'; SERIAL_LEN];
        for slot in serial.iter_mut().rev() {
            *slot = ALPHABET[(n % 31) as usize];
            n /= 31;
        }
        let serial = String::from_utf8_lossy(&serial).into_owned();
        let year_text = format!("{:04}", year.rem_euclid(10_000));
        let check =
            check_char(&year_text, kind.letter(), &serial).expect("built from the alphabet");
        Reference {
            text: format!("AH-{year_text}-{}-{serial}-{check}", kind.letter()),
            year,
            kind,
        }
    }

    /// Reads a reference as a person may type it: surrounding spaces and lower case are fine.
    pub fn parse(input: &str) -> Result<Reference, ReferenceError> {
        let text = input.trim().to_ascii_uppercase();
        let parts: Vec<&str> = text.split('-').collect();
        let [prefix, year, kind, serial, check] = parts[..] else {
            return Err(ReferenceError::Format);
        };
        let shaped = prefix == "AH"
            && year.len() == 4
            && year.bytes().all(|b| b.is_ascii_digit())
            && serial.len() == SERIAL_LEN
            && serial.bytes().all(|b| index(b).is_some())
            && check.len() == 1
            && index(check.as_bytes()[0]).is_some();
        let kind_letter = kind.chars().next().filter(|_| kind.len() == 1);
        let kind = kind_letter.and_then(Kind::from_letter);
        let (true, Some(kind), Some(letter)) = (shaped, kind, kind_letter) else {
            return Err(ReferenceError::Format);
        };
        if check_char(year, letter, serial) != check.chars().next() {
            return Err(ReferenceError::Check);
        }
        Ok(Reference {
            year: year.parse().map_err(|_| ReferenceError::Format)?,
            kind,
            text,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn kind(&self) -> Kind {
        self.kind
    }

    pub fn year(&self) -> i32 {
        self.year
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for Reference {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

/// Strict: a body carrying a malformed reference is refused as a whole.
impl<'de> Deserialize<'de> for Reference {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Reference::parse(&text).map_err(|e| serde::de::Error::custom(format!("reference: {e:?}")))
    }
}
