//! Dates written `YYYY-MM-DD`, as every file the portal reads or writes has them: drafts and
//! receipts, the service's JSON, the rules' data files, `config.json`. Read here rather than by
//! chrono's general parser, whose code a journey's page would otherwise fetch for this one
//! shape (a twentieth of it). Written as chrono writes them: years beyond 9999 or before 0
//! carry a sign, which this reads back too.
//!
//! With serde: `#[serde(with = "crate::iso_date")]` on a date and `iso_date::option` (with
//! `default`) on an optional one; `iso_date::list` and `iso_date::keys` write a list of dates
//! and a map keyed by dates, which only the rules' data has. The crate's own reader
//! ([`crate::json`]) reads those: a date is [`FromJson`], alone, in a list or an option, or as
//! a map's key.

use crate::json::{self, FromJson, Json, ReadError};
use chrono::NaiveDate;
use serde::de::{self, Deserializer, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// `text` as a date, if it is `YYYY-MM-DD` (or `±YYYYY-MM-DD`) and such a day exists.
pub fn parse(text: &str) -> Option<NaiveDate> {
    let (year, month_day) = text.split_at_checked(text.len().checked_sub(6)?)?;
    let rest = month_day.as_bytes();
    if rest[0] != b'-' || rest[3] != b'-' {
        return None;
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let two = |s: &str| digits(s).then(|| s.parse::<u32>().ok()).flatten();
    // chrono writes four digits, and a sign before a year outside 0 to 9999.
    let (sign, year) = match (year.strip_prefix('-'), year.strip_prefix('+')) {
        (Some(negative), _) => (-1, negative),
        (_, Some(positive)) => (1, positive),
        _ if year.len() == 4 => (1, year),
        _ => return None,
    };
    if year.len() < 4 || !digits(year) {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    NaiveDate::from_ymd_opt(sign * year, two(&month_day[1..3])?, two(&month_day[4..6])?)
}

impl FromJson for NaiveDate {
    fn from_json(value: &Json) -> Result<NaiveDate, ReadError> {
        let Json::String(text) = value else {
            return Err(json::expected("a date written YYYY-MM-DD", value));
        };
        parse(text).ok_or_else(|| {
            ReadError::new(format!(
                "expected a date written YYYY-MM-DD, not \"{text}\""
            ))
        })
    }
}

struct DateText;

impl Visitor<'_> for DateText {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date written YYYY-MM-DD")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<NaiveDate, E> {
        parse(text).ok_or_else(|| E::invalid_value(de::Unexpected::Str(text), &self))
    }
}

/// A date as its text.
struct Text(NaiveDate);

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(DateText).map(Text)
    }
}

pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    Text(*date).serialize(serializer)
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    Text::deserialize(deserializer).map(|t| t.0)
}

/// An optional date: `null` or absent (with `#[serde(default)]`) is none.
pub mod option {
    use super::*;

    pub fn serialize<S: Serializer>(
        date: &Option<NaiveDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        date.map(Text).serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        Option::<Text>::deserialize(deserializer).map(|t| t.map(|t| t.0))
    }
}

/// A list of dates, written.
pub mod list {
    use super::*;

    pub fn serialize<S: Serializer>(dates: &[NaiveDate], serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(dates.len()))?;
        dates
            .iter()
            .try_for_each(|d| seq.serialize_element(&Text(*d)))?;
        seq.end()
    }
}

/// A map keyed by dates, written.
pub mod keys {
    use super::*;

    pub fn serialize<S: Serializer, T: Serialize>(
        map: &BTreeMap<NaiveDate, T>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_map(Some(map.len()))?;
        map.iter()
            .try_for_each(|(date, value)| out.serialize_entry(&Text(*date), value))?;
        out.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_dates_as_written_and_refuses_other_shapes() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        for (text, expected) in [
            ("2025-01-01", day(2025, 1, 1)),
            ("2024-02-29", day(2024, 2, 29)),
            ("+10000-01-01", day(10000, 1, 1)),
            ("-0001-12-31", day(-1, 12, 31)),
            ("2025-02-29", None),
            ("2025-13-01", None),
            ("2025-1-01", None),
            ("25-01-01", None),
            ("10000-01-01", None),
            ("2025/01/01", None),
            (" 2025-01-01", None),
            ("2025-01-01 ", None),
            ("2025-0a-01", None),
            ("2025-01-+1", None),
            ("", None),
            ("ᏞᏞᏞᏞ-01-01", None),
        ] {
            assert_eq!(parse(text), expected, "{text:?}");
        }
    }

    proptest! {
        /// Every date chrono can hold reads back from its text, as chrono writes it.
        #[test]
        fn every_date_reads_back(days in i32::MIN..i32::MAX) {
            let date = NaiveDate::from_num_days_from_ce_opt(days % 95_000_000);
            if let Some(date) = date {
                prop_assert_eq!(parse(&date.to_string()), Some(date));
            }
        }

        /// Four-digit years read as chrono's own parser reads them.
        #[test]
        fn reads_as_chrono_does(text in "[0-9]{4}-[0-9]{2}-[0-9]{2}") {
            prop_assert_eq!(parse(&text), text.parse::<NaiveDate>().ok());
        }

        /// Any text is refused or read as a date, without a panic, and a date read reads back.
        #[test]
        fn any_text_is_refused_or_read(text in "\\PC{0,14}") {
            if let Some(date) = parse(&text) {
                prop_assert_eq!(parse(&date.to_string()), Some(date));
            }
        }
    }
}
